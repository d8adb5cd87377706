"""Tier distribution and the Pareto curve, over the caller's portfolio."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import httpx

from adapters.container import Container
from adapters.db import scoring
from tests.integration.value_factories import add_customer, add_holding

NOW = datetime.now(UTC).replace(microsecond=0)


async def test_tiers_and_pareto_are_scoped(
    container: Container, app_client: httpx.AsyncClient, make_person: Any
) -> None:
    rm = await make_person("rm", branch="BJ001")
    other_rm = await make_person("rm", branch="SH001")
    admin = await make_person("admin")
    async with container.uow() as uow:
        c = uow.connection
        # Savings earn 1.2% a year FTP spread: 1,200,000 -> 1,200 CNY a month, and so on.
        balances = {"1200000": rm, "600000": rm, "100000": other_rm, "50000": other_rm, "10000": rm}
        for balance, owner in balances.items():
            cid = await add_customer(c, relationship_manager_id=owner.id)
            await add_holding(c, cid, "savings", balance)
        await add_customer(c, relationship_manager_id=rm.id)  # a prospect with no holdings
        await scoring.rescore(c, NOW)
        await uow.commit()

    r = await app_client.get("/api/v1/analytics/tiers", headers=admin.headers)
    assert r.status_code == 200, r.text
    body = r.json()
    tiers = {t["tier"]: t for t in body["tiers"]}
    assert body["customers"] == 6 and body["aum"] == "1960000.00" and body["contribution_monthly"] == "1960.00"
    # total 1,960; 1,200 + 600 = 1,800 >= 80%: two key customers
    assert tiers["key"]["customers"] == 2 and tiers["key"]["contribution_monthly"] == "1800.00"
    assert tiers["key"]["share_of_contribution"] == "0.9184"
    assert tiers["ordinary"]["customers"] == 4

    r = await app_client.get("/api/v1/analytics/tiers", headers=other_rm.headers)
    mine = {t["tier"]: t for t in r.json()["tiers"]}
    assert r.json()["customers"] == 2 and mine["key"]["customers"] == 0 and r.json()["aum"] == "150000.00"

    r = await app_client.get("/api/v1/analytics/pareto", params={"points": 4}, headers=admin.headers)
    assert r.status_code == 200
    curve = r.json()
    assert curve["customers"] == 6 and curve["positive_contribution_monthly"] == "1960.00"
    shares = [Decimal(p["contribution_share"]) for p in curve["points"]]
    assert shares == sorted(shares) and shares[-1] == 1
    assert [p["customers"] for p in curve["points"]] == [2, 3, 5, 6]
    assert curve["points"][0]["contribution_monthly"] == "1800.00"
    r = await app_client.get("/api/v1/analytics/pareto", params={"points": 1000}, headers=admin.headers)
    assert r.status_code == 422
    r = await app_client.get("/api/v1/analytics/pareto", headers=rm.headers)
    assert r.json()["customers"] == 4
    agent = await make_person("agent")
    r = await app_client.get("/api/v1/analytics/tiers", headers=agent.headers)
    assert r.status_code == 403
