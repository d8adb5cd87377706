"""Churn risk from 0 to 1: a weighted sum of behavioural signals, each scaled to 0..1.

| driver | signal (scaled to 0..1) | weight |
| --- | --- | --- |
| balance_outflow | AUM fall over three months, as a share of AUM then (full at 50%) | 0.30 |
| fewer_interactions | drop in transactions and contacts, last 90 days vs the 90 before | 0.20 |
| complaints | call-center complaints in the last 90 days (full at 2) | 0.15 |
| closed_products | holdings closed in the last 90 days (full at 2) | 0.15 |
| maturity_not_rolled | a time deposit or wealth product matured in the last 60 days and was not rolled over | 0.10 |
| salary_stopped | a monthly salary credit stopped arriving (see movements) | 0.10 |

The weights add up to 1, so the score is their weighted sum. Every score carries its drivers (those
with a non-zero part, largest first, up to three) as `{driver, weight, text}`, `weight` being the
part of the score the driver explains.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class ChurnDriver:
    code: str
    weight: Decimal
    text: str  # "{pct}" is replaced with the signal's size where it has one


DRIVERS: tuple[ChurnDriver, ...] = (
    ChurnDriver("balance_outflow", Decimal("0.30"), "balances fell {pct}% over three months"),
    ChurnDriver("fewer_interactions", Decimal("0.20"), "{pct}% fewer transactions and contacts than before"),
    ChurnDriver("complaints", Decimal("0.15"), "complained to the call center in the last 90 days"),
    ChurnDriver("closed_products", Decimal("0.15"), "closed products in the last 90 days"),
    ChurnDriver("maturity_not_rolled", Decimal("0.10"), "a maturing deposit or wealth product was not rolled over"),
    ChurnDriver("salary_stopped", Decimal("0.10"), "the monthly salary stopped arriving"),
)
TOP_DRIVERS = 3
OUTFLOW_FULL_AT = Decimal("0.50")  # an AUM fall of half or more counts fully
COMPLAINTS_FULL_AT = 2
CLOSED_FULL_AT = 2
MATURITY_LOOKBACK_DAYS = 60

assert sum(d.weight for d in DRIVERS) == 1
