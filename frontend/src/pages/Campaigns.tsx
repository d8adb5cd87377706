import { Link, useSearchParams } from "react-router";
import { useAuth } from "../auth";
import { formatDate, formatNumber } from "../format";
import { useI18n } from "../i18n";
import { mayManageCampaigns, mayReadCampaigns, mayRespondCampaigns } from "../roles";
import { Empty, ErrorMessage, Loading, MoreButton } from "../components/Status";
import { productName, STATUSES, useCampaigns, type CampaignStatus } from "../campaigns/api";
import { CampaignStatusTag } from "../campaigns/CampaignStatusTag";

/** The status filter as the URL holds it (a link or a reload keeps it); anything else reads as all. */
function statusFrom(params: URLSearchParams): CampaignStatus | "" {
  const status = params.get("status");
  return (STATUSES as readonly string[]).includes(status ?? "") ? (status as CampaignStatus) : "";
}

/**
 * The campaigns, the newest first: what each offers to whom, over which channel and when, its status, how many
 * customers it targets and holds out, how many responded, and how many of its contacts are the reader's to make.
 * Marketing and admins prepare a new one from here.
 */
export function CampaignsPage() {
  const { t, label, locale } = useI18n();
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const status = statusFrom(params);
  const allowed = !!me && mayReadCampaigns(me.role);
  // The contacts left to make are counted in the reader's portfolio: a column only for those who make them.
  const responder = mayRespondCampaigns(me?.role);
  const result = useCampaigns(status, allowed);
  const campaigns = result.data?.pages.flatMap((p) => p.items) ?? [];

  function setStatus(value: string) {
    const next = new URLSearchParams(params);
    // All is the default: /campaigns lists every campaign.
    if (value) next.set("status", value);
    else next.delete("status");
    setParams(next, { replace: true });
  }

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t("campaigns.title")}</h1>
        {me && mayManageCampaigns(me.role) && (
          <Link className="button" to="/campaigns/new">
            {t("campaigns.new")}
          </Link>
        )}
      </div>
      <form className="filters" aria-label={t("campaigns.filters")} onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="cmp-status">{t("campaigns.status")}</label>
          <select id="cmp-status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t("common.all")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {label("campaignStatus", s)}
              </option>
            ))}
          </select>
        </div>
      </form>
      {!me || result.isPending ? (
        <Loading />
      ) : result.isError ? (
        <ErrorMessage error={result.error} onRetry={() => result.refetch()} />
      ) : campaigns.length === 0 ? (
        <Empty>{status ? t("campaigns.emptyFiltered") : t("campaigns.empty")}</Empty>
      ) : (
        <>
          <div className="table-wrap">
            <table aria-label={t("campaigns.title")} data-testid="campaigns">
              <thead>
                <tr>
                  <th scope="col">{t("campaigns.name")}</th>
                  <th scope="col">{t("campaigns.product")}</th>
                  <th scope="col">{t("campaigns.segment")}</th>
                  <th scope="col" className="hide-narrow">
                    {t("campaigns.channel")}
                  </th>
                  <th scope="col">{t("campaigns.dates")}</th>
                  <th scope="col">{t("campaigns.status")}</th>
                  <th scope="col" className="num">
                    {t("campaigns.targets")}
                  </th>
                  <th scope="col" className="num">
                    {t("campaigns.controls")}
                  </th>
                  <th scope="col" className="num">
                    {t("campaigns.responded")}
                  </th>
                  {responder && (
                    <th scope="col" className="num">
                      {t("campaigns.toContact")}
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {campaigns.map((c) => (
                  <tr key={c.id} data-campaign-id={c.id}>
                    <th scope="row" className="row-head">
                      <Link to={`/campaigns/${c.id}`}>{c.name}</Link>
                    </th>
                    <td>
                      {productName(c.product, locale)} <span className="mono">{c.product.code}</span>
                    </td>
                    <td>{c.segment.name}</td>
                    <td className="hide-narrow">{label("campaignChannel", c.channel)}</td>
                    <td>
                      {t("campaigns.dateRange", {
                        from: formatDate(c.starts_on, locale),
                        to: formatDate(c.ends_on, locale),
                      })}
                    </td>
                    <td>
                      <CampaignStatusTag status={c.status} />
                    </td>
                    <td className="num">{formatNumber(c.targets, locale)}</td>
                    <td className="num">{formatNumber(c.controls, locale)}</td>
                    <td className="num">{formatNumber(c.responded, locale)}</td>
                    {responder && (
                      <td className="num">
                        {c.status === "active" && c.to_contact > 0 ? (
                          <Link
                            to={`/campaigns/${c.id}?group=target&response=none`}
                            aria-label={`${c.name}: ${t("myDay.toContact", { n: formatNumber(c.to_contact, locale) })}`}
                          >
                            {formatNumber(c.to_contact, locale)}
                          </Link>
                        ) : (
                          formatNumber(c.to_contact, locale)
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <MoreButton pages={result} />
        </>
      )}
    </div>
  );
}
