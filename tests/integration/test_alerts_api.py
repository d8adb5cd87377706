"""Alerts: raised once per cause, assigned to the RM, scoped to portfolios, worked through the API."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import sqlalchemy as sa

from adapters.container import Container
from adapters.db import scoring
from adapters.db.tables_value import alerts
from tests.integration.value_factories import add_customer, add_event, add_holding

NOW = datetime.now(UTC).replace(microsecond=0)


def days_ago(n: int) -> datetime:
    return NOW - timedelta(days=n)


async def customer_with_movements(conn: Any, rm_id: Any, **over: Any) -> Any:
    """Large outflow, a salary that stopped, a maturity in 12 days and a complaint."""
    cid = await add_customer(conn, relationship_manager_id=rm_id, **over)
    await add_holding(conn, cid, "savings", "400000")
    await add_holding(conn, cid, "time_deposit", "100000", maturity_date=NOW.date() + timedelta(days=12))
    for m in range(2, 6):
        await add_event(conn, cid, "teller", "salary", days_ago(30 * m + 15), "12000")
    for d in (60, 90, 120):  # the usual outflow: about 550 CNY a month
        await add_event(conn, cid, "teller", "withdrawal", days_ago(d), "2000")
    await add_event(conn, cid, "online_banking", "transfer", days_ago(2), "300000")
    await add_event(conn, cid, "call_center", "complaint", days_ago(4), summary="card blocked abroad")
    return cid


async def kinds_of(container: Container, customer_id: Any) -> list[str]:
    async with container.engine.connect() as conn:
        rows = await conn.execute(sa.select(alerts.c.kind).where(alerts.c.customer_id == customer_id))
        return sorted(r.kind for r in rows)


async def test_each_cause_raises_one_alert_assigned_to_the_rm(container: Container, make_person: Any) -> None:
    rm = await make_person("rm")
    async with container.uow() as uow:
        cid = await customer_with_movements(uow.connection, rm.id)
        sleeper = await add_customer(uow.connection, relationship_manager_id=rm.id)
        await add_holding(uow.connection, sleeper, "savings", "9000")
        await add_event(uow.connection, sleeper, "teller", "deposit", days_ago(250), "2000")
        await add_event(uow.connection, sleeper, "atm", "atm_withdrawal", days_ago(1), "800")
        quiet = await add_customer(uow.connection, relationship_manager_id=rm.id)
        await add_holding(uow.connection, quiet, "savings", "50000")
        await add_event(uow.connection, quiet, "teller", "withdrawal", days_ago(2), "1000")
        first = await scoring.rescore(uow.connection, NOW)
        again = await scoring.rescore(uow.connection, NOW + timedelta(hours=1))
        await uow.commit()
    assert await kinds_of(container, cid) == ["complaint", "large_outflow", "maturity", "salary_stopped"]
    assert await kinds_of(container, sleeper) == ["dormant_wakeup"]
    assert first.alerts_raised == 5 and again.alerts_raised == 0, "the same causes raise nothing new"
    assert await kinds_of(container, quiet) == []
    async with container.engine.connect() as conn:
        rows = list(await conn.execute(sa.select(alerts).where(alerts.c.customer_id == cid)))
    assert {r.assigned_to for r in rows} == {rm.id}
    assert {r.status for r in rows} == {"open"}
    outflow = next(r for r in rows if r.kind == "large_outflow")
    assert outflow.cause_key == f"window:{days_ago(2).date().isoformat()}"
    assert "300000.00 CNY" in outflow.title


async def test_a_maturing_loan_is_shown_as_the_sum_owed_not_a_renewal_offer(
    container: Container, make_person: Any
) -> None:
    rm = await make_person("rm")
    due = NOW.date() + timedelta(days=9)
    async with container.uow() as uow:
        cid = await add_customer(uow.connection, relationship_manager_id=rm.id)
        await add_holding(uow.connection, cid, "loan", "-1370281.54", maturity_date=due)
        await add_holding(uow.connection, cid, "time_deposit", "8200.21", maturity_date=due)
        await scoring.rescore(uow.connection, NOW)
        await uow.commit()
    async with container.engine.connect() as conn:
        rows = await conn.execute(
            sa.select(alerts.c.title, alerts.c.detail).where(alerts.c.customer_id == cid).order_by(alerts.c.title)
        )
        found = [(r.title, r.detail) for r in rows]
    assert found == [
        (
            f"Loan matures on {due.isoformat()}",
            f"1370281.54 CNY outstanding on Loan falls due on {due.isoformat()}: discuss repayment or renewal",
        ),
        (
            f"Time Deposit matures on {due.isoformat()}",
            f"8200.21 CNY in Time Deposit matures on {due.isoformat()}: offer a renewal",
        ),
    ]


async def test_a_full_rescore_raises_the_alerts_that_customer_by_customer_scoring_raises(
    container: Container, make_person: Any
) -> None:
    """A full rescore reads the interactions once for scores and alerts; per-customer scoring reads them
    per customer. Both must raise the same alerts with the same words and figures."""
    rm = await make_person("rm")
    async with container.uow() as uow:
        conn = uow.connection
        ids = [await customer_with_movements(conn, rm.id) for _ in range(2)]
        sleeper = await add_customer(conn, relationship_manager_id=rm.id)
        await add_holding(conn, sleeper, "savings", "9000")
        await add_event(conn, sleeper, "teller", "deposit", days_ago(250), "2000")
        await add_event(conn, sleeper, "atm", "atm_withdrawal", days_ago(1), "800")
        await add_event(conn, sleeper, "online_banking", "login", days_ago(1))  # no amount: not a movement
        ids.append(sleeper)
        ids.append(await add_customer(conn, relationship_manager_id=rm.id))  # nothing at all

        async def raised() -> list[tuple[Any, ...]]:
            rows = await conn.execute(
                sa.select(
                    alerts.c.customer_id,
                    alerts.c.kind,
                    alerts.c.cause_key,
                    alerts.c.title,
                    alerts.c.detail,
                    alerts.c.data,
                    alerts.c.severity,
                )
            )
            return sorted((tuple(r[:5]) + (repr(sorted(dict(r.data).items())), r.severity) for r in rows), key=repr)

        one_by_one = await scoring.rescore(conn, NOW, customer_ids=ids)
        incremental = await raised()
        await conn.execute(sa.delete(alerts))
        everyone = await scoring.rescore(conn, NOW)
        full = await raised()
        await uow.rollback()
    assert one_by_one.alerts_raised == everyone.alerts_raised == 9
    assert len(incremental) == 9 and full == incremental


async def test_alerts_are_scoped_and_worked_through_the_api(
    container: Container, app_client: httpx.AsyncClient, make_person: Any
) -> None:
    rm = await make_person("rm", branch="BJ001")
    other = await make_person("rm", branch="SH001")
    manager = await make_person("branch_manager", branch="BJ001")
    agent = await make_person("agent")
    async with container.uow() as uow:
        mine = await customer_with_movements(uow.connection, rm.id, home_branch="BJ001")
        theirs = await customer_with_movements(uow.connection, other.id, home_branch="SH001")
        await scoring.rescore(uow.connection, NOW)
        await uow.commit()

    r = await app_client.get("/api/v1/alerts", headers=rm.headers)
    assert r.status_code == 200, r.text
    items = r.json()["items"]
    assert len(items) == 4 and {a["customer"]["id"] for a in items} == {str(mine)}
    r = await app_client.get("/api/v1/alerts", params={"customer_id": str(theirs)}, headers=rm.headers)
    assert r.json()["items"] == []
    r = await app_client.get("/api/v1/alerts", params={"kind": "maturity", "assigned_to": "me"}, headers=rm.headers)
    assert [a["kind"] for a in r.json()["items"]] == ["maturity"]
    r = await app_client.get("/api/v1/alerts", params={"assigned_to": "me"}, headers=manager.headers)
    assert r.json()["items"] == []
    r = await app_client.get("/api/v1/alerts", params={"assigned_to": "nobody"}, headers=rm.headers)
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "assigned_to"

    # Cursor pagination walks every alert exactly once.
    seen: list[str] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = (await app_client.get("/api/v1/alerts", params=params, headers=rm.headers)).json()
        seen += [a["id"] for a in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == 4

    alert_id = next(a["id"] for a in items if a["kind"] == "large_outflow")
    r = await app_client.post(f"/api/v1/alerts/{alert_id}/acknowledge", headers=other.headers)
    assert r.status_code == 404, "another RM's alert is as if absent"
    r = await app_client.post(f"/api/v1/alerts/{alert_id}/acknowledge", headers=agent.headers)
    assert r.status_code == 403
    r = await app_client.post(f"/api/v1/alerts/{alert_id}/acknowledge", headers=rm.headers)
    assert r.status_code == 200 and r.json()["status"] == "acknowledged" and r.json()["acknowledged_at"]
    r = await app_client.post(f"/api/v1/alerts/{alert_id}/acknowledge", headers=rm.headers)
    assert r.status_code == 409
    r = await app_client.post(f"/api/v1/alerts/{alert_id}/assign", json={"user_id": str(agent.id)}, headers=rm.headers)
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "user_id"
    r = await app_client.post(
        f"/api/v1/alerts/{alert_id}/assign", json={"user_id": str(manager.id)}, headers=rm.headers
    )
    assert r.status_code == 200 and r.json()["assigned_to"] == str(manager.id)
    r = await app_client.get("/api/v1/alerts", params={"assigned_to": "me"}, headers=manager.headers)
    assert [a["id"] for a in r.json()["items"]] == [alert_id]
    r = await app_client.post(f"/api/v1/alerts/{alert_id}/resolve", json={"note": ""}, headers=manager.headers)
    assert r.status_code == 422
    r = await app_client.post(
        f"/api/v1/alerts/{alert_id}/resolve", json={"note": "Moved to our wealth product"}, headers=manager.headers
    )
    assert r.status_code == 200
    assert r.json()["status"] == "resolved" and r.json()["resolution_note"] == "Moved to our wealth product"
    r = await app_client.get("/api/v1/alerts", params={"status": "open"}, headers=rm.headers)
    assert alert_id not in [a["id"] for a in r.json()["items"]] and len(r.json()["items"]) == 3
    r = await app_client.post("/api/v1/alerts/not-an-id/acknowledge", headers=rm.headers)
    assert r.status_code == 404
