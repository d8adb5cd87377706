"""Case repository: complaints and service requests (the CaseRepository port)."""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.db.arrays import one_of
from adapters.db.tables import customers, interactions
from adapters.db.tables_contact import cases
from domain.contact_center import Case, ComplaintFact, complaint_summary
from domain.value.movements import COMPLAINT_CHANNEL, COMPLAINT_TYPE


class SqlCaseRepository:
    def __init__(self, conn: AsyncConnection) -> None:
        self._conn = conn
        self._pg = conn.dialect.name == "postgresql"

    async def complaints_without_case(self, customer_ids: frozenset[uuid.UUID]) -> list[ComplaintFact]:
        if not customer_ids:
            return []
        has_case = sa.exists().where(cases.c.interaction_id == interactions.c.id)
        rows = await self._conn.execute(
            sa.select(
                interactions.c.id,
                interactions.c.customer_id,
                interactions.c.occurred_at,
                interactions.c.channel,
                interactions.c.summary,
                interactions.c.source_ref,
                interactions.c.payload,
            )
            .where(
                one_of(self._pg, interactions.c.customer_id, sorted(customer_ids)),
                interactions.c.channel == COMPLAINT_CHANNEL,
                interactions.c.type == COMPLAINT_TYPE,
                ~has_case,
            )
            .order_by(interactions.c.occurred_at, interactions.c.id)
        )
        out = []
        for r in rows:
            summary = complaint_summary(r.summary, r.payload)
            out.append(ComplaintFact(r.id, r.customer_id, r.occurred_at, r.channel, summary, r.source_ref))
        return out

    async def follow_merges(self, customer_ids: frozenset[uuid.UUID]) -> int:
        """Re-point the cases of customers merged into these ones to the survivor, as their interactions were."""
        if not customer_ids:
            return 0
        merged = sa.select(customers.c.id).where(one_of(self._pg, customers.c.merged_into, sorted(customer_ids)))
        survivor = sa.select(customers.c.merged_into).where(customers.c.id == cases.c.customer_id).scalar_subquery()
        result = await self._conn.execute(
            sa.update(cases).where(cases.c.customer_id.in_(merged)).values(customer_id=survivor)
        )
        return int(result.rowcount or 0)

    async def add_all(self, new_cases: list[Case]) -> int:
        """One multi-row INSERT per chunk; a case whose interaction already has one (another writer opened
        it first) is skipped by the unique interaction_id, without a savepoint per case."""
        if not new_cases:
            return 0
        insert = pg_insert if self._conn.dialect.name == "postgresql" else sqlite_insert
        # One cached statement executed with many rows (SQLAlchemy batches them into multi-row VALUES with
        # RETURNING); building `.values(rows)` instead made a new statement to compile for every batch.
        stmt = insert(cases).on_conflict_do_nothing(index_elements=["interaction_id"]).returning(cases.c.id)
        result = await self._conn.execute(stmt, [_row(case) for case in new_cases])
        return len(result.all())

    async def add(self, case: Case) -> bool:
        try:
            async with self._conn.begin_nested():
                await self._conn.execute(sa.insert(cases).values(**_row(case)))
        except IntegrityError:
            return False  # its interaction already has a case
        return True


def _row(case: Case) -> dict[str, object]:
    return {
        "id": case.id,
        "customer_id": case.customer_id,
        "kind": case.kind,
        "status": case.status,
        "subject": case.subject,
        "channel": case.channel,
        "opened_at": case.opened_at,
        "sla_due_at": case.sla_due_at,
        "closed_at": case.closed_at,
        "interaction_id": case.interaction_id,
        "source_ref": case.source_ref,
        "satisfaction": case.satisfaction,
    }
