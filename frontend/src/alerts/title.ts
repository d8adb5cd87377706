// An alert's headline in the user's language, from its kind and data; the server's English title otherwise.
import { formatDate, formatMoney, type Locale } from "../format";
import type { MessageKey, Translate } from "../i18n";

/** What a headline is worded from: an alert of the alerts API, or of the call-center context and stream. The
 * figures may be missing (a stream event of an older server): the server's title is shown then. */
export interface TitledAlert {
  kind: string;
  title: string;
  data?: { [key: string]: unknown } | null;
}

const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);

export function alertTitle(a: TitledAlert, t: Translate, locale: Locale): string {
  const d = a.data ?? {};
  const money = (amount: unknown, currency: unknown) =>
    str(amount) ? formatMoney(str(amount), str(currency) ?? "CNY", locale) : null;
  const date = (v: unknown) => (str(v) ? formatDate(str(v), locale) : null);
  const vars: Record<string, string | null> = {};
  let key: MessageKey | null = null;
  switch (a.kind) {
    case "large_outflow":
      key = "alertTitle.large_outflow";
      vars.amount = money(d.amount, d.currency);
      break;
    case "dormant_wakeup":
      key = "alertTitle.dormant_wakeup";
      vars.date = date(d.previous_transaction);
      break;
    case "salary_stopped":
      key = "alertTitle.salary_stopped";
      vars.date = date(d.last_salary);
      break;
    case "maturity": {
      // A loan or mortgage falling due has a balance below zero: what the customer owes, not a deposit to renew.
      const balance = str(d.balance);
      const owed = balance !== null && balance.startsWith("-");
      key = owed ? "alertTitle.credit_maturity" : "alertTitle.maturity";
      vars.amount = money(owed ? balance.slice(1) : balance, d.currency);
      vars.date = date(d.maturity_date);
      break;
    }
    case "complaint":
      key = "alertTitle.complaint";
      vars.date = date(d.occurred_at);
      break;
  }
  if (!key || Object.values(vars).some((v) => v === null)) return a.title;
  return t(key, vars as Record<string, string>);
}
