// One quarantined event: where it came from, when, and why it was refused; opened, the event itself, and for an open
// entry the editor to correct and replay it, or the form to discard it saying why.
import { useEffect, useRef, useState } from "react";
import { ApiError } from "../api/client";
import { formatDateTime } from "../format";
import { useI18n } from "../i18n";
import type { News } from "../campaigns/ConfirmStep";
import {
  isNoLongerOpen,
  useDiscard,
  useReplay,
  type QuarantineEntry,
  type ReplayAnswer,
  type ReplayInput,
} from "./api";
import { formatEvent } from "./json";
import { DiscardForm } from "./DiscardForm";
import { EventEditor } from "./EventEditor";
import { Reasons } from "./Reasons";

/** What the last step on the entry came to, said in the row (it outlives the editor: an applied entry has none). */
type Outcome =
  | { kind: "replayed"; result: ReplayAnswer["result"] }
  | { kind: "refused"; result: ReplayAnswer["result"]; before: QuarantineEntry["errors"] }
  | { kind: "discarded" }
  | { kind: "conflict"; detail: string | null };

function OutcomeNote({ outcome, entry }: { outcome: Outcome; entry: QuarantineEntry }) {
  const { t } = useI18n();
  const note = useRef<HTMLDivElement>(null);
  // Once a step is done the keyboard's place is the sentence that says what happened (the editor may be gone).
  useEffect(() => note.current?.focus(), [outcome]);
  if (outcome.kind === "refused") {
    const now = outcome.result.errors ?? [];
    const still = new Set(now.map((r) => r.field));
    const fixed = [...new Set(outcome.before.map((r) => r.field))].filter((f) => !still.has(f));
    return (
      <div ref={note} tabIndex={-1} className="status notice replay-outcome" data-testid="replay-outcome">
        <p className="outcome-head">{t("quarantine.stillRefused", { attempts: entry.attempts })}</p>
        <Reasons reasons={now} before={outcome.before} label={t("quarantine.newReasons")} testId="replay-reasons" />
        {fixed.length > 0 && <p>{t("quarantine.fixedFields", { fields: fixed.join(", ") })}</p>}
      </div>
    );
  }
  const text =
    outcome.kind === "replayed"
      ? outcome.result.status === "duplicate"
        ? t("quarantine.appliedBefore")
        : t("quarantine.applied")
      : outcome.kind === "discarded"
        ? t("quarantine.discarded")
        : t("quarantine.noLongerOpen");
  return (
    <div
      ref={note}
      tabIndex={-1}
      className={outcome.kind === "conflict" ? "status notice replay-outcome" : "status ok replay-outcome"}
      data-testid="replay-outcome"
    >
      <p className="outcome-head">{text}</p>
      {outcome.kind === "conflict" && outcome.detail && <p className="error-detail">{outcome.detail}</p>}
    </div>
  );
}

export function QuarantineRow({ entry }: { entry: QuarantineEntry }) {
  const { t, label, locale } = useI18n();
  const [expanded, setExpanded] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // The steps' state lives here, with the row, not in the editor: an applied or discarded entry has no editor left.
  const replay = useReplay(entry);
  const discard = useDiscard(entry);
  const open = entry.status === "open";
  const detailId = `q-${entry.id}-detail`;

  function sendReplay(input: ReplayInput) {
    const before = entry.errors;
    setOutcome(null);
    discard.reset();
    replay.mutate(input, {
      onSuccess: (answer) => {
        if (answer.result.status === "rejected") setOutcome({ kind: "refused", result: answer.result, before });
        else {
          setOutcome({ kind: "replayed", result: answer.result });
          setExpanded(false);
        }
      },
      onError: (e) => {
        if (!isNoLongerOpen(e)) return;
        setOutcome({ kind: "conflict", detail: e instanceof ApiError ? (e.problem?.detail ?? null) : null });
      },
    });
  }

  function discardNews(news: News | null) {
    if (news === null) {
      setOutcome(null);
      replay.reset();
    } else setOutcome({ kind: "conflict", detail: news.detail ?? null });
  }

  const resolved =
    !open && entry.resolved_at
      ? t(entry.status === "replayed" ? "quarantine.replayedBy" : "quarantine.discardedBy", {
          when: formatDateTime(entry.resolved_at, locale),
          who: entry.resolved_by ?? "—",
        })
      : null;

  return (
    <li className={`alert-row quarantine-row ${open ? "" : "resolved"}`.trim()} data-entry-id={entry.id}>
      <div className="alert-main">
        <span className="tag">{label("feedChannel", entry.channel)}</span>
        <span data-status={entry.status} className={`entry-status status-${entry.status}`}>
          {label("quarantine.status", entry.status)}
        </span>
        <strong className="alert-title">
          {entry.source_ref ? (
            <span className="mono">{entry.source_ref}</span>
          ) : (
            <span className="muted-text">{t("quarantine.noSourceRef")}</span>
          )}
        </strong>
        <span className="alert-meta">
          <time dateTime={entry.received_at}>
            {t("quarantine.received", { when: formatDateTime(entry.received_at, locale) })}
          </time>
          {entry.attempts > 1 && <> · {t("quarantine.attempts", { n: entry.attempts })}</>}
          {resolved && <> · {resolved}</>}
        </span>
        {!open && entry.resolution_note && (
          <span className="alert-detail">{t("quarantine.resolutionNote", { note: entry.resolution_note })}</span>
        )}
        {/* A resolved entry keeps the reasons it was last refused for: said as past. */}
        {!open && entry.errors.length > 0 && <span className="alert-detail">{t("quarantine.refusedFor")}</span>}
        <Reasons reasons={entry.errors} label={t("quarantine.reasons")} />
      </div>
      <div className="alert-actions">
        <button
          type="button"
          className="secondary"
          aria-expanded={expanded}
          aria-controls={expanded ? detailId : undefined}
          onClick={() => setExpanded(!expanded)}
        >
          {open ? t("quarantine.fix") : t("quarantine.showEvent")}
        </button>
      </div>
      {expanded && (
        <div id={detailId} className="quarantine-detail">
          <div className="stored-event">
            <h3 id={`${detailId}-h`}>{open ? t("quarantine.storedEvent") : t("quarantine.event")}</h3>
            <pre className="event-json mono" tabIndex={0} aria-labelledby={`${detailId}-h`} data-testid="stored-event">
              {formatEvent(entry.event)}
            </pre>
          </div>
          {open && (
            <div className="entry-work">
              <EventEditor entry={entry} replay={replay} onReplay={sendReplay} />
              <DiscardForm
                entry={entry}
                discard={discard}
                onDiscarded={() => {
                  setOutcome({ kind: "discarded" });
                  setExpanded(false);
                }}
                onNews={discardNews}
              />
            </div>
          )}
        </div>
      )}
      <div className="quarantine-outcome" aria-live="polite">
        {outcome && <OutcomeNote outcome={outcome} entry={entry} />}
      </div>
    </li>
  );
}
