import { useInfiniteQuery } from "@tanstack/react-query";
import { api, unwrap } from "../api/client";
import { useI18n } from "../i18n";
import { Empty, ErrorMessage, Loading, MoreButton } from "../components/Status";
import { CaseList } from "./CaseList";

/** One customer's cases (GET /cases?customer_id=), 50 at a time; enable it only for a role that reads cases. */
export function useCustomerCases(customerId: string, enabled = true) {
  return useInfiniteQuery({
    queryKey: ["cases", "customer", customerId],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/v1/cases", {
          params: { query: { customer_id: customerId, limit: 50, cursor: pageParam ?? undefined } },
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    enabled,
  });
}

/** One customer's cases (GET /cases?customer_id=), 50 at a time. Mount it only for a role that reads cases. */
export function CustomerCases({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const result = useCustomerCases(customerId);
  if (result.isPending) return <Loading />;
  if (result.isError) return <ErrorMessage error={result.error} onRetry={() => result.refetch()} />;
  const cases = result.data.pages.flatMap((p) => p.items);
  if (cases.length === 0) return <Empty>{t("cases.none")}</Empty>;
  return (
    <>
      <CaseList cases={cases} />
      <MoreButton pages={result} label={t("cases.older")} />
    </>
  );
}
