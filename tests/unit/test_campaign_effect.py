"""The campaign's effect and its control group: the statistics a marketing manager decides on."""

from __future__ import annotations

import uuid
from decimal import Decimal

from domain.campaigns import Group, GroupOutcome, group_of, measure


def test_a_clear_uplift_is_significant_with_its_95_percent_interval() -> None:
    # 10% of 1,000 contacted customers converted against 5% of 1,000 held out: chi-square 18.02, p = 2.2e-5.
    effect = measure(GroupOutcome(1000, 100), GroupOutcome(1000, 50))
    assert effect.uplift_pp == Decimal("5.00")
    assert (effect.ci95_low_pp, effect.ci95_high_pp) == (Decimal("2.71"), Decimal("7.34"))
    assert effect.p_value == Decimal("0.0000") and effect.enough_data and effect.significant
    assert effect.incremental_conversions == Decimal("50.0")
    assert effect.relative_lift == Decimal("1.0000")


def test_the_interval_is_newcombes_hybrid_score_interval() -> None:
    # Newcombe (1998), Statistics in Medicine 17:873, method 10 on 56/70 against 48/80: 0.0524 to 0.3339.
    effect = measure(GroupOutcome(70, 56), GroupOutcome(80, 48))
    assert (effect.ci95_low_pp, effect.ci95_high_pp) == (Decimal("5.24"), Decimal("33.39"))


def test_a_tiny_control_group_is_never_called_significant_and_its_interval_says_why() -> None:
    # 3 of 52 contacted against 0 of 3 held out: the normal interval would claim +0.45 to +14.93 points.
    effect = measure(GroupOutcome(52, 3), GroupOutcome(3, 0))
    assert not effect.enough_data and not effect.significant
    assert effect.ci95_low_pp is not None and effect.ci95_high_pp is not None
    assert effect.ci95_low_pp < 0 < effect.ci95_high_pp


def test_a_small_difference_on_few_customers_is_not_credited_as_significant() -> None:
    # 11 of 100 against 10 of 100: pooled z = 0.2307, p = 0.8176; the interval spans zero.
    effect = measure(GroupOutcome(100, 11), GroupOutcome(100, 10))
    assert effect.uplift_pp == Decimal("1.00")
    assert effect.p_value == Decimal("0.8176") and not effect.significant
    assert effect.ci95_low_pp is not None and effect.ci95_low_pp < 0 < (effect.ci95_high_pp or 0)


def test_without_a_control_group_nothing_is_claimed() -> None:
    effect = measure(GroupOutcome(500, 40), GroupOutcome(0, 0))
    assert effect.uplift_pp is None and effect.p_value is None and not effect.significant
    assert effect.target.rate == Decimal("0.08")


def test_nobody_converting_anywhere_is_no_effect_and_no_division_by_zero() -> None:
    effect = measure(GroupOutcome(200, 0), GroupOutcome(50, 0))
    assert effect.uplift_pp == Decimal("0.00") and effect.p_value == Decimal("1") and not effect.significant
    assert effect.relative_lift is None


def test_the_control_group_is_drawn_by_hash_at_the_share_asked_and_stays_the_same() -> None:
    campaign = uuid.uuid4()
    customers = [uuid.uuid4() for _ in range(20_000)]
    groups = [group_of(campaign, c, 10) for c in customers]
    share = groups.count(Group.CONTROL) / len(groups)
    assert 0.09 < share < 0.11
    assert groups == [group_of(campaign, c, 10) for c in customers], "the draw must not change between launches"
    assert {group_of(campaign, c, 0) for c in customers} == {Group.TARGET}
    other = uuid.uuid4()
    assert [group_of(other, c, 10) for c in customers] != groups, "each campaign draws its own control group"
