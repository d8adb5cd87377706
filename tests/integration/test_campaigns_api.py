"""Campaigns through the API, on both databases: prepare, launch into target and control, record responses in
each person's scope, and measure the effect from the products the customers really opened."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from adapters.container import Container
from adapters.db.tables import customers, products
from adapters.db.tables_access import audit_log, audit_log_customers
from adapters.db.tables_campaigns import campaigns
from domain.calendar import bank_day
from domain.campaigns import Group, group_of
from tests.conftest import Person
from tests.integration.value_factories import add_customer, add_holding

MakePerson = Callable[..., Awaitable[Person]]
TODAY = bank_day(datetime.now(UTC))
OFFER = "WM-BAL-1Y"  # a wealth product of risk R3: for balanced (C3) customers and above


async def _offer(container: Container) -> None:
    async with container.uow() as uow:
        await uow.connection.execute(
            sa.insert(products).values(
                code=OFFER, name="Balanced Wealth 1Y", category="wealth_product", currency="CNY", risk_level=3
            )
        )
        await uow.commit()


async def _customers(container: Container, rm: Person, n: int, **over: Any) -> list[uuid.UUID]:
    async with container.uow() as uow:
        fields = {"marketing_consent": {"phone": True}, "risk_preference": "balanced"} | over
        ids = [await add_customer(uow.connection, relationship_manager_id=rm.id, **fields) for _ in range(n)]
        await uow.commit()
    return ids


async def _static_segment(client: httpx.AsyncClient, marketing: Person, ids: list[uuid.UUID]) -> str:
    r = await client.post(
        "/api/v1/segments",
        json={"code": f"seg-{uuid.uuid4().hex[:8]}", "name": "Wealth prospects", "kind": "static"},
        headers=marketing.headers,
    )
    assert r.status_code == 201, r.text
    sid = str(r.json()["id"])
    r = await client.post(
        f"/api/v1/segments/{sid}/members", json={"customer_ids": [str(i) for i in ids]}, headers=marketing.headers
    )
    assert r.status_code == 200, r.text
    return sid


def _body(segment_id: str, **over: Any) -> dict[str, Any]:
    body = {
        "name": "Balanced wealth drive",
        "product_code": OFFER,
        "segment_id": segment_id,
        "channel": "phone",
        "control_pct": 50,
        "starts_on": (TODAY - timedelta(days=5)).isoformat(),
        "ends_on": (TODAY + timedelta(days=25)).isoformat(),
    }
    return body | over


async def _members(client: httpx.AsyncClient, person: Person, campaign_id: str, **params: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    cursor = None
    while True:
        query = params | ({"cursor": cursor} if cursor else {}) | {"limit": "7"}
        r = await client.get(f"/api/v1/campaigns/{campaign_id}/members", params=query, headers=person.headers)
        assert r.status_code == 200, r.text
        out += r.json()["items"]
        cursor = r.json()["next_cursor"]
        if not cursor:
            return out


async def test_a_launch_draws_the_eligible_into_target_and_control_and_the_effect_counts_real_conversions(
    container: Container, app_client: httpx.AsyncClient, make_person: MakePerson
) -> None:
    marketing, rm = await make_person("marketing", branch=None), await make_person("rm")
    await _offer(container)
    eligible = await _customers(container, rm, 30)
    no_consent = await _customers(container, rm, 1, marketing_consent={"phone": False, "sms": True})
    unsuitable = await _customers(container, rm, 1, risk_preference="conservative")
    unassessed = await _customers(container, rm, 1, risk_preference=None)
    holder = await _customers(container, rm, 1)
    merged = await _customers(container, rm, 1)
    everyone = eligible + no_consent + unsuitable + unassessed + holder + merged
    segment = await _static_segment(app_client, marketing, everyone)
    async with container.uow() as uow:  # after joining the segment: one holds the offer, one is merged away
        await add_holding(uow.connection, holder[0], "wealth_product", "80000", product_code=OFFER)
        await uow.connection.execute(
            sa.update(customers).where(customers.c.id == merged[0]).values(merged_into=eligible[0])
        )
        await uow.commit()

    r = await app_client.post("/api/v1/campaigns", json=_body(segment), headers=marketing.headers)
    assert r.status_code == 201, r.text
    draft = r.json()
    campaign = draft["id"]
    assert r.headers["location"] == f"/api/v1/campaigns/{campaign}"
    assert draft["status"] == "draft" and draft["effect"] is None and draft["targets"] == 0
    assert draft["product"]["name"] == "Balanced Wealth 1Y" and draft["segment"]["name"] == "Wealth prospects"

    r = await app_client.post(f"/api/v1/campaigns/{campaign}/launch", headers=marketing.headers)
    assert r.status_code == 200, r.text
    launched = r.json()
    assert launched["status"] == "active" and launched["launched_at"]
    assert launched["excluded"] == {"no_consent": 1, "unsuitable": 2, "already_holds": 1}
    expected = {c: group_of(uuid.UUID(campaign), c, 50) for c in eligible}
    targets = [c for c, g in expected.items() if g is Group.TARGET]
    controls = [c for c, g in expected.items() if g is Group.CONTROL]
    assert targets and controls
    assert (launched["targets"], launched["controls"]) == (len(targets), len(controls))
    listed = await _members(app_client, marketing, campaign)
    assert {m["customer"]["id"]: m["group"] for m in listed} == {str(c): g.value for c, g in expected.items()}
    assert [m["customer"]["customer_number"] for m in listed] == sorted(
        m["customer"]["customer_number"] for m in listed
    ), "by customer number, across pages"

    # Conversions: the offered product opened during the campaign, in either group. One target opened it before
    # the campaign and closed it again (not a conversion); a customer outside the campaign opened it too.
    async with container.uow() as uow:
        conn = uow.connection
        await add_holding(conn, targets[0], "wealth_product", "100000", product_code=OFFER, opened_on=TODAY)
        await add_holding(conn, targets[1], "wealth_product", "50000.50", product_code=OFFER, opened_on=TODAY)
        await add_holding(
            conn, targets[2], "wealth_product", "20000", product_code=OFFER, opened_on=TODAY - timedelta(days=5)
        )
        await add_holding(
            conn,
            targets[3],
            "wealth_product",
            "0",
            product_code=OFFER,
            opened_on=TODAY - timedelta(days=40),
            status="closed",
        )
        await add_holding(conn, controls[0], "wealth_product", "30000", product_code=OFFER, opened_on=TODAY)
        await add_holding(conn, no_consent[0], "wealth_product", "99999", product_code=OFFER, opened_on=TODAY)
        await uow.commit()

    r = await app_client.get(f"/api/v1/campaigns/{campaign}", headers=rm.headers)
    assert r.status_code == 200, r.text
    effect = r.json()["effect"]
    nt, nc = len(targets), len(controls)
    assert effect["target"]["customers"] == nt and effect["target"]["converted"] == 3
    assert effect["control"]["customers"] == nc and effect["control"]["converted"] == 1
    assert Decimal(effect["target"]["conversion_rate"]) == (Decimal(3) / nt).quantize(Decimal("0.0001"))
    assert Decimal(effect["uplift_pp"]) == ((Decimal(3) / nt - Decimal(1) / nc) * 100).quantize(Decimal("0.01"))
    assert effect["target"]["converted_balances"] == [{"amount": "170000.50", "currency": "CNY"}]
    assert effect["control"]["converted_balances"] == [{"amount": "30000.00", "currency": "CNY"}]
    assert effect["final"] is False and effect["as_of"] == TODAY.isoformat()
    assert effect["responses"] == {"contacted": 0, "interested": 0, "declined": 0, "unreachable": 0, "none": nt}
    converted = {m["customer"]["id"]: m["converted_on"] for m in await _members(app_client, rm, campaign)}
    assert converted[str(targets[2])] == (TODAY - timedelta(days=5)).isoformat()
    assert converted[str(targets[3])] is None

    # Closing makes the effect final; nothing more is recorded.
    r = await app_client.post(f"/api/v1/campaigns/{campaign}/close", headers=marketing.headers)
    assert r.status_code == 200 and r.json()["status"] == "closed" and r.json()["effect"]["final"] is True
    again = await app_client.post(f"/api/v1/campaigns/{campaign}/close", headers=marketing.headers)
    assert again.status_code == 409, again.text
    relaunch = await app_client.post(f"/api/v1/campaigns/{campaign}/launch", headers=marketing.headers)
    assert relaunch.status_code == 409
    launched_url = f"/api/v1/campaigns/{campaign}"
    assert (await app_client.patch(launched_url, json={"control_pct": 5}, headers=marketing.headers)).status_code == 409
    assert (await app_client.delete(launched_url, headers=marketing.headers)).status_code == 409
    late_url = f"/api/v1/campaigns/{campaign}/members/{targets[5]}/response"
    late = await app_client.put(late_url, json={"response": "contacted"}, headers=rm.headers)
    assert late.status_code == 409 and late.json()["type"] == "/problems/campaign-not-active", late.text
    # The segment is kept for the campaign's record.
    r = await app_client.delete(f"/api/v1/segments/{segment}", headers=marketing.headers)
    assert r.status_code == 409, r.text


async def test_people_record_responses_of_their_own_target_customers_and_see_what_is_left_to_do(
    container: Container, app_client: httpx.AsyncClient, make_person: MakePerson
) -> None:
    marketing, auditor = await make_person("marketing", branch=None), await make_person("auditor", branch=None)
    rm, other_rm = await make_person("rm"), await make_person("rm")
    agent = await make_person("agent", branch=None)
    await _offer(container)
    mine = await _customers(container, rm, 12)
    theirs = await _customers(container, other_rm, 6)
    segment = await _static_segment(app_client, marketing, mine + theirs)
    campaign = (await app_client.post("/api/v1/campaigns", json=_body(segment), headers=marketing.headers)).json()
    cid = campaign["id"]
    assert (await app_client.post(f"/api/v1/campaigns/{cid}/launch", headers=marketing.headers)).status_code == 200
    my_targets = [c for c in mine if group_of(uuid.UUID(cid), c, 50) is Group.TARGET]
    my_controls = [c for c in mine if group_of(uuid.UUID(cid), c, 50) is Group.CONTROL]
    their_targets = [c for c in theirs if group_of(uuid.UUID(cid), c, 50) is Group.TARGET]
    assert len(my_targets) >= 2 and my_controls and their_targets

    # The RM's list holds their own customers only; what is left to contact is counted for them.
    todo = await _members(app_client, rm, cid, group="target", response="none")
    assert {m["customer"]["id"] for m in todo} == {str(c) for c in my_targets}
    listed = (await app_client.get("/api/v1/campaigns", headers=rm.headers)).json()["items"]
    assert [(c["id"], c["to_contact"]) for c in listed] == [(cid, len(my_targets))]

    url = f"/api/v1/campaigns/{cid}/members/{my_targets[0]}/response"
    r = await app_client.put(url, json={"response": "contacted"}, headers=rm.headers)
    assert r.status_code == 200, r.text
    r = await app_client.put(url, json={"response": "interested", "note": "Call back on Friday"}, headers=rm.headers)
    assert r.status_code == 200, r.text
    row = r.json()
    assert row["response"] == "interested" and row["note"] == "Call back on Friday"
    assert row["responded_by_username"] == rm.username and row["group"] == "target"
    agent_url = f"/api/v1/campaigns/{cid}/members/{my_targets[1]}/response"
    r = await app_client.put(agent_url, json={"response": "declined"}, headers=agent.headers)
    assert r.status_code == 200, r.text

    todo = await _members(app_client, rm, cid, group="target", response="none")
    assert {m["customer"]["id"] for m in todo} == {str(c) for c in my_targets[2:]}
    assert (await app_client.get("/api/v1/campaigns", headers=rm.headers)).json()["items"][0]["to_contact"] == len(
        my_targets
    ) - 2
    effect = (await app_client.get(f"/api/v1/campaigns/{cid}", headers=auditor.headers)).json()["effect"]
    assert effect["responses"]["interested"] == 1 and effect["responses"]["declined"] == 1
    assert effect["responses"]["none"] == len(my_targets) + len(their_targets) - 2

    # Whom one may not contact, or not see, or not record for.
    control = await app_client.put(
        f"/api/v1/campaigns/{cid}/members/{my_controls[0]}/response", json={"response": "contacted"}, headers=rm.headers
    )
    assert control.status_code == 409 and "control group" in control.json()["detail"]
    assert control.json()["type"] == "/problems/customer-held-out"
    others = await app_client.put(
        f"/api/v1/campaigns/{cid}/members/{their_targets[0]}/response",
        json={"response": "contacted"},
        headers=rm.headers,
    )
    assert others.status_code == 404, others.text
    for person in (marketing, auditor):
        r = await app_client.put(url, json={"response": "declined"}, headers=person.headers)
        assert r.status_code == 403, r.text
    outsider = await _customers(container, rm, 1)
    r = await app_client.put(
        f"/api/v1/campaigns/{cid}/members/{outsider[0]}/response", json={"response": "contacted"}, headers=rm.headers
    )
    assert r.status_code == 404 and "not in campaign" in r.json()["detail"]
    r = await app_client.put(url, json={"response": "bought"}, headers=rm.headers)
    assert r.status_code == 422 and r.json()["errors"][0]["field"].endswith("response")

    # The 360 view: the customer's campaigns with their group and answer; another RM's customer is not found.
    r = await app_client.get(f"/api/v1/customers/{my_targets[0]}/campaigns", headers=rm.headers)
    assert r.status_code == 200, r.text
    [theirs_in] = r.json()
    assert theirs_in["campaign"]["id"] == cid and theirs_in["campaign"]["status"] == "active"
    assert (theirs_in["group"], theirs_in["response"], theirs_in["note"]) == (
        "target",
        "interested",
        "Call back on Friday",
    )
    r = await app_client.get(f"/api/v1/customers/{my_controls[0]}/campaigns", headers=rm.headers)
    assert [(c["group"], c["response"]) for c in r.json()] == [("control", None)]
    r = await app_client.get(f"/api/v1/customers/{their_targets[0]}/campaigns", headers=rm.headers)
    assert r.status_code == 404, r.text
    assert (await app_client.get(f"/api/v1/customers/{outsider[0]}/campaigns", headers=rm.headers)).json() == []

    # Reading the contacts is a read of those customers' data: audited with each customer named.
    async with container.engine.connect() as conn:
        named = set(
            await conn.scalars(
                sa.select(audit_log_customers.c.customer_id)
                .join(audit_log, audit_log.c.id == audit_log_customers.c.audit_id)
                .where(audit_log.c.actor == rm.username, audit_log.c.path == f"/api/v1/campaigns/{cid}/members")
            )
        )
    assert named == set(my_targets), "the customers the lists showed, no others"


async def test_what_a_campaign_may_not_be(
    container: Container, app_client: httpx.AsyncClient, make_person: MakePerson
) -> None:
    marketing, rm = await make_person("marketing", branch=None), await make_person("rm")
    await _offer(container)
    nobody_eligible = await _customers(container, rm, 2, marketing_consent={})
    segment = await _static_segment(app_client, marketing, nobody_eligible)

    def field_of(r: httpx.Response) -> str:
        assert r.status_code == 422, r.text
        assert r.headers["content-type"].startswith("application/problem+json")
        return str(r.json()["errors"][0]["field"]).split(".")[-1]

    post = app_client.post
    h = marketing.headers
    assert field_of(await post("/api/v1/campaigns", json=_body(segment, control_pct=60), headers=h)) == "control_pct"
    ends_early = _body(segment, starts_on=TODAY.isoformat(), ends_on=(TODAY - timedelta(days=1)).isoformat())
    assert field_of(await post("/api/v1/campaigns", json=ends_early, headers=h)) == "ends_on"
    assert field_of(await post("/api/v1/campaigns", json=_body(segment, product_code="NOPE"), headers=h)) == (
        "product_code"
    )
    assert field_of(await post("/api/v1/campaigns", json=_body(str(uuid.uuid4())), headers=h)) == "segment_id"
    assert field_of(await post("/api/v1/campaigns", json=_body(segment, name="   "), headers=h)) == "name"
    assert field_of(await post("/api/v1/campaigns", json=_body(segment, channel="fax"), headers=h)) == "channel"
    over = _body(segment, starts_on=date(2020, 1, 1).isoformat(), ends_on=date(2020, 2, 1).isoformat())
    assert field_of(await post("/api/v1/campaigns", json=over, headers=h)) == "ends_on"
    assert (await post("/api/v1/campaigns", json=_body(segment), headers=rm.headers)).status_code == 403

    draft = (await post("/api/v1/campaigns", json=_body(segment), headers=h)).json()
    # A draft is changed field by field and checked as a whole; only marketing may.
    url = f"/api/v1/campaigns/{draft['id']}"
    r = await app_client.patch(url, json={"ends_on": (TODAY + timedelta(days=60)).isoformat()}, headers=h)
    assert r.status_code == 200 and r.json()["ends_on"] == (TODAY + timedelta(days=60)).isoformat(), r.text
    assert r.json()["name"] == "Balanced wealth drive"
    too_early = (TODAY - timedelta(days=30)).isoformat()
    assert field_of(await app_client.patch(url, json={"ends_on": too_early}, headers=h)) == "ends_on"
    assert field_of(await app_client.patch(url, json={"product_code": "NOPE"}, headers=h)) == "product_code"
    assert (await app_client.patch(url, json={"control_pct": 20}, headers=rm.headers)).status_code == 403
    assert (await app_client.get(url, headers=h)).json()["control_pct"] == 50
    spare = (await post("/api/v1/campaigns", json=_body(segment, name="Spare"), headers=h)).json()
    assert (await app_client.delete(f"/api/v1/campaigns/{spare['id']}", headers=h)).status_code == 204
    assert (await app_client.get(f"/api/v1/campaigns/{spare['id']}", headers=h)).status_code == 404
    r = await post(f"/api/v1/campaigns/{draft['id']}/launch", headers=h)
    assert field_of(r) == "segment_id" and "2 no consent" in r.json()["detail"]
    assert (await post(f"/api/v1/campaigns/{draft['id']}/launch", headers=rm.headers)).status_code == 403
    assert (await post(f"/api/v1/campaigns/{draft['id']}/close", headers=h)).status_code == 409
    assert (await app_client.get(f"/api/v1/campaigns/{uuid.uuid4()}", headers=h)).status_code == 404
    assert (await app_client.get("/api/v1/campaigns/not-an-id", headers=h)).status_code == 404
    assert (await app_client.get("/api/v1/campaigns", params={"status": "paused"}, headers=h)).status_code == 422
    drafts = (await app_client.get("/api/v1/campaigns", params={"status": "draft"}, headers=rm.headers)).json()
    assert [c["id"] for c in drafts["items"]] == [draft["id"]]


async def test_a_closed_campaign_and_a_held_out_customer_are_refused_each_with_a_type_of_its_own(
    container: Container, app_client: httpx.AsyncClient, make_person: MakePerson
) -> None:
    """Both 409, for call-center software to tell "the campaign is over" from "not to be offered it"."""
    marketing, rm = await make_person("marketing", branch=None), await make_person("rm")
    agent = await make_person("agent", branch=None)
    await _offer(container)
    mine = await _customers(container, rm, 12)
    segment = await _static_segment(app_client, marketing, mine)
    cid = (await app_client.post("/api/v1/campaigns", json=_body(segment), headers=marketing.headers)).json()["id"]
    assert (await app_client.post(f"/api/v1/campaigns/{cid}/launch", headers=marketing.headers)).status_code == 200
    target = next(c for c in mine if group_of(uuid.UUID(cid), c, 50) is Group.TARGET)
    control = next(c for c in mine if group_of(uuid.UUID(cid), c, 50) is Group.CONTROL)

    def url(customer: uuid.UUID) -> str:
        return f"/api/v1/campaigns/{cid}/members/{customer}/response"

    def refusal(r: httpx.Response) -> tuple[int, str, str]:
        assert r.headers["content-type"].startswith("application/problem+json"), r.text
        body = r.json()
        assert body["status"] == r.status_code and body["instance"] == r.request.url.path
        return r.status_code, body["type"], body["title"]

    for person in (rm, agent):
        r = await app_client.put(url(control), json={"response": "contacted"}, headers=person.headers)
        assert refusal(r) == (409, "/problems/customer-held-out", "Customer held out")
        assert str(control) in r.json()["detail"] and "control group" in r.json()["detail"]
    assert (await app_client.put(url(target), json={"response": "interested"}, headers=rm.headers)).status_code == 200

    assert (await app_client.post(f"/api/v1/campaigns/{cid}/close", headers=marketing.headers)).status_code == 200
    for customer in (target, control):  # once closed, nobody's response is recorded: the campaign is what is said
        r = await app_client.put(url(customer), json={"response": "declined"}, headers=agent.headers)
        assert refusal(r) == (409, "/problems/campaign-not-active", "Campaign not active")
        assert "closed" in r.json()["detail"]
    member = await _members(app_client, rm, cid, group="target")
    assert [m["response"] for m in member if m["customer"]["id"] == str(target)] == ["interested"], "unchanged"

    # The route says which refusal is which.
    spec = (await app_client.get("/openapi.json")).json()
    respond = spec["paths"]["/api/v1/campaigns/{campaign_id}/members/{customer_id}/response"]["put"]
    conflict = respond["responses"]["409"]
    for slug in ("campaign-not-active", "customer-held-out"):
        assert f"/problems/{slug}" in conflict["description"] and f"/problems/{slug}" in respond["description"]
        example = conflict["content"]["application/problem+json"]["examples"][slug]["value"]
        assert (example["type"], example["status"]) == (f"/problems/{slug}", 409)


async def test_a_response_recorded_as_the_campaign_closes_is_either_before_the_close_or_refused(
    container: Container, app_client: httpx.AsyncClient, make_person: MakePerson
) -> None:
    """PostgreSQL reads committed data: without a lock a response could read "active" while a close commits, and
    be stored after it. The response holds the campaign's row, so it waits for the close and is refused."""
    if container.engine.dialect.name != "postgresql":
        pytest.skip("SQLite runs one writer at a time: a close cannot land between the check and the write")
    marketing, rm = await make_person("marketing", branch=None), await make_person("rm")
    await _offer(container)
    mine = await _customers(container, rm, 12)
    segment = await _static_segment(app_client, marketing, mine)
    cid = (await app_client.post("/api/v1/campaigns", json=_body(segment), headers=marketing.headers)).json()["id"]
    assert (await app_client.post(f"/api/v1/campaigns/{cid}/launch", headers=marketing.headers)).status_code == 200
    target = next(c for c in mine if group_of(uuid.UUID(cid), c, 50) is Group.TARGET)
    url = f"/api/v1/campaigns/{cid}/members/{target}/response"

    async with container.engine.connect() as closing:
        transaction = await closing.begin()
        closed = {"status": "closed", "closed_at": sa.func.now()}
        await closing.execute(sa.update(campaigns).where(campaigns.c.id == uuid.UUID(cid)).values(**closed))
        respond = asyncio.create_task(app_client.put(url, json={"response": "interested"}, headers=rm.headers))
        await asyncio.sleep(0.5)
        assert not respond.done(), "the response did not wait for the close being committed"
        await transaction.commit()
    r = await asyncio.wait_for(respond, 10)
    assert r.status_code == 409 and r.json()["type"] == "/problems/campaign-not-active", r.text
    member = await _members(app_client, rm, cid, group="target")
    assert [m["response"] for m in member if m["customer"]["id"] == str(target)] == [None]
