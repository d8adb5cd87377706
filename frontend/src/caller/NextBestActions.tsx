// The next best actions for one customer, worded in the user's language (./actions.ts), most urgent first; beside a
// running campaign's offer, the customer's answer recorded right there (ResponseForm). Shown on the Caller page (the
// call-center context's actions) and on the 360 view (GET /customers/{id}/next-best-actions): the same actions.
import { useEffect, useRef, useState } from "react";
import { useAuth } from "../auth";
import { mayRespondCampaigns } from "../roles";
import { ResponseForm } from "../campaigns/ResponseForm";
import type { Answer } from "../campaigns/api";
import { useI18n } from "../i18n";
import { Empty } from "../components/Status";
import { stillToDo, wordAction, type ActionFacts, type NextBestAction } from "./actions";

const PRIORITY_RANK: Record<string, number> = { high: 0, medium: 1, low: 2 };

/** An action's key: what it concerns, so an action gone (a declined offer) leaves the others' forms as they are. */
const actionKey = (a: NextBestAction) =>
  [a.kind, a.refs.campaign_id ?? a.refs.holding_id ?? a.refs.alert_id ?? a.refs.case_id ?? a.refs.product_code].join(
    "-",
  );

/** What recording an answer to a campaign's offer did, said above the actions (a declined offer is gone). */
interface OfferNews {
  ok: boolean;
  text: string;
}

export function NextBestActions({
  actions,
  facts,
  customerId,
  emptyText,
  onChanged,
}: {
  actions: readonly NextBestAction[];
  /** What the actions are worded from: the customer's holdings, alerts and cases as the screen shows them. */
  facts: ActionFacts;
  customerId: string;
  /** Said when there is nothing to do. */
  emptyText: string;
  /** An answer was recorded, or refused (the campaign closed meanwhile, the customer held out): read them again. */
  onChanged: () => void;
}) {
  const { t, label, locale } = useI18n();
  const { me } = useAuth();
  const responder = mayRespondCampaigns(me?.role);
  // Answers recorded here, by campaign: shown at once, before the actions are read again.
  const [answered, setAnswered] = useState<Record<string, Answer>>({});
  const [news, setNews] = useState<OfferNews | null>(null);
  const said = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (news) said.current?.focus();
  }, [news]);

  const current = stillToDo(actions, facts).flatMap((a) => {
    const answer = a.kind === "campaign_offer" && a.refs.campaign_id ? answered[a.refs.campaign_id] : undefined;
    if (!answer) return [a];
    // A declined offer is no longer made; any other answer is what the customer said so far.
    return answer === "declined" ? [] : [{ ...a, refs: { ...a.refs, response: answer } }];
  });
  // Service before sales, most urgent first (the server's order within a priority is kept).
  const sorted = current.sort((a, b) => (PRIORITY_RANK[a.priority] ?? 1) - (PRIORITY_RANK[b.priority] ?? 1));
  const newsLine = (
    <div aria-live="polite">
      {news && (
        <p ref={said} tabIndex={-1} className={news.ok ? "status ok" : "status notice"} data-testid="nba-offer-result">
          {news.text}
        </p>
      )}
    </div>
  );
  if (sorted.length === 0)
    return (
      <>
        {newsLine}
        <Empty>{emptyText}</Empty>
      </>
    );
  return (
    <>
      {newsLine}
      <ol className="nba">
        {sorted.map((a) => {
          const { title, reason } = wordAction(a, facts, t, locale);
          const campaignId = a.kind === "campaign_offer" ? a.refs.campaign_id : undefined;
          const campaign = a.refs.campaign_name || title;
          const soFar = a.refs.response;
          return (
            <li
              key={actionKey(a)}
              className={`nba-item prio-${a.priority}`}
              data-kind={a.kind}
              data-campaign-id={campaignId}
            >
              <div className="nba-tags">
                <span className={`tag sev-${a.priority}`}>
                  {t("caller.priority", { priority: label("severity", a.priority) })}
                </span>{" "}
                <span className="tag">{label("nbaKind", a.kind)}</span>
              </div>
              <strong className="nba-title">{title}</strong>
              <p className="nba-reason">{reason}</p>
              {campaignId && responder && (
                <ResponseForm
                  campaignId={campaignId}
                  customerId={customerId}
                  response={soFar ? (soFar as Answer) : null}
                  note={null}
                  label={t("campaigns.recordFormCampaign", { campaign })}
                  idBase={`nba-${campaignId}`}
                  onRefused={(why) => {
                    const text = why === "heldOut" ? "caller.campaign.heldOut" : "caller.campaign.notActive";
                    setNews({ ok: false, text: t(text, { campaign }) });
                    onChanged();
                  }}
                  onRecorded={(member) => {
                    const answer = member.response;
                    if (!answer) return;
                    setAnswered((m) => ({ ...m, [campaignId]: answer }));
                    setNews(
                      answer === "declined" ? { ok: true, text: t("caller.campaign.declined", { campaign }) } : null,
                    );
                    onChanged();
                  }}
                />
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}
