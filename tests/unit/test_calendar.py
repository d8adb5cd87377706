from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from domain.calendar import bank_day, set_bank_zone


def test_the_bank_day_turns_at_the_banks_midnight_not_utcs() -> None:
    assert bank_day(datetime(2026, 12, 3, 15, 59, tzinfo=UTC)) == date(2026, 12, 3)
    assert bank_day(datetime(2026, 12, 3, 16, 0, tzinfo=UTC)) == date(2026, 12, 4)


def test_another_bank_zone_moves_the_day() -> None:
    try:
        set_bank_zone("America/New_York")
        assert bank_day(datetime(2026, 12, 4, 3, 0, tzinfo=UTC)) == date(2026, 12, 3)
    finally:
        set_bank_zone("Asia/Shanghai")


def test_a_naive_instant_has_no_bank_day() -> None:
    with pytest.raises(ValueError):
        bank_day(datetime(2026, 12, 3, 12, 0))
    with pytest.raises(ValueError):
        set_bank_zone("Nowhere/Land")
