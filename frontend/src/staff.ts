import { useQuery } from "@tanstack/react-query";
import { api, unwrap, type Schemas } from "./api/client";

export type StaffMember = Schemas["StaffOut"];
export type StaffRole = Schemas["Role"];

/**
 * The people the signed-in user may see (their branch's, or everyone for bank-wide roles), of the given roles;
 * with `forCustomer`, only those who can see that customer (so work about them can go to them).
 */
export function useStaff(
  roles: StaffRole[],
  { enabled = true, forCustomer }: { enabled?: boolean; forCustomer?: string } = {},
) {
  return useQuery({
    queryKey: ["staff", roles, forCustomer ?? null],
    queryFn: () =>
      unwrap(api.GET("/api/v1/staff", { params: { query: { role: roles, limit: 500, for_customer: forCustomer } } })),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function staffName(s: StaffMember): string {
  const who = s.display_name ? `${s.display_name} (${s.username})` : s.username;
  return s.branch ? `${who} · ${s.branch_name ?? s.branch}` : who;
}
