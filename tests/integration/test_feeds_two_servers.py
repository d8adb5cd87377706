"""Two server processes on one PostgreSQL database receive the same events at the same moment: each is
accepted exactly once (the (channel, source_ref) claim is a unique row taken inside each event's transaction)."""

from __future__ import annotations

import asyncio
import os
import subprocess
import time
from collections.abc import Iterator
from decimal import Decimal

import httpx
import pytest
import sqlalchemy as sa

from adapters.container import Container
from adapters.db.tables import customers
from adapters.db.tables_value import customer_scores, rescore_queue
from tests.conftest import ROOT
from tests.integration.feeds_helpers import ACCOUNT, balance, ev, feed_key, seed_bank, timeline_count

PORTS = (8122, 8123)


@pytest.fixture
def two_servers(container: Container) -> Iterator[list[tuple[str, subprocess.Popen[bytes]]]]:
    if container.engine.dialect.name != "postgresql":
        pytest.skip("several server processes need PostgreSQL")
    env = {
        **os.environ,
        "CRM_DATABASE_URL": container.settings.database_url,
        "CRM_ENVIRONMENT": "test",
        "CRM_SERVE_FRONTEND": "false",
        "CRM_RATE_LIMIT_PER_MINUTE": "0",
        "CRM_CARD_TOKEN_KEY": container.settings.card_token_key,
        "CRM_DATABASE_POOL_SIZE": "4",
    }
    procs = [
        subprocess.Popen(
            [str(ROOT / ".venv/bin/crm"), "serve", "--port", str(port)],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        for port in PORTS
    ]
    urls = [f"http://127.0.0.1:{p}" for p in PORTS]
    try:
        deadline = time.time() + 60
        for url in urls:
            while True:
                try:
                    if httpx.get(f"{url}/readyz", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if time.time() > deadline:
                    pytest.fail("the servers did not start")
                time.sleep(0.3)
        yield list(zip(urls, procs, strict=True))
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            p.wait(timeout=30)


async def test_the_same_events_at_two_servers_at_once_are_accepted_once(
    container: Container, two_servers: list[tuple[str, subprocess.Popen[bytes]]]
) -> None:
    key = await feed_key(container)
    await seed_bank(container)
    events = [
        ev(f"TW-{i}", "deposit", f"2026-11-23T09:{i % 60:02d}:00+08:00", account_number=ACCOUNT, amount="1.00",
           currency="CNY") if i % 3 == 0 else
        ev(f"TW-{i}", "inquiry", customer={"phone": f"+86139000{i % 17:05d}"})
        for i in range(150)
    ]  # fmt: skip

    async def post(url: str, part: list[dict[str, object]]) -> dict[str, int]:
        async with httpx.AsyncClient(base_url=url, timeout=120) as client:
            r = await client.post("/api/v1/feeds/teller", headers=key, json={"events": part})
            assert r.status_code == 200, r.text
            return r.json()  # type: ignore[no-any-return]

    # every server gets every event, in batches of 50, twice over, all at the same time
    jobs = [post(url, events[i : i + 50]) for url, _ in two_servers for i in range(0, 150, 50) for _ in range(2)]
    answers = await asyncio.gather(*jobs)
    assert sum(a["accepted"] for a in answers) == 150
    assert sum(a["duplicates"] for a in answers) == 450
    assert sum(a["rejected"] for a in answers) == 0
    assert await timeline_count(container) == 150
    assert await balance(container, ACCOUNT) == Decimal("1050.00")
    async with container.engine.connect() as conn:
        provisional = await conn.scalar(
            sa.select(sa.func.count()).select_from(customers).where(customers.c.provisional.is_(True))
        )
    assert provisional == 17, "one provisional customer per unknown phone, however the servers interleaved"

    # Nobody drains the rescore queue here: the scorers running in the two server processes do, one pass at a
    # time (an advisory lock), and every customer the events touched ends up scored with all of them.
    async def scored() -> tuple[int, object, int]:
        async with container.engine.connect() as conn:
            queued = await conn.scalar(sa.select(sa.func.count()).select_from(rescore_queue))
            aum = await conn.scalar(
                sa.select(customer_scores.c.aum)
                .join(customers, customers.c.id == customer_scores.c.customer_id)
                .where(customers.c.provisional.is_(False))
            )
            provisional_scored = await conn.scalar(
                sa.select(sa.func.count())
                .select_from(customer_scores.join(customers, customers.c.id == customer_scores.c.customer_id))
                .where(customers.c.provisional.is_(True))
            )
        return int(queued or 0), aum, int(provisional_scored or 0)

    deadline = time.monotonic() + 15
    while (state := await scored()) != (0, Decimal("1050.00"), 17):
        assert time.monotonic() < deadline, f"the servers' scorers did not catch up: {state}"
        await asyncio.sleep(0.1)


async def _write_in_flight(container: Container) -> None:
    """Wait until a server's transaction has written something and not yet committed (a backend with an xid)."""
    query = sa.text(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
        "AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL"
    )
    deadline = time.monotonic() + 60
    async with container.engine.connect() as conn:
        while time.monotonic() < deadline:
            if (await conn.execute(query)).scalar():
                return
            await conn.rollback()  # a fresh snapshot of pg_stat_activity on the next read
            await asyncio.sleep(0.002)
    raise AssertionError("the batch never started writing")


async def test_a_server_killed_mid_batch_then_the_batch_posted_again_gives_one_clean_state(
    container: Container, two_servers: list[tuple[str, subprocess.Popen[bytes]]]
) -> None:
    key = await feed_key(container)
    await seed_bank(container)
    events = [
        ev(f"KL-{i}", "deposit", f"2026-11-23T10:{i % 60:02d}:00+08:00", account_number=ACCOUNT, amount="0.01",
           currency="CNY")
        for i in range(5000)
    ]  # fmt: skip
    (first_url, first), (second_url, _) = two_servers

    async def doomed() -> None:
        async with httpx.AsyncClient(base_url=first_url, timeout=120) as client:
            await client.post("/api/v1/feeds/teller", headers=key, json={"events": events})

    task = asyncio.create_task(doomed())
    # Kill once the batch is being written, not after a guessed delay: a fast machine finished the whole batch
    # within a fixed 0.4 s, and a slow one might not have started it.
    await _write_in_flight(container)
    first.kill()  # SIGKILL in the middle of the batch: no clean shutdown
    with pytest.raises(httpx.HTTPError):
        await task
    async with httpx.AsyncClient(base_url=second_url, timeout=120) as client:
        r = await client.post("/api/v1/feeds/teller", headers=key, json={"events": events})
    body = r.json()
    assert body["accepted"] + body["duplicates"] == 5000 and body["rejected"] == 0
    assert await timeline_count(container) == 5000
    assert await balance(container, ACCOUNT) == Decimal("1050.00")
