"""Alerts for relationship managers: list (scoped to the caller's portfolio), acknowledge, assign, resolve."""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from adapters.db import alerts as store
from api.audit import annotate
from api.deps import ContainerDep, PersonDep, parse_uuid
from api.errors import ApiProblem
from api.schemas.common import (
    WRITTEN_NOTE,
    Cursor,
    CustomerRefOut,
    Limit,
    Page,
    StrictModel,
    customer_ref,
    problem_responses,
)
from domain.access import Action, Principal
from domain.audit import AuditAction
from domain.errors import NotFound
from domain.services import alerts as service
from domain.value import movements
from domain.value.alerts import AlertKind, AlertStatus

router = APIRouter(prefix="/api/v1/alerts", tags=["alerts"])


class AlertOut(BaseModel):
    id: uuid.UUID
    customer: CustomerRefOut
    kind: str = Field(examples=["large_outflow"])
    cause_key: str = Field(description="What makes two alerts the same cause; one alert per cause")
    severity: str = Field(examples=["high"])
    title: str
    detail: str | None
    status: str = Field(examples=["open"])
    assigned_to: uuid.UUID | None
    assigned_to_username: str | None
    data: dict[str, Any]
    raised_at: datetime
    acknowledged_at: datetime | None
    resolved_at: datetime | None
    resolution_note: str | None


class AssignIn(StrictModel):
    user_id: uuid.UUID

    model_config = {"json_schema_extra": {"examples": [{"user_id": "6f1c2a9e-52a4-4d8f-9a57-1b8b2f0f4c11"}]}}


class ResolveIn(StrictModel):
    note: Annotated[str, Field(min_length=1, max_length=2000, pattern=WRITTEN_NOTE)]

    model_config = {"json_schema_extra": {"examples": [{"note": "Called the customer; funds moved to a mortgage."}]}}


def present(r: Any) -> AlertOut:
    data = json.loads(r.data) if isinstance(r.data, str) else r.data
    return AlertOut(
        id=r.id,
        customer=customer_ref(r.customer_id, r.customer_number, r.name_zh, r.name_latin),
        kind=r.kind,
        cause_key=r.cause_key,
        severity=r.severity,
        title=r.title,
        detail=r.detail,
        status=r.status,
        assigned_to=r.assigned_to,
        assigned_to_username=r.assignee_username,
        data=data or {},
        raised_at=r.raised_at,
        acknowledged_at=r.acknowledged_at,
        resolved_at=r.resolved_at,
        resolution_note=r.resolution_note,
    )


LIST_DESCRIPTION = (
    "Newest first. An RM sees the alerts of their own portfolio, a branch manager their branch's.\n\n"
    + (movements.__doc__ or "")
)


@router.get(
    "",
    operation_id="alerts-list",
    response_model=Page[AlertOut],
    responses=problem_responses(401, 403, 422),
    summary="Alerts in the caller's portfolio (filter by status, kind, customer, assignee)",
    description=LIST_DESCRIPTION,
)
async def list_alerts(
    request: Request,
    container: ContainerDep,
    principal: PersonDep,
    status: AlertStatus | None = None,
    kind: AlertKind | None = None,
    customer_id: uuid.UUID | None = None,
    assigned_to: Annotated[
        str | None,
        Query(
            pattern=r"^(me|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$",
            description="`me`, or a user id",
            examples=["me"],
        ),
    ] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[AlertOut]:
    principal.require(Action.READ_ALERTS)
    assignee: uuid.UUID | None = None
    if assigned_to is not None:
        if assigned_to == "me":
            assignee = principal.user_id
        else:
            try:
                assignee = uuid.UUID(assigned_to)
            except ValueError:
                raise ApiProblem(
                    422,
                    "Invalid input",
                    "assigned_to is `me` or a user id",
                    slug="validation-error",
                    errors=[{"field": "assigned_to", "message": "expected `me` or a user id"}],
                ) from None
    async with container.engine.connect() as conn:
        page = await store.list_alerts(
            conn,
            principal.portfolio,
            status=status.value if status else None,
            kind=kind.value if kind else None,
            customer_id=customer_id,
            assigned_to=assignee,
            limit=limit,
            cursor=cursor,
        )
    items = [present(r) for r in page.items]
    # alerts name their customers and what happened to their money: a person's read of customer data
    annotate(request, action=AuditAction.READ, customer_ids=sorted({a.customer.id for a in items}))
    return Page(items=items, next_cursor=page.next_cursor)


async def _answer(container: ContainerDep, alert_id: uuid.UUID) -> AlertOut:
    async with container.engine.connect() as conn:
        row = await store.alert_row(conn, alert_id)
    if row is None:  # pragma: no cover - it was just changed in scope
        raise NotFound(f"alert {alert_id} not found")
    return present(row)


async def _work(container: ContainerDep, principal: Principal, alert_id: str, action: str, **kw: Any) -> AlertOut:
    aid = parse_uuid(alert_id, "alert")
    async with container.uow() as uow:
        alerts = store.SqlAlertStore(uow.connection)
        now = container.clock.now()
        if action == "acknowledge":
            record = await service.acknowledge(uow, alerts, principal, aid, now)
        elif action == "resolve":
            record = await service.resolve(uow, alerts, principal, aid, kw["note"], now)
        else:
            record = await service.assign(uow, alerts, principal, aid, kw["user_id"], now)
        await container.customers_changed(uow, {record.customer_id})  # open streams show the new status
        await uow.commit()
    return await _answer(container, aid)


@router.post(
    "/{alert_id}/acknowledge",
    operation_id="alerts-acknowledge",
    response_model=AlertOut,
    responses=problem_responses(401, 403, 404, 409),
    summary="Acknowledge an open alert (the caller takes it if unassigned)",
)
async def acknowledge(alert_id: str, container: ContainerDep, principal: PersonDep) -> AlertOut:
    return await _work(container, principal, alert_id, "acknowledge")


@router.post(
    "/{alert_id}/assign",
    operation_id="alerts-assign",
    response_model=AlertOut,
    responses=problem_responses(401, 403, 404, 422),
    summary="Give an alert to an RM, branch manager or admin",
)
async def assign(alert_id: str, body: AssignIn, container: ContainerDep, principal: PersonDep) -> AlertOut:
    return await _work(container, principal, alert_id, "assign", user_id=body.user_id)


@router.post(
    "/{alert_id}/resolve",
    operation_id="alerts-resolve",
    response_model=AlertOut,
    responses=problem_responses(401, 403, 404, 409, 422),
    summary="Resolve an alert with a note of what was done",
)
async def resolve(alert_id: str, body: ResolveIn, container: ContainerDep, principal: PersonDep) -> AlertOut:
    return await _work(container, principal, alert_id, "resolve", note=body.note)
