"""Lifecycle stages, by rules applied in this order (the first that holds wins):

1. churned:   had holdings, and every one is closed.
2. prospect:  no holdings at all.
3. new:       the first holding opened within the last `new_days` (90) days.
4. dormant:   no transaction or customer-initiated contact for `dormant_days` (180) days.
5. declining: AUM fell by `decline_share` (20%) or more over three months, or churn risk >= 0.6.
6. growing:   AUM rose by `growth_share` (10%) or more over three months, or a product was opened in
              the last 180 days.
7. mature:    none of the above: a settled, active relationship.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from domain.customers import LifecycleStage


@dataclass(frozen=True, slots=True)
class LifecycleThresholds:
    new_days: int = 90
    dormant_days: int = 180
    decline_share: Decimal = Decimal("0.20")
    decline_churn_risk: Decimal = Decimal("0.60")
    growth_share: Decimal = Decimal("0.10")
    recent_product_days: int = 180


REASONS: dict[LifecycleStage, str] = {
    LifecycleStage.CHURNED: "every holding is closed",
    LifecycleStage.PROSPECT: "no holdings yet",
    LifecycleStage.NEW: "first holding opened within 90 days",
    LifecycleStage.DORMANT: "no transaction or contact for 180 days",
    LifecycleStage.DECLINING: "AUM fell 20% or more over three months, or churn risk is high",
    LifecycleStage.GROWING: "AUM rose 10% or more over three months, or a product opened within 180 days",
    LifecycleStage.MATURE: "an active, settled relationship",
}

RULES_TEXT = __doc__ or ""
