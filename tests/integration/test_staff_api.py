"""The staff directory: whom a person may see and hand alerts to."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import sqlalchemy as sa

from adapters.container import Container
from adapters.db.tables import users
from tests.conftest import Person, customer_body
from tests.integration.value_factories import add_open_alert

MakePerson = Callable[..., Awaitable[Person]]


async def names(client: httpx.AsyncClient, who: Person, **params: Any) -> list[str]:
    r = await client.get("/api/v1/staff", params=params, headers=who.headers)
    assert r.status_code == 200, r.text
    return [s["username"] for s in r.json()["items"]]


async def audit_count(container: Container) -> int:
    async with container.engine.connect() as conn:
        return int((await conn.execute(sa.text("SELECT COUNT(*) FROM audit_log"))).scalar_one())


async def test_rms_and_branch_managers_see_their_branch_the_bank_wide_roles_everyone(
    app_client: httpx.AsyncClient, make_person: MakePerson, container: Container
) -> None:
    admin = await make_person("admin", username="a-admin")
    rm_bj = await make_person("rm", "BJ001", username="rm-bj")
    bm_bj = await make_person("branch_manager", "BJ001", username="bm-bj")
    rm_sh = await make_person("rm", "SH001", username="rm-sh")
    auditor = await make_person("auditor", username="z-auditor")
    gone = await make_person("rm", "BJ001", username="rm-gone")
    async with container.uow() as uow:
        await uow.connection.execute(sa.update(users).where(users.c.id == gone.id).values(active=False))
        await uow.commit()

    assert await names(app_client, rm_bj) == ["bm-bj", "rm-bj"]
    assert await names(app_client, bm_bj) == ["bm-bj", "rm-bj"]
    assert await names(app_client, rm_sh) == ["rm-sh"]
    everyone = ["a-admin", "bm-bj", "rm-bj", "rm-sh", "z-auditor"]
    assert await names(app_client, admin) == everyone
    assert await names(app_client, auditor) == everyone
    assert await names(app_client, admin, role=["rm", "branch_manager"]) == ["bm-bj", "rm-bj", "rm-sh"]
    assert await names(app_client, admin, q="RM-") == ["rm-bj", "rm-sh"]
    assert await names(app_client, admin, q="Rm-S") == ["rm-sh"]  # display names too (Rm-Sh)
    assert await names(app_client, admin, q="%") == []  # a LIKE wildcard is a plain character

    r = await app_client.get("/api/v1/staff", params={"limit": 2}, headers=admin.headers)
    first = r.json()
    assert [s["username"] for s in first["items"]] == everyone[:2]
    assert first["items"][1] == {
        "id": str(bm_bj.id),
        "username": "bm-bj",
        "display_name": "Bm-Bj",
        "role": "branch_manager",
        "branch": "BJ001",
        "branch_name": "Beijing Chaoyang",
    }
    seen = [s["username"] for s in first["items"]]
    cursor = first["next_cursor"]
    while cursor:
        r = await app_client.get("/api/v1/staff", params={"limit": 2, "cursor": cursor}, headers=admin.headers)
        seen += [s["username"] for s in r.json()["items"]]
        cursor = r.json()["next_cursor"]
    assert seen == everyone

    r = await app_client.get("/api/v1/staff", params={"role": "teller"}, headers=admin.headers)
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "role[0]"
    r = await app_client.get("/api/v1/staff", params={"cursor": "not-a-cursor"}, headers=admin.headers)
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "cursor"


async def test_an_rm_cannot_hand_an_alert_to_another_branch(
    app_client: httpx.AsyncClient, make_person: MakePerson, container: Container
) -> None:
    rm_bj = await make_person("rm", "BJ001")
    colleague = await make_person("rm", "BJ001")
    manager = await make_person("branch_manager", "BJ001")
    rm_sh = await make_person("rm", "SH001")
    admin = await make_person("admin")
    r = await app_client.post(
        "/api/v1/customers",
        json=customer_body(relationship_manager_id=str(rm_bj.id)),
        headers=admin.headers,
    )
    assert r.status_code == 201, r.text
    async with container.uow() as uow:
        alert_id = await add_open_alert(uow.connection, uuid.UUID(r.json()["id"]), rm_bj.id, cause_key="k-staff")
        await uow.commit()
    url = f"/api/v1/alerts/{alert_id}/assign"
    r = await app_client.post(url, json={"user_id": str(rm_sh.id)}, headers=rm_bj.headers)
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "user_id"
    # a colleague of the same branch who does not hold the customer could not open it: refused, saying why
    r = await app_client.post(url, json={"user_id": str(colleague.id)}, headers=rm_bj.headers)
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "user_id"
    assert "cannot see this customer" in r.json()["detail"]
    r = await app_client.post(url, json={"user_id": str(manager.id)}, headers=rm_bj.headers)
    assert r.status_code == 200 and r.json()["assigned_to"] == str(manager.id)
    r = await app_client.get("/api/v1/alerts", params={"assigned_to": "me"}, headers=manager.headers)
    assert [a["id"] for a in r.json()["items"]] == [str(alert_id)]
    r = await app_client.post(url, json={"user_id": str(admin.id)}, headers=manager.headers)
    assert r.status_code == 200 and r.json()["assigned_to"] == str(admin.id)


async def test_the_people_who_can_take_a_customers_work(
    app_client: httpx.AsyncClient, make_person: MakePerson, container: Container
) -> None:
    admin = await make_person("admin", username="admin-1")
    rm_bj = await make_person("rm", "BJ001", username="rm-bj")
    await make_person("rm", "BJ001", username="rm-bj-other")
    await make_person("branch_manager", "BJ001", username="bm-bj")
    await make_person("branch_manager", "SH001", username="bm-sh")
    rm_sh = await make_person("rm", "SH001", username="rm-sh")
    r = await app_client.post(
        "/api/v1/customers", json=customer_body(relationship_manager_id=str(rm_bj.id)), headers=admin.headers
    )
    cid = r.json()["id"]
    workers = ["rm", "branch_manager", "admin"]
    assert await names(app_client, admin, role=workers, for_customer=cid) == ["admin-1", "bm-bj", "rm-bj"]
    assert await names(app_client, rm_bj, role=workers, for_customer=cid) == ["bm-bj", "rm-bj"]  # own branch only
    before = await audit_count(container)
    r = await app_client.get("/api/v1/staff", params={"for_customer": cid}, headers=rm_sh.headers)
    assert r.status_code == 404  # as if the customer did not exist
    r = await app_client.get("/api/v1/staff", params={"for_customer": "nope"}, headers=admin.headers)
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "for_customer"
    async with container.engine.connect() as conn:
        rows = (
            await conn.execute(
                sa.text("SELECT actor, action, outcome FROM audit_log ORDER BY id DESC LIMIT 1"),
            )
        ).all()
    assert await audit_count(container) == before + 1
    assert [tuple(r) for r in rows] == [("rm-sh", "denied", 404)]
