// The corrected event as typed: checked here before it is sent, so that a missing comma is found where it is, in the
// user's language (JSON.parse's own message differs from one browser to the next, and some give no position).

/** What the text needed at the place it went wrong. */
export type JsonExpectation =
  | "value"
  | "commaOrBrace"
  | "commaOrBracket"
  | "name"
  | "colon"
  | "digit"
  | "closingQuote"
  | "escape"
  | "noControl"
  | "end";

export interface JsonPlace {
  /** Index in the text (UTF-16 code units), where the caret goes. */
  offset: number;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export type EventCheck =
  | { ok: true; event: Record<string, unknown> }
  | { ok: false; problem: "empty" }
  | { ok: false; problem: "notObject" }
  | ({ ok: false; problem: "syntax"; expected: JsonExpectation; found: string | null } & JsonPlace);

class Stop {
  constructor(
    readonly offset: number,
    readonly expected: JsonExpectation,
  ) {}
}

/** The place of the first thing in `text` that is not JSON, or null when it is all JSON (RFC 8259). */
export function findJsonError(text: string): { offset: number; expected: JsonExpectation } | null {
  let i = 0;
  const n = text.length;
  const stop = (expected: JsonExpectation, at = i): never => {
    throw new Stop(at, expected);
  };
  const space = () => {
    while (i < n && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i++;
  };
  const digits = () => {
    const from = i;
    while (i < n && text[i] >= "0" && text[i] <= "9") i++;
    if (i === from) stop("digit");
  };
  const string = () => {
    i++; // the opening quote
    for (;;) {
      if (i >= n) stop("closingQuote");
      const c = text[i];
      if (c === '"') {
        i++;
        return;
      }
      if (c === "\\") {
        i++;
        const e = text[i];
        if (e !== undefined && '"\\/bfnrt'.includes(e)) i++;
        else if (e === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) i += 5;
        else stop("escape", i - 1);
      } else if (c < " ") stop("noControl");
      else i++;
    }
  };
  const number = () => {
    if (text[i] === "-") i++;
    if (text[i] === "0") i++;
    else digits();
    if (text[i] === ".") {
      i++;
      digits();
    }
    if (text[i] === "e" || text[i] === "E") {
      i++;
      if (text[i] === "+" || text[i] === "-") i++;
      digits();
    }
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === "{") {
      i++;
      space();
      if (text[i] === "}") {
        i++;
        return;
      }
      for (;;) {
        space();
        if (text[i] !== '"') stop("name");
        string();
        space();
        if (text[i] !== ":") stop("colon");
        i++;
        value();
        space();
        if (text[i] === ",") i++;
        else if (text[i] === "}") {
          i++;
          return;
        } else stop("commaOrBrace");
      }
    }
    if (c === "[") {
      i++;
      space();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (;;) {
        value();
        space();
        if (text[i] === ",") i++;
        else if (text[i] === "]") {
          i++;
          return;
        } else stop("commaOrBracket");
      }
    }
    if (c === '"') return string();
    if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return number();
    for (const word of ["true", "false", "null"])
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    stop("value");
  };
  try {
    value();
    space();
    if (i < n) stop("end");
    return null;
  } catch (e) {
    if (e instanceof Stop) return { offset: e.offset, expected: e.expected };
    throw e;
  }
}

/** Line and column (1-based) of an index in the text. */
export function placeOf(text: string, offset: number): JsonPlace {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf("\n") + 1;
  return { offset, line: before.split("\n").length, column: offset - lineStart + 1 };
}

/** The corrected event, if the text is a JSON object; otherwise where and why it is not. */
export function checkEvent(text: string): EventCheck {
  if (text.trim() === "") return { ok: false, problem: "empty" };
  let error: ReturnType<typeof findJsonError>;
  try {
    error = findJsonError(text);
  } catch {
    // Nested too deep for the checker's stack: JSON.parse below says whether it is JSON at all.
    error = null;
  }
  if (error) {
    const found = error.offset < text.length ? String.fromCodePoint(text.codePointAt(error.offset)!) : null;
    return { ok: false, problem: "syntax", expected: error.expected, found, ...placeOf(text, error.offset) };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: "syntax", expected: "value", found: text[0] ?? null, ...placeOf(text, 0) };
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) return { ok: false, problem: "notObject" };
  return { ok: true, event: value as Record<string, unknown> };
}

/** An event as the editor shows it: two-space indented JSON. */
export function formatEvent(event: unknown): string {
  return JSON.stringify(event, null, 2) ?? "";
}
