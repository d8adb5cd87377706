"""Cases: the complaints and service requests the bank owes its customers an answer to.

A call-center complaint opens one (due within 48 hours); the people who answer customers work the queue and
close each with what was done and, when the customer said, how satisfied they were. Closing a complaint also
resolves its alert for the RM.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, Field

from adapters.db import cases as store
from api.audit import annotate
from api.deps import ContainerDep, PersonDep, parse_uuid
from api.schemas.common import (
    WHOLE_NUMBER,
    WRITTEN_LINE,
    WRITTEN_NOTE,
    Cursor,
    CustomerRefOut,
    Limit,
    Page,
    StrictModel,
    customer_ref,
    problem_responses,
)
from domain.access import Action
from domain.audit import AuditAction
from domain.contact_center import case_overdue
from domain.interactions import Channel
from domain.services import cases as service

router = APIRouter(prefix="/api/v1/cases", tags=["cases"])


class CaseKind(StrEnum):
    COMPLAINT = "complaint"
    SERVICE_REQUEST = "service_request"


class CaseStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


# Where a customer can ask for a service by hand: the domain's list, as the schema's enum.
RequestChannel = StrEnum("RequestChannel", {c.name: c.value for c in sorted(service.REQUEST_CHANNELS)})  # type: ignore[misc]


class CaseOut(BaseModel):
    id: uuid.UUID
    customer: CustomerRefOut
    kind: str = Field(examples=["complaint"])
    status: str = Field(examples=["open"])
    subject: str
    channel: str = Field(examples=["call_center"], description="Where the customer raised it")
    opened_at: datetime
    sla_due_at: datetime | None = Field(description="When the bank's answer is due (the service level)")
    overdue: bool = Field(description="Open and past its due time")
    opened_by: uuid.UUID | None = Field(description="Who logged it by hand; none for a feed's complaint")
    opened_by_username: str | None
    closed_at: datetime | None
    closed_by: uuid.UUID | None
    closed_by_username: str | None
    resolution: str | None = Field(description="What was done for the customer")
    satisfaction: int | None = Field(description="1 (very unhappy) to 5 (very happy), as the customer said")
    source_ref: str | None = Field(description="The reference of the event that opened it")


class OpenIn(StrictModel):
    customer_id: uuid.UUID
    kind: Literal["service_request", "complaint"] = Field(
        description="A service request (due within 5 days), or a complaint made to a person (due within 48 hours; "
        "it goes on the customer's timeline, counts for the churn risk and raises the RM's alert, as the "
        "call-center feed's complaints do)"
    )
    subject: Annotated[str, Field(min_length=1, max_length=service.SUBJECT_MAX, pattern=WRITTEN_LINE)]
    channel: RequestChannel = Field(description="Where the customer asked")

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "customer_id": "0b6f8a52-3f0e-4d7a-9a31-52c1d2a4e7f0",
                    "kind": "service_request",
                    "subject": "Replacement debit card, the old one is worn",
                    "channel": "teller",
                }
            ]
        }
    }


class CloseIn(StrictModel):
    resolution: Annotated[str, Field(min_length=1, max_length=service.RESOLUTION_MAX, pattern=WRITTEN_NOTE)]
    satisfaction: Annotated[int, Field(ge=1, le=5), WHOLE_NUMBER] | None = None

    model_config = {
        "json_schema_extra": {
            "examples": [{"resolution": "Refunded the double charge of 12 May; apologised.", "satisfaction": 4}]
        }
    }


def present(r: Any, now: datetime) -> CaseOut:
    return CaseOut(
        id=r.id,
        customer=customer_ref(r.customer_id, r.customer_number, r.name_zh, r.name_latin),
        kind=r.kind,
        status=r.status,
        subject=r.subject,
        channel=r.channel,
        opened_at=r.opened_at,
        sla_due_at=r.sla_due_at,
        opened_by=r.opened_by,
        opened_by_username=r.opened_by_username,
        overdue=case_overdue(r.status, r.sla_due_at, now),
        closed_at=r.closed_at,
        closed_by=r.closed_by,
        closed_by_username=r.closed_by_username,
        resolution=r.resolution,
        satisfaction=r.satisfaction,
        source_ref=r.source_ref,
    )


@router.get(
    "",
    operation_id="cases-list",
    response_model=Page[CaseOut],
    responses=problem_responses(401, 403, 422),
    summary="Cases in the caller's portfolio (filter by status, kind, customer, overdue)",
    description=(
        "An RM sees the cases of their own portfolio, a branch manager their branch's, the call center's agents "
        "and auditors everyone's. With `status=open` or `overdue=true` the list is a work queue, the soonest "
        "due first; otherwise the newest opened first."
    ),
)
async def list_cases(
    request: Request,
    container: ContainerDep,
    principal: PersonDep,
    status: CaseStatus | None = None,
    kind: CaseKind | None = None,
    customer_id: uuid.UUID | None = None,
    overdue: bool | None = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[CaseOut]:
    principal.require(Action.READ_CASES)
    now = container.clock.now()
    async with container.engine.connect() as conn:
        page = await store.list_cases(
            conn,
            principal.portfolio,
            now,
            status=status.value if status else None,
            kind=kind.value if kind else None,
            customer_id=customer_id,
            overdue=overdue,
            limit=limit,
            cursor=cursor,
        )
    items = [present(r, now) for r in page.items]
    # cases name their customers and what they complained of: a person's read of customer data
    annotate(request, action=AuditAction.READ, customer_ids=sorted({c.customer.id for c in items}))
    return Page(items=items, next_cursor=page.next_cursor)


@router.post(
    "",
    operation_id="cases-open",
    status_code=201,
    response_model=CaseOut,
    responses=problem_responses(401, 403, 404, 422),
    summary="Log a customer's service request (due within 5 days) or complaint (due within 48 hours)",
)
async def open_case(
    request: Request, body: OpenIn, response: Response, container: ContainerDep, principal: PersonDep
) -> CaseOut:
    async with container.uow() as uow:
        now = container.clock.now()
        opening = service.log_complaint if body.kind == "complaint" else service.open_service_request
        case = await opening(
            uow,
            store.SqlCaseRepository(uow.connection),
            principal,
            body.customer_id,
            body.subject,
            Channel(body.channel.value),
            now,
        )
        await container.customers_changed(uow, {case.customer_id})  # open streams show it; a complaint is scored
        await uow.commit()
    annotate(request, customer_ids=[case.customer_id], fields=["kind", "subject", "channel"])
    response.headers["Location"] = f"/api/v1/cases/{case.id}"
    async with container.engine.connect() as conn:
        row = await store.case_row(conn, case.id)
    return present(row, container.clock.now())


@router.get(
    "/{case_id}",
    operation_id="cases-get",
    response_model=CaseOut,
    responses=problem_responses(401, 403, 404, 422),
    summary="One case",
)
async def get_case(request: Request, case_id: str, container: ContainerDep, principal: PersonDep) -> CaseOut:
    cid = parse_uuid(case_id, "case")
    async with container.uow() as uow:
        await service.visible_case(uow, store.SqlCaseRepository(uow.connection), principal, cid)
        row = await store.case_row(uow.connection, cid)
    annotate(request, action=AuditAction.READ, customer_ids=[row.customer_id])
    return present(row, container.clock.now())


@router.post(
    "/{case_id}/close",
    operation_id="cases-close",
    response_model=CaseOut,
    responses=problem_responses(401, 403, 404, 409, 422),
    summary="Close an open case with what was done (a complaint's alert for the RM is resolved with it)",
)
async def close_case(
    request: Request, case_id: str, body: CloseIn, container: ContainerDep, principal: PersonDep
) -> CaseOut:
    cid = parse_uuid(case_id, "case")
    async with container.uow() as uow:
        now = container.clock.now()
        closed = await service.close(
            uow, store.SqlCaseRepository(uow.connection), principal, cid, body.resolution, body.satisfaction, now
        )
        await container.customers_changed(uow, {closed.customer_id})  # open streams show it closed
        await uow.commit()
    annotate(request, customer_ids=[closed.customer_id], fields=["status", "resolution", "satisfaction"])
    async with container.engine.connect() as conn:
        row = await store.case_row(conn, cid)
    return present(row, container.clock.now())
