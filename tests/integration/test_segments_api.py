"""Segments: rules in text or JSON, preview, members kept current, static lists, scoping, bad rules."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx

from adapters.container import Container
from adapters.db import scoring
from tests.integration.value_factories import add_customer, add_holding

NOW = datetime.now(UTC).replace(microsecond=0)
RULE = "age between 25 and 35 and aum > 500000 and not holds('credit_card')"


def born_aged(years: int) -> date:
    today = NOW.date()
    return today.replace(year=today.year - years) - timedelta(days=10)


async def population(container: Container, rm: Any, other_rm: Any) -> dict[str, Any]:
    async with container.uow() as uow:
        c = uow.connection
        ids = {
            "match_mine": await add_customer(
                c, birth_date=born_aged(30), relationship_manager_id=rm.id, phones=["+8613811112222"]
            ),
            "match_theirs": await add_customer(
                c, birth_date=born_aged(26), relationship_manager_id=other_rm.id, home_branch="SH001"
            ),
            "too_old": await add_customer(c, birth_date=born_aged(36), relationship_manager_id=rm.id),
            "poor": await add_customer(c, birth_date=born_aged(30), relationship_manager_id=rm.id),
            "has_card": await add_customer(c, birth_date=born_aged(30), relationship_manager_id=rm.id),
        }
        for name in ("match_mine", "match_theirs", "too_old", "has_card"):
            await add_holding(c, ids[name], "savings", "800000")
        await add_holding(c, ids["poor"], "savings", "500000")
        await add_holding(c, ids["has_card"], "credit_card", "-100")
        await scoring.rescore(c, NOW)
        await uow.commit()
    return ids


async def test_preview_create_members_and_search_by_segment(
    container: Container, app_client: httpx.AsyncClient, make_person: Any
) -> None:
    marketing = await make_person("marketing")
    rm = await make_person("rm", branch="BJ001")
    other_rm = await make_person("rm", branch="SH001")
    ids = await population(container, rm, other_rm)

    r = await app_client.post("/api/v1/segments/preview", json={"rule": RULE}, headers=marketing.headers)
    assert r.status_code == 200, r.text
    assert r.json()["count"] == 2
    json_rule = r.json()["rule_json"]
    r = await app_client.post("/api/v1/segments/preview", json={"rule_json": json_rule}, headers=marketing.headers)
    assert r.json()["count"] == 2
    r = await app_client.post("/api/v1/segments/preview", json={"rule": RULE}, headers=rm.headers)
    assert r.status_code == 403, "RMs read segments; marketing builds them"

    body = {"code": "young-affluent", "name": "Young affluent without a card", "kind": "rule", "rule": RULE}
    r = await app_client.post("/api/v1/segments", json=body, headers=marketing.headers)
    assert r.status_code == 201, r.text
    segment = r.json()
    assert segment["member_count"] == 2 and segment["rule"] == RULE and segment["rule_json"] == json_rule
    r = await app_client.post("/api/v1/segments", json=body, headers=marketing.headers)
    assert r.status_code == 409 and r.json()["errors"][0]["field"] == "code"

    # Marketing sees every member, phones masked; an RM only their own portfolio's.
    r = await app_client.get(f"/api/v1/segments/{segment['id']}/members", headers=marketing.headers)
    members = r.json()["items"]
    assert {m["customer_id"] for m in members} == {str(ids["match_mine"]), str(ids["match_theirs"])}
    mine = next(m for m in members if m["customer_id"] == str(ids["match_mine"]))
    assert mine["masked_phone"] == "+86138****2222" and "phones" not in mine
    r = await app_client.get(f"/api/v1/segments/{segment['id']}/members", headers=rm.headers)
    assert [m["customer_id"] for m in r.json()["items"]] == [str(ids["match_mine"])]
    r = await app_client.get(
        f"/api/v1/segments/{segment['id']}/members", params={"limit": 1}, headers=marketing.headers
    )
    assert len(r.json()["items"]) == 1 and r.json()["next_cursor"]

    # Customer search filters by the segment's code (core search reads segment_members).
    r = await app_client.get("/api/v1/customers", params={"segment": "young-affluent"}, headers=rm.headers)
    assert [c["id"] for c in r.json()["items"]] == [str(ids["match_mine"])]
    # The customer's profile names the segment as marketing named it.
    r = await app_client.get(f"/api/v1/customers/{ids['match_mine']}", headers=rm.headers)
    profile = r.json()
    assert "young-affluent" in profile["segments"]
    assert profile["segment_names"]["young-affluent"] == "Young affluent without a card"
    assert list(profile["segment_names"]) == profile["segments"]

    # An event arrives: the customer takes a credit card; the scorer moves membership once it is committed.
    async with container.uow() as uow:
        await add_holding(uow.connection, ids["match_mine"], "credit_card", "0")
        await container.customers_changed(uow, {ids["match_mine"]})
        await uow.commit()
    assert container.scorer is not None and await container.scorer.drain() == 1
    r = await app_client.get(f"/api/v1/segments/{segment['id']}", headers=rm.headers)
    assert r.json()["member_count"] == 1

    # Changing the rule moves members at once.
    r = await app_client.patch(
        f"/api/v1/segments/{segment['id']}", json={"rule": "aum >= 500000"}, headers=marketing.headers
    )
    assert r.status_code == 200 and r.json()["member_count"] == 5
    r = await app_client.delete(f"/api/v1/segments/{segment['id']}", headers=marketing.headers)
    assert r.status_code == 204
    r = await app_client.get(f"/api/v1/segments/{segment['id']}", headers=marketing.headers)
    assert r.status_code == 404


async def test_bad_rules_are_422_naming_the_place(app_client: httpx.AsyncClient, make_person: Any) -> None:
    marketing = await make_person("marketing")
    for rule, message in (
        ("agee between 25 and 35", "at position 1: unknown attribute 'agee'"),
        ("aum > 5 and birth_date > 1990", "at position 26: birth_date is a date; cannot compare it with the number"),
        ("aum > 5 and", "at position 12: expected an attribute"),
    ):
        for path in ("/api/v1/segments/preview", "/api/v1/segments"):
            body: dict[str, Any] = {"rule": rule}
            if path == "/api/v1/segments":
                body |= {"code": "bad", "name": "Bad", "kind": "rule"}
            r = await app_client.post(path, json=body, headers=marketing.headers)
            assert r.status_code == 422, r.text
            error = r.json()["errors"][0]
            assert error["field"] == "rule" and error["message"].startswith(message), error
    r = await app_client.post(
        "/api/v1/segments/preview",
        json={"rule_json": {"or": [{"attr": "aum", "op": ">", "value": 1}, {"attr": "x", "op": "=", "value": 1}]}},
        headers=marketing.headers,
    )
    assert r.status_code == 422 and r.json()["errors"][0]["message"].startswith("at rule.or[1].attr")
    r = await app_client.post(
        "/api/v1/segments/preview", json={"rule": "aum > 1", "rule_json": {"holds": "fund"}}, headers=marketing.headers
    )
    assert r.status_code == 422


async def test_static_lists(container: Container, app_client: httpx.AsyncClient, make_person: Any) -> None:
    marketing = await make_person("marketing")
    rm = await make_person("rm", branch="BJ001")
    other_rm = await make_person("rm", branch="SH001")
    ids = await population(container, rm, other_rm)
    r = await app_client.post(
        "/api/v1/segments",
        json={"code": "vip-evening", "name": "VIP evening", "kind": "static"},
        headers=marketing.headers,
    )
    assert r.status_code == 201 and r.json()["member_count"] == 0
    sid = r.json()["id"]
    chosen = [str(ids["poor"]), str(ids["match_theirs"])]
    r = await app_client.post(
        f"/api/v1/segments/{sid}/members", json={"customer_ids": chosen}, headers=marketing.headers
    )
    assert r.status_code == 200 and r.json()["changed"] == 2
    r = await app_client.post(
        f"/api/v1/segments/{sid}/members", json={"customer_ids": chosen}, headers=marketing.headers
    )
    assert r.json()["changed"] == 0
    unknown = "00000000-0000-4000-8000-000000000000"
    r = await app_client.post(
        f"/api/v1/segments/{sid}/members", json={"customer_ids": [chosen[0], unknown]}, headers=marketing.headers
    )
    assert r.status_code == 404 and r.json()["errors"][0]["field"] == "customer_ids[1]"
    r = await app_client.get(f"/api/v1/segments/{sid}/members", headers=rm.headers)
    assert [m["customer_id"] for m in r.json()["items"]] == [str(ids["poor"])]
    r = await app_client.post(
        f"/api/v1/segments/{sid}/members/remove", json={"customer_ids": [chosen[0]]}, headers=marketing.headers
    )
    assert r.json()["changed"] == 1
    r = await app_client.get(f"/api/v1/segments/{sid}", headers=marketing.headers)
    assert r.json()["member_count"] == 1
    # A full refresh leaves static lists alone; a static list takes no rule.
    async with container.uow() as uow:
        await scoring.rescore(uow.connection, NOW)
        await uow.commit()
    r = await app_client.patch(f"/api/v1/segments/{sid}", json={"rule": "aum > 1"}, headers=marketing.headers)
    assert r.status_code == 409 and r.json()["errors"][0]["field"] == "rule"
    r = await app_client.get("/api/v1/segments", headers=rm.headers)
    assert [s["code"] for s in r.json()["items"]] == ["vip-evening"]
