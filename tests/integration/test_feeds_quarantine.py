"""Quarantine: refused events are listed with their reasons, replayed (as stored or corrected) or discarded."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import httpx

from adapters.container import Container
from tests.integration.feeds_helpers import ACCOUNT, balance, ev, feed_key, seed_bank, timeline_count


async def _reject(client: httpx.AsyncClient, key: dict[str, str], channel: str, *events: dict[str, Any]) -> None:
    r = await client.post(f"/api/v1/feeds/{channel}", headers=key, json={"events": list(events)})
    assert r.json()["rejected"] == len(events), r.text


async def test_list_filters_and_pages(container: Container, app_client: httpx.AsyncClient) -> None:
    key = await feed_key(container)
    await seed_bank(container)
    await _reject(
        app_client, key, "teller", *[ev(f"Q-{i}", "deposit", account_number=ACCOUNT, amount=1) for i in range(5)]
    )
    await _reject(app_client, key, "card", ev("K-1", "purchase", pan="4111111111111112", amount="1.00", currency="CNY"))
    page = (await app_client.get("/api/v1/feeds/quarantine?limit=4", headers=key)).json()
    assert len(page["items"]) == 4 and page["next_cursor"]
    rest = (await app_client.get(f"/api/v1/feeds/quarantine?limit=4&cursor={page['next_cursor']}", headers=key)).json()
    assert len(rest["items"]) == 2 and rest["next_cursor"] is None
    assert {i["id"] for i in page["items"]}.isdisjoint({i["id"] for i in rest["items"]})

    card = (await app_client.get("/api/v1/feeds/quarantine?channel=card", headers=key)).json()["items"]
    assert [i["source_ref"] for i in card] == ["K-1"]
    assert "pan" not in card[0]["event"] and card[0]["event"]["card_last4"] == "1112"
    by_reason = (await app_client.get("/api/v1/feeds/quarantine?reason=JSON%20number", headers=key)).json()["items"]
    assert len(by_reason) == 5 and all(i["channel"] == "teller" for i in by_reason)
    late = (await app_client.get("/api/v1/feeds/quarantine?since=2999-01-01T00:00:00Z", headers=key)).json()
    assert late["items"] == []
    r = await app_client.get("/api/v1/feeds/quarantine?since=2026-01-01T00:00:00", headers=key)
    assert r.status_code == 422
    r = await app_client.get("/api/v1/feeds/quarantine?cursor=garbage", headers=key)
    assert r.status_code == 422


async def test_replay_corrected_then_as_stored_then_discard(
    container: Container, app_client: httpx.AsyncClient, admin: Any
) -> None:
    key = await feed_key(container)
    cid = await seed_bank(container)
    bad_amount = ev("R-1", "deposit", account_number=ACCOUNT, amount=25, currency="CNY")
    too_early = ev("R-2", "account_close", account_number="SAV-LATER-0001")
    junk = ev("R-3", "nonsense")
    await _reject(app_client, key, "teller", bad_amount, too_early, junk)
    items = {
        i["source_ref"]: i for i in (await app_client.get("/api/v1/feeds/quarantine", headers=key)).json()["items"]
    }

    # corrected: the amount as a decimal string
    r = await app_client.post(
        f"/api/v1/feeds/quarantine/{items['R-1']['id']}/replay",
        headers=key,
        json={"event": {**bad_amount, "amount": "25.00"}},
    )
    assert r.status_code == 200, r.text
    assert r.json()["result"]["status"] == "accepted" and r.json()["entry"]["status"] == "replayed"
    assert await balance(container, ACCOUNT) == Decimal("1025.00")
    again = await app_client.post(f"/api/v1/feeds/quarantine/{items['R-1']['id']}/replay", headers=key, json={})
    assert again.status_code == 409

    # as stored, too early: refused again and still open, with the attempt counted
    r = await app_client.post(f"/api/v1/feeds/quarantine/{items['R-2']['id']}/replay", headers=key)
    assert r.json()["result"]["status"] == "rejected" and r.json()["entry"]["status"] == "open"
    assert r.json()["entry"]["attempts"] == 2
    # once the account exists, the stored event applies as it is
    r = await app_client.post(
        "/api/v1/feeds/teller",
        headers=key,
        json={
            "events": [
                ev(
                    "R-0",
                    "account_open",
                    "2026-11-23T08:00:00+08:00",
                    account_number="SAV-LATER-0001",
                    product_code="SAV-CNY",
                ),
            ]
        },
    )
    assert r.json()["accepted"] == 1
    r = await app_client.post(f"/api/v1/feeds/quarantine/{items['R-2']['id']}/replay", headers=admin.headers)
    assert r.json()["result"]["status"] == "accepted"
    assert r.json()["entry"]["resolved_by"] == admin.username
    assert await timeline_count(container, cid) == 3

    r = await app_client.post(f"/api/v1/feeds/quarantine/{items['R-3']['id']}/discard", headers=key, json={})
    assert r.status_code == 422
    r = await app_client.post(
        f"/api/v1/feeds/quarantine/{items['R-3']['id']}/discard",
        headers=key,
        json={"reason": "test event sent by mistake"},
    )
    assert r.status_code == 200
    assert r.json()["status"] == "discarded" and r.json()["resolution_note"] == "test event sent by mistake"
    open_items = (await app_client.get("/api/v1/feeds/quarantine?status=open", headers=key)).json()["items"]
    assert open_items == []
    r = await app_client.post(
        "/api/v1/feeds/quarantine/00000000-0000-0000-0000-000000000000/discard", headers=key, json={"reason": "x"}
    )
    assert r.status_code == 404


async def test_the_same_refused_event_twice_is_one_entry(container: Container, app_client: httpx.AsyncClient) -> None:
    key = await feed_key(container)
    await seed_bank(container)
    bad = ev("D-1", "deposit", account_number=ACCOUNT, amount="x", currency="CNY")
    await _reject(app_client, key, "teller", bad)
    await _reject(app_client, key, "teller", bad)
    items = (await app_client.get("/api/v1/feeds/quarantine", headers=key)).json()["items"]
    assert len(items) == 1 and items[0]["attempts"] == 2


async def test_a_refused_event_kept_under_the_earlier_reading_of_a_uuid_is_still_one_entry(
    container: Container, app_client: httpx.AsyncClient
) -> None:
    import sqlalchemy as sa

    from adapters.channels.common import _scrub_before_uuids, content_hash
    from adapters.db.tables_feeds import feed_quarantine

    key = await feed_key(container)
    call_id = "7ee5e857-3489-4498-9143-40ff813fb5cd"  # digits inside that the earlier reading masked
    bad = ev("CC-Q1", "call_ended", call_id=call_id, satisfaction=9)
    await _reject(app_client, key, "call-center", bad)
    async with container.engine.begin() as conn:  # as the earlier version had kept it
        document = (await conn.execute(sa.select(feed_quarantine.c.document))).scalar_one()
        assert document["call_id"] == call_id
        await conn.execute(sa.update(feed_quarantine).values(content_hash=content_hash(_scrub_before_uuids(document))))
    await _reject(app_client, key, "call-center", bad)
    items = (await app_client.get("/api/v1/feeds/quarantine", headers=key)).json()["items"]
    assert len(items) == 1 and items[0]["attempts"] == 2
