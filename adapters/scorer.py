"""Scoring after the feed commits: the rescore queue and the scorer that drains it.

A feed's transaction records which customers it changed (`RescoreQueue`, an ActivityObserver: one INSERT)
and commits; the events are in the timeline once the feed answers (the contract's promise). The scorer then
takes everything queued, scores those customers set-based (scores, tiers, alerts, rule segments: the value
observer) and deletes what it took, all in one transaction, and announces them to live streams on commit.
If scoring fails, the transaction rolls back and the customers stay queued for the next pass: nothing queued
is lost, and a customer queued by a hundred batches in the meantime is scored once.

One scorer runs in every server process (started by the app's lifespan) and in `crm consume`; on PostgreSQL a
transaction-level advisory lock lets one pass run at a time across all processes, so passes never wait on
each other's row locks. Idle, a scorer looks at the queue every `interval` seconds with one read; a feed
committed in the same process wakes it at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.db.tables_value import rescore_queue, scoring_pace
from adapters.db.uow import SqlUnitOfWork
from domain.interactions import Interaction
from domain.ports import ActivityObserver, UnitOfWork

log = logging.getLogger("bank_crm.scorer")

_LOCK_KEY = 7_420_502  # pg advisory lock id for "a scoring pass is running"
# How long stop() waits for the loop to end after cancelling it, before cancelling again.
STOP_PATIENCE_S = 5.0


def _connection(uow: UnitOfWork) -> AsyncConnection:
    if not isinstance(uow, SqlUnitOfWork):
        raise TypeError("the rescore queue needs the SQL unit of work")
    return uow.connection


def _due(next_pass_at: datetime | None) -> bool:
    return next_pass_at is None or next_pass_at <= datetime.now(UTC)


async def _set_next_pass(conn: AsyncConnection, at: datetime) -> None:
    """The one row saying when the next paced pass may start (all processes read it)."""
    updated = await conn.execute(sa.update(scoring_pace).where(scoring_pace.c.id == 1).values(next_pass_at=at))
    if not updated.rowcount:
        # The first pass ever: only the pass holding the scoring lock (or SQLite's one writer) gets here.
        await conn.execute(sa.insert(scoring_pace).values(id=1, next_pass_at=at))


class RescoreQueue:
    """ActivityObserver: queue the changed customers for the scorer, in the writer's transaction."""

    async def customers_changed(
        self,
        uow: UnitOfWork,
        customer_ids: frozenset[uuid.UUID],
        at: datetime,
        interactions: Sequence[Interaction] | None = None,
    ) -> None:
        conn = _connection(uow)
        ids = sorted(customer_ids)
        if conn.dialect.name == "postgresql":
            await conn.execute(
                sa.text(
                    "INSERT INTO rescore_queue (customer_id, queued_at)"
                    " SELECT c, :at FROM unnest(CAST(:ids AS uuid[])) AS c"
                ),
                {"ids": ids, "at": at},
            )
        else:
            await conn.execute(sa.insert(rescore_queue), [{"customer_id": i, "queued_at": at} for i in ids])


@dataclass
class ScorerStats:
    """What this process's scorer did since it started (for /metrics)."""

    passes: int = 0
    entries: int = 0  # queue entries taken
    customers: int = 0  # distinct customers scored (a customer queued by several feeds counts once a pass)
    seconds: float = 0.0
    failures: int = 0


class Scorer:
    """Drains the rescore queue: each pass scores what is queued, in one transaction, then deletes it."""

    def __init__(
        self,
        uow: Callable[..., SqlUnitOfWork],
        now: Callable[[], datetime],
        observers: list[ActivityObserver],
        *,
        chunk: int = 20_000,
        interval: float = 0.25,
        min_gap: float = 2.0,
    ) -> None:
        self._uow = uow
        self._now = now
        self._observers = observers  # the value observer, then the live notifier
        self._chunk = chunk
        self._interval = interval
        self._min_gap = min_gap
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._lock = asyncio.Lock()  # one pass at a time in this process (the loop, and drain() in tests/CLI)
        self.stats = ScorerStats()
        self._stopping = False

    @property
    def chunk(self) -> int:
        return self._chunk

    def kick(self) -> None:
        """Something was queued in this process and committed: look now rather than at the next tick."""
        self._wake.set()

    async def pending(self) -> int:
        async with self._uow(readonly=True) as uow:
            return int(await uow.connection.scalar(sa.select(sa.func.count()).select_from(rescore_queue)) or 0)

    async def run_once(self, *, paced: bool = False) -> int:
        """One pass: score up to `chunk` queued entries. Returns how many entries it took (0: nothing to do,
        another process's pass is running, or, when `paced`, the next pass is not due yet)."""
        async with self._lock:
            async with self._uow(readonly=True) as uow:
                due = await uow.connection.execute(
                    sa.select(
                        sa.exists().where(rescore_queue.c.id.isnot(None)),
                        sa.select(scoring_pace.c.next_pass_at).where(scoring_pace.c.id == 1).scalar_subquery(),
                    )
                )
                queued, next_pass_at = due.one()
            if not queued or (paced and not _due(next_pass_at)):
                return 0
            started = time.perf_counter()
            async with self._uow() as uow:
                conn = uow.connection
                if conn.dialect.name == "postgresql":
                    got = await conn.scalar(sa.select(sa.func.pg_try_advisory_xact_lock(_LOCK_KEY)))
                    if not got:
                        return 0
                    if paced:  # another process's pass may have committed since the look above
                        again = await conn.scalar(sa.select(scoring_pace.c.next_pass_at).where(scoring_pace.c.id == 1))
                        if not _due(again):
                            return 0
                taken = sa.select(rescore_queue.c.id).order_by(rescore_queue.c.id).limit(self._chunk).scalar_subquery()
                rows = (
                    await conn.execute(
                        sa.delete(rescore_queue)
                        .where(rescore_queue.c.id.in_(taken))
                        .returning(rescore_queue.c.customer_id)
                    )
                ).all()
                ids = frozenset(r[0] for r in rows)
                if ids:
                    at = self._now()
                    for observer in self._observers:
                        await observer.customers_changed(uow, ids, at)
                    # Every process's scorer waits for this: rest until `min_gap` after this pass's start, and at
                    # least as long as the pass took (scoring takes at most about half the time, all processes
                    # together, whatever the feed rate).
                    spent = time.perf_counter() - started
                    await _set_next_pass(conn, datetime.now(UTC) + timedelta(seconds=max(self._min_gap - spent, spent)))
                await uow.commit()
            self.stats.passes += 1
            self.stats.entries += len(rows)
            self.stats.customers += len(ids)
            self.stats.seconds += time.perf_counter() - started
            return len(rows)

    async def drain(self) -> int:
        """Score until the queue is empty (tests, the CLI, shutting down). Returns the entries taken."""
        total = 0
        while n := await self.run_once():
            total += n
        return total

    # --- the background loop ---

    def start(self) -> None:
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._loop(), name="crm-scorer")

    async def stop(self) -> None:
        """Stop the loop. A pass cut short rolls back: its customers stay queued for the next start."""
        task, self._task = self._task, None
        if task is None:
            return
        self._stopping = True
        try:
            # A cancellation that lands while a pass cleans up may come out as that cleanup's error, which
            # the loop survives; it then sees `_stopping` and ends. Cancel until it has, giving a pass cut short
            # the time to roll back before cancelling again (a cancelled rollback could leave its transaction open).
            while not task.done():
                task.cancel()
                await asyncio.wait({task}, timeout=STOP_PATIENCE_S)
            with contextlib.suppress(asyncio.CancelledError, Exception):
                task.result()
        finally:
            self._stopping = False

    async def _loop(self) -> None:
        # Paced: while feeds keep coming, a pass (in whichever process) is followed by a rest (see run_once), and
        # what arrives meanwhile is scored by the next pass together, so a customer busy on every channel is
        # scored once per pass rather than once per batch, and scores trail the feeds by about two passes. The
        # first feed after a quiet spell is scored at once (the loop wakes on it).
        while not self._stopping:
            try:
                await self.run_once(paced=True)
            except asyncio.CancelledError:
                raise
            except Exception:
                if self._stopping:
                    return  # cut short by stop(): rolled back, still queued
                # The pass rolled back; its customers are still queued. Try again after a pause.
                log.exception("a scoring pass failed; its customers stay queued")
                self.stats.failures += 1
                await asyncio.sleep(self._interval * 4)
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self._interval)
