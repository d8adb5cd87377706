import { describe, expect, it } from "vitest";
import { checkEvent, findJsonError } from "./json";

const accepts = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe("the corrected event's check", () => {
  it("agrees with JSON.parse on what is JSON", () => {
    const texts = [
      '{"a": 1}',
      "{}",
      "[]",
      ' { "a" : [1, -2.5e+3, 0, true, false, null, "x\\n\\u00e9\\"", {"b": {}}] } ',
      "01",
      "1.",
      "-",
      ".5",
      "1e",
      '{"a": 1,}',
      "[1,]",
      "{'a': 1}",
      '{"a" 1}',
      "{a: 1}",
      '"\\x"',
      '"\\u12G4"',
      '"tab\there"',
      '"line\nbreak"',
      '"open',
      "tru",
      "nul",
      "NaN",
      '{"a": 1} {"b": 2}',
      "",
      "   ",
    ];
    for (const text of texts) expect([text, findJsonError(text) === null]).toEqual([text, accepts(text)]);
  });

  it("says where the text stops being JSON and what it needed there", () => {
    const text = '{\n  "type": "deposit"\n  "amount": "5.00"\n}';
    expect(checkEvent(text)).toEqual({
      ok: false,
      problem: "syntax",
      expected: "commaOrBrace",
      found: '"',
      offset: text.indexOf('"amount"'),
      line: 3,
      column: 3,
    });
    expect(checkEvent('{"a": 1')).toMatchObject({ expected: "commaOrBrace", found: null, line: 1, column: 8 });
    expect(checkEvent('{"a": "x\\q"}')).toMatchObject({ expected: "escape", found: "\\", column: 9 });
    expect(checkEvent('{"a": "two\nlines"}')).toMatchObject({ expected: "noControl", found: "\n", line: 1 });
    expect(checkEvent('{"a": 1}}')).toMatchObject({ expected: "end", found: "}", column: 9 });
    expect(checkEvent('{"a": 😀}')).toMatchObject({ expected: "value", found: "😀" });
    expect(checkEvent("{a: 1}")).toMatchObject({ expected: "name", found: "a" });
  });

  it("takes only an object", () => {
    expect(checkEvent(' {"a": [1]} ')).toEqual({ ok: true, event: { a: [1] } });
    expect(checkEvent("[1]")).toEqual({ ok: false, problem: "notObject" });
    expect(checkEvent("null")).toEqual({ ok: false, problem: "notObject" });
    expect(checkEvent('"text"')).toEqual({ ok: false, problem: "notObject" });
    expect(checkEvent(" \n ")).toEqual({ ok: false, problem: "empty" });
  });
});
