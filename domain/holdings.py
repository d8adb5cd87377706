"""Product holdings: what a customer has with the bank, with balances and maturities."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from domain.errors import InsufficientFunds, InvalidValue
from domain.money import Money, check_currency
from domain.products import ProductCategory


class HoldingStatus(StrEnum):
    ACTIVE = "active"
    DORMANT = "dormant"
    CLOSED = "closed"


@dataclass(frozen=True, slots=True)
class BalancePoint:
    as_of: date
    balance: Decimal


@dataclass(slots=True)
class ProductHolding:
    """One account or contract of one customer.

    The balance is signed from the customer's side: assets (deposits, investments) are positive, debts
    (loans, card spending) negative. Only credit lines may go below zero, and not past their limit.
    `balance_as_of` orders updates, so an older event never moves the balance back in time.
    """

    id: uuid.UUID
    customer_id: uuid.UUID
    account_number: str
    product_code: str
    category: ProductCategory
    currency: str
    balance: Decimal = Decimal(0)
    status: HoldingStatus = HoldingStatus.ACTIVE
    opened_on: date | None = None
    closed_on: date | None = None
    credit_limit: Decimal | None = None
    rate: Decimal | None = None
    maturity_date: date | None = None
    balance_as_of: datetime | None = None
    history: list[BalancePoint] = field(default_factory=list)

    def __post_init__(self) -> None:
        check_currency(self.currency)
        if not 4 <= len(self.account_number) <= 34:
            raise InvalidValue("account number must be 4-34 characters", field="account_number")
        if self.credit_limit is not None and self.credit_limit < 0:
            raise InvalidValue("credit limit cannot be negative", field="credit_limit")
        self._check_floor(self.balance)
        if self.opened_on and self.closed_on and self.closed_on < self.opened_on:
            raise InvalidValue("a holding cannot close before it opened", field="closed_on")
        if self.maturity_date and self.opened_on and self.maturity_date < self.opened_on:
            raise InvalidValue("maturity cannot precede opening", field="maturity_date")

    @property
    def money(self) -> Money:
        return Money(self.balance, self.currency)

    def _check_floor(self, balance: Decimal) -> None:
        if balance >= 0:
            return
        if not self.category.is_credit:
            raise InsufficientFunds(
                f"{self.category.value} holding {self.account_number} cannot go below zero", field="amount"
            )
        if self.credit_limit is not None and -balance > self.credit_limit:
            raise InsufficientFunds(f"holding {self.account_number} would exceed its credit limit", field="amount")

    def post(self, amount: Money, at: datetime) -> None:
        """Move the balance by a signed amount (money in positive, money out negative)."""
        if amount.currency != self.currency:
            raise InvalidValue(f"holding is in {self.currency}, not {amount.currency}", field="currency")
        if self.status is HoldingStatus.CLOSED:
            raise InvalidValue(f"holding {self.account_number} is closed", field="account_number")
        new_balance = self.balance + amount.amount
        self._check_floor(new_balance)
        self.balance = new_balance
        if self.status is HoldingStatus.DORMANT:
            self.status = HoldingStatus.ACTIVE
        if self.balance_as_of is None or at > self.balance_as_of:
            self.balance_as_of = at

    def set_balance(self, balance: Decimal, at: datetime) -> bool:
        """Take a balance reported by the source system as the truth, unless a newer one is known.

        Returns whether the balance was taken.
        """
        if self.balance_as_of is not None and at < self.balance_as_of:
            return False
        self._check_floor(balance)
        self.balance = balance
        self.balance_as_of = at
        return True

    def close(self, on: date) -> None:
        if self.status is HoldingStatus.CLOSED:
            return
        if self.balance != 0:
            raise InvalidValue(f"holding {self.account_number} still has a balance of {self.balance}", field="balance")
        self.status = HoldingStatus.CLOSED
        self.closed_on = on

    def matures_within(self, today: date, days: int) -> bool:
        return (
            self.status is not HoldingStatus.CLOSED
            and self.maturity_date is not None
            and 0 <= (self.maturity_date - today).days <= days
        )
