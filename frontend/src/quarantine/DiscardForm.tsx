import { useRef, useState } from "react";
import type { UseMutationResult } from "@tanstack/react-query";
import { useI18n } from "../i18n";
import { ConfirmStep, type News } from "../campaigns/ConfirmStep";
import { DISCARD_REASON_MAX, type QuarantineEntry } from "./api";

/**
 * Give up on an open entry, saying why: the reason is required (asked for before the step may start), then the shared
 * confirm step says what discarding does. A 409 (replayed or discarded meanwhile) is told through `onNews`.
 */
export function DiscardForm({
  entry,
  discard,
  onDiscarded,
  onNews,
}: {
  entry: QuarantineEntry;
  discard: UseMutationResult<QuarantineEntry, Error, string>;
  onDiscarded: () => void;
  onNews: (news: News | null) => void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const ids = {
    reason: `q-${entry.id}-discard-reason`,
    hint: `q-${entry.id}-discard-hint`,
    problem: `q-${entry.id}-discard-problem`,
  };
  const words = {
    open: t("quarantine.discard"),
    title: t("quarantine.discardTitle"),
    explain: t("quarantine.discardExplain", { reason: reason.trim() }),
    now: t("quarantine.discardNow"),
    busy: t("quarantine.discarding"),
  };

  return (
    <div className="discard-form">
      <div className="field">
        <label htmlFor={ids.reason}>{t("quarantine.discardReason")}</label>
        <textarea
          id={ids.reason}
          ref={area}
          required
          rows={2}
          maxLength={DISCARD_REASON_MAX}
          value={reason}
          disabled={discard.isPending}
          onChange={(e) => {
            setReason(e.target.value);
            if (e.target.value.trim()) setMissing(false);
          }}
          aria-invalid={missing}
          aria-describedby={missing ? `${ids.hint} ${ids.problem}` : ids.hint}
        />
        <small id={ids.hint}>{t("quarantine.discardReasonHint")}</small>
        {missing && (
          <span className="field-problem" id={ids.problem} role="alert">
            {t("quarantine.discardReasonMissing")}
          </span>
        )}
      </div>
      {reason.trim() ? (
        <ConfirmStep
          id={`q-${entry.id}-discard`}
          words={words}
          mutation={discard}
          variables={reason.trim()}
          openClassName="danger"
          confirmClassName="danger"
          onDone={(_, close) => {
            close();
            onDiscarded();
          }}
          conflict={t("quarantine.noLongerOpen")}
          onNews={onNews}
        />
      ) : (
        // The same button, before a reason is given: it asks for one instead of opening the confirmation.
        <div className="campaign-step">
          <button
            type="button"
            className="danger"
            onClick={() => {
              setMissing(true);
              area.current?.focus();
            }}
          >
            {words.open}
          </button>
        </div>
      )}
    </div>
  );
}
