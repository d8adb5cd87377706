"""Customer value use cases: the pricing parameters, and keeping scores current as events arrive."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from typing import Protocol

from domain.access import Action, Principal
from domain.customers import Customer
from domain.interactions import Interaction
from domain.ports import UnitOfWork
from domain.services.customers import get_customer
from domain.value.contribution import check_changes


class ParameterStore(Protocol):
    async def save_parameters(self, values: dict[str, Decimal], by: uuid.UUID | None, at: datetime) -> None: ...


class ValueStore(Protocol):
    """Set-based scoring and segment membership over the writer's transaction."""

    async def rescore(self, customer_ids: frozenset[uuid.UUID], at: datetime) -> None: ...

    async def refresh_segments(self, customer_ids: frozenset[uuid.UUID], at: datetime) -> None: ...


class ValueStoreFactory(Protocol):
    def __call__(self, uow: UnitOfWork) -> ValueStore: ...


async def customer_for_value(uow: UnitOfWork, principal: Principal, customer_id: uuid.UUID) -> Customer:
    """The customer whose value the caller asks for; CustomerNotFound outside their scope."""
    principal.require(Action.READ_VALUE)
    return await get_customer(uow, principal, customer_id)


async def update_parameters(
    store: ParameterStore, principal: Principal, changes: dict[str, object], at: datetime
) -> dict[str, Decimal]:
    """Admins change contribution parameters; each must stay inside its documented range."""
    principal.require(Action.EDIT_VALUE_PARAMETERS)
    checked = check_changes(changes)
    await store.save_parameters(checked, principal.user_id, at)
    return checked


class ValueActivityObserver:
    """Rescores the given customers, then re-evaluates rule segments for them, in the caller's unit of work.

    The scorer (adapters/scorer.py) calls it with the customers the feeds queued, after their events
    committed, so scores, tiers, alerts and memberships follow the events within a scoring pass."""

    def __init__(self, stores: ValueStoreFactory) -> None:
        self._stores = stores

    async def customers_changed(
        self,
        uow: UnitOfWork,
        customer_ids: frozenset[uuid.UUID],
        at: datetime,
        interactions: Sequence[Interaction] | None = None,
    ) -> None:
        if not customer_ids:
            return
        store = self._stores(uow)
        await store.rescore(customer_ids, at)
        await store.refresh_segments(customer_ids, at)
