// What to do for the customer now, on the 360 view: the call-center context's next best actions (maturities to roll
// over, alerts, complaints, campaign and look-alike offers), worded in the user's language from the holdings, alerts
// and cases this page reads, with a campaign offer's answer recorded right there, as on the Caller page.
import { useQueryClient } from "@tanstack/react-query";
import { useAuth } from "../auth";
import { mayReadAlerts, mayReadCases } from "../roles";
import { useI18n } from "../i18n";
import { ErrorMessage, Loading, Panel } from "../components/Status";
import { NextBestActions } from "../caller/NextBestActions";
import type { ActionHolding } from "../caller/actions";
import { useCustomerAlerts } from "./CustomerAlerts";
import { useCustomerCases } from "../cases/CustomerCases";
import { nextBestKey, useNextBestActions } from "./nextBest";

export function NextBestPanel({
  customerId,
  holdings,
}: {
  customerId: string;
  /** The customer's holdings as the page read them; undefined while they are being read. */
  holdings: readonly ActionHolding[] | undefined;
}) {
  const { t } = useI18n();
  const { me } = useAuth();
  const queryClient = useQueryClient();
  const actions = useNextBestActions(customerId);
  // The facts the actions are worded from, read only by a role that may (else the server's English words stay).
  const readsAlerts = !!me && mayReadAlerts(me.role);
  const readsCases = !!me && mayReadCases(me.role);
  const alerts = useCustomerAlerts(customerId, readsAlerts);
  const cases = useCustomerCases(customerId, readsCases);
  // Worded once what they are worded from is in (or could not be read): no sentence changing language as it loads.
  const factsPending =
    !me || holdings === undefined || (readsAlerts && alerts.isPending) || (readsCases && cases.isPending);

  return (
    <Panel title={t("c360.nba")} id="customer-nba">
      <p className="muted-text">{t("c360.nbaHint")}</p>
      {actions.isError ? (
        <ErrorMessage error={actions.error} onRetry={() => actions.refetch()} />
      ) : actions.isPending || factsPending ? (
        <Loading />
      ) : (
        <NextBestActions
          actions={actions.data}
          facts={{
            holdings,
            alerts: alerts.data?.items ?? [],
            open_cases: cases.data?.pages.flatMap((p) => p.items) ?? [],
          }}
          customerId={customerId}
          emptyText={t("c360.noNba")}
          // An answer recorded has them read again already (useRecordResponse): no second read on top of that one.
          onChanged={() =>
            void queryClient.invalidateQueries({ queryKey: nextBestKey(customerId) }, { cancelRefetch: false })
          }
        />
      )}
    </Panel>
  );
}
