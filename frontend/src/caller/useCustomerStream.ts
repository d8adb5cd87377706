// The live events of the customer on the screen: GET /contact-center/stream read with fetch (the bearer token
// cannot go through EventSource), parsed frame by frame, reconnected after the server's `retry` when it drops.
import { useEffect, useRef, useState } from "react";
import { fetchWithSession } from "../api/client";
import { SseParser } from "./sse";

export type StreamStatus = "connecting" | "live" | "reconnecting" | "unavailable";

export interface StreamHandlers {
  /** An `interaction`, `alert`, `balance` or `case` event with its JSON data. */
  onEvent: (event: string, data: unknown) => void;
  /** Live again after a drop: the replay brings interactions, alerts, balances and open cases back; read the context
   * again for the rest (value, cases closed meanwhile, next best actions). */
  onResumed: () => void;
}

/** Until the server says otherwise (`retry: 3000` on every stream). */
const DEFAULT_RETRY_MS = 3000;

function retryAfterMs(response: Response): number | null {
  const seconds = Number(response.headers.get("Retry-After"));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : null;
}

export function useCustomerStream(customerId: string, handlers: StreamHandlers): StreamStatus {
  const [status, setStatus] = useState<StreamStatus>("connecting");
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    // One controller per customer: aborting it ends the fetch, the body being read and any reconnection timer.
    const controller = new AbortController();
    const { signal } = controller;
    let retryMs = DEFAULT_RETRY_MS;
    let timer: number | undefined;
    let wasLive = false;
    signal.addEventListener("abort", () => window.clearTimeout(timer));

    const retryLater = (ms: number) => {
      if (signal.aborted) return;
      setStatus(wasLive ? "reconnecting" : "connecting");
      timer = window.setTimeout(connect, ms);
    };

    async function connect() {
      let response: Response;
      try {
        response = await fetchWithSession(
          `/api/v1/contact-center/stream?customer_id=${encodeURIComponent(customerId)}&replay=true`,
          {
            headers: { Accept: "text/event-stream" },
            cache: "no-store",
            signal,
          },
        );
      } catch {
        retryLater(retryMs); // the network, or the abort (then retryLater does nothing)
        return;
      }
      if (signal.aborted) return;
      if (!response.ok || !response.body) {
        // 401 has ended the session already; 403/404/422 will not change by asking again; the rest may.
        if (response.status >= 400 && response.status < 500 && response.status !== 429) setStatus("unavailable");
        else retryLater(retryAfterMs(response) ?? retryMs);
        return;
      }
      const reader = response.body.getReader();
      const stop = () => void reader.cancel().catch(() => undefined);
      signal.addEventListener("abort", stop);
      const parser = new SseParser();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done || signal.aborted) break;
          const frames = parser.push(value);
          if (parser.retry !== null) retryMs = parser.retry;
          for (const frame of frames) {
            if (frame.event === "ready") {
              setStatus("live");
              if (wasLive) latest.current.onResumed();
              wasLive = true;
              continue;
            }
            let data: unknown;
            try {
              data = JSON.parse(frame.data);
            } catch {
              continue; // not ours to show
            }
            latest.current.onEvent(frame.event, data);
          }
        }
      } catch {
        // the connection dropped mid-stream
      } finally {
        signal.removeEventListener("abort", stop);
      }
      retryLater(retryMs);
    }

    setStatus("connecting");
    void connect();
    return () => controller.abort();
  }, [customerId]);

  return status;
}
