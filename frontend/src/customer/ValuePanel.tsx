import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../api/client";
import { formatDateTime, formatMoney, formatPercent } from "../format";
import { useI18n, type MessageKey } from "../i18n";
import { Empty, ErrorMessage, Loading } from "../components/Status";
import { serverText } from "../serverText";

/** Tier and churn risk with their reasons, from GET /customers/{id}/value. */
export function ValuePanel({ customerId }: { customerId: string }) {
  const { t, label, locale } = useI18n();
  const value = useQuery({
    queryKey: ["value", customerId],
    queryFn: () =>
      unwrap(api.GET("/api/v1/customers/{customer_id}/value", { params: { path: { customer_id: customerId } } })),
  });
  if (value.isPending) return <Loading />;
  if (value.isError) return <ErrorMessage error={value.error} onRetry={() => value.refetch()} />;
  const v = value.data;
  const risk = Number(v.churn_risk);
  const riskClass = risk >= 0.6 ? "bad" : risk >= 0.3 ? "warn" : "";
  return (
    <div className="value-panel" data-testid="value-panel">
      <dl className="facts">
        <div className="fact">
          <dt>{t("customers.tier")}</dt>
          <dd>
            <span className={`tag tier-${v.tier}`}>{label("tier", v.tier)}</span>
          </dd>
        </div>
        <div className="fact">
          <dt>{t("c360.churnRisk")}</dt>
          <dd>
            <span className={`tag ${riskClass}`} data-testid="churn-risk">
              {formatPercent(risk, locale)}
            </span>
          </dd>
        </div>
        <div className="fact">
          <dt>{t("c360.aumNow")}</dt>
          <dd>
            {formatMoney(v.aum, v.currency, locale)} <small>({t(`c360.trend.${v.aum_trend}` as MessageKey)})</small>
          </dd>
        </div>
        <div className="fact">
          <dt>{t("c360.contribution")}</dt>
          <dd>{formatMoney(v.contribution_monthly, v.currency, locale)}</dd>
        </div>
        <div className="fact">
          <dt>{t("c360.activeProducts")}</dt>
          <dd>{v.active_products}</dd>
        </div>
        <div className="fact">
          <dt>{t("customers.lifecycle")}</dt>
          <dd>{label("lifecycle", v.lifecycle_stage)}</dd>
        </div>
      </dl>
      {v.tier_reason && (
        <p>
          <strong>{t("c360.tierReason")}:</strong> {serverText(v.tier_reason, t, locale)}
        </p>
      )}
      {v.lifecycle_reason && (
        <p>
          <strong>{t("c360.lifecycleReason")}:</strong> {serverText(v.lifecycle_reason, t, locale)}
        </p>
      )}
      <h3>{t("c360.drivers")}</h3>
      {v.churn_drivers.length === 0 ? (
        <Empty>{t("c360.noDrivers")}</Empty>
      ) : (
        <ul className="drivers">
          {v.churn_drivers.map((d) => (
            <li key={d.driver}>
              <span className="driver-bar" style={{ width: `${Math.min(100, Number(d.weight) * 100)}%` }} />
              <span>
                {serverText(d.text, t, locale)} <small>({formatPercent(Number(d.weight), locale)})</small>
              </span>
            </li>
          ))}
        </ul>
      )}
      {v.tier_history.length > 0 && (
        <>
          <h3>{t("c360.tierHistory")}</h3>
          <ul className="plain">
            {v.tier_history.map((h) => (
              <li key={h.changed_at + h.to_tier}>
                <small>{formatDateTime(h.changed_at, locale)}</small> {h.from_tier ? label("tier", h.from_tier) : "—"} →{" "}
                {label("tier", h.to_tier)} <small>{serverText(h.reason, t, locale)}</small>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <small>{t("c360.scoredAt", { when: formatDateTime(v.scored_at, locale) })}</small>
      </p>
    </div>
  );
}
