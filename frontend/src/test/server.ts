// A fake network for component tests: fetch is replaced at the boundary, and each route answers like the API.
import { vi } from "vitest";

export interface Call {
  method: string;
  path: string;
  search: URLSearchParams;
  headers: Headers;
  body: unknown;
}

type Handler = (call: Call) => Response | Promise<Response>;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": status >= 400 ? "application/problem+json" : "application/json", ...headers },
  });
}

export function problem(status: number, slug: string, detail: string, errors?: { field: string; message: string }[]) {
  return json({ type: `/problems/${slug}`, title: slug, status, detail, ...(errors ? { errors } : {}) }, status);
}

/** Install routes like {"GET /api/v1/customers": handler}; path params written as :name. Returns the calls seen. */
export function mockApi(routes: Record<string, Handler>): Call[] {
  const calls: Call[] = [];
  const compiled = Object.entries(routes).map(([key, handler]) => {
    const [method, pattern] = key.split(" ");
    const re = new RegExp(`^${pattern.replace(/:[a-z_]+/g, "[^/]+")}$`);
    return { method, re, handler };
  });
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: Request | string, init?: RequestInit) => {
      const req = typeof input === "string" ? new Request(new URL(input, "http://localhost"), init) : input;
      const url = new URL(req.url);
      const text = req.method === "GET" ? "" : await req.clone().text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        /* form bodies stay text */
      }
      const call: Call = {
        method: req.method,
        path: url.pathname,
        search: url.searchParams,
        headers: req.headers,
        body,
      };
      calls.push(call);
      const route = compiled.find((r) => r.method === req.method && r.re.test(url.pathname));
      if (!route) return problem(404, "not-found", `no fake route for ${req.method} ${url.pathname}`);
      return route.handler(call);
    }),
  );
  return calls;
}

export function signedIn(username = "rm.li"): void {
  sessionStorage.setItem(
    "crm.session",
    JSON.stringify({ token: "test-token", expiresAt: Date.now() + 3_600_000, username }),
  );
}

export const me = {
  id: "00000000-0000-4000-8000-000000000001",
  username: "rm.li",
  display_name: "Li Ming",
  role: "rm",
  branch: "BJ001",
  bank_timezone: "Asia/Shanghai",
};

/** Another RM of the signed-in user's branch, as the staff directory lists them. */
export const colleague = {
  id: "00000000-0000-4000-8000-000000000002",
  username: "rm.wang",
  display_name: "Wang Lei",
  role: "rm",
  branch: "BJ001",
  branch_name: "Beijing Chaoyang",
};

/** One faked server-sent event stream: the test writes frames to it as the server would. */
export interface FakeStream {
  call: Call;
  /** An `event:` frame with an `id:` (the data's id, as the server sends it) and the data as JSON. */
  send: (event: string, data: { id?: string } & Record<string, unknown>) => void;
  /** Text exactly as it goes on the wire (a comment, a frame cut anywhere). */
  write: (text: string) => void;
  /** The server ends the stream (a dropped connection, a restart). */
  end: () => void;
  /** Whether the page stopped reading (aborted the fetch, cancelled the body). */
  readonly cancelled: boolean;
}

/** Routes answer with `streams.open(call)`; `streams.opened` lists every connection the page made. */
export function eventStreams() {
  const opened: FakeStream[] = [];
  const encoder = new TextEncoder();
  function open(call: Call, ready = true): Response {
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    let cancelled = false;
    let ended = false;
    const body = new ReadableStream<Uint8Array>({
      start: (c) => void (controller = c),
      cancel: () => void (cancelled = true),
    });
    const write = (text: string) => {
      if (!cancelled && !ended) controller.enqueue(encoder.encode(text));
    };
    const stream: FakeStream = {
      call,
      write,
      send: (event, data) => write(`event: ${event}\nid: ${data.id ?? ""}\ndata: ${JSON.stringify(data)}\n\n`),
      end: () => {
        if (!cancelled && !ended) controller.close();
        ended = true;
      },
      get cancelled() {
        return cancelled;
      },
    };
    opened.push(stream);
    if (ready)
      write(`retry: 3000\nevent: ready\ndata: ${JSON.stringify({ customer_id: call.search.get("customer_id") })}\n\n`);
    return new Response(body, { status: 200, headers: { "Content-Type": "text/event-stream" } });
  }
  return { opened, open };
}
