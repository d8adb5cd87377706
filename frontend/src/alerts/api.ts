import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap, type Schemas } from "../api/client";

export type Alert = Schemas["AlertOut"];
export type AlertKind = Schemas["AlertKind"];
export type AlertStatus = Schemas["AlertStatus"];
export const ALERT_KINDS: AlertKind[] = ["large_outflow", "dormant_wakeup", "salary_stopped", "maturity", "complaint"];
export const ALERT_STATUSES: AlertStatus[] = ["open", "acknowledged", "resolved"];

type Action = { kind: "acknowledge" } | { kind: "assign"; userId: string } | { kind: "resolve"; note: string };

function call(id: string, action: Action): Promise<Alert> {
  const path = { params: { path: { alert_id: id } } };
  if (action.kind === "acknowledge") return unwrap(api.POST("/api/v1/alerts/{alert_id}/acknowledge", path));
  if (action.kind === "assign")
    return unwrap(api.POST("/api/v1/alerts/{alert_id}/assign", { ...path, body: { user_id: action.userId } }));
  return unwrap(api.POST("/api/v1/alerts/{alert_id}/resolve", { ...path, body: { note: action.note } }));
}

/** Acknowledge, assign or resolve; every alert list shown anywhere is read again afterwards. */
export function useAlertAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: Action }) => call(id, action),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["alerts"] }),
  });
}
