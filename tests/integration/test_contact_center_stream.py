"""The live stream over real HTTP (uvicorn in this process) on SQLite and PostgreSQL.

Writes go through a unit of work and `customers_changed`, as the feeds do; what commits reaches the stream,
what rolls back does not.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
import uvicorn

from adapters.container import Container
from adapters.db.tables import holdings, interactions, products
from adapters.db.tables_contact import cases
from adapters.db.tables_value import alerts
from tests.conftest import Person, customer_body
from tests.integration.feeds_helpers import ev, feed_key

MakePerson = Callable[..., Awaitable[Person]]
PORT = 8152


@contextlib.asynccontextmanager
async def serve(container: Container) -> AsyncIterator[str]:
    from api.app import create_app

    server = uvicorn.Server(uvicorn.Config(create_app(container=container), port=PORT, log_level="warning"))
    task = asyncio.create_task(server.serve())
    try:
        for _ in range(200):
            if server.started:
                break
            await asyncio.sleep(0.05)
        assert server.started, "uvicorn did not start"
        yield f"http://127.0.0.1:{PORT}"
    finally:
        # Let the streams end and the server's scorer finish what the test's writes queued before the server
        # stops: a pass cut short by the shutdown is not what these tests are about (test_rescore_queue is).
        for _ in range(100):
            if container.live is None or container.live.subscriber_count == 0:
                break
            await asyncio.sleep(0.05)
        if container.scorer is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(container.scorer.drain(), 30)
        server.should_exit = True
        await asyncio.wait_for(task, 20)


class EventReader:
    """Reads server-sent events (event name, parsed data) from a streaming response."""

    def __init__(self, response: httpx.Response) -> None:
        self._lines = response.aiter_lines()

    async def next(self, seconds: float = 10) -> tuple[str, Any]:
        async def read() -> tuple[str, Any]:
            name, data = "message", ""
            async for line in self._lines:
                if line == "":
                    if data:
                        return name, json.loads(data)
                    continue
                if line.startswith(":"):
                    return "comment", line
                key, _, value = line.partition(": ")
                if key == "event":
                    name = value
                elif key == "data":
                    data += value
            raise EOFError

        return await asyncio.wait_for(read(), seconds)

    async def next_event(self, seconds: float = 10) -> tuple[str, Any]:
        """The next event that is not a comment (heartbeat)."""
        while True:
            name, data = await self.next(seconds)
            if name != "comment":
                return name, data


async def _write(container: Container, customer_id: uuid.UUID, statement: Any, *, commit: bool = True) -> None:
    async with container.uow() as uow:
        await uow.connection.execute(statement)
        await container.customers_changed(uow, {customer_id})
        if commit:
            await uow.commit()
        else:
            await uow.rollback()


async def _savings_account(conn: Any, customer_id: uuid.UUID, holding_id: uuid.UUID) -> None:
    """A savings account of 1,000 CNY, account number ending 3445."""
    await conn.execute(
        sa.insert(products).values(code="SAV", name="Savings", category="savings", currency="CNY", risk_level=1)
    )
    await conn.execute(
        sa.insert(holdings).values(
            id=holding_id,
            customer_id=customer_id,
            account_number="6222020200112233445",
            product_code="SAV",
            category="savings",
            status="active",
            balance=Decimal("1000"),
            currency="CNY",
            balance_as_of=datetime.now(UTC),
        )
    )


def _interaction(customer_id: uuid.UUID, kind: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": uuid.uuid4(),
        "customer_id": customer_id,
        "channel": "card",
        "type": kind,
        "direction": "inbound",
        "occurred_at": datetime.now(UTC),
        "payload": {},
        **extra,
    }


async def test_stream_sends_committed_interactions_alerts_and_balances(
    container: Container, app_client: httpx.AsyncClient, admin: Person, make_person: MakePerson
) -> None:
    r = await app_client.post("/api/v1/customers", json=customer_body(), headers=admin.headers)
    cid = uuid.UUID(r.json()["id"])
    hid = uuid.uuid4()
    async with container.engine.begin() as conn:
        await _savings_account(conn, cid, hid)
    agent = await make_person("agent")
    hub = container.live
    assert hub is not None
    async with serve(container) as base, httpx.AsyncClient(base_url=base, timeout=30) as client:
        url = f"/api/v1/contact-center/stream?customer_id={cid}"
        async with client.stream("GET", url, headers=agent.headers) as response:
            assert response.status_code == 200
            assert response.headers["content-type"].startswith("text/event-stream")
            events = EventReader(response)
            assert await events.next_event() == ("ready", {"customer_id": str(cid)})
            assert hub.subscriber_count == 1

            # A rolled-back write is never announced; the next committed one is.
            lost = _interaction(cid, "purchase", summary="rolled back")
            await _write(container, cid, sa.insert(interactions).values(lost), commit=False)
            kept = _interaction(cid, "refund", summary="kept")
            await _write(container, cid, sa.insert(interactions).values(kept))
            name, data = await events.next_event()
            assert (name, data["id"], data["summary"]) == ("interaction", str(kept["id"]), "kept")

            await _write(
                container,
                cid,
                sa.update(holdings)
                .where(holdings.c.id == hid)
                .values(balance=Decimal("750.5"), balance_as_of=datetime.now(UTC)),
            )
            name, data = await events.next_event()
            assert name == "balance"
            assert (data["balance"], data["account_number"]) == ("750.5000", "****3445")

            await _write(
                container,
                cid,
                sa.insert(alerts).values(
                    id=uuid.uuid4(),
                    customer_id=cid,
                    kind="large_outflow",
                    cause_key="stream-test",
                    severity="high",
                    title="Large outflow",
                    status="open",
                    data={},
                    raised_at=datetime.now(UTC),
                ),
            )
            seen = []
            while not seen or seen[-1][0] != "alert":  # the value area may also re-score and raise its own
                seen.append(await events.next_event())
            assert any(d.get("title") == "Large outflow" for n, d in seen if n == "alert")

        # The agent hung up: the stream's subscription goes away.
        await _hung_up(container)


async def test_stream_heartbeats_and_refuses_the_wrong_callers(
    container: Container,
    app_client: httpx.AsyncClient,
    admin: Person,
    make_person: MakePerson,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import api.contact_center

    monkeypatch.setattr(api.contact_center, "HEARTBEAT_S", 0.3)
    rm = await make_person("rm")
    other_rm = await make_person("rm")
    r = await app_client.post("/api/v1/customers", json=customer_body(), headers=rm.headers)
    assert r.status_code == 201, r.text
    cid = r.json()["id"]
    agent = await make_person("agent")
    async with serve(container) as base, httpx.AsyncClient(base_url=base, timeout=30) as client:
        url = f"/api/v1/contact-center/stream?customer_id={cid}"
        for person in (rm, other_rm):  # RMs use their own screens, not the call center's stream
            assert (await client.get(url, headers=person.headers)).status_code == 403
        assert (await client.get(url)).status_code == 401
        assert (
            await client.get("/api/v1/contact-center/stream?customer_id=nope", headers=agent.headers)
        ).status_code == 422
        async with client.stream("GET", url, headers=agent.headers) as response:
            events = EventReader(response)
            assert (await events.next_event())[0] == "ready"
            assert await events.next(seconds=5) == ("comment", ": heartbeat")


async def test_a_complaint_on_the_feed_reaches_the_open_stream_with_its_case_then_its_alert(
    container: Container, app_client: httpx.AsyncClient, admin: Person, make_person: MakePerson
) -> None:
    """The call's complaint comes through the call-center feed: the stream shows it and the case it opens as
    soon as the feed has committed, then the complaint alert for the RM once the server's scorer has scored the
    customer (nobody drains the queue by hand here). When the RM closes the case on the 360 view, the agent's
    screen shows it closed, with what was done."""
    rm = await make_person("rm")
    r = await app_client.post(
        "/api/v1/customers", json=customer_body(relationship_manager_id=str(rm.id)), headers=admin.headers
    )
    assert r.status_code == 201, r.text
    cid, number = uuid.UUID(r.json()["id"]), r.json()["customer_number"]
    agent = await make_person("agent")
    key = await feed_key(container)
    complaint = ev(
        f"CS-{uuid.uuid4().hex[:8]}",
        "complaint",
        datetime.now(UTC).isoformat(),
        customer={"customer_number": number},
        call_id="c-2",
        notes="card swallowed by the ATM",
    )
    async with serve(container) as base, httpx.AsyncClient(base_url=base, timeout=30) as client:
        url = f"/api/v1/contact-center/stream?customer_id={cid}"
        async with client.stream("GET", url, headers=agent.headers) as response:
            events = EventReader(response)
            assert (await events.next_event())[0] == "ready"
            r = await client.post("/api/v1/feeds/call-center", headers=key, json={"events": [complaint]})
            assert r.json()["accepted"] == 1, r.text
            seen = [await events.next_event()]
            assert seen[0][0] == "interaction" and seen[0][1]["type"] == "complaint", "the complaint itself first"
            while not {"case", "alert"} <= {name for name, _ in seen}:
                seen.append(await events.next_event())
            case = next(data for name, data in seen if name == "case")
            assert (case["kind"], case["status"], case["subject"]) == ("complaint", "open", "card swallowed by the ATM")
            assert next(data for name, data in seen if name == "alert")["kind"] == "complaint"

            r = await client.post(
                f"/api/v1/cases/{case['id']}/close",
                json={"resolution": "Card returned by the branch.", "satisfaction": 5},
                headers=rm.headers,
            )
            assert r.status_code == 200, r.text
            name, data = await events.next_event()
            while name != "case":  # the scorer's pass after the close may come with nothing new first
                name, data = await events.next_event()
            assert (data["id"], data["status"], data["resolution"], data["satisfaction"]) == (
                case["id"],
                "closed",
                "Card returned by the branch.",
                5,
            )


async def test_an_alert_acknowledged_then_resolved_during_the_call_is_sent_again_with_its_status(
    container: Container, app_client: httpx.AsyncClient, admin: Person, make_person: MakePerson
) -> None:
    """An alert raised days ago is still open when the agent opens the customer; the RM acknowledges it, then
    resolves it, during the call: the agent's screen hears of each, the same alert with its new status."""
    r = await app_client.post("/api/v1/customers", json=customer_body(), headers=admin.headers)
    cid = uuid.UUID(r.json()["id"])
    alert_id = uuid.uuid4()
    async with container.engine.begin() as conn:
        await conn.execute(
            sa.insert(alerts).values(
                id=alert_id,
                customer_id=cid,
                kind="large_outflow",
                cause_key="days-ago",
                severity="high",
                title="Large outflow",
                status="open",
                data={},
                raised_at=datetime.now(UTC) - timedelta(days=3),
            )
        )
    agent = await make_person("agent")
    async with serve(container) as base, httpx.AsyncClient(base_url=base, timeout=30) as client:
        url = f"/api/v1/contact-center/stream?customer_id={cid}"
        async with client.stream("GET", url, headers=agent.headers) as response:
            events = EventReader(response)
            assert (await events.next_event())[0] == "ready"
            for action, body, status in (
                ("acknowledge", None, "acknowledged"),
                ("resolve", {"note": "Customer bought a flat; nothing to do."}, "resolved"),
            ):
                r = await client.post(f"/api/v1/alerts/{alert_id}/{action}", json=body, headers=admin.headers)
                assert r.status_code == 200, r.text
                name, data = await events.next_event()
                assert (name, data["id"], data["status"]) == ("alert", str(alert_id), status)


async def test_an_interaction_that_happened_days_ago_but_arrives_now_reaches_the_open_stream(
    container: Container, app_client: httpx.AsyncClient, admin: Person, make_person: MakePerson
) -> None:
    """A POS terminal's offline batch brings a purchase of three days ago while the agent has the customer open:
    it is news to the agent, though older than the stream's look-back window. Old history already known when the
    stream opened is not."""
    r = await app_client.post("/api/v1/customers", json=customer_body(), headers=admin.headers)
    cid, number = uuid.UUID(r.json()["id"]), r.json()["customer_number"]
    agent = await make_person("agent")
    key = await feed_key(container)
    three_days_ago = datetime.now(UTC) - timedelta(days=3)
    known = _interaction(cid, "purchase", summary="known before", occurred_at=three_days_ago - timedelta(hours=1))
    await _write(container, cid, sa.insert(interactions).values(known))
    late = ev(
        f"CS-{uuid.uuid4().hex[:8]}",
        "call_ended",
        three_days_ago.isoformat(),
        customer={"customer_number": number},
        call_id="c-late",
        disposition="resolved",
        notes="uploaded late by the recorder",
    )
    async with serve(container) as base, httpx.AsyncClient(base_url=base, timeout=30) as client:
        url = f"/api/v1/contact-center/stream?customer_id={cid}"
        async with client.stream("GET", url, headers=agent.headers) as response:
            events = EventReader(response)
            assert (await events.next_event())[0] == "ready"
            r = await client.post("/api/v1/feeds/call-center", headers=key, json={"events": [late]})
            assert r.json()["accepted"] == 1, r.text
            name, data = await events.next_event()
            assert name == "interaction", (name, data)
            assert data["summary"] != "known before"
            assert datetime.fromisoformat(data["occurred_at"]) == three_days_ago
            assert data["details"]["notes"] == "uploaded late by the recorder", data


async def test_a_customer_with_hundreds_of_interactions_today_still_gets_the_next_one(
    container: Container, app_client: httpx.AsyncClient, admin: Person, make_person: MakePerson
) -> None:
    """A busy card holder (or a small business's owner) has more of today's interactions than one read of the
    stream takes: the newest are read, so the next one still arrives."""
    r = await app_client.post("/api/v1/customers", json=customer_body(), headers=admin.headers)
    cid = uuid.UUID(r.json()["id"])
    agent = await make_person("agent")
    start = datetime.now(UTC) - timedelta(hours=12)
    busy = [_interaction(cid, "purchase", occurred_at=start + timedelta(seconds=60 * n)) for n in range(600)]
    async with container.engine.begin() as conn:
        await conn.execute(sa.insert(interactions), busy)
    async with serve(container) as base, httpx.AsyncClient(base_url=base, timeout=30) as client:
        url = f"/api/v1/contact-center/stream?customer_id={cid}"
        async with client.stream("GET", url, headers=agent.headers) as response:
            events = EventReader(response)
            assert (await events.next_event())[0] == "ready"
            latest = _interaction(cid, "refund", summary="the 601st today")
            await _write(container, cid, sa.insert(interactions).values(latest))
            name, data = await events.next_event()
            assert (name, data["summary"]) == ("interaction", "the 601st today")


async def test_a_batch_of_many_customers_wakes_their_streams_with_few_notifications(
    container: Container, dialect: str
) -> None:
    """A feed batch changes hundreds of customers: every process hears of each, in a handful of notifications."""
    from adapters.live import CHANNEL, LiveNotifier

    hub = container.live
    assert hub is not None
    changed = {uuid.uuid4() for _ in range(450)}
    watched, unrelated = max(changed), uuid.uuid4()
    heard: list[str] = []
    listener = None
    if dialect == "postgresql":
        import asyncpg
        from sqlalchemy.engine import make_url

        dsn = make_url(str(container.settings.database_url)).set(drivername="postgresql")
        listener = await asyncpg.connect(dsn.render_as_string(hide_password=False))
        await listener.add_listener(CHANNEL, lambda *args: heard.append(args[-1]))
    try:
        async with hub.subscribe(watched) as woken, hub.subscribe(unrelated) as other:
            async with container.uow() as uow:
                await LiveNotifier(hub).customers_changed(uow, frozenset(changed), datetime.now(UTC))
                await uow.commit()
            assert await woken.wait(5), "the watched customer's stream was not woken"
            assert not await other.wait(0.3), "a stream of a customer the batch did not change was woken"
        if listener is not None:
            for _ in range(50):
                if sum(len(p.split(",")) for p in heard) >= len(changed):
                    break
                await asyncio.sleep(0.05)
            assert len(heard) == 3, len(heard)  # 450 ids, 200 a notification
            assert {uuid.UUID(i) for p in heard for i in p.split(",")} == changed
    finally:
        if listener is not None:
            await listener.close()


async def test_the_stream_survives_a_dropped_listen_connection(
    container: Container, app_client: httpx.AsyncClient, admin: Person, make_person: MakePerson, dialect: str
) -> None:
    """PostgreSQL restarted, a proxy cut the idle connection: the process's LISTEN connection is gone. The open
    stream still gets what commits meanwhile (the hub re-reads for every stream when it listens again), and what
    commits afterwards arrives as before, well within a heartbeat."""
    if dialect != "postgresql":
        pytest.skip("LISTEN/NOTIFY is PostgreSQL's")
    from adapters.live import LISTENER_NAME, LiveNotifier

    hub = container.live
    assert hub is not None
    r = await app_client.post("/api/v1/customers", json=customer_body(), headers=admin.headers)
    cid = uuid.UUID(r.json()["id"])
    agent = await make_person("agent")

    async def listener_pids() -> list[int]:
        async with container.engine.connect() as conn:
            rows = await conn.execute(
                sa.text(
                    "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = :name"
                ),
                {"name": LISTENER_NAME},
            )
            return [row.pid for row in rows]

    async with serve(container) as base, httpx.AsyncClient(base_url=base, timeout=30) as client:
        url = f"/api/v1/contact-center/stream?customer_id={cid}"
        async with client.stream("GET", url, headers=agent.headers) as response:
            events = EventReader(response)
            assert (await events.next_event())[0] == "ready"
            before = await listener_pids()
            assert len(before) == 1, before
            # The write is ready to commit when the listener goes; it commits at once, before the hub can
            # listen again, so its notification reaches no listener of this process.
            during = _interaction(cid, "purchase", summary="while the listener was down")
            async with container.uow() as uow:
                await uow.connection.execute(sa.insert(interactions).values(during))
                # Only the live notifier: the scorer, told too by container.customers_changed, would commit
                # (and notify) again moments later, when the hub listens again.
                await LiveNotifier(hub).customers_changed(uow, frozenset({cid}), datetime.now(UTC))
                async with container.engine.connect() as conn:
                    await conn.execute(sa.text("SELECT pg_terminate_backend(:pid)"), {"pid": before[0]})
                await uow.commit()
            name, data = await events.next_event(seconds=8)  # the heartbeat is 15 s: this is not it
            assert (name, data["summary"]) == ("interaction", "while the listener was down")

            for _ in range(100):
                after = await listener_pids()
                if after and after != before:
                    break
                await asyncio.sleep(0.05)
            assert len(after) == 1 and after != before, (before, after)
            later = _interaction(cid, "refund", summary="after reconnecting")
            await _write(container, cid, sa.insert(interactions).values(later))
            name, data = await events.next_event(seconds=5)
            assert (name, data["summary"]) == ("interaction", "after reconnecting")


async def test_replay_sends_the_current_state_first_so_nothing_between_context_and_stream_is_missed(
    container: Container, app_client: httpx.AsyncClient, admin: Person, make_person: MakePerson
) -> None:
    """The SPA reads the context, then opens the stream: `replay` closes the gap between the two."""
    r = await app_client.post("/api/v1/customers", json=customer_body(), headers=admin.headers)
    cid = uuid.UUID(r.json()["id"])
    now = datetime.now(UTC)
    hid = uuid.uuid4()
    recent = [
        _interaction(cid, "purchase", summary=f"#{n}", occurred_at=now - timedelta(minutes=60 - n)) for n in range(12)
    ]
    async with container.engine.begin() as conn:
        await _savings_account(conn, cid, hid)
        await conn.execute(
            sa.insert(interactions),
            [*recent, _interaction(cid, "purchase", summary="two days ago", occurred_at=now - timedelta(days=2))],
        )
        for status, title in (("open", "Still open"), ("resolved", "Dealt with")):
            await conn.execute(
                sa.insert(alerts).values(
                    id=uuid.uuid4(),
                    customer_id=cid,
                    kind="large_outflow",
                    cause_key=title,
                    severity="high",
                    title=title,
                    status=status,
                    data={},
                    raised_at=now - timedelta(minutes=5),
                )
            )
        open_case = uuid.uuid4()
        for case_id, status, opened in ((open_case, "open", 3), (uuid.uuid4(), "closed", 40)):
            await conn.execute(
                sa.insert(cases).values(
                    id=case_id,
                    customer_id=cid,
                    kind="complaint",
                    status=status,
                    subject=f"{status} complaint",
                    channel="call_center",
                    opened_at=now - timedelta(days=opened),
                    sla_due_at=now - timedelta(days=opened - 2),
                    closed_at=now - timedelta(days=opened - 1) if status == "closed" else None,
                )
            )
    agent = await make_person("agent")
    async with serve(container) as base, httpx.AsyncClient(base_url=base, timeout=30) as client:
        url = f"/api/v1/contact-center/stream?customer_id={cid}&replay=true"
        async with client.stream("GET", url, headers=agent.headers) as response:
            assert response.status_code == 200
            events = EventReader(response)
            assert (await events.next_event())[0] == "ready"
            replayed = [await events.next_event() for _ in range(13)]
            assert [(n, d.get("summary")) for n, d in replayed[:10]] == [
                ("interaction", f"#{n}") for n in range(2, 12)
            ], "the 10 latest of the last 24 hours, oldest first"
            assert [(n, d["title"], d["data"]) for n, d in replayed[10:11]] == [("alert", "Still open", {})]
            name, case = replayed[11]
            assert (name, case["id"], case["status"], case["overdue"]) == ("case", str(open_case), "open", True)
            assert replayed[12][0] == "balance"
            assert (replayed[12][1]["id"], replayed[12][1]["balance"]) == (str(hid), "1000.0000")
            assert replayed[12][1]["account_number"] == "****3445", "masked for the agent, as in the context"

            # Then live, as without replay: only what is new.
            kept = _interaction(cid, "refund", summary="after the replay")
            await _write(container, cid, sa.insert(interactions).values(kept))
            name, data = await events.next_event()
            assert (name, data["summary"]) == ("interaction", "after the replay")
        await _hung_up(container)


async def _hung_up(container: Container) -> None:
    """The stream's subscription goes once the client hangs up (and the stream's reads with it)."""
    hub = container.live
    assert hub is not None
    for _ in range(100):
        if hub.subscriber_count == 0:
            return
        await asyncio.sleep(0.05)
    raise AssertionError("the stream's subscription outlived its client")
