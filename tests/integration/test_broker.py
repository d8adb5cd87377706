"""The broker path against the real RabbitMQ at 127.0.0.1:5672: same adapters, ack after commit, poison to the DLQ."""

from __future__ import annotations

import asyncio
import json
import os
import uuid
from collections.abc import AsyncIterator
from decimal import Decimal

import aio_pika
import pytest
import sqlalchemy as sa

from adapters.broker import consume, dead_letter_names, declare
from adapters.container import Container
from adapters.db.tables_feeds import feed_quarantine
from adapters.db.tables_value import alerts, customer_scores, rescore_queue
from tests.conftest import ROOT
from tests.integration.feeds_helpers import ACCOUNT, balance, ev, seed_bank, timeline_count

BROKER = os.environ.get("CRM_TEST_BROKER_URL", "amqp://guest:guest@127.0.0.1:5672/")


@pytest.fixture
async def queue_name() -> AsyncIterator[str]:
    try:
        connection = await aio_pika.connect(BROKER)
    except Exception:  # noqa: BLE001
        pytest.skip(f"no RabbitMQ at {BROKER}")
    name = f"crm_test_{uuid.uuid4().hex[:10]}"
    yield name
    channel = await connection.channel()
    for q in (name, *dead_letter_names(name)[1:]):
        await channel.queue_delete(q)
    await channel.exchange_delete(dead_letter_names(name)[0])
    await connection.close()


async def _publish(name: str, *bodies: bytes) -> None:
    connection = await aio_pika.connect(BROKER)
    async with connection:
        channel = await connection.channel()
        await declare(channel, name)
        for body in bodies:
            await channel.default_exchange.publish(aio_pika.Message(body, delivery_mode=2), routing_key=name)


async def _drain(name: str) -> list[bytes]:
    connection = await aio_pika.connect(BROKER)
    found = []
    async with connection:
        channel = await connection.channel()
        q = await channel.get_queue(name)
        while (message := await q.get(fail=False)) is not None:
            found.append(message.body)
            await message.ack()
    return found


async def test_the_consumer_applies_batches_and_dead_letters_poison(container: Container, queue_name: str) -> None:
    cid = await seed_bank(container)
    good = {
        "channel": "teller",
        "events": [
            ev("B-1", "deposit", account_number=ACCOUNT, amount="100.00", currency="CNY"),
            ev("B-2", "deposit", account_number=ACCOUNT, amount=5, currency="CNY"),  # refused: quarantined
        ],
    }
    calls = {"channel": "call-center", "events": [ev("B-3", "complaint", notes="queue too long")]}
    poison = [
        b"{not json",
        json.dumps({"channel": "fax", "events": [ev("B-4", "inquiry")]}).encode(),
        json.dumps({"channel": "teller", "events": []}).encode(),
    ]
    await _publish(
        queue_name,
        json.dumps(good).encode(),
        poison[0],
        json.dumps(calls).encode(),
        *poison[1:],
        json.dumps(good).encode(),
    )  # the same batch again: duplicates, nothing changes

    report = await consume(container, BROKER, queue_name, idle_timeout=1.5)
    assert report.messages == 6
    assert (report.accepted, report.duplicates, report.rejected) == (2, 1, 2)
    assert report.dead_lettered == 3
    assert await balance(container, ACCOUNT) == Decimal("1100.00")
    assert await timeline_count(container, cid) == 2
    async with container.engine.connect() as conn:
        quarantined = (await conn.execute(sa.select(feed_quarantine))).all()
    assert [q.source_ref for q in quarantined] == ["B-2"] and quarantined[0].attempts == 2

    assert sorted(await _drain(dead_letter_names(queue_name)[1])) == sorted(poison)
    assert await _drain(queue_name) == [], "every message was acknowledged or dead-lettered"


async def test_a_message_that_crashes_is_retried_once_then_dead_lettered(queue_name: str, tmp_path: object) -> None:
    from adapters.container import build_container
    from adapters.settings import Settings

    # a database that cannot be opened: every attempt to store the batch fails
    broken = build_container(
        Settings(database_url="sqlite+aiosqlite:////nonexistent-dir/crm.db", environment="test", serve_frontend=False)
    )
    body = json.dumps({"channel": "teller", "events": [ev("X-1", "inquiry")]}).encode()
    await _publish(queue_name, body)
    try:
        report = await consume(broken, BROKER, queue_name, idle_timeout=1.5)
    finally:
        await broken.dispose()
    assert (report.retried, report.dead_lettered) == (1, 1)
    assert await _drain(dead_letter_names(queue_name)[1]) == [body]


async def test_crm_consume_scores_what_it_consumed(container: Container, queue_name: str) -> None:
    """The at-scale path as an operator runs it: `crm consume` applies the feeds and its own scorer scores the
    customers they touched (a bounded run leaves nothing queued), so the complaint's alert is there."""
    cid = await seed_bank(container)
    batch = {
        "channel": "call-center",
        "events": [ev("BC-1", "complaint", notes="card blocked abroad", call_id="c-9"), ev("BC-2", "call_started")],
    }
    batch["events"][1]["call_id"] = "c-10"
    await _publish(queue_name, json.dumps(batch).encode())
    env = {
        **os.environ,
        "CRM_DATABASE_URL": container.settings.database_url,
        "CRM_CARD_TOKEN_KEY": container.settings.card_token_key,
        "CRM_ENVIRONMENT": "test",
    }
    done = await asyncio.create_subprocess_exec(
        str(ROOT / ".venv/bin/crm"), "consume", "--broker", BROKER, "--queue", queue_name, "--idle-timeout", "1.5",
        env=env, cwd=ROOT, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    out, err = await asyncio.wait_for(done.communicate(), 120)
    assert done.returncode == 0, err.decode()
    assert "2 events: 2 accepted" in out.decode(), out.decode()
    async with container.engine.connect() as conn:
        assert await conn.scalar(sa.select(sa.func.count()).select_from(rescore_queue)) == 0
        scored = await conn.scalar(sa.select(customer_scores.c.scored_at).where(customer_scores.c.customer_id == cid))
        kinds = (await conn.execute(sa.select(alerts.c.kind).where(alerts.c.customer_id == cid))).scalars().all()
    assert scored is not None
    assert kinds == ["complaint"]
