"""Shared schema pieces: problems, pages, money."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer

T = TypeVar("T")

# Money leaves as a decimal string, never a JSON number.
MoneyStr = Annotated[
    Decimal,
    PlainSerializer(lambda d: format(d, "f"), return_type=str, when_used="json"),
    Field(json_schema_extra={"type": "string", "format": "decimal", "examples": ["1234.50"]}),
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
