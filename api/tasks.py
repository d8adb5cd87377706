"""Tasks: what a relationship manager will do, by when (call a customer back, bring the forms).

RMs keep their own; a branch manager hands tasks to the people of their branch; the call center's agents leave the
caller's RM a task. A task is done with what came of it, or cancelled with why; an open one can be moved.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, Field

from adapters.db import tasks as store
from api.audit import annotate
from api.deps import ContainerDep, PersonDep, parse_uuid
from api.schemas.common import (
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
from domain.services import tasks as service
from domain.tasks import NOTE_MAX, TITLE_MAX, TaskStatus, overdue

router = APIRouter(prefix="/api/v1/tasks", tags=["tasks"])

Title = Annotated[str, Field(min_length=1, max_length=TITLE_MAX, pattern=WRITTEN_LINE)]
Note = Annotated[str, Field(max_length=NOTE_MAX, pattern=r"^[^\x00]*$")]
Outcome = Annotated[str, Field(min_length=1, max_length=NOTE_MAX, pattern=WRITTEN_NOTE)]


class TaskIn(StrictModel):
    title: Title
    note: Note | None = None
    due_on: date = Field(description="Today or later")
    customer_id: uuid.UUID | None = Field(None, description="The customer it is about (required for an agent)")
    assignee_id: uuid.UUID | None = Field(
        None,
        description="Who is to do it: yourself by default; a branch manager may name someone of their branch; "
        "an agent's task goes to the customer's RM",
    )

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "title": "Call back about the mortgage rate",
                    "due_on": "2026-12-10",
                    "customer_id": "0b6f8a52-3f0e-4d7a-9a31-52c1d2a4e7f0",
                }
            ]
        }
    }


class TaskPatchIn(StrictModel):
    title: Title | None = None
    note: Note | None = None
    due_on: date | None = None

    model_config = {"json_schema_extra": {"examples": [{"due_on": "2026-12-12"}]}}


class CloseIn(StrictModel):
    outcome: Outcome = Field(description="What came of it (done), or why not (cancelled)")

    model_config = {"json_schema_extra": {"examples": [{"outcome": "Called; she will come on Friday to sign."}]}}


class StaffRefOut(BaseModel):
    id: uuid.UUID
    username: str
    display_name: str | None


class TaskOut(BaseModel):
    id: uuid.UUID
    title: str
    note: str | None
    customer: CustomerRefOut | None
    assignee: StaffRefOut
    due_on: date
    overdue: bool = Field(description="Open after its day")
    status: TaskStatus
    created_at: datetime
    created_by_username: str | None
    closed_at: datetime | None
    closed_by_username: str | None
    outcome: str | None = Field(description="What came of it, or why it was cancelled")


class StatusFilter(StrEnum):
    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"
    CLOSED = store.CLOSED  # done or cancelled


def present(r: Any, today: date) -> TaskOut:
    return TaskOut(
        id=r.id,
        title=r.title,
        note=r.note,
        customer=None
        if r.customer_id is None
        else customer_ref(r.customer_id, r.customer_number, r.name_zh, r.name_latin),
        assignee=StaffRefOut(id=r.assignee_id, username=r.assignee_username, display_name=r.assignee_name),
        due_on=r.due_on,
        overdue=overdue(r.status, r.due_on, today),
        status=r.status,
        created_at=r.created_at,
        created_by_username=r.created_by_username,
        closed_at=r.closed_at,
        closed_by_username=r.closed_by_username,
        outcome=r.outcome,
    )


def _read(request: Request, items: list[TaskOut]) -> None:
    """Tasks name their customers and what is to be done for them: a person's read of customer data."""
    annotate(request, action=AuditAction.READ, customer_ids=sorted({t.customer.id for t in items if t.customer}))


@router.get(
    "",
    operation_id="tasks-list",
    response_model=Page[TaskOut],
    responses=problem_responses(401, 403, 422),
    summary="Tasks: your own, those you left, and for a branch manager their branch's",
    description="With `status=open` or `overdue=true` the list is a to-do list, the soonest day first; with "
    "`status=closed` the tasks done or cancelled, the latest closed first; otherwise (`done`, `cancelled` or no "
    "status) the newest first. `assignee_id` narrows it to one person; `customer_id` to one customer's tasks.",
)
async def list_tasks(
    request: Request,
    container: ContainerDep,
    principal: PersonDep,
    status: StatusFilter | None = None,
    assignee_id: uuid.UUID | None = None,
    customer_id: uuid.UUID | None = None,
    overdue: bool | None = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[TaskOut]:
    principal.require(Action.READ_TASKS)
    today = container.today()
    async with container.engine.connect() as conn:
        page = await store.list_tasks(
            conn,
            principal,
            today,
            status=status.value if status else None,
            assignee_id=assignee_id,
            customer_id=customer_id,
            overdue=overdue,
            limit=limit,
            cursor=cursor,
        )
    items = [present(r, today) for r in page.items]
    _read(request, items)
    return Page(items=items, next_cursor=page.next_cursor)


@router.post(
    "",
    operation_id="tasks-create",
    status_code=201,
    response_model=TaskOut,
    responses=problem_responses(401, 403, 404, 422),
    summary="Leave a task: for yourself, someone of your branch (a branch manager), or a caller's RM (an agent)",
)
async def create_task(
    request: Request, body: TaskIn, response: Response, container: ContainerDep, principal: PersonDep
) -> TaskOut:
    async with container.uow() as uow:
        task = await service.create(
            uow,
            store.SqlTaskRepository(uow.connection),
            principal,
            title=body.title,
            note=body.note,
            due_on=body.due_on,
            customer_id=body.customer_id,
            assignee_id=body.assignee_id,
            at=container.clock.now(),
        )
        await uow.commit()
    if task.customer_id is not None:
        annotate(request, customer_ids=[task.customer_id], fields=["task"])
    response.headers["Location"] = f"/api/v1/tasks/{task.id}"
    return await _one(container, task.id)


async def _one(container: Any, task_id: uuid.UUID) -> TaskOut:
    async with container.engine.connect() as conn:
        row = await store.task_row(conn, task_id)
    return present(row, container.today())


@router.get(
    "/{task_id}",
    operation_id="tasks-get",
    response_model=TaskOut,
    responses=problem_responses(401, 403, 404, 422),
    summary="One task",
)
async def get_task(request: Request, task_id: str, container: ContainerDep, principal: PersonDep) -> TaskOut:
    tid = parse_uuid(task_id, "task")
    async with container.uow(readonly=True) as uow:
        await service.visible(store.SqlTaskRepository(uow.connection), principal, tid)
    out = await _one(container, tid)
    _read(request, [out])
    return out


@router.patch(
    "/{task_id}",
    operation_id="tasks-update",
    response_model=TaskOut,
    responses=problem_responses(401, 403, 404, 409, 422),
    summary="Move an open task to another day, or say better what it is",
)
async def update_task(
    request: Request, task_id: str, body: TaskPatchIn, container: ContainerDep, principal: PersonDep
) -> TaskOut:
    tid = parse_uuid(task_id, "task")
    async with container.uow() as uow:
        task = await service.revise(
            store.SqlTaskRepository(uow.connection),
            principal,
            tid,
            title=body.title,
            note=body.note,
            due_on=body.due_on,
            at=container.clock.now(),
        )
        await uow.commit()
    if task.customer_id is not None:
        annotate(request, customer_ids=[task.customer_id], fields=sorted(body.model_fields_set))
    return await _one(container, tid)


async def _close(
    request: Request, task_id: str, body: CloseIn, container: Any, principal: Any, to: TaskStatus
) -> TaskOut:
    tid = parse_uuid(task_id, "task")
    async with container.uow() as uow:
        task = await service.close(
            store.SqlTaskRepository(uow.connection), principal, tid, to, body.outcome, container.clock.now()
        )
        await uow.commit()
    if task.customer_id is not None:
        annotate(request, customer_ids=[task.customer_id], fields=["status", "outcome"])
    return await _one(container, tid)


@router.post(
    "/{task_id}/done",
    operation_id="tasks-done",
    response_model=TaskOut,
    responses=problem_responses(401, 403, 404, 409, 422),
    summary="Mark an open task done, with what came of it",
)
async def done_task(
    request: Request, task_id: str, body: CloseIn, container: ContainerDep, principal: PersonDep
) -> TaskOut:
    return await _close(request, task_id, body, container, principal, TaskStatus.DONE)


@router.post(
    "/{task_id}/cancel",
    operation_id="tasks-cancel",
    response_model=TaskOut,
    responses=problem_responses(401, 403, 404, 409, 422),
    summary="Cancel an open task, saying why",
)
async def cancel_task(
    request: Request, task_id: str, body: CloseIn, container: ContainerDep, principal: PersonDep
) -> TaskOut:
    return await _close(request, task_id, body, container, principal, TaskStatus.CANCELLED)
