from decimal import Decimal

import pytest

from domain.errors import InvalidValue
from domain.money import Money, format_amount, parse_amount


def test_money_adds_in_one_currency_and_refuses_two() -> None:
    assert Money.of("10.25", "CNY") + Money.of("0.75", "CNY") == Money(Decimal("11.00"), "CNY")
    with pytest.raises(InvalidValue) as e:
        Money.of("1", "CNY") + Money.of("1", "USD")
    assert e.value.field == "currency"


@pytest.mark.parametrize("code", ["XXX", "cny", "RMB", "", "US"])
def test_unknown_currencies_are_refused(code: str) -> None:
    with pytest.raises(InvalidValue):
        Money.of("1", code)


@pytest.mark.parametrize("bad", [1.5, "abc", "NaN", "Infinity", "1e20", "0.00001", True])
def test_amounts_must_be_exact_finite_decimals(bad: object) -> None:
    with pytest.raises(InvalidValue):
        parse_amount(bad)


def test_amounts_format_with_the_currency_minor_units() -> None:
    assert format_amount(Decimal("1234.5"), "CNY") == "1234.50"
    assert format_amount(Decimal("1234"), "JPY") == "1234"
    assert format_amount(Decimal("1.2345"), "CNY") == "1.2345"
    assert Money.of("2.345", "CNY").rounded().as_str() == "2.34"  # banker's rounding
    assert format_amount(Decimal("1E+3"), "CNY") == "1000.00"
