"""Moving a merged customer's rows to the survivor, and the audit trail of merges."""

from __future__ import annotations

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.db.customers import DERIVED_SOURCES
from adapters.db.tables import customer_identities, customer_relations, holdings, interactions, segment_members
from adapters.db.tables_campaigns import campaign_members, tasks
from adapters.db.tables_feeds import customer_merges
from adapters.db.tables_value import alerts, customer_scores


class SqlMergeStore:
    def __init__(self, conn: AsyncConnection) -> None:
        self._conn = conn

    async def _move(self, table: sa.Table, source: uuid.UUID, survivor: uuid.UUID, same: list[str]) -> int:
        """Re-point rows, except those the survivor already has (same values in `same` columns)."""
        other = table.alias("other")
        clash = sa.exists().where(other.c.customer_id == survivor, *[other.c[c] == table.c[c] for c in same])
        result = await self._conn.execute(
            sa.update(table).where(table.c.customer_id == source, ~clash).values(customer_id=survivor)
        )
        return int(result.rowcount or 0)

    async def move_history(self, source_id: uuid.UUID, survivor_id: uuid.UUID) -> dict[str, int]:
        conn = self._conn
        moved: dict[str, int] = {}
        ids = customer_identities
        other = ids.alias("other")
        learned = await conn.execute(
            sa.update(ids)
            .where(
                ids.c.customer_id == source_id,
                ids.c.source.not_in([s.value for s in DERIVED_SOURCES]),
                ~sa.exists().where(
                    other.c.customer_id == survivor_id, other.c.source == ids.c.source, other.c.key == ids.c.key
                ),
            )
            .values(customer_id=survivor_id)
        )
        moved["identities"] = int(learned.rowcount or 0)
        for name, table in (("holdings", holdings), ("interactions", interactions)):
            result = await conn.execute(
                sa.update(table).where(table.c.customer_id == source_id).values(customer_id=survivor_id)
            )
            moved[name] = int(result.rowcount or 0)
        # Relations both ways, never to the survivor itself and never twice.
        rel = customer_relations
        other_rel = rel.alias("other")
        r1 = await conn.execute(
            sa.update(rel)
            .where(
                rel.c.customer_id == source_id,
                rel.c.related_customer_id != survivor_id,
                ~sa.exists().where(
                    other_rel.c.customer_id == survivor_id,
                    other_rel.c.related_customer_id == rel.c.related_customer_id,
                    other_rel.c.type == rel.c.type,
                ),
            )
            .values(customer_id=survivor_id)
        )
        await conn.execute(
            sa.update(rel)
            .where(
                rel.c.related_customer_id == source_id,
                rel.c.customer_id != survivor_id,
                ~sa.exists().where(
                    other_rel.c.related_customer_id == survivor_id,
                    other_rel.c.customer_id == rel.c.customer_id,
                    other_rel.c.type == rel.c.type,
                ),
            )
            .values(related_customer_id=survivor_id)
        )
        await conn.execute(
            sa.delete(rel).where(sa.or_(rel.c.customer_id == source_id, rel.c.related_customer_id == source_id))
        )
        moved["relations"] = int(r1.rowcount or 0)
        moved["alerts"] = await self._move(alerts, source_id, survivor_id, ["kind", "cause_key"])
        moved["segment_memberships"] = await self._move(segment_members, source_id, survivor_id, ["segment_id"])
        # A campaign counts each customer once: the survivor keeps their own place where both were in it.
        moved["campaign_memberships"] = await self._move(campaign_members, source_id, survivor_id, ["campaign_id"])
        result = await conn.execute(
            sa.update(tasks).where(tasks.c.customer_id == source_id).values(customer_id=survivor_id)
        )
        moved["tasks"] = int(result.rowcount or 0)
        # The survivor's scores are recomputed by the scoring observer; the source's no longer mean anything.
        await conn.execute(sa.delete(customer_scores).where(customer_scores.c.customer_id == source_id))
        return moved

    async def record_merge(
        self, survivor_id: uuid.UUID, merged_id: uuid.UUID, by: str, at: datetime, moved: dict[str, int]
    ) -> None:
        await conn_insert(self._conn, survivor_id, merged_id, by, at, moved)


async def conn_insert(
    conn: AsyncConnection, survivor_id: uuid.UUID, merged_id: uuid.UUID, by: str, at: datetime, moved: dict[str, int]
) -> None:
    await conn.execute(
        sa.insert(customer_merges).values(
            id=uuid.uuid4(), survivor_id=survivor_id, merged_id=merged_id, merged_by=by, merged_at=at, moved=moved
        )
    )
