"""Task use cases: leave one (for oneself, a colleague of one's branch, or a caller's RM), do it, cancel it,
move it; each only by those the task concerns."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date, datetime
from typing import Protocol

from domain.access import CUSTOMER_STAFF_ROLES, Action, Principal, Role, portfolio_of
from domain.calendar import bank_day
from domain.customers import Customer
from domain.errors import Conflict, Forbidden, InvalidValue, NotFound
from domain.ports import UnitOfWork
from domain.services.customers import get_customer
from domain.tasks import Task, TaskStatus, check_due, check_text, check_title


class TaskStore(Protocol):
    async def get(self, task_id: uuid.UUID) -> Task | None: ...

    async def add(self, task: Task) -> None: ...

    async def save(self, task: Task) -> bool:
        """Store the change of an open task; False when it was closed meanwhile."""
        ...

    async def active_staff(self, user_id: uuid.UUID) -> tuple[Role, str | None] | None:
        """The role and branch of an active user."""
        ...


async def _holder(
    store: TaskStore, principal: Principal, assignee_id: uuid.UUID | None, customer: Customer | None
) -> uuid.UUID:
    """Who holds a new task: oneself by default; an agent's task goes to the caller's RM."""
    if principal.role is Role.AGENT:
        if customer is None:
            raise InvalidValue("an agent leaves a task about a customer, for their RM", field="customer_id")
        if customer.relationship_manager_id is None:
            raise InvalidValue("the customer has no RM to leave the task with", field="customer_id")
        if assignee_id not in (None, customer.relationship_manager_id):
            raise InvalidValue("an agent leaves the task with the customer's RM", field="assignee_id")
        return customer.relationship_manager_id
    if assignee_id is None or assignee_id == principal.user_id:
        if principal.user_id is None:
            raise InvalidValue("say who is to do it", field="assignee_id")
        return principal.user_id
    if principal.role is Role.RM:
        raise InvalidValue("an RM keeps their own tasks; a branch manager hands them out", field="assignee_id")
    who = await store.active_staff(assignee_id)
    if who is None:
        raise InvalidValue(f"no active user {assignee_id}", field="assignee_id")
    role, branch = who
    if role not in CUSTOMER_STAFF_ROLES:
        raise InvalidValue(f"a {role.value} does not hold tasks", field="assignee_id")
    own = principal.staff_branch
    if own is not None and role is not Role.ADMIN and branch != own:
        raise InvalidValue("hand tasks to people of your own branch", field="assignee_id")
    if customer is not None and not portfolio_of(role, assignee_id, branch).admits(customer):
        raise InvalidValue("that person cannot see this customer (not their portfolio or branch)", field="assignee_id")
    return assignee_id


async def create(
    uow: UnitOfWork,
    store: TaskStore,
    principal: Principal,
    *,
    title: str,
    note: str | None,
    due_on: date,
    customer_id: uuid.UUID | None,
    assignee_id: uuid.UUID | None,
    at: datetime,
) -> Task:
    principal.require(Action.WORK_TASKS)
    text = check_title(title)
    body = check_text(note, "note")
    check_due(due_on, bank_day(at))
    customer = None if customer_id is None else await get_customer(uow, principal, customer_id)
    holder = await _holder(store, principal, assignee_id, customer)
    task = Task(
        id=uuid.uuid4(),
        title=text,
        note=body,
        customer_id=customer_id,
        assignee_id=holder,
        due_on=due_on,
        status=TaskStatus.OPEN,
        created_by=principal.user_id,
        created_at=at,
    )
    await store.add(task)
    return task


async def _concerns(store: TaskStore, principal: Principal, task: Task) -> bool:
    """The task concerns the person: they hold it or left it, manage its holder's branch, or see every task."""
    if principal.role in (Role.ADMIN, Role.AUDITOR):
        return True
    if principal.user_id is not None and principal.user_id in (task.assignee_id, task.created_by):
        return True
    if principal.role is Role.BRANCH_MANAGER:
        who = await store.active_staff(task.assignee_id)
        return who is not None and who[1] == principal.branch
    return False


async def visible(store: TaskStore, principal: Principal, task_id: uuid.UUID) -> Task:
    principal.require(Action.READ_TASKS)
    task = await store.get(task_id)
    if task is None or not await _concerns(store, principal, task):
        raise NotFound(f"task {task_id} not found")
    return task


async def _open_for_change(store: TaskStore, principal: Principal, task_id: uuid.UUID, doing: str) -> Task:
    principal.require(Action.WORK_TASKS)
    task = await visible(store, principal, task_id)
    if principal.role is Role.AGENT and principal.user_id != task.created_by:
        raise Forbidden("an agent changes only the tasks they left")
    if task.status is not TaskStatus.OPEN:
        raise Conflict(f"task {task_id} is already {task.status.value}: it cannot be {doing}")
    return task


async def close(
    store: TaskStore,
    principal: Principal,
    task_id: uuid.UUID,
    status: TaskStatus,
    outcome: str,
    at: datetime,
) -> Task:
    """Done, with what came of it; or cancelled, with why."""
    field = "outcome"
    text = check_text(outcome, field, required=True)
    task = await _open_for_change(store, principal, task_id, status.value)
    closed = replace(task, status=status, closed_at=at, closed_by=principal.user_id, outcome=text)
    if not await store.save(closed):
        raise Conflict(f"task {task_id} was closed meanwhile")
    return closed


async def revise(
    store: TaskStore,
    principal: Principal,
    task_id: uuid.UUID,
    *,
    title: str | None,
    note: str | None,
    due_on: date | None,
    at: datetime,
) -> Task:
    """Move an open task to another day, or say better what it is."""
    task = await _open_for_change(store, principal, task_id, "changed")
    changed = replace(
        task,
        title=task.title if title is None else check_title(title),
        note=task.note if note is None else check_text(note, "note"),
        due_on=task.due_on if due_on is None else check_due(due_on, bank_day(at)),
    )
    if not await store.save(changed):
        raise Conflict(f"task {task_id} was closed meanwhile")
    return changed
