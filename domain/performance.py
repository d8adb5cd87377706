"""RM performance: how each relationship manager's portfolio and work went over a period, in figures a branch
manager can compare (the portfolio's value, how fast alerts were handled, cases answered within their service
level, campaign contacts made and what they brought)."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_EVEN, Decimal

PERIOD_DAYS = range(7, 366)  # a week to a year


@dataclass(frozen=True, slots=True)
class Durations:
    """How long things took, in hours: the median is what a typical case was like, unlike a mean that one
    forgotten alert drags."""

    median_hours: Decimal | None
    count: int


def durations(pairs: list[tuple[datetime, datetime]]) -> Durations:
    hours = [(end - start).total_seconds() / 3600 for start, end in pairs if end >= start]
    if not hours:
        return Durations(None, 0)
    median = Decimal(repr(statistics.median(hours))).quantize(Decimal("0.1"), ROUND_HALF_EVEN)
    return Durations(median, len(hours))


def share(part: int, whole: int) -> Decimal | None:
    """part / whole to four places, or None when there is nothing to divide (not 0: 'no cases' is not 'none on
    time')."""
    if whole == 0:
        return None
    return (Decimal(part) / Decimal(whole)).quantize(Decimal("0.0001"), ROUND_HALF_EVEN)


def mean(values: list[int]) -> Decimal | None:
    if not values:
        return None
    return (Decimal(sum(values)) / Decimal(len(values))).quantize(Decimal("0.01"), ROUND_HALF_EVEN)
