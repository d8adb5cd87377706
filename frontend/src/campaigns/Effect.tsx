// What a launched campaign did: who was left out at launch and why, and its effect, target against control. Every
// figure is the server's decimal string shown with its own digits (a rate of "0.0912" is 9.12%, never a float's
// 9.120000000000001), and every judgement is said in words, never only in a colour.
import type { ReactNode } from "react";
import { formatDate, formatDecimal, formatExact, formatMoney, formatNumber, formatShare, type Locale } from "../format";
import { useI18n, type MessageKey, type Translate } from "../i18n";
import { Fact, Panel } from "../components/Status";
import { EXCLUSIONS, FUNNEL, type CampaignDetail, type Effect } from "./api";

type Group = Effect["target"];

/** Members of the segment left out at launch, by reason, in words. Nothing before launch. */
export function ExcludedPanel({ campaign }: { campaign: CampaignDetail }) {
  const { t, label, locale } = useI18n();
  const excluded = campaign.excluded;
  if (!excluded) return null;
  const total = EXCLUSIONS.reduce((n, r) => n + excluded[r], 0);
  // As the customer's consent names it ("phone", "SMS", "online banking").
  const channel = label("consent", campaign.channel);
  return (
    <Panel title={t("campaigns.excluded")} id="campaign-excluded">
      {total === 0 ? (
        <p className="muted-text">{t("campaigns.excludedNone")}</p>
      ) : (
        <>
          <p className="muted-text" id="campaign-excluded-intro">
            {t("campaigns.excludedIntro")}
          </p>
          <table aria-label={t("campaigns.excluded")} aria-describedby="campaign-excluded-intro" className="compact">
            <thead>
              <tr>
                <th scope="col">{t("campaigns.excludedReason")}</th>
                <th scope="col" className="num">
                  {t("campaigns.excludedCount")}
                </th>
              </tr>
            </thead>
            <tbody>
              {EXCLUSIONS.map((r) => (
                <tr key={r} data-reason={r}>
                  <th scope="row" className="row-head">
                    {t(`campaigns.excluded.${r}` as MessageKey, { channel })}
                  </th>
                  <td className="num">{formatNumber(excluded[r], locale)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" className="row-head">
                  {t("campaigns.excludedTotal")}
                </th>
                <td className="num">{formatNumber(total, locale)}</td>
              </tr>
            </tfoot>
          </table>
        </>
      )}
    </Panel>
  );
}

/** "p = 0.003", or "p < 0.0001" when the server's four places round it to nothing. */
function pPhrase(p: string, t: Translate, locale: Locale): string {
  return /^0(\.0*)?$/.test(p)
    ? t("campaigns.pBelow", { p: formatDecimal("0.0001", locale, 4) })
    : t("campaigns.p", { p: formatDecimal(p, locale, 4) });
}

/** The effect in one sentence: likely caused by the campaign, not distinguishable from chance (yet), or too few
 * customers or conversions for the test to tell (then the server calls nothing significant, and its p-value, which
 * the test cannot be trusted for, is not quoted). */
export function verdict(effect: Effect, t: Translate, locale: Locale): string {
  if (effect.uplift_pp === null || effect.p_value === null) return t("campaigns.verdict.none");
  if (!effect.enough_data) return effect.final ? t("campaigns.verdict.tooFewFinal") : t("campaigns.verdict.tooFew");
  const p = pPhrase(effect.p_value, t, locale);
  if (effect.significant)
    return effect.uplift_pp.startsWith("-") ? t("campaigns.verdict.down", { p }) : t("campaigns.verdict.up", { p });
  return effect.final ? t("campaigns.verdict.chanceFinal", { p }) : t("campaigns.verdict.chance", { p });
}

function Balances({ group }: { group: Group }) {
  const { locale } = useI18n();
  if (group.converted_balances.length === 0) return <>—</>;
  return (
    <ul className="plain money-list">
      {group.converted_balances.map((b) => (
        <li key={b.currency}>{formatMoney(b.amount, b.currency, locale)}</li>
      ))}
    </ul>
  );
}

function GroupsTable({ effect }: { effect: Effect }) {
  const { t, locale } = useI18n();
  const row = (term: string, cell: (g: Group) => ReactNode) => (
    <tr>
      <th scope="row" className="row-head">
        {term}
      </th>
      <td className="num">{cell(effect.target)}</td>
      <td className="num">{cell(effect.control)}</td>
    </tr>
  );
  return (
    <div className="table-wrap">
      <table aria-label={t("campaigns.groups")} data-testid="effect-groups">
        <thead>
          <tr>
            <th scope="col">{t("campaigns.measure")}</th>
            <th scope="col" className="num">
              {t("campaigns.targetGroup")}
            </th>
            <th scope="col" className="num">
              {t("campaigns.controlGroupHeld")}
            </th>
          </tr>
        </thead>
        <tbody>
          {row(t("campaigns.customers"), (g) => formatNumber(g.customers, locale))}
          {row(t("campaigns.converted"), (g) => formatNumber(g.converted, locale))}
          {row(t("campaigns.conversionRate"), (g) => formatShare(g.conversion_rate, locale))}
          {row(t("campaigns.convertedBalances"), (g) => (
            <Balances group={g} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function FunnelTable({ effect }: { effect: Effect }) {
  const { t, label, locale } = useI18n();
  return (
    <div className="table-wrap">
      <table aria-label={t("campaigns.funnel")} data-testid="effect-funnel">
        <thead>
          <tr>
            <th scope="col">{t("campaigns.response")}</th>
            <th scope="col" className="num">
              {t("campaigns.funnelCustomers")}
            </th>
            <th scope="col" className="num">
              {t("campaigns.funnelConverted")}
            </th>
          </tr>
        </thead>
        <tbody>
          {FUNNEL.map((r) => (
            <tr key={r} data-response={r}>
              <th scope="row" className="row-head">
                {label("campaignResponse", r)}
              </th>
              <td className="num">{formatNumber(effect.responses[r] ?? 0, locale)}</td>
              <td className="num">{formatNumber(effect.converted_by_response[r] ?? 0, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The campaign's effect: whether it is final or so far, the verdict in words, target against control (customers,
 * conversions, conversion rate, balances opened), the uplift in percentage points with its 95% interval, the
 * conversions it caused, and the target group's responses with how many of each converted.
 */
export function EffectPanel({ effect }: { effect: Effect }) {
  const { t, locale } = useI18n();
  const measured = effect.uplift_pp !== null;
  // Measured, but too few customers or conversions in a group for the test to tell anything yet.
  const tooFew = measured && !effect.enough_data;
  // Percentage points to two places, conversions to one, as the server measures them (domain/campaigns.py).
  const pp = (v: string | null) => formatExact(v, locale, { signed: true, minDigits: 2 });
  return (
    <Panel
      title={t("campaigns.effect")}
      id="campaign-effect"
      actions={
        <span className={effect.final ? "tag final" : "tag warn"} data-testid="effect-when">
          {effect.final ? t("campaigns.final") : t("campaigns.soFar", { date: formatDate(effect.as_of, locale) })}
        </span>
      }
    >
      <p
        className={`verdict ${measured && effect.significant ? "verdict-significant" : tooFew ? "verdict-too-few" : "verdict-chance"}`}
        data-testid="effect-verdict"
      >
        {measured && (
          <span className={effect.significant ? "tag ok-tag" : tooFew ? "tag warn" : "tag"}>
            {effect.significant
              ? t("campaigns.significant")
              : tooFew
                ? t("campaigns.tooLittleData")
                : t("campaigns.notSignificant")}
          </span>
        )}{" "}
        {verdict(effect, t, locale)}
      </p>
      {tooFew && (
        <p className="muted-text" data-testid="effect-too-few">
          {t("campaigns.tooFewExplain")}
        </p>
      )}
      <p className="muted-text">{t("campaigns.effectExplain")}</p>
      <GroupsTable effect={effect} />
      <dl className="facts effect-facts" data-testid="effect-facts">
        <Fact term={t("campaigns.uplift")}>
          {measured ? (
            <>
              <strong>{t("campaigns.upliftValue", { pp: pp(effect.uplift_pp) })}</strong>
              {effect.ci95_low_pp !== null && effect.ci95_high_pp !== null && (
                <small className="block">
                  {t("campaigns.interval", { low: pp(effect.ci95_low_pp), high: pp(effect.ci95_high_pp) })}
                </small>
              )}
            </>
          ) : null}
        </Fact>
        <Fact term={t("campaigns.incremental")}>
          {effect.incremental_conversions !== null
            ? t("campaigns.incrementalValue", {
                n: formatExact(effect.incremental_conversions, locale, { signed: true, minDigits: 1 }),
              })
            : null}
        </Fact>
        <Fact term={t("campaigns.relativeLift")}>
          {effect.relative_lift !== null ? formatShare(effect.relative_lift, locale, { signed: true }) : null}
        </Fact>
      </dl>
      <h3>{t("campaigns.funnel")}</h3>
      <FunnelTable effect={effect} />
    </Panel>
  );
}
