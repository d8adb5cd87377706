import { useSearchParams } from "react-router";
import { useAuth } from "../auth";
import { formatNumber } from "../format";
import { useI18n } from "../i18n";
import { mayReadPerformance } from "../roles";
import { Empty, ErrorMessage, Loading } from "../components/Status";
import { DEFAULT_PERIOD, PERIODS, periodFrom, useRmPerformance } from "../performance/api";
import { PerformanceTable } from "../performance/PerformanceTable";
import { RmSummary } from "../performance/RmSummary";

/**
 * RM performance: each relationship manager's portfolio today and their work over a period (30, 90, 180 or 365
 * days, kept in the URL), the highest monthly contribution first. An RM reads their own figures, in sentences and in
 * the table; a branch manager their branch's RMs; auditors and admins every RM. Marketing and agents are refused by
 * the server, so they ask nothing.
 */
export function PerformancePage() {
  const { t, locale } = useI18n();
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const days = periodFrom(params);
  const allowed = !!me && mayReadPerformance(me.role);
  const report = useRmPerformance(days, allowed);

  function setDays(value: string) {
    const next = new URLSearchParams(params);
    // 90 days is the default: /performance shows it.
    if (Number(value) === DEFAULT_PERIOD) next.delete("days");
    else next.set("days", value);
    setParams(next, { replace: true });
  }

  const own = me?.role === "rm" ? report.data?.rms.find((r) => r.rm.username === me.username) : undefined;
  return (
    <div className="page">
      <h1>{t("perf.title")}</h1>
      {!me ? (
        <Loading />
      ) : !allowed ? (
        // Nothing is asked of a role the server refuses: no 403 to show.
        <p className="status notice">{t("perf.notAllowed")}</p>
      ) : (
        <>
          <p className="muted-text">{t("perf.intro")}</p>
          <form className="filters" aria-label={t("perf.filters")} onSubmit={(e) => e.preventDefault()}>
            <div className="field">
              <label htmlFor="perf-days">{t("perf.period")}</label>
              <select id="perf-days" value={days} onChange={(e) => setDays(e.target.value)}>
                {PERIODS.map((d) => (
                  <option key={d} value={d}>
                    {t("perf.days", { days: formatNumber(d, locale) })}
                  </option>
                ))}
              </select>
            </div>
          </form>
          {report.isPending ? (
            <Loading />
          ) : report.isError ? (
            <ErrorMessage error={report.error} onRetry={() => report.refetch()} />
          ) : report.data.rms.length === 0 ? (
            <Empty>{t("perf.empty")}</Empty>
          ) : (
            <>
              {own && <RmSummary row={own} report={report.data} days={days} />}
              <PerformanceTable report={report.data} days={days} />
            </>
          )}
        </>
      )}
    </div>
  );
}
