"""Task repository (the TaskStore port) and the task lists."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.db.tables import customers, users
from adapters.db.tables_campaigns import tasks
from adapters.db.views import Page, decode_cursor, encode_cursor
from domain.access import Principal, Role
from domain.tasks import CLOSED_STATUSES, Task, TaskStatus

# The list filter for both closed statuses (done or cancelled).
CLOSED = "closed"


def _task(r: Any) -> Task:
    return Task(
        id=r.id,
        title=r.title,
        note=r.note,
        customer_id=r.customer_id,
        assignee_id=r.assignee_id,
        due_on=r.due_on,
        status=TaskStatus(r.status),
        created_by=r.created_by,
        created_at=r.created_at,
        closed_at=r.closed_at,
        closed_by=r.closed_by,
        outcome=r.outcome,
    )


class SqlTaskRepository:
    def __init__(self, conn: AsyncConnection) -> None:
        self._conn = conn

    async def get(self, task_id: uuid.UUID) -> Task | None:
        row = (await self._conn.execute(sa.select(tasks).where(tasks.c.id == task_id))).first()
        return None if row is None else _task(row)

    async def add(self, task: Task) -> None:
        await self._conn.execute(
            sa.insert(tasks).values(
                id=task.id,
                title=task.title,
                note=task.note,
                customer_id=task.customer_id,
                assignee_id=task.assignee_id,
                due_on=task.due_on,
                status=task.status.value,
                created_by=task.created_by,
                created_at=task.created_at,
            )
        )

    async def save(self, task: Task) -> bool:
        result = await self._conn.execute(
            sa.update(tasks)
            .where(tasks.c.id == task.id, tasks.c.status == TaskStatus.OPEN.value)
            .values(
                title=task.title,
                note=task.note,
                due_on=task.due_on,
                status=task.status.value,
                closed_at=task.closed_at,
                closed_by=task.closed_by,
                outcome=task.outcome,
            )
        )
        return result.rowcount == 1

    async def active_staff(self, user_id: uuid.UUID) -> tuple[Role, str | None] | None:
        row = (
            await self._conn.execute(
                sa.select(users.c.role, users.c.branch_code).where(users.c.id == user_id, users.c.active.is_(True))
            )
        ).first()
        return None if row is None else (Role(row.role), row.branch_code)


_assignee = users.alias("assignee")
_creator = users.alias("creator")
_closer = users.alias("closer")

_COLUMNS = (
    tasks,
    customers.c.customer_number,
    customers.c.name_zh,
    customers.c.name_latin,
    _assignee.c.username.label("assignee_username"),
    _assignee.c.display_name.label("assignee_name"),
    _creator.c.username.label("created_by_username"),
    _closer.c.username.label("closed_by_username"),
)


def _select() -> sa.Select[Any]:
    return sa.select(*_COLUMNS).select_from(
        tasks.outerjoin(customers, customers.c.id == tasks.c.customer_id)
        .join(_assignee, _assignee.c.id == tasks.c.assignee_id)
        .outerjoin(_creator, _creator.c.id == tasks.c.created_by)
        .outerjoin(_closer, _closer.c.id == tasks.c.closed_by)
    )


def _concerning(principal: Principal) -> sa.ColumnElement[bool]:
    """The tasks a person sees (domain/services/tasks.py: _concerns, as SQL)."""
    if principal.role in (Role.ADMIN, Role.AUDITOR):
        return sa.true()
    mine = sa.or_(tasks.c.assignee_id == principal.user_id, tasks.c.created_by == principal.user_id)
    if principal.role is Role.BRANCH_MANAGER:
        return sa.or_(mine, _assignee.c.branch_code == principal.branch)
    return mine


async def list_tasks(
    conn: AsyncConnection,
    principal: Principal,
    today: date,
    *,
    status: str | None,
    assignee_id: uuid.UUID | None,
    customer_id: uuid.UUID | None,
    overdue: bool | None,
    limit: int,
    cursor: str | None,
) -> Page:
    """Open tasks by day, the soonest first (a to-do list); closed ones (`status="closed"`: done or cancelled) the
    latest closed first; otherwise the newest first."""
    closed = status == CLOSED
    queue = not closed and (status == TaskStatus.OPEN.value or overdue is True)
    stmt = _select().where(_concerning(principal))
    if closed:
        stmt = stmt.where(tasks.c.status.in_(sorted(s.value for s in CLOSED_STATUSES)))
    elif status:
        stmt = stmt.where(tasks.c.status == status)
    if assignee_id:
        stmt = stmt.where(tasks.c.assignee_id == assignee_id)
    if customer_id:
        stmt = stmt.where(tasks.c.customer_id == customer_id)
    if overdue is True:
        stmt = stmt.where(tasks.c.status == TaskStatus.OPEN.value, tasks.c.due_on < today)
    elif overdue is False:
        stmt = stmt.where(sa.or_(tasks.c.status != TaskStatus.OPEN.value, tasks.c.due_on >= today))
    # Each order pages by its own key and the id (a tie-breaker): (due_on, id) up, or (closed_at | created_at, id)
    # down.
    if queue:
        after = decode_cursor(cursor, (date, uuid.UUID))
        if after:
            stmt = stmt.where(
                sa.or_(tasks.c.due_on > after[0], sa.and_(tasks.c.due_on == after[0], tasks.c.id > after[1]))
            )
        stmt = stmt.order_by(tasks.c.due_on, tasks.c.id)
    else:
        when = tasks.c.closed_at if closed else tasks.c.created_at
        after = decode_cursor(cursor, (datetime, uuid.UUID))
        if after:
            stmt = stmt.where(sa.or_(when < after[0], sa.and_(when == after[0], tasks.c.id < after[1])))
        stmt = stmt.order_by(when.desc(), tasks.c.id.desc())
    rows = list(await conn.execute(stmt.limit(limit + 1)))
    more = len(rows) > limit
    rows = rows[:limit]
    if not (more and rows):
        return Page(rows, None)
    last = rows[-1]
    key = last.due_on if queue else last.closed_at if closed else last.created_at
    return Page(rows, encode_cursor([key, last.id]))


async def task_row(conn: AsyncConnection, task_id: uuid.UUID) -> Any:
    return (await conn.execute(_select().where(tasks.c.id == task_id))).first()
