// The audit log as a table: when, who (and their role), what (the action and the view in words), which customers,
// how it was answered, and the rest of the entry in a line.
import { Link, useLocation } from "react-router";
import { formatDateTime } from "../format";
import { useI18n, type MessageKey } from "../i18n";
import { detailLine, outcomeKind, type AuditCustomerRef, type AuditEntry } from "./api";

/** Customers named in full in a row before the rest are folded away (a search lists a page of them). */
const CUSTOMERS_SHOWN = 3;

const ACTION_TAG: Record<string, string> = {
  denied: "tag bad",
  login_failed: "tag bad",
  reveal: "tag warn",
  change: "tag warn",
};

const OUTCOME_TAG: Record<ReturnType<typeof outcomeKind>, string> = {
  ok: "tag ok-tag",
  refused: "tag bad",
  notFound: "tag warn",
  rejected: "tag warn",
  failed: "tag bad",
};

function Who({ entry, actorHref }: { entry: AuditEntry; actorHref: (actor: string) => string }) {
  const { t, label } = useI18n();
  // The state names the log's customer: kept when the log is narrowed to one person.
  const { state } = useLocation();
  if (entry.actor_kind === "anonymous") return <span className="muted-text">{t("audit.anonymous")}</span>;
  return (
    <>
      <Link
        to={actorHref(entry.actor)}
        state={state}
        title={t("audit.onlyActor", { actor: entry.actor })}
        className="audit-actor"
      >
        {entry.actor}
      </Link>
      <small className="audit-sub">
        {entry.actor_kind === "api_key" ? t("audit.systemKey") : entry.role ? label("role", entry.role) : "—"}
      </small>
    </>
  );
}

type EntryCustomer = AuditEntry["customers"][number];

function CustomerLink({ customer, known }: { customer: EntryCustomer; known: AuditCustomerRef | null }) {
  const { id, customer_number } = customer;
  if (known && known.id === id) return <Link to={`/customers/${id}`}>{known.display_name}</Link>;
  // The customer's number (the id on hover); a customer no longer on record, the id's first characters.
  return (
    <Link to={`/customers/${id}`} title={id} className="mono">
      {customer_number ?? `${id.slice(0, 8)}…`}
    </Link>
  );
}

function Customers({ customers, known }: { customers: readonly EntryCustomer[]; known: AuditCustomerRef | null }) {
  const { t } = useI18n();
  if (customers.length === 0) return <>—</>;
  const shown = customers.slice(0, CUSTOMERS_SHOWN);
  const rest = customers.slice(CUSTOMERS_SHOWN);
  return (
    <span className="audit-customers">
      {shown.map((c) => (
        <CustomerLink key={c.id} customer={c} known={known} />
      ))}
      {rest.length > 0 && (
        <details>
          <summary>{t("audit.moreCustomers", { n: rest.length })}</summary>
          <span className="audit-customers">
            {rest.map((c) => (
              <CustomerLink key={c.id} customer={c} known={known} />
            ))}
          </span>
        </details>
      )}
    </span>
  );
}

function Detail({ entry }: { entry: AuditEntry }) {
  const { t } = useI18n();
  const line = detailLine(entry.detail);
  const request = [
    entry.method && entry.path ? `${entry.method} ${entry.path}` : entry.path,
    entry.ip,
    entry.request_id,
  ]
    .filter(Boolean)
    .join(" · ");
  return (
    <>
      {entry.fields.length > 0 && (
        <span className="audit-sub">{t("audit.fields", { fields: entry.fields.join(", ") })}</span>
      )}
      {line && (
        <span className="audit-sub audit-detail" title={detailLine(entry.detail, Infinity)}>
          {line}
        </span>
      )}
      {request && (
        <details className="audit-request">
          <summary>{t("audit.request")}</summary>
          <span className="mono">{request}</span>
        </details>
      )}
    </>
  );
}

/**
 * The entries in the server's order (newest first). `known` names the customer the log is filtered to, when the
 * page knows their name; `actorHref` is where a click on who acted leads (the log filtered to them).
 */
export function AuditTable({
  entries,
  known,
  actorHref,
}: {
  entries: readonly AuditEntry[];
  known: AuditCustomerRef | null;
  actorHref: (actor: string) => string;
}) {
  const { t, label, locale } = useI18n();
  return (
    <div className="table-wrap">
      <table aria-label={t("audit.title")} data-testid="audit-entries" className="audit-table">
        <thead>
          <tr>
            <th scope="col">{t("audit.when")}</th>
            <th scope="col">{t("audit.who")}</th>
            <th scope="col">{t("audit.what")}</th>
            <th scope="col">{t("audit.customers")}</th>
            <th scope="col">{t("audit.outcome")}</th>
            <th scope="col">{t("audit.detail")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => {
            const outcome = outcomeKind(e.outcome);
            return (
              <tr key={e.id} data-audit-id={e.id}>
                <td className="audit-when">
                  <time dateTime={e.at} title={e.at}>
                    {formatDateTime(e.at, locale)}
                  </time>
                </td>
                <td>
                  <Who entry={e} actorHref={actorHref} />
                </td>
                <td>
                  <span className={ACTION_TAG[e.action] ?? "tag"} data-action={e.action}>
                    {label("audit.action", e.action)}
                  </span>
                  <small className="audit-sub" title={e.view}>
                    {label("audit.view", e.view)}
                  </small>
                </td>
                <td>
                  <Customers customers={e.customers} known={known} />
                </td>
                <td>
                  <span className={OUTCOME_TAG[outcome]}>{e.outcome}</span>{" "}
                  <span className="audit-outcome">{t(`audit.outcome.${outcome}` as MessageKey)}</span>
                </td>
                <td>
                  <Detail entry={e} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
