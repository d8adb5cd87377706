// The audit log (api/audit.py's GET /audit): every person's read of customer data, every change, every refusal and
// every sign-in, newest first, for auditors and admins. Reading it is itself an entry (audit_read).
import { useInfiniteQuery } from "@tanstack/react-query";
import { api, unwrap, type Schemas } from "../api/client";

export type AuditEntry = Schemas["AuditEntryOut"];
export type AuditAction = Schemas["AuditAction"];

/** The actions the server records (domain/audit.py's AuditAction), in the order the filter offers them. */
export const AUDIT_ACTIONS: readonly AuditAction[] = [
  "read",
  "reveal",
  "change",
  "denied",
  "login",
  "login_failed",
  "audit_read",
];

/** Entries per page (the server's default; it allows up to 500). */
export const AUDIT_PAGE = 50;

/** The filters as the URL holds them: dates are the reader's local calendar days (YYYY-MM-DD), both included. */
export interface AuditFilters {
  customer: string;
  actor: string;
  action: AuditAction | "";
  from: string;
  to: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const CUSTOMER_NUMBER = /^[A-Z0-9][A-Z0-9-]{3,31}$/; // domain/customers.py's CUSTOMER_NUMBER

export const isCustomerId = (text: string) => UUID.test(text);
/** A customer's id, or their customer number (as the bank writes them, upper case). */
export const isCustomerRef = (text: string) => UUID.test(text) || CUSTOMER_NUMBER.test(text);
export const isDay = (text: string) => DAY.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));

/** The filters in the URL; anything the page would not send reads as empty. */
export function auditFiltersFrom(params: URLSearchParams): AuditFilters {
  const action = params.get("action") ?? "";
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  return {
    customer: (params.get("customer") ?? "").trim(),
    actor: (params.get("actor") ?? "").trim(),
    action: (AUDIT_ACTIONS as readonly string[]).includes(action) ? (action as AuditAction) : "",
    from: isDay(from) ? from : "",
    to: isDay(to) ? to : "",
  };
}

const two = (n: number) => String(n).padStart(2, "0");

/**
 * The start of a local calendar day (`days` later), as RFC 3339 with the browser's UTC offset on that day (so a
 * summer-time change between today and the day asked about is taken into account): "2026-11-30" in Beijing is
 * "2026-11-30T00:00:00+08:00".
 */
export function localDayStart(day: string, days = 0): string {
  const [, y, m, d] = DAY.exec(day) ?? [];
  const at = new Date(Number(y), Number(m) - 1, Number(d) + days);
  const offset = -at.getTimezoneOffset();
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  return (
    `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}T${two(at.getHours())}:${two(at.getMinutes())}:00` +
    `${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`
  );
}

/** What the filters ask the server: the From day from its start, the To day to its end (`until` is exclusive). */
export function auditQuery(filters: AuditFilters) {
  return {
    customer_id: isCustomerId(filters.customer) ? filters.customer : undefined,
    customer_number: filters.customer && !isCustomerId(filters.customer) ? filters.customer : undefined,
    actor: filters.actor || undefined,
    action: filters.action || undefined,
    since: filters.from ? localDayStart(filters.from) : undefined,
    until: filters.to ? localDayStart(filters.to, 1) : undefined,
  };
}

/** The log, newest first, a page at a time (`next_cursor`). Read afresh each time the page opens: it only grows. */
export function useAuditLog(filters: AuditFilters, enabled: boolean) {
  const query = auditQuery(filters);
  return useInfiniteQuery({
    queryKey: ["audit", query],
    enabled,
    staleTime: 0,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/v1/audit", {
          params: { query: { ...query, limit: AUDIT_PAGE, cursor: pageParam ?? undefined } },
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

/** What the 360 view's Audit trail link passes along (router state), so that the filter can name the customer. */
export interface AuditCustomerRef {
  id: string;
  display_name: string;
  customer_number: string;
}

export function auditCustomerFrom(state: unknown, id: string): AuditCustomerRef | null {
  const ref = (state as { auditCustomer?: Partial<AuditCustomerRef> } | null)?.auditCustomer;
  if (!ref || ref.id !== id || typeof ref.display_name !== "string" || typeof ref.customer_number !== "string")
    return null;
  return { id: ref.id, display_name: ref.display_name, customer_number: ref.customer_number };
}

/** The detail of an entry in one short line: "filters: action=read, customer_id=…; reason: locked". */
export function detailLine(detail: Record<string, unknown>, max = 160): string {
  const text = Object.entries(detail)
    .map(([k, v]) => `${k}: ${valueText(v)}`)
    .join("; ");
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function valueText(v: unknown): string {
  if (v === null || v === undefined) return "—";
  if (Array.isArray(v)) return v.map(valueText).join(", ");
  if (typeof v === "object")
    return Object.entries(v as Record<string, unknown>)
      .map(
        ([k, inner]) => `${k}=${typeof inner === "object" && inner !== null ? JSON.stringify(inner) : String(inner)}`,
      )
      .join(", ");
  return String(v);
}

/** How an answer went, in a word: done (2xx/3xx), refused (401, 403), not found, rejected (other 4xx), failed. */
export function outcomeKind(status: number): "ok" | "refused" | "notFound" | "rejected" | "failed" {
  if (status < 400) return "ok";
  if (status === 401 || status === 403) return "refused";
  if (status === 404) return "notFound";
  if (status < 500) return "rejected";
  return "failed";
}
