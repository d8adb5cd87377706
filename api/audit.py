"""Auditing every exchange that touches customer data, and `GET /api/v1/audit` to read the log.

How a route gets audited (see also docs in `api/access_policy.py`):

* Nothing to do for a route with a `{customer_id}` path parameter: `AuditMiddleware` records every person's
  read of it, every change by anyone, and every refusal (401, 403, and 404 for a customer outside scope),
  with the route's operation_id as the view and the status as the outcome.
* A route that shows customers without naming one in its path (a search, the call-center context) calls
  `annotate(request, customer_ids=[...])` before returning; the middleware writes that as the one entry.
* A hot read route that shares one connection per request (`api.deps.shares_request_connection`) may
  instead call `await commit_entry(request, container)` once its answer is decided: the same entry, committed
  before the response is sent (on PostgreSQL together with the other reads in flight); the middleware then
  writes none for it (and still writes the entry of a request that fails after all).
* `await record(container, principal, request, ...)` writes an entry at once, in its own transaction (for
  background work or several entries per request). Do not call it while holding a SQLite write transaction.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from adapters.container import Container
from adapters.db import audit as audit_db
from api.deps import ContainerDep, PrincipalDep, forbidden, release_request_connection
from api.errors import ApiProblem
from api.schemas.common import NO_CONTROL_CHARS, Page, TimeWithOffset, problem_responses
from domain.access import Principal, Role
from domain.audit import Actor, AuditAction, AuditEntry, action_for

log = logging.getLogger("bank_crm.audit")

_NOTE = "audit_note"
_WRITTEN = "audit_written"
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")


@dataclass
class AuditNote:
    """What a route adds to the entry the middleware writes for its request."""

    action: AuditAction | None = None
    customer_ids: list[uuid.UUID] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)
    detail: dict[str, Any] = field(default_factory=dict)
    actor: Actor | None = None


def annotate(
    request: Request,
    *,
    action: AuditAction | None = None,
    customer_ids: Iterable[uuid.UUID] = (),
    fields: Iterable[str] = (),
    detail: dict[str, Any] | None = None,
    actor: Actor | None = None,
) -> None:
    """Add to this request's audit entry (written by AuditMiddleware with the final status)."""
    note: AuditNote | None = getattr(request.state, _NOTE, None)
    if note is None:
        note = AuditNote()
        setattr(request.state, _NOTE, note)
    if action is not None:
        note.action = action
    note.customer_ids.extend(customer_ids)
    note.fields.extend(f for f in fields if f not in note.fields)
    note.detail.update(detail or {})
    if actor is not None:
        note.actor = actor


def _view_of(scope: Scope) -> str:
    route = scope.get("route")
    return str(getattr(route, "operation_id", None) or getattr(route, "name", None) or "unmatched")


def _ip_of(scope: Scope) -> str | None:
    client = scope.get("client")
    return str(client[0]) if client else None


async def record(
    container: Container,
    principal: Principal | None,
    request: Request,
    *,
    action: AuditAction,
    customer_ids: Iterable[uuid.UUID] = (),
    view: str | None = None,
    fields: Iterable[str] = (),
    detail: dict[str, Any] | None = None,
    outcome: int = 200,
) -> None:
    """Write one audit entry now, in its own short transaction."""
    scope = request.scope
    await audit_db.append_now(
        container.engine,
        AuditEntry(
            at=container.clock.now(),
            actor=Actor.of(principal),
            action=action,
            view=view or _view_of(scope),
            outcome=outcome,
            customer_ids=tuple(customer_ids),
            fields=tuple(fields),
            detail=detail or {},
            ip=_ip_of(scope),
            request_id=scope.get("state", {}).get("request_id"),
            method=scope.get("method"),
            path=scope.get("path"),
        ),
    )


async def commit_entry(request: Request, container: Container) -> None:
    """Write this request's entry (as a 200) and commit it, now, before the response is built and sent.

    The request's connection goes back to the pool first (its reads are done; never hold one connection while
    waiting for another). On PostgreSQL the entry is then committed together with those of the other requests in
    flight (`AuditGroupWriter`: group commit); on SQLite in a short IMMEDIATE transaction of its own. Either way it
    is durable before the response leaves. Should it fail, the middleware tries again with its own transaction at
    the response's start, as for any other route.
    """
    state = request.scope.setdefault("state", {})
    entry = _entry_for(request.scope, 200, container.clock.now())
    try:
        await release_request_connection(state)
        if entry is not None:
            if container.audit_writer is not None:
                await container.audit_writer.append(entry)
            else:
                await audit_db.append_now(container.engine, entry)
    except Exception:
        log.exception("could not write the audit entry of the request; the middleware retries")
        return
    state[_WRITTEN] = True


def _entry_for(scope: Scope, status: int, now: datetime) -> AuditEntry | None:
    """The entry an exchange deserves, or None (health checks, product lists, a system's reads...)."""
    state: dict[str, Any] = scope.get("state", {})
    note: AuditNote | None = state.get(_NOTE)
    principal: Principal | None = state.get("principal")
    route = scope.get("route")
    path_params: dict[str, Any] = scope.get("path_params", {})
    customer_route = route is not None and "customer_id" in path_params
    method = str(scope.get("method", "GET"))
    if route is None and status not in (401, 403):
        return None
    if note is not None and note.action in (AuditAction.LOGIN, AuditAction.LOGIN_FAILED):
        action: AuditAction | None = note.action
    elif status == 429:
        return None  # rate-limited: counted in metrics, not audited one by one
    else:
        action = action_for(
            method, status, person=principal is not None and principal.is_person, customer_route=customer_route
        )
        if action is not AuditAction.DENIED and note is not None and note.action is not None:
            action = note.action
        if action is None and note is not None and note.customer_ids and principal is not None:
            action = AuditAction.READ if principal.is_person else None
    if action is None:
        return None
    customer_ids = list(note.customer_ids) if note else []
    if customer_route:
        try:
            cid = uuid.UUID(str(path_params["customer_id"]))
            if cid not in customer_ids:
                customer_ids.insert(0, cid)
        except ValueError:
            pass
    actor = note.actor if note is not None and note.actor is not None else Actor.of(principal)
    return AuditEntry(
        at=now,
        actor=actor,
        action=action,
        view=_view_of(scope),
        outcome=status,
        customer_ids=tuple(customer_ids),
        fields=tuple(note.fields) if note else (),
        detail=dict(note.detail) if note else {},
        ip=_ip_of(scope),
        request_id=state.get("request_id"),
        method=method,
        path=str(scope.get("path", ""))[:512],
    )


class AuditMiddleware:
    """Writes the audit entry of each exchange before its response leaves, so nothing unaudited is seen.

    Also gives each request an id (X-Request-ID: the caller's if well-formed, else a new one).
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        state = scope.setdefault("state", {})
        incoming = dict(scope.get("headers") or []).get(b"x-request-id", b"").decode("latin-1")
        request_id = incoming if _REQUEST_ID.match(incoming) else uuid.uuid4().hex
        state["request_id"] = request_id
        written = False

        async def write(status: int) -> None:
            nonlocal written
            if written:
                return
            written = True
            await release_request_connection(state)  # before checking out another for the entry
            if state.get(_WRITTEN):
                return  # the route committed its entry already (commit_entry)
            app = scope.get("app")
            container: Container | None = getattr(getattr(app, "state", None), "container", None)
            if container is None:
                return
            entry = _entry_for(scope, status, container.clock.now())
            if entry is None:
                return
            try:
                await audit_db.append_now(container.engine, entry)
            except Exception:  # an audit failure must be loud, but must not hide the answer already decided
                log.exception("could not write the audit entry for %s %s", scope.get("method"), scope.get("path"))

        async def send_audited(message: Message) -> None:
            if message["type"] == "http.response.start":
                await write(int(message["status"]))
                headers = list(message.get("headers", []))
                headers.append((b"x-request-id", request_id.encode()))
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, send_audited)
        except Exception:
            await write(500)
            raise
        finally:
            await release_request_connection(state)


router = APIRouter(prefix="/api/v1/audit", tags=["audit"])


class AuditCustomerOut(BaseModel):
    id: uuid.UUID
    customer_number: str | None = Field(description="None when the customer is no longer on record")


class AuditEntryOut(BaseModel):
    id: int
    at: datetime
    actor_kind: str = Field(description="user, api_key or anonymous")
    actor: str = Field(description="The username, or key:<name> for an API key")
    actor_id: str | None
    role: str | None
    action: str = Field(description="read, reveal, change, denied, login, login_failed or audit_read")
    view: str = Field(description="The route's operation_id", examples=["customers-get"])
    method: str | None
    path: str | None
    customer_ids: list[uuid.UUID]
    customers: list[AuditCustomerOut] = Field(description="The same customers with their numbers, in that order")
    fields: list[str]
    detail: dict[str, Any]
    ip: str | None
    outcome: int = Field(description="The HTTP status answered", examples=[200])
    request_id: str | None


def _aware(name: str, value: datetime | None) -> None:
    if value is not None and value.tzinfo is None:
        raise ApiProblem(
            422,
            "Invalid input",
            f"{name} needs a UTC offset",
            slug="validation-error",
            errors=[{"field": name, "message": "time must carry a UTC offset (RFC 3339)"}],
        )


@router.get(
    "",
    operation_id="audit-list",
    response_model=Page[AuditEntryOut],
    responses=problem_responses(401, 403, 422, 429),
    summary="Read the audit log, newest first (auditors and admins); the read is itself audited",
)
async def list_audit(
    request: Request,
    container: ContainerDep,
    principal: PrincipalDep,
    customer_id: Annotated[uuid.UUID | None, Query(description="Entries about this customer")] = None,
    customer_number: Annotated[
        str | None,
        Query(
            min_length=4,
            max_length=32,
            pattern=r"^[A-Z0-9][A-Z0-9-]{3,31}$",
            description="Entries about the customer with this number (with `customer_id` too: only if it is theirs)",
        ),
    ] = None,
    actor: Annotated[
        str | None, Query(max_length=160, pattern=NO_CONTROL_CHARS, description="Username, or key:<name>")
    ] = None,
    action: Annotated[AuditAction | None, Query(description="Only this action")] = None,
    since: Annotated[TimeWithOffset | None, Query(description="From this time (RFC 3339 with offset)")] = None,
    until: Annotated[TimeWithOffset | None, Query(description="Before this time (RFC 3339 with offset)")] = None,
    limit: Annotated[int, Query(ge=1, le=500, description="Page size (default 50, max 500)")] = 50,
    cursor: Annotated[
        str | None, Query(max_length=512, pattern=NO_CONTROL_CHARS, description="next_cursor of the previous page")
    ] = None,
) -> Page[AuditEntryOut]:
    if principal.role not in (Role.AUDITOR, Role.ADMIN) or not principal.is_person:
        raise forbidden("only auditors and admins read the audit log")  # defence in depth behind the policy
    _aware("since", since)
    _aware("until", until)
    filters = {
        k: str(v)
        for k, v in (
            ("customer_id", customer_id),
            ("customer_number", customer_number),
            ("actor", actor),
            ("action", action),
            ("since", since),
            ("until", until),
            ("cursor", cursor),
        )
        if v is not None
    }
    annotate(request, action=AuditAction.AUDIT_READ, detail={"filters": filters})
    async with container.engine.connect() as conn:
        if customer_number is not None:
            numbered = await audit_db.customer_with_number(conn, customer_number)
            if numbered is None or (customer_id is not None and numbered != customer_id):
                return Page(items=[], next_cursor=None)  # no such customer: nobody read them
            customer_id = numbered
        page = await audit_db.list_entries(
            conn,
            customer_id=customer_id,
            actor=actor,
            action=action.value if action else None,
            since=since,
            until=until,
            limit=limit,
            cursor=cursor,
        )
        entries = [(r, ids or ([r.customer_id] if r.customer_id else [])) for r, ids in page.items]
        numbers = await audit_db.customer_numbers(conn, {c for _, ids in entries for c in ids})
    return Page(
        items=[
            AuditEntryOut(
                id=r.id,
                at=r.at,
                actor_kind=r.actor_kind,
                actor=r.actor,
                actor_id=r.actor_id,
                role=r.role,
                action=r.action,
                view=r.view,
                method=r.method,
                path=r.path,
                customer_ids=ids,
                customers=[AuditCustomerOut(id=c, customer_number=numbers.get(c)) for c in ids],
                fields=list(r.fields or []),
                detail=dict(r.detail or {}),
                ip=r.ip,
                outcome=r.outcome,
                request_id=r.request_id,
            )
            for r, ids in entries
        ],
        next_cursor=page.next_cursor,
    )
