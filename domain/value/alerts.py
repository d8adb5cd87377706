"""Alerts for relationship managers: kinds, severities and the states an alert moves through.

open -> acknowledged -> resolved (an open alert may be resolved at once). Resolved is final. An alert
is assigned to the customer's RM when raised and may be reassigned. One alert per cause: the store
refuses a second (customer, kind, cause_key).
"""

from __future__ import annotations

from enum import StrEnum

from domain.errors import Conflict
from domain.products import CREDIT_WITH_MATURITY


class AlertKind(StrEnum):
    LARGE_OUTFLOW = "large_outflow"
    DORMANT_WAKEUP = "dormant_wakeup"
    SALARY_STOPPED = "salary_stopped"
    MATURITY = "maturity"
    COMPLAINT = "complaint"


class AlertStatus(StrEnum):
    OPEN = "open"
    ACKNOWLEDGED = "acknowledged"
    RESOLVED = "resolved"


SEVERITY: dict[AlertKind, str] = {
    AlertKind.LARGE_OUTFLOW: "high",
    AlertKind.SALARY_STOPPED: "high",
    AlertKind.DORMANT_WAKEUP: "medium",
    AlertKind.COMPLAINT: "medium",
    AlertKind.MATURITY: "low",
}

TITLES: dict[AlertKind, str] = {
    AlertKind.LARGE_OUTFLOW: "Large outflow: {amount} CNY left in 7 days",
    AlertKind.DORMANT_WAKEUP: "Dormant customer active again after {days} days",
    AlertKind.SALARY_STOPPED: "Salary stopped arriving (last on {date})",
    AlertKind.MATURITY: "{product} matures on {date}",
    AlertKind.COMPLAINT: "Complaint to the call center on {date}",
}

# An alert's detail line (a complaint's detail is the complaint's own summary, not a template).
DETAILS: dict[AlertKind, str] = {
    AlertKind.LARGE_OUTFLOW: "{amount} CNY left in 7 days from {start}; usual monthly outflow {usual} CNY, "
    "AUM now {aum} CNY",
    AlertKind.DORMANT_WAKEUP: "first transaction on {day} after none since {before}",
    AlertKind.SALARY_STOPPED: "{n} salary credits in the months before, none for {days} days",
    AlertKind.MATURITY: "{balance} {currency} in {product} matures on {date}: offer a renewal",
}

# A loan or mortgage that falls due is money the customer owes (its balance is below zero): not a renewal offer
# of a deposit but a conversation about repaying or renewing it. Its amount is shown as the sum outstanding.
CREDIT_MATURITY_CATEGORIES = tuple(sorted(CREDIT_WITH_MATURITY))
CREDIT_MATURITY_DETAIL = (
    "{balance} {currency} outstanding on {product} falls due on {date}: discuss repayment or renewal"
)


def next_status(current: AlertStatus, action: str) -> AlertStatus:
    """The status after `action` (acknowledge or resolve); Conflict if the alert is already past it."""
    if current is AlertStatus.RESOLVED:
        raise Conflict("the alert is already resolved", field="status")
    if action == "acknowledge":
        if current is AlertStatus.ACKNOWLEDGED:
            raise Conflict("the alert is already acknowledged", field="status")
        return AlertStatus.ACKNOWLEDGED
    if action == "resolve":
        return AlertStatus.RESOLVED
    raise ValueError(action)
