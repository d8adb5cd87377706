"""Alert use cases: acknowledge, assign, resolve; each only within the caller's portfolio."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Protocol

from domain.access import CUSTOMER_STAFF_ROLES, Action, Principal, Role, portfolio_of
from domain.customers import Customer
from domain.errors import InvalidValue, NotFound
from domain.ports import UnitOfWork
from domain.services.customers import get_customer
from domain.value.alerts import AlertStatus, next_status


@dataclass(frozen=True, slots=True)
class AlertRecord:
    id: uuid.UUID
    customer_id: uuid.UUID
    status: str
    assigned_to: uuid.UUID | None


class AlertStore(Protocol):
    async def get(self, alert_id: uuid.UUID) -> AlertRecord | None: ...

    async def save(self, record: AlertRecord, at: datetime, note: str | None = None) -> None: ...

    async def active_user(self, user_id: uuid.UUID) -> tuple[str, str | None] | None:
        """(role, branch) of an active user, or None."""
        ...


async def _visible(uow: UnitOfWork, store: AlertStore, principal: Principal, alert_id: uuid.UUID) -> AlertRecord:
    return (await _visible_with_customer(uow, store, principal, alert_id))[0]


async def _visible_with_customer(
    uow: UnitOfWork, store: AlertStore, principal: Principal, alert_id: uuid.UUID
) -> tuple[AlertRecord, Customer]:
    record = await store.get(alert_id)
    if record is None:
        raise NotFound(f"alert {alert_id} not found")
    try:
        customer = await get_customer(uow, principal, record.customer_id)
    except NotFound:
        raise NotFound(f"alert {alert_id} not found") from None  # outside the scope: as if absent
    return record, customer


async def acknowledge(
    uow: UnitOfWork, store: AlertStore, principal: Principal, alert_id: uuid.UUID, at: datetime
) -> AlertRecord:
    """Mark an open alert as seen; the caller takes it if nobody has it."""
    principal.require(Action.WORK_ALERTS)
    record = await _visible(uow, store, principal, alert_id)
    status = next_status(AlertStatus(record.status), "acknowledge")
    updated = replace(record, status=status.value, assigned_to=record.assigned_to or principal.user_id)
    await store.save(updated, at)
    return updated


async def resolve(
    uow: UnitOfWork, store: AlertStore, principal: Principal, alert_id: uuid.UUID, note: str, at: datetime
) -> AlertRecord:
    """Close an alert with a note of what was done."""
    principal.require(Action.WORK_ALERTS)
    if not note.strip():
        raise InvalidValue("say what was done", field="note")
    record = await _visible(uow, store, principal, alert_id)
    status = next_status(AlertStatus(record.status), "resolve")
    updated = replace(record, status=status.value)
    await store.save(updated, at, note)
    return updated


async def assign(
    uow: UnitOfWork,
    store: AlertStore,
    principal: Principal,
    alert_id: uuid.UUID,
    user_id: uuid.UUID,
    at: datetime,
) -> AlertRecord:
    """Give an alert to another person who looks after customers (an RM, branch manager or admin)."""
    principal.require(Action.WORK_ALERTS)
    record, customer = await _visible_with_customer(uow, store, principal, alert_id)
    if record.status == AlertStatus.RESOLVED.value:
        raise InvalidValue("a resolved alert cannot be reassigned", field="user_id")
    who = await store.active_user(user_id)
    if who is None:
        raise InvalidValue(f"no active user {user_id}", field="user_id")
    role, branch = Role(who[0]), who[1]
    if role not in CUSTOMER_STAFF_ROLES:
        raise InvalidValue(f"a {role.value} does not work alerts", field="user_id")
    own = principal.staff_branch
    if own is not None and role is not Role.ADMIN and branch != own:
        raise InvalidValue("assign alerts to people of your own branch (or an admin)", field="user_id")
    if not portfolio_of(role, user_id, branch).admits(customer):
        # they could not open the customer nor see the alert: give them the customer first
        raise InvalidValue(
            "that person cannot see this customer (not their portfolio or branch); the customer's RM, "
            "a branch manager of the customer's branch or an admin can take it",
            field="user_id",
        )
    updated = replace(record, assigned_to=user_id)
    await store.save(updated, at)
    return updated
