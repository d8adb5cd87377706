"""Value tiers: key, potential, ordinary.

* key: the customers who together make up the top `key_share` (default 80%) of the bank's positive
  contribution. A full rescore computes the cutoff (the smallest contribution still inside that share)
  and stores it; incremental rescoring between full runs compares against the stored cutoff, so a
  customer's tier only depends on their own figures and the last cutoff.
* potential: not key, but showing growth: AUM up by `growth_share` (10%) or more over three months
  with at least `growth_min_aum`; or a high income band (300k+) with AUM below `low_wallet_aum` (low
  share of wallet); or a young professional (aged 25-35, bachelor's degree or more, income 150k+).
* ordinary: everyone else.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class TierThresholds:
    key_share: Decimal = Decimal("0.80")
    growth_share: Decimal = Decimal("0.10")
    growth_min_aum: Decimal = Decimal("50000")
    high_income_bands: tuple[str, ...] = ("300k_1m", "over_1m")
    low_wallet_aum: Decimal = Decimal("200000")
    young_min_age: int = 25
    young_max_age: int = 35
    young_income_bands: tuple[str, ...] = ("150k_300k", "300k_1m", "over_1m")
    young_education: tuple[str, ...] = ("bachelor", "master", "doctorate")


KEY_REASON = "key: among the customers making the top {share}% of contribution ({contribution} CNY a month)"
POTENTIAL_GROWTH = "potential: AUM grew {growth}% over three months"
POTENTIAL_WALLET = "potential: high income band with low share of wallet"
POTENTIAL_YOUNG = "potential: young professional"
ORDINARY_REASON = "ordinary: below the key cutoff, no growth signal"


def key_cutoff(contributions: Iterable[Decimal], share: Decimal) -> Decimal | None:
    """The smallest contribution among the customers who together make up `share` of positive contribution.

    Customers are taken from the highest contribution down until their running total reaches `share`
    of the total; ties at the cutoff are all key. None when nobody contributes anything positive.
    """
    positive = sorted((c for c in contributions if c > 0), reverse=True)
    total = sum(positive, Decimal(0))
    if total <= 0:
        return None
    running = Decimal(0)
    for c in positive:
        running += c
        if running >= total * share:
            return c
    return positive[-1]
