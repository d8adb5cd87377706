import type { Schemas } from "../api/client";
import { formatDate, formatMoney, type Locale } from "../format";
import { useI18n } from "../i18n";
import { Empty } from "../components/Status";

/** A holding's product name in the user's language (the English one when there is no Chinese one). */
export function productName(h: { product_name: string; product_name_zh?: string | null }, locale: Locale): string {
  return locale === "zh-CN" && h.product_name_zh ? h.product_name_zh : h.product_name;
}

/** A maturity date with the days left, marked when within 30 days; a dash for a holding that does not mature. */
export function Maturity({ date, days }: { date: string | null | undefined; days: number | null | undefined }) {
  const { t, locale } = useI18n();
  if (!date) return <>—</>;
  const left = typeof days === "number" && days >= 0 ? days : null;
  return (
    <>
      {formatDate(date, locale)}
      {left !== null && <span className={left <= 30 ? "tag warn" : "tag"}>{t("c360.daysLeft", { days: left })}</span>}
    </>
  );
}

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
            return (
              <tr key={h.id} className={h.status === "closed" ? "muted" : undefined}>
                <td>{productName(h, locale)}</td>
                <td className="hide-narrow mono">{h.account_number}</td>
                <td className="num">{formatMoney(h.balance, h.currency, locale)}</td>
                <td>
                  <Maturity date={h.maturity_date} days={h.days_to_maturity} />
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
