// Server-sent events read from a fetch body (EventSource cannot send the Authorization header), parsed as the
// HTML standard's event-stream interpretation does: lines end with CRLF, LF or CR; a blank line dispatches the
// event; `event:`, `data:`, `id:` and `retry:` fields; a line starting with ":" is a comment. Chunks may end
// anywhere, even inside a UTF-8 character or between the CR and LF of one line end.

export interface SseEvent {
  /** The `event:` field, "message" when the frame had none. */
  event: string;
  /** The `data:` lines joined with "\n". */
  data: string;
  /** The last `id:` seen on the stream so far ("" when none). */
  id: string;
}

export class SseParser {
  /** The reconnection time the server asked for (`retry:`), in milliseconds; null until it says. */
  retry: number | null = null;
  lastEventId = "";
  private readonly decoder = new TextDecoder("utf-8");
  private buffer = "";
  private afterCr = false;
  private started = false;
  private eventType = "";
  private data: string[] = [];

  /** Feed the next chunk (bytes or text); the events it completes, in order. */
  push(chunk: Uint8Array | string): SseEvent[] {
    let text = typeof chunk === "string" ? chunk : this.decoder.decode(chunk, { stream: true });
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    // The LF of a CRLF whose CR ended the previous chunk is not a second line end.
    if (this.afterCr && text.startsWith("\n")) text = text.slice(1);
    this.afterCr = false;
    this.buffer += text;
    const events: SseEvent[] = [];
    for (;;) {
      const m = /\r\n|\r|\n/.exec(this.buffer);
      if (!m) break;
      // A CR at the very end may be the first half of a CRLF: take the line, remember to skip an LF.
      if (m[0] === "\r" && m.index === this.buffer.length - 1) this.afterCr = true;
      const line = this.buffer.slice(0, m.index);
      this.buffer = this.buffer.slice(m.index + m[0].length);
      const event = this.line(line);
      if (event) events.push(event);
    }
    return events;
  }

  private line(line: string): SseEvent | null {
    if (line === "") return this.dispatch();
    if (line.startsWith(":")) return null; // a comment, e.g. the server's heartbeat
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    switch (field) {
      case "event":
        this.eventType = value;
        break;
      case "data":
        this.data.push(value);
        break;
      case "id":
        if (!value.includes("\0")) this.lastEventId = value;
        break;
      case "retry":
        if (/^\d+$/.test(value)) this.retry = Number(value);
        break;
      // any other field is ignored
    }
    return null;
  }

  private dispatch(): SseEvent | null {
    const type = this.eventType;
    const data = this.data;
    this.eventType = "";
    this.data = [];
    if (data.length === 0) return null;
    return { event: type || "message", data: data.join("\n"), id: this.lastEventId };
  }
}
