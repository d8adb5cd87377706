// Cases (api/cases.py): the complaints and service requests the bank owes a customer an answer to, and closing one
// with what was done and how satisfied the customer said they were.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, ApiError, unwrap, type FieldError, type Schemas } from "../api/client";

export type Case = Schemas["CaseOut"];

/**
 * What a case row shows: a case as GET /cases sends it, or as the caller's context lists it (without the
 * customer, the resolution or who closed it).
 */
export interface CaseSummary {
  id: string;
  kind: string;
  status: string;
  subject: string;
  channel: string;
  opened_at: string;
  sla_due_at: string | null;
  overdue: boolean;
  closed_at: string | null;
  satisfaction: number | null;
  resolution?: string | null;
  closed_by_username?: string | null;
  /** Who logged it by hand (a service request); none for a complaint from the call-center feed. */
  opened_by_username?: string | null;
  /** Whose case it is: GET /cases sends it; the caller's context does not (it is the caller's). */
  customer?: { id: string; customer_number: string; display_name: string };
}

/** How satisfied the customer said they were: 1 (very dissatisfied) to 5 (very satisfied). */
export const SATISFACTION = [1, 2, 3, 4, 5] as const;
/** The server's limit on a resolution (domain/services/cases.py). */
export const RESOLUTION_MAX = 2000;
/** The server's limit on a service request's subject (domain/services/cases.py). */
export const SUBJECT_MAX = 256;
/** Where a customer may ask for a service request (domain/services/cases.py's REQUEST_CHANNELS). */
export const REQUEST_CHANNELS = ["teller", "call_center", "online_banking", "rm_visit", "phone", "email"] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];

const time = (iso: string | null | undefined) => (iso ? Date.parse(iso) : NaN);

/**
 * Open cases first, the soonest due first (those without a due time after them, the oldest first); then closed
 * ones, the most recently closed first.
 */
export function sortCases<C extends CaseSummary>(cases: readonly C[]): C[] {
  const open = cases.filter((c) => c.status === "open");
  const closed = cases.filter((c) => c.status !== "open");
  const byDue = (a: C, b: C) => {
    const da = time(a.sla_due_at);
    const db = time(b.sla_due_at);
    if (Number.isNaN(da) !== Number.isNaN(db)) return Number.isNaN(da) ? 1 : -1;
    if (!Number.isNaN(da) && da !== db) return da - db;
    return time(a.opened_at) - time(b.opened_at);
  };
  const newest = (a: C, b: C) =>
    (time(b.closed_at) || time(b.opened_at)) - (time(a.closed_at) || time(a.opened_at)) ||
    time(b.opened_at) - time(a.opened_at);
  return [...open.sort(byDue), ...closed.sort(newest)];
}

export interface CloseInput {
  resolution: string;
  /** Omitted when the customer was not asked. */
  satisfaction: number | null;
}

/**
 * Close a case. Afterwards every case list is read again, and so are the alerts (closing a complaint resolves the
 * RM's complaint alert) and the caller's context; so too after a 409 (someone closed it first), to show it closed.
 */
export function useCloseCase() {
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ["cases"] }),
      queryClient.invalidateQueries({ queryKey: ["alerts"] }),
      queryClient.invalidateQueries({ queryKey: ["caller"] }),
    ]);
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: CloseInput }) =>
      unwrap(
        api.POST("/api/v1/cases/{case_id}/close", {
          params: { path: { case_id: id } },
          body:
            input.satisfaction === null
              ? { resolution: input.resolution }
              : { resolution: input.resolution, satisfaction: input.satisfaction },
        }),
      ),
    onSuccess: () => void refresh(),
    onError: (e) => {
      if (isAlreadyClosed(e)) void refresh();
    },
  });
}

/** 409: the case is no longer open (someone closed it meanwhile). */
export const isAlreadyClosed = (e: unknown) => e instanceof ApiError && e.status === 409;

export type CloseField = "resolution" | "satisfaction";
const CLOSE_FIELDS: readonly CloseField[] = ["resolution", "satisfaction"];
export type OpenField = "subject" | "channel";
const OPEN_FIELDS: readonly OpenField[] = ["subject", "channel"];

/** The server's objections to some of a form's fields (422), each with the field it names ("body.subject" is
 * "subject"); objections to anything else are left out. */
export function problemsAbout<F extends string>(e: unknown, fields: readonly F[]): (FieldError & { field: F })[] {
  if (!(e instanceof ApiError) || e.status !== 422) return [];
  return (e.problem?.errors ?? [])
    .map((f) => ({ ...f, field: f.field.replace(/^body\./, "") }))
    .filter((f): f is FieldError & { field: F } => (fields as readonly string[]).includes(f.field));
}

/** The server's objections to the close form's fields (422), each with the field it names. */
export const fieldProblems = (e: unknown) => problemsAbout(e, CLOSE_FIELDS);
/** The server's objections to the service request form's fields (422), each with the field it names. */
export const openFieldProblems = (e: unknown) => problemsAbout(e, OPEN_FIELDS);

/** What is logged by hand (domain/services/cases.py): a service request (due within 5 days) or a complaint made to a
 * person (due within 48 hours; on the customer's timeline, counted for the churn risk, and an alert for the RM). */
export const OPEN_KINDS = ["service_request", "complaint"] as const;
export type OpenKind = (typeof OPEN_KINDS)[number];

export interface OpenInput {
  customerId: string;
  kind?: OpenKind;
  subject: string;
  channel: RequestChannel;
}

/**
 * Log a customer's service request or complaint (POST /cases). Afterwards every case list is read again, and so is
 * the caller's context (it lists the open cases); after a complaint also the alerts (the RM's is raised), the
 * customer's timeline and value (the churn risk counts it).
 */
export function useOpenServiceRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ customerId, kind = "service_request", subject, channel }: OpenInput) =>
      unwrap(
        api.POST("/api/v1/cases", {
          body: { customer_id: customerId, kind, subject, channel },
        }),
      ),
    onSuccess: (c) =>
      void Promise.all([
        queryClient.invalidateQueries({ queryKey: ["cases"] }),
        queryClient.invalidateQueries({ queryKey: ["caller"] }),
        ...(c.kind === "complaint"
          ? [
              queryClient.invalidateQueries({ queryKey: ["alerts"] }),
              queryClient.invalidateQueries({ queryKey: ["timeline", c.customer.id] }),
              queryClient.invalidateQueries({ queryKey: ["value", c.customer.id] }),
            ]
          : []),
      ]),
  });
}
