"""A customer's next best actions on the 360 view (GET /customers/{id}/next-best-actions), on both databases: the
call-center context's actions, for whoever may read the customer, audited."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import httpx
import sqlalchemy as sa

from adapters.container import Container
from adapters.db.tables import holdings, products
from domain.calendar import bank_day
from tests.conftest import Person, customer_body

MakePerson = Callable[..., Awaitable[Person]]
CONTEXT = "/api/v1/contact-center/context"


def _url(customer_id: str) -> str:
    return f"/api/v1/customers/{customer_id}/next-best-actions"


async def _customer(client: httpx.AsyncClient, admin: Person, rm: Person | None, **overrides: Any) -> dict[str, Any]:
    body = customer_body(
        id_document={"type": "passport", "number": f"E{uuid.uuid4().int % 10**8:08d}"},
        phones=[f"+86138{uuid.uuid4().int % 10**8:08d}"],
        **overrides,
    )
    if rm is not None:
        body["relationship_manager_id"] = str(rm.id)
    r = await client.post("/api/v1/customers", json=body, headers=admin.headers)
    assert r.status_code == 201, r.text
    return dict(r.json())


async def _product(container: Container, code: str, category: str, name: str, name_zh: str | None = None) -> None:
    async with container.engine.begin() as conn:
        await conn.execute(
            sa.insert(products).values(
                code=code, name=name, name_zh=name_zh, category=category, currency="CNY", risk_level=1, active=True
            )
        )


async def _deposit(container: Container, customer_id: str, account: str, balance: str, matures_in_days: int) -> None:
    async with container.engine.begin() as conn:
        await conn.execute(
            sa.insert(holdings).values(
                id=uuid.uuid4(),
                customer_id=uuid.UUID(customer_id),
                account_number=account,
                product_code="TD-12M",
                category="time_deposit",
                status="active",
                balance=Decimal(balance),
                currency="CNY",
                maturity_date=bank_day(datetime.now(UTC)) + timedelta(days=matures_in_days),
                balance_as_of=datetime.now(UTC),
            )
        )


async def _actions(client: httpx.AsyncClient, person: Person, customer_id: str) -> list[dict[str, Any]]:
    r = await client.get(_url(customer_id), headers=person.headers)
    assert r.status_code == 200, r.text
    return list(r.json())


async def test_a_deposit_maturing_within_30_days_is_an_action_naming_the_account_masked(
    app_client: httpx.AsyncClient, admin: Person, make_person: MakePerson, container: Container
) -> None:
    rm = await make_person("rm")
    c = await _customer(app_client, admin, rm, marketing_consent={"phone": False})
    await _product(container, "TD-12M", "time_deposit", "12-month time deposit")
    await _deposit(container, c["id"], "6222000011112222", "50000.00", 10)
    await _deposit(container, c["id"], "6222000011113333", "9000.00", 90)  # beyond 30 days: nothing to do yet
    r = await app_client.get(f"/api/v1/customers/{c['id']}/holdings", headers=rm.headers)
    days = next(h["days_to_maturity"] for h in r.json()["items"] if h["account_number"] == "****2222")

    [roll] = await _actions(app_client, rm, c["id"])
    assert roll["kind"] == "roll_over_maturity" and roll["priority"] == "medium"
    assert roll["title"] == "Offer to roll over 12-month time deposit ****2222"
    assert f"in {days} days" in roll["reason"] and "CNY 50,000.00" in roll["reason"]
    assert roll["refs"]["product_code"] == "TD-12M" and uuid.UUID(roll["refs"]["holding_id"])
    everything = str(roll)
    assert "6222000011112222" not in everything and "3333" not in everything

    # An admin sees the same actions as the call-center context gives for this customer: the account masked there too.
    mine = await _actions(app_client, admin, c["id"])
    r = await app_client.get(CONTEXT, params={"customer_number": c["customer_number"]}, headers=admin.headers)
    assert r.status_code == 200, r.text
    assert mine == r.json()["next_best_actions"]
    assert "****2222" in mine[0]["title"] and "6222000011112222" not in str(mine)


async def test_a_running_campaigns_offer_until_the_customer_declines(
    app_client: httpx.AsyncClient, admin: Person, make_person: MakePerson, container: Container
) -> None:
    rm, marketing = await make_person("rm"), await make_person("marketing", branch=None)
    await _product(container, "INS-LIFE", "insurance", "Term life insurance", "定期寿险")
    c = await _customer(app_client, admin, rm, marketing_consent={"phone": True})
    r = await app_client.post(
        "/api/v1/segments", json={"code": "life-prospects", "name": "Life", "kind": "static"}, headers=marketing.headers
    )
    assert r.status_code == 201, r.text
    segment = r.json()["id"]
    r = await app_client.post(
        f"/api/v1/segments/{segment}/members", json={"customer_ids": [c["id"]]}, headers=marketing.headers
    )
    assert r.status_code == 200, r.text
    today = bank_day(datetime.now(UTC))
    drive = {
        "name": "Life cover drive",
        "product_code": "INS-LIFE",
        "segment_id": segment,
        "channel": "phone",
        "control_pct": 0,
        "starts_on": (today - timedelta(days=1)).isoformat(),
        "ends_on": (today + timedelta(days=30)).isoformat(),
    }
    r = await app_client.post("/api/v1/campaigns", json=drive, headers=marketing.headers)
    assert r.status_code == 201, r.text
    campaign_id = r.json()["id"]
    r = await app_client.post(f"/api/v1/campaigns/{campaign_id}/launch", headers=marketing.headers)
    assert r.status_code == 200 and r.json()["targets"] == 1, r.text

    [offer] = await _actions(app_client, rm, c["id"])
    assert offer["kind"] == "campaign_offer"
    assert offer["title"] == "Offer Term life insurance (Life cover drive)"
    assert offer["refs"]["campaign_id"] == campaign_id and offer["refs"]["response"] == ""
    assert offer["refs"]["product_name_zh"] == "定期寿险" and offer["refs"]["ends_on"] == drive["ends_on"]

    response = f"/api/v1/campaigns/{campaign_id}/members/{c['id']}/response"
    r = await app_client.put(response, json={"response": "interested"}, headers=rm.headers)
    assert r.status_code == 200, r.text
    [offer] = await _actions(app_client, rm, c["id"])
    assert offer["refs"]["response"] == "interested" and "said they were interested" in offer["reason"]

    r = await app_client.put(response, json={"response": "declined", "note": "Has cover at work"}, headers=rm.headers)
    assert r.status_code == 200, r.text
    assert await _actions(app_client, rm, c["id"]) == [], "a customer who declined is not offered it again"


async def test_only_who_may_read_the_customer_and_every_read_audited(
    app_client: httpx.AsyncClient, admin: Person, make_person: MakePerson, container: Container
) -> None:
    rm, other_rm = await make_person("rm"), await make_person("rm")
    manager, elsewhere = await make_person("branch_manager"), await make_person("branch_manager", branch="SH001")
    auditor = await make_person("auditor", branch=None)
    c = await _customer(app_client, admin, rm, marketing_consent={"phone": False})
    await _product(container, "TD-12M", "time_deposit", "12-month time deposit")
    await _deposit(container, c["id"], "6222000044445555", "20000.00", 3)

    assert [a["kind"] for a in await _actions(app_client, rm, c["id"])] == ["roll_over_maturity"]
    assert [a["priority"] for a in await _actions(app_client, manager, c["id"])] == ["high"]  # within a week
    for outsider in (other_rm, elsewhere):
        r = await app_client.get(_url(c["id"]), headers=outsider.headers)
        assert r.status_code == 404, (outsider.username, r.text)
        assert r.headers["content-type"].startswith("application/problem+json")
        assert "5555" not in r.text
    for unknown in (str(uuid.uuid4()), "not-an-id"):
        r = await app_client.get(_url(unknown), headers=rm.headers)
        assert r.status_code == 404 and r.headers["content-type"].startswith("application/problem+json")
    r = await app_client.get(_url(c["id"]))
    assert r.status_code == 401 and r.headers["content-type"].startswith("application/problem+json")

    r = await app_client.get("/api/v1/audit", params={"customer_id": c["id"]}, headers=auditor.headers)
    assert r.status_code == 200, r.text
    reads = [e for e in r.json()["items"] if e["view"] == "customers-next-best-actions"]
    by = {(e["actor"], e["action"], e["outcome"]) for e in reads}
    assert (rm.username, "read", 200) in by and (manager.username, "read", 200) in by
    assert (other_rm.username, "denied", 404) in by and (elsewhere.username, "denied", 404) in by
    mine = next(e for e in reads if e["actor"] == rm.username)
    assert mine["customer_ids"] == [c["id"]] and mine["path"] == _url(c["id"]) and mine["method"] == "GET"


async def test_a_customer_with_nothing_to_do_has_an_empty_list(
    app_client: httpx.AsyncClient, admin: Person, make_person: MakePerson
) -> None:
    rm = await make_person("rm")
    c = await _customer(app_client, admin, rm, marketing_consent={"phone": True})
    assert await _actions(app_client, rm, c["id"]) == []
