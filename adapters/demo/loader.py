"""Writes the generated demo bank: COPY on PostgreSQL, large executemany batches on SQLite, one transaction."""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import random
import time
import uuid
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.db import accounts
from adapters.db.engine import writer
from adapters.db.schema import metadata
from adapters.db.tables import branches, customers, products, users
from adapters.demo import names as N
from adapters.demo.generator import (
    JSON_COLUMNS,
    JSON_TEXT_COLUMNS,
    LANE_CUSTOMERS,
    LANES,
    TABLE_COLUMNS,
    BankPlan,
    Chunk,
    generate_chunk,
)

# A chunk is one generator lane's stretch of customers; bounds memory: about 190,000 rows at twelve months.
CHUNK_CUSTOMERS = LANE_CUSTOMERS


@dataclass
class LoadStats:
    rows: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    write_seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    generate_seconds: float = 0.0
    wait_seconds: float = 0.0  # writing stood still, waiting for the next chunk to be generated
    analyze_seconds: float = 0.0  # refreshing the planner's statistics after the load
    total_seconds: float = 0.0

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())


def _dumps(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, separators=(",", ":"))


async def write_rows(conn: AsyncConnection, table: str, rows: list[tuple[Any, ...]], columns: tuple[str, ...]) -> None:
    """Insert rows (tuples in `columns` order) set-based, within the connection's transaction."""
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        json_at = [columns.index(c) for c in JSON_COLUMNS.get(table, ()) if c in columns]
        if json_at:
            converted = []
            for row in rows:
                values = list(row)
                for j in json_at:
                    values[j] = _dumps(values[j])
                converted.append(values)
            records: list[Any] = converted
        else:
            records = rows
        raw = await conn.get_raw_connection()
        # The same asyncpg connection that holds SQLAlchemy's transaction, so COPY is part of it.
        driver: Any = raw.driver_connection
        await driver.copy_records_to_table(table, records=records, columns=list(columns))
    else:
        # Core insert, so the column types (Amount as 1/10,000ths, naive UTC times, JSON) apply exactly.
        await conn.execute(sa.insert(_sqlite_target(table)), [dict(zip(columns, r, strict=True)) for r in rows])


def _sqlite_target(table: str) -> sa.TableClause:
    """The table with the column types of the schema, except JSON given as text, which goes in as it is."""
    real = metadata.tables[table]
    text_cols = JSON_TEXT_COLUMNS.get(table, ())
    return sa.table(table, *[sa.column(c.name, sa.Text() if c.name in text_cols else c.type) for c in real.columns])


async def relax_foreign_key_checks(conn: AsyncConnection) -> bool:
    """Skip PostgreSQL's per-row foreign-key triggers for this transaction, as pg_restore does.

    The generator writes parents before children, so nothing is lost; needs a role allowed to set
    session_replication_role (a superuser), and quietly keeps the checks otherwise.
    """
    if conn.dialect.name != "postgresql":
        return False
    savepoint = await conn.begin_nested()
    try:
        await conn.execute(sa.text("SET LOCAL session_replication_role = replica"))
    except sa.exc.DBAPIError:
        await savepoint.rollback()
        return False
    await savepoint.commit()
    return True


async def write_fixed_parts(conn: AsyncConnection, plan: BankPlan, password_hash: str) -> dict[uuid.UUID, uuid.UUID]:
    """Branches, products and people. Returns plan user ids to replace (people who already existed)."""
    have_branches = set(await conn.scalars(sa.select(branches.c.code)))
    missing = [
        {"code": code, "name": en, "name_zh": zh, "city": N.CITIES[city][0]}
        for code, en, zh, city in plan.branches
        if code not in have_branches
    ]
    if missing:
        await conn.execute(sa.insert(branches), missing)
    have_products = set(await conn.scalars(sa.select(products.c.code)))
    rows = [
        {
            "code": p.code,
            "name": p.name,
            "name_zh": p.name_zh,
            "category": p.category,
            "currency": p.currency,
            "rate": p.rate,
            "term_months": p.term_months,
            "minimum_amount": p.minimum_amount,
            "risk_level": p.risk_level,
            "active": True,
        }
        for p in plan.products
        if p.code not in have_products
    ]
    if rows:
        await conn.execute(sa.insert(products), rows)
    existing = {r.username: r.id for r in await conn.execute(sa.select(users.c.username, users.c.id))}
    remap: dict[uuid.UUID, uuid.UUID] = {}
    now = plan.anchor
    for n, u in enumerate(plan.users, start=1):
        if u.username in existing:
            remap[u.id] = existing[u.username]
            continue
        await accounts.create_user(
            conn,
            username=u.username,
            password="",
            password_hash=password_hash,
            role=u.role,
            branch=u.branch,
            now=now,
            display_name=u.display_name,
            email=f"{u.username}@bank.example.com",
            # A work phone for each, so the call center can transfer a caller to their RM (the bank's exchange).
            phone=f"+86106555{n:04d}",
            user_id=u.id,
        )
    return remap


LOADED_TABLES = ("branches", "products", "users", *TABLE_COLUMNS)


async def analyze_loaded_tables(engine: AsyncEngine) -> None:
    """Refresh the query planner's statistics on what was just loaded, so the first queries get good plans.

    Autovacuum would get there eventually (SQLite never does by itself); until then PostgreSQL plans with
    the statistics of empty tables, which made incremental scoring 12 times slower right after a load.
    """
    async with writer(engine).begin() as conn:
        if conn.dialect.name == "postgresql":
            await conn.execute(sa.text("ANALYZE " + ", ".join(f'"{t}"' for t in LOADED_TABLES)))
        else:
            await conn.execute(sa.text("ANALYZE"))


async def count_customers(conn: AsyncConnection) -> int:
    return int(await conn.scalar(sa.select(sa.func.count()).select_from(customers)) or 0)


async def write_customers(conn: AsyncConnection, plan: BankPlan, remap: dict[uuid.UUID, uuid.UUID]) -> LoadStats:
    """Generate the customers chunk by chunk and write each; the next chunk is generated meanwhile."""
    stats = LoadStats()
    started = time.perf_counter()
    loop = asyncio.get_running_loop()
    bounds = [(s, min(s + CHUNK_CUSTOMERS, plan.customers)) for s in range(0, plan.customers, CHUNK_CUSTOMERS)]
    executors: list[Executor]
    generate: Callable[[int, int], tuple[Chunk, float]] = _generate
    if len(bounds) > PROCESS_FROM_CHUNKS:
        # A big bank: generate in other processes (real parallelism: with threads Python's GIL would make
        # generation and the driver's COPY encoding take turns), one per lane, each fed its lane's chunks in
        # order, so ID numbers stay unique and the bank deterministic.
        spawn = multiprocessing.get_context("spawn")
        executors = [
            ProcessPoolExecutor(max_workers=1, mp_context=spawn, initializer=_init_worker, initargs=(plan,))
            for _ in range(LANES)
        ]
    else:
        executors = [ThreadPoolExecutor(max_workers=1)]
        generate = partial(_generate_for, plan)

    def submit(n: int) -> asyncio.Future[tuple[Chunk, float]]:
        return loop.run_in_executor(executors[n % len(executors)], generate, *bounds[n])

    try:
        ahead = len(executors)  # chunks generated ahead of the one being written
        pending = {n: submit(n) for n in range(min(ahead, len(bounds)))}
        for n in range(len(bounds)):
            t = time.perf_counter()
            chunk, seconds = await pending.pop(n)
            stats.wait_seconds += time.perf_counter() - t
            stats.generate_seconds += seconds
            if n + ahead < len(bounds):
                pending[n + ahead] = submit(n + ahead)
            await _write_chunk(conn, chunk, remap, stats)
            del chunk
    finally:
        for executor in executors:
            executor.shutdown(wait=True, cancel_futures=True)
    stats.total_seconds = time.perf_counter() - started
    return stats


PROCESS_FROM_CHUNKS = 2
_plan: BankPlan | None = None  # the generating worker process's plan


def _init_worker(plan: BankPlan) -> None:
    global _plan
    _plan = plan


def _generate(start: int, stop: int) -> tuple[Chunk, float]:
    assert _plan is not None
    return _generate_for(_plan, start, stop)


def _generate_for(plan: BankPlan, start: int, stop: int) -> tuple[Chunk, float]:
    t = time.perf_counter()
    chunk = generate_chunk(plan, start, stop)
    return chunk, time.perf_counter() - t


async def _write_chunk(
    conn: AsyncConnection, chunk: Chunk, remap: dict[uuid.UUID, uuid.UUID], stats: LoadStats
) -> None:
    if remap:
        rm_at = TABLE_COLUMNS["customers"].index("relationship_manager_id")
        chunk.rows["customers"] = [
            (*row[:rm_at], remap.get(row[rm_at], row[rm_at]), *row[rm_at + 1 :]) for row in chunk.rows["customers"]
        ]
    for table, columns in TABLE_COLUMNS.items():
        rows = chunk.rows[table]
        t = time.perf_counter()
        await write_rows(conn, table, rows, columns)
        stats.write_seconds[table] += time.perf_counter() - t
        stats.rows[table] += len(rows)


FOLLOW_UP_SUMMARY = "Complaint follow-up"  # the generator's outbound call that answers a complaint


async def write_complaint_cases(conn: AsyncConnection, closed_by: str = "agent.chen") -> int:
    """The cases the demo's complaints opened, as the call-center feed would have: a complaint that a follow-up
    call answered is closed then, with the customer's satisfaction from that call; the others (the leavers'
    complaints, and the latest ones) are still open, some past their due time. Returns the cases written."""
    from adapters.db.cases import COMPLAINT_COLUMNS, SqlCaseRepository
    from adapters.db.tables import interactions
    from domain.contact_center import case_for_complaint, complaint_summary
    from domain.value.movements import COMPLAINT_CHANNEL, COMPLAINT_TYPE

    agent = await conn.scalar(sa.select(users.c.id).where(users.c.username == closed_by))
    follow_ups: dict[uuid.UUID, list[tuple[Any, Any]]] = defaultdict(list)
    for f in await conn.execute(
        sa.select(interactions.c.customer_id, interactions.c.occurred_at, interactions.c.payload).where(
            interactions.c.channel == COMPLAINT_CHANNEL,
            interactions.c.type == "call_ended",
            interactions.c.summary == FOLLOW_UP_SUMMARY,
        )
    ):
        follow_ups[f.customer_id].append((f.occurred_at, f.payload))
    new_cases = []
    for r in await conn.execute(
        sa.select(*COMPLAINT_COLUMNS).where(
            interactions.c.channel == COMPLAINT_CHANNEL, interactions.c.type == COMPLAINT_TYPE
        )
    ):
        case = case_for_complaint(
            r.id, r.customer_id, r.occurred_at, r.channel, complaint_summary(r.summary, r.payload), r.source_ref
        )
        answered = sorted(f for f in follow_ups.get(r.customer_id, []) if f[0] > r.occurred_at)
        if answered:
            at, payload = answered[0]
            satisfaction = (payload or {}).get("satisfaction")
            case.status, case.closed_at, case.closed_by = "closed", at, agent
            case.resolution = "Called the customer back and resolved the complaint."
            case.satisfaction = satisfaction if isinstance(satisfaction, int) else None
        new_cases.append(case)
    return await SqlCaseRepository(conn).add_all(new_cases)


SERVICE_REQUESTS: tuple[tuple[str, str], ...] = (
    ("Replacement debit card, the old one is worn", "New card handed over at the counter."),
    ("Copy of last year's statements", "Statements sent by e-mail as PDF."),
    ("Change of mailing address", "Address updated; confirmation letter sent."),
    ("Raise the daily transfer limit", "Limit raised after identity check."),
    ("Reset online banking password", "Reset link sent; customer signed in."),
    ("Proof of deposit for a visa application", "Certificate issued and collected."),
    ("Cancel a standing order", "Standing order cancelled from next month."),
    ("Update the phone number on file", "Number updated after a call-back to the old one."),
)
_REQUEST_CHANNELS = ("teller", "teller", "call_center", "call_center", "online_banking", "rm_visit")


async def write_service_requests(conn: AsyncConnection, now: datetime, share: float = 0.03) -> int:
    """Service requests of the last two weeks for about `share` of the customers, logged by their RM (or the
    call center's agent): those older than three days mostly done, the latest open, a few past their due time.
    The same bank gives the same requests (a fixed seed over the customers in number order)."""
    from adapters.db.cases import SqlCaseRepository
    from domain.contact_center import SERVICE_REQUEST_SLA, Case

    rng = random.Random(20261203)
    agent = await conn.scalar(sa.select(users.c.id).where(users.c.username == "agent.chen"))
    rows = await conn.execute(
        sa.select(customers.c.id, customers.c.relationship_manager_id)
        .where(customers.c.merged_into.is_(None))
        .order_by(customers.c.customer_number)
    )
    new_cases = []
    for customer_id, rm in rows:
        if rng.random() >= share:
            continue
        subject, resolution = rng.choice(SERVICE_REQUESTS)
        channel = rng.choice(_REQUEST_CHANNELS)
        opened_at = now - timedelta(hours=rng.uniform(2, 14 * 24))
        if rm is None:  # nobody at a branch looks after them: they asked the call center
            channel = "call_center"
        by = agent if channel == "call_center" else rm
        case = Case(
            id=uuid.UUID(int=rng.getrandbits(128), version=4),
            customer_id=customer_id,
            kind="service_request",
            subject=subject,
            channel=channel,
            opened_at=opened_at,
            sla_due_at=opened_at + SERVICE_REQUEST_SLA,
            opened_by=by,
        )
        age = now - opened_at
        if age > timedelta(days=3) and rng.random() < 0.8:
            case.status, case.closed_by, case.resolution = "closed", by, resolution
            case.closed_at = min(now, opened_at + timedelta(hours=rng.uniform(1, 6 * 24)))
            case.satisfaction = rng.choices((None, 2, 3, 4, 5), (30, 5, 15, 30, 20))[0]
        new_cases.append(case)
    return await SqlCaseRepository(conn).add_all(new_cases)
