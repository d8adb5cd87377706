"""Feed storage: claimed event refs, set-based loads and writes for a batch, and the quarantine."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterator, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar

import orjson
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.channels.common import content_hash, earlier_reading_hash
from adapters.db.arrays import batches, json_records, one_of
from adapters.db.customers import customer_to_row, identity_rows
from adapters.db.engine import driver_connection
from adapters.db.holdings import holding_to_row, row_to_holding
from adapters.db.interactions import interaction_to_row
from adapters.db.products import row_to_product
from adapters.db.tables import customer_identities, customers, holdings, interactions, products
from adapters.db.tables_feeds import feed_balance_marks, feed_events, feed_quarantine
from adapters.db.types import UTCDateTime
from adapters.db.views import Page, decode_cursor, encode_cursor
from domain.customers import Identity, IdentitySource
from domain.feeds import EventChanges, FeedChannel, QuarantineEntry
from domain.holdings import ProductHolding
from domain.products import Product

T = TypeVar("T")
CHUNK = 1000


def _chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _lock_id(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "big", signed=True)


# A StrEnum's `.value` is a property, slow enough to show in a batch of a thousand identities.
_SOURCE_TEXT = {s: s.value for s in IdentitySource}
_PG_CLAIM = sa.text(
    "INSERT INTO feed_events (channel, source_ref, content_hash, received_at) "
    "SELECT :channel, t.r, t.h, :at FROM json_to_recordset(CAST(:claims AS json)) AS t(r text, h text) "
    "ON CONFLICT DO NOTHING RETURNING source_ref"
).bindparams(sa.bindparam("at", type_=UTCDateTime()))
# A merged customer's identities (its old customer number, say) lead to the customer it was merged into.
_PG_OWNERS = sa.text(
    "SELECT i.source, i.key, s.id AS customer_id "
    "FROM json_to_recordset(CAST(:wanted AS json)) AS wanted(s text, k text) "
    "JOIN customer_identities i ON i.source = wanted.s AND i.key = wanted.k "
    "JOIN customers c ON c.id = i.customer_id "
    "JOIN customers s ON s.id = coalesce(c.merged_into, c.id) AND s.merged_into IS NULL"
)


# The timeline rows of a whole batch go in by binary COPY on the driver's connection, inside the unit of work's
# open transaction (and savepoint). Before, one INSERT of column arrays: asyncpg's array encoding checked every
# element against abstract base classes and was a tenth of a feed worker's CPU; SQLAlchemy's executemany, before
# that, more again.
_INTERACTION_COLUMNS = (
    "id",
    "customer_id",
    "channel",
    "type",
    "direction",
    "occurred_at",
    "actor",
    "summary",
    "outcome",
    "amount",
    "currency",
    "holding_id",
    "source_ref",
    "payload",
    "recorded_at",
)


def _payload_json(payload: dict[str, Any]) -> str:
    try:
        return orjson.dumps(payload, default=str, option=orjson.OPT_PASSTHROUGH_DATETIME).decode()  # as json's
    except (orjson.JSONEncodeError, TypeError):  # an integer beyond 64 bits: the standard library writes it exactly
        return json.dumps(payload, ensure_ascii=False, default=str)


class SqlFeedStore:
    """The FeedStore port over one connection (the unit of work's); never commits."""

    def __init__(self, conn: AsyncConnection) -> None:
        self._conn = conn
        self._pg = conn.dialect.name == "postgresql"

    def _insert(self, table: sa.Table) -> Any:
        return postgresql.insert(table) if self._pg else sqlite.insert(table)

    def savepoint(self) -> AbstractAsyncContextManager[object]:
        return self._conn.begin_nested()

    async def lock_keys(self, keys: list[str]) -> None:
        # SQLite writers are already serialised by BEGIN IMMEDIATE; PostgreSQL needs transaction-scoped
        # advisory locks, taken in one sorted order so two writers never wait on each other in a circle.
        if not self._pg or not keys:
            return
        ids = sorted({_lock_id(k) for k in keys})
        stmt = sa.text(
            "SELECT count(pg_advisory_xact_lock(k)) FROM (SELECT unnest(:ids) AS k ORDER BY 1) AS ordered"
        ).bindparams(sa.bindparam("ids", type_=postgresql.ARRAY(sa.BigInteger)))
        await self._conn.execute(stmt, {"ids": ids})

    async def claim(self, channel: FeedChannel, refs: dict[str, str], at: datetime) -> set[str]:
        if not refs:
            return set()
        if self._pg:
            # One cached statement whatever the batch size (a multi-row VALUES would be compiled every time).
            claims = json_records({"r": r, "h": h} for r, h in refs.items())
            claimed = await self._conn.execute(_PG_CLAIM, {"channel": channel.value, "claims": claims, "at": at})
            return {r[0] for r in claimed}
        # SQLite: writers are serialised (BEGIN IMMEDIATE), so what is not there yet is ours.
        taken = set(await self.stored_hashes(channel, list(refs)))
        rows = [
            {"channel": channel.value, "source_ref": r, "content_hash": h, "received_at": at}
            for r, h in refs.items()
            if r not in taken
        ]
        if rows:
            await self._conn.execute(sa.insert(feed_events), rows)
        return {str(row["source_ref"]) for row in rows}

    async def stored_hashes(self, channel: FeedChannel, refs: list[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for chunk in batches(self._pg, refs):
            rows = await self._conn.execute(
                sa.select(feed_events.c.source_ref, feed_events.c.content_hash).where(
                    feed_events.c.channel == channel.value, one_of(self._pg, feed_events.c.source_ref, chunk)
                )
            )
            found.update({r.source_ref: r.content_hash for r in rows})
        return found

    async def release(self, channel: FeedChannel, refs: list[str]) -> None:
        for chunk in _chunks(refs):
            await self._conn.execute(
                sa.delete(feed_events).where(
                    feed_events.c.channel == channel.value, feed_events.c.source_ref.in_(chunk)
                )
            )

    async def identity_owners(self, identities: list[Identity]) -> dict[Identity, set[uuid.UUID]]:
        owners: dict[Identity, set[uuid.UUID]] = {}
        if not identities:
            return owners
        # Rows map back to the asked-for identities.
        wanted = {(_SOURCE_TEXT[i.source], i.key): i for i in identities}
        if self._pg:
            rows = await self._conn.execute(_PG_OWNERS, {"wanted": json_records({"s": s, "k": k} for s, k in wanted)})
            for source, key, customer_id in rows:
                owners.setdefault(wanted[(source, key)], set()).add(customer_id)
            return owners
        pairs = [(i.source.value, i.key) for i in identities]
        for chunk in _chunks(pairs, 400):
            survivor = customers.alias("survivor")
            rows = await self._conn.execute(
                sa.select(customer_identities.c.source, customer_identities.c.key, survivor.c.id.label("customer_id"))
                .join(customers, customers.c.id == customer_identities.c.customer_id)
                .join(survivor, survivor.c.id == sa.func.coalesce(customers.c.merged_into, customers.c.id))
                .where(
                    sa.tuple_(customer_identities.c.source, customer_identities.c.key).in_(list(chunk)),
                    survivor.c.merged_into.is_(None),
                )
            )
            for source, key, customer_id in rows:
                owners.setdefault(wanted[(source, key)], set()).add(customer_id)
        return owners

    async def existing_accounts(self, account_numbers: list[str]) -> set[str]:
        found: set[str] = set()
        for chunk in batches(self._pg, account_numbers):
            rows = await self._conn.execute(
                sa.select(holdings.c.account_number).where(one_of(self._pg, holdings.c.account_number, chunk))
            )
            found.update(r[0] for r in rows)
        return found

    async def holdings_for_update(self, account_numbers: list[str]) -> dict[str, ProductHolding]:
        found: dict[str, ProductHolding] = {}
        for chunk in batches(self._pg, account_numbers):
            stmt = (
                sa.select(holdings)
                .where(one_of(self._pg, holdings.c.account_number, chunk))
                .order_by(holdings.c.account_number)
                .with_for_update()
            )
            for r in await self._conn.execute(stmt):
                found[r.account_number] = row_to_holding(r)
        return found

    async def products(self, codes: list[str]) -> dict[str, Product]:
        rows = await self._conn.execute(sa.select(products).where(products.c.code.in_(codes)))
        return {r.code: row_to_product(r) for r in rows}

    async def balance_marks(self, holding_ids: list[uuid.UUID]) -> dict[uuid.UUID, datetime]:
        found: dict[uuid.UUID, datetime] = {}
        for chunk in batches(self._pg, holding_ids):
            rows = await self._conn.execute(
                sa.select(feed_balance_marks).where(one_of(self._pg, feed_balance_marks.c.holding_id, chunk))
            )
            found.update({r.holding_id: r.reported_at for r in rows})
        return found

    async def save(self, changes: EventChanges) -> None:
        conn = self._conn
        if changes.customers:
            await conn.execute(sa.insert(customers), [customer_to_row(c) for c in changes.customers])
            await conn.execute(sa.insert(customer_identities), [r for c in changes.customers for r in identity_rows(c)])
        if changes.identities:
            await conn.execute(
                sa.insert(customer_identities),
                [{"customer_id": cid, "source": i.source.value, "key": i.key} for cid, i in changes.identities],
            )
        if changes.new_holdings:
            await conn.execute(sa.insert(holdings), [holding_to_row(h) for h in changes.new_holdings.values()])
        if changes.changed_holdings:
            await conn.execute(
                sa.update(holdings)
                .where(holdings.c.id == sa.bindparam("b_id"))
                .values(
                    balance=sa.bindparam("b_balance"),
                    status=sa.bindparam("b_status"),
                    closed_on=sa.bindparam("b_closed_on"),
                    balance_as_of=sa.bindparam("b_as_of"),
                ),
                [
                    {
                        "b_id": h.id,
                        "b_balance": h.balance,
                        "b_status": h.status.value,
                        "b_closed_on": h.closed_on,
                        "b_as_of": h.balance_as_of,
                    }
                    for h in changes.changed_holdings.values()
                ],
            )
        if changes.balance_marks:
            stmt = self._insert(feed_balance_marks)
            stmt = stmt.on_conflict_do_update(
                index_elements=[feed_balance_marks.c.holding_id], set_={"reported_at": stmt.excluded.reported_at}
            )
            await conn.execute(stmt, [{"holding_id": k, "reported_at": v} for k, v in changes.balance_marks.items()])
        if changes.interactions:
            if self._pg:
                await self._pg_insert_interactions(changes)
            else:
                await conn.execute(sa.insert(interactions), [interaction_to_row(i) for i in changes.interactions])

    async def _pg_insert_interactions(self, changes: EventChanges) -> None:
        """All of a batch's timeline entries in one binary COPY (a constraint it breaks fails it whole, as an
        INSERT would: the batch's savepoint rolls back and its events are retried one by one)."""
        recorded_at = datetime.now(UTC)
        records = [
            (
                i.id,
                i.customer_id,
                i.channel.value,
                i.type,
                i.direction.value,
                i.occurred_at,
                i.actor,
                i.summary,
                i.outcome,
                i.amount.amount if i.amount else None,
                i.amount.currency if i.amount else None,
                i.holding_id,
                i.source_ref,
                _payload_json(i.payload),
                recorded_at,
            )
            for i in changes.interactions
        ]
        driver = await driver_connection(self._conn)
        await driver.copy_records_to_table("interactions", records=records, columns=_INTERACTION_COLUMNS)

    async def quarantine(self, entries: list[QuarantineEntry]) -> None:
        """Keep refused events; the same refused event sent again bumps its entry instead of adding one."""
        keyed = {(e.channel.value, e.source_ref, content_hash(e.document)): e for e in entries}
        refs = sorted({ref for _, ref, _ in keyed if ref is not None})
        open_rows: dict[tuple[str, str | None, str], uuid.UUID] = {}
        for chunk in _chunks(refs):
            rows = await self._conn.execute(
                sa.select(
                    feed_quarantine.c.id,
                    feed_quarantine.c.channel,
                    feed_quarantine.c.source_ref,
                    feed_quarantine.c.content_hash,
                ).where(feed_quarantine.c.status == "open", feed_quarantine.c.source_ref.in_(chunk))
            )
            open_rows.update({(r.channel, r.source_ref, r.content_hash): r.id for r in rows})
        new_rows = []
        bumps = []
        for key, e in keyed.items():
            errors = [x.as_dict() for x in e.errors]
            existing = open_rows.get(key)
            if existing is None and open_rows:  # kept before the reading of UUIDs changed (adapters/channels/common.py)
                earlier = earlier_reading_hash(e.document)
                existing = open_rows.get((key[0], key[1], earlier)) if earlier is not None else None
            if existing is not None:
                bumps.append({"b_id": existing, "b_errors": errors, "b_reason": _reason(errors), "b_at": e.received_at})
                continue
            new_rows.append(
                {
                    "id": e.id,
                    "channel": e.channel.value,
                    "source_ref": e.source_ref,
                    "content_hash": key[2],
                    "document": e.document,
                    "errors": errors,
                    "reason": _reason(errors),
                    "status": "open",
                    "received_at": e.received_at,
                    "attempts": 1,
                }
            )
        if new_rows:
            await self._conn.execute(sa.insert(feed_quarantine), new_rows)
        if bumps:
            await self._conn.execute(
                sa.update(feed_quarantine)
                .where(feed_quarantine.c.id == sa.bindparam("b_id"))
                .values(
                    errors=sa.bindparam("b_errors", type_=feed_quarantine.c.errors.type),
                    reason=sa.bindparam("b_reason"),
                    received_at=sa.bindparam("b_at", type_=feed_quarantine.c.received_at.type),
                    attempts=feed_quarantine.c.attempts + 1,
                ),
                bumps,
            )

    # --- quarantine management -------------------------------------------------------------------------

    async def get_quarantined(self, entry_id: uuid.UUID, *, for_update: bool = False) -> QuarantinedRow | None:
        stmt = sa.select(feed_quarantine).where(feed_quarantine.c.id == entry_id)
        if for_update:
            stmt = stmt.with_for_update()
        row = (await self._conn.execute(stmt)).first()
        return QuarantinedRow.of(row) if row else None

    async def resolve_quarantined(
        self, entry_id: uuid.UUID, status: str, by: str, at: datetime, note: str | None, document: Any = None
    ) -> None:
        values: dict[str, Any] = {"status": status, "resolved_by": by, "resolved_at": at, "resolution_note": note}
        if document is not None:
            values["document"] = document
        await self._conn.execute(sa.update(feed_quarantine).where(feed_quarantine.c.id == entry_id).values(values))

    async def requarantine(
        self, entry_id: uuid.UUID, document: Any, errors: list[dict[str, str]], at: datetime
    ) -> None:
        """A replay that failed again: the entry keeps the latest attempt and its reasons."""
        await self._conn.execute(
            sa.update(feed_quarantine)
            .where(feed_quarantine.c.id == entry_id)
            .values(
                document=document,
                content_hash=content_hash(document),
                errors=errors,
                reason=_reason(errors),
                received_at=at,
                attempts=feed_quarantine.c.attempts + 1,
            )
        )

    async def list_quarantined(
        self,
        *,
        channel: str | None,
        status: str | None,
        reason: str | None,
        source_ref: str | None,
        since: datetime | None,
        until: datetime | None,
        limit: int,
        cursor: str | None,
    ) -> Page:
        q = feed_quarantine
        stmt = sa.select(q)
        if channel:
            stmt = stmt.where(q.c.channel == channel)
        if status:
            stmt = stmt.where(q.c.status == status)
        if source_ref:
            stmt = stmt.where(q.c.source_ref == source_ref)
        if reason:
            escaped = reason.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            stmt = stmt.where(sa.func.lower(q.c.reason).like(f"%{escaped}%", escape="\\"))
        if since:
            stmt = stmt.where(q.c.received_at >= since)
        if until:
            stmt = stmt.where(q.c.received_at < until)
        after = decode_cursor(cursor, (datetime, uuid.UUID))
        if after:
            stmt = stmt.where(sa.tuple_(q.c.received_at, q.c.id) < sa.tuple_(after[0], after[1]))
        stmt = stmt.order_by(q.c.received_at.desc(), q.c.id.desc()).limit(limit + 1)
        rows = [QuarantinedRow.of(r) for r in await self._conn.execute(stmt)]
        more = len(rows) > limit
        rows = rows[:limit]
        next_cursor = encode_cursor([rows[-1].received_at, rows[-1].id]) if more and rows else None
        return Page(items=rows, next_cursor=next_cursor)


def _reason(errors: list[dict[str, str]]) -> str:
    return "; ".join(f"{e['field']}: {e['message']}" for e in errors)


@dataclass(frozen=True, slots=True)
class QuarantinedRow:
    id: uuid.UUID
    channel: str
    source_ref: str | None
    document: Any
    errors: list[dict[str, str]]
    status: str
    received_at: datetime
    attempts: int
    resolved_at: datetime | None
    resolved_by: str | None
    resolution_note: str | None

    @classmethod
    def of(cls, row: Any) -> QuarantinedRow:
        m = row._mapping
        return cls(
            id=m["id"],
            channel=m["channel"],
            source_ref=m["source_ref"],
            document=m["document"],
            errors=list(m["errors"] or []),
            status=m["status"],
            received_at=m["received_at"],
            attempts=m["attempts"],
            resolved_at=m["resolved_at"],
            resolved_by=m["resolved_by"],
            resolution_note=m["resolution_note"],
        )
