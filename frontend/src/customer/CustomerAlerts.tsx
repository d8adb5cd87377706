import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../api/client";
import { useI18n } from "../i18n";
import { Empty, ErrorMessage, Loading } from "../components/Status";
import { AlertList } from "../alerts/AlertList";

/** The customer's alerts, the latest 50 (the alerts panel lists them; the next best actions are worded from them). */
export function useCustomerAlerts(customerId: string, enabled = true) {
  return useQuery({
    queryKey: ["alerts", "customer", customerId],
    queryFn: () => unwrap(api.GET("/api/v1/alerts", { params: { query: { customer_id: customerId, limit: 50 } } })),
    enabled,
  });
}

export function CustomerAlerts({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const alerts = useCustomerAlerts(customerId);
  if (alerts.isPending) return <Loading />;
  if (alerts.isError) return <ErrorMessage error={alerts.error} onRetry={() => alerts.refetch()} />;
  if (alerts.data.items.length === 0) return <Empty>{t("c360.noAlerts")}</Empty>;
  return (
    <div className="compact">
      <AlertList alerts={alerts.data.items} showCustomer={false} />
    </div>
  );
}
