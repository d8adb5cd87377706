// Cases (one customer's, or a queue of many customers' naming each), each with what it is, when it is due, and for a
// closed one what was done, by whom and how satisfied the customer was; a role that works cases closes an open one
// here, with what was done.
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { Link } from "react-router";
import { useAuth } from "../auth";
import { formatDateTime } from "../format";
import { useI18n, type MessageKey } from "../i18n";
import { mayWorkCases } from "../roles";
import { ErrorMessage, NewMark } from "../components/Status";
import { FieldProblem } from "./FieldProblem";
import {
  fieldProblems,
  isAlreadyClosed,
  RESOLUTION_MAX,
  SATISFACTION,
  sortCases,
  useCloseCase,
  type Case,
  type CaseSummary,
  type CloseField,
  type CloseInput,
} from "./api";

const PROBLEM_TEXT: Record<CloseField, MessageKey> = {
  resolution: "cases.invalid.resolution",
  satisfaction: "cases.invalid.satisfaction",
};

function CloseCaseForm({
  c,
  busy,
  error,
  onSubmit,
  onCancel,
}: {
  c: CaseSummary;
  busy: boolean;
  error: unknown;
  onSubmit: (input: CloseInput) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [resolution, setResolution] = useState("");
  const [satisfaction, setSatisfaction] = useState("");
  // The server's objection holds for what it was sent, not for what has been typed since.
  const [sent, setSent] = useState<{ resolution: string; satisfaction: string } | null>(null);
  const text = useRef<HTMLTextAreaElement>(null);
  useEffect(() => text.current?.focus(), []);

  const problems = fieldProblems(error);
  const about = (field: CloseField, now: string) =>
    sent && sent[field] === now ? problems.filter((p) => p.field === field).map((p) => p.message) : [];
  const resolutionProblems = about("resolution", resolution);
  const satisfactionProblems = about("satisfaction", satisfaction);
  // Anything not about one of the fields (a 403, a 404, the network) is said beneath the form.
  const other = error && problems.length === 0 && !isAlreadyClosed(error) ? error : null;

  const ids = {
    resolution: `case-${c.id}-resolution`,
    satisfaction: `case-${c.id}-satisfaction`,
    resolutionProblem: `case-${c.id}-resolution-problem`,
    satisfactionProblem: `case-${c.id}-satisfaction-problem`,
    hint: `case-${c.id}-resolution-hint`,
  };

  function submit(e: FormEvent) {
    e.preventDefault();
    setSent({ resolution, satisfaction });
    onSubmit({ resolution, satisfaction: satisfaction ? Number(satisfaction) : null });
  }

  function escape(e: KeyboardEvent) {
    if (e.key === "Escape" && !busy) {
      e.stopPropagation();
      onCancel();
    }
  }

  return (
    <form
      id={`case-${c.id}-form`}
      className="case-close"
      aria-label={t("cases.closeForm", { subject: c.subject })}
      onSubmit={submit}
      onKeyDown={escape}
    >
      <div className="field">
        <label htmlFor={ids.resolution}>{t("cases.resolution")}</label>
        <textarea
          id={ids.resolution}
          ref={text}
          required
          rows={3}
          maxLength={RESOLUTION_MAX}
          value={resolution}
          onChange={(e) => setResolution(e.target.value)}
          aria-invalid={resolutionProblems.length > 0}
          aria-describedby={resolutionProblems.length > 0 ? `${ids.hint} ${ids.resolutionProblem}` : ids.hint}
        />
        <small id={ids.hint}>{t("cases.resolutionHint")}</small>
        <FieldProblem id={ids.resolutionProblem} text={t(PROBLEM_TEXT.resolution)} messages={resolutionProblems} />
      </div>
      <div className="field">
        <label htmlFor={ids.satisfaction}>{t("cases.satisfaction")}</label>
        <select
          id={ids.satisfaction}
          value={satisfaction}
          onChange={(e) => setSatisfaction(e.target.value)}
          aria-invalid={satisfactionProblems.length > 0}
          aria-describedby={satisfactionProblems.length > 0 ? ids.satisfactionProblem : undefined}
        >
          <option value="">{t("cases.satisfactionNotAsked")}</option>
          {SATISFACTION.map((n) => (
            <option key={n} value={n}>
              {t("cases.satisfactionOption", { n, word: t(`satisfaction.${n}` as MessageKey) })}
            </option>
          ))}
        </select>
        <FieldProblem
          id={ids.satisfactionProblem}
          text={t(PROBLEM_TEXT.satisfaction)}
          messages={satisfactionProblems}
        />
      </div>
      <div className="actions tight">
        <button type="submit" disabled={busy}>
          {busy ? t("cases.closing") : t("cases.close")}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
      {other !== null && <ErrorMessage error={other} />}
    </form>
  );
}

function ClosedDetails({ c }: { c: CaseSummary }) {
  const { t, locale } = useI18n();
  const when = formatDateTime(c.closed_at, locale);
  const closed = c.closed_by_username
    ? t("cases.closedBy", { who: c.closed_by_username, when })
    : t("cases.closedAt", { when });
  const satisfaction =
    c.satisfaction !== null && Number.isInteger(c.satisfaction) && c.satisfaction >= 1 && c.satisfaction <= 5
      ? t("cases.satisfactionShown", {
          n: c.satisfaction,
          word: t(`satisfaction.${c.satisfaction}` as MessageKey),
        })
      : t("cases.satisfactionNone");
  return (
    <>
      {c.resolution && (
        <span className="alert-detail case-resolution">{t("cases.resolutionShown", { text: c.resolution })}</span>
      )}
      <span className="alert-meta case-closed">
        {closed} · <span className="case-satisfaction">{satisfaction}</span>
      </span>
    </>
  );
}

function CaseRow({
  c,
  canWork,
  showCustomer,
  fresh,
  onClosed,
}: {
  c: CaseSummary;
  canWork: boolean;
  showCustomer: boolean;
  fresh: boolean;
  onClosed?: (closed: Case) => void;
}) {
  const { t, label, locale } = useI18n();
  const close = useCloseCase();
  const [closing, setClosing] = useState(false);
  const [outcome, setOutcome] = useState<"closed" | "conflict" | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const result = useRef<HTMLParagraphElement>(null);
  const open = c.status === "open";
  // Once the form is gone, the keyboard's place is the sentence that says what happened.
  useEffect(() => {
    if (outcome) result.current?.focus();
  }, [outcome]);

  function start() {
    close.reset();
    setOutcome(null);
    setClosing(true);
  }

  function cancel() {
    setClosing(false);
    close.reset();
    window.setTimeout(() => opener.current?.focus());
  }

  function submit(input: CloseInput) {
    close.mutate(
      { id: c.id, input },
      {
        onSuccess: (closed) => {
          setClosing(false);
          setOutcome("closed");
          onClosed?.(closed);
        },
        onError: (e) => {
          if (!isAlreadyClosed(e)) return;
          setClosing(false);
          setOutcome("conflict");
        },
      },
    );
  }

  const classes = ["case-row", c.overdue ? "overdue" : "", open ? "" : "closed", fresh ? "fresh" : ""]
    .filter(Boolean)
    .join(" ");
  return (
    <li className={classes} data-case-id={c.id}>
      <div className="case-head">
        <div className="alert-main">
          {fresh && <NewMark />}
          <span className={c.kind === "complaint" ? "tag warn" : "tag"}>{label("caseKind", c.kind)}</span>
          {c.overdue && <span className="tag bad">{t("cases.overdue")}</span>}
          <span data-status={c.status} className={`case-status status-${c.status}`}>
            {label("caseStatus", c.status)}
          </span>
          <strong className="alert-title">{c.subject}</strong>
          <span className="alert-meta">
            {showCustomer && c.customer && (
              <>
                <Link to={`/customers/${c.customer.id}`}>{c.customer.display_name}</Link>{" "}
                <span className="mono">{c.customer.customer_number}</span> ·{" "}
              </>
            )}
            {label("channel", c.channel)} ·{" "}
            <time dateTime={c.opened_at}>
              {c.opened_by_username
                ? t("cases.openedBy", { when: formatDateTime(c.opened_at, locale), who: c.opened_by_username })
                : t("cases.opened", { when: formatDateTime(c.opened_at, locale) })}
            </time>
            {open && c.sla_due_at && (
              <>
                {" "}
                ·{" "}
                <time dateTime={c.sla_due_at} className={c.overdue ? "overdue-due" : undefined}>
                  {t("cases.due", { when: formatDateTime(c.sla_due_at, locale) })}
                </time>
              </>
            )}
          </span>
          {!open && <ClosedDetails c={c} />}
        </div>
        {canWork && open && (
          <div className="alert-actions">
            <button
              type="button"
              className="secondary"
              ref={opener}
              aria-expanded={closing}
              aria-controls={closing ? `case-${c.id}-form` : undefined}
              onClick={closing ? cancel : start}
            >
              {t("cases.close")}…
            </button>
          </div>
        )}
      </div>
      {closing && open && (
        <CloseCaseForm c={c} busy={close.isPending} error={close.error} onSubmit={submit} onCancel={cancel} />
      )}
      <div className="case-result" aria-live="polite">
        {outcome && (
          <p
            ref={result}
            tabIndex={-1}
            className={outcome === "closed" ? "status ok" : "status notice"}
            data-testid="case-result"
          >
            {outcome === "closed" ? t("cases.closedNow") : t("cases.alreadyClosed")}
          </p>
        )}
      </div>
    </li>
  );
}

/**
 * Cases as a list: open ones first, the soonest due first, then closed ones, the most recently closed first; or, with
 * `serverOrder`, as the server sent them (a work queue, already in its order). A role that works cases gets a Close
 * button on each open one; `onClosed` hears of each case closed here. `showCustomer` names each case's customer,
 * linking to their 360 view (a list of many customers' cases). The ids in `fresh` are marked New (what the Caller
 * page's live stream just brought: a case opened or closed meanwhile).
 */
export function CaseList({
  cases,
  onClosed,
  testId = "case-list",
  showCustomer = false,
  serverOrder = false,
  fresh,
}: {
  cases: readonly CaseSummary[];
  onClosed?: (closed: Case) => void;
  testId?: string;
  showCustomer?: boolean;
  serverOrder?: boolean;
  fresh?: ReadonlySet<string>;
}) {
  const { me } = useAuth();
  const canWork = mayWorkCases(me?.role);
  return (
    <ul className="case-list" data-testid={testId}>
      {(serverOrder ? cases : sortCases(cases)).map((c) => (
        <CaseRow
          key={c.id}
          c={c}
          canWork={canWork}
          showCustomer={showCustomer}
          fresh={fresh?.has(c.id) ?? false}
          onClosed={onClosed}
        />
      ))}
    </ul>
  );
}
