// The form that records what a target customer said to a campaign's offer (its response and an optional note), used
// row by row in a campaign's contacts and per campaign on the customer's 360 view. What it records replaces what
// every list read so far shows (useRecordResponse); a refusal (409: the campaign closed meanwhile, or the customer is
// held out in its control group, each of its own problem type) is left to the caller to say, through `onRefused`.
import { useState, type FormEvent } from "react";
import { useI18n, type MessageKey } from "../i18n";
import { ErrorMessage } from "../components/Status";
import { FieldProblem } from "../cases/FieldProblem";
import {
  ANSWERS,
  NOTE_MAX,
  responseFieldProblems,
  responseRefusal,
  useRecordResponse,
  type Answer,
  type Member,
  type ResponseField,
  type ResponseRefusal,
} from "./api";

const PROBLEM_TEXT: Record<ResponseField, MessageKey> = {
  response: "campaigns.invalid.response",
  note: "campaigns.invalid.note",
};

export function ResponseForm({
  campaignId,
  customerId,
  response: recorded,
  note: recordedNote,
  label: formLabel,
  idBase,
  onRefused,
  onRecorded,
}: {
  campaignId: string;
  customerId: string;
  /** What is recorded now (the form starts from it). */
  response: Answer | null;
  note: string | null;
  /** The form's accessible name: whose response to which campaign. */
  label: string;
  /** Unique on the page: the fields' ids start with it. */
  idBase: string;
  /** Hears of a refusal: the campaign is no longer active, or the customer is held out. */
  onRefused: (why: ResponseRefusal) => void;
  /** Hears of each answer recorded, as the server stored it. */
  onRecorded?: (member: Member) => void;
}) {
  const { t, label } = useI18n();
  const record = useRecordResponse(campaignId);
  const [response, setResponse] = useState<Answer | "">(recorded ?? "");
  const [note, setNote] = useState(recordedNote ?? "");
  const [sent, setSent] = useState<{ response: string; note: string } | null>(null);
  const [saved, setSaved] = useState(false);
  const base = idBase;

  const problems = responseFieldProblems(record.error);
  const about = (field: ResponseField, now: string) =>
    sent && sent[field] === now ? problems.filter((p) => p.field === field).map((p) => p.message) : [];
  const responseProblems = about("response", response);
  const noteProblems = about("note", note);
  // A refusal is said by the caller, whose list read again no longer offers to record; anything else (a 409 of
  // another type too) here, as the SPA says problems.
  const other = record.error && problems.length === 0 && !responseRefusal(record.error) ? record.error : null;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!response) return;
    setSaved(false);
    setSent({ response, note });
    record.mutate(
      { customerId, response, note },
      {
        onSuccess: (member) => {
          setSaved(true);
          onRecorded?.(member);
        },
        onError: (e) => {
          const why = responseRefusal(e);
          if (why) onRefused(why);
        },
      },
    );
  }

  return (
    <form className="record-form" aria-label={formLabel} onSubmit={submit}>
      <div className="record-fields">
        <label className="visually-hidden" htmlFor={`${base}-response`}>
          {t("campaigns.response")}
        </label>
        <select
          id={`${base}-response`}
          required
          value={response}
          onChange={(e) => {
            setResponse(e.target.value as Answer | "");
            setSaved(false);
          }}
          aria-invalid={responseProblems.length > 0}
          aria-describedby={responseProblems.length > 0 ? `${base}-response-problem` : undefined}
        >
          <option value="">{t("campaigns.chooseAnswer")}</option>
          {ANSWERS.map((a) => (
            <option key={a} value={a}>
              {label("campaignResponse", a)}
            </option>
          ))}
        </select>
        <label className="visually-hidden" htmlFor={`${base}-note`}>
          {t("campaigns.note")}
        </label>
        <input
          id={`${base}-note`}
          type="text"
          autoComplete="off"
          maxLength={NOTE_MAX}
          placeholder={t("campaigns.notePlaceholder")}
          value={note}
          onChange={(e) => {
            setNote(e.target.value);
            setSaved(false);
          }}
          aria-invalid={noteProblems.length > 0}
          aria-describedby={noteProblems.length > 0 ? `${base}-note-problem` : undefined}
        />
        <button type="submit" disabled={record.isPending || !response}>
          {record.isPending ? t("common.saving") : t("common.save")}
        </button>
      </div>
      <FieldProblem id={`${base}-response-problem`} text={t(PROBLEM_TEXT.response)} messages={responseProblems} />
      <FieldProblem id={`${base}-note-problem`} text={t(PROBLEM_TEXT.note)} messages={noteProblems} />
      <div aria-live="polite">
        {saved && <p className="status ok row-status">{t("campaigns.saved")}</p>}
        {other !== null && <ErrorMessage error={other} />}
      </div>
    </form>
  );
}
