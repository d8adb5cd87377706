"""FastAPI dependencies: the container, units of work and the calling principal."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from datetime import timedelta
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Request
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.container import Container
from adapters.db import accounts
from adapters.db.engine import writer
from adapters.security import TokenError, api_key_matches, read_token, split_api_key
from api.errors import ApiProblem
from domain.access import Principal, Role, Scope

log = logging.getLogger("bank_crm.api")

_bearer = HTTPBearer(auto_error=False, description="An access token from POST /api/v1/auth/token")
_api_key = APIKeyHeader(name="X-API-Key", auto_error=False, description="A system's API key")


async def get_container(request: Request) -> Container:  # async: a plain def would run in a worker thread
    container: Container = request.app.state.container
    return container


ContainerDep = Annotated[Container, Depends(get_container)]


def unauthorized(detail: str) -> ApiProblem:
    return ApiProblem(401, "Unauthorized", detail, slug="unauthorized", headers={"WWW-Authenticate": "Bearer"})


def forbidden(detail: str) -> ApiProblem:
    return ApiProblem(403, "Forbidden", detail, slug="forbidden")


# --- one connection per request (opt-in per route) ------------------------------------------------------------

_SHARES = "_crm_shares_request_connection"
_CONN = "request_connection"
F = TypeVar("F", bound=Callable[..., Any])


def shares_request_connection(endpoint: F) -> F:
    """Mark a route whose authentication and own reads use one pooled connection (see `request_connection`).

    For short read routes on the hot path (the call-center context): one checkout instead of two. The route
    must end with `release_request_connection` (or let the audit middleware release it when it fails).
    Streams and writers keep their own connections: a stream must not hold one for its whole life.
    """
    setattr(endpoint, _SHARES, True)
    return endpoint


def _shares(request: Request) -> bool:
    return bool(getattr(getattr(request.scope.get("route"), "endpoint", None), _SHARES, False))


async def request_connection(request: Request, container: Container) -> AsyncConnection:
    """This request's connection, checked out on first use and kept in the request's state."""
    conn: AsyncConnection | None = request.scope.setdefault("state", {}).get(_CONN)
    if conn is None:
        conn = await container.hot_engine.connect()  # the hot read pool (generic plans) on PostgreSQL
        request.scope["state"][_CONN] = conn
    return conn


async def release_request_connection(state: dict[str, Any]) -> None:
    """Return the request's connection to the pool (rolling back whatever it left open); idempotent."""
    conn: AsyncConnection | None = state.pop(_CONN, None)
    if conn is not None:
        try:
            await conn.close()
        except Exception:  # a broken connection: the pool has invalidated it; the answer stands
            log.warning("could not return the request's connection to the pool", exc_info=True)


# An API key's last-used time is written at most this often, so a busy partner does not turn reads into writes.
LAST_USED_EVERY = timedelta(minutes=1)


async def get_principal(
    request: Request,
    container: ContainerDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    api_key: Annotated[str | None, Depends(_api_key)],
) -> Principal:
    """The caller, authenticated once per request (kept in request.state for the audit log)."""
    cached: Principal | None = getattr(request.state, "principal", None)
    if cached is not None:
        return cached
    principal = await _authenticate(request, container, credentials, api_key)
    request.state.principal = principal
    return principal


async def _reader(request: Request, container: Container) -> AsyncConnection:
    """The connection to authenticate on: the request's shared one for routes that share it, else a fresh one."""
    if _shares(request):
        return await request_connection(request, container)
    return await container.engine.connect()


async def _authenticate(
    request: Request, container: Container, credentials: HTTPAuthorizationCredentials | None, api_key: str | None
) -> Principal:
    """No cache of users or keys: a disabled user or a revoked key is refused on its very next request, by
    every server process. (With one connection per request the lookup is one indexed round trip.)"""
    settings = container.settings
    if credentials is not None:
        try:
            claims = read_token(credentials.credentials, secret=settings.jwt_secret, algorithm=settings.jwt_algorithm)
        except TokenError:
            raise unauthorized("the access token is invalid or expired") from None
        conn = await _reader(request, container)
        try:
            user = await accounts.get_user(conn, claims.user_id)
        finally:
            if not _shares(request):
                await conn.close()
        if user is None or not user.active:
            raise unauthorized("the user no longer exists or is disabled")
        return Principal(
            subject=user.username, kind="user", role=Role(user.role), user_id=user.id, branch=user.branch_code
        )
    if api_key is not None:
        prefix = split_api_key(api_key)
        if prefix is None:
            raise unauthorized("the API key is malformed")
        conn = await _reader(request, container)
        try:
            row = await accounts.get_api_key(conn, prefix)
        finally:
            if not _shares(request):
                await conn.close()
        if row is None or row.revoked_at is not None or not api_key_matches(api_key, row.key_hash):
            raise unauthorized("the API key is unknown or revoked")
        now = container.clock.now()
        if row.last_used_at is None or now - row.last_used_at >= LAST_USED_EVERY:
            # Never hold one connection while waiting for another (many requests doing so at once would starve
            # the pool): give the shared one back first; the route checks out a fresh one when it needs it.
            await release_request_connection(request.scope.setdefault("state", {}))
            async with writer(container.engine).begin() as conn:
                await accounts.touch_api_key(conn, row.id, now)
        return Principal(subject=f"key:{row.name}", kind="api_key", scopes=frozenset(row.scopes))
    raise unauthorized("send Authorization: Bearer <token> or X-API-Key")


PrincipalDep = Annotated[Principal, Depends(get_principal)]


async def get_person(principal: PrincipalDep) -> Principal:
    """Routes for people (the SPA): an API key is refused with 403."""
    if not principal.is_person:
        raise forbidden("this route is for signed-in users, not API keys")
    return principal


PersonDep = Annotated[Principal, Depends(get_person)]


def require_scope(scope: Scope, *roles: Role) -> object:
    """A dependency admitting a key with `scope`, or a user with one of `roles`."""

    async def _check(principal: PrincipalDep) -> Principal:
        if principal.is_person:
            if principal.role in roles:
                return principal
            raise forbidden(f"role {principal.role} may not use this route")
        if principal.has_scope(scope):
            return principal
        raise forbidden(f"the API key lacks the {scope.value} scope")

    return Depends(_check)


def parse_uuid(value: str, field: str = "id") -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError:
        raise ApiProblem(404, "Not found", f"{field} {value!r} is not a known id", slug="not-found") from None
