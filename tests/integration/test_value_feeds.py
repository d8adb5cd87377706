"""Scores, alerts and segment membership move as channel feeds arrive, in the feed's own transaction."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import sqlalchemy as sa

from adapters.container import Container
from adapters.db import scoring
from adapters.db.tables_value import alerts, customer_scores
from tests.integration.feeds_helpers import ACCOUNT, ev, feed_key, seed_bank


async def test_a_deposit_and_a_complaint_move_scores_alerts_and_segments(
    container: Container, app_client: httpx.AsyncClient, make_person: Any
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
    async with container.engine.connect() as conn:
        aum = await conn.scalar(sa.select(customer_scores.c.aum).where(customer_scores.c.customer_id == cid))
    assert aum == 801000, "scored with the deposit, without a full rescore"
    r = await app_client.get(f"/api/v1/segments/{sid}", headers=marketing.headers)
    assert r.json()["member_count"] == 1, "the rule segment took the customer in as the event arrived"

    complaint = ev("V-comp", "complaint", now.isoformat(), notes="queue too long", satisfaction=1)
    r = await app_client.post("/api/v1/feeds/call-center", headers=key, json={"events": [complaint]})
    assert r.status_code == 200 and r.json()["accepted"] == 1, r.text
    r = await app_client.get("/api/v1/alerts", params={"customer_id": str(cid)}, headers=admin.headers)
    assert [a["kind"] for a in r.json()["items"]] == ["complaint"]
    # The same event again is a duplicate: nothing new, no second alert.
    r = await app_client.post("/api/v1/feeds/call-center", headers=key, json={"events": [complaint]})
    assert r.json()["duplicates"] == 1
    async with container.engine.connect() as conn:
        assert await conn.scalar(sa.select(sa.func.count()).select_from(alerts)) == 1
