import { useQuery } from "@tanstack/react-query";
import { api, unwrap, type Schemas } from "./api/client";

export type StaffMember = Schemas["StaffOut"];
export type StaffRole = Schemas["Role"];

/** How many people a picker asks for at once; a directory with more (`next_cursor` set) is searched instead. */
export const STAFF_PAGE = 500;

/**
 * The people the signed-in user may see (their branch's, or everyone for bank-wide roles), of the given roles;
 * with `forCustomer`, only those who can see that customer (so work about them can go to them); with `q`, only
 * those whose username or name starts with it.
 */
export function useStaff(
  roles: StaffRole[],
  { enabled = true, forCustomer, q }: { enabled?: boolean; forCustomer?: string; q?: string } = {},
) {
  return useQuery({
    queryKey: ["staff", roles, forCustomer ?? null, q ?? null],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/staff", {
          params: { query: { role: roles, limit: STAFF_PAGE, for_customer: forCustomer, q: q || undefined } },
        }),
      ),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function staffName(s: StaffMember): string {
  const who = s.display_name ? `${s.display_name} (${s.username})` : s.username;
  return s.branch ? `${who} · ${s.branch_name ?? s.branch}` : who;
}
