// An RM's own figures in sentences: their portfolio today, and over the period the alerts they resolved, their
// customers' cases, their campaign contacts and their visits. Each figure the server could not give (nothing resolved,
// closed or targeted) is said as such, never as a zero rate.
import { formatDate, formatExact, formatMoney, formatMoneyChange, formatNumber, formatShare } from "../format";
import { useI18n } from "../i18n";
import { Panel } from "../components/Status";
import type { PerformanceReport, RmPerformance } from "./api";

export function RmSummary({ row: r, report, days }: { row: RmPerformance; report: PerformanceReport; days: number }) {
  const { t, locale } = useI18n();
  const n = (v: number) => formatNumber(v, locale);
  const money = (v: string) => formatMoney(v, report.currency, locale);
  // Words are spaced in English; Chinese sets no space after its full-width colon and full stop.
  const gap = locale === "zh-CN" ? "" : " ";
  const line = (term: string, text: string, id: string) => (
    <li data-testid={`summary-${id}`}>
      <strong>{term}</strong>
      {gap}
      {text}
    </li>
  );
  const cases =
    r.sla_rate === null
      ? t("perf.summary.casesNone", { overdue: n(r.cases_overdue) })
      : t("perf.summary.cases", {
          inTime: n(r.cases_closed_in_time),
          closed: n(r.cases_closed),
          rate: formatShare(r.sla_rate, locale),
          overdue: n(r.cases_overdue),
        });
  const rated =
    r.satisfaction_avg === null
      ? r.sla_rate === null
        ? ""
        : gap + t("perf.summary.noRatings")
      : gap + t("perf.summary.satisfaction", { avg: formatExact(r.satisfaction_avg, locale, { minDigits: 1 }) });
  return (
    <Panel title={t("perf.summary.title")} id="rm-summary">
      <p className="muted-text">
        {t("perf.summary.intro", {
          days: n(days),
          from: formatDate(report.since, locale),
          to: formatDate(report.until, locale),
        })}
      </p>
      <ul className="plain rm-summary">
        {line(
          t("perf.summary.portfolioLabel"),
          t("perf.summary.portfolio", {
            customers: n(r.customers),
            key: n(r.key_customers),
            aum: money(r.aum),
            change: formatMoneyChange(r.aum_change_3m, report.currency, locale),
            contribution: money(r.contribution_monthly),
          }),
          "portfolio",
        )}
        {line(
          t("perf.summary.alertsLabel"),
          r.alert_median_hours === null
            ? t("perf.summary.alertsNone", { open: n(r.alerts_open) })
            : t("perf.summary.alerts", {
                resolved: n(r.alerts_resolved),
                hours: formatExact(r.alert_median_hours, locale),
                open: n(r.alerts_open),
              }),
          "alerts",
        )}
        {line(t("perf.summary.casesLabel"), cases + rated, "cases")}
        {line(
          t("perf.summary.campaignsLabel"),
          r.campaign_contact_rate === null
            ? t("perf.summary.campaignsNone")
            : t("perf.summary.campaigns", {
                contacted: n(r.campaign_contacted),
                targets: n(r.campaign_targets),
                rate: formatShare(r.campaign_contact_rate, locale),
                converted: n(r.campaign_converted),
              }),
          "campaigns",
        )}
        {line(t("perf.summary.visitsLabel"), t("perf.summary.visits", { visits: n(r.visits) }), "visits")}
      </ul>
    </Panel>
  );
}
