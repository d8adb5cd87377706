"""Set-based scoring against real SQLite and PostgreSQL: incremental equals full, tiers, lifecycle, API."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from adapters.container import Container
from adapters.db import scoring
from adapters.db.tables import customers
from adapters.db.tables_value import customer_scores, tier_changes
from domain.value.tiers import key_cutoff
from tests.integration.value_factories import add_customer, add_event, add_history, add_holding

NOW = datetime.now(UTC).replace(microsecond=0)
TODAY = NOW.date()


def days_ago(n: int) -> datetime:
    return NOW - timedelta(days=n)


async def build_bank(conn: Any) -> dict[str, uuid.UUID]:
    """A small, varied population: rich, leaving, salaried, dormant, prospect, churned, borrower."""
    ids: dict[str, uuid.UUID] = {}
    ids["rich"] = rich = await add_customer(conn, name_latin="Rich")
    h = await add_holding(conn, rich, "time_deposit", "3000000", maturity_date=TODAY + timedelta(days=12))
    await add_history(conn, h, TODAY - timedelta(days=120), "2500000")
    await add_holding(conn, rich, "wealth_product", "1000000")
    for m in range(1, 12):
        await add_event(conn, rich, "online_banking", "transfer", days_ago(30 * m), "20000")
    ids["leaving"] = leaving = await add_customer(conn, name_latin="Leaving")
    h = await add_holding(conn, leaving, "savings", "200000")
    await add_history(conn, h, TODAY - timedelta(days=100), "900000")
    await add_holding(
        conn,
        leaving,
        "time_deposit",
        "0",
        status="closed",
        closed_on=TODAY - timedelta(days=20),
        maturity_date=TODAY - timedelta(days=20),
    )
    for d in (100, 110, 120, 130, 140, 150, 160, 170):
        await add_event(conn, leaving, "teller", "withdrawal", days_ago(d), "1000")
    await add_event(conn, leaving, "teller", "withdrawal", days_ago(3), "500000")
    await add_event(conn, leaving, "call_center", "complaint", days_ago(5), summary="wrong fee")
    ids["salaried"] = salaried = await add_customer(
        conn, name_latin="Salaried", birth_date=date(1995, 5, 5), education="master", income_band="150k_300k"
    )
    await add_holding(conn, salaried, "current", "30000")
    await add_holding(conn, salaried, "credit_card", "-8000", credit_limit=Decimal("50000"))
    for m in range(1, 7):
        await add_event(conn, salaried, "teller", "salary", days_ago(30 * m + 25), "15000")
        await add_event(conn, salaried, "card", "purchase", days_ago(30 * m), "3000")
    ids["dormant"] = dormant = await add_customer(conn, name_latin="Dormant")
    await add_holding(conn, dormant, "savings", "12000")
    await add_event(conn, dormant, "teller", "deposit", days_ago(300), "100")
    ids["prospect"] = await add_customer(conn, name_latin="Prospect")
    ids["churned"] = churned = await add_customer(conn, name_latin="Churned")
    await add_holding(conn, churned, "savings", "0", status="closed", closed_on=TODAY - timedelta(days=200))
    ids["borrower"] = borrower = await add_customer(conn, name_latin="Borrower")
    await add_holding(conn, borrower, "mortgage", "-1500000")
    await add_holding(conn, borrower, "current", "5000", opened_on=TODAY - timedelta(days=30))
    await add_event(conn, borrower, "teller", "deposit", days_ago(10), "5000")
    return ids


async def snapshot(conn: Any) -> dict[uuid.UUID, dict[str, Any]]:
    rows = await conn.execute(
        sa.select(
            customer_scores, customers.c.tier.label("profile_tier"), customers.c.lifecycle_stage.label("stage")
        ).join(customers, customers.c.id == customer_scores.c.customer_id)
    )
    out = {}
    for r in rows:
        m = dict(r._mapping)
        m.pop("scored_at")
        out[m.pop("customer_id")] = m
    return out


class FixedClock:
    def now(self) -> datetime:
        return NOW


async def test_incremental_rescoring_equals_a_full_rescore(
    container: Container, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(container, "clock", FixedClock())
    assert container.scorer is not None
    async with container.uow() as uow:
        ids = await build_bank(uow.connection)
        first = await scoring.rescore(uow.connection, NOW)
        assert first.customers == len(ids)
        before = await snapshot(uow.connection)
        # New events for two customers arrive through a feed, whose transaction queues them for the scorer.
        await add_event(uow.connection, ids["salaried"], "card", "purchase", days_ago(1), "2500")
        await add_holding(uow.connection, ids["dormant"], "fund", "40000", opened_on=TODAY - timedelta(days=2))
        await add_event(uow.connection, ids["dormant"], "online_banking", "product_application", days_ago(2))
        await container.customers_changed(uow, {ids["salaried"], ids["dormant"]})
        await uow.commit()
    # The scorer rescores just them, after the commit.
    assert await container.scorer.drain() == 2
    assert await container.scorer.pending() == 0
    async with container.uow() as uow:
        incremental = await snapshot(uow.connection)
        assert incremental[ids["dormant"]] != before[ids["dormant"]], "the changed customer moved"
        assert incremental[ids["rich"]] == before[ids["rich"]], "others were not touched"
        full = await scoring.rescore(uow.connection, NOW)
        assert full.key_cutoff == first.key_cutoff, "the test keeps the cutoff; equality is defined for one cutoff"
        assert await snapshot(uow.connection) == incremental


async def test_scores_tiers_and_lifecycle_follow_the_rules(container: Container) -> None:
    async with container.uow() as uow:
        conn = uow.connection
        ids = await build_bank(conn)
        result = await scoring.rescore(conn, NOW)
        scores = await snapshot(conn)
        contributions = [s["contribution_monthly"] for s in scores.values()]
        # The cutoff is the domain's definition, computed by the database.
        expected = key_cutoff(contributions, Decimal("0.80"))
        assert result.key_cutoff is not None and expected is not None
        assert abs(result.key_cutoff - expected) < Decimal("0.01")
        assert scores[ids["rich"]]["tier"] == "key"
        assert scores[ids["rich"]]["aum"] == Decimal("4000000")
        assert scores[ids["rich"]]["aum_3m_ago"] == Decimal("3500000")
        assert scores[ids["borrower"]]["loan_balance"] == Decimal("1500000")
        assert scores[ids["salaried"]]["tier"] == "potential"  # young professional
        stages = {name: scores[i]["lifecycle_stage"] for name, i in ids.items()}
        assert stages == {
            "rich": "growing",
            "leaving": "declining",
            "salaried": "mature",
            "dormant": "dormant",
            "prospect": "prospect",
            "churned": "churned",
            "borrower": "growing",  # a product opened within 180 days
        }
        leaving = scores[ids["leaving"]]
        drivers = leaving["churn_drivers"]
        drivers = drivers if isinstance(drivers, list) else json.loads(drivers)
        assert leaving["churn_risk"] > scores[ids["rich"]]["churn_risk"]
        assert [d["driver"] for d in drivers][0] == "balance_outflow"
        assert "balances fell 78%" in drivers[0]["text"]
        assert all(set(d) == {"driver", "weight", "text"} for d in drivers)
        # Mirrored into the profile that search and the SPA read, without moving the edit version.
        row = (await conn.execute(sa.select(customers).where(customers.c.id == ids["rich"]))).one()
        assert (row.tier, row.lifecycle_stage, row.version) == ("key", "growing", 1)
        changes = list(await conn.execute(sa.select(tier_changes).where(tier_changes.c.customer_id == ids["rich"])))
        assert [(c.from_tier, c.to_tier) for c in changes] == [("ordinary", "key")]
        assert "top 80% of contribution" in changes[0].reason
        # Rescoring again changes nothing and records nothing new.
        again = await scoring.rescore(conn, NOW)
        assert again.tier_changes == 0
        await uow.commit()


async def test_usd_holdings_count_at_the_fixed_rate(container: Container) -> None:
    async with container.uow() as uow:
        cid = await add_customer(uow.connection)
        await add_holding(uow.connection, cid, "savings", "1000", currency="USD")
        await add_holding(uow.connection, cid, "current", "1000", currency="EUR", account_number="EUR0000001")
        await scoring.rescore(uow.connection, NOW)
        aum = await uow.connection.scalar(sa.select(customer_scores.c.aum).where(customer_scores.c.customer_id == cid))
    assert aum == Decimal("7100")  # 1000 USD at 7.10; EUR left out


async def test_customer_value_api_is_scoped_and_speaks_decimal_strings(
    container: Container, app_client: httpx.AsyncClient, make_person: Any
) -> None:
    rm = await make_person("rm")
    other_rm = await make_person("rm")
    admin = await make_person("admin")
    async with container.uow() as uow:
        ids = await build_bank(uow.connection)
        await uow.connection.execute(
            sa.update(customers).where(customers.c.id == ids["rich"]).values(relationship_manager_id=rm.id)
        )
        await scoring.rescore(uow.connection, NOW)
        await uow.commit()
    r = await app_client.get(f"/api/v1/customers/{ids['rich']}/value", headers=rm.headers)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["tier"] == "key" and body["currency"] == "CNY"
    assert body["aum"] == "4000000.00" and body["aum_3m_ago"] == "3500000.00" and body["aum_trend"] == "rising"
    assert isinstance(body["contribution_monthly"], str) and Decimal(body["contribution_monthly"]) > 0
    assert set(body["contribution_breakdown"]) >= {"deposit_income", "cost_to_serve"}
    assert body["rfm"]["frequency_90d"] == 3
    assert body["tier_history"][0]["to_tier"] == "key"
    assert body["lifecycle_reason"]
    r = await app_client.get(f"/api/v1/customers/{ids['rich']}/value", headers=other_rm.headers)
    assert r.status_code == 404
    # A customer never scored is scored on read.
    async with container.uow() as uow:
        fresh = await add_customer(uow.connection)
        await add_holding(uow.connection, fresh, "savings", "100")
        await uow.commit()
    r = await app_client.get(f"/api/v1/customers/{fresh}/value", headers=admin.headers)
    assert r.status_code == 200 and r.json()["aum"] == "100.00"


async def test_parameters_are_validated_and_move_contribution(
    container: Container, app_client: httpx.AsyncClient, make_person: Any
) -> None:
    admin = await make_person("admin")
    rm = await make_person("rm")
    r = await app_client.get("/api/v1/value/parameters", headers=rm.headers)
    assert r.status_code == 200
    by_name = {p["name"]: p for p in r.json()["items"]}
    assert by_name["ftp_spread_savings"]["value"] == "0.012" and by_name["cost_teller"]["unit"]
    for body, field in (
        ({"ftp_spread_savings": "0.9"}, "ftp_spread_savings"),
        ({"cost_teller": "-5"}, "cost_teller"),
        ({"teller_cost": "5"}, "teller_cost"),
        ({"fx_usd_cny": 7.1}, "fx_usd_cny"),
    ):
        r = await app_client.put("/api/v1/value/parameters", json=body, headers=admin.headers)
        assert r.status_code == 422, r.text
        assert r.headers["content-type"].startswith("application/problem+json")
        assert field in [e["field"] for e in r.json()["errors"]], r.json()
    r = await app_client.put("/api/v1/value/parameters", json={"ftp_spread_savings": "0.02"}, headers=rm.headers)
    assert r.status_code == 403
    async with container.uow() as uow:
        cid = await add_customer(uow.connection)
        await add_holding(uow.connection, cid, "savings", "120000")
        await scoring.rescore(uow.connection, NOW)
        before = await uow.connection.scalar(
            sa.select(customer_scores.c.contribution_monthly).where(customer_scores.c.customer_id == cid)
        )
        await uow.commit()
    assert before == Decimal("120")  # 120,000 x 1.2% / 12
    r = await app_client.put("/api/v1/value/parameters", json={"ftp_spread_savings": "0.02"}, headers=admin.headers)
    assert r.status_code == 200, r.text
    assert {p["name"]: p["value"] for p in r.json()["items"]}["ftp_spread_savings"] == "0.02"
    async with container.uow() as uow:
        await scoring.rescore(uow.connection, NOW)
        after = await uow.connection.scalar(
            sa.select(customer_scores.c.contribution_monthly).where(customer_scores.c.customer_id == cid)
        )
    assert after == Decimal("200")
