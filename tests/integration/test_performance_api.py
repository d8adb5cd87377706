"""RM performance through the API, on both databases: each RM's portfolio and work over a period, seen by the RM
themself, their branch manager and the auditors, and by nobody else."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import httpx
import sqlalchemy as sa

from adapters.container import Container
from adapters.db import scoring
from adapters.db.tables_contact import cases
from adapters.db.tables_value import alerts
from tests.conftest import Person
from tests.integration.test_campaigns_api import OFFER, _body, _offer, _static_segment
from tests.integration.value_factories import add_customer, add_event, add_holding, add_open_alert

MakePerson = Callable[..., Awaitable[Person]]
NOW = datetime.now(UTC).replace(microsecond=0)


async def _alert(conn: Any, customer_id: uuid.UUID, raised_ago: timedelta, took: timedelta) -> None:
    await conn.execute(
        sa.insert(alerts).values(
            id=uuid.uuid4(),
            customer_id=customer_id,
            kind="large_outflow",
            cause_key=str(uuid.uuid4()),
            severity="medium",
            title="Large outflow",
            status="resolved",
            data={},
            raised_at=NOW - raised_ago,
            resolved_at=NOW - raised_ago + took,
        )
    )


async def _case(conn: Any, customer_id: uuid.UUID, due_ago: timedelta, closed_ago: timedelta | None, sat: Any) -> None:
    await conn.execute(
        sa.insert(cases).values(
            id=uuid.uuid4(),
            customer_id=customer_id,
            kind="service_request",
            status="open" if closed_ago is None else "closed",
            subject="Statement copy",
            channel="teller",
            opened_at=NOW - due_ago - timedelta(days=5),
            sla_due_at=NOW - due_ago,
            closed_at=None if closed_ago is None else NOW - closed_ago,
            satisfaction=sat,
        )
    )


def _row(report: dict[str, Any], person: Person) -> dict[str, Any]:
    return next(r for r in report["rms"] if r["rm"]["username"] == person.username)


async def test_each_rm_is_measured_on_their_portfolio_and_seen_by_whom_the_role_allows(
    container: Container, app_client: httpx.AsyncClient, make_person: MakePerson
) -> None:
    bm, auditor = await make_person("branch_manager"), await make_person("auditor", branch=None)
    rm, colleague = await make_person("rm"), await make_person("rm")
    far = await make_person("rm", branch="SH001")
    marketing, agent = await make_person("marketing", branch=None), await make_person("agent", branch=None)
    await _offer(container)
    async with container.uow() as uow:
        conn = uow.connection
        mine = [
            await add_customer(
                conn, relationship_manager_id=rm.id, marketing_consent={"phone": True}, risk_preference="balanced"
            )
            for _ in range(8)
        ]
        theirs = await add_customer(conn, relationship_manager_id=colleague.id)
        await add_customer(conn, relationship_manager_id=far.id, home_branch="SH001")
        await add_holding(conn, mine[0], "savings", "300000.00")
        await add_holding(conn, mine[1], "time_deposit", "120000.50")
        await add_holding(conn, theirs, "savings", "5000000.00")
        # Alerts: one open; two resolved in the period (in 2 h and in 10 h), one resolved long before it.
        await add_open_alert(conn, mine[0], rm.id)
        await _alert(conn, mine[0], timedelta(days=3), timedelta(hours=2))
        await _alert(conn, mine[1], timedelta(days=20), timedelta(hours=10))
        await _alert(conn, mine[2], timedelta(days=200), timedelta(hours=1))
        # Cases: closed on time (5), closed late (2), closed on time before the period, open past due.
        await _case(conn, mine[0], timedelta(days=2), timedelta(days=3), 5)
        await _case(conn, mine[1], timedelta(days=10), timedelta(days=8), 2)
        await _case(conn, mine[2], timedelta(days=150), timedelta(days=151), 1)
        await _case(conn, mine[3], timedelta(days=1), None, None)
        # Visits: two in the period, one before it; another RM's customer's visit is theirs.
        await add_event(conn, mine[0], "rm_visit", "visit", NOW - timedelta(days=4))
        await add_event(conn, mine[1], "rm_visit", "visit", NOW - timedelta(days=40))
        await add_event(conn, mine[1], "rm_visit", "visit", NOW - timedelta(days=120))
        await add_event(conn, theirs, "rm_visit", "visit", NOW - timedelta(days=4))
        await scoring.rescore(conn, NOW)
        await uow.commit()
    # A campaign to the RM's customers: one contacted, one converted.
    segment = await _static_segment(app_client, marketing, mine)
    body = _body(segment, control_pct=0)
    campaign = (await app_client.post("/api/v1/campaigns", json=body, headers=marketing.headers)).json()
    launched = (await app_client.post(f"/api/v1/campaigns/{campaign['id']}/launch", headers=marketing.headers)).json()
    members = (
        await app_client.get(
            f"/api/v1/campaigns/{campaign['id']}/members", params={"group": "target"}, headers=rm.headers
        )
    ).json()["items"]
    assert len(members) == launched["targets"] == 8
    first, second = members[0]["customer"]["id"], members[1]["customer"]["id"]
    r = await app_client.put(
        f"/api/v1/campaigns/{campaign['id']}/members/{first}/response",
        json={"response": "interested"},
        headers=rm.headers,
    )
    assert r.status_code == 200, r.text
    r = await app_client.put(
        f"/api/v1/campaigns/{campaign['id']}/members/{members[2]['customer']['id']}/response",
        json={"response": "unreachable"},
        headers=rm.headers,
    )
    assert r.status_code == 200, r.text  # tried, not reached: not a contact made
    async with container.uow() as uow:
        await add_holding(
            uow.connection, uuid.UUID(second), "wealth_product", "80000", product_code=OFFER, opened_on=NOW.date()
        )
        await uow.commit()

    r = await app_client.get("/api/v1/analytics/rm-performance", headers=rm.headers)
    assert r.status_code == 200, r.text
    report = r.json()
    assert [x["rm"]["username"] for x in report["rms"]] == [rm.username], "an RM sees their own figures only"
    me = report["rms"][0]
    assert (me["customers"], me["rm"]["branch"]) == (8, "BJ001")
    assert Decimal(me["aum"]) == Decimal("420000.50")
    assert (me["alerts_open"], me["alerts_resolved"], me["alert_median_hours"]) == (1, 2, "6")
    assert (me["cases_closed"], me["cases_closed_in_time"], me["sla_rate"]) == (2, 1, "0.5")
    assert (me["satisfaction_avg"], me["cases_overdue"]) == ("3.5", 1)
    assert (me["campaign_targets"], me["campaign_contacted"], me["campaign_converted"]) == (8, 1, 1)
    assert me["campaign_contact_rate"] == "0.125"
    assert me["visits"] == 2
    since = datetime.fromisoformat(report["since"])
    assert abs((datetime.fromisoformat(report["until"]) - since) - timedelta(days=90)) < timedelta(seconds=1)

    # A shorter period counts less; the portfolio stays today's.
    week = (await app_client.get("/api/v1/analytics/rm-performance", params={"days": 7}, headers=rm.headers)).json()
    mine_week = week["rms"][0]
    assert (mine_week["customers"], mine_week["alerts_resolved"], mine_week["cases_closed"]) == (8, 1, 1)
    assert (mine_week["visits"], mine_week["alert_median_hours"], mine_week["satisfaction_avg"]) == (1, "2", "5")

    branch = (await app_client.get("/api/v1/analytics/rm-performance", headers=bm.headers)).json()
    assert {x["rm"]["username"] for x in branch["rms"]} == {rm.username, colleague.username}
    assert branch["rms"][0]["rm"]["username"] == colleague.username, "the best monthly contribution first"
    assert _row(branch, colleague)["visits"] == 1 and _row(branch, colleague)["sla_rate"] is None
    everyone = (await app_client.get("/api/v1/analytics/rm-performance", headers=auditor.headers)).json()
    assert {rm.username, colleague.username, far.username} <= {x["rm"]["username"] for x in everyone["rms"]}
    for person in (marketing, agent):
        r = await app_client.get("/api/v1/analytics/rm-performance", headers=person.headers)
        assert r.status_code == 403, (person.role, r.text)
    r = await app_client.get("/api/v1/analytics/rm-performance", params={"days": 3}, headers=bm.headers)
    assert r.status_code == 422 and r.json()["errors"][0]["field"].endswith("days")
