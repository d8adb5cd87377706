// Logging by hand what a customer asked for (a replacement card, a copy of a statement) as a service request, due in 5
// days, or a complaint made to a person (at the counter, to the RM, by e-mail), due in 48 hours: it goes on the
// customer's timeline and raises the RM's alert, as the call-center feed's complaints do.
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from "react";
import { useAuth } from "../auth";
import { formatDateTime } from "../format";
import { useI18n, type MessageKey } from "../i18n";
import { mayWorkCases } from "../roles";
import { ErrorMessage, Panel } from "../components/Status";
import { FieldProblem } from "./FieldProblem";
import {
  openFieldProblems,
  OPEN_KINDS,
  REQUEST_CHANNELS,
  SUBJECT_MAX,
  useOpenServiceRequest,
  type Case,
  type OpenField,
  type OpenKind,
  type RequestChannel,
} from "./api";

const PROBLEM_TEXT: Record<OpenField, MessageKey> = {
  subject: "cases.invalid.subject",
  channel: "cases.invalid.channel",
};

function ServiceRequestForm({
  formId,
  defaultChannel,
  busy,
  error,
  onSubmit,
  onCancel,
}: {
  formId: string;
  defaultChannel: RequestChannel;
  busy: boolean;
  error: unknown;
  onSubmit: (kind: OpenKind, subject: string, channel: RequestChannel) => void;
  onCancel: () => void;
}) {
  const { t, label } = useI18n();
  const [kind, setKind] = useState<OpenKind>("service_request");
  const complaint = kind === "complaint";
  const [subject, setSubject] = useState("");
  const [channel, setChannel] = useState<RequestChannel>(defaultChannel);
  // The server's objection holds for what it was sent, not for what has been typed since.
  const [sent, setSent] = useState<{ subject: string; channel: string } | null>(null);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const problems = openFieldProblems(error);
  const about = (field: OpenField, now: string) =>
    sent && sent[field] === now ? problems.filter((p) => p.field === field).map((p) => p.message) : [];
  const subjectProblems = about("subject", subject);
  const channelProblems = about("channel", channel);
  // Anything not about one of the fields (a 403, a 404, the network, another field) is said beneath the form.
  const other = error && problems.length === 0 ? error : null;

  const ids = {
    subject: `${formId}-subject`,
    channel: `${formId}-channel`,
    hint: `${formId}-subject-hint`,
    subjectProblem: `${formId}-subject-problem`,
    channelProblem: `${formId}-channel-problem`,
  };

  function submit(e: FormEvent) {
    e.preventDefault();
    setSent({ subject, channel });
    onSubmit(kind, subject, channel);
  }

  function escape(e: KeyboardEvent) {
    if (e.key === "Escape" && !busy) {
      e.stopPropagation();
      onCancel();
    }
  }

  return (
    <form
      id={formId}
      className="case-log"
      aria-label={complaint ? t("cases.logComplaint") : t("cases.log")}
      onSubmit={submit}
      onKeyDown={escape}
    >
      <fieldset className="chips case-kind" style={{ flexBasis: "100%" }} aria-describedby={`${formId}-kind-hint`}>
        <legend>{t("cases.kindChoice")}</legend>
        {OPEN_KINDS.map((k) => (
          <label key={k} className={kind === k ? "chip on" : "chip"}>
            <input type="radio" name={`${formId}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} />{" "}
            {label("caseKind", k)}
          </label>
        ))}
        <small id={`${formId}-kind-hint`} style={{ flexBasis: "100%" }}>
          {t("cases.kindHint")}
        </small>
      </fieldset>
      {/* Wide, as when it was the form's first field (styles.css's .case-log .field:first-child). */}
      <div className="field" style={{ flex: "3 1 16rem" }}>
        <label htmlFor={ids.subject}>{complaint ? t("cases.complaintSubject") : t("cases.subject")}</label>
        <input
          id={ids.subject}
          ref={first}
          type="text"
          required
          autoComplete="off"
          maxLength={SUBJECT_MAX}
          value={subject}
          onChange={(e) => setSubject(e.target.value)}
          aria-invalid={subjectProblems.length > 0}
          aria-describedby={subjectProblems.length > 0 ? `${ids.hint} ${ids.subjectProblem}` : ids.hint}
        />
        <small id={ids.hint}>{t("cases.subjectHint")}</small>
        <FieldProblem
          id={ids.subjectProblem}
          text={complaint ? t("cases.invalid.complaintSubject") : t(PROBLEM_TEXT.subject)}
          messages={subjectProblems}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.channel}>{t("cases.channel")}</label>
        <select
          id={ids.channel}
          value={channel}
          onChange={(e) => setChannel(e.target.value as RequestChannel)}
          aria-invalid={channelProblems.length > 0}
          aria-describedby={channelProblems.length > 0 ? ids.channelProblem : undefined}
        >
          {REQUEST_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {label("channel", c)}
            </option>
          ))}
        </select>
        <FieldProblem id={ids.channelProblem} text={t(PROBLEM_TEXT.channel)} messages={channelProblems} />
      </div>
      <div className="actions tight">
        <button type="submit" disabled={busy}>
          {busy ? t("common.saving") : t("common.save")}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
      {other !== null && <ErrorMessage error={other} />}
    </form>
  );
}

/**
 * A customer's cases panel: for a role that works cases, a "Log a service request or complaint" button in its head
 * opens the form above the list (a service request unless a complaint is chosen) (the channel preset to where the customer is most likely asking); once logged, the form
 * closes and a sentence says when the request is due. `onLogged` hears of each request logged here.
 */
export function CasesPanel({
  title,
  id,
  customerId,
  defaultChannel,
  onLogged,
  children,
}: {
  title: string;
  id: string;
  customerId: string;
  defaultChannel: RequestChannel;
  onLogged?: (logged: Case) => void;
  children: ReactNode;
}) {
  const { t, locale } = useI18n();
  const { me } = useAuth();
  const canWork = mayWorkCases(me?.role);
  const open = useOpenServiceRequest();
  const [logging, setLogging] = useState(false);
  const [logged, setLogged] = useState<Case | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const result = useRef<HTMLParagraphElement>(null);
  const formId = `${id}-log`;
  // Once the form is gone, the keyboard's place is the sentence that says what happened.
  useEffect(() => {
    if (logged) result.current?.focus();
  }, [logged]);

  function start() {
    open.reset();
    setLogged(null);
    setLogging(true);
  }

  function cancel() {
    setLogging(false);
    open.reset();
    window.setTimeout(() => opener.current?.focus());
  }

  function submit(kind: OpenKind, subject: string, channel: RequestChannel) {
    open.mutate(
      { customerId, kind, subject, channel },
      {
        onSuccess: (c) => {
          setLogging(false);
          setLogged(c);
          onLogged?.(c);
        },
      },
    );
  }

  return (
    <Panel
      title={title}
      id={id}
      actions={
        canWork && (
          <button
            type="button"
            className="secondary"
            ref={opener}
            aria-expanded={logging}
            aria-controls={logging ? formId : undefined}
            onClick={logging ? cancel : start}
          >
            {t("cases.logCase")}
          </button>
        )
      }
    >
      {logging && (
        <ServiceRequestForm
          formId={formId}
          defaultChannel={defaultChannel}
          busy={open.isPending}
          error={open.error}
          onSubmit={submit}
          onCancel={cancel}
        />
      )}
      <div className="case-result" aria-live="polite">
        {logged && (
          <p ref={result} tabIndex={-1} className="status ok" data-testid="case-logged">
            {logged.kind === "complaint"
              ? logged.sla_due_at
                ? t("cases.complaintLogged", { when: formatDateTime(logged.sla_due_at, locale) })
                : t("cases.complaintLoggedNoDue")
              : logged.sla_due_at
                ? t("cases.logged", { when: formatDateTime(logged.sla_due_at, locale) })
                : t("cases.loggedNoDue")}
          </p>
        )}
      </div>
      {children}
    </Panel>
  );
}
