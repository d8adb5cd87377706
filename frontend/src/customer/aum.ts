// The AUM trend of one customer from their holdings' balance histories: on each date that any holding has a
// balance point, the sum of every asset holding's latest known balance (carried forward), per currency.
import type { Schemas } from "../api/client";
import { sumDecimals } from "../format";

type Holding = Schemas["HoldingOut"];

const CREDIT = new Set(["loan", "mortgage", "credit_card"]);

export interface AumPoint {
  date: string;
  /** Exact decimal string, for the tooltip. */
  aum: string;
  /** The same as a number, for plotting only. */
  value: number;
}

export interface AumSeries {
  currency: string;
  points: AumPoint[];
}

/** Asset holdings (not credit lines) in the customer's main currency, the one with the most holdings. */
export function aumSeries(holdings: readonly Holding[]): AumSeries | null {
  const assets = holdings.filter((h) => !CREDIT.has(h.category));
  if (assets.length === 0) return null;
  const byCurrency = new Map<string, number>();
  for (const h of assets) byCurrency.set(h.currency, (byCurrency.get(h.currency) ?? 0) + 1);
  const currency = [...byCurrency.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
  const mine = assets.filter((h) => h.currency === currency);
  const dates = [...new Set(mine.flatMap((h) => h.balance_history.map((p) => p.as_of)))].sort();
  if (dates.length === 0) return null;
  const histories = mine.map((h) => [...h.balance_history].sort((a, b) => a.as_of.localeCompare(b.as_of)));
  const points = dates.map((date) => {
    const balances: string[] = [];
    for (const history of histories) {
      let latest: string | null = null;
      for (const p of history) {
        if (p.as_of <= date) latest = p.balance;
        else break;
      }
      if (latest !== null) balances.push(latest);
    }
    const aum = sumDecimals(balances);
    return { date, aum, value: Number(aum) };
  });
  return { currency, points };
}
