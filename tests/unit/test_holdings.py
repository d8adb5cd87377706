import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from domain.errors import InsufficientFunds, InvalidValue
from domain.holdings import HoldingStatus, ProductHolding
from domain.money import Money
from domain.products import ProductCategory

T0 = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


def holding(category: ProductCategory, balance: str = "100", limit: str | None = None) -> ProductHolding:
    return ProductHolding(
        id=uuid.uuid4(),
        customer_id=uuid.uuid4(),
        account_number="6222000011112222",
        product_code="P",
        category=category,
        currency="CNY",
        balance=Decimal(balance),
        credit_limit=Decimal(limit) if limit else None,
    )


def test_a_deposit_cannot_go_below_zero() -> None:
    h = holding(ProductCategory.SAVINGS)
    with pytest.raises(InsufficientFunds):
        h.post(Money.of("-100.01", "CNY"), T0)
    h.post(Money.of("-100", "CNY"), T0)
    assert h.balance == 0


def test_a_credit_card_may_go_negative_up_to_its_limit() -> None:
    h = holding(ProductCategory.CREDIT_CARD, "0", limit="5000")
    h.post(Money.of("-4999.99", "CNY"), T0)
    with pytest.raises(InsufficientFunds):
        h.post(Money.of("-0.02", "CNY"), T0)


def test_a_reported_balance_older_than_the_known_one_is_ignored() -> None:
    h = holding(ProductCategory.CURRENT)
    assert h.set_balance(Decimal("500"), T0)
    assert not h.set_balance(Decimal("50"), T0 - timedelta(minutes=1))
    assert h.balance == Decimal("500")
    assert h.set_balance(Decimal("70"), T0 + timedelta(minutes=1))
    assert h.balance == Decimal("70")


def test_posting_in_another_currency_is_refused() -> None:
    with pytest.raises(InvalidValue):
        holding(ProductCategory.CURRENT).post(Money.of("1", "USD"), T0)


def test_closing_needs_a_zero_balance_and_a_closed_holding_takes_no_postings() -> None:
    h = holding(ProductCategory.SAVINGS, "10")
    with pytest.raises(InvalidValue):
        h.close(date(2026, 11, 2))
    h.post(Money.of("-10", "CNY"), T0)
    h.close(date(2026, 11, 2))
    assert h.status is HoldingStatus.CLOSED
    with pytest.raises(InvalidValue):
        h.post(Money.of("1", "CNY"), T0)


def test_maturity_window() -> None:
    h = holding(ProductCategory.TIME_DEPOSIT)
    h.maturity_date = date(2026, 12, 1)
    assert h.matures_within(date(2026, 11, 23), 30)
    assert not h.matures_within(date(2026, 10, 1), 30)
