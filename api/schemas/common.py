"""Shared schema pieces: problems, pages, money."""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Query
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer, WithJsonSchema

from domain.money import CURRENCIES

T = TypeVar("T")

# Free text from users: no control characters (PostgreSQL refuses NUL in text, and nobody types them).
NO_CONTROL_CHARS = r"^[^\x00-\x1f\x7f]*$"
# The query parameters of every paged list.
Limit = Annotated[int, Query(ge=1, le=500, description="Page size (default 50, max 500)")]
Cursor = Annotated[
    str | None, Query(max_length=512, pattern=NO_CONTROL_CHARS, description="next_cursor of the previous page")
]

# A line of text someone must write: no control characters, and not only spaces.
WRITTEN_LINE = r"^[^\x00-\x1f\x7f]*[^\s\x00-\x1f\x7f][^\x00-\x1f\x7f]*$"
# A note of one or more lines someone must write: no NUL, and not only spaces.
WRITTEN_NOTE = r"^[^\x00]*[^\s\x00][^\x00]*$"


def money_text(amount: Decimal) -> str:
    """At least two decimals, more only where they carry value: Decimal("50.0000") -> "50.00"."""
    text = format(amount.quantize(Decimal("0.01")) if amount == amount.quantize(Decimal("0.01")) else amount, "f")
    if "." in text:
        head, tail = text.split(".")
        tail = tail.rstrip("0").ljust(2, "0")
        return f"{head}.{tail}"
    return f"{text}.00"


def decimal_text(value: Decimal) -> str:
    """A plain decimal without trailing zeros: Decimal("0.015000") -> "0.015"."""
    text = format(value.normalize(), "f")
    return text if "." in text or "E" in text else text


# Money leaves as a decimal string, never a JSON number.
MoneyStr = Annotated[
    Decimal,
    PlainSerializer(money_text, return_type=str, when_used="json"),
    WithJsonSchema({"type": "string", "format": "decimal", "examples": ["1234.50"]}, mode="serialization"),
]
# Other exact decimals (rates): a string without trailing zeros.
DecimalStr = Annotated[
    Decimal,
    PlainSerializer(decimal_text, return_type=str, when_used="json"),
    WithJsonSchema({"type": "string", "format": "decimal", "examples": ["0.0175"]}, mode="serialization"),
]


# Money in requests: a decimal string, at most 15 integer digits and 4 decimals (the storage scale).
AMOUNT_PATTERN = r"^-?[0-9]{1,15}(\.[0-9]{1,4})?$"
NON_NEGATIVE_AMOUNT_PATTERN = r"^[0-9]{1,15}(\.[0-9]{1,4})?$"


def decimal_string(pattern: str, example: str, description: str | None = None) -> Any:
    """A Decimal that arrives only as a JSON string matching `pattern` (money is never a JSON number)."""
    rx = re.compile(pattern)

    def check(value: object) -> object:
        if not isinstance(value, str) or not rx.match(value):
            raise ValueError(f'must be a decimal string such as "{example}"')
        return value

    schema: dict[str, Any] = {"type": "string", "pattern": pattern, "examples": [example]}
    if description:
        schema["description"] = description
    return Annotated[Decimal, BeforeValidator(check), WithJsonSchema(schema)]


AmountIn = decimal_string(AMOUNT_PATTERN, "1234.50")
NonNegativeAmountIn = decimal_string(NON_NEGATIVE_AMOUNT_PATTERN, "50000.00")
CurrencyCode = StrEnum("CurrencyCode", {code: code for code in sorted(CURRENCIES)})  # type: ignore[misc]


RFC3339 = (
    r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[Tt ]([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]"
    r"(\.[0-9]{1,6})?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$"
)
_RFC3339 = re.compile(RFC3339)


def _rfc3339(value: object) -> object:
    # Query values arrive as text; without this, pydantic would read "1182" as a Unix timestamp.
    if isinstance(value, datetime):
        return value
    if not isinstance(value, str) or not _RFC3339.match(value):
        raise ValueError("must be an RFC 3339 time with a UTC offset, e.g. 2026-11-23T09:30:00+08:00")
    return value


# A point in time given as RFC 3339 with an offset (naive times are refused: which zone would they be in?).
TimeWithOffset = Annotated[
    datetime,
    BeforeValidator(_rfc3339),
    WithJsonSchema(
        {"type": "string", "format": "date-time", "pattern": RFC3339, "examples": ["2026-11-23T09:30:00+08:00"]}
    ),
]


class StrictModel(BaseModel):
    """Request bodies refuse fields they do not know."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)


class ProblemFieldError(BaseModel):
    field: str = Field(examples=["phones[0]"])
    message: str = Field(examples=["'123' is not an E.164 phone number"])


class Problem(BaseModel):
    """RFC 9457 problem details."""

    type: str = Field(examples=["/problems/validation-error"])
    title: str
    status: int
    detail: str
    instance: str | None = None
    errors: list[ProblemFieldError] | None = None

    model_config = ConfigDict(extra="allow")


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None = Field(description="Pass as ?cursor= for the next page; null at the end.")


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    descriptions = {
        400: "Bad request",
        401: "No or invalid credentials",
        403: "The credentials lack the role or scope",
        404: "Not found, or outside the caller's scope",
        409: "Conflicts with existing data",
        412: "The If-Match version is stale",
        422: "Invalid input; `errors` names each field",
        428: "If-Match is required",
        429: "Too many requests",
        503: "Not ready",
    }
    return {
        s: {"model": Problem, "description": descriptions[s], "content": {"application/problem+json": {}}}
        for s in statuses
    }


AUTH_ERRORS = (401, 403, 422)


class CustomerRefOut(BaseModel):
    """The customer an alert or a case is about, named as the workbench shows them."""

    id: uuid.UUID
    customer_number: str
    display_name: str


def customer_ref(
    customer_id: uuid.UUID, customer_number: str, name_zh: str | None, name_latin: str | None
) -> CustomerRefOut:
    name = name_zh and name_latin and f"{name_zh} ({name_latin})" or name_zh or name_latin
    return CustomerRefOut(id=customer_id, customer_number=customer_number, display_name=name or "")


def _not_bool_or_text(value: Any) -> Any:
    if isinstance(value, bool | str):
        raise ValueError("must be a whole number")
    return value


# After an int's Field (so its bounds stay in the schema): a JSON integer as JSON Schema means it (2 and 2.0
# alike), without the lax reading that takes true as 1 or "2" as 2.
WHOLE_NUMBER = BeforeValidator(_not_bool_or_text)
