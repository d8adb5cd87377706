"""Abnormal fund movements, judged against the customer's own history.

* large_outflow: money out in the last 7 days is more than `outflow_multiple` (3) times the customer's
  usual monthly outflow (the monthly average of days 30-365 before), or more than `outflow_aum_share`
  (50%) of AUM before it left; and at least `outflow_min` (50,000 CNY), so small accounts stay quiet.
  Cause: the day of the first outflow in that 7-day window.
* dormant_wakeup: a transaction in the last 7 days after `dormant_days` (180) or more without any, on
  a relationship older than that. Cause: the day it woke.
* salary_stopped: at least `salary_min_months` (3) salary credits in the 60-180 days before, and none in
  the last `salary_gap_days` (60, so a payday late in the month is not yet a miss). Cause: the date of the last salary.
* maturity: a time deposit, wealth product or loan maturing within 30 days. Cause: holding + date.
* complaint: a call-center complaint in the last 30 days. Cause: the complaint interaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

# Interaction types that move money out of / into the customer's accounts (amounts are taken as absolute).
OUTFLOW_TYPES: tuple[str, ...] = (
    "withdrawal",
    "transfer",
    "atm_withdrawal",
    "atm_transfer",
    "cash_advance",
    "bill_payment",
    "purchase",
    "pos_purchase",
    "transfer_out",
    "account_close",
)
INFLOW_TYPES: tuple[str, ...] = ("deposit", "atm_deposit", "salary", "refund", "pos_refund", "transfer_in")
SALARY_TYPES: tuple[str, ...] = ("salary", "payroll")
CARD_SPEND_TYPES: tuple[str, ...] = ("purchase", "pos_purchase")
FEE_TYPES: tuple[str, ...] = ("fee", "annual_fee", "service_fee")
COMPLAINT_CHANNEL = "call_center"  # the call-center feed's complaints
COMPLAINT_TYPE = "complaint"
# Where a complaint is made: the call-center feed, and wherever staff log one by hand (POST /api/v1/cases).
COMPLAINT_CHANNELS: tuple[str, ...] = ("call_center", "teller", "online_banking", "rm_visit", "phone", "email")
# Channels on which the bank reaches out (statements, notices, RM calls and visits): they cost money to serve
# but are not the customer's own activity.
BANK_INITIATED_CHANNELS: tuple[str, ...] = ("sms", "email", "rm_visit", "phone")
# Interactions that are the bank speaking, not the customer acting: they do not count as activity.
NOT_ACTIVITY_TYPES: tuple[str, ...] = ("login_failed", "declined", "fee", "annual_fee", "service_fee", "interest")


@dataclass(frozen=True, slots=True)
class MovementThresholds:
    outflow_multiple: Decimal = Decimal("3")
    outflow_aum_share: Decimal = Decimal("0.50")
    outflow_min: Decimal = Decimal("50000")
    dormant_days: int = 180
    salary_min_months: int = 3
    salary_gap_days: int = 60
    salary_lookback_days: int = 180
    maturity_days: int = 30
    complaint_days: int = 30
