// The campaigns a customer is in, on the 360 view: what each offered and when, the customer's group (a control-group
// customer is held out and must not be contacted), what they said and who recorded it, and whether they converted.
// The people who contact customers record the response right here while the campaign is active and the customer a
// target.
import { useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { useAuth } from "../auth";
import { formatDate, formatDateTime } from "../format";
import { useI18n } from "../i18n";
import { mayRespondCampaigns } from "../roles";
import { Empty, ErrorMessage, Loading } from "../components/Status";
import { productName, useCustomerCampaigns, type CustomerCampaign, type ResponseRefusal } from "./api";
import { CampaignStatusTag } from "./CampaignStatusTag";
import { ResponseForm } from "./ResponseForm";

function Entry({ customerId, c, responder }: { customerId: string; c: CustomerCampaign; responder: boolean }) {
  const { t, label, locale } = useI18n();
  const { campaign } = c;
  const held = c.group === "control";
  const canRecord = responder && campaign.status === "active" && !held;
  // A refusal on recording: the campaign closed meanwhile, or the customer is held out (the list is read again, and
  // shows it as it is).
  const [refused, setRefused] = useState<{ why: ResponseRefusal } | null>(null);
  const said = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (refused) said.current?.focus();
  }, [refused]);
  const headingId = `cc-${campaign.id}-h`;
  return (
    <li
      className={held ? "customer-campaign held-out" : "customer-campaign"}
      data-campaign-id={campaign.id}
      data-group={c.group}
      aria-labelledby={headingId}
    >
      <h3 id={headingId} className="customer-campaign-name">
        <Link to={`/campaigns/${campaign.id}`}>{campaign.name}</Link> <CampaignStatusTag status={campaign.status} />
      </h3>
      <p className="muted-text">
        {productName(campaign.product, locale)} <span className="mono">{campaign.product.code}</span> ·{" "}
        {label("campaignChannel", campaign.channel)} ·{" "}
        {t("campaigns.dateRange", {
          from: formatDate(campaign.starts_on, locale),
          to: formatDate(campaign.ends_on, locale),
        })}
      </p>
      <p className="customer-campaign-group" data-testid="campaign-group">
        {held ? (
          <>
            <span className="tag">{t("campaigns.heldOutTag")}</span> {t("campaigns.customerHeldOut")}
          </>
        ) : (
          <>
            <span className="tag target-tag">{label("campaignGroup", "target")}</span> {t("campaigns.customerTarget")}
          </>
        )}
      </p>
      {!held && (
        <div
          className="customer-campaign-response"
          data-response={c.response ?? "none"}
          data-testid="campaign-response"
        >
          <strong>
            {c.response
              ? label("campaignResponse", c.response)
              : campaign.status === "closed"
                ? t("campaigns.notContacted")
                : label("campaignResponse", "none")}
          </strong>
          {c.responded_at && (
            <small className="block">
              {c.responded_by_username
                ? t("campaigns.answeredBy", {
                    when: formatDateTime(c.responded_at, locale),
                    who: c.responded_by_username,
                  })
                : formatDateTime(c.responded_at, locale)}
            </small>
          )}
          {c.note && <small className="block member-note">{c.note}</small>}
        </div>
      )}
      {c.converted_on && (
        <p className="customer-campaign-converted" data-testid="campaign-converted">
          <time dateTime={c.converted_on}>
            {t("campaigns.convertedOnDay", { date: formatDate(c.converted_on, locale) })}
          </time>
        </p>
      )}
      <div aria-live="polite">
        {refused && (
          <p
            ref={said}
            tabIndex={-1}
            className="status notice"
            data-testid="campaign-refused"
            data-refusal={refused.why}
          >
            {t(refused.why === "heldOut" ? "campaigns.heldOutRefused" : "campaigns.notActive")}
          </p>
        )}
      </div>
      {canRecord && (
        <ResponseForm
          campaignId={campaign.id}
          customerId={customerId}
          response={c.response}
          note={c.note}
          label={t("campaigns.recordFormCampaign", { campaign: campaign.name })}
          idBase={`cc-${campaign.id}`}
          onRefused={(why) => setRefused({ why })}
        />
      )}
    </li>
  );
}

/** The customer's campaigns, the newest first as the server sends them; a quiet sentence when there are none. Mount
 * it only for a role that reads campaigns. */
export function CustomerCampaigns({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const { me } = useAuth();
  const list = useCustomerCampaigns(customerId, !!me);
  if (!me || list.isPending) return <Loading />;
  if (list.isError) return <ErrorMessage error={list.error} onRetry={() => list.refetch()} />;
  if (list.data.length === 0) return <Empty>{t("c360.noCampaigns")}</Empty>;
  return (
    <ul className="plain customer-campaigns" data-testid="customer-campaigns">
      {list.data.map((c) => (
        <Entry key={c.campaign.id} customerId={customerId} c={c} responder={mayRespondCampaigns(me.role)} />
      ))}
    </ul>
  );
}
