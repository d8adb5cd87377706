import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { api, unwrap, type Schemas } from "../api/client";
import { useAuth } from "../auth";
import { mayReadSegments } from "../roles";
import { useI18n } from "../i18n";
import { staffName, useStaff } from "../staff";
import { Empty, ErrorMessage, Loading, MoreButton } from "../components/Status";

export const TIERS: Schemas["Tier"][] = ["key", "potential", "ordinary"];

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = window.setTimeout(() => setV(value), ms);
    return () => window.clearTimeout(id);
  }, [value, ms]);
  return v;
}

export function CustomersPage() {
  const { t, label } = useI18n();
  const { me } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get("q") ?? "");
  const tier = params.get("tier") ?? "";
  const segment = params.get("segment") ?? "";
  const rm = params.get("rm") ?? "";
  const query = useDebounced(q.trim(), 250);
  const search = useRef<HTMLInputElement>(null);
  const [active, setActive] = useState(-1);

  function setFilter(name: string, value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  }

  useEffect(() => {
    const next = new URLSearchParams(params);
    if (query) next.set("q", query);
    else next.delete("q");
    if (next.toString() !== params.toString()) setParams(next, { replace: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query]);

  // The segment filter offers the saved segments when the role may read them (a code can be typed otherwise).
  const segments = useQuery({
    queryKey: ["segments", "list"],
    queryFn: () => unwrap(api.GET("/api/v1/segments", { params: { query: { limit: 200 } } })),
    retry: false,
    // Not before the role is known, and not for a role that may not read them (an agent): no 403 to show.
    enabled: !!me && mayReadSegments(me.role),
  });
  // The RM filter offers the RMs the user may see (their branch's, or all); a username can be typed otherwise.
  // A bank with more RMs than one page gets a search as you type instead of a list cut short.
  const rms = useStaff(["rm"], { enabled: me?.role !== undefined && me.role !== "rm" });
  const manyRms = Boolean(rms.data?.next_cursor);
  const rmPrefix = rm.trim();
  const rmMatches = useStaff(["rm"], { enabled: manyRms && rmPrefix.length > 0, q: rmPrefix });
  const result = useInfiniteQuery({
    queryKey: ["customers", { query, tier, segment, rm }],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/v1/customers", {
          params: {
            query: {
              q: query || undefined,
              tier: (tier || undefined) as Schemas["Tier"] | undefined,
              segment: segment || undefined,
              relationship_manager: rm || undefined,
              limit: 25,
              cursor: pageParam ?? undefined,
            },
          },
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
  const rows = result.data?.pages.flatMap((p) => p.items) ?? [];

  useEffect(() => setActive(-1), [query, tier, segment, rm]);

  // "/" anywhere on the page (outside a field) puts the cursor in the search box.
  useEffect(() => {
    function onKey(e: globalThis.KeyboardEvent) {
      const target = e.target as HTMLElement;
      const typing = ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName) || target.isContentEditable;
      if (e.key === "/" && !typing) {
        e.preventDefault();
        search.current?.focus();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  function onListKey(e: KeyboardEvent) {
    // Arrows move through the results from the search box or the results; selects keep their own arrows.
    const target = e.target as HTMLElement;
    if (target !== search.current && !target.closest("#customer-results")) return;
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setActive((i) => Math.min(rows.length - 1, i + 1));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((i) => Math.max(0, i - 1));
    } else if (e.key === "Enter" && active >= 0 && rows[active]) {
      e.preventDefault();
      navigate(`/customers/${rows[active].id}`);
    }
  }

  useEffect(() => {
    if (active >= 0) document.getElementById(`customer-row-${active}`)?.scrollIntoView?.({ block: "nearest" });
  }, [active]);

  return (
    <div className="page" onKeyDown={onListKey}>
      <h1>{t("customers.title")}</h1>
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field grow">
          <label htmlFor="customer-search">{t("customers.search")}</label>
          <input
            id="customer-search"
            ref={search}
            type="search"
            value={q}
            autoComplete="off"
            onChange={(e) => setQ(e.target.value)}
            aria-describedby="customer-search-hint"
            aria-controls="customer-results"
            aria-activedescendant={active >= 0 ? `customer-row-${active}` : undefined}
          />
          <small id="customer-search-hint">{t("customers.searchHint")}</small>
        </div>
        <div className="field">
          <label htmlFor="f-tier">{t("customers.tier")}</label>
          <select id="f-tier" value={tier} onChange={(e) => setFilter("tier", e.target.value)}>
            <option value="">{t("common.all")}</option>
            {TIERS.map((v) => (
              <option key={v} value={v}>
                {label("tier", v)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-segment">{t("customers.segment")}</label>
          {segments.isSuccess ? (
            <select id="f-segment" value={segment} onChange={(e) => setFilter("segment", e.target.value)}>
              <option value="">{t("common.all")}</option>
              {segments.data.items.map((s) => (
                <option key={s.id} value={s.code}>
                  {s.name}
                </option>
              ))}
            </select>
          ) : (
            <input id="f-segment" value={segment} onChange={(e) => setFilter("segment", e.target.value)} />
          )}
        </div>
        {me?.role !== "rm" && (
          <div className="field">
            <label htmlFor="f-rm">{t("customers.rm")}</label>
            {rms.data && !manyRms ? (
              <select id="f-rm" value={rm} onChange={(e) => setFilter("rm", e.target.value)}>
                <option value="">{t("staff.anyRm")}</option>
                {rm && !rms.data.items.some((s) => s.username === rm || s.id === rm) && (
                  <option value={rm}>{rm}</option>
                )}
                {rms.data.items.map((s) => (
                  <option key={s.id} value={s.username}>
                    {staffName(s)}
                  </option>
                ))}
              </select>
            ) : (
              <>
                <input
                  id="f-rm"
                  value={rm}
                  placeholder={t("customers.rmPlaceholder")}
                  list={manyRms ? "f-rm-matches" : undefined}
                  autoComplete="off"
                  onChange={(e) => setFilter("rm", e.target.value)}
                />
                {manyRms && (
                  <datalist id="f-rm-matches" data-testid="rm-matches">
                    {((rmPrefix && rmMatches.data) || rms.data)?.items.map((s) => (
                      <option key={s.id} value={s.username} label={staffName(s)} />
                    ))}
                  </datalist>
                )}
              </>
            )}
          </div>
        )}
      </form>

      {result.isPending ? (
        <Loading />
      ) : result.isError ? (
        <ErrorMessage error={result.error} onRetry={() => result.refetch()} />
      ) : rows.length === 0 ? (
        <Empty>{t("customers.empty")}</Empty>
      ) : (
        <>
          <div className="table-wrap">
            <table id="customer-results" aria-label={t("customers.results")}>
              <thead>
                <tr>
                  <th scope="col">{t("customers.name")}</th>
                  <th scope="col">{t("customers.number")}</th>
                  <th scope="col">{t("customers.phone")}</th>
                  <th scope="col">{t("customers.tier")}</th>
                  <th scope="col" className="hide-narrow">
                    {t("customers.lifecycle")}
                  </th>
                  <th scope="col" className="hide-narrow">
                    {t("customers.rm")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((c, i) => (
                  <tr
                    key={c.id}
                    id={`customer-row-${i}`}
                    className={i === active ? "active" : undefined}
                    aria-selected={i === active}
                    onClick={() => navigate(`/customers/${c.id}`)}
                  >
                    <td>
                      <Link to={`/customers/${c.id}`} onClick={(e) => e.stopPropagation()}>
                        {c.display_name}
                      </Link>
                    </td>
                    <td>{c.customer_number}</td>
                    <td>{c.masked_phone ?? "—"}</td>
                    <td>
                      <span className={`tag tier-${c.tier}`}>{label("tier", c.tier)}</span>
                    </td>
                    <td className="hide-narrow">{label("lifecycle", c.lifecycle_stage)}</td>
                    <td className="hide-narrow">
                      {c.relationship_manager?.display_name ?? c.relationship_manager?.username ?? "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <MoreButton pages={result} />
        </>
      )}
    </div>
  );
}
