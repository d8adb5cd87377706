// The RM performance table: one row per relationship manager, in the server's order (the highest monthly contribution
// first); the portfolio as it is today, then the period's alerts, their customers' cases, campaign contacts and visits.
// Money with the report's currency, rates as percentages from the server's own digits, and a figure the server could
// not give (nothing to take a median, a rate or an average of) a dash that says why.
import { formatDate, formatExact, formatMoney, formatMoneyChange, formatNumber, formatShare } from "../format";
import { useI18n } from "../i18n";
import { rmName, type PerformanceReport } from "./api";

/** A dash for a figure there is nothing to work out from, with the reason for those who hear the page. */
export function Missing({ why }: { why: string }) {
  return (
    <>
      <span aria-hidden="true" title={why}>
        —
      </span>
      <span className="visually-hidden">{why}</span>
    </>
  );
}

export function PerformanceTable({ report, days }: { report: PerformanceReport; days: number }) {
  const { t, locale } = useI18n();
  const money = (v: string) => formatMoney(v, report.currency, locale);
  const n = (v: number) => formatNumber(v, locale);
  return (
    <div className="table-wrap">
      <table className="performance" data-testid="rm-performance">
        <caption>
          {t("perf.caption", {
            days: n(days),
            from: formatDate(report.since, locale),
            to: formatDate(report.until, locale),
          })}
        </caption>
        <colgroup span={1} />
        <colgroup span={5} className="perf-portfolio" />
        <colgroup span={3} />
        <colgroup span={4} className="perf-cases" />
        <colgroup span={4} />
        <colgroup span={1} />
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              {t("perf.rm")}
            </th>
            <th scope="colgroup" colSpan={5}>
              {t("perf.group.portfolio")}
            </th>
            <th scope="colgroup" colSpan={3}>
              {t("perf.group.alerts")}
            </th>
            <th scope="colgroup" colSpan={4}>
              {t("perf.group.cases")}
            </th>
            <th scope="colgroup" colSpan={4}>
              {t("perf.group.campaigns")}
            </th>
            <th scope="col" rowSpan={2} className="num">
              {t("perf.visits")}
            </th>
          </tr>
          <tr>
            <th scope="col" className="num">
              {t("perf.customers")}
            </th>
            <th scope="col" className="num">
              {t("perf.keyCustomers")}
            </th>
            <th scope="col" className="num">
              {t("perf.aum")}
            </th>
            <th scope="col" className="num">
              {t("perf.aumChange")}
            </th>
            <th scope="col" className="num">
              {t("perf.contribution")}
            </th>
            <th scope="col" className="num">
              {t("perf.alertsOpen")}
            </th>
            <th scope="col" className="num">
              {t("perf.alertsResolved")}
            </th>
            <th scope="col" className="num">
              {t("perf.alertMedian")}
            </th>
            <th scope="col" className="num">
              {t("perf.casesClosed")}
            </th>
            <th scope="col" className="num">
              {t("perf.slaRate")}
            </th>
            <th scope="col" className="num">
              {t("perf.satisfaction")}
            </th>
            <th scope="col" className="num">
              {t("perf.casesOverdue")}
            </th>
            <th scope="col" className="num">
              {t("perf.targets")}
            </th>
            <th scope="col" className="num">
              {t("perf.contacted")}
            </th>
            <th scope="col" className="num">
              {t("perf.contactRate")}
            </th>
            <th scope="col" className="num">
              {t("perf.converted")}
            </th>
          </tr>
        </thead>
        <tbody>
          {report.rms.map((r) => (
            <tr key={r.rm.id} data-username={r.rm.username}>
              <th scope="row" className="row-head">
                {rmName(r.rm)}
                {r.rm.display_name && <span className="mono muted-text"> {r.rm.username}</span>}
                {r.rm.branch && <small className="block muted-text">{r.rm.branch}</small>}
              </th>
              <td className="num">{n(r.customers)}</td>
              <td className="num">{n(r.key_customers)}</td>
              <td className="num">{money(r.aum)}</td>
              <td className={`num ${r.aum_change_3m.startsWith("-") ? "negative" : ""}`} data-testid="aum-change">
                {formatMoneyChange(r.aum_change_3m, report.currency, locale)}
              </td>
              <td className="num">{money(r.contribution_monthly)}</td>
              <td className="num">{n(r.alerts_open)}</td>
              <td className="num">{n(r.alerts_resolved)}</td>
              <td className="num" data-testid="alert-median">
                {r.alert_median_hours !== null ? (
                  t("perf.hours", { hours: formatExact(r.alert_median_hours, locale) })
                ) : (
                  <Missing why={t("perf.none.alerts")} />
                )}
              </td>
              <td className="num">{n(r.cases_closed)}</td>
              <td className="num" data-testid="sla-rate">
                {r.sla_rate !== null ? (
                  <>
                    {formatShare(r.sla_rate, locale)}
                    <small className="block muted-text">
                      {t("perf.ofClosed", { n: n(r.cases_closed_in_time), total: n(r.cases_closed) })}
                    </small>
                  </>
                ) : (
                  <Missing why={t("perf.none.cases")} />
                )}
              </td>
              <td className="num" data-testid="satisfaction">
                {r.satisfaction_avg !== null ? (
                  t("perf.outOfFive", { avg: formatExact(r.satisfaction_avg, locale, { minDigits: 1 }) })
                ) : (
                  <Missing why={t("perf.none.satisfaction")} />
                )}
              </td>
              <td className="num">{n(r.cases_overdue)}</td>
              <td className="num">{n(r.campaign_targets)}</td>
              <td className="num">{n(r.campaign_contacted)}</td>
              <td className="num" data-testid="contact-rate">
                {r.campaign_contact_rate !== null ? (
                  formatShare(r.campaign_contact_rate, locale)
                ) : (
                  <Missing why={t("perf.none.campaigns")} />
                )}
              </td>
              <td className="num">{n(r.campaign_converted)}</td>
              <td className="num">{n(r.visits)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
