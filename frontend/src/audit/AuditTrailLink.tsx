// The 360 view's way into the audit log: who read or changed this customer's data, and when.
import { Link } from "react-router";
import { useAuth } from "../auth";
import { useI18n } from "../i18n";
import { mayReadAuditLog } from "../roles";
import type { AuditCustomerRef } from "./api";

/** The audit log filtered to one customer. */
export const auditTrailUrl = (customerId: string) => `/audit?customer=${encodeURIComponent(customerId)}`;

/** A link to the customer's audit trail, for the roles that read the audit log (nothing for the others). The name and
 * number go along in the router's state, so that the log's customer filter names the customer without reading them
 * again (a read that would itself be audited). */
export function AuditTrailLink({ customer }: { customer: AuditCustomerRef }) {
  const { me } = useAuth();
  const { t } = useI18n();
  if (!mayReadAuditLog(me?.role)) return null;
  const auditCustomer: AuditCustomerRef = {
    id: customer.id,
    display_name: customer.display_name,
    customer_number: customer.customer_number,
  };
  return (
    <Link to={auditTrailUrl(customer.id)} state={{ auditCustomer }} title={t("audit.trailHint")}>
      {t("audit.trail")}
    </Link>
  );
}
