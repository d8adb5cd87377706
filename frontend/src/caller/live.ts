// What the stream adds to the context read when the caller was opened.
import type { Schemas } from "../api/client";

export type CallerContext = Schemas["UniqueContextOut"];
export type Interaction = Schemas["ContextInteractionOut"];
export type ContextAlert = Schemas["ContextAlertOut"];
export type Holding = Schemas["ContextHoldingOut"];

/** The context's "latest interactions" are the latest 10; the live list keeps to the same number. */
export const RECENT_LIMIT = 10;

export interface Arrivals {
  interactions: Interaction[];
  alerts: ContextAlert[];
  /** The latest balance event per holding id. */
  holdings: Record<string, Holding>;
}

export const NO_ARRIVALS: Arrivals = { interactions: [], alerts: [], holdings: {} };

const hasId = (v: unknown): v is { id: string } =>
  typeof v === "object" && v !== null && typeof (v as { id?: unknown }).id === "string";

/** One stream event added to what has arrived so far (newest first); anything unrecognised changes nothing. */
export function arrive(current: Arrivals, event: string, data: unknown): Arrivals {
  if (!hasId(data)) return current;
  switch (event) {
    case "interaction":
      return {
        ...current,
        interactions: [data as Interaction, ...current.interactions.filter((i) => i.id !== data.id)],
      };
    case "alert":
      return { ...current, alerts: [data as ContextAlert, ...current.alerts.filter((a) => a.id !== data.id)] };
    case "balance":
      return {
        ...current,
        holdings: { ...current.holdings, [data.id]: { ...current.holdings[data.id], ...data } as Holding },
      };
    default:
      return current;
  }
}

/** Arrivals on top of what was read, each id once (the arrival wins), at most `limit`. */
export function onTop<T extends { id: string }>(arrived: readonly T[], read: readonly T[], limit = Infinity): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const item of [...arrived, ...read]) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    out.push(item);
    if (out.length >= limit) break;
  }
  return out;
}

/** Holdings with their latest balances; a holding first heard of on the stream (just opened) at the end. */
export function withBalances(read: readonly Holding[], updates: Record<string, Holding>): Holding[] {
  const known = new Set(read.map((h) => h.id));
  return [
    ...read.map((h) => (updates[h.id] ? { ...h, ...updates[h.id] } : h)),
    ...Object.values(updates).filter((h) => !known.has(h.id) && typeof h.balance === "string"),
  ];
}
