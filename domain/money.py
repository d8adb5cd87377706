"""Money: an exact Decimal amount with its ISO 4217 currency."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

from domain.errors import InvalidValue

# Active ISO 4217 codes with their minor units (exponent). Codes absent here are refused.
_MINOR_UNITS: dict[str, int] = {
    "AED": 2,
    "AFN": 2,
    "ALL": 2,
    "AMD": 2,
    "ANG": 2,
    "AOA": 2,
    "ARS": 2,
    "AUD": 2,
    "AWG": 2,
    "AZN": 2,
    "BAM": 2,
    "BBD": 2,
    "BDT": 2,
    "BGN": 2,
    "BHD": 3,
    "BIF": 0,
    "BMD": 2,
    "BND": 2,
    "BOB": 2,
    "BRL": 2,
    "BSD": 2,
    "BTN": 2,
    "BWP": 2,
    "BYN": 2,
    "BZD": 2,
    "CAD": 2,
    "CDF": 2,
    "CHF": 2,
    "CLP": 0,
    "CNY": 2,
    "COP": 2,
    "CRC": 2,
    "CUP": 2,
    "CVE": 2,
    "CZK": 2,
    "DJF": 0,
    "DKK": 2,
    "DOP": 2,
    "DZD": 2,
    "EGP": 2,
    "ERN": 2,
    "ETB": 2,
    "EUR": 2,
    "FJD": 2,
    "FKP": 2,
    "GBP": 2,
    "GEL": 2,
    "GHS": 2,
    "GIP": 2,
    "GMD": 2,
    "GNF": 0,
    "GTQ": 2,
    "GYD": 2,
    "HKD": 2,
    "HNL": 2,
    "HTG": 2,
    "HUF": 2,
    "IDR": 2,
    "ILS": 2,
    "INR": 2,
    "IQD": 3,
    "IRR": 2,
    "ISK": 0,
    "JMD": 2,
    "JOD": 3,
    "JPY": 0,
    "KES": 2,
    "KGS": 2,
    "KHR": 2,
    "KMF": 0,
    "KPW": 2,
    "KRW": 0,
    "KWD": 3,
    "KYD": 2,
    "KZT": 2,
    "LAK": 2,
    "LBP": 2,
    "LKR": 2,
    "LRD": 2,
    "LSL": 2,
    "LYD": 3,
    "MAD": 2,
    "MDL": 2,
    "MGA": 2,
    "MKD": 2,
    "MMK": 2,
    "MNT": 2,
    "MOP": 2,
    "MRU": 2,
    "MUR": 2,
    "MVR": 2,
    "MWK": 2,
    "MXN": 2,
    "MYR": 2,
    "MZN": 2,
    "NAD": 2,
    "NGN": 2,
    "NIO": 2,
    "NOK": 2,
    "NPR": 2,
    "NZD": 2,
    "OMR": 3,
    "PAB": 2,
    "PEN": 2,
    "PGK": 2,
    "PHP": 2,
    "PKR": 2,
    "PLN": 2,
    "PYG": 0,
    "QAR": 2,
    "RON": 2,
    "RSD": 2,
    "RUB": 2,
    "RWF": 0,
    "SAR": 2,
    "SBD": 2,
    "SCR": 2,
    "SDG": 2,
    "SEK": 2,
    "SGD": 2,
    "SHP": 2,
    "SLE": 2,
    "SOS": 2,
    "SRD": 2,
    "SSP": 2,
    "STN": 2,
    "SVC": 2,
    "SYP": 2,
    "SZL": 2,
    "THB": 2,
    "TJS": 2,
    "TMT": 2,
    "TND": 3,
    "TOP": 2,
    "TRY": 2,
    "TTD": 2,
    "TWD": 2,
    "TZS": 2,
    "UAH": 2,
    "UGX": 0,
    "USD": 2,
    "UYU": 2,
    "UZS": 2,
    "VES": 2,
    "VND": 0,
    "VUV": 0,
    "WST": 2,
    "XAF": 0,
    "XCD": 2,
    "XOF": 0,
    "XPF": 0,
    "YER": 2,
    "ZAR": 2,
    "ZMW": 2,
    "ZWG": 2,
}

CURRENCIES: frozenset[str] = frozenset(_MINOR_UNITS)

# Amounts are kept to 4 decimal places in storage; anything finer is refused rather than rounded away.
STORAGE_SCALE = 4
MAX_ABS_AMOUNT = Decimal("1e15")


def check_currency(code: str, field: str = "currency") -> str:
    """Return the code if it is an active ISO 4217 currency, else raise InvalidValue."""
    if code not in _MINOR_UNITS:
        raise InvalidValue(f"{code!r} is not an ISO 4217 currency code", field=field)
    return code


def minor_units(currency: str) -> int:
    """The number of decimal places the currency uses (2 for CNY, 0 for JPY)."""
    return _MINOR_UNITS[check_currency(currency)]


def parse_amount(value: object, field: str = "amount") -> Decimal:
    """Parse a decimal string (or Decimal/int) into a Decimal; floats are refused to keep money exact."""
    if isinstance(value, bool | float):
        raise InvalidValue("money must be a decimal string, not a float", field=field)
    if isinstance(value, Decimal):
        amount = value
    elif isinstance(value, int | str):
        try:
            amount = Decimal(str(value).strip())
        except InvalidOperation:
            raise InvalidValue(f"{value!r} is not a decimal amount", field=field) from None
    else:
        raise InvalidValue("money must be a decimal string", field=field)
    if not amount.is_finite():
        raise InvalidValue("amount must be finite", field=field)
    if abs(amount) >= MAX_ABS_AMOUNT:
        raise InvalidValue("amount is out of range", field=field)
    exponent = amount.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -STORAGE_SCALE:
        raise InvalidValue(f"amount has more than {STORAGE_SCALE} decimal places", field=field)
    return amount


@dataclass(frozen=True, slots=True)
class Money:
    """An amount in one currency. Arithmetic across currencies is refused."""

    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        check_currency(self.currency)
        if not isinstance(self.amount, Decimal):
            raise InvalidValue("Money.amount must be a Decimal", field="amount")

    @classmethod
    def of(cls, amount: object, currency: str) -> Money:
        return cls(parse_amount(amount), check_currency(currency))

    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(Decimal(0), currency)

    def _same(self, other: Money) -> None:
        if other.currency != self.currency:
            raise InvalidValue(f"cannot combine {self.currency} with {other.currency}", field="currency")

    def __add__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.amount - other.amount, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.amount, self.currency)

    def __lt__(self, other: Money) -> bool:
        self._same(other)
        return self.amount < other.amount

    def is_negative(self) -> bool:
        return self.amount < 0

    def rounded(self) -> Money:
        """The amount rounded (banker's rounding) to the currency's minor units."""
        quantum = Decimal(1).scaleb(-minor_units(self.currency))
        return Money(self.amount.quantize(quantum, rounding=ROUND_HALF_EVEN), self.currency)

    def as_str(self) -> str:
        """The JSON form: a plain decimal string with the currency's minor units ("1234.50")."""
        return format_amount(self.amount, self.currency)


def format_amount(amount: Decimal, currency: str) -> str:
    """Format an amount with at least the currency's minor units, never in exponent notation."""
    places = minor_units(currency)
    exponent = amount.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > places:
        # keep finer precision the source gave us (stored to 4 places), trimmed of trailing zeros
        text = format(amount.normalize(), "f")
        if "." in text and len(text.split(".")[1]) >= places:
            return text
    return format(amount.quantize(Decimal(1).scaleb(-places)), "f")
