"""Where one feed batch's time goes: in-process, statement by statement.

    .venv/bin/python -m bench.ingest.profile [--batches 5] [--batch 1000] [--customers 2000] [--reuse]

A PostgreSQL database `crm_bench_ingest_profile` loaded with the demo bank and ANALYZEd (`--reuse` keeps the
one a previous run made; `--db crm_bench_ingest --reuse` profiles what a full bench run left); then
`--batches` batches of the bench's events go through `ingest_events` in this
process, one at a time. Prints the time of each activity observer and the slowest SQL statements (by total
time, first 90 characters of each). Not the throughput figure: that is `bench.ingest.run`.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import time
import uuid
from collections import defaultdict
from typing import Any

import asyncpg
from sqlalchemy import event

from bench.ingest.run import PG_ADMIN, analyze, crm, env_for, identities, make_events, sa_url

DB_NAME = "crm_bench_ingest_profile"


async def prepare(customers: int, reuse: bool, db_name: str) -> str:
    url = PG_ADMIN.rsplit("/", 1)[0] + f"/{db_name}"
    conn = await asyncpg.connect(PG_ADMIN)
    exists = await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", db_name)
    if not (reuse and exists):
        await conn.execute(f'DROP DATABASE IF EXISTS "{db_name}" WITH (FORCE)')
        await conn.execute(f'CREATE DATABASE "{db_name}"')
        env = env_for(url)
        crm(env, "migrate")
        crm(env, "demo", "--customers", str(customers), "--months", "3")
        await analyze(url)
    await conn.close()
    return url


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--batches", type=int, default=5)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--customers", type=int, default=2000)
    parser.add_argument("--reuse", action="store_true")
    parser.add_argument("--db", default=DB_NAME, help="e.g. crm_bench_ingest with --reuse: after a full bench run")
    parser.add_argument("--explain", action="store_true", help="EXPLAIN ANALYZE the last batch's scoring statements")
    args = parser.parse_args()

    url = await prepare(args.customers, args.reuse, args.db)
    os.environ.update(env_for(url))
    from adapters.channels import ingest_events
    from adapters.container import build_container
    from adapters.settings import Settings
    from domain.feeds import FeedChannel

    container = build_container(Settings(database_url=sa_url(url)))  # type: ignore[call-arg]
    observer_time: dict[str, float] = defaultdict(float)
    for observer in container.activity_observers:
        original = observer.customers_changed
        name = type(observer).__name__

        async def timed(
            uow: Any, ids: Any, at: Any, interactions: Any = None, original: Any = original, name: str = name
        ) -> None:
            started = time.perf_counter()
            await original(uow, ids, at, interactions)
            observer_time[name] += time.perf_counter() - started

        observer.customers_changed = timed  # type: ignore[method-assign]

    captured: dict[str, tuple[str, Any]] = {}
    sql_time: dict[str, list[float]] = defaultdict(lambda: [0.0, 0])

    @event.listens_for(container.engine.sync_engine, "before_cursor_execute")
    def _before(conn: Any, cursor: Any, statement: str, params: Any, context: Any, many: bool) -> None:
        conn.info["t0"] = time.perf_counter()

    @event.listens_for(container.engine.sync_engine, "after_cursor_execute")
    def _after(conn: Any, cursor: Any, statement: str, params: Any, context: Any, many: bool) -> None:
        key = " ".join(statement.split())[:90]
        entry = sql_time[key]
        entry[0] += time.perf_counter() - conn.info.pop("t0")
        entry[1] += 1
        if args.explain and statement.lstrip().startswith(("INSERT INTO customer_scores", "INSERT INTO alerts")):
            captured[key] = (statement, params)

    people = await identities(url)
    n = args.batches * args.batch
    feeds = make_events(people, n, uuid.uuid4().hex[:6])
    batches = [
        (FeedChannel(channel), events[i : i + args.batch])
        for channel, events in feeds.items()
        for i in range(0, len(events), args.batch)
    ]
    started = time.perf_counter()
    accepted = 0
    for channel, events in batches:
        t0 = time.perf_counter()
        outcome = await ingest_events(container, channel, events)
        accepted += sum(1 for r in outcome.results if r.outcome.value == "accepted")
        print(f"  {channel.value:15s} {len(events)} events, {len(outcome.customer_ids)} customers: "
              f"{time.perf_counter() - t0:.2f}s")  # fmt: skip
    elapsed = time.perf_counter() - started
    print(f"{n} events ({accepted} accepted) in {elapsed:.2f}s = {n / elapsed:,.0f} events/s in one process")
    assert container.scorer is not None
    t0 = time.perf_counter()
    taken = await container.scorer.drain()
    scoring = time.perf_counter() - t0
    print(f"then the scorer: {taken} queued entries in {scoring:.2f}s (one pass per {container.scorer.chunk} entries); "
          f"{n / (elapsed + scoring):,.0f} events/s ingested and scored")  # fmt: skip
    for name, spent in observer_time.items():
        print(f"  observer {name}: {spent:.2f}s")
    print("slowest statements (total s, calls):")
    for key, (spent, calls) in sorted(sql_time.items(), key=lambda kv: -kv[1][0])[:12]:
        print(f"  {spent:7.2f}s {calls:5d}  {key}")
    await container.dispose()
    if captured:
        db = await asyncpg.connect(url)
        for statement, params in captured.values():
            tx = db.transaction()
            await tx.start()
            plan = await db.fetch("EXPLAIN (ANALYZE, BUFFERS) " + statement, *params)
            await tx.rollback()
            print("\n".join(r[0] for r in plan))
        await db.close()


if __name__ == "__main__":
    asyncio.run(main())
