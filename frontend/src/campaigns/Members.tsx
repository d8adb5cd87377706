// A launched campaign's customers in the reader's portfolio: the contacts to make and what each said. The people who
// contact customers (RMs, branch managers, the call center, admins) record a target customer's response on an active
// campaign, row by row; a control-group customer is held out, so is never contacted and offers nothing to record.
import { useEffect, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useAuth } from "../auth";
import { formatDate, formatDateTime } from "../format";
import { useI18n, type MessageKey } from "../i18n";
import { mayRespondCampaigns } from "../roles";
import { Empty, ErrorMessage, Loading, MoreButton, Panel } from "../components/Status";
import {
  FUNNEL,
  GROUPS,
  useMembers,
  type CampaignDetail,
  type Group,
  type Member,
  type ResponseFilter,
  type ResponseRefusal,
} from "./api";
import { ResponseForm } from "./ResponseForm";

interface Filters {
  group: Group | "";
  response: ResponseFilter | "";
}

/**
 * The filters as the URL holds them (a link from My day, or a reload, keeps them). Without one, the default: for
 * whoever records responses on an active campaign the contacts still to make (target, not contacted yet), for
 * everyone else all. "all" in the URL says all where the default is narrower.
 */
function filtersFrom(params: URLSearchParams, defaults: Filters): Filters {
  const group = params.get("group");
  const response = params.get("response");
  return {
    group:
      group === "all" ? "" : (GROUPS as readonly string[]).includes(group ?? "") ? (group as Group) : defaults.group,
    response:
      response === "all"
        ? ""
        : (FUNNEL as readonly string[]).includes(response ?? "")
          ? (response as ResponseFilter)
          : defaults.response,
  };
}

/** What a refusal to record says, above the list. */
const REFUSAL_TEXT: Record<ResponseRefusal, MessageKey> = {
  notActive: "campaigns.notActive",
  heldOut: "campaigns.heldOutRefused",
};

function RecordForm({
  campaignId,
  m,
  onRefused,
}: {
  campaignId: string;
  m: Member;
  onRefused: (why: ResponseRefusal) => void;
}) {
  const { t } = useI18n();
  return (
    <ResponseForm
      campaignId={campaignId}
      customerId={m.customer.id}
      response={m.response}
      note={m.note}
      label={t("campaigns.recordForm", { name: m.customer.display_name })}
      idBase={`member-${m.customer.id}`}
      onRefused={onRefused}
    />
  );
}

function MemberRow({
  campaignId,
  m,
  canRecord,
  onRefused,
}: {
  campaignId: string;
  m: Member;
  canRecord: boolean;
  onRefused: (why: ResponseRefusal) => void;
}) {
  const { t, label, locale } = useI18n();
  const held = m.group === "control";
  return (
    <tr data-customer-id={m.customer.id} data-group={m.group} className={held ? "held-out" : undefined}>
      <th scope="row" className="row-head">
        <Link to={`/customers/${m.customer.id}`}>{m.customer.display_name}</Link>{" "}
        <span className="mono">{m.customer.customer_number}</span>
      </th>
      <td className="hide-narrow">{label("tier", m.tier)}</td>
      <td>
        <span className={held ? "tag" : "tag target-tag"}>{label("campaignGroup", m.group)}</span>
      </td>
      <td className="hide-narrow">{m.rm_name ?? m.rm_username ?? "—"}</td>
      <td className="member-response" data-response={m.response ?? "none"}>
        {held ? (
          "—"
        ) : (
          <>
            <strong>{label("campaignResponse", m.response ?? "none")}</strong>
            {m.responded_at && (
              <small className="block">
                {m.responded_by_username
                  ? t("campaigns.answeredBy", {
                      when: formatDateTime(m.responded_at, locale),
                      who: m.responded_by_username,
                    })
                  : formatDateTime(m.responded_at, locale)}
              </small>
            )}
            {m.note && <small className="block member-note">{m.note}</small>}
          </>
        )}
      </td>
      <td>
        {m.converted_on ? (
          <time dateTime={m.converted_on}>
            {t("campaigns.convertedOnDate", { date: formatDate(m.converted_on, locale) })}
          </time>
        ) : (
          "—"
        )}
      </td>
      {canRecord && (
        <td className="record-cell">
          {held ? (
            <span className="muted-text held-out-note">{t("campaigns.heldOut")}</span>
          ) : (
            <RecordForm campaignId={campaignId} m={m} onRefused={onRefused} />
          )}
        </td>
      )}
    </tr>
  );
}

/** The campaign's customers in the reader's portfolio, filtered by group and response (kept in the URL), paged. */
export function MembersPanel({ campaign }: { campaign: CampaignDetail }) {
  const { t, label } = useI18n();
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const responder = mayRespondCampaigns(me?.role);
  const active = campaign.status === "active";
  const canRecord = responder && active;
  const defaults: Filters = canRecord ? { group: "target", response: "none" } : { group: "", response: "" };
  const { group, response } = filtersFrom(params, defaults);
  const members = useMembers(campaign.id, group, response, !!me);
  const rows = members.data?.pages.flatMap((p) => p.items) ?? [];
  const [refused, setRefused] = useState<{ why: ResponseRefusal } | null>(null);
  const note = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (refused) note.current?.focus();
  }, [refused]);

  function set(name: keyof Filters, value: string) {
    const next = new URLSearchParams(params);
    if (value === defaults[name]) next.delete(name);
    else next.set(name, value || "all");
    setParams(next, { replace: true });
  }

  const contactsLeft = group === "target" && response === "none";
  return (
    <Panel title={t("campaigns.members")} id="campaign-members">
      <p className="muted-text">{t("campaigns.membersScope")}</p>
      <form className="filters inline" aria-label={t("campaigns.membersFilters")} onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="m-group">{t("campaigns.group")}</label>
          <select id="m-group" value={group} onChange={(e) => set("group", e.target.value)}>
            <option value="">{t("common.all")}</option>
            {GROUPS.map((g) => (
              <option key={g} value={g}>
                {label("campaignGroup", g)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="m-response">{t("campaigns.response")}</label>
          <select id="m-response" value={response} onChange={(e) => set("response", e.target.value)}>
            <option value="">{t("common.all")}</option>
            {FUNNEL.map((r) => (
              <option key={r} value={r}>
                {label("campaignResponse", r)}
              </option>
            ))}
          </select>
        </div>
      </form>
      <div aria-live="polite">
        {refused && (
          <p
            ref={note}
            tabIndex={-1}
            className="status notice"
            data-testid="members-refused"
            data-refusal={refused.why}
          >
            {t(REFUSAL_TEXT[refused.why])}
          </p>
        )}
      </div>
      {members.isPending ? (
        <Loading />
      ) : members.isError ? (
        <ErrorMessage error={members.error} onRetry={() => members.refetch()} />
      ) : rows.length === 0 ? (
        <Empty>{contactsLeft ? t("campaigns.noContacts") : t("campaigns.noMembers")}</Empty>
      ) : (
        <>
          <div className="table-wrap">
            <table aria-label={t("campaigns.members")} data-testid="campaign-members">
              <thead>
                <tr>
                  <th scope="col">{t("campaigns.customer")}</th>
                  <th scope="col" className="hide-narrow">
                    {t("campaigns.tier")}
                  </th>
                  <th scope="col">{t("campaigns.group")}</th>
                  <th scope="col" className="hide-narrow">
                    {t("campaigns.rm")}
                  </th>
                  <th scope="col">{t("campaigns.response")}</th>
                  <th scope="col">{t("campaigns.convertedOn")}</th>
                  {canRecord && <th scope="col">{t("campaigns.record")}</th>}
                </tr>
              </thead>
              <tbody>
                {rows.map((m) => (
                  <MemberRow
                    key={m.customer.id}
                    campaignId={campaign.id}
                    m={m}
                    canRecord={canRecord}
                    onRefused={(why) => setRefused({ why })}
                  />
                ))}
              </tbody>
            </table>
          </div>
          <MoreButton pages={members} label={t("campaigns.moreMembers")} />
        </>
      )}
    </Panel>
  );
}
