import { Link } from "react-router";
import { formatDate, formatNumber } from "../format";
import { useI18n } from "../i18n";
import { Empty, ErrorMessage, Loading } from "../components/Status";
import { productName, useCampaignContacts } from "./api";

/** The active campaigns with contacts left for the reader to make, each linking to those contacts (target, not
 * contacted yet). Mount it only for a role that records responses. */
export function CampaignContacts() {
  const { t, label, locale } = useI18n();
  const contacts = useCampaignContacts(true);
  if (contacts.isPending) return <Loading />;
  if (contacts.isError) return <ErrorMessage error={contacts.error} onRetry={() => contacts.refetch()} />;
  if (contacts.data.length === 0) return <Empty>{t("myDay.noCampaignContacts")}</Empty>;
  return (
    <ul className="plain campaign-contacts" data-testid="campaign-contacts">
      {contacts.data.map((c) => (
        <li key={c.id} data-campaign-id={c.id}>
          <Link to={`/campaigns/${c.id}?group=target&response=none`}>{c.name}</Link>{" "}
          <span className="tag warn">{t("myDay.toContact", { n: formatNumber(c.to_contact, locale) })}</span>
          <div className="muted-text">
            {productName(c.product, locale)} · {label("campaignChannel", c.channel)} ·{" "}
            {t("myDay.campaignUntil", { date: formatDate(c.ends_on, locale) })}
          </div>
        </li>
      ))}
    </ul>
  );
}
