import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { useAuth } from "../auth";
import { formatDateTime } from "../format";
import { useI18n } from "../i18n";
import { mayWorkAlerts } from "../roles";
import { ErrorMessage } from "../components/Status";
import { useAlertAction, type Alert } from "./api";
import { alertTitle } from "./title";
import { serverText } from "../serverText";
import { staffName, useStaff } from "../staff";

/** The people an alert can go to: RMs, branch managers and admins who can see its customer. */
function AssignForm({ alert, onDone }: { alert: Alert; onDone: () => void }) {
  const { t } = useI18n();
  const action = useAlertAction();
  const staff = useStaff(["rm", "branch_manager", "admin"], { forCustomer: alert.customer.id });
  const [userId, setUserId] = useState("");
  const others = (staff.data?.items ?? []).filter((s) => s.id !== alert.assigned_to);

  function assign(e: FormEvent) {
    e.preventDefault();
    action.mutate({ id: alert.id, action: { kind: "assign", userId } }, { onSuccess: onDone });
  }

  if (staff.isError) return <ErrorMessage error={staff.error} onRetry={() => staff.refetch()} />;
  return (
    <form className="inline-form" onSubmit={assign}>
      <div className="field grow">
        <label htmlFor={`assign-${alert.id}`}>{t("alerts.assignTo")}</label>
        <select
          id={`assign-${alert.id}`}
          required
          disabled={staff.isPending}
          value={userId}
          onChange={(e) => setUserId(e.target.value)}
        >
          <option value="">
            {staff.isPending ? t("common.loading") : others.length ? t("staff.choose") : t("staff.none")}
          </option>
          {others.map((s) => (
            <option key={s.id} value={s.id}>
              {staffName(s)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={action.isPending || !userId}>
        {t("alerts.assign")}
      </button>
      {action.isError && <ErrorMessage error={action.error} />}
    </form>
  );
}

/** One alert with what can be done to it: acknowledge, assign, resolve with a note. */
function AlertRow({ alert, showCustomer }: { alert: Alert; showCustomer: boolean }) {
  const { t, label, locale } = useI18n();
  const { me } = useAuth();
  const action = useAlertAction();
  const [resolving, setResolving] = useState(false);
  const [assigning, setAssigning] = useState(false);
  const [note, setNote] = useState("");
  const canWork = mayWorkAlerts(me?.role) && alert.status !== "resolved";

  function resolve(e: FormEvent) {
    e.preventDefault();
    action.mutate({ id: alert.id, action: { kind: "resolve", note } }, { onSuccess: () => setResolving(false) });
  }

  return (
    <li className="alert-row" data-alert-id={alert.id}>
      <div className="alert-main">
        <span className={`tag sev-${alert.severity}`}>{label("severity", alert.severity)}</span>
        <span className="tag">{label("alertKind", alert.kind)}</span>
        <strong className="alert-title" title={alert.title}>
          {alertTitle(alert, t, locale)}
        </strong>
        {alert.detail && <span className="alert-detail">{serverText(alert.detail, t, locale)}</span>}
        <span className="alert-meta">
          {showCustomer && (
            <>
              <Link to={`/customers/${alert.customer.id}`}>{alert.customer.display_name}</Link> ·{" "}
            </>
          )}
          <time dateTime={alert.raised_at}>{formatDateTime(alert.raised_at, locale)}</time> ·{" "}
          <span data-status={alert.status} className={`status-${alert.status}`}>
            {label("alertStatus", alert.status)}
          </span>{" "}
          · {t("alerts.assignedTo")}: {alert.assigned_to_username ?? t("alerts.unassigned")}
        </span>
        {alert.resolution_note && <span className="alert-detail">✓ {alert.resolution_note}</span>}
      </div>
      {canWork && (
        <div className="alert-actions">
          {alert.status === "open" && (
            <button
              type="button"
              disabled={action.isPending}
              onClick={() => action.mutate({ id: alert.id, action: { kind: "acknowledge" } })}
            >
              {t("alerts.acknowledge")}
            </button>
          )}
          {me && alert.assigned_to !== me.id && (
            <button
              type="button"
              className="secondary"
              disabled={action.isPending}
              onClick={() => action.mutate({ id: alert.id, action: { kind: "assign", userId: me.id } })}
            >
              {t("alerts.assignMe")}
            </button>
          )}
          <button
            type="button"
            className="secondary"
            aria-expanded={assigning}
            onClick={() => setAssigning(!assigning)}
          >
            {t("alerts.assign")}…
          </button>
          <button
            type="button"
            className="secondary"
            aria-expanded={resolving}
            onClick={() => setResolving(!resolving)}
          >
            {t("alerts.resolve")}…
          </button>
        </div>
      )}
      {assigning && <AssignForm alert={alert} onDone={() => setAssigning(false)} />}
      {resolving && (
        <form className="inline-form" onSubmit={resolve}>
          <div className="field grow">
            <label htmlFor={`note-${alert.id}`}>{t("alerts.note")}</label>
            <input
              id={`note-${alert.id}`}
              required
              maxLength={2000}
              placeholder={t("alerts.resolveHint")}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </div>
          <button type="submit" disabled={action.isPending}>
            {t("alerts.resolve")}
          </button>
        </form>
      )}
      {action.isError && <ErrorMessage error={action.error} />}
    </li>
  );
}

export function AlertList({ alerts, showCustomer = true }: { alerts: Alert[]; showCustomer?: boolean }) {
  return (
    <ul className="alerts">
      {alerts.map((a) => (
        <AlertRow key={a.id} alert={a} showCustomer={showCustomer} />
      ))}
    </ul>
  );
}
