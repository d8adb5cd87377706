"""Provisional customers from feeds, merged into the real customer: history follows, the old id points on."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import httpx
import sqlalchemy as sa

from adapters.container import Container
from adapters.db.tables_feeds import customer_merges
from domain.customers import Identity, IdentitySource
from tests.integration.feeds_helpers import balance, ev, feed_key, seed_bank

NEW_PHONE = "+8613911112220"


async def _provisional(container: Container, client: httpx.AsyncClient, key: dict[str, str]) -> Any:
    r = await client.post(
        "/api/v1/feeds/teller",
        headers=key,
        json={
            "events": [
                ev(
                    "PV-1",
                    "account_open",
                    customer={"phone": NEW_PHONE, "card_token": "tok_prov_0001"},
                    account_number="SAV-PROV-0001",
                    product_code="SAV-CNY",
                    amount="300.00",
                    currency="CNY",
                ),
                ev("PV-2", "inquiry", "2026-11-23T10:00:00+08:00", customer={"phone": NEW_PHONE}),
            ]
        },
    )
    assert r.json()["accepted"] == 2, r.text
    async with container.uow(readonly=True) as uow:
        [pid] = await uow.customers.find_by_identity(Identity(IdentitySource.PHONE, NEW_PHONE))
    return pid


async def test_a_provisional_customer_merged_brings_its_history(
    container: Container, app_client: httpx.AsyncClient, admin: Any
) -> None:
    key = await feed_key(container)
    cid = await seed_bank(container)
    pid = await _provisional(container, app_client, key)
    r = await app_client.get(f"/api/v1/customers/{pid}", headers=admin.headers)
    assert r.json()["provisional"] is True

    r = await app_client.post(
        f"/api/v1/customers/{cid}/merge", headers=admin.headers, json={"source_customer_id": str(pid)}
    )
    assert r.status_code == 200, r.text
    moved = r.json()["moved"]
    assert moved["holdings"] == 1 and moved["interactions"] == 2 and moved["identities"] == 1

    timeline = (await app_client.get(f"/api/v1/customers/{cid}/timeline", headers=admin.headers)).json()
    assert {"PV-1", "PV-2"} <= {i["source_ref"] for i in timeline["items"]}
    holdings = (await app_client.get(f"/api/v1/customers/{cid}/holdings", headers=admin.headers)).json()
    assert "SAV-PROV-0001" in {h["account_number"] for h in holdings["items"]}
    assert await balance(container, "SAV-PROV-0001") == Decimal("300.00")

    old = await app_client.get(f"/api/v1/customers/{pid}", headers=admin.headers)
    assert old.status_code == 200 and old.json()["merged_into"] == str(cid)
    survivor = (await app_client.get(f"/api/v1/customers/{cid}", headers=admin.headers)).json()
    assert NEW_PHONE in survivor["phones"]

    # new events with the provisional's identities now land on the survivor
    r = await app_client.post(
        "/api/v1/feeds/pos-atm",
        headers=key,
        json={
            "events": [
                ev("PV-3", "atm_balance_inquiry", customer={"card_token": "tok_prov_0001"}, terminal_id="ATM-1"),
                ev("PV-4", "atm_balance_inquiry", customer={"phone": NEW_PHONE}, terminal_id="ATM-1"),
            ]
        },
    )
    assert r.json()["accepted"] == 2
    # ... and so do events naming the merged customer by its old (provisional) customer number
    old_number = old.json()["customer_number"]
    r = await app_client.post("/api/v1/feeds/call-center", headers=key, json={"events": [
        ev("PV-5", "complaint", customer={"customer_number": old_number}, notes="still using the old number"),
    ]})  # fmt: skip
    assert r.json()["accepted"] == 1, r.text
    timeline = (await app_client.get(f"/api/v1/customers/{cid}/timeline", headers=admin.headers)).json()
    assert {"PV-3", "PV-4", "PV-5"} <= {i["source_ref"] for i in timeline["items"]}
    async with container.engine.connect() as conn:
        audit = (await conn.execute(sa.select(customer_merges))).one()
    assert (audit.survivor_id, audit.merged_id) == (cid, pid)
    assert audit.merged_by == admin.username


async def test_merge_refusals(
    container: Container, app_client: httpx.AsyncClient, admin: Any, make_person: Any
) -> None:
    key = await feed_key(container)
    cid = await seed_bank(container)
    pid = await _provisional(container, app_client, key)
    url = f"/api/v1/customers/{cid}/merge"
    r = await app_client.post(url, headers=admin.headers, json={"source_customer_id": str(cid)})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "source_customer_id"
    rm = await make_person("rm")
    r = await app_client.post(url, headers=rm.headers, json={"source_customer_id": str(pid)})
    assert r.status_code in (403, 404)
    r = await app_client.post(url, headers=key, json={"source_customer_id": str(pid)})
    assert r.status_code == 403
    r = await app_client.post(url, json={"source_customer_id": str(pid)})
    assert r.status_code == 401
    r = await app_client.post(url, headers=admin.headers, json={"source_customer_id": str(pid)})
    assert r.status_code == 200
    r = await app_client.post(url, headers=admin.headers, json={"source_customer_id": str(pid)})
    assert r.status_code == 409, "already merged"
    r = await app_client.post(
        f"/api/v1/customers/{pid}/merge", headers=admin.headers, json={"source_customer_id": str(cid)}
    )
    assert r.status_code == 409, "a merged customer cannot survive a merge"
