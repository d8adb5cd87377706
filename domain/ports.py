"""Ports: what the domain needs from the outside world."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from types import TracebackType
from typing import Protocol

from domain.access import StaffMember
from domain.customers import Customer, Identity, Relation
from domain.holdings import ProductHolding
from domain.interactions import Interaction
from domain.products import Product


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware."""
        ...


class CustomerRepository(Protocol):
    async def get(self, customer_id: uuid.UUID) -> Customer | None: ...

    async def get_by_number(self, customer_number: str) -> Customer | None: ...

    async def add(self, customer: Customer) -> None: ...

    async def update(self, customer: Customer) -> None:
        """Store a changed customer; raise StaleVersion if the stored version is not customer.version - 1."""
        ...

    async def find_by_identity(self, identity: Identity) -> list[uuid.UUID]: ...

    async def add_relation(self, customer_id: uuid.UUID, relation: Relation) -> None: ...


class ProductRepository(Protocol):
    async def get(self, code: str) -> Product | None: ...

    async def add(self, product: Product) -> None: ...

    async def update(self, product: Product) -> None: ...


class HoldingRepository(Protocol):
    async def get(self, holding_id: uuid.UUID) -> ProductHolding | None: ...

    async def get_by_account(self, account_number: str) -> ProductHolding | None: ...

    async def for_customer(self, customer_id: uuid.UUID) -> list[ProductHolding]: ...

    async def add(self, holding: ProductHolding) -> None: ...

    async def update(self, holding: ProductHolding) -> None: ...


class InteractionRepository(Protocol):
    async def add(self, interaction: Interaction) -> None: ...


class Directory(Protocol):
    """Reference data about the bank itself: branches and staff."""

    async def branch_exists(self, code: str) -> bool: ...

    async def staff_member(self, user_id: uuid.UUID) -> StaffMember | None: ...


class UnitOfWork(Protocol):
    """One transaction: everything done through it commits together or not at all."""

    @property
    def customers(self) -> CustomerRepository: ...

    @property
    def products(self) -> ProductRepository: ...

    @property
    def holdings(self) -> HoldingRepository: ...

    @property
    def interactions(self) -> InteractionRepository: ...

    @property
    def directory(self) -> Directory: ...

    async def __aenter__(self) -> UnitOfWork: ...

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...

    async def commit(self) -> None: ...

    async def rollback(self) -> None: ...


class ActivityObserver(Protocol):
    """Told, inside a writer's unit of work, which customers just had new events (feeds, edits, merges).

    What must commit with the events hangs off this (queueing the customers for scoring, complaint cases,
    live-stream notices); scoring itself runs after the commit, on the queued customers.

    `interactions`, when the writer gives it, is every timeline entry it added for these customers (a feed
    batch knows them all), so an observer need not look for them; None means "not known" (edits, merges,
    scoring passes), and an observer that cares looks in the store.
    """

    async def customers_changed(
        self,
        uow: UnitOfWork,
        customer_ids: frozenset[uuid.UUID],
        at: datetime,
        interactions: Sequence[Interaction] | None = None,
    ) -> None: ...


class LiveEventPublisher(Protocol):
    """Publishes what happened to a customer (new interaction, alert, balance) to live listeners."""

    async def publish(self, customer_id: uuid.UUID, kind: str, payload: dict[str, object]) -> None: ...
