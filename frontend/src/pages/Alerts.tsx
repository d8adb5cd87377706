import { useInfiniteQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { api, unwrap } from "../api/client";
import { useI18n } from "../i18n";
import { Empty, ErrorMessage, Loading, MoreButton } from "../components/Status";
import { AlertList } from "../alerts/AlertList";
import { ALERT_KINDS, ALERT_STATUSES, type AlertKind, type AlertStatus } from "../alerts/api";

export function AlertsPage() {
  const { t, label } = useI18n();
  const [params, setParams] = useSearchParams();
  // Open alerts by default: the inbox is what is left to do.
  const status = (params.get("status") ?? "open") as AlertStatus | "";
  const kind = (params.get("kind") ?? "") as AlertKind | "";
  const mine = params.get("mine") === "1";

  function set(name: string, value: string) {
    const next = new URLSearchParams(params);
    next.set(name, value);
    setParams(next, { replace: true });
  }

  const result = useInfiniteQuery({
    queryKey: ["alerts", "inbox", { status, kind, mine }],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/v1/alerts", {
          params: {
            query: {
              status: status || undefined,
              kind: kind || undefined,
              assigned_to: mine ? "me" : undefined,
              limit: 25,
              cursor: pageParam ?? undefined,
            },
          },
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
  const alerts = result.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="page">
      <h1>{t("alerts.title")}</h1>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="a-status">{t("alerts.status")}</label>
          <select id="a-status" value={status} onChange={(e) => set("status", e.target.value)}>
            <option value="">{t("common.all")}</option>
            {ALERT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {label("alertStatus", s)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="a-kind">{t("alerts.kind")}</label>
          <select id="a-kind" value={kind} onChange={(e) => set("kind", e.target.value)}>
            <option value="">{t("common.all")}</option>
            {ALERT_KINDS.map((k) => (
              <option key={k} value={k}>
                {label("alertKind", k)}
              </option>
            ))}
          </select>
        </div>
        <label className="chip check">
          <input type="checkbox" checked={mine} onChange={(e) => set("mine", e.target.checked ? "1" : "0")} />
          {t("alerts.mine")}
        </label>
      </form>
      {result.isPending ? (
        <Loading />
      ) : result.isError ? (
        <ErrorMessage error={result.error} onRetry={() => result.refetch()} />
      ) : alerts.length === 0 ? (
        <Empty>{t("alerts.empty")}</Empty>
      ) : (
        <>
          <AlertList alerts={alerts} />
          <MoreButton pages={result} />
        </>
      )}
    </div>
  );
}
