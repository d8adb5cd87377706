import { useInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useSearchParams } from "react-router";
import { api, unwrap, type Schemas } from "../api/client";
import { useAuth } from "../auth";
import { useI18n } from "../i18n";
import { mayReadCases } from "../roles";
import { Empty, ErrorMessage, Loading, MoreButton } from "../components/Status";
import { CaseList } from "../cases/CaseList";
import type { Case } from "../cases/api";

type StatusFilter = "open" | "closed" | "all";
type KindFilter = Schemas["CaseKind"] | "";
const STATUSES: readonly StatusFilter[] = ["open", "closed", "all"];
const KINDS: readonly Schemas["CaseKind"][] = ["complaint", "service_request"];
const PAGE = 25;

/** The filters as the URL holds them (a link or a reload keeps them); anything else reads as the default. */
function filtersFrom(params: URLSearchParams) {
  const status = params.get("status");
  const kind = params.get("kind");
  return {
    // Open by default: the queue is what is left to answer.
    status: (STATUSES as readonly string[]).includes(status ?? "") ? (status as StatusFilter) : "open",
    kind: (KINDS as readonly string[]).includes(kind ?? "") ? (kind as KindFilter) : "",
    overdue: params.get("overdue") === "true",
  };
}

/**
 * The cases in the reader's scope (an RM's portfolio, a branch manager's branch, everyone's for the call center,
 * auditors and admins), in the server's order: with Open or Overdue only a work queue, the soonest due first;
 * otherwise the newest opened first. Each names its customer; a role that works cases closes one here.
 */
export function CasesPage() {
  const { t, label } = useI18n();
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const { status, kind, overdue } = filtersFrom(params);
  // A closed case is never overdue: the box means nothing beside Closed.
  const overdueAsked = overdue && status !== "closed";
  const allowed = !!me && mayReadCases(me.role);
  const [closedNote, setClosedNote] = useState<string | null>(null);
  const note = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (closedNote) note.current?.focus();
  }, [closedNote]);

  function set(name: "status" | "kind" | "overdue", value: string) {
    const next = new URLSearchParams(params);
    // The defaults are left out of the URL: /cases is the open queue.
    const isDefault =
      (name === "status" && value === "open") || value === "" || (name === "overdue" && value !== "true");
    if (isDefault) next.delete(name);
    else next.set(name, value);
    setClosedNote(null);
    setParams(next, { replace: true });
  }

  const result = useInfiniteQuery({
    queryKey: ["cases", "queue", { status, kind, overdue: overdueAsked }],
    // Not before the role is known, and never for a role that may not read cases (marketing): no 403 to show.
    enabled: allowed,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/v1/cases", {
          params: {
            query: {
              status: status === "all" ? undefined : status,
              kind: kind || undefined,
              overdue: overdueAsked ? true : undefined,
              limit: PAGE,
              cursor: pageParam ?? undefined,
            },
          },
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
  const cases = result.data?.pages.flatMap((p) => p.items) ?? [];

  // In the open or overdue queue a case closed here leaves the list when it is read again: say so above it.
  function closed(c: Case) {
    if (status === "open" || overdueAsked) setClosedNote(t("cases.closedOne", { subject: c.subject }));
  }

  if (me && !allowed)
    return (
      <div className="page">
        <h1>{t("cases.title")}</h1>
        <p className="status notice">{t("cases.notAllowed")}</p>
      </div>
    );

  return (
    <div className="page">
      <h1>{t("cases.title")}</h1>
      <form className="filters" aria-label={t("cases.filters")} onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="c-status">{t("cases.status")}</label>
          <select id="c-status" value={status} onChange={(e) => set("status", e.target.value)}>
            <option value="open">{label("caseStatus", "open")}</option>
            <option value="closed">{label("caseStatus", "closed")}</option>
            <option value="all">{t("common.all")}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="c-kind">{t("cases.kind")}</label>
          <select id="c-kind" value={kind} onChange={(e) => set("kind", e.target.value)}>
            <option value="">{t("common.all")}</option>
            <option value="complaint">{t("cases.complaints")}</option>
            <option value="service_request">{t("cases.serviceRequests")}</option>
          </select>
        </div>
        <label className="chip check">
          <input
            type="checkbox"
            checked={overdueAsked}
            disabled={status === "closed"}
            onChange={(e) => set("overdue", e.target.checked ? "true" : "")}
          />
          {t("cases.overdueOnly")}
        </label>
      </form>
      <div aria-live="polite">
        {closedNote && (
          <p ref={note} tabIndex={-1} className="status ok" data-testid="cases-closed-note">
            {closedNote}
          </p>
        )}
      </div>
      {!me || result.isPending ? (
        <Loading />
      ) : result.isError ? (
        <ErrorMessage error={result.error} onRetry={() => result.refetch()} />
      ) : cases.length === 0 ? (
        <Empty>{status === "open" && !kind && !overdueAsked ? t("cases.emptyQueue") : t("cases.empty")}</Empty>
      ) : (
        <>
          <CaseList cases={cases} testId="cases" showCustomer serverOrder onClosed={closed} />
          <MoreButton pages={result} />
        </>
      )}
    </div>
  );
}
