"""The call-center context against a real database (SQLite and PostgreSQL)."""

from __future__ import annotations

import asyncio
import random
import time
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from adapters.container import Container
from adapters.db import accounts
from adapters.db.context import (
    PgCallerContextReader,
    SqlCallerContextReader,
    caller_context_reader,
    catalogue_cache,
    peer_rate_cache,
    refresh_peer_rates,
)
from adapters.db.tables import (
    customer_identities,
    customers,
    holdings,
    interactions,
    products,
    segment_members,
    users,
)
from adapters.db.tables import segments as segments_t
from adapters.db.tables_campaigns import campaign_members, campaigns
from adapters.db.tables_contact import cases, peer_product_rates
from adapters.db.tables_value import alerts, customer_scores
from domain.access import Principal, Role, Scope
from domain.calendar import bank_day
from domain.contact_center import caller_lookup
from domain.errors import NotFound
from domain.services import contact_center as service
from tests.conftest import Person, customer_body

CONTEXT = "/api/v1/contact-center/context"
MakePerson = Callable[..., Awaitable[Person]]


async def _create(app_client: httpx.AsyncClient, admin: Person, **overrides: Any) -> dict[str, Any]:
    r = await app_client.post("/api/v1/customers", json=customer_body(**overrides), headers=admin.headers)
    assert r.status_code == 201, r.text
    return dict(r.json())


async def _api_key(container: Container, *scopes: str) -> dict[str, str]:
    async with container.uow() as uow:
        secret = await accounts.create_api_key(
            uow.connection, name=f"cti-{uuid.uuid4().hex[:6]}", scopes=list(scopes), now=container.clock.now()
        )
        await uow.commit()
    return {"X-API-Key": secret}


async def _product(
    container: Container, code: str, category: str, risk: int = 1, name: str | None = None, name_zh: str | None = None
) -> None:
    async with container.engine.begin() as conn:
        await conn.execute(
            sa.insert(products).values(
                code=code,
                name=name or code,
                name_zh=name_zh,
                category=category,
                currency="CNY",
                risk_level=risk,
                active=True,
            )
        )


async def _holding(
    container: Container,
    customer_id: str,
    account: str,
    product_code: str,
    category: str,
    balance: str = "1000.00",
    maturity: date | None = None,
) -> uuid.UUID:
    hid = uuid.uuid4()
    async with container.engine.begin() as conn:
        await conn.execute(
            sa.insert(holdings).values(
                id=hid,
                customer_id=uuid.UUID(customer_id),
                account_number=account,
                product_code=product_code,
                category=category,
                status="active",
                balance=Decimal(balance),
                currency="CNY",
                maturity_date=maturity,
                balance_as_of=datetime.now(UTC),
            )
        )
    return hid


def _scores(cid: uuid.UUID, aum: Decimal, scored_at: datetime) -> dict[str, Any]:
    """A scored customer whose churn risk has one driver in words."""
    return {
        "customer_id": cid,
        "currency": "CNY",
        "aum": aum,
        "aum_3m_ago": Decimal("90000"),
        "deposit_balance": Decimal("59000"),
        "loan_balance": Decimal("0"),
        "contribution_monthly": Decimal("80.5"),
        "rfm_recency_days": 3,
        "rfm_frequency": 4,
        "rfm_monetary": Decimal("100"),
        "churn_risk": Decimal("0.42"),
        "churn_drivers": [{"driver": "aum_decline", "weight": "0.31", "text": "AUM fell 34% in 3 months"}],
        "value_drivers": [],
        "scored_at": scored_at,
    }


def _interaction_row(customer_id: str, channel: str, kind: str, at: datetime, **extra: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": uuid.uuid4(),
        "customer_id": uuid.UUID(customer_id),
        "channel": channel,
        "type": kind,
        "direction": "inbound",
        "occurred_at": at,
        "actor": None,
        "summary": None,
        "outcome": None,
        "amount": None,
        "currency": None,
        "holding_id": None,
        "source_ref": None,
        "payload": {},
    }
    row.update(extra)
    return row


async def test_each_identifier_finds_the_customer(
    app_client: httpx.AsyncClient, admin: Person, make_person: MakePerson, container: Container
) -> None:
    c = await _create(app_client, admin, id_document={"type": "passport", "number": "E12345678"})
    async with container.engine.begin() as conn:
        await conn.execute(
            sa.insert(customer_identities).values(customer_id=uuid.UUID(c["id"]), source="card_token", key="tok_abc123")
        )
    agent = await make_person("agent")
    for params in (
        {"phone": "+8613812345678"},
        {"customer_number": c["customer_number"]},
        {"customer_number": c["customer_number"].lower()},
        {"card_token": "tok_abc123"},
        {"id_number": "E12345678"},
        {"id_number": "passport:E12345678"},
    ):
        r = await app_client.get(CONTEXT, params=params, headers=agent.headers)
        assert r.status_code == 200, (params, r.text)
        body = r.json()
        assert body["match"] == "unique", params
        assert body["customer"]["id"] == c["id"]
        assert body["customer"]["customer_number"] == c["customer_number"]
        assert body["customer"]["display_name"] == "王芳 (Wang Fang)"
    # The same number on another document type is not this customer's.
    r = await app_client.get(CONTEXT, params={"id_number": "resident_id:E12345678"}, headers=agent.headers)
    assert r.status_code == 404


async def test_shared_phone_is_ambiguous_unknown_is_404_and_merged_never_matches(
    app_client: httpx.AsyncClient, admin: Person, make_person: MakePerson, container: Container
) -> None:
    wang = await _create(app_client, admin, id_document={"type": "passport", "number": "E1"})
    son = await _create(
        app_client,
        admin,
        name_zh="王磊",
        name_latin="Wang Lei",
        birth_date="2010-02-03",
        id_document={"type": "passport", "number": "E2"},
        home_branch="SH001",
    )
    agent = await make_person("agent")
    r = await app_client.get(CONTEXT, params={"phone": "+8613812345678"}, headers=agent.headers)
    assert r.status_code == 200
    body = r.json()
    assert body["match"] == "ambiguous"
    assert "customer" not in body
    by_number = {c["customer_number"]: c for c in body["candidates"]}
    assert set(by_number) == {wang["customer_number"], son["customer_number"]}
    lei = by_number[son["customer_number"]]
    assert lei["display_name"] == "王磊 (Wang Lei)"
    assert lei["birth_year"] == 2010 and lei["home_branch"] == "SH001"
    assert lei["masked_phone"] == "+86138****5678"
    assert "+8613812345678" not in r.text

    r = await app_client.get(CONTEXT, params={"phone": "+8613900000000"}, headers=agent.headers)
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("application/problem+json")

    # The son's record was a duplicate merged into another: never offered again.
    async with container.engine.begin() as conn:
        await conn.execute(
            sa.update(customers).where(customers.c.id == uuid.UUID(son["id"])).values(merged_into=uuid.UUID(wang["id"]))
        )
    r = await app_client.get(CONTEXT, params={"phone": "+8613812345678"}, headers=agent.headers)
    assert r.json()["match"] == "unique"
    assert r.json()["customer"]["id"] == wang["id"]
    r = await app_client.get(CONTEXT, params={"customer_number": son["customer_number"]}, headers=agent.headers)
    assert r.status_code == 404


async def test_exactly_one_valid_identifier_is_required(app_client: httpx.AsyncClient, make_person: MakePerson) -> None:
    agent = await make_person("agent")
    cases_ = [
        ({}, "phone"),
        ({"phone": "13812345678"}, "phone"),
        ({"phone": "+86 138 1234 5678"}, "phone"),
        ({"phone": "+8613812345678", "customer_number": "C1234"}, "customer_number"),
        ({"card_token": ""}, "card_token"),
    ]
    for params, field in cases_:
        r = await app_client.get(CONTEXT, params=params, headers=agent.headers)
        assert r.status_code == 422, (params, r.text)
        assert r.headers["content-type"].startswith("application/problem+json")
        assert field in [e["field"] for e in r.json()["errors"]], (params, r.json())


async def test_masking_follows_the_role(
    app_client: httpx.AsyncClient, admin: Person, make_person: MakePerson, container: Container
) -> None:
    c = await _create(app_client, admin, id_document={"type": "resident_id", "number": "110101199003071234"})
    await _product(container, "SAV", "savings")
    await _holding(container, c["id"], "6222020200112233445", "SAV", "savings")
    agent = await make_person("agent")
    key = await _api_key(container, "context:read")

    for headers in (agent.headers, key):
        r = await app_client.get(CONTEXT, params={"phone": "+8613812345678"}, headers=headers)
        assert r.status_code == 200, r.text
        customer = r.json()["customer"]
        assert customer["masked_phone"] == "+86138****5678"
        assert customer["phones"] == ["+86138****5678"]
        assert customer["id_document"] == {"type": "resident_id", "number": "110***********1234"}
        assert r.json()["holdings"][0]["account_number"] == "****3445"
        assert "110101199003071234" not in r.text and "6222020200112233445" not in r.text
        assert "+8613812345678" not in r.text

    r = await app_client.get(CONTEXT, params={"phone": "+8613812345678"}, headers=admin.headers)
    customer = r.json()["customer"]
    assert customer["masked_phone"] == "+86138****5678"
    assert customer["phones"] == ["+8613812345678"]
    assert customer["id_document"]["number"] == "110101199003071234"
    assert r.json()["holdings"][0]["account_number"] == "6222020200112233445"


async def test_only_agents_admins_and_context_keys_may_call(
    app_client: httpx.AsyncClient, admin: Person, make_person: MakePerson, container: Container
) -> None:
    rm = await make_person("rm")
    # The RM's own customer: still 403, the context is the call center's.
    c = await _create(app_client, rm, id_document={"type": "passport", "number": "E9"})
    params = {"phone": "+8613812345678"}
    assert (await app_client.get(CONTEXT, params=params)).status_code == 401
    r = await app_client.get(CONTEXT, params=params, headers=rm.headers)
    assert r.status_code == 403
    assert r.headers["content-type"].startswith("application/problem+json")
    for role in ("marketing", "auditor", "branch_manager"):
        person = await make_person(role)
        assert (await app_client.get(CONTEXT, params=params, headers=person.headers)).status_code == 403, role
    feeds_key = await _api_key(container, "feeds:write")
    assert (await app_client.get(CONTEXT, params=params, headers=feeds_key)).status_code == 403
    stream = f"/api/v1/contact-center/stream?customer_id={c['id']}"
    assert (await app_client.get(stream, headers=rm.headers)).status_code == 403
    assert (await app_client.get(stream, headers=feeds_key)).status_code == 403
    # An agent may read the context, not the audit log.
    agent = await make_person("agent")
    context_key = await _api_key(container, "context:read")
    assert (await app_client.get(CONTEXT, params=params, headers=agent.headers)).status_code == 200
    assert (await app_client.get("/api/v1/audit", headers=agent.headers)).status_code == 403
    assert (await app_client.get("/api/v1/audit", headers=context_key)).status_code == 403
    r = await app_client.get(f"/api/v1/contact-center/stream?customer_id={uuid.uuid4()}", headers=agent.headers)
    assert r.status_code == 404


async def test_recent_interactions_are_the_ten_latest_across_channels(
    app_client: httpx.AsyncClient, admin: Person, make_person: MakePerson, container: Container
) -> None:
    c = await _create(app_client, admin)
    base = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
    channels = ["teller", "card", "pos", "atm", "call_center", "online_banking"]
    rows = [
        _interaction_row(c["id"], channels[(i * 5) % 6], "event", base + timedelta(hours=i * 7 % 40, minutes=i))
        for i in range(25)
    ]
    random.Random(4).shuffle(rows)  # inserted out of order, across channels
    async with container.engine.begin() as conn:
        for row in rows:
            await conn.execute(sa.insert(interactions).values(row))
    agent = await make_person("agent")
    r = await app_client.get(CONTEXT, params={"customer_number": c["customer_number"]}, headers=agent.headers)
    got = r.json()["recent_interactions"]
    expected = sorted(rows, key=lambda x: (x["occurred_at"], x["id"]), reverse=True)[:10]
    assert [g["id"] for g in got] == [str(x["id"]) for x in expected]
    assert len({g["channel"] for g in got}) > 1
    times = [datetime.fromisoformat(g["occurred_at"]) for g in got]
    assert times == sorted(times, reverse=True)


async def test_the_whole_context_with_next_best_actions(
    app_client: httpx.AsyncClient, admin: Person, make_person: MakePerson, container: Container
) -> None:
    rm = await make_person("rm", username="li.na")
    async with container.engine.begin() as conn:
        await conn.execute(
            sa.update(users).where(users.c.id == rm.id).values(phone="+861065551234", email="li.na@bank.example")
        )
    c = await _create(app_client, admin, relationship_manager_id=str(rm.id), marketing_consent={"phone": False})
    cid = uuid.UUID(c["id"])
    today = bank_day(datetime.now(UTC))
    await _product(container, "TD-12M", "time_deposit", name="12-month time deposit")
    await _holding(container, c["id"], "6222000011112222", "TD-12M", "time_deposit", "50000.00", today + timedelta(10))
    await _holding(container, c["id"], "6222000011113333", "TD-12M", "time_deposit", "9000.00", today + timedelta(90))
    now = datetime.now(UTC)
    async with container.engine.begin() as conn:
        await conn.execute(
            sa.insert(alerts).values(
                id=uuid.uuid4(),
                customer_id=cid,
                kind="large_outflow",
                cause_key="x1",
                severity="high",
                title="CNY 200,000.00 moved out in one day",
                status="open",
                data={"amount": "200000.00", "currency": "CNY", "window_start": "2026-11-22"},
                raised_at=now - timedelta(hours=3),
            )
        )
        await conn.execute(
            sa.insert(alerts).values(
                id=uuid.uuid4(),
                customer_id=cid,
                kind="maturity",
                cause_key="x2",
                severity="low",
                title="Resolved long ago",
                status="resolved",
                data={},
                raised_at=now - timedelta(days=30),
            )
        )
        await conn.execute(sa.insert(customer_scores).values(_scores(cid, Decimal("59000"), now)))
        segment_id = uuid.uuid4()
        await conn.execute(
            sa.insert(segments_t).values(
                id=segment_id, code="savers", name="Steady savers 稳健储户", kind="static", created_at=now
            )
        )
        await conn.execute(sa.insert(segment_members).values(segment_id=segment_id, customer_id=cid, since=now))
    # A complaint arrives on the call-center feed: it opens a case, once however often the observers run.
    complaint = _interaction_row(
        c["id"], "call_center", "complaint", now - timedelta(hours=1), summary="Charged twice for the card fee"
    )
    for _ in range(2):
        async with container.uow() as uow:
            if _ == 0:
                await uow.connection.execute(sa.insert(interactions).values(complaint))
            await container.customers_changed(uow, {cid})
            await uow.commit()
    async with container.engine.connect() as conn:
        opened = list(await conn.execute(sa.select(cases).where(cases.c.customer_id == cid)))
    assert len(opened) == 1
    assert opened[0].kind == "complaint" and opened[0].status == "open"
    assert opened[0].interaction_id == complaint["id"]
    assert opened[0].sla_due_at == complaint["occurred_at"] + timedelta(hours=48)

    agent = await make_person("agent")
    r = await app_client.get(CONTEXT, params={"customer_number": c["customer_number"]}, headers=agent.headers)
    assert r.status_code == 200, r.text
    body = r.json()
    rm_out = body["customer"]["relationship_manager"]
    assert rm_out["display_name"] == "Li.Na" and rm_out["phone"] == "+861065551234"
    assert rm_out["email"] == "li.na@bank.example"
    profile = (await app_client.get(f"/api/v1/customers/{cid}", headers=admin.headers)).json()
    for name in ("tier", "lifecycle_stage", "segments", "customer_number"):
        assert body["customer"][name] == profile[name], name
    assert body["customer"]["segment_names"] == {"savers": "Steady savers 稳健储户"}, "the agent reads names, not codes"
    # The value area's scores as they stand (its observer may have re-scored after our row went in).
    async with container.engine.connect() as conn:
        score = (await conn.execute(sa.select(customer_scores).where(customer_scores.c.customer_id == cid))).one()
    assert Decimal(body["value"]["churn_risk"]) == score.churn_risk
    assert body["value"]["churn_drivers"] == score.churn_drivers
    assert Decimal(body["value"]["aum"]) == score.aum
    assert [h["account_number"] for h in body["holdings"]] == ["****2222", "****3333"]
    assert body["holdings"][0]["days_to_maturity"] == 10
    async with container.engine.connect() as conn:
        unresolved = sa.select(alerts.c.title).where(alerts.c.customer_id == cid, alerts.c.status != "resolved")
        open_alerts = set(await conn.scalars(unresolved))
    assert "CNY 200,000.00 moved out in one day" in open_alerts
    assert {a["title"] for a in body["alerts"]} == open_alerts  # the resolved one is not shown
    # With the figures behind it, for a client that words the alert in the user's language.
    outflow = next(a for a in body["alerts"] if a["kind"] == "large_outflow")
    assert outflow["data"] == {"amount": "200000.00", "currency": "CNY", "window_start": "2026-11-22"}
    assert [(k["kind"], k["subject"]) for k in body["open_cases"]] == [("complaint", "Charged twice for the card fee")]
    assert body["recent_interactions"][0]["type"] == "complaint"

    actions = body["next_best_actions"]
    kinds = [a["kind"] for a in actions]
    # The value area's own maturity and complaint alerts for the RM are not repeated as separate actions.
    assert sorted(kinds) == ["acknowledge_complaint", "address_alert", "roll_over_maturity"]
    alert_action = next(a for a in actions if a["kind"] == "address_alert")
    assert alert_action["title"] == "Address alert: CNY 200,000.00 moved out in one day"
    roll = next(a for a in actions if a["kind"] == "roll_over_maturity")
    assert "****2222" in roll["reason"] and "in 10 days" in roll["reason"] and "CNY 50,000.00" in roll["reason"]
    assert all(a["priority"] == "high" for a in actions if a["kind"] != "roll_over_maturity")
    # No consent to phone marketing: no sales offer, whatever the peers hold.
    assert "offer_product" not in kinds


async def _peers(container: Container, count: int, category_code: str, category: str, **fields: Any) -> None:
    now = datetime.now(UTC)
    async with container.engine.begin() as conn:
        for i in range(count):
            pid = uuid.uuid4()
            await conn.execute(
                sa.insert(customers).values(
                    id=pid,
                    customer_number=f"P{i:06d}",
                    kind="individual",
                    name_latin=f"Peer {i}",
                    phones=[],
                    emails=[],
                    preferred_language="zh-CN",
                    marketing_consent={},
                    lifecycle_stage="growing",
                    tier="ordinary",
                    provisional=False,
                    version=1,
                    created_at=now,
                    updated_at=now,
                    **fields,
                )
            )
            if i % 4 != 3:  # three in four peers hold one
                await conn.execute(
                    sa.insert(holdings).values(
                        id=uuid.uuid4(),
                        customer_id=pid,
                        account_number=f"PEER{i:08d}",
                        product_code=category_code,
                        category=category,
                        status="active",
                        balance=Decimal(100),
                        currency="CNY",
                    )
                )


async def test_offers_what_peers_hold_suitably_and_only_with_phone_consent(
    app_client: httpx.AsyncClient, admin: Person, make_person: MakePerson, container: Container
) -> None:
    await _product(container, "FUND-BAL", "fund", risk=3, name="Balanced fund", name_zh="平衡型基金")
    await _product(container, "FUND-EQ", "fund", risk=5, name="Equity fund")
    await _peers(container, 24, "FUND-BAL", "fund", birth_date=date(1988, 1, 1), income_band="150k_300k")
    c = await _create(app_client, admin, marketing_consent={"phone": True})  # born 1988, 150k_300k, balanced
    async with container.engine.begin() as conn:
        await refresh_peer_rates(conn, datetime.now(UTC))
    agent = await make_person("agent")
    params = {"customer_number": c["customer_number"]}
    offers = [
        a
        for a in (await app_client.get(CONTEXT, params=params, headers=agent.headers)).json()["next_best_actions"]
        if a["kind"] == "offer_product"
    ]
    assert [o["refs"]["product_code"] for o in offers] == ["FUND-BAL"]  # R5 does not suit a balanced investor
    assert "72% of 25 similar customers" in offers[0]["reason"]
    # The facts of the reason travel with it, for a client that words it in the user's language.
    assert offers[0]["refs"] == {
        "product_code": "FUND-BAL",
        "category": "fund",
        "product_name": "Balanced fund",
        "product_name_zh": "平衡型基金",
        "peer_share_pct": "72",
        "peers": "25",
        "risk_level": "3",
        "risk_preference": "balanced",
    }

    etag = (await app_client.get(f"/api/v1/customers/{c['id']}", headers=admin.headers)).headers["ETag"]
    r = await app_client.patch(
        f"/api/v1/customers/{c['id']}",
        json={"risk_preference": "conservative"},
        headers={**admin.headers, "If-Match": etag},
    )
    assert r.status_code == 200, r.text
    body = (await app_client.get(CONTEXT, params=params, headers=agent.headers)).json()
    assert not [a for a in body["next_best_actions"] if a["kind"] == "offer_product"]

    r = await app_client.patch(
        f"/api/v1/customers/{c['id']}",
        json={"risk_preference": "aggressive", "marketing_consent": {"phone": False, "sms": True}},
        headers={**admin.headers, "If-Match": r.headers["ETag"]},
    )
    assert r.status_code == 200, r.text
    body = (await app_client.get(CONTEXT, params=params, headers=agent.headers)).json()
    assert not [a for a in body["next_best_actions"] if a["kind"] == "offer_product"]


async def test_rates_recomputed_by_another_process_reach_the_offers_within_a_minute(
    app_client: httpx.AsyncClient,
    admin: Person,
    make_person: MakePerson,
    container: Container,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    await _product(container, "FUND-BAL", "fund", risk=3, name="Balanced fund")
    await _peers(container, 24, "FUND-BAL", "fund", birth_date=date(1988, 1, 1), income_band="150k_300k")
    c = await _create(app_client, admin, marketing_consent={"phone": True})
    async with container.engine.begin() as conn:
        await refresh_peer_rates(conn, datetime.now(UTC))
    agent = await make_person("agent")
    params = {"customer_number": c["customer_number"]}

    async def offer_reasons() -> list[str]:
        body = (await app_client.get(CONTEXT, params=params, headers=agent.headers)).json()
        return [a["reason"] for a in body["next_best_actions"] if a["kind"] == "offer_product"]

    assert any("72% of 25 similar customers" in r for r in await offer_reasons())
    # Another process recomputes: fewer of her cohort hold the fund now. This process keeps its copy a minute...
    async with container.engine.begin() as conn:
        await conn.execute(
            sa.update(peer_product_rates).where(peer_product_rates.c.category == "fund").values(peers=40, holders=30)
        )
    assert any("72% of 25 similar customers" in r for r in await offer_reasons())
    # ...and reads the new rates once the minute has passed.
    later = time.monotonic() + peer_rate_cache.ttl_s + 1
    monkeypatch.setattr("adapters.db.context.time.monotonic", lambda: later)
    assert any("75% of 40 similar customers" in r for r in await offer_reasons())
    # A recomputation in this very process is seen at once.
    async with container.engine.begin() as conn:
        await refresh_peer_rates(conn, datetime.now(UTC))
    assert any("72% of 25 similar customers" in r for r in await offer_reasons())


async def test_every_read_is_audited_and_a_system_once_per_call(
    app_client: httpx.AsyncClient, admin: Person, make_person: MakePerson, container: Container
) -> None:
    c = await _create(app_client, admin)
    agent = await make_person("agent")
    key = await _api_key(container, "context:read")
    params = {"phone": "+8613812345678"}
    for _ in range(2):
        assert (await app_client.get(CONTEXT, params=params, headers=agent.headers)).status_code == 200
    for _ in range(3):  # the call-center software refreshing the screen during one call
        r = await app_client.get(CONTEXT, params={**params, "call_id": "CALL-77"}, headers=key)
        assert r.status_code == 200
    assert (await app_client.get(CONTEXT, params={**params, "call_id": "CALL-78"}, headers=key)).status_code == 200

    r = await app_client.get("/api/v1/audit", params={"customer_id": c["id"]}, headers=admin.headers)
    assert r.status_code == 200, r.text
    reads = [e for e in r.json()["items"] if e["view"] == "contact-center-context"]
    by_agent = [e for e in reads if e["actor"] == agent.username]
    by_key = [e for e in reads if e["actor_kind"] == "api_key"]
    assert len(by_agent) == 2 and all(e["action"] == "read" for e in by_agent)
    assert all(e["customer_ids"] == [c["id"]] for e in reads)
    assert sorted(e["detail"]["call_id"] for e in by_key) == ["CALL-77", "CALL-78"]


async def test_concurrent_reads_are_each_audited_before_their_answer_and_committed_together(
    app_client: httpx.AsyncClient, admin: Person, make_person: MakePerson, container: Container
) -> None:
    """PostgreSQL commits the audit entries of reads in flight together (group commit): every read still has its
    own entry, with its own request id, in the log by the time its answer arrives."""
    if container.audit_writer is None:
        pytest.skip("group commit of audit entries is PostgreSQL's")
    people = [await _create(app_client, admin, phones=[f"+86139000{n:05d}"], id_document=None) for n in range(6)]
    agent = await make_person("agent")
    statements_before, entries_before = container.audit_writer.statements, container.audit_writer.entries

    async def read(n: int) -> tuple[str, str]:
        c = people[n % len(people)]
        r = await app_client.get(
            CONTEXT,
            params={"customer_number": c["customer_number"]},
            headers={**agent.headers, "X-Request-ID": f"read-{n}"},
        )
        assert r.status_code == 200, r.text
        # Already committed: another connection sees the entry the moment the answer is here.
        async with container.engine.connect() as conn:
            logged = await conn.execute(
                sa.text("SELECT count(*) FROM audit_log WHERE request_id = :rid AND customer_id = :cid"),
                {"rid": f"read-{n}", "cid": uuid.UUID(c["id"])},
            )
            assert logged.scalar_one() == 1, n
        return r.headers["x-request-id"], c["id"]

    answered = await asyncio.gather(*(read(n) for n in range(48)))

    assert sorted(rid for rid, _ in answered) == sorted(f"read-{n}" for n in range(48))
    r = await app_client.get("/api/v1/audit", params={"actor": agent.username, "limit": 500}, headers=admin.headers)
    reads = [e for e in r.json()["items"] if e["view"] == "contact-center-context"]
    assert sorted((e["request_id"], e["customer_ids"][0]) for e in reads) == sorted(answered)
    assert all(e["action"] == "read" and e["outcome"] == 200 for e in reads)
    entries = container.audit_writer.entries - entries_before
    statements = container.audit_writer.statements - statements_before
    assert entries == 48
    assert statements < entries  # some were committed together


async def test_a_failed_group_write_still_audits_each_read_before_its_answer(
    app_client: httpx.AsyncClient,
    admin: Person,
    make_person: MakePerson,
    container: Container,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if container.audit_writer is None:
        pytest.skip("group commit of audit entries is PostgreSQL's")
    c = await _create(app_client, admin)
    agent = await make_person("agent")
    monkeypatch.setattr("adapters.db.audit._PG_APPEND_MANY", "SELECT 1 / (0 * length($1::text))")  # fails
    answers = await asyncio.gather(
        *(
            app_client.get(
                CONTEXT,
                params={"customer_number": c["customer_number"]},
                headers={**agent.headers, "X-Request-ID": f"failing-{n}"},
            )
            for n in range(5)
        )
    )
    assert [a.status_code for a in answers] == [200] * 5
    r = await app_client.get("/api/v1/audit", params={"customer_id": c["id"]}, headers=admin.headers)
    reads = [e for e in r.json()["items"] if e["view"] == "contact-center-context"]
    assert sorted(e["request_id"] for e in reads) == [f"failing-{n}" for n in range(5)]  # each exactly once


async def test_a_merged_customers_complaint_case_follows_them_to_the_survivor(
    app_client: httpx.AsyncClient, admin: Person, make_person: MakePerson, container: Container
) -> None:
    survivor = await _create(app_client, admin, id_document={"type": "passport", "number": "E5"})
    duplicate = await _create(
        app_client, admin, phones=["+8613900000001"], id_document={"type": "passport", "number": "E6"}
    )
    complaint = _interaction_row(
        duplicate["id"], "call_center", "complaint", datetime.now(UTC), summary="Card blocked abroad"
    )
    async with container.uow() as uow:
        await uow.connection.execute(sa.insert(interactions).values(complaint))
        await container.customers_changed(uow, {uuid.UUID(duplicate["id"])})
        await uow.commit()
    r = await app_client.post(
        f"/api/v1/customers/{survivor['id']}/merge",
        json={"source_customer_id": duplicate["id"]},
        headers=admin.headers,
    )
    assert r.status_code == 200, r.text
    agent = await make_person("agent")
    body = (await app_client.get(CONTEXT, params={"phone": "+8613900000001"}, headers=agent.headers)).json()
    assert body["match"] == "unique" and body["customer"]["id"] == survivor["id"]
    assert [c["subject"] for c in body["open_cases"]] == ["Card blocked abroad"]
    assert "acknowledge_complaint" in [a["kind"] for a in body["next_best_actions"]]


async def test_postgresql_reads_the_context_as_the_reference_reader_does(
    app_client: httpx.AsyncClient, admin: Person, make_person: MakePerson, container: Container
) -> None:
    """PostgreSQL reads the context on the driver's connection, with the answer's JSON shaped in SQL: it must
    give what the SQLAlchemy reader gives, field for field, for every role, unique or ambiguous."""
    if container.engine.dialect.name != "postgresql":
        pytest.skip("the driver-level reader is PostgreSQL's")
    rm = await make_person("rm", username="zhou.min")
    c = await _create(
        app_client,
        admin,
        relationship_manager_id=str(rm.id),
        marketing_consent={"phone": True, "sms": False},
        id_document={"type": "resident_id", "number": "110101199003071234"},
    )
    sibling = await _create(app_client, admin, name_zh="王明", name_latin=None, birth_date=None, id_document=None)
    cid = uuid.UUID(c["id"])
    now = datetime.now(UTC)
    today = bank_day(now)
    await _product(container, "TD-3M", "time_deposit", name="3-month time deposit")
    await _product(container, "CARD", "credit_card", risk=2, name="Platinum card")
    await _product(container, "FUND-BAL", "fund", risk=3, name="Balanced fund")
    await _product(container, "INS-LIFE", "insurance", name="Term life insurance")
    await _holding(container, c["id"], "6222000011112222", "TD-3M", "time_deposit", "50000.1200", today)
    await _holding(container, c["id"], "6222000011113333", "TD-3M", "time_deposit", "0.0000", today + timedelta(3))
    async with container.engine.begin() as conn:
        await conn.execute(
            sa.insert(holdings).values(
                id=uuid.uuid4(),
                customer_id=cid,
                account_number="4392000099998888",
                product_code="CARD",
                category="credit_card",
                status="active",
                balance=Decimal("-1234.5000"),
                currency="CNY",
                credit_limit=Decimal("50000"),
                rate=Decimal("0.185"),
                opened_on=date(2020, 2, 29),
            )
        )
        rows = [
            _interaction_row(
                c["id"],
                "call_center",
                "inquiry",
                now.replace(microsecond=0) - timedelta(minutes=5),  # whole seconds: no fraction written
                actor="agent.chen",
                summary="Asked about the card fee",
                outcome="answered",
                source_ref="cc-1",
                payload={
                    "queue": "cards",
                    "disposition": "resolved",
                    "caller_number": "+8613812345678",
                    "satisfaction": 5,
                    "notes": {"lines": ["a", "b"], "big": 2**70, "ratio": 0.1},
                },
            ),
            _interaction_row(
                c["id"],
                "card",
                "purchase",
                now - timedelta(hours=2, microseconds=1),
                amount=Decimal("12.3400"),
                currency="CNY",
                payload={"merchant_name": "咖啡店", "location": None, "mcc": "5814"},
            ),
            _interaction_row(c["id"], "online_banking", "login", now - timedelta(days=1), payload={}),
        ]
        for row in rows:
            await conn.execute(sa.insert(interactions).values(row))
        for status, opened, sla, closed in (
            ("open", now - timedelta(days=3), now - timedelta(days=1), None),  # overdue
            ("open", now - timedelta(hours=1), None, None),
            ("closed", now - timedelta(days=10), now - timedelta(days=8), now - timedelta(days=9)),
            ("closed", now - timedelta(days=90), None, now - timedelta(days=80)),  # too old to show
        ):
            await conn.execute(
                sa.insert(cases).values(
                    id=uuid.uuid4(),
                    customer_id=cid,
                    kind="complaint",
                    status=status,
                    subject=f"Case opened {opened.date()}",
                    channel="call_center",
                    opened_at=opened,
                    sla_due_at=sla,
                    closed_at=closed,
                    satisfaction=4 if closed else None,
                    resolution="Refunded the fee; apologised." if closed else None,
                    opened_by=rm.id if closed else None,  # logged by hand by the RM, or reported by a feed
                )
            )
        for kind, status, detail in (
            ("large_outflow", "open", "CNY 200,000.00 out"),
            ("dormant_wakeup", "acknowledged", None),
            ("maturity", "open", None),
        ):
            await conn.execute(
                sa.insert(alerts).values(
                    id=uuid.uuid4(),
                    customer_id=cid,
                    kind=kind,
                    cause_key=kind,
                    severity="high",
                    title=f"{kind} alert",
                    detail=detail,
                    status=status,
                    data={},
                    raised_at=now - timedelta(hours=len(kind)),
                )
            )
        await conn.execute(
            sa.insert(customer_scores).values(_scores(cid, Decimal("59000.1"), now.replace(microsecond=0)))
        )
        segment_id = uuid.uuid4()
        await conn.execute(
            sa.insert(segments_t).values(id=segment_id, code="vip", name="VIP", kind="static", created_at=now)
        )
        await conn.execute(sa.insert(segment_members).values(segment_id=segment_id, customer_id=cid, since=now))
        # Campaigns: a running one with her in its target group (its offer is shown), a running one holding her
        # out, and a finished one (neither shown).
        for name, status, group, ends in (
            ("Life cover drive", "active", "target", today + timedelta(days=10)),
            ("Card drive", "active", "control", today + timedelta(days=10)),
            ("Old drive", "closed", "target", today - timedelta(days=10)),
        ):
            campaign_id = uuid.uuid4()
            await conn.execute(
                sa.insert(campaigns).values(
                    id=campaign_id,
                    name=name,
                    product_code="INS-LIFE",
                    segment_id=segment_id,
                    channel="phone",
                    control_pct=10,
                    starts_on=today - timedelta(days=30),
                    ends_on=ends,
                    status=status,
                    created_at=now,
                )
            )
            await conn.execute(sa.insert(campaign_members).values(campaign_id=campaign_id, customer_id=cid, grp=group))
        await refresh_peer_rates(conn, now)
        await conn.execute(sa.update(peer_product_rates).values(peers=40, holders=30))
        tier = (await conn.execute(sa.select(customers.c.tier).where(customers.c.id == cid))).scalar_one()
        for band, category, holders in (("35_44", "fund", 30), ("25_34", "insurance", 39)):  # hers, another band
            await conn.execute(
                sa.insert(peer_product_rates).values(
                    tier=tier,
                    age_band=band,
                    income_band="150k_300k",
                    category=category,
                    peers=40,
                    holders=holders,
                    computed_at=now,
                )
            )

    principals = [
        Principal(subject="agent.x", kind="user", role=Role.AGENT),
        Principal(subject="admin.x", kind="user", role=Role.ADMIN),
        Principal(subject="key:cti", kind="api_key", scopes=frozenset({Scope.CONTEXT_READ})),
        # Sees one of the two customers sharing the phone: the snapshot is read on its own.
        Principal(subject="zhou.min", kind="user", role=Role.RM, user_id=rm.id, branch="BJ001"),
    ]
    lookups = [
        caller_lookup(phone="+8613812345678"),  # both customers: ambiguous (or unique in the RM's scope)
        caller_lookup(customer_number=c["customer_number"]),
        caller_lookup(customer_number=sibling["customer_number"]),
        caller_lookup(id_number="110101199003071234"),
    ]
    catalogue_cache.clear()
    peer_rate_cache.clear()  # the rates were just rewritten in place
    seen = set()
    for principal in principals:
        for lookup in lookups:
            async with container.engine.connect() as conn:
                pg_reader = await caller_context_reader(conn)
                assert isinstance(pg_reader, PgCallerContextReader)
                try:
                    fast = await service.caller_context(pg_reader, principal, lookup, now)
                except NotFound:
                    fast = None
                try:
                    reference = await service.caller_context(SqlCallerContextReader(conn), principal, lookup, now)
                except NotFound:
                    reference = None
            assert fast == reference, (principal.subject, lookup)
            if fast is not None:
                seen.add(fast.match)
                if fast.snapshot is not None:
                    # The same JSON document, keys in the same order.
                    assert list(fast.snapshot.customer) == list(reference.snapshot.customer)  # type: ignore[union-attr]
                    assert [list(h) for h in fast.snapshot.holdings] == [
                        list(h)
                        for h in reference.snapshot.holdings  # type: ignore[union-attr]
                    ]
    assert seen == {"unique", "ambiguous"}
    body = (
        await app_client.get(
            CONTEXT, params={"customer_number": c["customer_number"]}, headers=(await make_person("agent")).headers
        )
    ).json()
    assert (body["customer"]["segments"], body["customer"]["segment_names"]) == (["vip"], {"vip": "VIP"})
    assert [i["occurred_at"] for i in body["recent_interactions"]] == [
        r["occurred_at"].isoformat() for r in rows
    ]  # newest first
    assert body["recent_interactions"][0]["details"] == {
        "disposition": "resolved",
        "notes": {"lines": ["a", "b"], "big": 2**70, "ratio": 0.1},
        "satisfaction": 5,
        "queue": "cards",
    }
    assert [h["days_to_maturity"] for h in body["holdings"]] == [0, 3, None]
    assert [k["overdue"] for k in body["open_cases"]] == [False, True, False]
    assert [k["resolution"] for k in body["open_cases"]] == [None, None, "Refunded the fee; apologised."]
    assert [k["opened_by_username"] for k in body["open_cases"]] == [None, None, "zhou.min"]
    # Born 1988: the 35-44 band's rates, not another band's.
    offers = [a["refs"]["product_code"] for a in body["next_best_actions"] if a["kind"] == "offer_product"]
    assert offers == ["FUND-BAL"]
    drives = [a["refs"]["campaign_name"] for a in body["next_best_actions"] if a["kind"] == "campaign_offer"]
    assert drives == ["Life cover drive"]


async def test_an_agent_offers_a_running_campaigns_product_and_records_the_answer_there(
    app_client: httpx.AsyncClient, admin: Person, make_person: MakePerson, container: Container
) -> None:
    await _product(container, "INS-LIFE", "insurance", name="Term life insurance", name_zh="定期寿险")
    c = await _create(app_client, admin, marketing_consent={"phone": True})
    marketing, agent = await make_person("marketing", branch=None), await make_person("agent")
    r = await app_client.post(
        "/api/v1/segments", json={"code": "life-prospects", "name": "Life", "kind": "static"}, headers=marketing.headers
    )
    segment = r.json()["id"]
    await app_client.post(
        f"/api/v1/segments/{segment}/members", json={"customer_ids": [c["id"]]}, headers=marketing.headers
    )
    today = bank_day(datetime.now(UTC))
    body = {
        "name": "Life cover drive",
        "product_code": "INS-LIFE",
        "segment_id": segment,
        "channel": "phone",
        "control_pct": 0,
        "starts_on": today.isoformat(),
        "ends_on": (today + timedelta(days=30)).isoformat(),
    }
    drive = (await app_client.post("/api/v1/campaigns", json=body, headers=marketing.headers)).json()
    r = await app_client.post(f"/api/v1/campaigns/{drive['id']}/launch", headers=marketing.headers)
    assert r.status_code == 200 and r.json()["targets"] == 1, r.text

    async def campaign_offers() -> list[dict[str, Any]]:
        params = {"customer_number": c["customer_number"]}
        actions = (await app_client.get(CONTEXT, params=params, headers=agent.headers)).json()["next_best_actions"]
        return [a for a in actions if a["kind"] == "campaign_offer"]

    [offer] = await campaign_offers()
    assert offer["title"] == "Offer Term life insurance (Life cover drive)"
    assert offer["refs"]["campaign_id"] == drive["id"] and offer["refs"]["response"] == ""
    assert offer["refs"]["product_name_zh"] == "定期寿险"
    url = f"/api/v1/campaigns/{drive['id']}/members/{c['id']}/response"
    r = await app_client.put(url, json={"response": "interested"}, headers=agent.headers)
    assert r.status_code == 200, r.text
    [offer] = await campaign_offers()
    assert offer["refs"]["response"] == "interested" and "said they were interested" in offer["reason"]
    r = await app_client.put(url, json={"response": "declined", "note": "Has cover at work"}, headers=agent.headers)
    assert r.status_code == 200, r.text
    assert await campaign_offers() == [], "a customer who declined is not asked again"


async def test_the_context_route_keeps_every_check_of_the_app(
    app_client: httpx.AsyncClient, admin: Person, container: Container
) -> None:
    """The route answers without FastAPI's per-request dependency solving: the access policy, the rate limit
    (one token a request, whichever way it is answered), immediate revocation, FastAPI's own 422s and the
    app's dependency overrides must all still hold."""
    from api.access_policy import enforce_access_policy
    from api.app import create_app

    await _create(app_client, admin)
    settings = container.settings.model_copy(update={"rate_limit_per_minute": 3, "rate_limit_system_per_minute": 3})
    app = create_app(settings=settings, container=container)
    key = await _api_key(container, "context:read")
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        assert (await client.get(CONTEXT, params={"phone": "+8613812345678"}, headers=key)).status_code == 200
        too_long = await client.get(CONTEXT, params={"phone": "+86138123456789012"}, headers=key)
        assert too_long.status_code == 422
        assert too_long.headers["content-type"].startswith("application/problem+json")
        assert [e["field"] for e in too_long.json()["errors"]] == ["phone"]
        assert (await client.get(CONTEXT, params={"phone": "+8613900000000"}, headers=key)).status_code == 404
        r = await client.get(CONTEXT, params={"phone": "+8613812345678"}, headers=key)
        assert r.status_code == 429 and r.headers["content-type"].startswith("application/problem+json")
        assert int(r.headers["Retry-After"]) >= 1

    other = await _api_key(container, "context:read")
    params = {"phone": "+8613812345678", "card_token": "x" * 161}  # both checks fail: the 401 comes first
    assert (await app_client.get(CONTEXT, params=params, headers={"X-API-Key": "nope"})).status_code == 401
    assert (await app_client.get(CONTEXT, params={"phone": "+8613812345678"}, headers=other)).status_code == 200
    async with container.engine.begin() as conn:
        await accounts.revoke_api_key(conn, other["X-API-Key"].split("_")[1], datetime.now(UTC))
    r = await app_client.get(CONTEXT, params={"phone": "+8613812345678"}, headers=other)
    assert r.status_code == 401 and r.headers["content-type"].startswith("application/problem+json")

    async def refuse_everyone() -> None:
        raise NotFound("closed for the test")

    app = create_app(container=container)
    app.dependency_overrides[enforce_access_policy] = refuse_everyone
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        assert (await client.get(CONTEXT, params={"phone": "+8613812345678"}, headers=key)).status_code == 404


async def test_postgresql_does_not_plan_the_context_afresh_on_every_call(
    app_client: httpx.AsyncClient, admin: Person, container: Container
) -> None:
    """The context route's connections reuse the generic plans of its statements: left to itself PostgreSQL
    planned the context statement anew on every call (its first five calls always), which was most of the
    database's CPU per request (bench/context). The general pool keeps PostgreSQL's own choice."""
    if container.engine.dialect.name != "postgresql":
        pytest.skip("plan caching is PostgreSQL's")
    await _create(app_client, admin)
    key = await _api_key(container, "context:read")
    calls = 12
    for _ in range(calls):
        r = await app_client.get(CONTEXT, params={"phone": "+8613812345678"}, headers=key)
        assert r.status_code == 200, r.text
        assert r.json()["match"] == "unique"

    hot = container.hot_engine
    assert hot is not container.engine
    idle = hot.pool.checkedin()  # type: ignore[attr-defined]
    conns = [await hot.connect() for _ in range(idle)]  # every connection the route's requests used
    generic = custom = 0
    try:
        for conn in conns:
            assert (await conn.execute(sa.text("SHOW plan_cache_mode"))).scalar() == "force_generic_plan"
            row = (
                await conn.execute(
                    sa.text(
                        "SELECT coalesce(sum(generic_plans), 0), coalesce(sum(custom_plans), 0) "
                        "FROM pg_prepared_statements WHERE statement LIKE '%WITH found AS%'"
                    )
                )
            ).one()
            generic += row[0]
            custom += row[1]
    finally:
        for conn in conns:
            await conn.close()
    assert custom == 0
    assert generic >= calls
    async with container.engine.connect() as conn:
        assert (await conn.execute(sa.text("SHOW plan_cache_mode"))).scalar() == "auto"


async def test_a_context_read_stuck_behind_a_lock_answers_503_in_time(
    app_client: httpx.AsyncClient, admin: Person, container: Container
) -> None:
    """An agent's screen must not wait on, say, maintenance holding a table: the hot read's statements are bounded
    (CRM_DATABASE_HOT_READ_TIMEOUT_MS) and the caller is told to retry; the same read answers once it is free."""
    if container.engine.dialect.name != "postgresql":
        pytest.skip("statement timeouts are PostgreSQL's")
    import time

    from adapters.container import build_container
    from api.app import create_app

    await _create(app_client, admin)
    key = await _api_key(container, "context:read")
    settings = container.settings.model_copy(update={"database_hot_read_timeout_ms": 300})
    bounded = build_container(settings)
    app = create_app(container=bounded)
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            async with container.engine.connect() as blocker:
                await blocker.execute(sa.text("LOCK TABLE holdings IN ACCESS EXCLUSIVE MODE"))
                started = time.monotonic()
                r = await client.get(CONTEXT, params={"phone": "+8613812345678"}, headers=key)
                waited = time.monotonic() - started
                await blocker.rollback()
            assert r.status_code == 503, r.text
            assert r.headers["content-type"].startswith("application/problem+json")
            assert r.headers["retry-after"] == "1"
            assert r.json()["type"] == "/problems/database-timeout"
            assert waited < 5  # bounded by the timeout (0.3 s), not by the lock holder
            r = await client.get(CONTEXT, params={"phone": "+8613812345678"}, headers=key)
            assert r.status_code == 200, r.text
            assert r.json()["match"] == "unique"
    finally:
        await bounded.dispose()


async def test_the_context_takes_its_lane_past_dependency_solving(
    app_client: httpx.AsyncClient, admin: Person, container: Container, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lane (a fifth of the route's CPU) is taken only while the route's parameters are exactly as it knows
    them: a schema change that turned it off (a pattern on a parameter, say) would pass every other test."""
    import api.contact_center as route_module
    from api.app import create_app

    await _create(app_client, admin)
    key = await _api_key(container, "context:read")
    app = create_app(container=container)
    original = route_module.enforce_access_policy
    lane: list[str] = []

    async def counted(request: Any, c: Any) -> None:
        lane.append(request.url.path)
        await original(request, c)

    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        # The first request builds the app's stacks and the lane, which compares its dependencies with the
        # policy by name: count the calls it makes by that name only once it is built.
        assert (await client.get(CONTEXT, params={"phone": "+8613812345678"}, headers=key)).status_code == 200
        monkeypatch.setattr(route_module, "enforce_access_policy", counted)
        r = await client.get(CONTEXT, params={"phone": "+8613812345678", "call_id": "CALL-1"}, headers=key)
        assert r.status_code == 200, r.text
        assert lane == ["/api/v1/contact-center/context"], "the context did not take its lane"
        too_long = await client.get(CONTEXT, params={"phone": "+86138123456789012"}, headers=key)
        assert too_long.status_code == 422 and len(lane) == 1, "a value FastAPI refuses goes the standard way"
