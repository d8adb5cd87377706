import { useState, type FormEvent } from "react";
import { useSearchParams } from "react-router";
import { useAuth } from "../auth";
import { useI18n } from "../i18n";
import { mayWorkQuarantine } from "../roles";
import { Empty, ErrorMessage, Loading, MoreButton } from "../components/Status";
import {
  ENTRY_STATUSES,
  FEED_CHANNELS,
  filtersFrom,
  REASON_FILTER_MAX,
  SOURCE_REF_MAX,
  useQuarantine,
  type QuarantineFilters,
} from "../quarantine/api";
import { QuarantineRow } from "../quarantine/QuarantineRow";
import "../quarantine/quarantine.css";

type FilterName = "status" | "channel" | "reason" | "source_ref";

/**
 * The feed quarantine, for admins: the channel events that could not be applied, the newest received first, each with
 * its reasons by field; open ones to correct and replay, or discard saying why. The filters live in the URL.
 */
export function QuarantinePage() {
  const { t, label } = useI18n();
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const allowed = !!me && mayWorkQuarantine(me.role);
  // The text filters apply when sent (Enter or Show), not at each key.
  const [reason, setReason] = useState(filters.reason);
  const [sourceRef, setSourceRef] = useState(filters.sourceRef);

  function apply(changes: Partial<Record<FilterName, string>>) {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      const text = value.trim();
      // The defaults are left out of the URL: /quarantine is the open entries of every channel.
      if (text === "" || (name === "status" && text === "open")) next.delete(name);
      else next.set(name, text);
    }
    setParams(next, { replace: true });
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    apply({ reason, source_ref: sourceRef });
  }

  const list = useQuarantine(filters, allowed);
  const entries = list.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = isFiltered(filters);

  if (me && !allowed)
    return (
      <div className="page">
        <h1>{t("quarantine.title")}</h1>
        <p className="status notice">{t("quarantine.notAllowed")}</p>
      </div>
    );

  return (
    <div className="page quarantine-page">
      <h1>{t("quarantine.title")}</h1>
      <p className="muted-text">{t("quarantine.intro")}</p>
      <form className="filters" aria-label={t("quarantine.filters")} onSubmit={submit}>
        <div className="field">
          <label htmlFor="q-status">{t("quarantine.statusFilter")}</label>
          <select id="q-status" value={filters.status} onChange={(e) => apply({ status: e.target.value })}>
            {ENTRY_STATUSES.map((s) => (
              <option key={s} value={s}>
                {label("quarantine.status", s)}
              </option>
            ))}
            <option value="all">{t("common.all")}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="q-channel">{t("quarantine.channel")}</label>
          <select id="q-channel" value={filters.channel} onChange={(e) => apply({ channel: e.target.value })}>
            <option value="">{t("common.all")}</option>
            {FEED_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {label("feedChannel", c)}
              </option>
            ))}
          </select>
        </div>
        <div className="field grow">
          <label htmlFor="q-reason">{t("quarantine.reasonFilter")}</label>
          <input
            id="q-reason"
            type="search"
            maxLength={REASON_FILTER_MAX}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-describedby="q-reason-hint"
          />
          <small id="q-reason-hint">{t("quarantine.reasonFilterHint")}</small>
        </div>
        <div className="field">
          <label htmlFor="q-ref">{t("quarantine.sourceRef")}</label>
          <input
            id="q-ref"
            type="search"
            className="mono"
            maxLength={SOURCE_REF_MAX}
            value={sourceRef}
            onChange={(e) => setSourceRef(e.target.value)}
            aria-describedby="q-ref-hint"
          />
          <small id="q-ref-hint">{t("quarantine.sourceRefHint")}</small>
        </div>
        <button type="submit">{t("quarantine.show")}</button>
      </form>
      {!me || list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorMessage error={list.error} onRetry={() => list.refetch()} />
      ) : entries.length === 0 ? (
        <Empty>
          {filtered
            ? t("quarantine.emptyFiltered")
            : filters.status === "open"
              ? t("quarantine.emptyOpen")
              : t("quarantine.empty")}
        </Empty>
      ) : (
        <>
          <ul className="alerts quarantine-list" aria-label={t("quarantine.list")} data-testid="quarantine-list">
            {entries.map((entry) => (
              <QuarantineRow key={entry.id} entry={entry} />
            ))}
          </ul>
          <MoreButton pages={list} label={t("quarantine.more")} />
        </>
      )}
    </div>
  );
}

/** Whether anything narrows the list beyond its status. */
function isFiltered(f: QuarantineFilters): boolean {
  return f.channel !== "" || f.reason !== "" || f.sourceRef !== "";
}
