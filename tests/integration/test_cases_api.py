"""Cases through the API: the work queue in each person's scope, closing with what was done, on both databases.

The cases are opened the way the product opens them: a complaint on the call-center timeline, then the
activity observers (as a feed's commit runs them), and the complaint alert for the RM from a scoring pass.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import sqlalchemy as sa

from adapters.container import Container
from adapters.db import scoring
from adapters.db.tables_access import audit_log, audit_log_customers
from adapters.db.tables_contact import cases
from adapters.db.tables_value import alerts
from tests.conftest import Person
from tests.integration.value_factories import add_customer, add_event

MakePerson = Callable[..., Awaitable[Person]]
NOW = datetime.now(UTC).replace(microsecond=0)


async def complaint(
    container: Container, rm: Person | None, ago: timedelta, summary: str, branch: str = "BJ001"
) -> tuple[uuid.UUID, uuid.UUID]:
    """A customer of `rm` (at `branch`) who complained `ago`: (customer id, case id); alerts raised."""
    async with container.uow() as uow:
        cid = await add_customer(
            uow.connection, relationship_manager_id=rm.id if rm else None, home_branch=branch, name_latin=summary
        )
        await add_event(uow.connection, cid, "call_center", "complaint", NOW - ago, summary=summary)
        await container.customers_changed(uow, {cid})
        await scoring.rescore(uow.connection, NOW)
        await uow.commit()
    async with container.engine.connect() as conn:
        case_id = await conn.scalar(sa.select(cases.c.id).where(cases.c.customer_id == cid))
    assert case_id is not None, "the complaint opened no case"
    return cid, case_id


async def complaint_alert(container: Container, customer_id: uuid.UUID) -> Any:
    async with container.engine.connect() as conn:
        return (
            await conn.execute(
                sa.select(alerts).where(alerts.c.customer_id == customer_id, alerts.c.kind == "complaint")
            )
        ).one()


async def test_an_rm_works_their_queue_soonest_due_first_and_a_closed_complaint_resolves_its_alert(
    container: Container, app_client: httpx.AsyncClient, make_person: MakePerson
) -> None:
    rm, other_rm = await make_person("rm"), await make_person("rm")
    late_customer, late_case = await complaint(container, rm, timedelta(days=4), "card blocked abroad")
    fresh_customer, fresh_case = await complaint(container, rm, timedelta(hours=1), "fee charged twice")
    _, others_case = await complaint(container, other_rm, timedelta(days=3), "not mine")

    r = await app_client.get("/api/v1/cases", params={"status": "open"}, headers=rm.headers)
    assert r.status_code == 200, r.text
    queue = r.json()["items"]
    assert [c["id"] for c in queue] == [str(late_case), str(fresh_case)], "soonest due first, own portfolio only"
    assert [c["overdue"] for c in queue] == [True, False]
    late = queue[0]
    assert late["kind"] == "complaint" and late["subject"] == "card blocked abroad"
    assert late["customer"]["id"] == str(late_customer)
    assert datetime.fromisoformat(late["sla_due_at"]) == NOW - timedelta(days=4) + timedelta(hours=48)

    r = await app_client.get("/api/v1/cases", params={"overdue": "true"}, headers=rm.headers)
    assert [c["id"] for c in r.json()["items"]] == [str(late_case)]
    first = await app_client.get("/api/v1/cases", params={"status": "open", "limit": 1}, headers=rm.headers)
    cursor = first.json()["next_cursor"]
    assert cursor and [c["id"] for c in first.json()["items"]] == [str(late_case)]
    second = await app_client.get(
        "/api/v1/cases", params={"status": "open", "limit": 1, "cursor": cursor}, headers=rm.headers
    )
    assert [c["id"] for c in second.json()["items"]] == [str(fresh_case)]
    assert second.json()["next_cursor"] is None

    assert (await complaint_alert(container, late_customer)).status == "open"
    r = await app_client.post(
        f"/api/v1/cases/{late_case}/close",
        json={"resolution": "  Unblocked the card and apologised.  ", "satisfaction": 4},
        headers=rm.headers,
    )
    assert r.status_code == 200, r.text
    closed = r.json()
    assert closed["status"] == "closed" and closed["overdue"] is False
    assert closed["resolution"] == "Unblocked the card and apologised."
    assert (closed["satisfaction"], closed["closed_by"], closed["closed_by_username"]) == (4, str(rm.id), rm.username)
    assert closed["closed_at"] is not None

    alert = await complaint_alert(container, late_customer)
    assert (alert.status, alert.resolution_note) == ("resolved", "Case closed: Unblocked the card and apologised.")
    assert (await complaint_alert(container, fresh_customer)).status == "open", "only that complaint's alert"

    r = await app_client.get("/api/v1/cases", params={"status": "open"}, headers=rm.headers)
    assert [c["id"] for c in r.json()["items"]] == [str(fresh_case)]
    r = await app_client.get("/api/v1/cases", params={"customer_id": str(late_customer)}, headers=rm.headers)
    assert [(c["id"], c["status"]) for c in r.json()["items"]] == [(str(late_case), "closed")]

    again = await app_client.post(
        f"/api/v1/cases/{late_case}/close", json={"resolution": "once more"}, headers=rm.headers
    )
    assert again.status_code == 409, again.text
    assert again.headers["content-type"].startswith("application/problem+json")
    r = await app_client.get(f"/api/v1/cases/{late_case}", headers=rm.headers)
    assert r.json()["resolution"] == "Unblocked the card and apologised.", "a refused close changes nothing"

    # Another RM's case is as absent for this RM, for reading and for closing.
    assert (await app_client.get(f"/api/v1/cases/{others_case}", headers=rm.headers)).status_code == 404
    r = await app_client.post(f"/api/v1/cases/{others_case}/close", json={"resolution": "x"}, headers=rm.headers)
    assert r.status_code == 404, r.text


async def test_who_may_read_and_close_cases(
    container: Container, app_client: httpx.AsyncClient, make_person: MakePerson
) -> None:
    rm = await make_person("rm")
    _, bj_case = await complaint(container, rm, timedelta(days=1), "Beijing customer")
    _, sh_case = await complaint(container, None, timedelta(days=1), "Shanghai customer", branch="SH001")
    auditor, marketing = await make_person("auditor"), await make_person("marketing")
    agent, sh_manager = await make_person("agent"), await make_person("branch_manager", branch="SH001")

    r = await app_client.get("/api/v1/cases", headers=auditor.headers)
    assert {c["id"] for c in r.json()["items"]} == {str(bj_case), str(sh_case)}, "auditors read everyone's"
    r = await app_client.post(f"/api/v1/cases/{bj_case}/close", json={"resolution": "x"}, headers=auditor.headers)
    assert r.status_code == 403, r.text
    assert (await app_client.get("/api/v1/cases", headers=marketing.headers)).status_code == 403

    r = await app_client.get("/api/v1/cases", headers=sh_manager.headers)
    assert [c["id"] for c in r.json()["items"]] == [str(sh_case)], "a branch manager sees their branch"
    assert (await app_client.get(f"/api/v1/cases/{bj_case}", headers=sh_manager.headers)).status_code == 404

    # The call center's agent answers whoever calls: they close a case of a customer with no RM.
    r = await app_client.post(
        f"/api/v1/cases/{sh_case}/close", json={"resolution": "Explained the fee on the call."}, headers=agent.headers
    )
    assert r.status_code == 200, r.text
    assert r.json()["closed_by_username"] == agent.username and r.json()["satisfaction"] is None


async def test_a_close_says_which_field_is_wrong_and_changes_nothing(
    container: Container, app_client: httpx.AsyncClient, make_person: MakePerson
) -> None:
    rm = await make_person("rm")
    _, case_id = await complaint(container, rm, timedelta(days=1), "wrong statement address")
    url = f"/api/v1/cases/{case_id}/close"
    for body, field in (
        ({"resolution": "   "}, "resolution"),
        ({"resolution": ""}, "resolution"),
        ({}, "resolution"),
        ({"resolution": "done", "satisfaction": 6}, "satisfaction"),
        ({"resolution": "done", "satisfaction": "very"}, "satisfaction"),
        ({"resolution": "done", "satisfaction": True}, "satisfaction"),
        ({"resolution": "done", "satisfaction": "4"}, "satisfaction"),
        ({"resolution": "x" * 2001}, "resolution"),
        ({"resolution": "refunded\x00"}, "resolution"),
        ({"resolution": "done", "status": "closed"}, "status"),
    ):
        r = await app_client.post(url, json=body, headers=rm.headers)
        assert r.status_code == 422, (body, r.text)
        assert r.headers["content-type"].startswith("application/problem+json")
        assert any(field in e["field"] for e in r.json()["errors"]), (body, r.json())
        assert all("^" not in e["message"] for e in r.json()["errors"]), "said in words, not as a regex"
    r = await app_client.post("/api/v1/cases/not-a-case/close", json={"resolution": "done"}, headers=rm.headers)
    assert r.status_code in (404, 422), r.text
    r = await app_client.post(f"/api/v1/cases/{uuid.uuid4()}/close", json={"resolution": "done"}, headers=rm.headers)
    assert r.status_code == 404, r.text
    r = await app_client.get(f"/api/v1/cases/{case_id}", headers=rm.headers)
    assert (r.json()["status"], r.json()["resolution"]) == ("open", None)


async def test_reading_and_closing_cases_are_audited_with_their_customers(
    container: Container, app_client: httpx.AsyncClient, make_person: MakePerson
) -> None:
    rm = await make_person("rm")
    customer, case_id = await complaint(container, rm, timedelta(days=1), "lost card")
    await app_client.get("/api/v1/cases", headers=rm.headers)
    await app_client.post(f"/api/v1/cases/{case_id}/close", json={"resolution": "New card sent."}, headers=rm.headers)
    async with container.engine.connect() as conn:
        rows = list(
            await conn.execute(
                sa.select(audit_log.c.view, audit_log.c.action, audit_log.c.actor_id, audit_log_customers.c.customer_id)
                .join(audit_log_customers, audit_log_customers.c.audit_id == audit_log.c.id)
                .where(audit_log.c.view.in_(("cases-list", "cases-close")))
                .order_by(audit_log.c.id)
            )
        )
    assert [(r.view, r.action, r.customer_id) for r in rows] == [
        ("cases-list", "read", customer),
        ("cases-close", "change", customer),
    ]
    assert {r.actor_id for r in rows} == {str(rm.id)}


async def test_a_complaint_answered_before_scoring_raises_no_alert_for_the_rm(
    container: Container, app_client: httpx.AsyncClient, make_person: MakePerson
) -> None:
    """The agent closes the complaint during the very call that logged it, before the scorer's pass: the RM gets
    no alert to act on. Another complaint, still open, does raise one."""
    rm, agent = await make_person("rm"), await make_person("agent")
    async with container.uow() as uow:
        answered = await add_customer(uow.connection, relationship_manager_id=rm.id)
        pending = await add_customer(uow.connection, relationship_manager_id=rm.id)
        for cid in (answered, pending):
            await add_event(uow.connection, cid, "call_center", "complaint", NOW - timedelta(minutes=5), summary="fee")
        await container.customers_changed(uow, {answered, pending})
        await uow.commit()
    async with container.engine.connect() as conn:
        case_id = await conn.scalar(sa.select(cases.c.id).where(cases.c.customer_id == answered))
    r = await app_client.post(
        f"/api/v1/cases/{case_id}/close", json={"resolution": "Fee refunded on the call."}, headers=agent.headers
    )
    assert r.status_code == 200, r.text
    async with container.uow() as uow:
        await scoring.rescore(uow.connection, NOW)
        await uow.commit()
    async with container.engine.connect() as conn:
        raised = set(
            await conn.scalars(
                sa.select(alerts.c.customer_id).where(
                    alerts.c.kind == "complaint", alerts.c.customer_id.in_([answered, pending])
                )
            )
        )
    assert raised == {pending}


async def test_an_rm_logs_a_service_request_due_in_five_days_and_closes_it(
    container: Container, app_client: httpx.AsyncClient, make_person: MakePerson
) -> None:
    rm, other_rm, auditor = await make_person("rm"), await make_person("rm"), await make_person("auditor")
    async with container.uow() as uow:
        mine = await add_customer(uow.connection, relationship_manager_id=rm.id)
        theirs = await add_customer(uow.connection, relationship_manager_id=other_rm.id)
        await uow.commit()
    body = {
        "customer_id": str(mine),
        "kind": "service_request",
        "subject": "  Replacement debit card ",
        "channel": "teller",
    }
    r = await app_client.post("/api/v1/cases", json=body, headers=rm.headers)
    assert r.status_code == 201, r.text
    case = r.json()
    assert r.headers["location"] == f"/api/v1/cases/{case['id']}"
    assert (case["kind"], case["status"], case["subject"], case["channel"]) == (
        "service_request",
        "open",
        "Replacement debit card",
        "teller",
    )
    assert (case["opened_by"], case["opened_by_username"]) == (str(rm.id), rm.username)
    opened = datetime.fromisoformat(case["opened_at"])
    assert datetime.fromisoformat(case["sla_due_at"]) - opened == timedelta(days=5)
    assert abs(opened - datetime.now(UTC)) < timedelta(minutes=1)

    r = await app_client.get(
        "/api/v1/cases", params={"customer_id": str(mine), "kind": "service_request"}, headers=rm.headers
    )
    assert [c["id"] for c in r.json()["items"]] == [case["id"]]
    r = await app_client.post(
        f"/api/v1/cases/{case['id']}/close", json={"resolution": "Card handed over."}, headers=rm.headers
    )
    assert r.status_code == 200 and r.json()["status"] == "closed", r.text

    # Someone else's customer is as absent; only the two kinds are opened by hand; the fields are named.
    r = await app_client.post("/api/v1/cases", json={**body, "customer_id": str(theirs)}, headers=rm.headers)
    assert r.status_code == 404, r.text
    for wrong, field in (
        ({"kind": "praise"}, "kind"),
        ({"subject": "   "}, "subject"),
        ({"subject": "x" * 257}, "subject"),
        ({"subject": "card\x00"}, "subject"),
        ({"subject": "two\nlines"}, "subject"),
        ({"channel": "pos"}, "channel"),
        ({"channel": "carrier pigeon"}, "channel"),
        ({"customer_id": "nobody"}, "customer_id"),
    ):
        r = await app_client.post("/api/v1/cases", json={**body, **wrong}, headers=rm.headers)
        assert r.status_code == 422, (wrong, r.text)
        assert any(field in e["field"] for e in r.json()["errors"]), (wrong, r.json())
    assert (await app_client.post("/api/v1/cases", json=body, headers=auditor.headers)).status_code == 403
    r = await app_client.get("/api/v1/cases", params={"customer_id": str(mine)}, headers=rm.headers)
    assert len(r.json()["items"]) == 1, "nothing refused was stored"


async def test_a_complaint_made_at_the_counter_is_logged_by_hand_and_counts_as_the_feeds_complaints_do(
    container: Container, app_client: httpx.AsyncClient, make_person: MakePerson
) -> None:
    rm = await make_person("rm")
    async with container.uow() as uow:
        cid = await add_customer(uow.connection, relationship_manager_id=rm.id, name_latin="Counter complainer")
        await uow.commit()
    body = {
        "customer_id": str(cid),
        "kind": "complaint",
        "subject": "Queue of 40 minutes at the counter",
        "channel": "teller",
    }
    r = await app_client.post("/api/v1/cases", json=body, headers=rm.headers)
    assert r.status_code == 201, r.text
    case = r.json()
    assert (case["kind"], case["channel"], case["opened_by_username"]) == ("complaint", "teller", rm.username)
    opened = datetime.fromisoformat(case["opened_at"])
    assert datetime.fromisoformat(case["sla_due_at"]) - opened == timedelta(hours=48)

    # On the customer's timeline, by the person who heard it; the scorer raises the RM's complaint alert.
    timeline = (await app_client.get(f"/api/v1/customers/{cid}/timeline", headers=rm.headers)).json()["items"]
    assert [(i["channel"], i["type"], i["actor"]) for i in timeline] == [("teller", "complaint", rm.username)]
    async with container.uow() as uow:
        await scoring.rescore(uow.connection, datetime.now(UTC))
        await uow.commit()
    alert = await complaint_alert(container, cid)
    assert alert.status == "open" and "Queue of 40 minutes" in (alert.detail or "")
    async with container.engine.connect() as conn:
        assert await conn.scalar(sa.select(sa.func.count()).select_from(cases).where(cases.c.customer_id == cid)) == 1

    # Answered: the case is closed and its alert resolved, as for a complaint on the call-center feed.
    r = await app_client.post(
        f"/api/v1/cases/{case['id']}/close",
        json={"resolution": "Apologised; opened a second counter."},
        headers=rm.headers,
    )
    assert r.status_code == 200, r.text
    assert (await complaint_alert(container, cid)).status == "resolved"
