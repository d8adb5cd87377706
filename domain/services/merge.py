"""Merging customers: a provisional (or duplicate) customer's history moves into the surviving one."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import datetime
from typing import Protocol

from domain.access import Action, Principal, Role
from domain.errors import Conflict, CustomerNotFound, Forbidden, InvalidValue
from domain.ports import Clock, UnitOfWork
from domain.services.customers import get_customer


class MergeStore(Protocol):
    async def move_history(self, source_id: uuid.UUID, survivor_id: uuid.UUID) -> dict[str, int]:
        """Re-point the source's learned identities, holdings, interactions, relations, alerts and segment
        memberships at the survivor; return how many of each moved."""
        ...

    async def record_merge(
        self, survivor_id: uuid.UUID, merged_id: uuid.UUID, by: str, at: datetime, moved: dict[str, int]
    ) -> None: ...


MERGING_ROLES = frozenset({Role.ADMIN, Role.BRANCH_MANAGER})


async def merge_customers(
    uow: UnitOfWork,
    store: MergeStore,
    principal: Principal,
    survivor_id: uuid.UUID,
    source_id: uuid.UUID,
    clock: Clock,
    notify: Callable[[set[uuid.UUID]], Awaitable[None]],
) -> dict[str, int]:
    """Merge `source_id` into `survivor_id`; the source keeps existing, pointing at the survivor.

    Admins merge any two customers; a branch manager merges into a customer of their branch, from one of
    their branch or from a provisional customer (which has no branch yet). The caller commits.
    """
    principal.require(Action.WRITE_CUSTOMERS)
    if principal.role not in MERGING_ROLES:
        raise Forbidden("only admins and branch managers may merge customers")
    if source_id == survivor_id:
        raise InvalidValue("a customer cannot be merged into itself", field="source_customer_id")
    survivor = await get_customer(uow, principal, survivor_id)
    source = await uow.customers.get(source_id)
    if source is None or not (source.provisional or principal.portfolio.admits(source)):
        raise CustomerNotFound(source_id)
    if survivor.merged_into is not None:
        raise Conflict("the surviving customer was itself merged into another", field="id")
    if source.merged_into is not None:
        raise Conflict(f"customer {source_id} was already merged", field="source_customer_id")

    moved = await store.move_history(source_id, survivor_id)
    now = clock.now()
    # Profile identities follow through the profile: phones join the survivor's, an ID document fills a gap.
    phones = survivor.phones + [p for p in source.phones if p not in survivor.phones]
    id_document = survivor.id_document or source.id_document
    gained = (len(phones) - len(survivor.phones)) + (1 if id_document is not survivor.id_document else 0)
    if gained:
        moved["profile_identities"] = gained
    merged_source = replace(source, merged_into=survivor_id, version=source.version + 1, updated_at=now)
    if source.id_document is not None and id_document is source.id_document:
        merged_source = replace(merged_source, id_document=None)  # one live owner per ID document
    await uow.customers.update(merged_source)
    await uow.customers.update(
        replace(survivor, phones=phones, id_document=id_document, version=survivor.version + 1, updated_at=now)
    )
    await store.record_merge(survivor_id, source_id, principal.subject, now, moved)
    await notify({survivor_id})
    return moved
