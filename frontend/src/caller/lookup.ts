// How a caller is looked up: exactly one identifier, kept in the URL (/call?phone=%2B8613812345678) so that the
// call-center software can open the page for a ringing call and a reload shows the same caller. An ID number is the
// exception: the screen shows it masked, so it is not left in the address bar and the browser's history either
// (PRIVATE_KINDS); it travels in the history entry's state, which a reload keeps and closing the tab ends.
import type { operations } from "../api/schema";

export const LOOKUP_KINDS = ["phone", "customer_number", "card_token", "id_number"] as const;
export type LookupKind = (typeof LOOKUP_KINDS)[number];

export interface Lookup {
  kind: LookupKind;
  value: string;
}

export type ContextQuery = NonNullable<operations["contact-center-context"]["parameters"]["query"]>;

export const isLookupKind = (v: unknown): v is LookupKind => LOOKUP_KINDS.includes(v as LookupKind);

/** Identifiers never left in the URL. */
export const PRIVATE_KINDS: ReadonlySet<LookupKind> = new Set<LookupKind>(["id_number"]);

/** The lookup a history entry's state carries (see PRIVATE_KINDS), or null. */
export function lookupFromState(state: unknown): Lookup | null {
  const lookup = (state as { lookup?: Partial<Lookup> } | null)?.lookup;
  return lookup && isLookupKind(lookup.kind) && typeof lookup.value === "string" && lookup.value
    ? { kind: lookup.kind, value: lookup.value }
    : null;
}

/** The identifier the URL names (the first, should it name several), or null. */
export function lookupFromParams(params: URLSearchParams): Lookup | null {
  for (const kind of LOOKUP_KINDS) {
    const value = params.get(kind);
    if (value) return { kind, value };
  }
  return null;
}

/** The URL's search for a lookup; `call_id` (the call-center's call, recorded in the audit log) kept when given. */
export function paramsFor(lookup: Lookup, callId?: string | null): URLSearchParams {
  const next = new URLSearchParams({ [lookup.kind]: lookup.value });
  if (callId) next.set("call_id", callId);
  return next;
}

export function contextQuery(lookup: Lookup, callId?: string | null): ContextQuery {
  const query: ContextQuery = {};
  query[lookup.kind] = lookup.value;
  if (callId) query.call_id = callId;
  return query;
}

/** What the agent typed, without the spaces and dashes people write phone numbers with; the server judges the rest. */
export function normalise(kind: LookupKind, typed: string): string {
  const value = typed.trim();
  return kind === "phone" ? value.replace(/[\s\-().]/g, "") : value;
}
