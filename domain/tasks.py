"""Tasks: what a relationship manager has said they will do, by when (call a customer back, bring the forms).

A task is held by one person who looks after customers (an RM, a branch manager or an admin) and is often about
one customer. RMs keep their own; a branch manager hands tasks to the people of their branch; the call center's
agents leave the customer's RM a task when a caller asks for them. A task is done with what came of it, or
cancelled with why, and is overdue when still open after its day.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from domain.errors import InvalidValue

TITLE_MAX = 200
NOTE_MAX = 2000
LATEST_DUE_DAYS = 366


class TaskStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"


# A task no longer to be done: done with what came of it, or cancelled with why.
CLOSED_STATUSES = frozenset({TaskStatus.DONE, TaskStatus.CANCELLED})


@dataclass(frozen=True, slots=True)
class Task:
    id: uuid.UUID
    title: str
    note: str | None
    customer_id: uuid.UUID | None
    assignee_id: uuid.UUID
    due_on: date
    status: TaskStatus
    created_by: uuid.UUID | None
    created_at: datetime
    closed_at: datetime | None = None
    closed_by: uuid.UUID | None = None
    outcome: str | None = None


def check_title(title: str) -> str:
    text = " ".join(title.split())
    if not text:
        raise InvalidValue("say what is to be done", field="title")
    if len(text) > TITLE_MAX:
        raise InvalidValue(f"at most {TITLE_MAX} characters", field="title")
    return text


def check_text(text: str | None, field: str, *, required: bool = False) -> str | None:
    value = (text or "").strip()
    if required and not value:
        raise InvalidValue("say what came of it" if field == "outcome" else f"{field} is required", field=field)
    if len(value) > NOTE_MAX:
        raise InvalidValue(f"at most {NOTE_MAX} characters", field=field)
    return value or None


def check_due(due_on: date, today: date) -> date:
    if due_on < today:
        raise InvalidValue("a task is due today or later", field="due_on")
    if (due_on - today).days > LATEST_DUE_DAYS:
        raise InvalidValue(f"a task is due within {LATEST_DUE_DAYS} days", field="due_on")
    return due_on


def overdue(status: str, due_on: date, today: date) -> bool:
    return status == TaskStatus.OPEN.value and due_on < today
