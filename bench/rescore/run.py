"""Benchmark: `crm rescore` (set-based scoring of every customer) on PostgreSQL, beside its database floor.

    .venv/bin/python -m bench.rescore.run [--customers 100000] [--months 12] [--seed 7]
        [--database postgresql://postgres@127.0.0.1:5432/crm_bench_value] [--fresh]

1. Creates the database if needed, migrates it, and loads the demo bank (adapters/demo) if it is empty.
2. Runs `crm rescore` as the command line does (every customer's figures, the key-tier cutoff, tiers and
   their history, movement alerts and rule segments, in one transaction) and prints customers per second.
3. Runs the floor: the bare aggregates the scorer must read (one GROUP BY over interactions, one over
   holdings joined to balance history), and prints the ratio of the rescore to it.
"""

from __future__ import annotations

import argparse
import asyncio
import subprocess
import sys
import time
from pathlib import Path

import asyncpg

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DSN = "postgresql://postgres@127.0.0.1:5432/crm_bench_value"

FLOOR_SQL = (
    "SELECT customer_id, count(*), sum(abs(amount)), max(occurred_at) FROM interactions GROUP BY customer_id",
    "SELECT h.customer_id, sum(h.balance), count(*), max(b.balance) FROM holdings h "
    "LEFT JOIN balance_history b ON b.holding_id = h.id GROUP BY h.customer_id",
)


def sqlalchemy_url(dsn: str) -> str:
    return dsn.replace("postgresql://", "postgresql+asyncpg://", 1)


async def ensure_database(dsn: str, fresh: bool) -> None:
    base, name = dsn.rsplit("/", 1)
    admin = await asyncpg.connect(f"{base}/postgres")
    try:
        exists = await admin.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name)
        if exists and fresh:
            await admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            exists = False
        if not exists:
            await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()


async def prepare(dsn: str, customers: int, months: int, seed: int, fresh: bool) -> None:
    """Create, migrate and load the demo bank unless it is there already."""
    from adapters.db.migrate import upgrade
    from adapters.demo import load_demo
    from adapters.settings import Settings

    await ensure_database(dsn, fresh)
    await asyncio.to_thread(upgrade, sqlalchemy_url(dsn))
    conn = await asyncpg.connect(dsn)
    try:
        have = await conn.fetchval("SELECT count(*) FROM customers")
    finally:
        await conn.close()
    if have and have != customers:
        sys.exit(f"{dsn} holds {have} customers, not {customers}: pass --fresh to reload")
    if not have:
        print(f"loading the demo bank: {customers:,} customers, {months} months (seed {seed}) ...", flush=True)
        report = await load_demo(
            Settings(database_url=sqlalchemy_url(dsn)), customers=customers, seed=seed, months=months, if_empty=True
        )
        print(report, flush=True)
    conn = await asyncpg.connect(dsn)
    try:
        # Fresh statistics, as autovacuum would give a settled database (the load is one big transaction).
        await conn.execute("ANALYZE")
    finally:
        await conn.close()


def run_rescore(dsn: str) -> tuple[float, str]:
    """`crm rescore` as a user runs it; returns the wall time and its report."""
    env = {"CRM_DATABASE_URL": sqlalchemy_url(dsn), "PATH": "/usr/bin:/bin"}
    started = time.perf_counter()
    done = subprocess.run(
        [str(ROOT / ".venv/bin/crm"), "rescore"], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"crm rescore failed:\n{done.stderr}")
    return elapsed, done.stdout.strip()


async def floor(dsn: str) -> float:
    conn = await asyncpg.connect(dsn)
    try:
        started = time.perf_counter()
        for sql in FLOOR_SQL:
            await conn.fetch(sql)
        return time.perf_counter() - started
    finally:
        await conn.close()


async def counts(dsn: str) -> tuple[int, int, int]:
    conn = await asyncpg.connect(dsn)
    try:
        return (
            await conn.fetchval("SELECT count(*) FROM customers"),
            await conn.fetchval("SELECT count(*) FROM interactions"),
            await conn.fetchval("SELECT count(*) FROM holdings"),
        )
    finally:
        await conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", default=DEFAULT_DSN)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--months", type=int, default=12)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--fresh", action="store_true", help="Drop and reload the database")
    args = parser.parse_args()
    asyncio.run(prepare(args.database, args.customers, args.months, args.seed, args.fresh))
    customers, events, holdings = asyncio.run(counts(args.database))
    print(f"database: {customers:,} customers, {holdings:,} holdings, {events:,} interactions", flush=True)
    elapsed, report = run_rescore(args.database)
    print(f"crm rescore: {report}")
    process_rate = customers / elapsed
    floor_s = asyncio.run(floor(args.database))
    print(f"crm rescore wall time (process start to exit): {elapsed:.2f} s = {process_rate:,.0f} customers/s")
    floor_rate = customers / floor_s
    print(f"floor (bare GROUP BY over interactions and holdings): {floor_s:.2f} s = {floor_rate:,.0f} customers/s")
    print(f"ratio rescore / floor: {elapsed / floor_s:.1f}x   (aim: 5,000 customers/s or more)")


if __name__ == "__main__":
    main()
