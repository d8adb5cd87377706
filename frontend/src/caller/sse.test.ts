import { describe, expect, it } from "vitest";
import { SseParser, type SseEvent } from "./sse";

// What the server sends (api/contact_center.py): retry and ready first, events with an id, heartbeat comments.
const STREAM =
  'retry: 3000\nevent: ready\ndata: {"customer_id":"c-1"}\n\n' +
  'event: interaction\nid: i-1\ndata: {"id":"i-1","summary":"王芳 called"}\n\n' +
  ": heartbeat\n\n" +
  'event: balance\nid: h-1\ndata: {"id":"h-1","balance":"9800.0000"}\n\n';

function feed(parser: SseParser, chunks: (string | Uint8Array)[]): SseEvent[] {
  return chunks.flatMap((c) => parser.push(c));
}

describe("server-sent event frames", () => {
  it("reads the server's frames, skips the heartbeat comment and keeps the retry time", () => {
    const parser = new SseParser();
    const events = parser.push(STREAM);
    expect(events).toEqual([
      { event: "ready", data: '{"customer_id":"c-1"}', id: "" },
      { event: "interaction", data: '{"id":"i-1","summary":"王芳 called"}', id: "i-1" },
      { event: "balance", data: '{"id":"h-1","balance":"9800.0000"}', id: "h-1" },
    ]);
    expect(parser.retry).toBe(3000);
  });

  it("gives the same events however the stream is cut into chunks", () => {
    const whole = new SseParser().push(STREAM);
    for (let size = 1; size <= 13; size++) {
      const chunks: string[] = [];
      for (let i = 0; i < STREAM.length; i += size) chunks.push(STREAM.slice(i, i + size));
      expect(feed(new SseParser(), chunks)).toEqual(whole);
    }
  });

  it("holds a frame back until its blank line arrives", () => {
    const parser = new SseParser();
    expect(parser.push("event: interaction\nid: i-9\nda")).toEqual([]);
    expect(parser.push('ta: {"id":"i-9"}\n')).toEqual([]);
    expect(parser.push("\n")).toEqual([{ event: "interaction", data: '{"id":"i-9"}', id: "i-9" }]);
  });

  it("joins multi-line data with newlines, and reads a field without a space after the colon", () => {
    const parser = new SseParser();
    expect(parser.push("event:alert\ndata: first line\ndata:second line\ndata\n\n")).toEqual([
      { event: "alert", data: "first line\nsecond line\n", id: "" },
    ]);
  });

  it("ignores comments anywhere, frames without data, and unknown fields", () => {
    const parser = new SseParser();
    expect(parser.push(": hello\n\nevent: ready\n\nfoo: bar\n: inside\ndata: x\n\n")).toEqual([
      { event: "message", data: "x", id: "" },
    ]);
    expect(parser.push("retry: soon\n\n")).toEqual([]);
    expect(parser.retry).toBeNull();
  });

  it("accepts CRLF and CR line ends, also when a CRLF is split between chunks", () => {
    const parser = new SseParser();
    expect(feed(parser, ["event: alert\r", "\ndata: a\r", "\n\r", "\n"])).toEqual([
      { event: "alert", data: "a", id: "" },
    ]);
    expect(parser.push("data: b\r\rdata: c\n\n")).toEqual([
      { event: "message", data: "b", id: "" },
      { event: "message", data: "c", id: "" },
    ]);
  });

  it("decodes a Chinese character whose UTF-8 bytes are split between chunks", () => {
    const bytes = new TextEncoder().encode('event: interaction\ndata: {"summary":"王芳"}\n\n');
    const cut = bytes.indexOf(0xe7) + 1; // inside 王 (e7 8e 8b)
    const parser = new SseParser();
    expect(feed(parser, [bytes.slice(0, cut), bytes.slice(cut)])).toEqual([
      { event: "interaction", data: '{"summary":"王芳"}', id: "" },
    ]);
  });
});
