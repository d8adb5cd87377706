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
}

/** How satisfied the customer said they were: 1 (very dissatisfied) to 5 (very satisfied). */
export const SATISFACTION = [1, 2, 3, 4, 5] as const;
/** The server's limit on a resolution (domain/services/cases.py). */
export const RESOLUTION_MAX = 2000;

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
const FIELDS = new Set<string>(["resolution", "satisfaction"]);

/** The server's objections to the form's fields (422), each with the field it names. */
export function fieldProblems(e: unknown): (FieldError & { field: CloseField })[] {
  if (!(e instanceof ApiError) || e.status !== 422) return [];
  return (e.problem?.errors ?? []).filter((f): f is FieldError & { field: CloseField } => FIELDS.has(f.field));
}
