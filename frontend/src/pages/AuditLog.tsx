import { useEffect, useState, type FormEvent } from "react";
import { Link, useLocation, useSearchParams } from "react-router";
import { useAuth } from "../auth";
import { useI18n } from "../i18n";
import { mayReadAuditLog } from "../roles";
import { Empty, ErrorMessage, Loading, MoreButton } from "../components/Status";
import {
  AUDIT_ACTIONS,
  auditCustomerFrom,
  auditFiltersFrom,
  isCustomerRef,
  useAuditLog,
  type AuditFilters,
} from "../audit/api";
import { AuditTable } from "../audit/AuditTable";

type FilterName = keyof AuditFilters;

/**
 * The audit log, newest first: who read or changed which customer's data, when, through which view, and how the
 * server answered; every refusal and sign-in too. Filtered by customer (the 360 view's Audit trail link fills it in),
 * by who acted, by action and by days; the filters live in the URL, so a link or a reload keeps them. Auditors and
 * admins only; reading the log is itself recorded.
 */
export function AuditLogPage() {
  const { t, label } = useI18n();
  const { me } = useAuth();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const filters = auditFiltersFrom(params);
  const allowed = !!me && mayReadAuditLog(me.role);

  // The text fields are sent when done with (Enter, Show, or leaving the field): a username is matched exactly.
  const [actor, setActor] = useState(filters.actor);
  const [customer, setCustomer] = useState(filters.customer);
  useEffect(() => setActor(filters.actor), [filters.actor]);
  useEffect(() => setCustomer(filters.customer), [filters.customer]);

  const customerValid = !filters.customer || isCustomerRef(filters.customer);
  const datesReversed = !!filters.from && !!filters.to && filters.from > filters.to;
  const result = useAuditLog(filters, allowed && customerValid && !datesReversed);
  const entries = result.data?.pages.flatMap((p) => p.items) ?? [];
  // Named when the 360 view's link said who they are (the router's state, which a reload keeps).
  const known = filters.customer ? auditCustomerFrom(location.state, filters.customer) : null;
  const filtered = Object.values(filters).some(Boolean);

  function withFilters(changes: Partial<AuditFilters>): URLSearchParams {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes) as [FilterName, string][]) {
      if (value.trim()) next.set(name, value.trim());
      else next.delete(name);
    }
    return next;
  }

  function set(changes: Partial<AuditFilters>) {
    const next = withFilters(changes);
    // The state names the customer: kept while the other filters change.
    if (next.toString() !== params.toString()) setParams(next, { replace: true, state: location.state });
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    set({ actor, customer });
  }

  if (me && !allowed)
    return (
      <div className="page">
        <h1>{t("audit.title")}</h1>
        <p className="status notice">{t("audit.notAllowed")}</p>
      </div>
    );

  return (
    <div className="page">
      <h1>{t("audit.title")}</h1>
      <p className="muted-text">{t("audit.intro")}</p>
      <form className="filters audit-filters" aria-label={t("audit.filters")} onSubmit={submit}>
        <div className="field audit-customer-field">
          <label htmlFor="a-customer">{t("audit.customer")}</label>
          <input
            id="a-customer"
            value={customer}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => setCustomer(e.target.value)}
            onBlur={() => set({ customer })}
            aria-invalid={!customerValid}
            aria-describedby="a-customer-about"
            className="mono"
          />
          <small id="a-customer-about" data-testid="audit-customer" className={customerValid ? undefined : "invalid"}>
            {!customerValid ? (
              t("audit.customerInvalid")
            ) : known ? (
              <>
                <Link to={`/customers/${known.id}`}>{known.display_name}</Link>{" "}
                <span className="mono">{known.customer_number}</span>
              </>
            ) : (
              t("audit.customerHint")
            )}
          </small>
        </div>
        <div className="field">
          <label htmlFor="a-actor">{t("audit.actor")}</label>
          <input
            id="a-actor"
            value={actor}
            spellCheck={false}
            autoComplete="off"
            placeholder="rm.li"
            onChange={(e) => setActor(e.target.value)}
            onBlur={() => set({ actor })}
            aria-describedby="a-actor-hint"
          />
          <small id="a-actor-hint">{t("audit.actorHint")}</small>
        </div>
        <div className="field">
          <label htmlFor="a-action">{t("audit.action")}</label>
          <select
            id="a-action"
            value={filters.action}
            onChange={(e) => set({ action: e.target.value as AuditFilters["action"] })}
          >
            <option value="">{t("common.all")}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {label("audit.action", a)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="a-from">{t("audit.from")}</label>
          <input
            id="a-from"
            type="date"
            value={filters.from}
            max={filters.to || undefined}
            onChange={(e) => set({ from: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="a-to">{t("audit.to")}</label>
          <input
            id="a-to"
            type="date"
            value={filters.to}
            min={filters.from || undefined}
            onChange={(e) => set({ to: e.target.value })}
            aria-describedby={datesReversed ? "a-dates-reversed" : undefined}
          />
        </div>
        <div className="actions tight">
          <button type="submit">{t("audit.show")}</button>
          {filtered && (
            <button
              type="button"
              className="secondary"
              onClick={() => set({ customer: "", actor: "", action: "", from: "", to: "" })}
            >
              {t("audit.clear")}
            </button>
          )}
        </div>
      </form>
      {datesReversed ? (
        <p className="status notice" id="a-dates-reversed">
          {t("audit.datesReversed")}
        </p>
      ) : !customerValid ? null : !me || result.isPending ? (
        <Loading />
      ) : result.isError ? (
        <ErrorMessage error={result.error} onRetry={() => result.refetch()} />
      ) : entries.length === 0 ? (
        <Empty>{filtered ? t("audit.emptyFiltered") : t("audit.empty")}</Empty>
      ) : (
        <>
          <AuditTable entries={entries} known={known} actorHref={(a) => `/audit?${withFilters({ actor: a })}`} />
          <MoreButton pages={result} label={t("audit.more")} />
        </>
      )}
    </div>
  );
}
