import type { Schemas } from "../api/client";
import { formatDate, formatMoney } from "../format";
import { useI18n } from "../i18n";
import { Empty } from "../components/Status";

export function HoldingsTable({ holdings }: { holdings: Schemas["HoldingOut"][] }) {
  const { t, label, locale } = useI18n();
  if (holdings.length === 0) return <Empty>{t("c360.noHoldings")}</Empty>;
  return (
    <div className="table-wrap">
      <table aria-label={t("c360.holdings")}>
        <thead>
          <tr>
            <th scope="col">{t("c360.product")}</th>
            <th scope="col" className="hide-narrow">
              {t("c360.account")}
            </th>
            <th scope="col" className="num">
              {t("c360.balance")}
            </th>
            <th scope="col">{t("c360.maturity")}</th>
            <th scope="col" className="hide-narrow">
              {t("c360.status")}
            </th>
          </tr>
        </thead>
        <tbody>
          {holdings.map((h) => {
            const soon = h.days_to_maturity !== null && h.days_to_maturity >= 0 && h.days_to_maturity <= 30;
            return (
              <tr key={h.id} className={h.status === "closed" ? "muted" : undefined}>
                <td>{locale === "zh-CN" && h.product_name_zh ? h.product_name_zh : h.product_name}</td>
                <td className="hide-narrow mono">{h.account_number}</td>
                <td className="num">{formatMoney(h.balance, h.currency, locale)}</td>
                <td>
                  {h.maturity_date ? (
                    <>
                      {formatDate(h.maturity_date, locale)}
                      {h.days_to_maturity !== null && h.days_to_maturity >= 0 && (
                        <span className={soon ? "tag warn" : "tag"}>
                          {t("c360.daysLeft", { days: h.days_to_maturity })}
                        </span>
                      )}
                    </>
                  ) : (
                    "—"
                  )}
                </td>
                <td className="hide-narrow">{label("holdingStatus", h.status)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
