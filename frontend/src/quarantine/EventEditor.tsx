import { useRef, useState } from "react";
import type { UseMutationResult } from "@tanstack/react-query";
import { useI18n, type MessageKey } from "../i18n";
import { ErrorMessage } from "../components/Status";
import { isNoLongerOpen, type QuarantineEntry, type ReplayAnswer, type ReplayInput } from "./api";
import { checkEvent, formatEvent, type EventCheck, type JsonExpectation } from "./json";

const EXPECTED: Record<JsonExpectation, MessageKey> = {
  value: "quarantine.json.expected.value",
  commaOrBrace: "quarantine.json.expected.commaOrBrace",
  commaOrBracket: "quarantine.json.expected.commaOrBracket",
  name: "quarantine.json.expected.name",
  colon: "quarantine.json.expected.colon",
  digit: "quarantine.json.expected.digit",
  closingQuote: "quarantine.json.expected.closingQuote",
  escape: "quarantine.json.expected.escape",
  noControl: "quarantine.json.expected.noControl",
  end: "quarantine.json.expected.end",
};

type Problem = Exclude<EventCheck, { ok: true }>;

/** What is wrong with the text, where, in the user's words. */
function problemText(problem: Problem, t: ReturnType<typeof useI18n>["t"]): string {
  if (problem.problem === "empty") return t("quarantine.json.empty");
  if (problem.problem === "notObject") return t("quarantine.json.notObject");
  const found =
    problem.found === null
      ? t("quarantine.json.foundEnd")
      : problem.found === "\n" || problem.found === "\r"
        ? t("quarantine.json.foundLineBreak")
        : t("quarantine.json.found", { char: problem.found.trim() ? problem.found : JSON.stringify(problem.found) });
  return t("quarantine.json.syntax", {
    line: problem.line,
    column: problem.column,
    expected: t(EXPECTED[problem.expected]),
    found,
  });
}

/**
 * The event in a text box, to correct; checked to be a JSON object before it is sent (where it is not, the message
 * says the line and column, and the caret is put there). Replay as corrected sends the text's event; Replay as stored
 * sends none, and the server applies the event as it keeps it.
 */
export function EventEditor({
  entry,
  replay,
  onReplay,
}: {
  entry: QuarantineEntry;
  replay: UseMutationResult<ReplayAnswer, Error, ReplayInput>;
  onReplay: (input: ReplayInput) => void;
}) {
  const { t } = useI18n();
  const stored = formatEvent(entry.event);
  const [text, setText] = useState(stored);
  const [problem, setProblem] = useState<Problem | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const ids = {
    editor: `q-${entry.id}-editor`,
    hint: `q-${entry.id}-editor-hint`,
    problem: `q-${entry.id}-editor-problem`,
  };

  function corrected() {
    const check = checkEvent(text);
    if (!check.ok) {
      setProblem(check);
      const box = area.current;
      if (box) {
        box.focus();
        if (check.problem === "syntax") box.setSelectionRange(check.offset, Math.min(check.offset + 1, text.length));
      }
      return;
    }
    setProblem(null);
    onReplay({ event: check.event });
  }

  function asStored() {
    setProblem(null);
    onReplay({ event: null });
  }

  const busy = replay.isPending;
  // A 409 is said in the row (the entry is read again); anything else beneath the buttons.
  const error = replay.error && !isNoLongerOpen(replay.error) ? replay.error : null;
  return (
    <div className="event-editor">
      <label htmlFor={ids.editor}>{t("quarantine.editor")}</label>
      <textarea
        id={ids.editor}
        ref={area}
        className="mono"
        rows={Math.min(24, Math.max(8, text.split("\n").length + 1))}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setProblem(null);
        }}
        aria-invalid={problem !== null}
        aria-describedby={problem ? `${ids.hint} ${ids.problem}` : ids.hint}
      />
      <small id={ids.hint}>{t("quarantine.editorHint")}</small>
      {problem && (
        <span className="field-problem" id={ids.problem} role="alert" data-testid="json-problem">
          {problemText(problem, t)}
        </span>
      )}
      <div className="actions tight">
        <button type="button" disabled={busy} onClick={corrected}>
          {busy ? t("quarantine.replaying") : t("quarantine.replayCorrected")}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={asStored}>
          {t("quarantine.replayStored")}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy || text === stored}
          onClick={() => {
            setText(stored);
            setProblem(null);
            area.current?.focus();
          }}
        >
          {t("quarantine.undoEdits")}
        </button>
      </div>
      {error && <ErrorMessage error={error} />}
    </div>
  );
}
