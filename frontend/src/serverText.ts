// Sentences the server writes in English (churn drivers, tier and lifecycle reasons, alert details), read in the
// user's language. Each server template is listed here verbatim with its message key; a text that matches none
// (a newer server, a customer's own words) is shown as the server wrote it.
// tests/unit/test_spa_server_texts.py fails when a template in domain/value/ is missing here.
import { formatDate, formatMoney, type Locale } from "./format";
import type { MessageKey, Translate } from "./i18n";

export const SERVER_TEXTS: ReadonlyArray<readonly [template: string, key: MessageKey]> = [
  // churn drivers (domain/value/churn.py)
  ["balances fell {pct}% over three months", "server.churn.balance_outflow"],
  ["{pct}% fewer transactions and contacts than before", "server.churn.fewer_interactions"],
  ["complained to the call center in the last 90 days", "server.churn.complaints"],
  ["closed products in the last 90 days", "server.churn.closed_products"],
  ["a maturing deposit or wealth product was not rolled over", "server.churn.maturity_not_rolled"],
  ["the monthly salary stopped arriving", "server.churn.salary_stopped"],
  // tier reasons (domain/value/tiers.py)
  ["key: among the customers making the top {share}% of contribution ({contribution} CNY a month)", "server.tier.key"],
  ["potential: AUM grew {growth}% over three months", "server.tier.growth"],
  ["potential: high income band with low share of wallet", "server.tier.wallet"],
  ["potential: young professional", "server.tier.young"],
  ["ordinary: below the key cutoff, no growth signal", "server.tier.ordinary"],
  // lifecycle reasons (domain/value/lifecycle.py)
  ["every holding is closed", "server.lifecycle.churned"],
  ["no holdings yet", "server.lifecycle.prospect"],
  ["first holding opened within 90 days", "server.lifecycle.new"],
  ["no transaction or contact for 180 days", "server.lifecycle.dormant"],
  ["AUM fell 20% or more over three months, or churn risk is high", "server.lifecycle.declining"],
  ["AUM rose 10% or more over three months, or a product opened within 180 days", "server.lifecycle.growing"],
  ["an active, settled relationship", "server.lifecycle.mature"],
  // alert details (domain/value/alerts.py)
  [
    "{amount} CNY left in 7 days from {start}; usual monthly outflow {usual} CNY, AUM now {aum} CNY",
    "server.alert.large_outflow",
  ],
  ["first transaction on {day} after none since {before}", "server.alert.dormant_wakeup"],
  ["{n} salary credits in the months before, none for {days} days", "server.alert.salary_stopped"],
  ["{balance} {currency} in {product} matures on {date}: offer a renewal", "server.alert.maturity"],
  [
    "{balance} {currency} outstanding on {product} falls due on {date}: discuss repayment or renewal",
    "server.alert.credit_maturity",
  ],
];

const CNY_AMOUNTS = new Set(["amount", "usual", "aum", "contribution"]);
const DATES = new Set(["start", "day", "before", "date"]);
const DECIMAL = /^-?\d+(\.\d+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const PATTERNS = SERVER_TEXTS.map(([template, key]) => {
  const names: string[] = [];
  const source = template
    .split(/(\{\w+\})/)
    .map((part) => {
      const m = /^\{(\w+)\}$/.exec(part);
      if (!m) return escapeRegExp(part);
      names.push(m[1]);
      return "(.+?)";
    })
    .join("");
  return { re: new RegExp(`^${source}$`), names, key };
});

/** A server-written sentence in the user's language, its numbers and dates formatted for the locale. */
export function serverText(text: string | null | undefined, t: Translate, locale: Locale): string {
  if (!text) return "";
  for (const { re, names, key } of PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const raw: Record<string, string> = {};
    names.forEach((name, i) => (raw[name] = m[i + 1]));
    const vars: Record<string, string> = { ...raw };
    for (const [name, value] of Object.entries(raw)) {
      if (CNY_AMOUNTS.has(name) && DECIMAL.test(value)) vars[name] = formatMoney(value, "CNY", locale);
      else if (name === "balance" && DECIMAL.test(value))
        vars[name] = formatMoney(value, raw.currency ?? "CNY", locale);
      else if (DATES.has(name) && ISO_DATE.test(value)) vars[name] = formatDate(value, locale);
    }
    return t(key, vars);
  }
  return text;
}
