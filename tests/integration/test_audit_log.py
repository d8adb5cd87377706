"""The audit log: one entry per person-read, every change and refusal, filters, and no way to alter it."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from adapters.container import Container
from adapters.db.tables_access import audit_log, audit_log_customers
from tests.conftest import Person, customer_body
from tests.integration.test_access_rules import MakePerson, seed_bank
from tests.integration.value_factories import add_open_alert


async def entries(container: Container) -> list[dict[str, Any]]:
    async with container.engine.connect() as conn:
        rows = list(await conn.execute(sa.select(audit_log).order_by(audit_log.c.id)))
        links = list(await conn.execute(sa.select(audit_log_customers)))
    by_entry: dict[int, list[str]] = {}
    for link in links:
        by_entry.setdefault(link.audit_id, []).append(str(link.customer_id))
    return [dict(r._mapping) | {"customer_ids": sorted(by_entry.get(r.id, []))} for r in rows]


async def test_a_day_of_person_reads_leaves_one_entry_per_read(
    app_client: httpx.AsyncClient, make_person: MakePerson, container: Container
) -> None:
    bank = await seed_bank(app_client, make_person, container)
    start = len(await entries(container))
    mine, theirs = bank.mine["id"], bank.theirs["id"]
    reads: list[tuple[Person, str, dict[str, Any]]] = [
        (bank.rm, f"/api/v1/customers/{mine}", {}),
        (bank.rm, f"/api/v1/customers/{mine}/holdings", {}),
        (bank.rm, f"/api/v1/customers/{mine}/timeline", {}),
        (bank.rm, "/api/v1/customers", {"q": "Li Na"}),
        (bank.branch_manager, f"/api/v1/customers/{theirs}", {}),
        (bank.branch_manager, "/api/v1/customers", {}),
        (bank.agent, f"/api/v1/customers/{mine}/timeline", {}),
        (bank.marketing, f"/api/v1/customers/{mine}", {}),
        (bank.auditor, f"/api/v1/customers/{theirs}/holdings", {}),
        (bank.rm, f"/api/v1/customers/{mine}", {"reveal": "phone"}),
    ]
    for who, url, params in reads:
        r = await app_client.get(url, params=params, headers=who.headers)
        assert r.status_code == 200, (url, r.text)
    # Reads that show no customer data are not customer reads.
    assert (await app_client.get("/api/v1/products", headers=bank.rm.headers)).status_code == 200
    assert (await app_client.get("/healthz")).status_code == 200

    logged = (await entries(container))[start:]
    assert len(logged) == len(reads)
    for (who, url, _params), entry in zip(reads, logged, strict=True):
        assert entry["actor"] == who.username and entry["actor_kind"] == "user" and entry["role"] == who.role
        assert entry["actor_id"] == str(who.id)
        assert entry["outcome"] == 200 and entry["method"] == "GET" and entry["path"] == url
        assert entry["ip"] and entry["request_id"] and entry["at"] is not None
    assert [e["view"] for e in logged] == [
        "customers-get",
        "customers-holdings",
        "customers-timeline",
        "customers-search",
        "customers-get",
        "customers-search",
        "customers-timeline",
        "customers-get",
        "customers-holdings",
        "customers-get",
    ]
    assert [e["action"] for e in logged] == ["read"] * 9 + ["reveal"]
    assert logged[0]["customer_id"] == uuid.UUID(mine) and logged[0]["customer_ids"] == [mine]
    # One entry per search, naming every customer it returned.
    assert logged[3]["customer_ids"] == [mine] and logged[3]["customer_id"] == uuid.UUID(mine)
    assert logged[5]["customer_ids"] == sorted([mine, theirs]) and logged[5]["customer_id"] is None
    assert logged[9]["fields"] == ["phone"]


async def test_changes_and_refusals_are_audited(
    app_client: httpx.AsyncClient, make_person: MakePerson, container: Container
) -> None:
    bank = await seed_bank(app_client, make_person, container)
    start = len(await entries(container))
    mine, theirs = bank.mine["id"], bank.theirs["id"]

    r = await app_client.patch(
        f"/api/v1/customers/{mine}",
        json={"occupation": "Pilot", "emails": ["li@example.com"]},
        headers={**bank.rm.headers, "If-Match": '"v1"'},
    )
    assert r.status_code == 200
    r = await app_client.patch(
        f"/api/v1/customers/{mine}", json={"tier": "key"}, headers={**bank.rm.headers, "If-Match": '"v2"'}
    )
    assert r.status_code == 403
    assert (await app_client.get(f"/api/v1/customers/{theirs}", headers=bank.rm.headers)).status_code == 404
    assert (await app_client.get(f"/api/v1/customers/{mine}")).status_code == 401
    r = await app_client.get(f"/api/v1/customers/{mine}", headers={"Authorization": "Bearer forged.token.here"})
    assert r.status_code == 401
    assert (await app_client.get("/api/v1/audit", headers=bank.rm.headers)).status_code == 403
    r = await app_client.get(f"/api/v1/customers/{mine}", params={"reveal": "phone"}, headers=bank.marketing.headers)
    assert r.status_code == 403

    logged = (await entries(container))[start:]
    summary = [(e["action"], e["view"], e["outcome"], e["actor"]) for e in logged]
    assert summary == [
        ("change", "customers-update", 200, bank.rm.username),
        ("denied", "customers-update", 403, bank.rm.username),
        ("denied", "customers-get", 404, bank.rm.username),
        ("denied", "customers-get", 401, "anonymous"),
        ("denied", "customers-get", 401, "anonymous"),
        ("denied", "audit-list", 403, bank.rm.username),
        ("denied", "customers-get", 403, bank.marketing.username),
    ]
    assert logged[0]["fields"] == ["emails", "occupation"] and logged[0]["customer_ids"] == [mine]
    assert logged[1]["fields"] == ["tier"]
    assert logged[2]["customer_ids"] == [theirs]
    assert logged[6]["fields"] == ["phone"]


async def test_sign_ins_are_audited(
    app_client: httpx.AsyncClient, make_person: MakePerson, container: Container
) -> None:
    rm = await make_person("rm", "BJ001")
    r = await app_client.post("/api/v1/auth/token", data={"username": rm.username, "password": "wrong password"})
    assert r.status_code == 401
    r = await app_client.post("/api/v1/auth/token", data={"username": "nobody", "password": "wrong password"})
    assert r.status_code == 401
    logged = await entries(container)
    assert [(e["action"], e["actor"], e["outcome"]) for e in logged] == [
        ("login", rm.username, 200),  # make_person signed in
        ("login_failed", rm.username, 401),
        ("login_failed", "nobody", 401),
    ]
    assert "password" not in str(logged[1]["detail"]).replace("'reason': 'password'", "")


async def test_audit_api_filters_pages_and_is_for_auditors_and_admins(
    app_client: httpx.AsyncClient, make_person: MakePerson, container: Container
) -> None:
    bank = await seed_bank(app_client, make_person, container)
    mine, theirs = bank.mine["id"], bank.theirs["id"]
    for _ in range(3):
        await app_client.get(f"/api/v1/customers/{mine}", headers=bank.rm.headers)
    await app_client.get(f"/api/v1/customers/{theirs}", headers=bank.branch_manager.headers)
    await app_client.get("/api/v1/customers", headers=bank.branch_manager.headers)  # lists both

    for role in ("rm", "branch_manager", "agent", "marketing"):
        r = await app_client.get("/api/v1/audit", headers=bank.person(role).headers)
        assert r.status_code == 403, role
        assert r.headers["content-type"].startswith("application/problem+json")

    async def page(who: Person, **params: Any) -> dict[str, Any]:
        r = await app_client.get("/api/v1/audit", params=params, headers=who.headers)
        assert r.status_code == 200, r.text
        return r.json()  # type: ignore[no-any-return]

    reads = await page(bank.auditor, customer_id=mine, action="read", actor=bank.rm.username)
    assert len(reads["items"]) == 3 and reads["next_cursor"] is None
    assert all(e["customer_ids"] == [mine] and e["view"] == "customers-get" for e in reads["items"])
    # Each customer also by number, so that an auditor reads who it was without opening the customer.
    number = bank.mine["customer_number"]
    assert all(e["customers"] == [{"id": mine, "customer_number": number}] for e in reads["items"])
    # An auditor who knows the customer by number asks by number.
    by_number = await page(bank.auditor, customer_number=number, action="read", actor=bank.rm.username)
    assert [e["id"] for e in by_number["items"]] == [e["id"] for e in reads["items"]]
    assert (await page(bank.auditor, customer_number="C9999999999"))["items"] == []
    assert (await page(bank.auditor, customer_number=number, customer_id=theirs))["items"] == []
    r = await app_client.get("/api/v1/audit", params={"customer_number": "c-lower"}, headers=bank.auditor.headers)
    assert r.status_code == 422 and "customer_number" in r.text
    # The branch manager's search mentions `theirs` too: filtering by customer finds it.
    about_theirs = await page(bank.admin, customer_id=theirs, actor=bank.branch_manager.username)
    assert [e["view"] for e in about_theirs["items"]] == ["customers-search", "customers-get"]  # newest first

    # Cursor paging over the rm's reads, two at a time.
    seen: list[int] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"actor": bank.rm.username, "action": "read", "limit": 2}
        got = await page(bank.auditor, **params, **({"cursor": cursor} if cursor else {}))
        seen += [e["id"] for e in got["items"]]
        cursor = got["next_cursor"]
        if cursor is None:
            break
    assert seen == sorted(seen, reverse=True) and len(seen) == len(set(seen)) == 3

    # Time window: everything so far is before `until=now+1h` and nothing is after `since=now+1h`.
    later = "2999-01-01T00:00:00+08:00"
    assert (await page(bank.auditor, since=later))["items"] == []
    assert len((await page(bank.auditor, until=later, limit=500))["items"]) > 5
    r = await app_client.get("/api/v1/audit", params={"since": "2026-01-01T00:00:00"}, headers=bank.auditor.headers)
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "since"
    r = await app_client.get("/api/v1/audit", params={"cursor": "garbage!"}, headers=bank.auditor.headers)
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "cursor"
    r = await app_client.get("/api/v1/audit", params={"limit": 501}, headers=bank.auditor.headers)
    assert r.status_code == 422

    # Reading the audit log is itself audited.
    reads_of_log = await page(bank.admin, action="audit_read", actor=bank.auditor.username, limit=500)
    assert len(reads_of_log["items"]) >= 6
    assert reads_of_log["items"][-1]["detail"]["filters"]["customer_id"] == mine


@pytest.mark.parametrize("statement", ["UPDATE audit_log SET outcome = 200", "DELETE FROM audit_log"])
async def test_the_database_refuses_to_change_the_audit_log(
    statement: str, app_client: httpx.AsyncClient, make_person: MakePerson, container: Container
) -> None:
    rm = await make_person("rm", "BJ001")
    assert (await app_client.post("/api/v1/customers", json=customer_body(), headers=rm.headers)).status_code == 201
    await app_client.get("/api/v1/customers", headers=rm.headers)
    await app_client.get("/api/v1/audit", headers=rm.headers)  # a 403, audited
    before = await entries(container)
    assert len(before) == 4 and sum(len(e["customer_ids"]) for e in before) == 2
    for sql in (
        statement,
        statement.replace("audit_log", "audit_log_customers").replace("outcome = 200", "audit_id = 0"),
    ):
        with pytest.raises(sa.exc.DBAPIError, match="append-only"):
            async with container.engine.begin() as conn:
                await conn.execute(sa.text(sql))
    assert await entries(container) == before


async def test_segment_members_and_alert_lists_are_person_reads_of_the_customers_shown(
    app_client: httpx.AsyncClient, make_person: MakePerson, container: Container
) -> None:
    bank = await seed_bank(app_client, make_person, container)
    mine = bank.mine["id"]
    r = await app_client.post(
        "/api/v1/segments",
        json={"code": "vip-list", "name": "VIP list", "kind": "static"},
        headers=bank.marketing.headers,
    )
    assert r.status_code == 201, r.text
    sid = r.json()["id"]
    r = await app_client.post(
        f"/api/v1/segments/{sid}/members", json={"customer_ids": [mine]}, headers=bank.marketing.headers
    )
    assert r.status_code == 200, r.text
    async with container.uow() as uow:
        await add_open_alert(uow.connection, uuid.UUID(mine), bank.rm.id, cause_key="k1")
        await uow.commit()
    start = len(await entries(container))
    r = await app_client.get(f"/api/v1/segments/{sid}/members", headers=bank.rm.headers)
    assert r.status_code == 200 and [m["customer_id"] for m in r.json()["items"]] == [mine]
    r = await app_client.get("/api/v1/alerts", headers=bank.rm.headers)
    assert r.status_code == 200 and [a["customer"]["id"] for a in r.json()["items"]] == [mine]
    logged = (await entries(container))[start:]
    assert [(e["view"], e["action"], e["actor"], e["customer_ids"]) for e in logged] == [
        ("segments-members", "read", bank.rm.username, [mine]),
        ("alerts-list", "read", bank.rm.username, [mine]),
    ]


async def test_a_nul_in_a_query_parameter_is_422_naming_it(
    app_client: httpx.AsyncClient, make_person: MakePerson, container: Container
) -> None:
    """Found by schemathesis: `?actor=` with a NUL reached PostgreSQL, which stores no NUL in text, not even in
    the audit entry's JSON, and the read answered 500. Every route now refuses it first, naming the parameter."""
    auditor, agent = await make_person("auditor"), await make_person("agent")
    r = await app_client.get("/api/v1/audit", params={"actor": "rm\x00li", "limit": 5}, headers=auditor.headers)
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert [e["field"] for e in r.json()["errors"]] == ["actor"]
    r = await app_client.get(
        "/api/v1/contact-center/context", params={"phone": "+8613812345678", "call_id": "C\x001"}, headers=agent.headers
    )
    assert (r.status_code, [e["field"] for e in r.json()["errors"]]) == (422, ["call_id"]), r.text
    # Who may not call the route still hears so first; with a NUL nothing was read, so nothing needs auditing.
    r = await app_client.get("/api/v1/audit", params={"actor": "rm\x00li"}, headers=agent.headers)
    assert r.status_code == 403, r.text
    r = await app_client.get("/api/v1/audit", params={"limit": 50}, headers=auditor.headers)
    assert r.status_code == 200 and not [e for e in r.json()["items"] if e["outcome"] == 500]
