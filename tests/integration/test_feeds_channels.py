"""Every channel's every event type, valid and invalid, through the real HTTP route on both databases."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from adapters.container import Container
from adapters.db.tables import customers, interactions
from adapters.db.tables_feeds import feed_quarantine
from tests.integration.feeds_helpers import (
    ACCOUNT,
    CARD_ACCOUNT,
    CUSTOMER_NUMBER,
    PHONE,
    VISA,
    balance,
    ev,
    feed_key,
    seed_bank,
    timeline_count,
)

TOKEN = "tok_known_card_0001"
C = {"customer_number": CUSTOMER_NUMBER}

VALID: dict[str, list[dict[str, Any]]] = {
    "teller": [
        ev(
            "T-dep",
            "deposit",
            account_number=ACCOUNT,
            amount="500.00",
            currency="CNY",
            branch_code="BJ001",
            teller_id="T01",
        ),
        ev("T-wd", "withdrawal", "2026-11-23T09:31:00+08:00", account_number=ACCOUNT, amount="200.00", currency="CNY"),
        ev("T-tr", "transfer", "2026-11-23T09:32:00+08:00", account_number=ACCOUNT, amount="100.00", currency="CNY"),
        ev(
            "T-open",
            "account_open",
            "2026-11-23T09:33:00+08:00",
            account_number="TD-0042-0001",
            product_code="TD-12M",
            amount="10000.00",
            currency="CNY",
        ),
        ev(
            "T-close-open",
            "account_open",
            "2026-11-23T09:34:00+08:00",
            account_number="SAV-0042-0002",
            product_code="SAV-CNY",
        ),
        ev("T-close", "account_close", "2026-11-23T09:35:00+08:00", account_number="SAV-0042-0002"),
        ev("T-inq", "inquiry", "2026-11-23T09:36:00+08:00", account_number=ACCOUNT),
        ev(
            "T-buy",
            "product_purchase",
            "2026-11-23T09:37:00+08:00",
            product_code="TD-12M",
            amount="50.00",
            currency="CNY",
            account_number=ACCOUNT,
        ),
    ],
    "card": [
        ev(
            "K-auth",
            "authorization",
            card_token=TOKEN,
            amount="86.40",
            currency="CNY",
            merchant_name="Wumart",
            mcc="5411",
        ),
        ev(
            "K-buy",
            "purchase",
            "2026-11-23T10:00:00+08:00",
            card_token=TOKEN,
            amount="86.40",
            currency="CNY",
            account_number=CARD_ACCOUNT,
        ),
        ev(
            "K-ref",
            "refund",
            "2026-11-23T10:01:00+08:00",
            card_token=TOKEN,
            amount="6.40",
            currency="CNY",
            account_number=CARD_ACCOUNT,
        ),
        ev(
            "K-rep",
            "repayment",
            "2026-11-23T10:02:00+08:00",
            card_token=TOKEN,
            amount="50.00",
            currency="CNY",
            account_number=CARD_ACCOUNT,
        ),
        ev("K-cash", "cash_advance", "2026-11-23T10:03:00+08:00", pan=VISA, amount="300.00", currency="CNY"),
        ev("K-dec", "declined", "2026-11-23T10:04:00+08:00", card_token=TOKEN, decline_reason="insufficient"),
    ],
    "pos-atm": [
        ev("P-wd", "atm_withdrawal", terminal_id="ATM-1", account_number=ACCOUNT, amount="100.00", currency="CNY"),
        ev(
            "P-dep",
            "atm_deposit",
            "2026-11-23T09:31:00+08:00",
            terminal_id="ATM-1",
            account_number=ACCOUNT,
            amount="300.00",
            currency="CNY",
        ),
        ev(
            "P-tr",
            "atm_transfer",
            "2026-11-23T09:32:00+08:00",
            terminal_id="ATM-1",
            account_number=ACCOUNT,
            amount="50.00",
            currency="CNY",
        ),
        ev("P-inq", "atm_balance_inquiry", "2026-11-23T09:33:00+08:00", terminal_id="ATM-1", card_token=TOKEN),
        ev(
            "P-buy",
            "pos_purchase",
            "2026-11-23T09:34:00+08:00",
            terminal_id="POS-9",
            location="Joy City",
            card_token=TOKEN,
            amount="20.00",
            currency="CNY",
        ),
        ev(
            "P-ref",
            "pos_refund",
            "2026-11-23T09:35:00+08:00",
            terminal_id="POS-9",
            card_token=TOKEN,
            amount="5.00",
            currency="CNY",
        ),
    ],
    "call-center": [
        ev("CC-start", "call_started", call_id="5512", ani=PHONE, agent_id="A-301", queue="wealth"),
        ev(
            "CC-end",
            "call_ended",
            "2026-11-23T09:40:00+08:00",
            call_id="5512",
            duration_s=312,
            disposition="resolved",
            notes="asked about rates",
            satisfaction=5,
        ),
        ev("CC-cb", "callback_requested", "2026-11-23T09:41:00+08:00", customer={"phone": PHONE}),
        ev("CC-comp", "complaint", "2026-11-23T09:42:00+08:00", notes="card swallowed by ATM", satisfaction=1),
    ],
    "online-banking": [
        ev("O-login", "login", online_user_id="wangfang88", ip="203.0.113.7", device="iOS", session_id="s1"),
        ev("O-fail", "login_failed", "2026-11-23T09:31:00+08:00", customer={"online_user_id": "wangfang88"}),
        ev("O-tr", "transfer", "2026-11-23T09:32:00+08:00", amount="10.00", currency="CNY", account_number=ACCOUNT),
        ev("O-bill", "bill_payment", "2026-11-23T09:33:00+08:00", amount="20.00", currency="CNY"),
        ev("O-view", "product_view", "2026-11-23T09:34:00+08:00", product_code="TD-12M"),
        ev(
            "O-app",
            "product_application",
            "2026-11-23T09:35:00+08:00",
            product_code="TD-12M",
            amount="5000.00",
            currency="CNY",
        ),
        ev("O-prof", "profile_change", "2026-11-23T09:36:00+08:00", ip="2001:db8::1"),
    ],
}

TIMELINE_CHANNEL = {
    "teller": {"teller"},
    "card": {"card"},
    "pos-atm": {"atm", "pos"},
    "call-center": {"call_center"},
    "online-banking": {"online_banking"},
}


@pytest.mark.parametrize("channel", list(VALID))
async def test_every_type_of_every_channel_is_accepted_into_the_timeline(
    container: Container, app_client: httpx.AsyncClient, channel: str
) -> None:
    key = await feed_key(container)
    cid = await seed_bank(container)
    events = VALID[channel]
    r = await app_client.post(f"/api/v1/feeds/{channel}", headers=key, json={"events": events})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["rejected"] == 0, body
    assert body["accepted"] == len(events)
    assert [x["source_ref"] for x in body["results"]] == [e["source_ref"] for e in events]
    async with container.engine.connect() as conn:
        rows = (
            await conn.execute(sa.select(interactions.c.channel, interactions.c.type, interactions.c.customer_id))
        ).all()
    assert len(rows) == len(events)
    assert {r.customer_id for r in rows} == {cid}, "every event resolved to the known customer"
    assert {r.channel for r in rows} == TIMELINE_CHANNEL[channel]
    assert sorted(r.type for r in rows) == sorted(e["type"] for e in events)


async def test_teller_money_moves_balances_opens_and_closes_holdings(
    container: Container, app_client: httpx.AsyncClient
) -> None:
    key = await feed_key(container)
    await seed_bank(container)
    r = await app_client.post("/api/v1/feeds/teller", headers=key, json={"events": VALID["teller"]})
    assert r.json()["accepted"] == len(VALID["teller"])
    # 1000 + 500 - 200 - 100 - 50 (product purchase)
    assert await balance(container, ACCOUNT) == Decimal("1150.00")
    assert await balance(container, "TD-0042-0001") == Decimal("10000.00")
    async with container.uow(readonly=True) as uow:
        closed = await uow.holdings.get_by_account("SAV-0042-0002")
    assert closed is not None and closed.status.value == "closed"


async def test_card_and_atm_amounts_move_the_named_accounts(
    container: Container, app_client: httpx.AsyncClient
) -> None:
    key = await feed_key(container)
    await seed_bank(container)
    await app_client.post("/api/v1/feeds/card", headers=key, json={"events": VALID["card"]})
    # credit card: -86.40 + 6.40 + 50.00 (the authorisation and the decline move nothing)
    assert await balance(container, CARD_ACCOUNT) == Decimal("-30.00")
    await app_client.post("/api/v1/feeds/pos-atm", headers=key, json={"events": VALID["pos-atm"]})
    assert await balance(container, ACCOUNT) == Decimal("1150.00")  # 1000 - 100 + 300 - 50


INVALID: list[tuple[str, dict[str, Any], str]] = [
    ("teller", ev("X1", "lottery", account_number=ACCOUNT), "type"),
    (
        "teller",
        {
            "type": "deposit",
            "occurred_at": "2026-11-23T09:30:00+08:00",
            "customer": C,
            "account_number": ACCOUNT,
            "amount": "1.00",
            "currency": "CNY",
        },
        "source_ref",
    ),
    ("teller", ev("X" * 129, "inquiry"), "source_ref"),
    (
        "teller",
        ev("X3", "deposit", "2026-11-23T09:30:00", account_number=ACCOUNT, amount="1.00", currency="CNY"),
        "occurred_at",
    ),
    ("teller", ev("X4", "deposit", "2026-11-23", account_number=ACCOUNT, amount="1.00", currency="CNY"), "occurred_at"),
    ("teller", ev("X5", "deposit", account_number=ACCOUNT, amount=12.5, currency="CNY"), "amount"),
    ("teller", ev("X6", "deposit", account_number=ACCOUNT, amount="12,50", currency="CNY"), "amount"),
    ("teller", ev("X7", "deposit", account_number=ACCOUNT, amount="1.00001", currency="CNY"), "amount"),
    ("teller", ev("X8", "deposit", account_number=ACCOUNT, amount="-5.00", currency="CNY"), "amount"),
    ("teller", ev("X9", "deposit", account_number=ACCOUNT, amount="1.00", currency="XYZ"), "currency"),
    ("teller", ev("X10", "deposit", account_number=ACCOUNT, amount="1.00"), "currency"),
    ("teller", ev("X11", "deposit", account_number=ACCOUNT, currency="CNY"), "amount"),
    ("teller", ev("X12", "deposit", amount="1.00", currency="CNY"), "account_number"),
    ("teller", ev("X13", "account_open", account_number="NEW-0001"), "product_code"),
    ("teller", ev("X14", "account_open", account_number="NEW-0002", product_code="NOPE"), "product_code"),
    ("teller", ev("X15", "account_close", account_number="MISSING-1"), "event"),
    ("teller", ev("X16", "withdrawal", account_number=ACCOUNT, amount="99999.00", currency="CNY"), "amount"),
    (
        "teller",
        ev("X17", "deposit", account_number=ACCOUNT, amount="1.00", currency="CNY", balance_after="abc"),
        "balance_after",
    ),
    ("teller", ev("X18", "inquiry", customer={}), "customer"),
    ("teller", ev("X19", "inquiry", customer={"phone": "13812345678"}), "customer.phone"),
    (
        "teller",
        ev("X20", "inquiry", customer={"id_document": {"type": "resident_id", "number": "123"}}),
        "customer.id_document.number",
    ),
    (
        "teller",
        ev("X21", "inquiry", customer={"id_document": {"type": "library_card", "number": "1"}}),
        "customer.id_document.type",
    ),
    ("teller", ev("X22", "inquiry", customer={"nickname": "fang"}), "customer.nickname"),
    ("teller", ev("X23", "inquiry", customer="C0000000042"), "customer"),
    ("teller", ev("X24", "inquiry", notes="nul\x00byte"), "event"),
    ("card", ev("Y1", "purchase", pan="4111111111111112", amount="1.00", currency="CNY"), "pan"),
    ("card", ev("Y2", "purchase", pan="41111", amount="1.00", currency="CNY"), "pan"),
    ("card", ev("Y3", "purchase", amount="1.00", currency="CNY"), "card_token"),
    ("card", ev("Y4", "purchase", card_token=TOKEN, amount="1.00", currency="CNY", mcc="54"), "mcc"),
    ("card", ev("Y5", "purchase", card_token=TOKEN, pan=VISA, amount="1.00", currency="CNY"), "pan"),
    ("card", ev("Y6", "refund", card_token=TOKEN), "amount"),
    ("pos-atm", ev("Z1", "atm_withdrawal", amount="1.00", currency="CNY"), "terminal_id"),
    ("pos-atm", ev("Z2", "atm_dance", terminal_id="ATM-1"), "type"),
    ("pos-atm", ev("Z3", "atm_balance_inquiry", terminal_id="ATM-1", amount="1.00", currency="CNY"), "amount"),
    ("call-center", ev("W1", "call_ended", call_id="1", satisfaction=6), "satisfaction"),
    ("call-center", ev("W2", "call_ended", call_id="1", satisfaction="5"), "satisfaction"),
    ("call-center", ev("W3", "call_started", call_id="1", ani="0138"), "ani"),
    ("call-center", ev("W4", "call_ended"), "call_id"),
    ("call-center", ev("W5", "call_ended", call_id="1", duration_s=-1), "duration_s"),
    ("online-banking", ev("V1", "login", ip="999.1.1.1"), "ip"),
    ("online-banking", ev("V2", "bill_payment", amount="1e3", currency="CNY"), "amount"),
    ("online-banking", ev("V3", "product_view"), "product_code"),
    ("online-banking", ev("V4", "login", online_user_id="x"), "online_user_id"),
]


GOOD = {
    "teller": ev("GOOD-1", "inquiry", "2026-11-23T08:00:00+08:00"),
    "card": ev("GOOD-1", "declined", card_token=TOKEN),
    "pos-atm": ev("GOOD-1", "atm_balance_inquiry", terminal_id="ATM-1"),
    "call-center": ev("GOOD-1", "complaint", notes="fine"),
    "online-banking": ev("GOOD-1", "login"),
}


@pytest.mark.parametrize(
    ("channel", "event", "field"), INVALID, ids=[f"{c}-{f}-{i}" for i, (c, _, f) in enumerate(INVALID)]
)
async def test_an_invalid_event_is_rejected_naming_its_field_and_quarantined(
    container: Container, app_client: httpx.AsyncClient, channel: str, event: dict[str, Any], field: str
) -> None:
    key = await feed_key(container)
    await seed_bank(container)
    good = GOOD[channel]
    r = await app_client.post(f"/api/v1/feeds/{channel}", headers=key, json={"events": [event, good]})
    assert r.status_code == 200, r.text
    body = r.json()
    assert (body["accepted"], body["rejected"]) == (1, 1), body
    bad = body["results"][0]
    assert bad["status"] == "rejected"
    assert field in [e["field"] for e in bad["errors"]], bad
    assert all(e["message"] for e in bad["errors"])
    assert body["results"][1]["status"] == "accepted"
    assert await timeline_count(container) == 1, "the good event is stored, the bad one is not"
    async with container.engine.connect() as conn:
        kept = (await conn.execute(sa.select(feed_quarantine))).all()
    assert len(kept) == 1 and kept[0].channel == channel and kept[0].status == "open"
    assert field in kept[0].reason


async def test_an_event_that_is_not_an_object_and_holds_a_nul_is_still_kept_for_someone_to_fix(
    container: Container, app_client: httpx.AsyncClient
) -> None:
    """Found by schemathesis: PostgreSQL stores no NUL in JSON text, so such an event crashed the whole batch
    with a 500 when it was kept in the quarantine. Now it is kept with the NUL written out as \\u0000."""
    key = await feed_key(container)
    await seed_bank(container)
    r = await app_client.post(
        "/api/v1/feeds/teller", headers=key, json={"events": [["nul\x00byte", {"k\x00": None}], GOOD["teller"]]}
    )
    assert r.status_code == 200, r.text
    assert (r.json()["accepted"], r.json()["rejected"]) == (1, 1), r.json()
    async with container.engine.connect() as conn:
        kept = (await conn.execute(sa.select(feed_quarantine))).one()
    assert kept.document == ["nul\\u0000byte", {"k\\u0000": None}]
    assert "event" in kept.reason


@pytest.mark.parametrize(
    ("content", "status", "field"),
    [
        (b"{not json", 400, "body"),
        (b"[]", 422, "body"),
        (b'"events"', 422, "body"),
        (b"{}", 422, "events"),
        (b'{"events": {}}', 422, "events"),
        (b'{"events": []}', 422, "events"),
    ],
)
async def test_a_body_that_is_not_a_batch_is_refused_whole(
    container: Container, app_client: httpx.AsyncClient, content: bytes, status: int, field: str
) -> None:
    key = await feed_key(container)
    r = await app_client.post(
        "/api/v1/feeds/teller", headers={**key, "Content-Type": "application/json"}, content=content
    )
    assert r.status_code == status
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["errors"][0]["field"] == field
    assert await timeline_count(container) == 0


async def test_more_than_5000_events_is_refused_and_nothing_is_stored(
    container: Container, app_client: httpx.AsyncClient
) -> None:
    key = await feed_key(container)
    await seed_bank(container)
    events = [ev(f"T-{i}", "inquiry") for i in range(5001)]
    r = await app_client.post("/api/v1/feeds/teller", headers=key, json={"events": events})
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "events"
    assert await timeline_count(container) == 0
    async with container.engine.connect() as conn:
        assert await conn.scalar(sa.select(sa.func.count()).select_from(feed_quarantine)) == 0


async def test_an_unknown_channel_is_refused(container: Container, app_client: httpx.AsyncClient) -> None:
    key = await feed_key(container)
    r = await app_client.post("/api/v1/feeds/fax", headers=key, json={"events": [ev("F-1", "inquiry")]})
    assert r.status_code == 422
    assert r.headers["content-type"].startswith("application/problem+json")


async def test_without_a_key_401_and_without_the_scope_403(
    container: Container, app_client: httpx.AsyncClient, make_person: Any
) -> None:
    body = {"events": [ev("A-1", "inquiry")]}
    r = await app_client.post("/api/v1/feeds/teller", json=body)
    assert r.status_code == 401
    reader = await feed_key(container, ["context:read"])
    r = await app_client.post("/api/v1/feeds/teller", headers=reader, json=body)
    assert r.status_code == 403
    agent = await make_person("agent")
    r = await app_client.post("/api/v1/feeds/teller", headers=agent.headers, json=body)
    assert r.status_code == 403
    r = await app_client.get("/api/v1/feeds/quarantine", headers=reader)
    assert r.status_code == 403
    async with container.engine.connect() as conn:
        assert await conn.scalar(sa.select(sa.func.count()).select_from(customers)) == 0
    admin = await make_person("admin")
    r = await app_client.post("/api/v1/feeds/teller", headers=admin.headers, json=body)
    assert r.status_code == 200 and r.json()["accepted"] == 1
