"""The demo bank: `crm demo` loads a believable, deterministic bank for trying bank-crm out.

`load_demo` is the entry point; `generator` draws the bank (pure Python), `loader` writes it in bulk.
"""

from __future__ import annotations

import time
from datetime import UTC, date, datetime

from adapters.db.engine import make_engine, writer
from adapters.demo.campaigns import write_campaigns, write_tasks
from adapters.demo.generator import DEMO_PASSWORD, FIXED_USERS, plan_bank
from adapters.demo.loader import (
    LoadStats,
    analyze_loaded_tables,
    count_customers,
    relax_foreign_key_checks,
    write_complaint_cases,
    write_customers,
    write_fixed_parts,
    write_service_requests,
)
from adapters.security import hash_password
from adapters.settings import Settings
from domain.calendar import bank_day, set_bank_zone

__all__ = ["DEMO_PASSWORD", "demo_today", "load_demo"]


def demo_today() -> date:
    """The day the demo is anchored to (the bank's day): generated content is the same for a seed on the same day."""
    return bank_day(datetime.now(UTC))


async def load_demo(
    settings: Settings,
    *,
    customers: int,
    seed: int,
    months: int,
    if_empty: bool,
    today: date | None = None,
) -> str:
    """Load the demo bank into the database of `settings`; return a report for people.

    With `if_empty`, nothing happens when there are customers already. Without it, loading into a database
    that has customers is refused as well (customer numbers would collide), with a message saying so.
    """
    if customers < 1:
        raise ValueError("the demo needs at least one customer")
    if not 1 <= months <= 60:
        raise ValueError("months runs from 1 to 60")
    engine = make_engine(settings.database_url, pool_size=2)
    try:
        async with engine.connect() as conn:
            existing = await count_customers(conn)
        if existing:
            if if_empty:
                return f"demo data not loaded: the database already has {existing} customers (--if-empty)"
            return (
                f"demo data not loaded: the database already has {existing} customers; "
                "the demo loads into an empty database"
            )
        started = time.perf_counter()
        set_bank_zone(settings.bank_timezone)
        plan = plan_bank(seed, customers, months, today or demo_today())
        password_hash = hash_password(DEMO_PASSWORD)  # once: argon2 is slow by design
        async with writer(engine).begin() as conn:
            remap = await write_fixed_parts(conn, plan, password_hash)
            await relax_foreign_key_checks(conn)
            stats = await write_customers(conn, plan, remap)
            case_started = time.perf_counter()
            stats.rows["cases"] = await write_complaint_cases(conn)
            stats.rows["cases"] += await write_service_requests(conn, plan.anchor)
            stats.write_seconds["cases"] = time.perf_counter() - case_started
            campaign_started = time.perf_counter()
            stats.rows["campaign_members"] = await write_campaigns(conn, plan.anchor.date(), plan.anchor)
            stats.write_seconds["campaign_members"] = time.perf_counter() - campaign_started
            task_started = time.perf_counter()
            stats.rows["tasks"] = await write_tasks(conn, plan.anchor.date(), plan.anchor)
            stats.write_seconds["tasks"] = time.perf_counter() - task_started
        analyze_started = time.perf_counter()
        await analyze_loaded_tables(engine)
        stats.analyze_seconds = time.perf_counter() - analyze_started
        elapsed = time.perf_counter() - started
    finally:
        await engine.dispose()
    return _report(stats, elapsed, len(plan.users), settings.dialect)


def _report(stats: LoadStats, elapsed: float, people: int, dialect: str) -> str:
    lines = [f"demo bank loaded into {dialect} in {elapsed:.1f} s ({people} people who sign in)"]
    lines.append(f"  {'table':<22}{'rows':>12}{'write s':>10}{'rows/s':>12}")
    for table, rows in stats.rows.items():
        seconds = stats.write_seconds[table]
        rate = rows / seconds if seconds else 0.0
        lines.append(f"  {table:<22}{rows:>12,}{seconds:>10.2f}{rate:>12,.0f}")
    total = stats.total_rows
    lines.append(
        f"  {'all':<22}{total:>12,}{elapsed:>10.2f}{total / elapsed if elapsed else 0:>12,.0f}"
        f"  (generation {stats.generate_seconds:.1f} s beside writing; {stats.wait_seconds:.1f} s waited for it;"
        f" ANALYZE {stats.analyze_seconds:.1f} s)"
    )
    lines.append(f"sign in with password {DEMO_PASSWORD}:")
    for username, role, branch, _name in FIXED_USERS:
        lines.append(f"  {username:<12} {role}{' ' + branch if branch else ''}")
    return "\n".join(lines)
