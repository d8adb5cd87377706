"""Channel feeds: partners post events; refused ones wait in quarantine; provisional customers get merged.

Who may use these routes: an API key with the `feeds:write` scope, or a signed-in admin. The quarantine
(list, replay, discard) is open to the same callers: the partner who posts a feed is the one able to
correct its events. Merging customers is for admins and branch managers (see merge_customer).
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

import orjson
from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from adapters.channels import SPECS, ingest_events
from adapters.channels.common import read_event
from adapters.db.feeds import QuarantinedRow, SqlFeedStore
from adapters.db.merge import SqlMergeStore
from api.deps import ContainerDep, PersonDep, parse_uuid, require_scope
from api.errors import ApiProblem
from api.schemas.common import NO_CONTROL_CHARS, Page, StrictModel, TimeWithOffset, problem_responses
from domain.access import Principal, Role, Scope
from domain.feeds import MAX_BATCH, FeedChannel, Outcome
from domain.interactions import Interaction
from domain.services import feeds as feeds_service
from domain.services.merge import merge_customers

router = APIRouter()

FeedWriter = Annotated[Principal, require_scope(Scope.FEEDS_WRITE, Role.ADMIN)]
MAX_BODY_BYTES = 32 * 1024 * 1024


class FieldErrorOut(BaseModel):
    field: str = Field(examples=["amount"])
    message: str = Field(examples=['must be a decimal string such as "125.00", not a JSON number'])


class EventResultOut(BaseModel):
    index: int
    source_ref: str | None
    status: Literal["accepted", "duplicate", "rejected"]
    errors: list[FieldErrorOut] | None = None


class FeedBatchOut(BaseModel):
    accepted: int
    duplicates: int
    rejected: int
    results: list[EventResultOut]


_CUSTOMER = {"customer_number": "C0000000042"}
EXAMPLES: dict[str, dict[str, Any]] = {
    "teller": {
        "summary": "teller: a deposit with the balance after it",
        "value": {
            "events": [
                {
                    "source_ref": "T-20261123-0001",
                    "type": "deposit",
                    "occurred_at": "2026-11-23T09:30:00+08:00",
                    "customer": {"customer_number": "C0000000042", "phone": "+8613812345678"},
                    "branch_code": "BJ001",
                    "teller_id": "T0087",
                    "account_number": "ACC-0001-2345",
                    "amount": "5000.00",
                    "currency": "CNY",
                    "balance_after": "12500.00",
                }
            ]
        },
    },
    "card": {
        "summary": "card: a purchase by card number (tokenised, never stored)",
        "value": {
            "events": [
                {
                    "source_ref": "CARD-778812",
                    "type": "purchase",
                    "occurred_at": "2026-11-23T12:05:10+08:00",
                    "customer": {"phone": "+8613812345678"},
                    "pan": "4111111111111111",
                    "merchant_name": "Wumart Chaoyang",
                    "mcc": "5411",
                    "amount": "86.40",
                    "currency": "CNY",
                }
            ]
        },
    },
    "pos-atm": {
        "summary": "pos-atm: an ATM withdrawal",
        "value": {
            "events": [
                {
                    "source_ref": "ATM-0042-99120",
                    "type": "atm_withdrawal",
                    "occurred_at": "2026-11-23T18:22:00+08:00",
                    "customer": {"card_token": "tok_q2k4m7x9c1v3b5n8l0p6r2t4w6"},
                    "terminal_id": "ATM-BJ-0042",
                    "location": "Chaoyang Joy City",
                    "account_number": "ACC-0001-2345",
                    "amount": "1000.00",
                    "currency": "CNY",
                }
            ]
        },
    },
    "call-center": {
        "summary": "call-center: a call ended with a rating",
        "value": {
            "events": [
                {
                    "source_ref": "CALL-5512-END",
                    "type": "call_ended",
                    "occurred_at": "2026-11-23T10:14:31+08:00",
                    "customer": {"phone": "+8613812345678"},
                    "call_id": "5512",
                    "ani": "+8613812345678",
                    "agent_id": "A-301",
                    "queue": "wealth",
                    "duration_s": 312,
                    "disposition": "resolved",
                    "notes": "asked about time deposit rates",
                    "satisfaction": 5,
                }
            ]
        },
    },
    "online-banking": {
        "summary": "online-banking: a bill payment",
        "value": {
            "events": [
                {
                    "source_ref": "OB-7f3a91",
                    "type": "bill_payment",
                    "occurred_at": "2026-11-23T21:03:44+08:00",
                    "customer": _CUSTOMER,
                    "online_user_id": "wangfang88",
                    "session_id": "s-91a7",
                    "ip": "203.0.113.7",
                    "device": "iOS 18 app",
                    "amount": "320.00",
                    "currency": "CNY",
                }
            ]
        },
    },
}

_BATCH_SCHEMA = {
    "type": "object",
    "required": ["events"],
    "properties": {
        "events": {
            "type": "array",
            "minItems": 1,
            "maxItems": MAX_BATCH,
            "description": (
                "The channel's events. Each is checked on its own and gets its own outcome in `results`, so the "
                "batch takes any values here (a non-object event is rejected on its own); `x-event-schema` "
                "describes a valid event."
            ),
            "items": {},
            "x-event-schema": {
                "type": "object",
                "required": ["source_ref", "type", "occurred_at", "customer"],
                "properties": {
                    "source_ref": {"type": "string", "minLength": 1, "maxLength": 128},
                    "type": {"type": "string"},
                    "occurred_at": {"type": "string", "format": "date-time"},
                    "customer": {
                        "type": "object",
                        "properties": {
                            "customer_number": {"type": "string"},
                            "id_document": {
                                "type": "object",
                                "properties": {"type": {"type": "string"}, "number": {"type": "string"}},
                            },
                            "phone": {"type": "string", "examples": ["+8613812345678"]},
                            "card_token": {"type": "string"},
                            "online_user_id": {"type": "string"},
                        },
                    },
                    "amount": {"type": "string", "format": "decimal", "examples": ["125.00"]},
                    "currency": {"type": "string", "examples": ["CNY"]},
                },
                "additionalProperties": True,
            },
        }
    },
}


def _bad_body(detail: str, field: str, message: str, status: int = 422) -> ApiProblem:
    return ApiProblem(
        status,
        "Invalid input" if status == 422 else "Bad request",
        detail,
        slug="validation-error" if status == 422 else "bad-request",
        errors=[{"field": field, "message": message}],
    )


def _render(body: dict[str, Any]) -> Response:
    try:
        content = orjson.dumps(body)
    except orjson.JSONEncodeError:  # a ref orjson cannot write (a lone surrogate): as Starlette would
        return JSONResponse(body)
    return Response(content, media_type="application/json")


async def read_batch(request: Request) -> list[Any]:
    """The events of a feed body; anything but {"events": [1..5000 items]} is refused whole."""
    raw = await request.body()
    if len(raw) > MAX_BODY_BYTES:
        raise ApiProblem(413, "Payload too large", f"the body exceeds {MAX_BODY_BYTES} bytes", slug="too-large")
    try:
        # The standard library, not orjson: as fast for a batch of small events, and orjson reads an integer
        # beyond 64 bits as a float (the event's hash and payload would change).
        body = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise _bad_body("the body is not valid JSON", "body", "the body is not valid JSON", 400) from None
    if not isinstance(body, dict):
        raise _bad_body('the body must be an object {"events": [...]}', "body", "must be a JSON object")
    if "events" not in body:
        raise _bad_body("the body has no events", "events", "is required")
    events = body["events"]
    if not isinstance(events, list):
        raise _bad_body("events must be a list", "events", "must be a list of events")
    if not events:
        raise _bad_body("events is empty", "events", "needs at least 1 event")
    if len(events) > MAX_BATCH:
        raise _bad_body(
            f"{len(events)} events is more than {MAX_BATCH} per batch", "events", f"at most {MAX_BATCH} events"
        )
    return events


@router.post(
    "/api/v1/feeds/{channel}",
    tags=["feeds"],
    operation_id="feeds-post",
    response_model=FeedBatchOut,
    responses=problem_responses(400, 401, 403, 422),
    summary="Post a batch of channel events (1-5,000); each gets its own outcome",
    description=(
        "Events are idempotent by (channel, source_ref): the same event again is a `duplicate`; the same ref "
        "with other content is `rejected`. Rejected events are kept in the quarantine with their reasons. A "
        "`pan` is turned into a keyed card token and its last four digits and is never stored or echoed. "
        "Money is a decimal string: a JSON number for `amount` is refused. Once this answers, every accepted "
        "event is in its customer's timeline. An identity that matches nobody creates a provisional customer."
    ),
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": _BATCH_SCHEMA, "examples": EXAMPLES}},
        }
    },
)
async def post_feed(channel: FeedChannel, request: Request, container: ContainerDep, principal: FeedWriter) -> Response:
    events = await read_batch(request)
    outcome = await ingest_events(container, channel, events)
    return _render(outcome.as_dict())


# --- quarantine -------------------------------------------------------------------------------------------


class QuarantinedOut(BaseModel):
    id: uuid.UUID
    channel: FeedChannel
    source_ref: str | None
    status: Literal["open", "replayed", "discarded"]
    errors: list[FieldErrorOut]
    event: Any = Field(description="The event as sent, with any card number replaced by its token and last four")
    received_at: datetime
    attempts: int
    resolved_at: datetime | None = None
    resolved_by: str | None = None
    resolution_note: str | None = None


def _out(row: QuarantinedRow) -> QuarantinedOut:
    return QuarantinedOut(
        id=row.id,
        channel=FeedChannel(row.channel),
        source_ref=row.source_ref,
        status=row.status,  # type: ignore[arg-type]
        errors=[FieldErrorOut(**e) for e in row.errors],
        event=row.document,
        received_at=row.received_at,
        attempts=row.attempts,
        resolved_at=row.resolved_at,
        resolved_by=row.resolved_by,
        resolution_note=row.resolution_note,
    )


def _aware(name: str, value: datetime | None) -> None:
    if value is not None and value.tzinfo is None:
        raise _bad_body(f"{name} needs a UTC offset", name, "time must carry a UTC offset")


@router.get(
    "/api/v1/feeds/quarantine",
    tags=["feeds"],
    operation_id="feeds-quarantine-list",
    response_model=Page[QuarantinedOut],
    responses=problem_responses(401, 403, 422),
    summary="Refused events with their reasons, newest first",
)
async def list_quarantine(
    container: ContainerDep,
    principal: FeedWriter,
    channel: FeedChannel | None = None,
    status: Annotated[Literal["open", "replayed", "discarded"] | None, Query(description="Default: all")] = None,
    reason: Annotated[
        str | None, Query(max_length=200, pattern=NO_CONTROL_CHARS, description="Text found in the reasons")
    ] = None,
    source_ref: Annotated[str | None, Query(max_length=128, pattern=NO_CONTROL_CHARS)] = None,
    since: Annotated[TimeWithOffset | None, Query(description="Received at or after (RFC 3339)")] = None,
    until: Annotated[TimeWithOffset | None, Query(description="Received before (RFC 3339)")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    cursor: Annotated[str | None, Query(max_length=512, pattern=NO_CONTROL_CHARS)] = None,
) -> Page[QuarantinedOut]:
    _aware("since", since)
    _aware("until", until)
    async with container.uow(readonly=True) as uow:
        page = await SqlFeedStore(uow.connection).list_quarantined(
            channel=channel.value if channel else None,
            status=status,
            reason=reason,
            source_ref=source_ref,
            since=since,
            until=until,
            limit=limit,
            cursor=cursor,
        )
    return Page(items=[_out(r) for r in page.items], next_cursor=page.next_cursor)


class ReplayIn(StrictModel):
    event: dict[str, Any] | None = Field(
        default=None, description="The corrected event; without it the stored event is replayed as it is"
    )


class ReplayOut(BaseModel):
    entry: QuarantinedOut
    result: EventResultOut


class DiscardIn(StrictModel):
    reason: str = Field(min_length=1, max_length=500, examples=["test event sent by mistake"])


async def _open_entry(store: SqlFeedStore, entry_id: str) -> QuarantinedRow:
    row = await store.get_quarantined(parse_uuid(entry_id, "quarantine entry"), for_update=True)
    if row is None:
        raise ApiProblem(404, "Not found", f"quarantine entry {entry_id} not found", slug="not-found")
    if row.status != "open":
        raise ApiProblem(409, "Conflict", f"the entry was already {row.status}", slug="conflict")
    return row


@router.post(
    "/api/v1/feeds/quarantine/{entry_id}/replay",
    tags=["feeds"],
    operation_id="feeds-quarantine-replay",
    response_model=ReplayOut,
    responses=problem_responses(401, 403, 404, 409, 422),
    summary="Apply a quarantined event again, corrected or as stored",
    description="Accepted (or found already applied): the entry becomes `replayed`. Refused again: it stays "
    "`open` with the new reasons and the corrected event.",
    openapi_extra={
        "requestBody": {
            "content": {
                "application/json": {
                    "examples": {
                        "corrected": {
                            "summary": "replay with the amount corrected",
                            "value": {
                                "event": {
                                    "source_ref": "T-20261123-0002",
                                    "type": "withdrawal",
                                    "occurred_at": "2026-11-23T09:40:00+08:00",
                                    "customer": _CUSTOMER,
                                    "account_number": "ACC-0001-2345",
                                    "amount": "200.00",
                                    "currency": "CNY",
                                }
                            },
                        },
                        "as_stored": {"summary": "replay the stored event unchanged", "value": {}},
                    }
                }
            }
        }
    },
)
async def replay_quarantined(
    entry_id: str, container: ContainerDep, principal: FeedWriter, body: ReplayIn | None = None
) -> ReplayOut:
    async with container.uow() as uow:
        store = SqlFeedStore(uow.connection)
        row = await _open_entry(store, entry_id)
        channel = FeedChannel(row.channel)
        document = body.event if body is not None and body.event is not None else row.document
        submitted = read_event(SPECS[channel], document, 0, container.settings.card_token_key)

        async def notify(ids: set[uuid.UUID], added: list[Interaction]) -> None:
            await container.customers_changed(uow, ids, added)

        outcome = await feeds_service.ingest(store, channel, [submitted], container.clock, notify, keep_rejected=False)
        result = outcome.results[0]
        now = container.clock.now()
        if result.outcome is Outcome.REJECTED:
            await store.requarantine(row.id, submitted.document, [e.as_dict() for e in result.errors], now)
        else:
            await store.resolve_quarantined(
                row.id, "replayed", principal.subject, now, f"replayed: {result.outcome.value}", submitted.document
            )
        updated = await store.get_quarantined(row.id)
        await uow.commit()
    if outcome.customer_ids:
        container.scoring_due()
    assert updated is not None
    return ReplayOut(entry=_out(updated), result=EventResultOut(**result.as_dict()))


@router.post(
    "/api/v1/feeds/quarantine/{entry_id}/discard",
    tags=["feeds"],
    operation_id="feeds-quarantine-discard",
    response_model=QuarantinedOut,
    responses=problem_responses(401, 403, 404, 409, 422),
    summary="Give up on a quarantined event, saying why",
)
async def discard_quarantined(
    entry_id: str, body: DiscardIn, container: ContainerDep, principal: FeedWriter
) -> QuarantinedOut:
    async with container.uow() as uow:
        store = SqlFeedStore(uow.connection)
        row = await _open_entry(store, entry_id)
        await store.resolve_quarantined(row.id, "discarded", principal.subject, container.clock.now(), body.reason)
        updated = await store.get_quarantined(row.id)
        await uow.commit()
    assert updated is not None
    return _out(updated)


# --- merge -------------------------------------------------------------------------------------------------


class MergeIn(StrictModel):
    source_customer_id: uuid.UUID = Field(description="The provisional or duplicate customer to merge away")


class MergeOut(BaseModel):
    survivor_id: uuid.UUID
    merged_id: uuid.UUID
    moved: dict[str, int] = Field(examples=[{"identities": 2, "holdings": 1, "interactions": 14}])


@router.post(
    "/api/v1/customers/{customer_id}/merge",
    tags=["customers"],
    operation_id="customers-merge",
    response_model=MergeOut,
    responses=problem_responses(401, 403, 404, 409, 422),
    summary="Merge a provisional or duplicate customer into this one",
    description=(
        "Moves the source customer's channel identities, phones, holdings, interactions, relations, alerts and "
        "segment memberships to this (surviving) customer and records the merge in the audit trail. The source "
        "stays readable: `GET /api/v1/customers/{source}` answers 200 with `merged_into` set to the survivor. "
        "Admins may merge any customers; branch managers customers of their branch and provisional customers."
    ),
)
async def merge_customer(customer_id: str, body: MergeIn, container: ContainerDep, principal: PersonDep) -> MergeOut:
    survivor_id = parse_uuid(customer_id, "customer")
    async with container.uow() as uow:

        async def notify(ids: set[uuid.UUID]) -> None:
            await container.customers_changed(uow, ids)

        moved = await merge_customers(
            uow,
            SqlMergeStore(uow.connection),
            principal,
            survivor_id,
            body.source_customer_id,
            container.clock,
            notify,
        )
        await uow.commit()
    container.scoring_due()
    return MergeOut(survivor_id=survivor_id, merged_id=body.source_customer_id, moved=moved)
