import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { api, unwrap } from "../api/client";
import { useAuth } from "../auth";
import { formatMoney, formatNumber, formatPercent } from "../format";
import { useI18n } from "../i18n";
import { mayManageSegments } from "../roles";
import { Empty, ErrorMessage, Loading, MoreButton, Panel } from "../components/Status";
import { RuleBuilder } from "../segments/RuleBuilder";
import { emptyRow, problemsOf, toRuleJson, type RuleDraft } from "../segments/rules";

function slug(name: string): string {
  const s = name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return s.length >= 2 ? s : `segment-${Date.now().toString(36)}`;
}

export function SegmentBuilder({ onSaved }: { onSaved: (id: string) => void }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [code, setCode] = useState("");
  const [description, setDescription] = useState("");
  const [draft, setDraft] = useState<RuleDraft>({ match: "and", rows: [emptyRow("aum")] });
  const [checked, setChecked] = useState(false);
  const problems = checked ? problemsOf(draft) : [];

  const preview = useMutation({
    mutationFn: (rule: Record<string, unknown>) =>
      unwrap(api.POST("/api/v1/segments/preview", { body: { rule_json: rule } })),
  });
  const save = useMutation({
    mutationFn: (rule: Record<string, unknown>) =>
      unwrap(
        api.POST("/api/v1/segments", {
          body: { code: code || slug(name), name, kind: "rule", description: description || null, rule_json: rule },
        }),
      ),
    onSuccess: (segment) => {
      void queryClient.invalidateQueries({ queryKey: ["segments"] });
      onSaved(segment.id);
    },
  });

  function change(d: RuleDraft) {
    setDraft(d);
    preview.reset();
  }
  function valid(): boolean {
    setChecked(true);
    return problemsOf(draft).length === 0;
  }
  function onPreview() {
    if (valid()) preview.mutate(toRuleJson(draft));
  }
  function onSave(e: FormEvent) {
    e.preventDefault();
    if (valid()) save.mutate(toRuleJson(draft));
  }

  return (
    <form onSubmit={onSave} aria-label={t("segments.builder")} className="segment-builder">
      <div className="grid-form">
        <div className="field">
          <label htmlFor="seg-name">{t("segments.name")}</label>
          <input id="seg-name" required maxLength={128} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="seg-code">{t("segments.code")}</label>
          <input
            id="seg-code"
            pattern="[a-z0-9][a-z0-9_\-]{1,63}"
            placeholder={name ? slug(name) : ""}
            aria-describedby="seg-code-hint"
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          <small id="seg-code-hint">{t("segments.codeHint")}</small>
        </div>
        <div className="field">
          <label htmlFor="seg-description">{t("segments.description")}</label>
          <input
            id="seg-description"
            maxLength={2000}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </div>
      </div>
      <RuleBuilder draft={draft} onChange={change} problems={problems} />
      <div className="actions">
        <button type="button" className="secondary" onClick={onPreview} disabled={preview.isPending}>
          {t("segments.preview")}
        </button>
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? t("common.saving") : t("segments.save")}
        </button>
        {preview.isPending && <Loading />}
        {preview.isSuccess && (
          <output className="preview-count" data-testid="preview-count">
            {t("segments.previewCount", { count: formatNumber(preview.data.count, locale) })}
          </output>
        )}
      </div>
      {preview.isError && <ErrorMessage error={preview.error} />}
      {save.isError && <ErrorMessage error={save.error} />}
    </form>
  );
}

function Members({ segmentId }: { segmentId: string }) {
  const { t, label, locale } = useI18n();
  const segment = useQuery({
    queryKey: ["segments", segmentId],
    queryFn: () => unwrap(api.GET("/api/v1/segments/{segment_id}", { params: { path: { segment_id: segmentId } } })),
  });
  const members = useInfiniteQuery({
    queryKey: ["segments", segmentId, "members"],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/v1/segments/{segment_id}/members", {
          params: { path: { segment_id: segmentId }, query: { limit: 25, cursor: pageParam ?? undefined } },
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
  const rows = members.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Panel title={segment.data ? `${t("segments.members")}: ${segment.data.name}` : t("segments.members")} id="members">
      {segment.data?.rule && (
        <p>
          <small>{t("segments.ruleText")}:</small> <code>{segment.data.rule}</code>
        </p>
      )}
      {members.isPending ? (
        <Loading />
      ) : members.isError ? (
        <ErrorMessage error={members.error} onRetry={() => members.refetch()} />
      ) : rows.length === 0 ? (
        <Empty>{t("segments.noMembers")}</Empty>
      ) : (
        <>
          <div className="table-wrap">
            <table aria-label={t("segments.members")}>
              <thead>
                <tr>
                  <th scope="col">{t("customers.name")}</th>
                  <th scope="col">{t("customers.number")}</th>
                  <th scope="col">{t("customers.tier")}</th>
                  <th scope="col" className="num">
                    {t("segments.aum")}
                  </th>
                  <th scope="col" className="num hide-narrow">
                    {t("segments.churnRisk")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((m) => (
                  <tr key={m.customer_id}>
                    <td>
                      <Link to={`/customers/${m.customer_id}`}>{m.display_name}</Link>
                    </td>
                    <td>{m.customer_number}</td>
                    <td>{label("tier", m.tier)}</td>
                    <td className="num">{formatMoney(m.aum, "CNY", locale)}</td>
                    <td className="num hide-narrow">
                      {m.churn_risk ? formatPercent(Number(m.churn_risk), locale) : "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <MoreButton pages={members} />
        </>
      )}
    </Panel>
  );
}

export function SegmentsPage() {
  const { t, locale } = useI18n();
  const { me } = useAuth();
  const { segmentId } = useParams();
  const navigate = useNavigate();
  const list = useQuery({
    queryKey: ["segments", "list"],
    queryFn: () => unwrap(api.GET("/api/v1/segments", { params: { query: { limit: 200 } } })),
  });
  return (
    <div className="page">
      <h1>{t("segments.title")}</h1>
      {me && mayManageSegments(me.role) ? (
        <Panel title={t("segments.builder")} id="builder">
          <SegmentBuilder onSaved={(id) => navigate(`/segments/${id}`)} />
        </Panel>
      ) : (
        me && <p className="status empty">{t("segments.readOnly")}</p>
      )}
      <div className="grid-2 segments-layout">
        <Panel title={t("segments.list")} id="segment-list">
          {list.isPending ? (
            <Loading />
          ) : list.isError ? (
            <ErrorMessage error={list.error} onRetry={() => list.refetch()} />
          ) : list.data.items.length === 0 ? (
            <Empty>{t("segments.empty")}</Empty>
          ) : (
            <ul className="plain list-select">
              {list.data.items.map((s) => (
                <li key={s.id}>
                  <Link to={`/segments/${s.id}`} className={s.id === segmentId ? "active" : undefined}>
                    {s.name} <small>({formatNumber(s.member_count, locale)})</small>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Panel>
        {segmentId ? <Members segmentId={segmentId} /> : <Empty>{t("segments.pickSegment")}</Empty>}
      </div>
    </div>
  );
}
