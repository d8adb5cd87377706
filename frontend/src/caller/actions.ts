// A next best action in the user's language, worded from the facts it concerns: the holding, alert or case of the
// caller's context its refs name, or an offer's own refs. Whenever a fact the sentence needs is missing (the holding
// is not in the context, a ref is absent, a value this client has no words for) the server's English title and
// reason are shown, as it wrote them (domain/contact_center.py).
import { alertTitle } from "../alerts/title";
import { productName } from "../customer/Holdings";
import { formatDate, formatDateTime, formatDecimal, formatMoney, type Locale } from "../format";
import type { MessageKey, Translate } from "../i18n";
import { en } from "../i18n/messages";
import type { CaseSummary } from "../cases/api";
import type { CallerContext, ContextAlert, Holding } from "./live";

export type NextBestAction = CallerContext["next_best_actions"][number];
/** A case as the screen lists it: as the context read it, or as the stream or closing it told since. */
export type Case = CaseSummary;

/** A holding as an action is worded from: the context's, or one of GET /customers/{id}/holdings (the 360 view). */
export type ActionHolding = Pick<
  Holding,
  | "id"
  | "account_number"
  | "balance"
  | "currency"
  | "category"
  | "maturity_date"
  | "days_to_maturity"
  | "product_name"
  | "product_name_zh"
>;

/** What actions are worded from: the customer's holdings, alerts and cases, as the screen shows them. */
export interface ActionFacts {
  holdings: readonly ActionHolding[];
  /** The alerts as the stream last told them, those resolved meanwhile included (see `stillToDo`). */
  alerts: readonly ContextAlert[];
  open_cases: readonly Case[];
}

export interface Worded {
  title: string;
  reason: string;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;
const UNSIGNED = /^\d+(\.\d+)?$/;
const WHOLE = /^\d+$/;
// A loan or mortgage that falls due is what the customer owes (its balance below zero): repaid or renewed, not
// rolled over (the server's credit categories that have a maturity).
const OWED = new Set(["loan", "mortgage"]);

const isKey = (key: string): key is MessageKey => Object.hasOwn(en, key);

/** An account number as the server's sentences show it: the last four digits (already so unless the role sees it
 * in full). */
function masked(account: string): string {
  return "****" + account.slice(-4);
}

function maturity(a: NextBestAction, facts: ActionFacts, t: Translate, locale: Locale): Worded | null {
  const id = a.refs.holding_id;
  const h = id ? facts.holdings.find((x) => x.id === id) : undefined;
  if (!h || !h.maturity_date || !h.account_number || !h.currency || !DECIMAL.test(h.balance ?? "")) return null;
  const days = h.days_to_maturity;
  if (typeof days !== "number" || !Number.isInteger(days) || days < 0) return null;
  const owed = OWED.has(h.category);
  const vars = {
    // The sum itself, never below zero: a loan's balance is what is owed.
    amount: formatMoney(h.balance.replace(/^-/, ""), h.currency, locale),
    date: formatDate(h.maturity_date, locale),
    when:
      days === 0
        ? t("caller.action.today")
        : days === 1
          ? t("caller.action.inOneDay")
          : t("caller.action.inDays", { days }),
    product: `${productName(h, locale)} ${masked(h.account_number)}`,
  };
  return owed
    ? { title: t("caller.action.repay.title", vars), reason: t("caller.action.repay.reason", vars) }
    : { title: t("caller.action.rollOver.title", vars), reason: t("caller.action.rollOver.reason", vars) };
}

function alert(a: NextBestAction, facts: ActionFacts, t: Translate, locale: Locale): Worded | null {
  const id = a.refs.alert_id;
  const found = id ? facts.alerts.find((x) => x.id === id) : undefined;
  const kind = `alertKind.${found?.kind}`;
  if (!found || !found.raised_at || !isKey(kind)) return null;
  return {
    title: t("caller.action.alert.title", { title: alertTitle(found, t, locale) }),
    reason: t("caller.action.alert.reason", { kind: t(kind), date: formatDate(found.raised_at, locale) }),
  };
}

function complaint(a: NextBestAction, facts: ActionFacts, t: Translate, locale: Locale): Worded | null {
  const id = a.refs.case_id;
  const c = id ? facts.open_cases.find((x) => x.id === id) : undefined;
  if (!c || !c.opened_at) return null;
  // The subject is the customer's own words, shown as they are.
  const date = formatDate(c.opened_at, locale);
  const reason =
    c.status !== "open"
      ? t("caller.action.complaint.closed", { date, subject: c.subject })
      : c.overdue && c.sla_due_at
        ? t("caller.action.complaint.overdue", {
            date,
            due: formatDateTime(c.sla_due_at, locale),
            subject: c.subject,
          })
        : t("caller.action.complaint.open", { date, subject: c.subject });
  return { title: t("caller.action.complaint.title"), reason };
}

function offer(a: NextBestAction, t: Translate, locale: Locale): Worded | null {
  const r = a.refs;
  const product = locale === "zh-CN" && r.product_name_zh ? r.product_name_zh : r.product_name;
  const category = `category.${r.category}`;
  const preference = `risk_preference.${r.risk_preference}`;
  const unassessed = r.risk_preference === "unassessed";
  if (!product || !isKey(category) || !(unassessed || isKey(preference))) return null;
  const pct = r.peer_share_pct ?? "";
  const peers = r.peers ?? "";
  const level = r.risk_level ?? "";
  if (!UNSIGNED.test(pct) || !WHOLE.test(peers) || !WHOLE.test(level)) return null;
  const vars = {
    pct: formatDecimal(pct, locale),
    peers: formatDecimal(peers, locale),
    level,
    category: t(category),
    preference: isKey(preference) ? t(preference) : "",
  };
  return {
    title: t("caller.action.offer.title", { product }),
    reason: t(unassessed ? "caller.action.offer.reasonUnassessed" : "caller.action.offer.reason", vars),
  };
}

/** What a campaign's target customer said so far, as the action's refs say it ("" not contacted yet); a declined
 * customer is offered nothing. */
export const CAMPAIGN_ANSWERS_SO_FAR = ["", "contacted", "interested", "unreachable"] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A running campaign's offer: the product, the campaign, until when it runs and what the customer said so far. */
function campaignOffer(a: NextBestAction, t: Translate, locale: Locale): Worded | null {
  const r = a.refs;
  const product = locale === "zh-CN" && r.product_name_zh ? r.product_name_zh : r.product_name;
  const campaign = r.campaign_name;
  const response = r.response ?? "";
  if (!product || !campaign || !DATE.test(r.ends_on ?? "")) return null;
  if (!(CAMPAIGN_ANSWERS_SO_FAR as readonly string[]).includes(response)) return null;
  const said = t(`caller.action.campaign.said.${response || "none"}` as MessageKey);
  return {
    // The product's and the campaign's names are free texts: given last.
    title: t("caller.action.campaign.title", { product, campaign }),
    reason: t("caller.action.campaign.reason", { date: formatDate(r.ends_on, locale), said, campaign }),
  };
}

/**
 * The actions still to take: an alert resolved since the context was read (by an RM, or with the complaint case it
 * was about) is no longer proposed. The rest stay as the server proposed them until the context is read again.
 */
export function stillToDo(actions: readonly NextBestAction[], facts: ActionFacts): NextBestAction[] {
  const resolved = new Set(facts.alerts.filter((a) => a.status === "resolved").map((a) => a.id));
  return actions.filter((a) => !(a.kind === "address_alert" && a.refs.alert_id && resolved.has(a.refs.alert_id)));
}

/** The action's title and reason in the user's language; the server's own when a fact they need is missing. */
export function wordAction(a: NextBestAction, facts: ActionFacts, t: Translate, locale: Locale): Worded {
  let worded: Worded | null = null;
  switch (a.kind) {
    case "roll_over_maturity":
      worded = maturity(a, facts, t, locale);
      break;
    case "address_alert":
      worded = alert(a, facts, t, locale);
      break;
    case "acknowledge_complaint":
      worded = complaint(a, facts, t, locale);
      break;
    case "campaign_offer":
      worded = campaignOffer(a, t, locale);
      break;
    case "offer_product":
      worded = offer(a, t, locale);
      break;
  }
  return worded ?? { title: a.title, reason: a.reason };
}
