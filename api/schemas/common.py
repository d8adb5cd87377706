"""Shared schema pieces: problems, pages, money."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Generic, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PlainSerializer, StringConstraints

from domain.money import CURRENCIES

T = TypeVar("T")

# Free text from users: no control characters (PostgreSQL refuses NUL in text, and nobody types them).
NO_CONTROL_CHARS = r"^[^\x00-\x1f\x7f]*$"

# Money leaves as a decimal string, never a JSON number.
MoneyStr = Annotated[
    Decimal,
    PlainSerializer(lambda d: format(d, "f"), return_type=str, when_used="json"),
    Field(json_schema_extra={"type": "string", "format": "decimal", "examples": ["1234.50"]}),
]


# Money in requests: a decimal string, at most 15 integer digits and 4 decimals (the storage scale).
AMOUNT_PATTERN = r"^-?[0-9]{1,15}(\.[0-9]{1,4})?$"
NON_NEGATIVE_AMOUNT_PATTERN = r"^[0-9]{1,15}(\.[0-9]{1,4})?$"


def _to_decimal(value: str) -> Decimal:
    return Decimal(value)


AmountIn = Annotated[
    str,
    StringConstraints(pattern=AMOUNT_PATTERN),
    AfterValidator(_to_decimal),
    Field(examples=["1234.50"]),
]
NonNegativeAmountIn = Annotated[
    str,
    StringConstraints(pattern=NON_NEGATIVE_AMOUNT_PATTERN),
    AfterValidator(_to_decimal),
    Field(examples=["50000.00"]),
]
CurrencyCode = StrEnum("CurrencyCode", {code: code for code in sorted(CURRENCIES)})  # type: ignore[misc]


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
