// What the stream adds to the context read when the caller was opened.
import type { Schemas } from "../api/client";

export type CallerContext = Schemas["UniqueContextOut"];
export type Interaction = Schemas["ContextInteractionOut"];
export type ContextAlert = Schemas["ContextAlertOut"];
export type Holding = Schemas["ContextHoldingOut"];
export type ContextCase = Schemas["ContextCaseOut"];

/** The context's "latest interactions" are the latest 10; the live list keeps to the same number. */
export const RECENT_LIMIT = 10;

export interface Arrivals {
  interactions: Interaction[];
  /** The latest event per alert id: raised meanwhile (newest first), or its status changed since. */
  alerts: ContextAlert[];
  /** The latest balance event per holding id. */
  holdings: Record<string, Holding>;
  /** Cases opened or closed meanwhile: the latest event per case id, newest first. */
  cases: ContextCase[];
}

export const NO_ARRIVALS: Arrivals = { interactions: [], alerts: [], holdings: {}, cases: [] };

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
      // An alert's status changed (acknowledged, resolved): its latest event, where the first one stood.
      return {
        ...current,
        alerts: current.alerts.some((a) => a.id === data.id)
          ? current.alerts.map((a) => (a.id === data.id ? (data as ContextAlert) : a))
          : [data as ContextAlert, ...current.alerts],
      };
    case "balance":
      return {
        ...current,
        holdings: { ...current.holdings, [data.id]: { ...current.holdings[data.id], ...data } as Holding },
      };
    case "case":
      return { ...current, cases: [data as ContextCase, ...current.cases.filter((c) => c.id !== data.id)] };
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

/**
 * The cases as read with what arrived since applied: a case that changed (closed meanwhile) replaces the one read,
 * keeping what only the read one says (who logged it, say); a case first heard of on the stream is added. The list
 * is left for `sortCases` to order.
 */
export function withCases<C extends { id: string }>(
  read: readonly C[],
  arrived: readonly ContextCase[],
): (C | ContextCase)[] {
  const latest = new Map(arrived.map((c) => [c.id, c]));
  const known = new Set(read.map((c) => c.id));
  return [
    ...read.map((c) => (latest.has(c.id) ? { ...c, ...latest.get(c.id) } : c)),
    ...arrived.filter((c) => !known.has(c.id)),
  ];
}

/**
 * The alerts as read with what arrived since applied: an alert raised meanwhile on top (newest first); one whose
 * status changed (acknowledged, resolved) replaces the one read, in place, keeping what only the read one says (its
 * figures, from an older server's event). Resolved ones are still here: `openAlerts` leaves them out.
 */
export function withAlerts(read: readonly ContextAlert[], arrived: readonly ContextAlert[]): ContextAlert[] {
  const latest = new Map(arrived.map((a) => [a.id, a]));
  const known = new Set(read.map((a) => a.id));
  return [
    ...arrived.filter((a) => !known.has(a.id)),
    ...read.map((a) => (latest.has(a.id) ? { ...a, ...latest.get(a.id) } : a)),
  ];
}

/** What the caller's alerts list: the open and acknowledged ones, as the context does; a resolved one leaves it. */
export function openAlerts<A extends { status: string }>(alerts: readonly A[]): A[] {
  return alerts.filter((a) => a.status !== "resolved");
}

/** Two decimal strings of the same amount ("1000.0000" and "1000"), compared without floating point. */
function sameAmount(a: string | null | undefined, b: string | null | undefined): boolean {
  const norm = (v: string | null | undefined) => (v ?? "").replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");
  return norm(a) === norm(b);
}

export interface Shown {
  interactions: readonly Interaction[];
  /** Resolved ones included: the screen has taken them away already, and that is no news again. */
  alerts: readonly ContextAlert[];
  holdings: readonly Holding[];
  cases: readonly { id: string; status: string }[];
}

/** Whether an event tells what the screen does not show yet. The stream opens with a replay of the customer's
 * current state (so nothing committed between the context read and the stream is missed): most of it is already
 * on the screen, and is not news. */
export function isNews(shown: Shown, event: string, data: unknown): boolean {
  if (!hasId(data)) return false;
  switch (event) {
    case "interaction":
      return !shown.interactions.some((i) => i.id === data.id);
    case "alert": {
      // Raised meanwhile, or its status changed (an RM took it or resolved it); the replay's are on the screen.
      const a = shown.alerts.find((x) => x.id === data.id);
      const status = (data as Partial<ContextAlert>).status;
      if (!a) return status !== "resolved"; // raised and resolved unseen: nothing to show or take away
      return a.status !== status;
    }
    case "balance": {
      const update = data as Partial<Holding>;
      const holding = shown.holdings.find((h) => h.id === data.id);
      if (!holding) return update.status !== "closed"; // a holding opened meanwhile; a closed unknown one is no news
      return !sameAmount(holding.balance, update.balance) || holding.status !== update.status;
    }
    case "case": {
      // Opened meanwhile, or closed (by another agent, by the RM); the replay's open cases are mostly on the screen.
      const c = shown.cases.find((x) => x.id === data.id);
      return !c || c.status !== (data as Partial<ContextCase>).status;
    }
    default:
      return false;
  }
}
