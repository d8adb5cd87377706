"""Benchmark: load the demo bank (100,000 customers, twelve months) into a fresh PostgreSQL database.

    .venv/bin/python -m bench.demo_load.run [--customers 100000] [--months 12] [--admin-url URL] [--keep]

Creates (and afterwards drops, unless --keep) the database crm_bench_demo, migrates it, runs `load_demo`
(what `crm demo` runs) and prints rows per second per table and overall, against the issue's aim of
50,000 rows/s and against a floor measured on the same database: COPY alone of rows generated beforehand.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import create_async_engine

from adapters.db.migrate import upgrade
from adapters.demo import load_demo
from adapters.demo.generator import TABLE_COLUMNS, generate_chunk, plan_bank
from adapters.demo.loader import relax_foreign_key_checks, write_rows
from adapters.settings import Settings

AIM_ROWS_PER_S = 50_000
DB = "crm_bench_demo"


async def _recreate(admin_url: str, drop_only: bool = False) -> str:
    engine = create_async_engine(admin_url, isolation_level="AUTOCOMMIT")
    async with engine.connect() as conn:
        await conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{DB}" WITH (FORCE)'))
        if not drop_only:
            await conn.execute(sa.text(f'CREATE DATABASE "{DB}"'))
    await engine.dispose()
    return admin_url.rsplit("/", 1)[0] + f"/{DB}"


async def _copy_floor(url: str, customers: int, months: int, seed: int) -> tuple[int, float, float]:
    """COPY alone: rows generated beforehand (customers beyond the loaded ones), written and rolled back."""
    plan = plan_bank(seed + 1, customers + 2_000, months, datetime.now(UTC).date())
    t = time.perf_counter()
    chunk = generate_chunk(plan, customers, customers + 2_000)
    generate_s = time.perf_counter() - t
    engine = create_async_engine(url)
    async with engine.connect() as conn:
        await conn.begin()
        await relax_foreign_key_checks(conn)
        t = time.perf_counter()
        for table, columns in TABLE_COLUMNS.items():
            await write_rows(conn, table, chunk.rows[table], columns)
        copy_s = time.perf_counter() - t
        await conn.rollback()
    await engine.dispose()
    return chunk.count(), copy_s, generate_s


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--months", type=int, default=12)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--admin-url", default="postgresql+asyncpg://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--keep", action="store_true", help="keep crm_bench_demo afterwards")
    args = parser.parse_args()

    url = await _recreate(args.admin_url)
    await asyncio.to_thread(upgrade, url)
    settings = Settings(database_url=url, environment="development")
    started = time.perf_counter()
    report = await load_demo(settings, customers=args.customers, seed=args.seed, months=args.months, if_empty=False)
    wall = time.perf_counter() - started
    print(report)
    engine = create_async_engine(url)
    async with engine.connect() as conn:
        total = 0
        for table in ("branches", "users", "products", *TABLE_COLUMNS):
            total += int(await conn.scalar(sa.text(f'SELECT count(*) FROM "{table}"')) or 0)
    await engine.dispose()
    rate = total / wall
    rows, copy_s, generate_s = await _copy_floor(url, args.customers, args.months, args.seed)
    floor = rows / copy_s
    print()
    print(f"customers {args.customers:,}, months {args.months}: {total:,} rows in {wall:.1f} s")
    print(f"overall          {rate:>10,.0f} rows/s  ({rate / AIM_ROWS_PER_S:.2f}x the aim of {AIM_ROWS_PER_S:,})")
    print(f"COPY floor       {floor:>10,.0f} rows/s  (2,000 more customers, {rows:,} rows generated beforehand)")
    print(f"generation only  {rows / generate_s:>10,.0f} rows/s  (pure Python, same rows)")
    print(f"overall / floor  {rate / floor:>10.2f}")
    if not args.keep:
        await _recreate(args.admin_url, drop_only=True)


if __name__ == "__main__":
    asyncio.run(main())
