"""Scores, alerts and segment membership move as channel feeds arrive: the feed's transaction queues the
customers it changed, and the scorer running in the server process scores them right after the commit."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from adapters.container import Container
from adapters.db import scoring
from adapters.db.tables_value import alerts, customer_scores
from tests.integration.feeds_helpers import ACCOUNT, ev, feed_key, seed_bank


@pytest.fixture
async def running_scorer(container: Container) -> AsyncIterator[None]:
    """The scorer's background loop, as the app's lifespan starts it in every server process."""
    assert container.scorer is not None
    container.scorer.start()
    yield
    await container.scorer.stop()


async def eventually(check: Callable[[], Awaitable[bool]], seconds: float = 10.0) -> float:
    """Wait until `check` holds (nobody drains the queue by hand); returns how long it took."""
    start = time.monotonic()
    while not await check():
        assert time.monotonic() - start < seconds, "the scorer did not catch up"
        await asyncio.sleep(0.05)
    return time.monotonic() - start


async def test_a_deposit_and_a_complaint_move_scores_alerts_and_segments(
    container: Container, app_client: httpx.AsyncClient, make_person: Any, running_scorer: None
) -> None:
    key = await feed_key(container)
    cid = await seed_bank(container)
    marketing = await make_person("marketing")
    admin = await make_person("admin")
    async with container.uow() as uow:
        await scoring.rescore(uow.connection, container.clock.now())
        await uow.commit()
    r = await app_client.post(
        "/api/v1/segments",
        json={"code": "affluent", "name": "Affluent", "kind": "rule", "rule": "aum >= 500000"},
        headers=marketing.headers,
    )
    sid = r.json()["id"]
    assert r.json()["member_count"] == 0

    now = datetime.now(UTC) - timedelta(minutes=5)
    deposit = ev("V-dep", "deposit", now.isoformat(), account_number=ACCOUNT, amount="800000.00", currency="CNY")
    r = await app_client.post("/api/v1/feeds/teller", headers=key, json={"events": [deposit]})
    assert r.status_code == 200 and r.json()["accepted"] == 1, r.text

    async def aum() -> Any:
        async with container.engine.connect() as conn:
            return await conn.scalar(sa.select(customer_scores.c.aum).where(customer_scores.c.customer_id == cid))

    await eventually(lambda: _equals(aum(), 801000))  # scored with the deposit, without a full rescore
    r = await app_client.get(f"/api/v1/segments/{sid}", headers=marketing.headers)
    assert r.json()["member_count"] == 1, "the rule segment took the customer in with the same pass"

    complaint = ev("V-comp", "complaint", now.isoformat(), notes="queue too long", satisfaction=1)
    r = await app_client.post("/api/v1/feeds/call-center", headers=key, json={"events": [complaint]})
    assert r.status_code == 200 and r.json()["accepted"] == 1, r.text

    async def alert_kinds() -> list[str]:
        r = await app_client.get("/api/v1/alerts", params={"customer_id": str(cid)}, headers=admin.headers)
        return [a["kind"] for a in r.json()["items"]]

    await eventually(lambda: _equals(alert_kinds(), ["complaint"]))
    # The same event again is a duplicate: nothing new, nothing queued, no second alert.
    r = await app_client.post("/api/v1/feeds/call-center", headers=key, json={"events": [complaint]})
    assert r.json()["duplicates"] == 1
    assert container.scorer is not None
    await container.scorer.drain()
    assert await container.scorer.pending() == 0
    async with container.engine.connect() as conn:
        assert await conn.scalar(sa.select(sa.func.count()).select_from(alerts)) == 1


async def _equals(value: Awaitable[Any], expected: Any) -> bool:
    return await value == expected
