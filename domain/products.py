"""The product catalogue."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from domain.errors import InvalidValue
from domain.money import check_currency


class ProductCategory(StrEnum):
    CURRENT = "current"
    SAVINGS = "savings"
    TIME_DEPOSIT = "time_deposit"
    LOAN = "loan"
    MORTGAGE = "mortgage"
    CREDIT_CARD = "credit_card"
    WEALTH = "wealth_product"
    FUND = "fund"
    INSURANCE = "insurance"

    @property
    def is_credit(self) -> bool:
        """Credit lines: their balance is what the customer owes, so it may go below zero."""
        return self in _CREDIT

    @property
    def is_deposit(self) -> bool:
        return self in (ProductCategory.CURRENT, ProductCategory.SAVINGS, ProductCategory.TIME_DEPOSIT)

    @property
    def is_investment(self) -> bool:
        return self in (ProductCategory.WEALTH, ProductCategory.FUND, ProductCategory.INSURANCE)

    @property
    def has_maturity(self) -> bool:
        return self in (
            ProductCategory.TIME_DEPOSIT,
            ProductCategory.WEALTH,
            ProductCategory.LOAN,
            ProductCategory.MORTGAGE,
        )


_CREDIT = frozenset({ProductCategory.LOAN, ProductCategory.MORTGAGE, ProductCategory.CREDIT_CARD})

# Credit lines with a maturity (a loan, a mortgage): what falls due is what the customer owes, to repay or renew,
# not a deposit to roll over.
CREDIT_WITH_MATURITY: frozenset[str] = frozenset(c.value for c in ProductCategory if c.is_credit and c.has_maturity)


@dataclass(frozen=True, slots=True)
class Product:
    """A product the bank sells. `risk_level` runs 1 (lowest, R1) to 5 (highest, R5)."""

    code: str
    name: str
    category: ProductCategory
    currency: str = "CNY"
    name_zh: str | None = None
    rate: Decimal | None = None
    term_months: int | None = None
    minimum_amount: Decimal | None = None
    risk_level: int = 1
    active: bool = True

    def __post_init__(self) -> None:
        check_currency(self.currency)
        if not 1 <= self.risk_level <= 5:
            raise InvalidValue("risk level runs from 1 to 5", field="risk_level")
        if self.rate is not None and not Decimal("-0.05") <= self.rate <= Decimal("0.5"):
            raise InvalidValue("rate is a yearly fraction between -0.05 and 0.5", field="rate")
        if self.term_months is not None and not 1 <= self.term_months <= 600:
            raise InvalidValue("term runs 1 to 600 months", field="term_months")
        if self.minimum_amount is not None and self.minimum_amount < 0:
            raise InvalidValue("minimum amount cannot be negative", field="minimum_amount")
