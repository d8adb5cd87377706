"""The call-center context (who is calling, what matters now) and its live stream (server-sent events)."""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator
from datetime import date, datetime
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Query, Request
from fastapi.responses import Response, StreamingResponse

from adapters.db import context as context_db
from api.audit import commit_entry
from api.deps import (
    ContainerDep,
    release_request_connection,
    request_connection,
    require_scope,
    shares_request_connection,
)
from api.errors import ApiProblem
from api.schemas.common import problem_responses
from api.schemas.contact_center import AMBIGUOUS_EXAMPLE, UNIQUE_EXAMPLE, AmbiguousContextOut, UniqueContextOut
from domain.access import Principal, Role, Scope
from domain.contact_center import caller_lookup
from domain.errors import NotFound
from domain.privacy import mask_account
from domain.services import contact_center as service

router = APIRouter(prefix="/api/v1/contact-center", tags=["contact-center"])

ContextReader = Annotated[Principal, require_scope(Scope.CONTEXT_READ, Role.AGENT, Role.ADMIN)]

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


@router.get(
    "/context",
    operation_id="contact-center-context",
    summary="Who is calling and what matters now: look a caller up by exactly one identifier",
    description=(
        "Give exactly one of `phone` (E.164), `customer_number`, `card_token` or `id_number` (the document "
        "number, matched on any document type; `type:number` narrows it). One customer: their whole context, "
        "masked for the caller's role. Several (a shared household phone): candidates with just enough to tell "
        "them apart. None: 404. Customers merged into another are never matched. Every read is audited; a "
        "system that sends `call_id` is audited once per call."
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
        **problem_responses(401, 403, 404, 422, 429),
    },
)
@shares_request_connection  # authentication, the reads and the audit entry: one connection, one transaction
async def get_context(
    request: Request,
    container: ContainerDep,
    principal: ContextReader,
    phone: Annotated[
        str | None, Query(max_length=16, description="The caller's number, E.164", examples=["+8613812345678"])
    ] = None,
    customer_number: Annotated[str | None, Query(max_length=32, examples=["C0000012345"])] = None,
    card_token: Annotated[str | None, Query(max_length=160, description="A card token from the card feed")] = None,
    id_number: Annotated[
        str | None, Query(max_length=100, description="An ID document number, or type:number", examples=["E12345678"])
    ] = None,
    call_id: Annotated[
        str | None, Query(max_length=128, description="The call-center's call id: a system is audited once per call")
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
    await commit_entry(request, container, conn)
    await release_request_connection(request.scope["state"])
    return Response(content, media_type="application/json")


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
        "A `text/event-stream`: `ready` once listening, then `interaction`, `alert` and `balance` events as "
        "they are committed, from any server process; a `: heartbeat` comment every 15 s. Close the "
        "connection to stop."
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
        async with hub.subscribe(customer_id) as subscription:
            async with container.engine.connect() as conn:
                await cursor.start(conn, container.clock.now())
            yield f"retry: 3000\nevent: ready\ndata: {_dumps({'customer_id': customer_id}).decode()}\n\n"
            while True:
                woken = await subscription.wait(HEARTBEAT_S)
                now = container.clock.now()
                # Woken or not, look: a heartbeat's re-check also covers a notification lost with a connection.
                async with container.engine.connect() as conn:
                    changes = await cursor.changes(conn, now)
                for kind, row in changes:
                    if kind == "interaction":
                        yield _sse("interaction", context_db.interaction_json(row))
                    elif kind == "alert":
                        yield _sse("alert", context_db.alert_json(row))
                    else:
                        data = context_db.holding_json(row, now.date())
                        if not full:
                            data["account_number"] = mask_account(data["account_number"])
                        yield _sse("balance", data)
                if not woken:
                    yield ": heartbeat\n\n"

    return StreamingResponse(
        events(),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no", "Connection": "keep-alive"},
    )
