import { useEffect, useRef, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { ApiError } from "../api/client";
import { useAuth } from "../auth";
import { formatDate, formatDateTime, formatNumber } from "../format";
import { useI18n } from "../i18n";
import { mayManageCampaigns, mayReadCampaigns, mayReadSegments, mayRespondCampaigns } from "../roles";
import { ErrorMessage, Fact, Loading, Panel } from "../components/Status";
import {
  isNobodyEligible,
  productName,
  useCampaign,
  useCampaignStep,
  useDeleteCampaign,
  type CampaignDetail,
} from "../campaigns/api";
import { CampaignForm } from "../campaigns/CampaignForm";
import { ConfirmStep, type News } from "../campaigns/ConfirmStep";
import { CampaignStatusTag } from "../campaigns/CampaignStatusTag";
import { EffectPanel, ExcludedPanel } from "../campaigns/Effect";
import { MembersPanel } from "../campaigns/Members";
import { bankDate } from "../bankDay";

type Step = "launch" | "close";

/**
 * Launch (a draft) or close (an active campaign), for marketing and admins, each only once confirmed: the button
 * opens a short confirmation saying what the step does; `onNews` hears what happened.
 */
function CampaignStep({
  campaign,
  step,
  onNews,
}: {
  campaign: CampaignDetail;
  step: Step;
  onNews: (news: News | null) => void;
}) {
  const { t, locale } = useI18n();
  const mutation = useCampaignStep(step);

  const words =
    step === "launch"
      ? {
          open: t("campaigns.launch"),
          title: t("campaigns.launchTitle"),
          explain: t("campaigns.launchExplain", { pct: formatNumber(campaign.control_pct, locale) }),
          now: t("campaigns.launchNow"),
          busy: t("campaigns.launching"),
        }
      : {
          open: t("campaigns.close"),
          title: t("campaigns.closeTitle"),
          explain: t("campaigns.closeExplain"),
          now: t("campaigns.closeNow"),
          busy: t("campaigns.closing"),
        };

  return (
    <ConfirmStep
      id={`campaign-${step}`}
      words={words}
      mutation={mutation}
      variables={campaign.id}
      openClassName={step === "close" ? "secondary" : undefined}
      onDone={(done, close) => {
        close();
        onNews({
          ok: true,
          text:
            step === "launch"
              ? t("campaigns.launched", {
                  targets: formatNumber(done.targets, locale),
                  controls: formatNumber(done.controls, locale),
                })
              : t("campaigns.closedNow"),
        });
      }}
      // 409: launched or closed meanwhile, or (launching) past its last day or its product no longer on sale; the
      // server says which, and the campaign is read again.
      conflict={step === "launch" ? t("campaigns.notLaunched409") : t("campaigns.notClosed409")}
      onNews={onNews}
      renderError={(error) =>
        isNobodyEligible(error) ? (
          <div className="status error" role="alert">
            <p className="error-message">{t("campaigns.launchNobody")}</p>
            {error instanceof ApiError && error.problem?.detail && (
              <p className="error-detail">{error.problem.detail}</p>
            )}
          </div>
        ) : (
          <ErrorMessage error={error} />
        )
      }
    />
  );
}

/** Delete a draft (marketing, admins), once confirmed; then back to the campaigns. A 409 (launched meanwhile) is told
 * through `onNews`, and the campaign is read again. */
function DeleteDraft({ campaign, onNews }: { campaign: CampaignDetail; onNews: (news: News | null) => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const mutation = useDeleteCampaign(campaign.id);
  return (
    <ConfirmStep
      id="campaign-delete"
      words={{
        open: t("campaigns.delete"),
        title: t("campaigns.deleteTitle"),
        explain: t("campaigns.deleteExplain"),
        now: t("campaigns.deleteNow"),
        busy: t("campaigns.deleting"),
      }}
      mutation={mutation}
      variables={undefined}
      openClassName="secondary"
      confirmClassName="danger"
      onDone={() => navigate("/campaigns")}
      conflict={t("campaigns.notDeleted409")}
      onNews={onNews}
    />
  );
}

function Facts({ c }: { c: CampaignDetail }) {
  const { t, label, locale } = useI18n();
  const { me } = useAuth();
  return (
    <dl className="facts" aria-label={t("campaigns.facts")} data-testid="campaign-facts">
      <Fact term={t("campaigns.product")}>
        {productName(c.product, locale)} <span className="mono">{c.product.code}</span>
      </Fact>
      <Fact term={t("campaigns.segment")}>
        {/* An agent does not read segments: the name alone, no link that would answer 403. */}
        {mayReadSegments(me?.role) && me ? (
          <Link to={`/segments/${c.segment.id}`}>{c.segment.name}</Link>
        ) : (
          c.segment.name
        )}
      </Fact>
      <Fact term={t("campaigns.channel")}>{label("campaignChannel", c.channel)}</Fact>
      <Fact term={t("campaigns.dates")}>
        {t("campaigns.dateRange", { from: formatDate(c.starts_on, locale), to: formatDate(c.ends_on, locale) })}
      </Fact>
      <Fact term={t("campaigns.controlGroup")}>
        {t("campaigns.controlPctShown", { pct: formatNumber(c.control_pct, locale) })}
      </Fact>
      <Fact term={t("campaigns.prepared")}>
        {c.created_by_username
          ? t("campaigns.preparedBy", { when: formatDateTime(c.created_at, locale), who: c.created_by_username })
          : formatDateTime(c.created_at, locale)}
      </Fact>
      <Fact term={t("campaigns.launchedAt")}>
        {c.launched_at ? formatDateTime(c.launched_at, locale) : t("campaigns.notLaunched")}
      </Fact>
      {c.closed_at && <Fact term={t("campaigns.closedAt")}>{formatDateTime(c.closed_at, locale)}</Fact>}
      {c.status !== "draft" && (
        <>
          <Fact term={t("campaigns.targets")}>{formatNumber(c.targets, locale)}</Fact>
          <Fact term={t("campaigns.controls")}>{formatNumber(c.controls, locale)}</Fact>
          <Fact term={t("campaigns.responded")}>{formatNumber(c.responded, locale)}</Fact>
          {mayRespondCampaigns(me?.role) && (
            <Fact term={t("campaigns.toContact")}>{formatNumber(c.to_contact, locale)}</Fact>
          )}
        </>
      )}
    </dl>
  );
}

/**
 * One campaign: what it offers to whom, how and when, its status; for marketing and admins, Launch (a draft) and
 * Close (an active one), each confirmed first. Once launched: who was left out and why, its effect (final, or so far),
 * and its customers in the reader's portfolio, where the people who contact customers record the responses.
 */
export function CampaignPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const { campaignId = "" } = useParams();
  const allowed = !!me && mayReadCampaigns(me.role);
  const campaign = useCampaign(campaignId, allowed);
  const manage = !!me && mayManageCampaigns(me.role);
  const [news, setNews] = useState<News | null>(null);
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const said = useRef<HTMLParagraphElement>(null);
  // Once the confirmation is gone, the keyboard's place is the sentence that says what happened.
  useEffect(() => {
    if (news) said.current?.focus();
  }, [news]);

  if (!me || campaign.isPending) return <Loading />;
  if (campaign.isError) {
    const missing = campaign.error instanceof ApiError && campaign.error.status === 404;
    return (
      <div className="page">
        <p className="crumbs">
          <Link to="/campaigns">{t("campaigns.back")}</Link>
        </p>
        {missing ? (
          <h1>{t("campaigns.notFound")}</h1>
        ) : (
          <ErrorMessage error={campaign.error} onRetry={() => campaign.refetch()} />
        )}
      </div>
    );
  }
  const c = campaign.data;
  return (
    <div className="page">
      <p className="crumbs">
        <Link to="/campaigns">{t("campaigns.back")}</Link>
      </p>
      <header className="campaign-head">
        <div>
          <h1>
            {c.name} <CampaignStatusTag status={c.status} />
          </h1>
          {c.description && <p className="sub">{c.description}</p>}
        </div>
        {manage && c.status === "draft" && (
          <div className="actions tight">
            {!editing && (
              <button
                type="button"
                ref={editButton}
                className="secondary"
                aria-controls="campaign-edit"
                onClick={() => {
                  setNews(null);
                  setEditing(true);
                }}
              >
                {t("campaigns.edit")}
              </button>
            )}
            <CampaignStep key="launch" campaign={c} step="launch" onNews={setNews} />
            <DeleteDraft campaign={c} onNews={setNews} />
          </div>
        )}
        {manage && c.status === "active" && <CampaignStep key="close" campaign={c} step="close" onNews={setNews} />}
      </header>
      <div aria-live="polite">
        {news && (
          <p
            ref={said}
            tabIndex={-1}
            className={news.ok ? "status ok" : "status notice"}
            data-testid="campaign-step-result"
          >
            {news.text}
            {news.detail && <small className="block server-words">{news.detail}</small>}
          </p>
        )}
      </div>
      {manage && c.status === "draft" && editing && (
        <Panel title={t("campaigns.editTitle")} id="campaign-edit">
          <CampaignForm
            campaign={c}
            onSaved={() => {
              setEditing(false);
              setNews({ ok: true, text: t("campaigns.edited") });
            }}
            onConflict={() => {
              setEditing(false);
              setNews({ ok: false, text: t("campaigns.notEdited409") });
            }}
            onCancel={() => {
              setEditing(false);
              window.setTimeout(() => editButton.current?.focus());
            }}
          />
        </Panel>
      )}
      <Panel title={t("campaigns.facts")} id="campaign-facts">
        <Facts c={c} />
        {c.status === "draft" && <p className="muted-text">{t("campaigns.draftNote")}</p>}
        {/* Past its last day a draft cannot be launched (409) until it has new dates. */}
        {c.status === "draft" && c.ends_on < bankDate() && (
          <p className="status notice" data-testid="campaign-past-end">
            {t("campaigns.pastEnd")}
          </p>
        )}
      </Panel>
      {c.status !== "draft" && (
        <>
          {c.effect && <EffectPanel effect={c.effect} />}
          <ExcludedPanel campaign={c} />
          <MembersPanel campaign={c} />
        </>
      )}
    </div>
  );
}
