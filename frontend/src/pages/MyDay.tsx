import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { api, unwrap, type Schemas } from "../api/client";
import { formatDate, formatMoney, formatMoneyCompact, formatNumber, formatPercent } from "../format";
import { useI18n } from "../i18n";
import { Empty, ErrorMessage, Loading, Panel } from "../components/Status";
import { AlertList } from "../alerts/AlertList";
import type { Alert, AlertKind } from "../alerts/api";
import { useAuth } from "../auth";
import { alertTitle } from "../alerts/title";
import { serverText } from "../serverText";
import { mayReadAlerts, mayReadAnalytics, mayReadCases, mayRespondCampaigns, mayWorkTasks } from "../roles";
import { OverdueCases } from "../cases/OverdueCases";
import { CampaignContacts } from "../campaigns/CampaignContacts";
import { MyTasks } from "../tasks/Tasks";

/** Whose day starts with the overdue cases of their portfolio or branch. */
const CASE_QUEUE_ROLES = new Set(["rm", "branch_manager"]);
/** Whose day lists the campaign contacts left to make (an agent's work is the Caller page, not My day). */
const CAMPAIGN_CONTACT_ROLES = new Set(["rm", "branch_manager", "admin"]);
/** Whose day lists their open tasks (an agent leaves tasks from the Caller page; auditors and marketing hold none). */
const TASK_ROLES = new Set(["rm", "branch_manager", "admin"]);

const TIER_COLOURS: Record<string, string> = { key: "#c98a00", potential: "#1f5fa8", ordinary: "#9aa5b1" };

function useAlerts(kind: AlertKind | undefined, status: "open" | undefined, limit: number, enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: ["alerts", "my-day", kind ?? "all", status ?? "any", limit],
    queryFn: () => unwrap(api.GET("/api/v1/alerts", { params: { query: { kind, status, limit } } })),
  });
}

function Figures() {
  const { t, label, locale } = useI18n();
  const tiers = useQuery({
    queryKey: ["analytics", "tiers"],
    queryFn: () => unwrap(api.GET("/api/v1/analytics/tiers")),
  });
  if (tiers.isPending) return <Loading />;
  if (tiers.isError) return <ErrorMessage error={tiers.error} onRetry={() => tiers.refetch()} />;
  const d: Schemas["TiersOut"] = tiers.data;
  return (
    <div className="figures" data-testid="portfolio-figures">
      <div className="figure">
        <div className="label">{t("myDay.customers")}</div>
        <div className="value">{formatNumber(d.customers, locale)}</div>
      </div>
      <div className="figure">
        <div className="label">{t("myDay.aum")}</div>
        <div className="value" title={formatMoney(d.aum, d.currency, locale)}>
          {formatMoneyCompact(d.aum, d.currency, locale)}
        </div>
        <small>{formatMoney(d.aum, d.currency, locale)}</small>
      </div>
      <div className="figure">
        <div className="label">{t("myDay.contribution")}</div>
        <div className="value">{formatMoneyCompact(d.contribution_monthly, d.currency, locale)}</div>
      </div>
      <div className="figure">
        <div className="label">{t("myDay.tierMix")}</div>
        <div
          className="bar"
          role="img"
          aria-label={d.tiers.map((r) => `${label("tier", r.tier)} ${r.customers}`).join(", ")}
        >
          {d.tiers.map((r) => (
            <span
              key={r.tier}
              style={{ width: `${Number(r.share_of_customers) * 100}%`, background: TIER_COLOURS[r.tier] ?? "#667" }}
            />
          ))}
        </div>
        <ul className="legend">
          {d.tiers.map((r) => (
            <li key={r.tier}>
              <span className="swatch" style={{ background: TIER_COLOURS[r.tier] ?? "#667" }} /> {label("tier", r.tier)}{" "}
              <strong>{formatNumber(r.customers, locale)}</strong>{" "}
              <small>({formatPercent(Number(r.share_of_customers), locale)})</small>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** A deposit's sum to renew, or (a loan or mortgage, below zero) the sum owed. */
function MaturityAmount({ balance, currency }: { balance: string; currency: unknown }) {
  const { t, locale } = useI18n();
  const code = String(currency ?? "CNY");
  if (balance.startsWith("-"))
    return <strong>{t("myDay.owed", { amount: formatMoney(balance.slice(1), code, locale) })}</strong>;
  return <strong>{formatMoney(balance, code, locale)}</strong>;
}

function MaturityList({ alerts }: { alerts: Alert[] }) {
  const { t, locale } = useI18n();
  const rows = alerts
    .filter((a) => a.status !== "resolved")
    .map((a) => ({ a, date: String(a.data.maturity_date ?? "") }))
    .sort((x, y) => x.date.localeCompare(y.date));
  if (rows.length === 0) return <Empty>{t("myDay.noMaturities")}</Empty>;
  return (
    <ul className="plain maturities">
      {rows.map(({ a, date }) => (
        <li key={a.id}>
          <Link to={`/customers/${a.customer.id}`}>{a.customer.display_name}</Link>{" "}
          <span className="tag warn">{t("myDay.dueOn", { date: formatDate(date, locale) })}</span>{" "}
          {typeof a.data.balance === "string" && <MaturityAmount balance={a.data.balance} currency={a.data.currency} />}{" "}
          <small>{a.detail ? serverText(a.detail, t, locale) : alertTitle(a, t, locale)}</small>
        </li>
      ))}
    </ul>
  );
}

export function MyDayPage() {
  const { t, locale } = useI18n();
  const { me } = useAuth();
  // Nothing is asked before the role is known: a role that may not read a part would only be answered 403.
  const alertsAllowed = !!me && mayReadAlerts(me.role);
  const figuresAllowed = !!me && mayReadAnalytics(me.role);
  const overdueCasesShown = !!me && CASE_QUEUE_ROLES.has(me.role) && mayReadCases(me.role);
  const campaignContactsShown = !!me && CAMPAIGN_CONTACT_ROLES.has(me.role) && mayRespondCampaigns(me.role);
  const tasksShown = !!me && TASK_ROLES.has(me.role) && mayWorkTasks(me.role);
  const open = useAlerts(undefined, "open", 8, alertsAllowed);
  const maturities = useAlerts("maturity", undefined, 100, alertsAllowed);
  const complaints = useAlerts("complaint", undefined, 6, alertsAllowed);

  return (
    <div className="page">
      <h1>{t("myDay.title")}</h1>
      {!me && <Loading />}
      {figuresAllowed && <Figures />}
      {tasksShown && <MyTasks />}
      {alertsAllowed && (
        <div className="grid-2">
          <Panel title={t("myDay.alerts")} id="day-alerts" actions={<Link to="/alerts">{t("alerts.viewAll")}</Link>}>
            {open.isPending ? (
              <Loading />
            ) : open.isError ? (
              <ErrorMessage error={open.error} onRetry={() => open.refetch()} />
            ) : open.data.items.length === 0 ? (
              <Empty>{t("myDay.noAlerts")}</Empty>
            ) : (
              <AlertList alerts={open.data.items} />
            )}
          </Panel>
          <div className="stack">
            {overdueCasesShown && (
              <Panel title={t("myDay.overdueCases")} id="day-overdue-cases">
                <OverdueCases limit={10} />
              </Panel>
            )}
            {campaignContactsShown && (
              <Panel
                title={t("myDay.campaignContacts")}
                id="day-campaign-contacts"
                actions={<Link to="/campaigns?status=active">{t("campaigns.back")}</Link>}
              >
                <CampaignContacts />
              </Panel>
            )}
            <Panel title={t("myDay.maturities")} id="day-maturities">
              {maturities.isPending ? (
                <Loading />
              ) : maturities.isError ? (
                <ErrorMessage error={maturities.error} onRetry={() => maturities.refetch()} />
              ) : (
                <MaturityList alerts={maturities.data.items} />
              )}
            </Panel>
            <Panel title={t("myDay.complaints")} id="day-complaints">
              {complaints.isPending ? (
                <Loading />
              ) : complaints.isError ? (
                <ErrorMessage error={complaints.error} onRetry={() => complaints.refetch()} />
              ) : complaints.data.items.length === 0 ? (
                <Empty>{t("myDay.noComplaints")}</Empty>
              ) : (
                <ul className="plain">
                  {complaints.data.items.map((a) => (
                    <li key={a.id}>
                      <Link to={`/customers/${a.customer.id}`}>{a.customer.display_name}</Link>{" "}
                      <small>{formatDate(String(a.data.occurred_at ?? a.raised_at), locale)}</small>
                      {a.detail && <div className="muted-text">{a.detail}</div>}
                    </li>
                  ))}
                </ul>
              )}
            </Panel>
          </div>
        </div>
      )}
    </div>
  );
}
