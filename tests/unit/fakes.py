"""In-memory fakes of the domain's ports, for fast use-case tests without a database."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, datetime
from types import TracebackType

from domain.access import Role, StaffMember
from domain.customers import Customer, Identity, Relation
from domain.errors import Conflict, StaleVersion
from domain.holdings import ProductHolding
from domain.interactions import Interaction
from domain.products import Product


class FixedClock:
    def __init__(self, now: datetime | None = None) -> None:
        self._now = now or datetime(2026, 11, 23, 9, 0, tzinfo=UTC)

    def now(self) -> datetime:
        return self._now


class FakeCustomers:
    def __init__(self) -> None:
        self.rows: dict[uuid.UUID, Customer] = {}
        self.relations: dict[uuid.UUID, list[Relation]] = {}

    async def get(self, customer_id: uuid.UUID) -> Customer | None:
        c = self.rows.get(customer_id)
        return None if c is None else replace(c, relations=list(self.relations.get(customer_id, [])))

    async def get_by_number(self, customer_number: str) -> Customer | None:
        return next((c for c in self.rows.values() if c.customer_number == customer_number), None)

    async def add(self, customer: Customer) -> None:
        if await self.get_by_number(customer.customer_number):
            raise Conflict("number taken", field="customer_number")
        self.rows[customer.id] = customer

    async def update(self, customer: Customer) -> None:
        stored = self.rows[customer.id]
        if stored.version != customer.version - 1:
            raise StaleVersion(customer.version - 1, stored.version)
        self.rows[customer.id] = customer

    async def find_by_identity(self, identity: Identity) -> list[uuid.UUID]:
        return sorted(c.id for c in self.rows.values() if identity in c.identities() and c.merged_into is None)

    async def add_relation(self, customer_id: uuid.UUID, relation: Relation) -> None:
        existing = self.relations.setdefault(customer_id, [])
        if relation in existing:
            raise Conflict("relation already recorded")
        existing.append(relation)


class FakeProducts:
    def __init__(self) -> None:
        self.rows: dict[str, Product] = {}

    async def get(self, code: str) -> Product | None:
        return self.rows.get(code)

    async def add(self, product: Product) -> None:
        self.rows[product.code] = product

    async def update(self, product: Product) -> None:
        self.rows[product.code] = product


class FakeHoldings:
    def __init__(self) -> None:
        self.rows: dict[uuid.UUID, ProductHolding] = {}

    async def get(self, holding_id: uuid.UUID) -> ProductHolding | None:
        return self.rows.get(holding_id)

    async def get_by_account(self, account_number: str) -> ProductHolding | None:
        return next((h for h in self.rows.values() if h.account_number == account_number), None)

    async def for_customer(self, customer_id: uuid.UUID) -> list[ProductHolding]:
        return [h for h in self.rows.values() if h.customer_id == customer_id]

    async def add(self, holding: ProductHolding) -> None:
        self.rows[holding.id] = holding

    async def update(self, holding: ProductHolding) -> None:
        self.rows[holding.id] = holding


class FakeInteractions:
    def __init__(self) -> None:
        self.rows: list[Interaction] = []

    async def add(self, interaction: Interaction) -> None:
        self.rows.append(interaction)


class FakeDirectory:
    def __init__(self) -> None:
        self.branches: set[str] = {"BJ001", "SH001"}
        self.staff: dict[uuid.UUID, StaffMember] = {}

    def add_staff(self, role: Role, branch: str | None = "BJ001") -> uuid.UUID:
        uid = uuid.uuid4()
        self.staff[uid] = StaffMember(uid, role, branch)
        return uid

    async def branch_exists(self, code: str) -> bool:
        return code in self.branches

    async def staff_member(self, user_id: uuid.UUID) -> StaffMember | None:
        return self.staff.get(user_id)


class FakeUnitOfWork:
    """Commits by snapshot: what was not committed is thrown away on exit, like the real one."""

    def __init__(self) -> None:
        self.customers = FakeCustomers()
        self.products = FakeProducts()
        self.holdings = FakeHoldings()
        self.interactions = FakeInteractions()
        self.directory = FakeDirectory()
        self.committed = 0
        self._snapshot: dict[uuid.UUID, Customer] = {}

    async def __aenter__(self) -> FakeUnitOfWork:
        self._snapshot = dict(self.customers.rows)
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.rollback()

    async def commit(self) -> None:
        self.committed += 1
        self._snapshot = dict(self.customers.rows)

    async def rollback(self) -> None:
        self.customers.rows = dict(self._snapshot)
