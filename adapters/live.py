"""The live event hub behind the call-center stream.

PostgreSQL: a writer's transaction runs `pg_notify('crm_customer_events', '<id>,<id>,...')` (LiveNotifier,
an ActivityObserver; up to NOTIFY_IDS customer ids a notification, so a feed batch of a thousand customers sends
a handful, not a thousand), so the notification is delivered only when, and only if, it commits. Each server
process holds one dedicated asyncpg connection that LISTENs and fans the notifications out to its own
stream subscribers; several processes therefore all hear about a write made in any one of them.

SQLite (one process): the observer notes the customer on the writer's connection, and the hub is told once
the transaction has committed and the connection goes back to the pool.

Notifications carry only the customer id: each subscriber reads what is new itself, so nothing is lost when
notifications are coalesced, and a periodic re-check (the heartbeat) covers a dropped LISTEN connection.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import AsyncIterator, Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.cases import SqlCaseRepository
from domain.interactions import Interaction
from domain.ports import UnitOfWork
from domain.services.contact_center import open_cases_for_complaints, open_complaint_cases

log = logging.getLogger("bank_crm.live")

CHANNEL = "crm_customer_events"
LISTENER_NAME = "crm-live-listen"
# Customer ids per notification: 37 characters each with its comma, under PostgreSQL's 8,000-byte payload limit.
NOTIFY_IDS = 200
_PENDING = "crm_live_pending"  # customers noted in the open transaction (SQLite)
_COMMITTED = "crm_live_committed"  # customers whose transaction committed, told on check-in (SQLite)


class Subscription:
    """One stream's interest in one customer: woken when that customer has news."""

    def __init__(self, customer_id: uuid.UUID) -> None:
        self.customer_id = customer_id
        self._event = asyncio.Event()

    def wake(self) -> None:
        self._event.set()

    async def wait(self, seconds: float) -> bool:
        """True when woken by news, False when `seconds` passed first."""
        try:
            await asyncio.wait_for(self._event.wait(), seconds)
        except TimeoutError:
            return False
        self._event.clear()
        return True


class LiveHub:
    """Fans customer notifications out to this process's stream subscribers."""

    def __init__(self, engine: AsyncEngine, database_url: str) -> None:
        self._engine = engine
        self._postgres = engine.dialect.name == "postgresql"
        self._dsn = (
            make_url(database_url).set(drivername="postgresql").render_as_string(hide_password=False)
            if self._postgres
            else ""
        )
        self._subscribers: dict[uuid.UUID, set[Subscription]] = {}
        self._listener: asyncio.Task[None] | None = None
        self._listening: asyncio.Event | None = None
        self._closed = False
        if not self._postgres:
            _install_commit_hooks(engine, self)

    # --- subscribers ---

    @contextlib.asynccontextmanager
    async def subscribe(self, customer_id: uuid.UUID) -> AsyncIterator[Subscription]:
        """Register for a customer's news; on PostgreSQL wait until this process is LISTENing."""
        sub = Subscription(customer_id)
        self._subscribers.setdefault(customer_id, set()).add(sub)
        try:
            if self._postgres:
                await self._ensure_listening()
            yield sub
        finally:
            subs = self._subscribers.get(customer_id)
            if subs is not None:
                subs.discard(sub)
                if not subs:
                    del self._subscribers[customer_id]

    @property
    def subscriber_count(self) -> int:
        return sum(len(s) for s in self._subscribers.values())

    def notify_local(self, customer_id: uuid.UUID) -> None:
        for sub in self._subscribers.get(customer_id, ()):
            sub.wake()

    def _wake_all(self) -> None:
        for subs in self._subscribers.values():
            for sub in subs:
                sub.wake()

    async def publish(self, customer_id: uuid.UUID, kind: str, payload: dict[str, object]) -> None:
        """LiveEventPublisher: tell every process's subscribers now (outside any writer's transaction)."""
        if self._postgres:
            async with self._engine.begin() as conn:
                await conn.execute(sa.select(sa.func.pg_notify(CHANNEL, str(customer_id))))
        else:
            self.notify_local(customer_id)

    # --- PostgreSQL LISTEN ---

    async def ready(self) -> None:
        """Make sure this process listens (PostgreSQL); TimeoutError when the database cannot be reached."""
        if self._postgres:
            await self._ensure_listening()

    async def _ensure_listening(self) -> None:
        if self._listener is None or self._listener.done():
            self._listening = asyncio.Event()
            self._listener = asyncio.create_task(self._listen_forever(), name="crm-live-listen")
        assert self._listening is not None
        await asyncio.wait_for(self._listening.wait(), 10)

    def _on_notification(self, _conn: Any, _pid: int, _channel: str, payload: str) -> None:
        if not self._subscribers:
            return  # nobody in this process has a stream open
        for text in payload.split(","):
            try:
                customer_id = uuid.UUID(text)
            except ValueError:
                continue
            self.notify_local(customer_id)

    async def _listen_forever(self) -> None:
        import asyncpg

        backoff = 0.5
        while not self._closed:
            conn = None
            try:
                # Named, so that an operator (and a test) can tell it apart in pg_stat_activity.
                conn = await asyncpg.connect(self._dsn, server_settings={"application_name": LISTENER_NAME})
                lost = asyncio.Event()
                conn.add_termination_listener(lambda _c, lost=lost: lost.set())
                await conn.add_listener(CHANNEL, self._on_notification)
                assert self._listening is not None
                self._listening.set()
                self._wake_all()  # anything missed while (re)connecting is read now
                backoff = 0.5
                while not lost.is_set():
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(lost.wait(), 30)
                    if not lost.is_set():
                        await conn.fetchval("SELECT 1")  # a dead socket shows up here
            except asyncio.CancelledError:
                raise
            except Exception:
                log.warning("live LISTEN connection lost; reconnecting in %.1f s", backoff, exc_info=True)
                if self._listening is not None:
                    self._listening.clear()
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 10)
            finally:
                if conn is not None and not conn.is_closed():
                    with contextlib.suppress(Exception):
                        await conn.close(timeout=2)

    async def close(self) -> None:
        self._closed = True
        if self._listener is not None:
            self._listener.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._listener
            self._listener = None


def _install_commit_hooks(engine: AsyncEngine, hub: LiveHub) -> None:
    """SQLite: tell the hub about noted customers only after their transaction committed."""

    @event.listens_for(engine.sync_engine, "commit")
    def _on_commit(conn: Any) -> None:
        pending = conn.info.pop(_PENDING, None)
        if pending:
            conn.info.setdefault(_COMMITTED, set()).update(pending)

    @event.listens_for(engine.sync_engine, "rollback")
    def _on_rollback(conn: Any) -> None:
        conn.info.pop(_PENDING, None)

    @event.listens_for(engine.sync_engine, "checkin")
    def _on_checkin(_dbapi_conn: Any, record: Any) -> None:
        committed = record.info.pop(_COMMITTED, None) if record is not None else None
        for customer_id in committed or ():
            hub.notify_local(customer_id)


def _payloads(customer_ids: frozenset[uuid.UUID]) -> list[str]:
    ids = sorted(str(i) for i in customer_ids)
    return [",".join(ids[i : i + NOTIFY_IDS]) for i in range(0, len(ids), NOTIFY_IDS)]


class LiveNotifier:
    """ActivityObserver: announce changed customers to live streams when the writer's transaction commits."""

    def __init__(self, hub: LiveHub) -> None:
        self._hub = hub

    async def customers_changed(
        self,
        uow: UnitOfWork,
        customer_ids: frozenset[uuid.UUID],
        at: datetime,
        interactions: Sequence[Interaction] | None = None,
    ) -> None:
        conn = uow.connection  # type: ignore[attr-defined]
        if conn.dialect.name == "postgresql":
            # Delivered by PostgreSQL on commit, to every listening process; never on rollback.
            await conn.execute(
                sa.text("SELECT pg_notify(:channel, c) FROM unnest(CAST(:payloads AS text[])) AS c"),
                {"channel": CHANNEL, "payloads": _payloads(customer_ids)},
            )
        else:
            conn.info.setdefault(_PENDING, set()).update(customer_ids)


class ComplaintCaseObserver:
    """ActivityObserver: a new call-center complaint opens a case (once, however often it is told).

    A feed batch tells which timeline entries it added: cases come from those, with no read. Other writers
    (edits, merges) do not: then the customers' complaints without a case are looked up.
    """

    async def customers_changed(
        self,
        uow: UnitOfWork,
        customer_ids: frozenset[uuid.UUID],
        at: datetime,
        interactions: Sequence[Interaction] | None = None,
    ) -> None:
        repository = SqlCaseRepository(uow.connection)  # type: ignore[attr-defined]
        if interactions is None:
            await open_complaint_cases(repository, customer_ids)
        else:
            await open_cases_for_complaints(repository, interactions)
