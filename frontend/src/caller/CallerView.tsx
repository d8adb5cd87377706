// One caller at a glance while the phone rings: who they are, what to do on this call, what is open, what they
// hold, what just happened; kept current by the live stream.
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { formatDateTime, formatMoney, formatPercent, type Locale } from "../format";
import { useI18n, type MessageKey, type Translate } from "../i18n";
import { serverText } from "../serverText";
import { alertTitle } from "../alerts/title";
import { Empty, Fact, NewMark, Panel } from "../components/Status";
import { NextBestActions } from "./NextBestActions";
import { Maturity, productName } from "../customer/Holdings";
import { ProvisionalTag } from "./Candidates";
import {
  arrive,
  isNews,
  NO_ARRIVALS,
  onTop,
  openAlerts,
  RECENT_LIMIT,
  withAlerts,
  withBalances,
  withCases,
  type Arrivals,
  type CallerContext,
  type ContextAlert,
  type ContextCase,
  type Holding,
  type Interaction,
  type Shown,
} from "./live";
import { useCustomerStream, type StreamStatus } from "./useCustomerStream";
import { CaseList } from "../cases/CaseList";
import { CasesPanel } from "../cases/ServiceRequest";
import type { Case, CaseSummary } from "../cases/api";

/** How long what just arrived stays marked "new". */
export const FRESH_MS = 15_000;

type Label = (prefix: string, value: string | null | undefined) => string;

function LiveStatus({ status }: { status: StreamStatus }) {
  const { t } = useI18n();
  return (
    <p className={`live-status live-${status}`} role="status" aria-live="polite" data-testid="live-status">
      <span className="live-dot" aria-hidden="true" />
      <span className="visually-hidden">{t("caller.live.label")}: </span>
      <span>{t(`caller.live.${status}` as MessageKey)}</span>
    </p>
  );
}

/** What arrived, in a sentence for the screen reader's announcement. */
function describe(event: string, data: unknown, t: Translate, label: Label, locale: Locale): string {
  if (event === "interaction") {
    const i = data as Interaction;
    const what = [label("channel", i.channel), label("interactionType", i.type), i.summary].filter(Boolean).join(" · ");
    return t("caller.arrived.interaction", { what });
  }
  if (event === "alert") {
    const a = data as ContextAlert;
    // Its status changed (an RM took it or resolved it), or raised meanwhile.
    if (a.status === "resolved") return t("caller.arrived.alertResolved", { title: alertTitle(a, t, locale) });
    if (a.status === "acknowledged") return t("caller.arrived.alertAcknowledged", { title: alertTitle(a, t, locale) });
    return t("caller.arrived.alert", { what: `${label("alertKind", a.kind)}: ${alertTitle(a, t, locale)}` });
  }
  if (event === "balance") {
    const h = data as Holding;
    return t("caller.arrived.balance", {
      what: `${productName(h, locale)} ${formatMoney(h.balance, h.currency, locale)}`,
    });
  }
  if (event === "case") {
    const c = data as ContextCase;
    const closed = c.status === "closed";
    const what = [
      label("caseKind", c.kind),
      c.subject,
      closed && c.resolution && t("cases.resolutionShown", { text: c.resolution }),
    ]
      .filter(Boolean)
      .join(" · ");
    return t(closed ? "caller.arrived.caseClosed" : "caller.arrived.caseOpened", { what });
  }
  return "";
}

function CallerHeader({ context, status }: { context: CallerContext; status: StreamStatus }) {
  const { t, label, locale } = useI18n();
  const c = context.customer;
  const heading = useRef<HTMLHeadingElement>(null);
  // Opened by choosing among several callers: the chosen button is gone, so the caller's name takes the focus.
  useEffect(() => {
    if (!document.activeElement || document.activeElement === document.body) heading.current?.focus();
  }, []);
  const rm = c.relationship_manager;
  const list = new Intl.ListFormat(locale, { type: "conjunction" });
  const consents = Object.entries(c.marketing_consent);
  const agrees = consents.filter(([, yes]) => yes).map(([k]) => label("consent", k));
  const refuses = consents.filter(([, yes]) => !yes).map(([k]) => label("consent", k));
  return (
    <section className="panel caller-card" aria-labelledby="caller-name" data-testid="caller-card">
      <header className="caller-head">
        <div>
          <h2 id="caller-name" ref={heading} tabIndex={-1}>
            {c.display_name}
            {c.provisional && <ProvisionalTag />}
          </h2>
          <p className="sub">
            <span className={`tag tier-${c.tier}`}>{label("tier", c.tier)}</span>{" "}
            <span className="tag">{label("lifecycle", c.lifecycle_stage)}</span>
            {c.segments.map((s) => (
              <span key={s}>
                {" "}
                {/* The segment's name as marketing gave it; its code when the server sent no name. */}
                <span className="tag" title={s}>
                  {c.segment_names?.[s] ?? s}
                </span>
              </span>
            ))}
          </p>
        </div>
        <div className="caller-head-end">
          <LiveStatus status={status} />
          <Link to={`/customers/${c.id}`}>{t("caller.openFull")}</Link>
        </div>
      </header>
      <dl className="facts">
        <Fact term={t("c360.number")}>
          <span className="mono">{c.customer_number}</span>
        </Fact>
        <Fact term={t("customers.phone")}>
          <span className="mono">{c.masked_phone ?? "—"}</span>
        </Fact>
        <Fact term={t("c360.idDocument")}>
          {c.id_document ? (
            <>
              {label("idType", c.id_document.type)} <span className="mono">{c.id_document.number}</span>
            </>
          ) : (
            "—"
          )}
        </Fact>
        <Fact term={t("caller.ageBand")}>{label("ageBand", c.age_band)}</Fact>
        <Fact term={t("c360.language")}>{label("language", c.preferred_language)}</Fact>
        <Fact term={t("c360.rm")}>
          {rm ? (
            <span className="rm-contact">
              <span>{rm.display_name ?? rm.username}</span>
              {rm.phone && (
                <a href={`tel:${rm.phone}`} className="mono">
                  {t("caller.rmPhone", { phone: rm.phone })}
                </a>
              )}
              {rm.email && <a href={`mailto:${rm.email}`}>{rm.email}</a>}
            </span>
          ) : (
            t("caller.noRm")
          )}
        </Fact>
        <Fact term={t("caller.consent")}>
          {agrees.length ? t("caller.consentYes", { channels: list.format(agrees) }) : t("caller.consentNone")}
          {agrees.length > 0 && refuses.length > 0 && (
            <>
              <br />
              <small>{t("caller.consentNo", { channels: list.format(refuses) })}</small>
            </>
          )}
        </Fact>
        <Fact term={t("c360.branch")}>{c.home_branch}</Fact>
      </dl>
    </section>
  );
}

function Alerts({ alerts, fresh }: { alerts: ContextAlert[]; fresh: ReadonlySet<string> }) {
  const { t, label, locale } = useI18n();
  if (alerts.length === 0) return <Empty>{t("caller.noAlerts")}</Empty>;
  return (
    <ul className="caller-list" data-testid="caller-alerts">
      {alerts.map((a) => (
        <li key={a.id} data-alert-id={a.id} className={fresh.has(a.id) ? "fresh" : undefined}>
          <div className="alert-main">
            {fresh.has(a.id) && <NewMark />}{" "}
            <span className={`tag sev-${a.severity}`}>{label("severity", a.severity)}</span>{" "}
            <span className="tag">{label("alertKind", a.kind)}</span>{" "}
            {a.status !== "open" && <span className="tag">{label("alertStatus", a.status)}</span>}{" "}
            <span className="alert-title">{alertTitle(a, t, locale)}</span>{" "}
            {a.detail && <span className="alert-detail">{serverText(a.detail, t, locale)}</span>}{" "}
            <small className="alert-meta">{formatDateTime(a.raised_at, locale)}</small>
          </div>
        </li>
      ))}
    </ul>
  );
}

/**
 * The caller's cases as the screen lists them: the context's (its open cases and the complaints closed lately); a
 * case logged here, with who logged it (the context's cases do not say); what the stream told since (a case opened
 * or closed meanwhile, in place of the one read); a case closed here, as the close answered. Logged or closed here
 * but not in the context read: not yet read again (the context is read again meanwhile).
 */
function callerCases(
  read: readonly ContextCase[],
  loggedHere: Record<string, Case>,
  arrived: readonly ContextCase[],
  closedHere: Record<string, Case>,
): CaseSummary[] {
  const listed = new Set(read.map((c) => c.id));
  const logged: CaseSummary[] = [
    ...read.map((c) => ({ ...loggedHere[c.id], ...c })),
    ...Object.values(loggedHere).filter((c) => !listed.has(c.id)),
  ];
  const live = withCases(logged, arrived);
  const shown = new Set(live.map((c) => c.id));
  return [
    ...live.map((c) => ({ ...c, ...closedHere[c.id] })),
    ...Object.values(closedHere).filter((c) => !shown.has(c.id)),
  ];
}

/**
 * The caller's open cases (and the complaints closed lately), closed right here while the customer is on the line,
 * and what the customer asks for logged as a service request; a case opened or closed meanwhile (the stream) is
 * marked New.
 */
function CallerCases({
  customerId,
  cases,
  fresh,
  onLogged,
  onClosed,
}: {
  customerId: string;
  cases: readonly CaseSummary[];
  fresh: ReadonlySet<string>;
  onLogged: (logged: Case) => void;
  onClosed: (closed: Case) => void;
}) {
  const { t } = useI18n();
  return (
    <CasesPanel
      title={t("caller.cases")}
      id="caller-cases"
      customerId={customerId}
      defaultChannel="call_center"
      onLogged={onLogged}
    >
      {cases.length === 0 ? (
        <Empty>{t("caller.noCases")}</Empty>
      ) : (
        <CaseList cases={cases} testId="caller-cases" fresh={fresh} onClosed={onClosed} />
      )}
    </CasesPanel>
  );
}

function Value({ context }: { context: CallerContext }) {
  const { t, locale } = useI18n();
  const v = context.value;
  if (!v) return <Empty>{t("caller.notScored")}</Empty>;
  const risk = Number(v.churn_risk);
  const riskClass = risk >= 0.6 ? "bad" : risk >= 0.3 ? "warn" : "";
  const drivers = v.churn_drivers.filter((d): d is { driver: string; text: string; weight?: string } => {
    return typeof d.text === "string";
  });
  return (
    <div data-testid="caller-value">
      <dl className="facts compact-facts">
        <Fact term={t("c360.aumNow")}>{formatMoney(v.aum, v.currency, locale)}</Fact>
        <Fact term={t("caller.deposits")}>{formatMoney(v.deposit_balance, v.currency, locale)}</Fact>
        <Fact term={t("caller.loans")}>{formatMoney(v.loan_balance, v.currency, locale)}</Fact>
        <Fact term={t("myDay.contribution")}>{formatMoney(v.contribution_monthly, v.currency, locale)}</Fact>
        <Fact term={t("c360.churnRisk")}>
          <span className={`tag ${riskClass}`}>{Number.isFinite(risk) ? formatPercent(risk, locale) : "—"}</span>
        </Fact>
      </dl>
      <h3>{t("c360.drivers")}</h3>
      {drivers.length === 0 ? (
        <Empty>{t("c360.noDrivers")}</Empty>
      ) : (
        <ul className="plain">
          {drivers.map((d) => (
            <li key={d.driver ?? d.text}>{serverText(d.text, t, locale)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Holdings({ holdings, fresh }: { holdings: Holding[]; fresh: ReadonlySet<string> }) {
  const { t, label, locale } = useI18n();
  if (holdings.length === 0) return <Empty>{t("c360.noHoldings")}</Empty>;
  return (
    <div className="table-wrap">
      <table aria-label={t("c360.holdings")} data-testid="caller-holdings">
        <thead>
          <tr>
            <th scope="col">{t("c360.product")}</th>
            <th scope="col" className="num">
              {t("c360.balance")}
            </th>
            <th scope="col">{t("c360.maturity")}</th>
          </tr>
        </thead>
        <tbody>
          {holdings.map((h) => {
            const classes = [h.status === "closed" ? "muted" : "", fresh.has(h.id) ? "fresh" : ""].filter(Boolean);
            return (
              <tr key={h.id} data-holding-id={h.id} className={classes.join(" ") || undefined}>
                <td>
                  {productName(h, locale)} {fresh.has(h.id) && <NewMark />}
                  <br />
                  <small>
                    {label("category", h.category)} · <span className="mono">{h.account_number}</span>
                    {h.status !== "active" && <> · {label("holdingStatus", h.status)}</>}
                  </small>
                </td>
                <td className="num">{formatMoney(h.balance, h.currency, locale)}</td>
                <td>
                  <Maturity date={h.maturity_date} days={h.days_to_maturity} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

const text = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
const whole = (v: unknown): number | null => (typeof v === "number" && Number.isInteger(v) ? v : null);

/** Call-center details the channel sent with the entry: disposition, satisfaction, queue, duration, notes. */
function CallDetails({ details, summary }: { details: Record<string, unknown>; summary: string | null }) {
  const { t, label } = useI18n();
  const disposition = text(details.disposition);
  const satisfaction = whole(details.satisfaction);
  const queue = text(details.queue);
  const duration = whole(details.duration_s);
  const agent = text(details.agent_id);
  const notes = text(details.notes) === summary ? null : text(details.notes); // the summary when none was given
  const parts = [
    disposition && t("caller.disposition", { value: label("outcome", disposition) }),
    satisfaction !== null && t("caller.satisfaction", { n: satisfaction }),
    queue && t("caller.queue", { queue }),
    duration !== null &&
      (duration < 60
        ? t("caller.durationS", { s: duration })
        : t("caller.duration", { min: Math.floor(duration / 60), s: duration % 60 })),
    agent && t("caller.agent", { agent }),
  ].filter((p): p is string => !!p);
  if (parts.length === 0 && !notes) return null;
  return (
    <span className="event-details">
      {parts.join(" · ")}
      {parts.length > 0 && notes && " · "}
      {notes && t("caller.notes", { notes })}
    </span>
  );
}

function Interactions({ interactions, fresh }: { interactions: Interaction[]; fresh: ReadonlySet<string> }) {
  const { t, label, locale } = useI18n();
  if (interactions.length === 0) return <Empty>{t("caller.noRecent")}</Empty>;
  return (
    <ol className="events caller-events" data-testid="caller-interactions">
      {interactions.map((i) => (
        <li key={i.id} data-interaction-id={i.id} className={`event ch-${i.channel}${fresh.has(i.id) ? " fresh" : ""}`}>
          <span className="event-channel">{label("channel", i.channel)}</span>
          <time dateTime={i.occurred_at}>{formatDateTime(i.occurred_at, locale)}</time>
          <span className="event-type">{label("interactionType", i.type)}</span>
          {i.amount && <span className="event-amount">{formatMoney(i.amount, i.currency, locale)}</span>}
          {i.outcome && <span className="tag">{label("outcome", i.outcome)}</span>}
          {fresh.has(i.id) && <NewMark />}
          {i.summary && <span className="event-summary">{i.summary}</span>}
          <CallDetails details={i.details} summary={i.summary} />
        </li>
      ))}
    </ol>
  );
}

export function CallerView({ context, onResumed }: { context: CallerContext; onResumed: () => Promise<unknown> }) {
  const { t, label, locale } = useI18n();
  const queryClient = useQueryClient();
  const [arrivals, setArrivals] = useState<Arrivals>(NO_ARRIVALS);
  // Cases logged or closed right here: shown at once, before the context is read again.
  const [loggedHere, setLoggedHere] = useState<Record<string, Case>>({});
  const [closedHere, setClosedHere] = useState<Record<string, Case>>({});
  const [fresh, setFresh] = useState<ReadonlySet<string>>(() => new Set());
  const [announcement, setAnnouncement] = useState("");
  const timers = useRef<number[]>([]);
  // What the screen shows, for telling news from the stream's replay (set on each render, read by events).
  const shown = useRef<Shown>({ interactions: [], alerts: [], holdings: [], cases: [] });
  const arrived = useRef<Arrivals>(NO_ARRIVALS);
  useEffect(() => () => timers.current.forEach((id) => window.clearTimeout(id)), []);

  const status = useCustomerStream(context.customer.id, {
    onEvent: (event, data) => {
      const id = (data as { id?: unknown }).id;
      // The stream starts with a replay of what the context read showed: only what differs is news.
      if (typeof id !== "string" || !isNews(shown.current, event, data)) return;
      setArrivals((a) => arrive(a, event, data));
      setAnnouncement(describe(event, data, t, label, locale));
      setFresh((s) => new Set(s).add(id));
      timers.current.push(
        window.setTimeout(
          () =>
            setFresh((s) => {
              const next = new Set(s);
              next.delete(id);
              return next;
            }),
          FRESH_MS,
        ),
      );
    },
    // The context read again covers the gap; balances heard before it are no newer than what it says, and nor are
    // cases heard of open before the drop (one closed meanwhile is not replayed: the replay has open cases only), nor
    // alerts heard of before it (one resolved meanwhile is not replayed, and the context lists only the others).
    onResumed: () => {
      const before = new Set(arrived.current.cases.filter((c) => c.status === "open"));
      const alertsBefore = new Set(arrived.current.alerts);
      return onResumed().then(() =>
        setArrivals((a) => ({
          ...a,
          holdings: {},
          cases: a.cases.filter((c) => !before.has(c)),
          alerts: a.alerts.filter((x) => !alertsBefore.has(x)),
        })),
      );
    },
  });

  const interactions = onTop(arrivals.interactions, context.recent_interactions, RECENT_LIMIT);
  // Resolved ones included, for telling news and the actions no longer to take; the list shows the rest.
  const alerts = withAlerts(context.alerts, arrivals.alerts);
  const holdings = withBalances(context.holdings, arrivals.holdings);
  const cases = callerCases(context.open_cases, loggedHere, arrivals.cases, closedHere);
  shown.current = { interactions, alerts, holdings, cases };
  arrived.current = arrivals;

  return (
    <div className="caller-view">
      <CallerHeader context={context} status={status} />
      <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="arrivals">
        {announcement}
      </div>
      <div className="grid-2">
        <Panel title={t("caller.nba")} id="caller-nba">
          {/* Worded from what the screen shows: balances, alerts and cases as the stream last told them. */}
          <NextBestActions
            actions={context.next_best_actions}
            facts={{ holdings, alerts, open_cases: cases }}
            customerId={context.customer.id}
            emptyText={t("caller.noNba")}
            onChanged={() => void queryClient.invalidateQueries({ queryKey: ["caller"] })}
          />
        </Panel>
        <div className="stack">
          <Panel title={t("caller.alerts")} id="caller-alerts">
            <Alerts alerts={openAlerts(alerts)} fresh={fresh} />
          </Panel>
          <CallerCases
            customerId={context.customer.id}
            cases={cases}
            fresh={fresh}
            onLogged={(logged) => setLoggedHere((m) => ({ ...m, [logged.id]: logged }))}
            onClosed={(closed) => setClosedHere((m) => ({ ...m, [closed.id]: closed }))}
          />
        </div>
      </div>
      <div className="grid-2 caller-money">
        <Panel title={t("caller.value")} id="caller-value">
          <Value context={context} />
        </Panel>
        <Panel title={t("c360.holdings")} id="caller-holdings">
          <Holdings holdings={holdings} fresh={fresh} />
        </Panel>
      </div>
      <Panel title={t("caller.recent")} id="caller-recent">
        <Interactions interactions={interactions} fresh={fresh} />
      </Panel>
    </div>
  );
}
