// RM performance (api/analytics.py's rm-performance): each relationship manager's portfolio today and their work over
// the last `days` days. The server scopes it: an RM their own row, a branch manager their branch's RMs, auditors and
// admins every RM; marketing and agents are refused, so they never ask (roles.ts's mayReadPerformance).
import { useQuery } from "@tanstack/react-query";
import { api, unwrap, type Schemas } from "../api/client";

export type PerformanceReport = Schemas["RmPerformanceReportOut"];
export type RmPerformance = Schemas["RmPerformanceOut"];

/** The periods offered (the server takes 7 to 365 days), and the one shown without a choice. */
export const PERIODS = [30, 90, 180, 365] as const;
export type Period = (typeof PERIODS)[number];
export const DEFAULT_PERIOD: Period = 90;

/** The period as the URL holds it (`?days=30`); anything else reads as the default. */
export function periodFrom(params: URLSearchParams): Period {
  const days = Number(params.get("days"));
  return (PERIODS as readonly number[]).includes(days) ? (days as Period) : DEFAULT_PERIOD;
}

export function useRmPerformance(days: Period, enabled: boolean) {
  return useQuery({
    queryKey: ["analytics", "rm-performance", days],
    enabled,
    queryFn: () => unwrap(api.GET("/api/v1/analytics/rm-performance", { params: { query: { days } } })),
  });
}

/** The RM's name as people know them, else their username. */
export const rmName = (r: RmPerformance["rm"]) => r.display_name ?? r.username;
