"""The audit log in the database: append entries, list them newest first with a cursor."""

from __future__ import annotations

import asyncio
import json
import uuid
from datetime import UTC, datetime
from typing import Any

import orjson
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.db.engine import driver_connection, writer
from adapters.db.tables import customers
from adapters.db.tables_access import audit_log, audit_log_customers
from adapters.db.views import Page, decode_cursor, encode_cursor
from domain.audit import AuditEntry
from domain.errors import InvalidValue

_COLUMNS = [c for c in audit_log.c if c.name != "id"]
# Built and compiled once (the per-request cost of building statements showed in the context profile).
_INSERT = (
    sa.insert(audit_log).values({c.name: sa.bindparam(f"p_{c.name}", type_=c.type) for c in _COLUMNS})
).returning(audit_log.c.id)
_ENTRY = _INSERT.cte("entry")
# PostgreSQL: the entry and its customer links in one statement, one round trip (a data-modifying CTE).
_INSERT_WITH_LINKS = (
    sa.insert(audit_log_customers)
    .from_select(
        ["audit_id", "customer_id"],
        sa.select(_ENTRY.c.id, sa.func.unnest(sa.bindparam("p_cids", type_=postgresql.ARRAY(sa.Uuid)))),
    )
    .add_cte(_ENTRY)
    .returning(audit_log_customers.c.audit_id)
)


def _values(entry: AuditEntry, ids: list[uuid.UUID]) -> dict[str, Any]:
    return {
        "at": entry.at,
        "actor_kind": entry.actor.kind,
        "actor": entry.actor.name[:160],
        "actor_id": entry.actor.actor_id,
        "role": entry.actor.role,
        "action": entry.action.value,
        "view": entry.view[:128],
        "method": entry.method,
        "path": (entry.path or "")[:512] or None,
        "customer_id": ids[0] if len(ids) == 1 else None,
        "fields": list(entry.fields),
        "detail": entry.detail,
        "ip": (entry.ip or "")[:64] or None,
        "outcome": entry.outcome,
        "request_id": entry.request_id,
    }


async def append(conn: AsyncConnection, entry: AuditEntry) -> int:
    """Add one entry (and the customers it touched) inside the caller's transaction; the new id."""
    ids = list(dict.fromkeys(entry.customer_ids))
    values = _values(entry, ids)
    params = {f"p_{k}": v for k, v in values.items()}
    if ids and conn.dialect.name == "postgresql":
        return int((await conn.execute(_INSERT_WITH_LINKS, {**params, "p_cids": ids})).scalars().first())
    audit_id = int((await conn.execute(_INSERT, params)).scalar_one())
    if ids:
        await conn.execute(sa.insert(audit_log_customers), [{"audit_id": audit_id, "customer_id": c} for c in ids])
    return audit_id


# PostgreSQL, group commit (`AuditGroupWriter`): many entries and their customer links in one statement. Ids are
# drawn first, in the entries' order, so that each entry's links name it.
_PG_APPEND_MANY = (
    "WITH r AS MATERIALIZED (SELECT nextval(pg_get_serial_sequence('audit_log', 'id')) AS id, e.* "
    "FROM json_to_recordset($1::json) AS e(at timestamptz, actor_kind text, actor text, actor_id text, role text, "
    "action text, view text, method text, path text, customer_id uuid, fields jsonb, detail jsonb, ip text, "
    "outcome integer, request_id text, cids uuid[])), "
    f"entries AS (INSERT INTO audit_log (id, {', '.join(c.name for c in _COLUMNS)}) "
    f"SELECT id, {', '.join(c.name for c in _COLUMNS)} FROM r ORDER BY id), "
    "links AS (INSERT INTO audit_log_customers (audit_id, customer_id) SELECT r.id, unnest(r.cids) FROM r) "
    "SELECT count(*) FROM r"
)


def _group_row(entry: AuditEntry) -> dict[str, Any]:
    ids = list(dict.fromkeys(entry.customer_ids))
    row = _values(entry, ids)
    if row["at"].tzinfo is None:
        raise ValueError("naive datetime given to a UTC column")  # as UTCDateTime refuses it
    row["at"] = row["at"].astimezone(UTC).isoformat()
    row["cids"] = [str(i) for i in ids]
    return row


def _group_json(rows: list[dict[str, Any]]) -> str:
    try:
        return orjson.dumps(rows, default=str).decode()
    except orjson.JSONEncodeError:  # an integer beyond 64 bits in a detail: the standard library writes it exactly
        return json.dumps(rows, default=str)


class AuditGroupWriter:
    """Group commit of the hot read routes' audit entries (PostgreSQL).

    Each caller waits until its entry is committed, as with an entry of its own; but the entries of the requests
    in flight meanwhile are written together, by one statement that commits as it runs. Nothing waits for a
    timer: the first entry is written at once, and those that arrive while it is being written go together in
    the next statement. Under load that is one round trip and one commit (one WAL flush) for many reads instead
    of one each (bench/context/README.md). Should a write fail, each of its callers gets the error (and the
    audit middleware writes their entries one by one, as for any other route).
    """

    max_batch = 500

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self._pending: list[tuple[dict[str, Any], asyncio.Future[None]]] = []
        self._writing: asyncio.Task[None] | None = None
        self.statements = 0  # how many group statements this writer has run (for tests and the bench)
        self.entries = 0

    async def append(self, entry: AuditEntry) -> None:
        """Return once `entry` is committed; raise if it could not be."""
        loop = asyncio.get_running_loop()
        row = _group_row(entry)
        if self._writing is not None and (self._writing.done() or self._writing.get_loop() is not loop):
            # A writer of a loop that has ended (tests run a loop each): what it held went with that loop.
            self._writing, self._pending = None, []
        done: asyncio.Future[None] = loop.create_future()
        self._pending.append((row, done))
        if self._writing is None:
            self._writing = asyncio.create_task(self._write_pending())
        await asyncio.shield(done)  # a caller that gives up does not cancel the others' write

    async def _write_pending(self) -> None:
        batch: list[tuple[dict[str, Any], asyncio.Future[None]]] = []
        try:
            while self._pending:
                batch, self._pending = self._pending[: self.max_batch], self._pending[self.max_batch :]
                try:
                    async with self._engine.connect() as conn:
                        driver = await driver_connection(conn)
                        await driver.fetchval(_PG_APPEND_MANY, _group_json([row for row, _ in batch]))
                        # Committed: tell the callers now, whatever giving the connection back may raise.
                        self.statements += 1
                        self.entries += len(batch)
                        for _, done in batch:
                            if not done.done():
                                done.set_result(None)
                except Exception as e:
                    _fail(batch, f"could not write {len(batch)} audit entries: {e!r}")
        finally:
            self._writing = None
            _fail(batch + self._pending, "the audit writer stopped")  # cancelled (shutdown): nobody waits for ever
            self._pending = []


def _fail(batch: list[tuple[dict[str, Any], asyncio.Future[None]]], why: str) -> None:
    for _, done in batch:
        if not done.done():
            done.set_exception(AuditWriteFailed(why))


class AuditWriteFailed(RuntimeError):
    pass


async def append_now(engine: AsyncEngine, entry: AuditEntry) -> int:
    """Append in a short transaction of its own, so the entry stays even when the request fails."""
    async with writer(engine).begin() as conn:
        return await append(conn, entry)


async def list_entries(
    conn: AsyncConnection,
    *,
    customer_id: uuid.UUID | None = None,
    actor: str | None = None,
    action: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 50,
    cursor: str | None = None,
) -> Page:
    """Entries newest first. The cursor is the last id seen (ids only grow)."""
    query = sa.select(audit_log).order_by(audit_log.c.id.desc()).limit(limit + 1)
    if customer_id is not None:
        touched = sa.select(audit_log_customers.c.audit_id).where(audit_log_customers.c.customer_id == customer_id)
        query = query.where(sa.or_(audit_log.c.customer_id == customer_id, audit_log.c.id.in_(touched)))
    if actor is not None:
        query = query.where(audit_log.c.actor == actor)
    if action is not None:
        query = query.where(audit_log.c.action == action)
    if since is not None:
        query = query.where(audit_log.c.at >= since)
    if until is not None:
        query = query.where(audit_log.c.at < until)
    after = decode_cursor(cursor, (str,))
    if after is not None:
        try:
            last = int(after[0])
        except ValueError:
            raise InvalidValue("cursor is not one this list made", field="cursor") from None
        query = query.where(audit_log.c.id < last)
    rows = list(await conn.execute(query))
    more = len(rows) > limit
    rows = rows[:limit]
    customers_of: dict[int, list[uuid.UUID]] = {}
    if rows:
        ids = [r.id for r in rows]
        for link in await conn.execute(sa.select(audit_log_customers).where(audit_log_customers.c.audit_id.in_(ids))):
            customers_of.setdefault(link.audit_id, []).append(link.customer_id)
    items: list[Any] = [(r, customers_of.get(r.id, [])) for r in rows]
    return Page(items=items, next_cursor=encode_cursor([str(rows[-1].id)]) if more else None)


async def customer_numbers(conn: AsyncConnection, ids: set[uuid.UUID]) -> dict[uuid.UUID, str]:
    """The customer numbers of these customers (an auditor reads a number where the entry holds an id)."""
    if not ids:
        return {}
    rows = await conn.execute(sa.select(customers.c.id, customers.c.customer_number).where(customers.c.id.in_(ids)))
    return {r.id: r.customer_number for r in rows}


async def customer_with_number(conn: AsyncConnection, number: str) -> uuid.UUID | None:
    """The customer with this number, merged into another or not (the log keeps what was read of them)."""
    found: uuid.UUID | None = await conn.scalar(sa.select(customers.c.id).where(customers.c.customer_number == number))
    return found
