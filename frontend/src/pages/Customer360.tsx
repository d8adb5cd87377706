import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { api, ApiError, unwrap, unwrapWithResponse } from "../api/client";
import { useAuth } from "../auth";
import { mayReadAlerts, mayReadCampaigns, mayReadCases, mayReadTasks, mayReveal, seesFullPii } from "../roles";
import { CustomerCampaigns } from "../campaigns/CustomerCampaigns";
import { CustomerTasks } from "../tasks/Tasks";
import { CustomerAlerts } from "../customer/CustomerAlerts";
import { CustomerCases } from "../cases/CustomerCases";
import { CasesPanel } from "../cases/ServiceRequest";
import { ValuePanel } from "../customer/ValuePanel";
import { NextBestPanel } from "../customer/NextBestPanel";
import { formatDate } from "../format";
import { useI18n } from "../i18n";
import { Empty, ErrorMessage, Fact, Loading, Panel } from "../components/Status";
import { AumChart } from "../customer/AumChart";
import { EditCustomer, type Customer } from "../customer/EditCustomer";
import { HoldingsTable } from "../customer/Holdings";
import { Timeline } from "../customer/Timeline";
import { AuditTrailLink } from "../audit/AuditTrailLink";

interface CustomerRead {
  customer: Customer;
  etag: string;
}

/** A related customer's name when the caller may see them (else the id: they are outside the portfolio). */
function RelatedCustomer({ id }: { id: string }) {
  const related = useQuery({
    queryKey: ["customer", id, false],
    queryFn: async (): Promise<CustomerRead> => {
      const { data, response } = await unwrapWithResponse(
        api.GET("/api/v1/customers/{customer_id}", { params: { path: { customer_id: id } } }),
      );
      return { customer: data, etag: response.headers.get("ETag") ?? `"v${data.version}"` };
    },
  });
  const { t } = useI18n();
  if (related.isSuccess) return <Link to={`/customers/${id}`}>{related.data.customer.display_name}</Link>;
  // 404: a customer outside the reader's portfolio (the server tells no more), or one since removed.
  if (related.isError && related.error instanceof ApiError && related.error.status === 404)
    return <span className="muted-text">{t("c360.relatedOutOfScope")}</span>;
  return <span className="mono">{id.slice(0, 8)}…</span>;
}

export function Customer360Page() {
  const { customerId = "" } = useParams();
  const { t, label, locale } = useI18n();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const { me } = useAuth();
  // Masked by default; a reveal asks the server for the identifiers in full, and the server audits it.
  const [reveal, setReveal] = useState(false);
  const [revealAccounts, setRevealAccounts] = useState(false);
  const canReveal = mayReveal(me?.role) && !seesFullPii(me?.role);

  const key = ["customer", customerId, reveal];
  const read = useQuery({
    queryKey: key,
    placeholderData: keepPreviousData,
    queryFn: async (): Promise<CustomerRead> => {
      const { data, response } = await unwrapWithResponse(
        api.GET("/api/v1/customers/{customer_id}", {
          params: { path: { customer_id: customerId }, query: reveal ? { reveal: "phone,id_number" } : {} },
        }),
      );
      return { customer: data, etag: response.headers.get("ETag") ?? `"v${data.version}"` };
    },
  });
  const holdings = useQuery({
    queryKey: ["holdings", customerId, revealAccounts],
    enabled: read.isSuccess,
    placeholderData: keepPreviousData,
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/customers/{customer_id}/holdings", {
          params: {
            path: { customer_id: customerId },
            query: revealAccounts ? { limit: 200, reveal: "account_number" } : { limit: 200 },
          },
        }),
      ),
  });

  if (read.isPending) return <Loading />;
  if (read.isError && !read.data) {
    if (read.error instanceof ApiError && read.error.status === 404)
      return (
        <div className="page">
          <h1>{t("c360.notFound")}</h1>
          <Link to="/customers">{t("c360.back")}</Link>
        </div>
      );
    return <ErrorMessage error={read.error} onRetry={() => read.refetch()} />;
  }
  const { customer: c, etag } = read.data;

  function onSaved(updated: Customer, newEtag: string) {
    queryClient.setQueryData<CustomerRead>(key, { customer: updated, etag: newEtag });
    void queryClient.invalidateQueries({ queryKey: ["customer", customerId, !reveal] });
    void queryClient.invalidateQueries({ queryKey: ["value", customerId] });
    setEditing(false);
    setSaved(true);
  }

  return (
    <div className="page c360">
      <header className="c360-head">
        <div>
          <h1>{c.display_name}</h1>
          <p className="sub">
            <span className="mono">{c.customer_number}</span> ·{" "}
            <span className={`tag tier-${c.tier}`}>{label("tier", c.tier)}</span> ·{" "}
            {label("lifecycle", c.lifecycle_stage)}
            {c.segments.length > 0 && (
              <>
                {" "}
                ·{" "}
                <span data-testid="c360-segments">
                  {c.segments.map((code, i) => (
                    <span key={code}>
                      {i > 0 && ", "}
                      {/* The segment's name as marketing gave it; its code when the server sent no name. */}
                      <span title={code}>{c.segment_names?.[code] ?? code}</span>
                    </span>
                  ))}
                </span>
              </>
            )}
          </p>
        </div>
        <div className="actions tight">
          <AuditTrailLink customer={c} />
          <Link to="/customers">{t("c360.back")}</Link>
        </div>
      </header>

      {/* What to do for the customer now, first: the holdings as read below word its maturities. */}
      <NextBestPanel customerId={c.id} holdings={holdings.isError ? [] : holdings.data?.items} />

      <div className="grid-2">
        <Panel
          title={t("c360.profile")}
          id="profile"
          actions={
            !editing && (
              <div className="actions tight">
                {canReveal && !reveal && (
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => setReveal(true)}
                    title={t("c360.revealHint")}
                  >
                    {t("c360.reveal")}
                  </button>
                )}
                <button type="button" className="secondary" onClick={() => (setEditing(true), setSaved(false))}>
                  {t("c360.edit")}
                </button>
              </div>
            )
          }
        >
          {read.isError && <ErrorMessage error={read.error} />}
          {reveal && !read.isPlaceholderData && (
            <p className="status notice" role="status">
              {t("c360.revealed")}
            </p>
          )}
          {saved && (
            <p className="status ok" role="status">
              {t("c360.saved")}
            </p>
          )}
          {editing ? (
            <EditCustomer customer={c} etag={etag} onSaved={onSaved} onCancel={() => setEditing(false)} />
          ) : (
            <dl className="facts">
              <Fact term={t("c360.kind")}>{label("kind", c.kind)}</Fact>
              <Fact term={t("c360.nameZh")}>{c.name_zh}</Fact>
              <Fact term={t("c360.nameLatin")}>{c.name_latin}</Fact>
              <Fact term={t("c360.birthDate")}>{formatDate(c.birth_date, locale)}</Fact>
              <Fact term={t("c360.gender")}>{label("gender", c.gender)}</Fact>
              <Fact term={t("c360.idDocument")}>
                {c.id_document ? <span className="mono">{c.id_document.number}</span> : "—"}
              </Fact>
              <Fact term={t("c360.phones")}>
                <span className="mono">{c.phones.join(", ") || "—"}</span>
              </Fact>
              <Fact term={t("c360.emails")}>{c.emails.join(", ") || "—"}</Fact>
              <Fact term={t("c360.occupation")}>{c.occupation}</Fact>
              <Fact term={t("c360.education")}>{label("education", c.education)}</Fact>
              <Fact term={t("c360.incomeBand")}>{label("income_band", c.income_band)}</Fact>
              <Fact term={t("c360.riskPreference")}>{label("risk_preference", c.risk_preference)}</Fact>
              <Fact term={t("c360.language")}>{c.preferred_language}</Fact>
              <Fact term={t("c360.address")}>
                {c.address ? [c.address.line, c.address.city, c.address.province].filter(Boolean).join(", ") : "—"}
              </Fact>
              <Fact term={t("c360.rm")}>
                {c.relationship_manager?.display_name ?? c.relationship_manager?.username}
              </Fact>
              <Fact term={t("c360.branch")}>{c.home_branch}</Fact>
            </dl>
          )}
        </Panel>

        <div className="stack">
          <Panel title={t("c360.identities")} id="identities">
            {c.identities.length === 0 ? (
              <Empty>{t("c360.noIdentities")}</Empty>
            ) : (
              <ul className="plain">
                {c.identities.map((i) => (
                  <li key={i.source + i.key}>
                    <span className="tag">{label("identitySource", i.source)}</span>{" "}
                    <span className="mono">{i.key}</span>
                  </li>
                ))}
              </ul>
            )}
          </Panel>
          <Panel title={t("c360.relations")} id="relations">
            {c.relations.length === 0 ? (
              <Empty>{t("c360.noRelations")}</Empty>
            ) : (
              <ul className="plain">
                {c.relations.map((r) => (
                  <li key={r.related_customer_id + r.type}>
                    <span className="tag">{label("relationType", r.type)}</span>{" "}
                    <RelatedCustomer id={r.related_customer_id} />
                  </li>
                ))}
              </ul>
            )}
          </Panel>
        </div>
      </div>

      <div className="grid-2">
        <Panel title={t("c360.value")} id="value">
          <ValuePanel customerId={c.id} />
        </Panel>
        {me && mayReadAlerts(me.role) && (
          <Panel title={t("c360.alerts")} id="customer-alerts">
            <CustomerAlerts customerId={c.id} />
          </Panel>
        )}
      </div>

      {/* Asked only once the role is known to read cases (marketing may not: it would only be answered 403). */}
      {me && mayReadCases(me.role) && (
        // At a branch, the customer most often asks at the teller's counter.
        <CasesPanel title={t("c360.cases")} id="customer-cases" customerId={c.id} defaultChannel="teller">
          <CustomerCases customerId={c.id} />
        </CasesPanel>
      )}

      {/* Asked only once the role is known to read tasks (marketing may not). */}
      {me && mayReadTasks(me.role) && <CustomerTasks customerId={c.id} />}

      {/* Every role that reads campaigns; asked only once the role is known. */}
      {me && mayReadCampaigns(me.role) && (
        <Panel title={t("c360.campaigns")} id="customer-campaigns">
          <CustomerCampaigns customerId={c.id} />
        </Panel>
      )}

      <Panel title={t("c360.aumTrend")} id="aum">
        {holdings.isPending ? (
          <Loading />
        ) : holdings.isError ? (
          <ErrorMessage error={holdings.error} />
        ) : (
          <AumChart holdings={holdings.data.items} />
        )}
      </Panel>

      <Panel
        title={t("c360.holdings")}
        id="holdings"
        actions={
          canReveal &&
          !revealAccounts && (
            <button
              type="button"
              className="secondary"
              onClick={() => setRevealAccounts(true)}
              title={t("c360.revealHint")}
            >
              {t("c360.revealAccounts")}
            </button>
          )
        }
      >
        {holdings.isPending ? (
          <Loading />
        ) : holdings.isError ? (
          <ErrorMessage error={holdings.error} onRetry={() => holdings.refetch()} />
        ) : (
          <HoldingsTable holdings={holdings.data.items} />
        )}
      </Panel>

      <Panel title={t("c360.timeline")} id="timeline">
        <Timeline customerId={c.id} />
      </Panel>
    </div>
  );
}
