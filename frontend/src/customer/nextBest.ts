// A customer's next best actions as the 360 view reads them (GET /customers/{id}/next-best-actions, api/next_best.py).
import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../api/client";

/** Their query's key: read again whenever something they depend on was recorded (a campaign's response). */
export const nextBestKey = (customerId: string) => ["next-best-actions", customerId] as const;

export function useNextBestActions(customerId: string) {
  return useQuery({
    queryKey: nextBestKey(customerId),
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/customers/{customer_id}/next-best-actions", {
          params: { path: { customer_id: customerId } },
        }),
      ),
  });
}
