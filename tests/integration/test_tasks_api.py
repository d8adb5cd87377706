"""Tasks through the API, on both databases: RMs keep their own, a branch manager hands them out within the
branch, an agent leaves one for a caller's RM; done with what came of it, cancelled with why, moved while open."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import sqlalchemy as sa

from adapters.container import Container
from adapters.db.tables_access import audit_log, audit_log_customers
from domain.calendar import bank_day
from tests.conftest import Person
from tests.integration.value_factories import add_customer

MakePerson = Callable[..., Awaitable[Person]]
TODAY = bank_day(datetime.now(UTC))


def _day(days: int) -> str:
    return (TODAY + timedelta(days=days)).isoformat()


async def _customer(container: Container, rm: Person | None, branch: str = "BJ001") -> str:
    async with container.uow() as uow:
        cid = await add_customer(uow.connection, relationship_manager_id=rm.id if rm else None, home_branch=branch)
        await uow.commit()
    return str(cid)


async def _tasks(client: httpx.AsyncClient, person: Person, **params: str) -> list[dict[str, Any]]:
    r = await client.get("/api/v1/tasks", params=params, headers=person.headers)
    assert r.status_code == 200, r.text
    return list(r.json()["items"])


async def test_an_rm_keeps_a_to_do_list_by_day_and_closes_each_with_what_came_of_it(
    container: Container, app_client: httpx.AsyncClient, make_person: MakePerson
) -> None:
    rm, other_rm = await make_person("rm"), await make_person("rm")
    mine, theirs = await _customer(container, rm), await _customer(container, other_rm)
    post = app_client.post

    later = await post(
        "/api/v1/tasks",
        json={"title": "Bring the wealth forms", "due_on": _day(3), "customer_id": mine},
        headers=rm.headers,
    )
    assert later.status_code == 201, later.text
    task = later.json()
    assert later.headers["location"] == f"/api/v1/tasks/{task['id']}"
    assert task["assignee"]["username"] == rm.username and task["status"] == "open" and not task["overdue"]
    assert task["customer"]["id"] == mine and task["created_by_username"] == rm.username
    soon = (
        await post("/api/v1/tasks", json={"title": "  Team   meeting ", "due_on": _day(0)}, headers=rm.headers)
    ).json()
    assert soon["title"] == "Team meeting" and soon["customer"] is None

    todo = await _tasks(app_client, rm, status="open")
    assert [t["id"] for t in todo] == [soon["id"], task["id"]], "the soonest day first"
    assert await _tasks(app_client, other_rm) == [], "another RM sees none of them"
    assert (await app_client.get(f"/api/v1/tasks/{task['id']}", headers=other_rm.headers)).status_code == 404

    # Moved while open; done with what came of it; nothing more after that.
    r = await app_client.patch(f"/api/v1/tasks/{task['id']}", json={"due_on": _day(1)}, headers=rm.headers)
    assert r.status_code == 200 and r.json()["due_on"] == _day(1), r.text
    r = await post(f"/api/v1/tasks/{task['id']}/done", json={"outcome": "Signed on the spot."}, headers=rm.headers)
    assert r.status_code == 200, r.text
    done = r.json()
    assert (done["status"], done["outcome"], done["closed_by_username"]) == ("done", "Signed on the spot.", rm.username)
    again = await post(f"/api/v1/tasks/{task['id']}/cancel", json={"outcome": "x"}, headers=rm.headers)
    assert again.status_code == 409, again.text
    assert (
        await app_client.patch(f"/api/v1/tasks/{task['id']}", json={"due_on": _day(2)}, headers=rm.headers)
    ).status_code == 409
    assert [t["id"] for t in await _tasks(app_client, rm, status="open")] == [soon["id"]]
    assert [t["id"] for t in await _tasks(app_client, rm, customer_id=mine)] == [task["id"]]

    # What may not be.
    def field_of(r: httpx.Response) -> str:
        assert r.status_code == 422, r.text
        return str(r.json()["errors"][0]["field"]).split(".")[-1]

    assert (
        field_of(await post("/api/v1/tasks", json={"title": "x", "due_on": _day(-1)}, headers=rm.headers)) == "due_on"
    )
    assert field_of(await post("/api/v1/tasks", json={"title": " ", "due_on": _day(1)}, headers=rm.headers)) == "title"
    assert (
        field_of(
            await post(
                "/api/v1/tasks",
                json={"title": "x", "due_on": _day(1), "assignee_id": str(other_rm.id)},
                headers=rm.headers,
            )
        )
        == "assignee_id"
    )
    assert (
        field_of(await post(f"/api/v1/tasks/{soon['id']}/done", json={"outcome": "  "}, headers=rm.headers))
        == "outcome"
    )
    r = await post("/api/v1/tasks", json={"title": "x", "due_on": _day(1), "customer_id": theirs}, headers=rm.headers)
    assert r.status_code == 404, "another RM's customer is as if absent"

    # Reading the list is a read of the customers it names: audited.
    async with container.engine.connect() as conn:
        named = set(
            await conn.scalars(
                sa.select(audit_log_customers.c.customer_id)
                .join(audit_log, audit_log.c.id == audit_log_customers.c.audit_id)
                .where(
                    audit_log.c.actor == rm.username, audit_log.c.path == "/api/v1/tasks", audit_log.c.method == "GET"
                )
            )
        )
    assert named == {uuid.UUID(mine)}


async def test_a_branch_manager_hands_tasks_out_and_an_agent_leaves_one_for_the_callers_rm(
    container: Container, app_client: httpx.AsyncClient, make_person: MakePerson
) -> None:
    bm, rm = await make_person("branch_manager"), await make_person("rm")
    far_rm = await make_person("rm", branch="SH001")
    agent, auditor = await make_person("agent", branch=None), await make_person("auditor", branch=None)
    marketing = await make_person("marketing", branch=None)
    mine = await _customer(container, rm)
    orphan = await _customer(container, None)
    post = app_client.post

    r = await post(
        "/api/v1/tasks",
        json={"title": "Review the overdraft", "due_on": _day(2), "customer_id": mine, "assignee_id": str(rm.id)},
        headers=bm.headers,
    )
    assert r.status_code == 201 and r.json()["assignee"]["id"] == str(rm.id), r.text
    handed = r.json()
    far = await post(
        "/api/v1/tasks", json={"title": "x", "due_on": _day(2), "assignee_id": str(far_rm.id)}, headers=bm.headers
    )
    assert far.status_code == 422 and "own branch" in far.json()["detail"]

    # The agent's task goes to the caller's RM, whoever the agent names; without a customer or an RM, refused.
    r = await post(
        "/api/v1/tasks",
        json={
            "title": "Customer asks for a call back",
            "note": "About the card limit",
            "due_on": _day(0),
            "customer_id": mine,
        },
        headers=agent.headers,
    )
    assert r.status_code == 201 and r.json()["assignee"]["id"] == str(rm.id), r.text
    callback = r.json()
    assert (
        await post("/api/v1/tasks", json={"title": "x", "due_on": _day(0)}, headers=agent.headers)
    ).status_code == 422
    r = await post(
        "/api/v1/tasks", json={"title": "x", "due_on": _day(0), "customer_id": orphan}, headers=agent.headers
    )
    assert r.status_code == 422 and "no RM" in r.json()["detail"]

    # Who sees them: the RM holds both, the branch manager sees the branch's, the agent the one they left.
    assert {t["id"] for t in await _tasks(app_client, rm)} == {handed["id"], callback["id"]}
    assert {t["id"] for t in await _tasks(app_client, bm)} == {handed["id"], callback["id"]}
    assert [t["id"] for t in await _tasks(app_client, agent)] == [callback["id"]]
    assert {t["id"] for t in await _tasks(app_client, auditor)} >= {handed["id"], callback["id"]}
    assert await _tasks(app_client, far_rm) == []
    assert (await app_client.get("/api/v1/tasks", headers=marketing.headers)).status_code == 403
    assert (
        await post("/api/v1/tasks", json={"title": "x", "due_on": _day(1)}, headers=auditor.headers)
    ).status_code == 403
    # The agent may not close the RM's other task; the RM cancels the call-back with why.
    r = await post(f"/api/v1/tasks/{handed['id']}/done", json={"outcome": "done"}, headers=agent.headers)
    assert r.status_code in (403, 404), r.text
    r = await post(
        f"/api/v1/tasks/{callback['id']}/cancel",
        json={"outcome": "She came to the branch instead."},
        headers=rm.headers,
    )
    assert r.status_code == 200 and r.json()["status"] == "cancelled", r.text
    assert [t["id"] for t in await _tasks(app_client, rm, status="open")] == [handed["id"]]


async def test_the_closed_tasks_are_listed_the_latest_closed_first_to_whom_they_concern(
    container: Container, app_client: httpx.AsyncClient, make_person: MakePerson
) -> None:
    rm, other_rm, bm = await make_person("rm"), await make_person("rm"), await make_person("branch_manager")
    far_bm = await make_person("branch_manager", branch="SH001")
    agent = await make_person("agent", branch=None)
    mine, theirs = await _customer(container, rm), await _customer(container, other_rm)
    post = app_client.post

    async def task(person: Person, title: str, **fields: str) -> str:
        r = await post("/api/v1/tasks", json={"title": title, "due_on": _day(1)} | fields, headers=person.headers)
        assert r.status_code == 201, r.text
        return str(r.json()["id"])

    async def close(person: Person, task_id: str, how: str) -> None:
        r = await post(f"/api/v1/tasks/{task_id}/{how}", json={"outcome": f"{how} by the test"}, headers=person.headers)
        assert r.status_code == 200, r.text

    still_open = await task(rm, "Still to do", customer_id=mine)
    # Created in one order, closed in another: the list follows the closing.
    first, second, third = [await task(rm, f"Task {n}", customer_id=mine) for n in (1, 2, 3)]
    unrelated = await task(rm, "Not about a customer")
    callback = await task(agent, "Call back", customer_id=mine)
    await close(rm, third, "done")
    await close(rm, first, "cancel")
    await close(rm, unrelated, "done")
    await close(rm, second, "done")
    await close(rm, callback, "done")
    theirs_done = await task(other_rm, "Their own", customer_id=theirs)
    await close(other_rm, theirs_done, "cancel")

    closed = await _tasks(app_client, rm, status="closed")
    assert [t["id"] for t in closed] == [callback, second, unrelated, first, third], "the latest closed first"
    assert {t["status"] for t in closed} == {"done", "cancelled"} and still_open not in {t["id"] for t in closed}
    assert all(t["closed_at"] and t["outcome"] for t in closed)
    assert [t["status"] for t in closed if t["id"] == first] == ["cancelled"]

    # Paged in that order; one customer's closed tasks alone.
    r = await app_client.get("/api/v1/tasks", params={"status": "closed", "limit": "2"}, headers=rm.headers)
    page = r.json()
    assert [t["id"] for t in page["items"]] == [callback, second] and page["next_cursor"]
    seen = [t["id"] for t in page["items"]]
    while page["next_cursor"]:
        r = await app_client.get(
            "/api/v1/tasks",
            params={"status": "closed", "limit": "2", "cursor": page["next_cursor"]},
            headers=rm.headers,
        )
        assert r.status_code == 200, r.text
        page = r.json()
        seen += [t["id"] for t in page["items"]]
    assert seen == [callback, second, unrelated, first, third]
    about_mine = await _tasks(app_client, rm, status="closed", customer_id=mine)
    assert [t["id"] for t in about_mine] == [callback, second, first, third]

    # Each person sees the closed tasks that concern them, as with the open ones.
    assert [t["id"] for t in await _tasks(app_client, other_rm, status="closed")] == [theirs_done]
    assert [t["id"] for t in await _tasks(app_client, bm, status="closed")] == [
        theirs_done,
        callback,
        second,
        unrelated,
        first,
        third,
    ]
    assert await _tasks(app_client, far_bm, status="closed") == []
    assert [t["id"] for t in await _tasks(app_client, agent, status="closed")] == [callback]
    assert await _tasks(app_client, other_rm, status="closed", customer_id=mine) == []

    # The statuses that were there still work as before: one status each, the newest first.
    assert [t["id"] for t in await _tasks(app_client, rm, status="done")] == [callback, unrelated, third, second]
    assert [t["id"] for t in await _tasks(app_client, rm, status="cancelled")] == [first]
    assert [t["id"] for t in await _tasks(app_client, rm, status="open")] == [still_open]

    # A status the API does not know, or a cursor of another list: problem+json naming the field.
    for params, field in (
        ({"status": "finished"}, "status"),
        ({"status": "closed", "cursor": "bm90LWEtY3Vyc29y"}, "cursor"),
    ):
        r = await app_client.get("/api/v1/tasks", params=params, headers=rm.headers)
        assert r.status_code == 422, r.text
        assert r.headers["content-type"].startswith("application/problem+json")
        assert r.json()["type"] == "/problems/validation-error" and r.json()["errors"][0]["field"] == field


async def test_an_open_tasks_title_and_note_are_said_better_by_those_it_concerns(
    container: Container, app_client: httpx.AsyncClient, make_person: MakePerson
) -> None:
    rm, other_rm, bm = await make_person("rm"), await make_person("rm"), await make_person("branch_manager")
    agent = await make_person("agent", branch=None)
    mine = await _customer(container, rm)
    r = await app_client.post(
        "/api/v1/tasks",
        json={"title": "Call back", "note": "After 6 pm", "due_on": _day(2), "customer_id": mine},
        headers=agent.headers,
    )
    assert r.status_code == 201, r.text
    url = f"/api/v1/tasks/{r.json()['id']}"

    r = await app_client.patch(url, json={"title": "  Call back about the  mortgage rate "}, headers=rm.headers)
    assert r.status_code == 200, r.text
    assert (r.json()["title"], r.json()["note"], r.json()["due_on"]) == (
        "Call back about the mortgage rate",
        "After 6 pm",
        _day(2),
    ), "only what was sent changes"
    r = await app_client.patch(url, json={"note": "Prefers WeChat"}, headers=bm.headers)
    assert r.status_code == 200 and r.json()["note"] == "Prefers WeChat", r.text
    r = await app_client.patch(url, json={"note": "Left it with the RM"}, headers=agent.headers)
    assert r.status_code == 200, "an agent changes the tasks they left"
    r = await app_client.patch(url, json={"note": ""}, headers=rm.headers)
    assert r.status_code == 200 and r.json()["note"] is None, "an emptied note is none"

    for body in ({"title": " "}, {"title": "two\nlines"}, {"title": "x" * 201}):
        r = await app_client.patch(url, json=body, headers=rm.headers)
        assert r.status_code == 422 and r.json()["errors"][0]["field"].endswith("title"), r.text
    r = await app_client.patch(url, json={"title": "Someone else's"}, headers=other_rm.headers)
    assert r.status_code == 404, "another RM's task is as if absent"
    assert (await app_client.get(url, headers=rm.headers)).json()["title"] == "Call back about the mortgage rate"

    done = await app_client.post(f"{url}/done", json={"outcome": "Called."}, headers=rm.headers)
    assert done.status_code == 200, done.text
    r = await app_client.patch(url, json={"title": "Too late"}, headers=rm.headers)
    assert r.status_code == 409 and r.json()["type"] == "/problems/conflict", r.text
