"""Every error leaves as RFC 9457 problem+json, mapped here in one place."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.schemas.common import NO_CONTROL_CHARS, WRITTEN_LINE, WRITTEN_NOTE
from domain.errors import (
    CampaignNotActive,
    Conflict,
    CustomerHeldOut,
    DomainError,
    Forbidden,
    InsufficientFunds,
    InvalidValue,
    NotFound,
    StaleVersion,
)

log = logging.getLogger("bank_crm.api")

PROBLEM_JSON = "application/problem+json"

# Conflicts that software acting on the answer must tell apart have a problem type of their own (still 409): a
# call center's software says "the campaign is over" and "this customer is not to be offered it" differently.
CAMPAIGN_NOT_ACTIVE = "campaign-not-active"
CUSTOMER_HELD_OUT = "customer-held-out"
_CONFLICT_TYPES: dict[type[Conflict], tuple[str, str]] = {
    CampaignNotActive: (CAMPAIGN_NOT_ACTIVE, "Campaign not active"),
    CustomerHeldOut: (CUSTOMER_HELD_OUT, "Customer held out"),
}


class ApiProblem(Exception):
    """An error raised by the API layer itself (auth, preconditions) with its status and type."""

    def __init__(
        self,
        status: int,
        title: str,
        detail: str,
        *,
        slug: str,
        errors: list[dict[str, str]] | None = None,
        headers: dict[str, str] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.title = title
        self.detail = detail
        self.slug = slug
        self.errors = errors
        self.headers = headers
        self.extra = extra or {}


def problem(
    status: int,
    title: str,
    detail: str,
    *,
    slug: str,
    instance: str | None = None,
    errors: list[dict[str, str]] | None = None,
    headers: dict[str, str] | None = None,
    extra: dict[str, Any] | None = None,
) -> JSONResponse:
    body: dict[str, Any] = {"type": f"/problems/{slug}", "title": title, "status": status, "detail": detail}
    if instance:
        body["instance"] = instance
    if errors is not None:
        body["errors"] = errors
    if extra:
        body.update(extra)
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def field_path(loc: Sequence[str | int]) -> str:
    """('body', 'events', 3, 'amount') -> 'events[3].amount'; ('query', 'limit') -> 'limit'."""
    parts = list(loc)
    if parts and parts[0] in ("body", "query", "path", "header", "cookie"):
        where = parts.pop(0)
        if where == "header" and parts:
            return str(parts[0]).title()
    out = ""
    for p in parts:
        if isinstance(p, int):
            out += f"[{p}]"
        elif p.startswith("function-after[") or p.startswith("function-") or "[" in p and p.endswith("]"):
            continue  # pydantic validator wrappers add these to the location
        else:
            out += f".{p}" if out else p
    return out or "body"


# The free-text patterns of the schemas, said in words rather than as the regular expression.
_PATTERN_WORDS = {
    NO_CONTROL_CHARS: "must not contain control characters",
    NO_CONTROL_CHARS.replace("]*$", "]+$"): "must not contain control characters",
    WRITTEN_LINE: "write it out (not only spaces), on one line, without control characters",
    WRITTEN_NOTE: "write it out (not only spaces), without NUL characters",
}


def _clean_message(msg: str) -> str:
    for prefix in ("Value error, ", "Assertion failed, "):
        if msg.startswith(prefix):
            return msg[len(prefix) :]
    return msg


_HTTP_METHODS = {"get", "put", "post", "delete", "patch", "head", "options"}


def _allow_table(request: Request) -> list[tuple[re.Pattern[str], bool, set[str]]]:
    table = getattr(request.app.state, "allow_table", None)
    if table is None:
        table = []
        for path, operations in request.app.openapi().get("paths", {}).items():
            parts = re.split(r"\{[^}]+\}", path)
            pattern = re.compile("^" + "[^/]+".join(re.escape(part) for part in parts) + "$")
            table.append((pattern, len(parts) == 1, {m.upper() for m in operations if m in _HTTP_METHODS}))
        request.app.state.allow_table = table
    return table


def allowed_methods(request: Request) -> list[str]:
    """Every method the API serves at this path (Starlette names only the first route it tried).

    A literal path (/segments/preview) wins over a template that would also match it (/segments/{id}),
    as it does in routing.
    """
    matches = [
        (literal, methods) for pattern, literal, methods in _allow_table(request) if pattern.match(request.url.path)
    ]
    literal = [methods for is_literal, methods in matches if is_literal]
    found: set[str] = set().union(*(literal or [methods for _, methods in matches]))
    if "GET" in found:
        found.add("HEAD")
    return sorted(found)


def method_not_allowed(request: Request, allowed: list[str]) -> JSONResponse:
    return problem(
        405,
        "Method not allowed",
        f"{request.method} is not served here; use {', '.join(allowed)}",
        slug="method-not-allowed",
        instance=request.url.path,
        headers={"Allow": ", ".join(allowed)},
    )


# PostgreSQL's codes for a statement cancelled by statement_timeout (query_canceled) and for lock_timeout.
_TIMEOUT_SQLSTATES = frozenset({"57014", "55P03"})


def _database_timed_out(exc: BaseException) -> bool:
    """The database cancelled a statement that ran or waited too long (the hot read's statement_timeout):
    raised by asyncpg directly, or wrapped by SQLAlchemy (`orig`) and its adapter (`__cause__`)."""
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        e = todo.pop()
        if e is None or id(e) in seen:
            continue
        seen.add(id(e))
        if getattr(e, "sqlstate", None) in _TIMEOUT_SQLSTATES or getattr(e, "pgcode", None) in _TIMEOUT_SQLSTATES:
            return True
        orig = getattr(e, "orig", None)
        todo += [orig if isinstance(orig, BaseException) else None, e.__cause__, e.__context__]
    return False


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        # POST /feeds/quarantine reaches POST /feeds/{channel} and fails on `channel`; but that path is a
        # resource of its own that does not take POST: say so (405) rather than blame the path parameter.
        allowed = allowed_methods(request)
        if allowed and request.method not in allowed and any(e.get("loc", ("",))[0] == "path" for e in exc.errors()):
            return method_not_allowed(request, allowed)
        errors = []
        for e in exc.errors():
            if e.get("type") == "json_invalid":
                errors.append({"field": "body", "message": "the body is not valid JSON"})
                continue
            field = field_path(e.get("loc", ()))
            message = _clean_message(str(e.get("msg", "invalid")))
            if e.get("type") == "string_pattern_mismatch":
                message = _PATTERN_WORDS.get(str((e.get("ctx") or {}).get("pattern")), message)
            if e.get("type") == "extra_forbidden":
                message = "unknown field"
            errors.append({"field": field, "message": message})
        first = errors[0] if errors else {"field": "body", "message": "invalid"}
        return problem(
            422,
            "Invalid input",
            f"{first['field']}: {first['message']}" + (f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""),
            slug="validation-error",
            instance=request.url.path,
            errors=errors,
        )

    @app.exception_handler(ApiProblem)
    async def _api_problem(request: Request, exc: ApiProblem) -> JSONResponse:
        return problem(
            exc.status,
            exc.title,
            exc.detail,
            slug=exc.slug,
            instance=request.url.path,
            errors=exc.errors,
            headers=exc.headers,
            extra=exc.extra,
        )

    @app.exception_handler(DomainError)
    async def _domain(request: Request, exc: DomainError) -> JSONResponse:
        errors = [{"field": exc.field, "message": exc.message}] if exc.field else None
        path = request.url.path
        if isinstance(exc, NotFound):
            return problem(404, "Not found", exc.message, slug="not-found", instance=path, errors=errors)
        if isinstance(exc, StaleVersion):
            return problem(
                412,
                "Precondition failed",
                exc.message + "; read it again and reapply your change",
                slug="stale-version",
                instance=path,
                errors=errors,
                extra={"current_version": exc.actual},
            )
        if isinstance(exc, Forbidden):
            return problem(403, "Forbidden", exc.message, slug="forbidden", instance=path, errors=errors)
        if isinstance(exc, Conflict):
            slug, title = _CONFLICT_TYPES.get(type(exc), ("conflict", "Conflict"))
            return problem(409, title, exc.message, slug=slug, instance=path, errors=errors)
        if isinstance(exc, InsufficientFunds | InvalidValue):
            return problem(
                422,
                "Invalid input",
                exc.message,
                slug="validation-error",
                instance=path,
                errors=errors or [{"field": "body", "message": exc.message}],
            )
        return problem(400, "Bad request", exc.message, slug="bad-request", instance=path, errors=errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 400 and "parsing the body" in str(exc.detail):
            return problem(
                422,
                "Invalid input",
                "the body could not be read as JSON (UTF-8)",
                slug="validation-error",
                instance=request.url.path,
                errors=[{"field": "body", "message": "not valid JSON"}],
            )
        headers = dict(getattr(exc, "headers", None) or {})
        if exc.status_code == 405:
            headers["Allow"] = ", ".join(allowed_methods(request) or ["GET", "HEAD"])
        titles = {404: "Not found", 405: "Method not allowed", 401: "Unauthorized", 403: "Forbidden"}
        return problem(
            exc.status_code,
            titles.get(exc.status_code, "Error"),
            str(exc.detail),
            slug={404: "not-found", 405: "method-not-allowed"}.get(exc.status_code, "http-error"),
            instance=request.url.path,
            headers=headers or None,
        )

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        if _database_timed_out(exc):
            log.warning("the database did not answer %s %s in time: %s", request.method, request.url.path, exc)
            return problem(
                503,
                "Database busy",
                "the database did not answer in time (a statement ran or waited for a lock too long); "
                "nothing was changed, retry shortly",
                slug="database-timeout",
                instance=request.url.path,
                headers={"Retry-After": "1"},
            )
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return problem(
            500,
            "Internal error",
            "an unexpected error occurred; it has been logged",
            slug="internal-error",
            instance=request.url.path,
        )
