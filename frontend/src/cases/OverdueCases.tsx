import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { api, unwrap } from "../api/client";
import { formatDateTime } from "../format";
import { useI18n } from "../i18n";
import { Empty, ErrorMessage, Loading } from "../components/Status";

/** The open cases past their due time in the reader's scope, the longest overdue first, each linking to its
 * customer. Mount it only for a role that reads cases. */
export function OverdueCases({ limit = 10 }: { limit?: number }) {
  const { t, label, locale } = useI18n();
  const overdue = useQuery({
    queryKey: ["cases", "overdue", limit],
    queryFn: () => unwrap(api.GET("/api/v1/cases", { params: { query: { overdue: true, limit } } })),
  });
  if (overdue.isPending) return <Loading />;
  if (overdue.isError) return <ErrorMessage error={overdue.error} onRetry={() => overdue.refetch()} />;
  if (overdue.data.items.length === 0) return <Empty>{t("myDay.noOverdueCases")}</Empty>;
  return (
    <ul className="plain overdue-cases" data-testid="overdue-cases">
      {overdue.data.items.map((c) => (
        <li key={c.id} data-case-id={c.id}>
          <Link to={`/customers/${c.customer.id}`}>{c.customer.display_name}</Link>{" "}
          <span className={c.kind === "complaint" ? "tag warn" : "tag"}>{label("caseKind", c.kind)}</span>{" "}
          {c.sla_due_at && (
            <time dateTime={c.sla_due_at} className="overdue-due">
              {t("cases.due", { when: formatDateTime(c.sla_due_at, locale) })}
            </time>
          )}
          <div className="muted-text">{c.subject}</div>
        </li>
      ))}
    </ul>
  );
}
