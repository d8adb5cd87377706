"""Idempotency, concurrency, identity resolution, card numbers and balance ordering of feed ingestion."""

from __future__ import annotations

import asyncio
import logging
import random
import uuid
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from adapters.container import Container
from adapters.db.tables import customer_identities, customers, holdings, interactions
from adapters.db.tables_contact import cases
from adapters.db.tables_feeds import feed_events, feed_quarantine
from domain.customers import Identity, IdentitySource
from tests.integration.feeds_helpers import (
    ACCOUNT,
    CUSTOMER_NUMBER,
    PHONE,
    VISA,
    balance,
    card_numbers_in,
    card_numbers_in_database,
    ev,
    feed_key,
    seed_bank,
    timeline_count,
)


def mixed_feed(n: int) -> list[tuple[str, dict[str, Any]]]:
    """n events over all five channels, for known customers and new (provisional) ones."""
    out: list[tuple[str, dict[str, Any]]] = []
    for i in range(n):
        at = f"2026-11-23T{8 + i // 60 % 10:02d}:{i % 60:02d}:00+08:00"
        phone = f"+861390000{i % 7:04d}"
        k = i % 5
        if k == 0:
            out.append(("teller", ev(f"T-{i}", "deposit", at, account_number=ACCOUNT, amount="10.00", currency="CNY")))
        elif k == 1:
            out.append(
                (
                    "card",
                    ev(
                        f"K-{i}",
                        "purchase",
                        at,
                        customer={"phone": phone},
                        card_token=f"tok_new_{i % 3}",
                        amount="3.50",
                        currency="CNY",
                    ),
                )
            )
        elif k == 2:
            out.append(("pos-atm", ev(f"P-{i}", "atm_balance_inquiry", at, terminal_id="ATM-7")))
        elif k == 3:
            out.append(
                (
                    "call-center",
                    ev(f"C-{i}", "call_ended", at, customer={"phone": PHONE}, call_id=str(i), satisfaction=1 + i % 5),
                )
            )
        else:
            out.append(("online-banking", ev(f"O-{i}", "login", at, customer={"online_user_id": f"user{i % 4:04d}"})))
    return out


async def post_all(
    client: httpx.AsyncClient, key: dict[str, str], feed: list[tuple[str, dict[str, Any]]], batch: int = 7
) -> dict[str, int]:
    totals = {"accepted": 0, "duplicates": 0, "rejected": 0}
    by_channel: dict[str, list[dict[str, Any]]] = {}
    for channel, event in feed:
        by_channel.setdefault(channel, []).append(event)
    for channel, events in by_channel.items():
        for start in range(0, len(events), batch):
            r = await client.post(
                f"/api/v1/feeds/{channel}", headers=key, json={"events": events[start : start + batch]}
            )
            assert r.status_code == 200, r.text
            for name in totals:
                totals[name] += r.json()[name]
    return totals


async def state(container: Container) -> dict[str, Any]:
    """What a user would see: customers (by kind), identities, balances, the timeline."""
    async with container.engine.connect() as conn:
        n_customers = await conn.scalar(sa.select(sa.func.count()).select_from(customers))
        n_provisional = await conn.scalar(
            sa.select(sa.func.count()).select_from(customers).where(customers.c.provisional.is_(True))
        )
        idents = sorted(
            (r.source, r.key)
            for r in await conn.execute(sa.select(customer_identities.c.source, customer_identities.c.key))
        )
        bals = sorted((r.account_number, r.balance) for r in await conn.execute(sa.select(holdings)))
        timeline = sorted(
            (r.source_ref, r.channel, r.type, str(r.amount)) for r in await conn.execute(sa.select(interactions))
        )
    return {
        "customers": n_customers,
        "provisional": n_provisional,
        "identities": idents,
        "balances": bals,
        "timeline": timeline,
    }


async def test_the_same_feed_again_shuffled_by_concurrent_clients_changes_nothing(
    container: Container, app_client: httpx.AsyncClient
) -> None:
    key = await feed_key(container)
    await seed_bank(container)
    feed = mixed_feed(60)
    first = await post_all(app_client, key, feed)
    assert first == {"accepted": 60, "duplicates": 0, "rejected": 0}
    before = await state(container)
    assert before["provisional"] > 0

    shuffled = feed[:]
    random.Random(4).shuffle(shuffled)
    parts = [shuffled[i::4] for i in range(4)]
    results = await asyncio.gather(*(post_all(app_client, key, p, batch=5) for p in parts))
    assert sum(r["duplicates"] for r in results) == 60
    assert sum(r["accepted"] + r["rejected"] for r in results) == 0
    assert await state(container) == before


async def test_concurrent_first_posts_of_the_same_events_accept_each_exactly_once(
    container: Container, app_client: httpx.AsyncClient
) -> None:
    key = await feed_key(container)
    await seed_bank(container)
    feed = mixed_feed(40)
    results = await asyncio.gather(*(post_all(app_client, key, feed, batch=10) for _ in range(4)))
    assert sum(r["accepted"] for r in results) == 40
    assert sum(r["duplicates"] for r in results) == 120
    assert sum(r["rejected"] for r in results) == 0
    assert await timeline_count(container) == 40
    assert await balance(container, ACCOUNT) == Decimal("1000.00") + 8 * Decimal("10.00")
    # every new phone/card/online id made exactly one provisional customer, whatever the interleaving
    async with container.engine.connect() as conn:
        dupes = (
            await conn.execute(
                sa.select(customer_identities.c.source, customer_identities.c.key)
                .join(customers, customers.c.id == customer_identities.c.customer_id)
                .where(customer_identities.c.source.in_(["card_token", "online_user_id", "phone"]))
                .group_by(customer_identities.c.source, customer_identities.c.key)
                .having(sa.func.count() > 1)
            )
        ).all()
    assert dupes == []


async def test_duplicates_within_a_batch_and_reused_refs(container: Container, app_client: httpx.AsyncClient) -> None:
    key = await feed_key(container)
    await seed_bank(container)
    dep = ev("T-1", "deposit", account_number=ACCOUNT, amount="10.00", currency="CNY")
    other = ev("T-1", "deposit", account_number=ACCOUNT, amount="99.00", currency="CNY")
    r = await app_client.post("/api/v1/feeds/teller", headers=key, json={"events": [dep, dep, other]})
    assert [x["status"] for x in r.json()["results"]] == ["accepted", "duplicate", "rejected"]
    assert "already used" in r.json()["results"][2]["errors"][0]["message"]
    r = await app_client.post("/api/v1/feeds/teller", headers=key, json={"events": [other, dep]})
    assert [x["status"] for x in r.json()["results"]] == ["rejected", "duplicate"]
    assert r.json()["results"][0]["errors"][0]["field"] == "source_ref"
    assert await balance(container, ACCOUNT) == Decimal("1010.00")
    # the same ref on another channel is another event
    r = await app_client.post("/api/v1/feeds/online-banking", headers=key, json={"events": [ev("T-1", "login")]})
    assert r.json()["accepted"] == 1


async def test_a_uuid_in_an_event_is_kept_whole_and_a_resend_stored_under_the_old_reading_is_a_duplicate(
    container: Container, app_client: httpx.AsyncClient
) -> None:
    """Digits inside a UUID (a call id) are no card number. Until 2026-12-03 about one UUID in 500 lost some: the
    event was stored under the hash of that reading, and its resend must still be a duplicate, not a refusal."""
    from adapters.channels.common import _scrub_before_uuids, content_hash

    key = await feed_key(container)
    await seed_bank(container)
    call_id = "7ee5e857-3489-4498-9143-40ff813fb5cd"  # "857-3489-4498-9143-40" passes the Luhn check
    ended = ev("CC-U1", "call_ended", customer={"phone": PHONE}, call_id=call_id, notes=f"follow-up of {call_id}")
    r = await app_client.post("/api/v1/feeds/call-center", headers=key, json={"events": [ended]})
    assert r.json()["results"][0]["status"] == "accepted", r.text
    async with container.engine.connect() as conn:
        payload = (
            await conn.execute(sa.select(interactions.c.payload).where(interactions.c.source_ref == "CC-U1"))
        ).scalar_one()
    assert payload["call_id"] == call_id and call_id in payload["notes"]

    old = ev("CC-U2", "call_ended", customer={"phone": PHONE}, call_id=call_id)
    old_reading = _scrub_before_uuids(old)
    assert old_reading["call_id"] != call_id  # what the earlier version stored it as
    r = await app_client.post("/api/v1/feeds/call-center", headers=key, json={"events": [old]})
    assert r.json()["results"][0]["status"] == "accepted"
    async with container.engine.begin() as conn:  # as the earlier version had stored it
        await conn.execute(
            sa.update(feed_events)
            .where(feed_events.c.source_ref == "CC-U2")
            .values(content_hash=content_hash(old_reading))
        )
    r = await app_client.post("/api/v1/feeds/call-center", headers=key, json={"events": [old, old]})
    assert [x["status"] for x in r.json()["results"]] == ["duplicate", "duplicate"], r.text
    changed = {**old, "disposition": "escalated"}
    r = await app_client.post("/api/v1/feeds/call-center", headers=key, json={"events": [changed]})
    assert r.json()["results"][0]["status"] == "rejected"


async def test_a_rejected_event_sent_again_corrected_is_applied(
    container: Container, app_client: httpx.AsyncClient
) -> None:
    key = await feed_key(container)
    await seed_bank(container)
    bad = ev("T-9", "withdrawal", account_number=ACCOUNT, amount="5000.00", currency="CNY")
    r = await app_client.post("/api/v1/feeds/teller", headers=key, json={"events": [bad]})
    assert r.json()["rejected"] == 1
    fixed = {**bad, "amount": "50.00"}
    r = await app_client.post("/api/v1/feeds/teller", headers=key, json={"events": [fixed]})
    assert r.json()["accepted"] == 1
    assert await balance(container, ACCOUNT) == Decimal("950.00")


async def test_unknown_identities_make_one_provisional_customer_and_card_tokens_are_learned(
    container: Container, app_client: httpx.AsyncClient
) -> None:
    key = await feed_key(container)
    cid = await seed_bank(container)
    new_phone = "+8613987654320"
    r = await app_client.post(
        "/api/v1/feeds/call-center",
        headers=key,
        json={
            "events": [
                ev("C-1", "call_started", customer={"phone": new_phone}, call_id="1"),
                ev("C-2", "call_ended", "2026-11-23T09:35:00+08:00", customer={"phone": new_phone}, call_id="1"),
            ]
        },
    )
    assert r.json()["accepted"] == 2
    r = await app_client.post(
        "/api/v1/feeds/card",
        headers=key,
        json={
            "events": [
                ev("K-1", "purchase", customer={"phone": new_phone}, pan=VISA, amount="9.90", currency="CNY"),
                ev(
                    "K-2",
                    "purchase",
                    customer={"customer_number": CUSTOMER_NUMBER},
                    card_token="tok_wang_2",
                    amount="1.00",
                    currency="CNY",
                ),
            ]
        },
    )
    assert r.json()["accepted"] == 2
    async with container.uow(readonly=True) as uow:
        owners = await uow.customers.find_by_identity(Identity(IdentitySource.PHONE, new_phone))
        assert len(owners) == 1
        provisional = await uow.customers.get(owners[0])
        assert provisional is not None and provisional.provisional
        assert provisional.display_name.startswith("Provisional +86139")
        tokens = [i.key for i in provisional.extra_identities if i.source is IdentitySource.CARD_TOKEN]
        assert len(tokens) == 1 and tokens[0].startswith("tok_") and VISA not in tokens[0]
        assert await uow.customers.find_by_identity(Identity(IdentitySource.CARD_TOKEN, "tok_wang_2")) == [cid]
    assert await timeline_count(container, owners[0]) == 3
    # the token now finds the provisional customer without the phone
    r = await app_client.post(
        "/api/v1/feeds/pos-atm",
        headers=key,
        json={
            "events": [
                ev("P-1", "atm_balance_inquiry", customer={"card_token": tokens[0]}, terminal_id="ATM-1"),
            ]
        },
    )
    assert r.json()["accepted"] == 1
    assert await timeline_count(container, owners[0]) == 4


async def test_identities_of_two_different_customers_are_a_conflict(
    container: Container, app_client: httpx.AsyncClient
) -> None:
    key = await feed_key(container)
    await seed_bank(container)
    r = await app_client.post(
        "/api/v1/feeds/online-banking",
        headers=key,
        json={
            "events": [
                ev("O-1", "login", customer={"online_user_id": "someone_else"}),
            ]
        },
    )
    assert r.json()["accepted"] == 1  # a provisional customer owns someone_else now
    r = await app_client.post(
        "/api/v1/feeds/online-banking",
        headers=key,
        json={
            "events": [
                ev("O-2", "login", customer={"customer_number": CUSTOMER_NUMBER, "online_user_id": "someone_else"}),
            ]
        },
    )
    result = r.json()["results"][0]
    assert result["status"] == "rejected"
    assert "different customers" in result["errors"][0]["message"]
    assert await timeline_count(container) == 1
    async with container.engine.connect() as conn:
        reason = await conn.scalar(sa.select(feed_quarantine.c.reason))
        claimed = await conn.scalar(sa.select(sa.func.count()).select_from(feed_events))
    assert "different customers" in reason
    assert claimed == 1, "a refused event does not keep its ref, so a corrected resend is applied"


def test_the_card_number_scan_finds_grouped_numbers_but_not_ids() -> None:
    # a uuid whose leading groups are all digits (0071374441104 is Luhn-valid) once made the scan below flaky,
    # and so did one in SQLite's hex form with such a run inside (2070608849379)
    text = (
        "id 00713744-4110-4a24-9c97-756e403f45ed, ('1cbf2070608849379d52e83858a4cb1d', "
        "pan 4111-1111-1111-1111 and 4111 1111 1111 1111, 5500005555555559, note:4111111111111111;"
    )
    assert card_numbers_in(text) == ["4111111111111111", "4111111111111111", "5500005555555559", "4111111111111111"]


async def test_a_card_number_is_never_stored_logged_or_echoed(
    container: Container, app_client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    key = await feed_key(container)
    await seed_bank(container)
    bad_luhn = "4111111111111112"
    mastercard = "5500 0000 0000 0004"
    events = [
        ev("K-1", "purchase", pan=VISA, amount="1.00", currency="CNY"),
        ev("K-2", "purchase", pan=bad_luhn, amount="1.00", currency="CNY"),
        ev("K-3", "purchase", pan=mastercard, amount="1.00", currency="CNY", merchant_name=f"shop {VISA}"),
        ev("K-4", "declined", card_token="tok_x_0001", decline_reason="n/a", note=f"customer read out {VISA}"),
        ev("K-5", "purchase", pan=int(VISA), amount=7, currency="CNY"),
        ev("K-6", "purchase", customer={"card_token": VISA}, amount="1.00", currency="CNY"),
    ]
    responses = []
    r = await app_client.post("/api/v1/feeds/card", headers=key, json={"events": events})
    responses.append(r.text)
    statuses = [x["status"] for x in r.json()["results"]]
    assert statuses == ["accepted", "rejected", "accepted", "accepted", "rejected", "rejected"]
    r = await app_client.post("/api/v1/feeds/card", headers=key, json={"events": events})  # again: duplicates
    responses.append(r.text)
    q = await app_client.get("/api/v1/feeds/quarantine", headers=key)
    responses.append(q.text)
    for item in q.json()["items"]:
        rr = await app_client.post(f"/api/v1/feeds/quarantine/{item['id']}/replay", headers=key, json={})
        responses.append(rr.text)
    for text in responses:
        assert card_numbers_in(text) == [], text
    assert "1112" in responses[0] or "pan" in responses[0]
    assert await card_numbers_in_database(container) == []
    assert card_numbers_in(caplog.text) == []
    # the same card always gets the same token
    async with container.engine.connect() as conn:
        tokens = {
            r.key
            for r in await conn.execute(
                sa.select(customer_identities.c.key).where(customer_identities.c.source == "card_token")
            )
        }
    assert len([t for t in tokens if t.startswith("tok_") and t != "tok_x_0001"]) == 2


async def test_out_of_order_balances_never_go_back_in_time(container: Container, app_client: httpx.AsyncClient) -> None:
    key = await feed_key(container)
    await seed_bank(container)

    def dep(ref: str, at: str, amount: str, after: str | None = None) -> dict[str, Any]:
        extra = {"balance_after": after} if after else {}
        return ev(
            ref, "deposit", f"2026-11-23T{at}:00+08:00", account_number=ACCOUNT, amount=amount, currency="CNY", **extra
        )

    # the 10:00 balance arrives first; then an older one; then an amount older than it, then a newer one
    r = await app_client.post(
        "/api/v1/feeds/teller", headers=key, json={"events": [dep("B-2", "10:00", "100.00", "2000.00")]}
    )
    assert r.json()["accepted"] == 1
    assert await balance(container, ACCOUNT) == Decimal("2000.00")
    await app_client.post(
        "/api/v1/feeds/teller", headers=key, json={"events": [dep("B-1", "09:00", "100.00", "1900.00")]}
    )
    assert await balance(container, ACCOUNT) == Decimal("2000.00")
    await app_client.post("/api/v1/feeds/teller", headers=key, json={"events": [dep("B-0", "08:00", "50.00")]})
    assert await balance(container, ACCOUNT) == Decimal("2000.00"), "already inside the 10:00 balance"
    await app_client.post("/api/v1/feeds/teller", headers=key, json={"events": [dep("B-3", "11:00", "25.00")]})
    assert await balance(container, ACCOUNT) == Decimal("2025.00")
    assert await timeline_count(container) == 4, "every event is in the timeline, moved or not"


async def test_amounts_without_balances_add_up_in_any_order(
    container: Container, app_client: httpx.AsyncClient
) -> None:
    key = await feed_key(container)
    await seed_bank(container)
    events = [
        ev(
            f"M-{i}",
            "deposit" if i % 2 else "withdrawal",
            f"2026-11-23T09:{i:02d}:00+08:00",
            account_number=ACCOUNT,
            amount=f"{i}.00",
            currency="CNY",
        )
        for i in range(1, 21)
    ]
    random.Random(1).shuffle(events)
    for e in events:
        await app_client.post("/api/v1/feeds/teller", headers=key, json={"events": [e]})
    expected = Decimal("1000.00") + sum(Decimal(i) if i % 2 else -Decimal(i) for i in range(1, 21))
    assert await balance(container, ACCOUNT) == expected


async def test_an_unknown_account_is_opened_when_a_product_is_named_else_only_recorded(
    container: Container, app_client: httpx.AsyncClient
) -> None:
    key = await feed_key(container)
    cid = await seed_bank(container)
    r = await app_client.post(
        "/api/v1/feeds/teller",
        headers=key,
        json={
            "events": [
                ev(
                    "U-1",
                    "deposit",
                    account_number="SAV-NEW-0001",
                    product_code="SAV-CNY",
                    amount="80.00",
                    currency="CNY",
                ),
                ev("U-2", "atm_deposit", account_number="SAV-NEW-0002", amount="80.00", currency="CNY"),
            ]
        },
    )
    assert [x["status"] for x in r.json()["results"]] == ["accepted", "rejected"]
    r = await app_client.post(
        "/api/v1/feeds/pos-atm",
        headers=key,
        json={
            "events": [
                ev(
                    "U-3",
                    "atm_deposit",
                    terminal_id="ATM-1",
                    account_number="UNKNOWN-0003",
                    amount="80.00",
                    currency="CNY",
                ),
            ]
        },
    )
    assert r.json()["accepted"] == 1
    assert await balance(container, "SAV-NEW-0001") == Decimal("80.00")
    async with container.uow(readonly=True) as uow:
        assert await uow.holdings.get_by_account("UNKNOWN-0003") is None
        assert (await uow.holdings.get_by_account("SAV-NEW-0001")).customer_id == cid  # type: ignore[union-attr]
    assert await timeline_count(container, cid) == 2


async def test_an_account_of_another_customer_is_a_conflict(
    container: Container, app_client: httpx.AsyncClient
) -> None:
    key = await feed_key(container)
    await seed_bank(container)
    r = await app_client.post(
        "/api/v1/feeds/teller",
        headers=key,
        json={
            "events": [
                ev(
                    "Q-1",
                    "deposit",
                    customer={"id_document": {"type": "passport", "number": "G99999999"}},
                    account_number=ACCOUNT,
                    amount="1.00",
                    currency="CNY",
                ),
            ]
        },
    )
    # the passport is unknown, so the account's owner is the customer: accepted on the known holding
    assert r.json()["accepted"] == 1
    r = await app_client.post(
        "/api/v1/feeds/online-banking",
        headers=key,
        json={
            "events": [
                ev("Q-2", "login", customer={"online_user_id": "stranger1"}),
                ev(
                    "Q-3",
                    "transfer",
                    "2026-11-23T10:00:00+08:00",
                    customer={"online_user_id": "stranger1"},
                    account_number=ACCOUNT,
                    amount="1.00",
                    currency="CNY",
                ),
            ]
        },
    )
    assert [x["status"] for x in r.json()["results"]] == ["accepted", "rejected"]
    assert r.json()["results"][1]["errors"][0]["field"] == "account_number"
    assert uuid.UUID  # keep import used


async def test_different_events_naming_the_same_new_people_and_accounts_at_once_create_each_once(
    container: Container, app_client: httpx.AsyncClient
) -> None:
    """Only what a batch may create is serialised (new identities, new accounts): concurrent batches of
    different events that meet the same unknown phones, card tokens, online ids and new account numbers still
    make one provisional customer per person and one holding per account."""
    key = await feed_key(container)
    await seed_bank(container)

    def part(n: int) -> list[tuple[str, dict[str, Any]]]:
        out: list[tuple[str, dict[str, Any]]] = []
        for i in range(12):
            at = f"2026-11-23T10:{i:02d}:{n:02d}+08:00"
            out += [
                ("call-center", ev(f"NP-{n}-{i}", "call_started", at, customer={"phone": f"+86137000{i % 5:05d}"},
                                   call_id=f"{n}-{i}")),
                ("card", ev(f"NC-{n}-{i}", "purchase", at, customer={"card_token": f"tok_fresh_{i % 4}"},
                            amount="1.00", currency="CNY")),
                ("online-banking", ev(f"NO-{n}-{i}", "login", at, customer={"online_user_id": f"fresh{i % 3}"})),
                ("teller", ev(f"NT-{n}-{i}", "account_open", at, account_number=f"NEW-ACC-{i % 2}",
                              product_code="SAV-CNY", amount="5.00", currency="CNY")),
            ]  # fmt: skip
        return out

    results = await asyncio.gather(*(post_all(app_client, key, part(n), batch=3) for n in range(4)))
    assert sum(r["accepted"] for r in results) == 4 * 48, results
    async with container.engine.connect() as conn:
        per_identity = (
            await conn.execute(
                sa.select(customer_identities.c.source, customer_identities.c.key, sa.func.count())
                .where(customer_identities.c.key.like("%fresh%") | customer_identities.c.key.like("+86137000%"))
                .group_by(customer_identities.c.source, customer_identities.c.key)
            )
        ).all()
        new_accounts = (
            await conn.execute(
                sa.select(holdings.c.account_number, holdings.c.balance).where(
                    holdings.c.account_number.like("NEW-ACC-%")
                )
            )
        ).all()
        provisional = await conn.scalar(
            sa.select(sa.func.count()).select_from(customers).where(customers.c.provisional.is_(True))
        )
    assert len(per_identity) == 5 + 4 + 3 and all(n == 1 for _, _, n in per_identity), per_identity
    assert provisional == 5 + 4 + 3
    assert sorted(new_accounts) == [("NEW-ACC-0", Decimal("120.00")), ("NEW-ACC-1", Decimal("120.00"))]


async def test_a_large_batch_of_complaints_opens_one_case_each(
    container: Container, app_client: httpx.AsyncClient
) -> None:
    """More complaints in one batch than one multi-row INSERT may carry parameters for (SQLite: 32,766)."""
    key = await feed_key(container)
    cid = await seed_bank(container)
    events = [
        ev(f"CMP-{i}", "complaint", f"2026-11-23T09:{i % 60:02d}:{i // 60 % 60:02d}+08:00", call_id=f"k{i}",
           notes=f"complaint number {i}")
        for i in range(3000)
    ]  # fmt: skip
    for _ in range(2):
        r = await app_client.post("/api/v1/feeds/call-center", headers=key, json={"events": events})
        assert r.status_code == 200, r.text
    async with container.engine.connect() as conn:
        opened = await conn.scalar(sa.select(sa.func.count()).select_from(cases).where(cases.c.customer_id == cid))
        seventh = (await conn.execute(sa.select(cases).where(cases.c.source_ref == "CMP-7"))).one()
    assert opened == 3000
    # Each case is about its own complaint: the agent's notes, the complaint's time and its timeline entry.
    assert seventh.subject == "complaint number 7"
    assert seventh.opened_at == datetime(2026, 11, 23, 1, 7, 0, tzinfo=UTC)
    async with container.engine.connect() as conn:
        entry = (await conn.execute(sa.select(interactions).where(interactions.c.id == seventh.interaction_id))).one()
    assert (entry.source_ref, entry.type) == ("CMP-7", "complaint")
