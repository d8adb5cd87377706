"""Contribution: each customer's monthly profit to the bank, and the parameters that price it.

    contribution (CNY / month) =
          sum over deposits      balance x FTP spread of its category / 12
        + sum over loans         outstanding x margin of its category / 12
        + card debt              outstanding x revolving margin / 12
        + investments            balance x yearly fee rate / 12
        + card spend             (last 90 days / 3) x interchange rate
        + fees charged           (last 90 days / 3)
        - cost to serve          (interactions of the last 90 days by channel / 3) x cost per interaction

Reporting currency is CNY. USD holdings and movements are converted at the fixed `fx_usd_cny`
parameter; holdings in any other currency are left out of AUM and contribution (a retail bank in China
holds very few, and a wrong rate would be worse than leaving them out).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from domain.errors import InvalidValue

REPORTING_CURRENCY = "CNY"


@dataclass(frozen=True, slots=True)
class Parameter:
    name: str
    default: Decimal
    minimum: Decimal
    maximum: Decimal
    unit: str
    description: str

    def check(self, value: Decimal) -> Decimal:
        """The value, if inside the sane range; InvalidValue naming the parameter otherwise."""
        if not value.is_finite() or not self.minimum <= value <= self.maximum:
            raise InvalidValue(
                f"{self.name} must be between {self.minimum} and {self.maximum} ({self.unit}); got {value}",
                field=self.name,
            )
        return value


def _p(name: str, default: str, low: str, high: str, unit: str, description: str) -> Parameter:
    return Parameter(name, Decimal(default), Decimal(low), Decimal(high), unit, description)


YEARLY = "yearly fraction"
CNY_EACH = "CNY per interaction"

# Defaults are typical of a mainland retail bank in 2026: funds-transfer pricing pays 1.5-2% for
# sticky current-account money, less for term money; consumer loans earn more margin than mortgages.
PARAMETERS: tuple[Parameter, ...] = (
    _p("ftp_spread_current", "0.0150", "0", "0.05", YEARLY, "FTP spread earned on current-account balances"),
    _p("ftp_spread_savings", "0.0120", "0", "0.05", YEARLY, "FTP spread earned on savings balances"),
    _p("ftp_spread_time_deposit", "0.0060", "0", "0.05", YEARLY, "FTP spread earned on time deposits"),
    _p("loan_margin_loan", "0.0250", "0", "0.15", YEARLY, "net interest margin on consumer loans"),
    _p("loan_margin_mortgage", "0.0120", "0", "0.10", YEARLY, "net interest margin on mortgages"),
    _p("card_revolving_margin", "0.1200", "0", "0.30", YEARLY, "margin on revolving credit-card debt"),
    _p("investment_fee_rate", "0.0080", "0", "0.05", YEARLY, "fees on wealth products, funds, insurance"),
    _p("interchange_rate", "0.0045", "0", "0.03", "fraction of card spend", "interchange earned on card spend"),
    _p("cost_teller", "25.00", "0", "500", CNY_EACH, "cost of a teller visit at a branch"),
    _p("cost_call_center", "8.00", "0", "500", CNY_EACH, "cost of a call-center contact"),
    _p("cost_online_banking", "0.30", "0", "50", CNY_EACH, "cost of an online-banking session or action"),
    _p("cost_atm", "3.00", "0", "50", CNY_EACH, "cost of an ATM transaction"),
    _p("cost_pos", "0.05", "0", "50", CNY_EACH, "cost of a POS transaction"),
    _p("cost_card", "0.10", "0", "50", CNY_EACH, "cost of a card authorisation or purchase"),
    _p("cost_rm_visit", "150.00", "0", "5000", CNY_EACH, "cost of a relationship manager's visit or call"),
    _p("fx_usd_cny", "7.1000", "5", "10", "CNY per USD", "fixed rate converting USD holdings to CNY"),
)
BY_NAME: dict[str, Parameter] = {p.name: p for p in PARAMETERS}

# Which channel's cost applies to an interaction (channels not listed cost nothing: sms, email).
CHANNEL_COST = {
    "teller": "cost_teller",
    "call_center": "cost_call_center",
    "online_banking": "cost_online_banking",
    "atm": "cost_atm",
    "pos": "cost_pos",
    "card": "cost_card",
    "rm_visit": "cost_rm_visit",
    "phone": "cost_rm_visit",
}
DEPOSIT_SPREAD = {
    "current": "ftp_spread_current",
    "savings": "ftp_spread_savings",
    "time_deposit": "ftp_spread_time_deposit",
}
LOAN_MARGIN = {"loan": "loan_margin_loan", "mortgage": "loan_margin_mortgage"}
INVESTMENT_CATEGORIES = ("wealth_product", "fund", "insurance")
DEPOSIT_CATEGORIES = tuple(DEPOSIT_SPREAD)
AUM_CATEGORIES = DEPOSIT_CATEGORIES + INVESTMENT_CATEGORIES


def defaults() -> dict[str, Decimal]:
    return {p.name: p.default for p in PARAMETERS}


def check_changes(changes: dict[str, object]) -> dict[str, Decimal]:
    """Validate a set of parameter changes; InvalidValue names the first bad one."""
    out: dict[str, Decimal] = {}
    for name in sorted(changes):
        parameter = BY_NAME.get(name)
        if parameter is None:
            raise InvalidValue(f"unknown parameter {name!r}", field=name)
        raw = changes[name]
        if isinstance(raw, bool | float) or not isinstance(raw, str | int | Decimal):
            raise InvalidValue(f"{name} must be a decimal string", field=name)
        try:
            value = Decimal(str(raw))
        except ArithmeticError:
            raise InvalidValue(f"{name} must be a decimal string", field=name) from None
        out[name] = parameter.check(value)
    return out
