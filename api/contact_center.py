"""The call-center context (who is calling, what matters now) and its live stream (server-sent events)."""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator, Callable, Coroutine, Iterator
from datetime import date, datetime
from typing import Annotated, Any

import orjson
from annotated_types import MaxLen
from fastapi import APIRouter, Query, Request
from fastapi import routing as fastapi_routing
from fastapi.responses import Response, StreamingResponse
from fastapi.routing import APIRoute

from adapters.container import Container
from adapters.db import context as context_db
from api.access_policy import enforce_access_policy
from api.audit import commit_entry
from api.deps import (
    ContainerDep,
    get_container,
    request_connection,
    require_scope,
    shares_request_connection,
)
from api.errors import ApiProblem
from api.schemas.common import problem_responses
from api.schemas.contact_center import AMBIGUOUS_EXAMPLE, UNIQUE_EXAMPLE, AmbiguousContextOut, UniqueContextOut
from domain.access import Principal, Role, Scope
from domain.calendar import bank_day
from domain.contact_center import caller_lookup
from domain.errors import NotFound
from domain.privacy import mask_account
from domain.services import contact_center as service

router = APIRouter(prefix="/api/v1/contact-center", tags=["contact-center"])

_context_reader = require_scope(Scope.CONTEXT_READ, Role.AGENT, Role.ADMIN)
ContextReader = Annotated[Principal, _context_reader]
_admit_context_reader = _context_reader.dependency  # type: ignore[attr-defined]

HEARTBEAT_S = 15.0
peer_rates = context_db.PeerRateRefresher()


def _json_default(v: Any) -> Any:
    if isinstance(v, uuid.UUID):
        return str(v)
    if isinstance(v, datetime | date):
        return v.isoformat()
    raise TypeError(f"not JSON: {type(v).__name__}")


def _dumps(body: Any) -> bytes:
    try:
        return orjson.dumps(body, default=_json_default)  # a fifth of the time of json.dumps for a whole context
    except orjson.JSONEncodeError:  # an integer beyond 64 bits in a payload: the standard library writes it exactly
        return json.dumps(body, ensure_ascii=False, separators=(",", ":"), default=_json_default).encode()


def _audit(request: Request, principal: Principal, customer_ids: list[uuid.UUID], detail: dict[str, Any]) -> None:
    """Every person's read is audited; a system's read is audited too (once per call when it names the call)."""
    try:
        from api.audit import annotate
        from domain.audit import AuditAction
    except ImportError:  # the audit log is not part of this build
        return
    annotate(request, action=AuditAction.READ, customer_ids=customer_ids, detail=detail)


class _ContextRoute(APIRoute):
    """The context read without FastAPI's per-request dependency solving (a fifth of its CPU): the very same
    checks, called directly.

    Taken only while the route's dependencies are exactly the ones called here (the app's access policy, the
    container, the role and scope check) and none is overridden, and only for a query whose values FastAPI would
    take as they come (each within its length limit); anything else goes FastAPI's standard way, so every
    401/403/422/429 and every validation message stays FastAPI's own.
    """

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        standard = super().get_route_handler()
        # FastAPI builds the handler of a route included in an app inside the inclusion's context, whose
        # dependant carries the app's own dependencies (the access policy).
        effective = getattr(fastapi_routing, "_effective_route_context_var", None)
        context = effective.get() if effective is not None else None
        dependant = context.dependant if context is not None and context.original_route is self else self.dependant
        if [d.call for d in dependant.dependencies] != [enforce_access_policy, get_container, _admit_context_reader]:
            return standard
        limits: dict[str, int] = {}
        for q in dependant.query_params:
            info = q.field_info
            max_lengths = [m.max_length for m in info.metadata if isinstance(m, MaxLen)]
            if info.annotation != (str | None) or info.default is not None or info.alias not in (None, q.name):
                return standard
            if info.validation_alias is not None or len(max_lengths) != 1 or len(info.metadata) != 1:
                return standard
            limits[q.name] = max_lengths[0]
        provider = (
            context if context is not None and context.original_route is self else self
        ).dependency_overrides_provider
        overrides = getattr(provider, "dependency_overrides", None)  # the app's dict: checked on every request

        async def handler(request: Request) -> Response:
            query = request.query_params
            values = {name: query.get(name) for name in limits}
            if overrides or any(v is not None and len(v) > limits[k] for k, v in values.items()):
                return await standard(request)
            container: Container = request.app.state.container
            await enforce_access_policy(request, container)
            principal = await _admit_context_reader(request.state.principal)
            response: Response = await dependant.call(request, container, principal, **values)  # type: ignore[misc]
            return response

        return handler


# No NUL in the lookup's values, as the schema says: enforced for every route by the access policy, which refuses a
# NUL in any query parameter (api/access_policy.py). Said here as a schema note only, not as a pydantic pattern,
# so the parameters keep the one length limit that lets the context take its lane (_ContextRoute).
NO_NUL: dict[str, Any] = {"pattern": "^[^\\x00]*$"}


@shares_request_connection  # authentication, the reads and the audit entry: one connection, one transaction
async def get_context(
    request: Request,
    container: ContainerDep,
    principal: ContextReader,
    phone: Annotated[
        str | None,
        Query(
            max_length=16,
            description="The caller's number, E.164",
            examples=["+8613812345678"],
            json_schema_extra=NO_NUL,
        ),
    ] = None,
    customer_number: Annotated[
        str | None, Query(max_length=32, examples=["C0000012345"], json_schema_extra=NO_NUL)
    ] = None,
    card_token: Annotated[
        str | None, Query(max_length=160, description="A card token from the card feed", json_schema_extra=NO_NUL)
    ] = None,
    id_number: Annotated[
        str | None,
        Query(
            max_length=100,
            description="An ID document number, or type:number",
            examples=["E12345678"],
            json_schema_extra=NO_NUL,
        ),
    ] = None,
    call_id: Annotated[
        str | None,
        Query(
            max_length=128,
            description="The call-center's call id: a system is audited once per call",
            json_schema_extra=NO_NUL,
        ),
    ] = None,
) -> Response:
    lookup = caller_lookup(phone=phone, customer_number=customer_number, card_token=card_token, id_number=id_number)
    now = container.clock.now()
    await peer_rates.ensure_fresh(container.engine, now)
    conn = await request_connection(request, container)  # the one authentication used
    found = await service.caller_context(await context_db.caller_context_reader(conn), principal, lookup, now)
    audited_before = (
        call_id is not None
        and not principal.is_person
        and await context_db.call_already_audited(conn, principal.subject, found.customer_ids, call_id)
    )
    if not audited_before:
        detail: dict[str, Any] = {"by": lookup.kind.value, "match": found.match}
        if call_id is not None:
            detail["call_id"] = call_id
        _audit(request, principal, found.customer_ids, detail)
    if found.snapshot is None:
        content = _dumps({"match": found.match, "candidates": found.candidates})
    else:
        s = found.snapshot
        content = _dumps(
            {
                "match": "unique",
                "customer": s.customer,
                "value": s.value,
                "holdings": s.holdings,
                "recent_interactions": s.recent_interactions,
                "open_cases": s.open_cases,
                "alerts": s.alerts,
                "next_best_actions": [
                    {"kind": a.kind.value, "priority": a.priority, "title": a.title, "reason": a.reason, "refs": a.refs}
                    for a in found.next_best_actions
                ],
            }
        )
    # The answer is decided: its audit entry is committed with the reads, before the response leaves.
    await commit_entry(request, container)  # and gives the request's connection back
    return Response(content, media_type="application/json")


router.add_api_route(
    "/context",
    get_context,
    methods=["GET"],
    operation_id="contact-center-context",
    summary="Who is calling and what matters now: look a caller up by exactly one identifier",
    description=(
        "Give exactly one of `phone` (E.164), `customer_number`, `card_token` or `id_number` (the document "
        "number, matched on any document type; `type:number` narrows it). One customer: their whole context, "
        "masked for the caller's role. Several (a shared household phone): candidates with just enough to tell "
        "them apart. None: 404. Customers merged into another are never matched. Every read is audited; a "
        "system that sends `call_id` is audited once per call. A read the database cannot answer in time "
        "(`CRM_DATABASE_HOT_READ_TIMEOUT_MS`, 5 s) is 503 with `Retry-After`."
    ),
    response_model=UniqueContextOut | AmbiguousContextOut,
    responses={
        200: {
            "description": "One match (`unique`) or several (`ambiguous`)",
            "content": {
                "application/json": {
                    "examples": {
                        "unique": {"summary": "One customer", "value": UNIQUE_EXAMPLE},
                        "ambiguous": {"summary": "A shared phone", "value": AMBIGUOUS_EXAMPLE},
                    }
                }
            },
        },
        **problem_responses(401, 403, 404, 422, 429, 503),
    },
    route_class_override=_ContextRoute,
)


STREAM_EXAMPLE = (
    'retry: 3000\nevent: ready\ndata: {"customer_id":"3f2b8c1e-5d4a-4e2b-9c1d-7a6b5c4d3e2f"}\n\n'
    "event: interaction\nid: 5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b\n"
    'data: {"id":"5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b","channel":"card","type":"purchase",...}\n\n'
    ": heartbeat\n\n"
    "event: balance\nid: 0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f\n"
    'data: {"id":"0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f","account_number":"****3445","balance":"9800.0000",...}\n\n'
)


def _sse(event: str, data: dict[str, Any]) -> str:
    return f"event: {event}\nid: {data.get('id', '')}\ndata: {_dumps(data).decode()}\n\n"


@router.get(
    "/stream",
    operation_id="contact-center-stream",
    summary="Live events of one customer while the agent has them open (server-sent events)",
    description=(
        "A `text/event-stream`: `ready` once listening, then `interaction`, `alert`, `case` and `balance` events "
        "as they are committed, from any server process; a `: heartbeat` comment every 15 s. An interaction is "
        "sent once, whenever bank-crm learns of it (one that happened days ago but arrives now too); an alert "
        "or a case each time it is raised or opened and each time its status changes (the same id again: an "
        "alert acknowledged or resolved, a case closed with its resolution); a balance each time it changes. "
        "Close the connection to stop."
    ),
    response_class=StreamingResponse,
    responses={
        200: {"description": "The event stream", "content": {"text/event-stream": {"example": STREAM_EXAMPLE}}},
        **problem_responses(401, 403, 404, 422, 429, 503),
    },
)
async def stream(
    request: Request,
    container: ContainerDep,
    principal: ContextReader,
    customer_id: Annotated[uuid.UUID, Query(description="The customer the agent has open")],
    replay: Annotated[
        bool,
        Query(
            description=(
                "After `ready`, first send the customer's current state as events: the latest 10 interactions of "
                "the last 24 hours, the open and acknowledged alerts, the open cases, and every holding's balance. "
                "A client that "
                "read the context before opening the stream then misses nothing committed in between; it "
                "recognises what it already shows by the events' ids."
            )
        ),
    ] = False,
) -> StreamingResponse:
    async with container.engine.connect() as conn:
        customer = await context_db.stream_customer(conn, customer_id)
    if customer is None or not service.in_scope(principal, customer.relationship_manager_id, customer.home_branch):
        raise NotFound(f"customer {customer_id} not found", field="customer_id")
    _audit(request, principal, [customer_id], {"stream": True})
    hub = container.live
    if hub is None:
        raise RuntimeError("the container has no live hub")
    try:
        await hub.ready()  # before answering 200: a stream that cannot hear anything is no stream
    except TimeoutError:
        raise ApiProblem(
            503,
            "Not ready",
            "the live event connection is not available; retry shortly",
            slug="not-ready",
            headers={"Retry-After": "5"},
        ) from None
    full = principal.sees_full_pii

    async def events() -> AsyncIterator[str]:
        cursor = context_db.StreamCursor(customer_id)

        def frames(changes: list[tuple[str, Any]], now: datetime) -> Iterator[str]:
            for kind, row in changes:
                if kind == "interaction":
                    yield _sse("interaction", context_db.interaction_json(row))
                elif kind == "alert":
                    yield _sse("alert", context_db.alert_json(row))
                elif kind == "case":
                    yield _sse("case", context_db.case_json(row, now))
                else:
                    data = context_db.holding_json(row, bank_day(now))
                    if not full:
                        data["account_number"] = mask_account(data["account_number"])
                    yield _sse("balance", data)

        async with hub.subscribe(customer_id) as subscription:
            now = container.clock.now()
            state: list[tuple[str, Any]] = []
            async with container.engine.connect() as conn:
                if replay:
                    state = await cursor.start_with_replay(conn, now)
                else:
                    await cursor.start(conn, now)
            yield f"retry: 3000\nevent: ready\ndata: {_dumps({'customer_id': customer_id}).decode()}\n\n"
            if replay:
                for frame in frames(state, now):
                    yield frame
            while True:
                woken = await subscription.wait(HEARTBEAT_S)
                now = container.clock.now()
                # Woken or not, look: a heartbeat's re-check also covers a notification lost with a connection.
                async with container.engine.connect() as conn:
                    changes = await cursor.changes(conn, now)
                for frame in frames(changes, now):
                    yield frame
                if not woken:
                    yield ": heartbeat\n\n"

    return StreamingResponse(
        events(),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no", "Connection": "keep-alive"},
    )
