"""The composition root: builds the engine, units of work and services from settings."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.audit import AuditGroupWriter
from adapters.db.engine import make_engine, make_hot_read_engine
from adapters.db.uow import SqlUnitOfWork
from adapters.live import ComplaintCaseObserver, LiveHub, LiveNotifier
from adapters.scorer import RescoreQueue, Scorer
from adapters.settings import Settings
from domain.calendar import bank_day, set_bank_zone
from domain.interactions import Interaction
from domain.ports import ActivityObserver, UnitOfWork


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


@dataclass
class Container:
    settings: Settings
    engine: AsyncEngine
    clock: SystemClock
    # Registered by each area at build time (rescore queue, complaint cases, live stream): they run inside the
    # writer's transaction.
    activity_observers: list[ActivityObserver] = field(default_factory=list)
    # Fans customer events out to this process's call-center streams (adapters/live.py).
    live: LiveHub | None = None
    # Scores, tiers, alerts and rule segments of the queued customers, after the writer commits.
    scorer: Scorer | None = None
    # The pool of the hot read routes (the call-center context) on PostgreSQL: same database, connections that
    # reuse generic plans (adapters/db/engine.py). None: they use `engine`.
    hot_read_engine: AsyncEngine | None = None
    # Group commit of the hot read routes' audit entries on PostgreSQL (adapters/db/audit.py). None: each route
    # commits its own entry.
    audit_writer: AuditGroupWriter | None = None

    def today(self) -> date:
        """The bank's business day now (domain/calendar.py)."""
        return bank_day(self.clock.now())

    @property
    def hot_engine(self) -> AsyncEngine:
        return self.hot_read_engine if self.hot_read_engine is not None else self.engine

    def uow(self, *, readonly: bool = False) -> SqlUnitOfWork:
        return SqlUnitOfWork(self.engine, readonly=readonly)

    async def customers_changed(
        self, uow: UnitOfWork, customer_ids: set[uuid.UUID], interactions: Sequence[Interaction] | None = None
    ) -> None:
        """Tell every observer, inside the caller's transaction, that these customers had new events.

        `interactions`: all the timeline entries the caller added for them, when it knows (a feed batch).
        """
        if not customer_ids:
            return
        ids = frozenset(customer_ids)
        now = self.clock.now()
        for observer in self.activity_observers:
            await observer.customers_changed(uow, ids, now, interactions)

    def scoring_due(self) -> None:
        """A writer in this process committed queued customers: wake this process's scorer."""
        if self.scorer is not None:
            self.scorer.kick()

    async def dispose(self) -> None:
        if self.scorer is not None:
            await self.scorer.stop()
        if self.live is not None:
            await self.live.close()
        if self.hot_read_engine is not None:
            await self.hot_read_engine.dispose()
        await self.engine.dispose()


def build_container(settings: Settings) -> Container:
    engine = make_engine(settings.database_url, pool_size=settings.database_pool_size, echo=settings.database_echo)
    set_bank_zone(settings.bank_timezone)  # dates are the bank's local dates (domain/calendar.py)
    container = Container(settings=settings, engine=engine, clock=SystemClock())
    container.hot_read_engine = make_hot_read_engine(
        settings.database_url,
        pool_size=settings.database_pool_size,
        echo=settings.database_echo,
        timeout_ms=settings.database_hot_read_timeout_ms,
    )
    if engine.dialect.name == "postgresql":
        container.audit_writer = AuditGroupWriter(engine)
    # Contact center: complaints open cases; every change is announced to live streams on commit.
    container.live = LiveHub(engine, settings.database_url)
    notifier = LiveNotifier(container.live)
    container.activity_observers += [RescoreQueue(), ComplaintCaseObserver(), notifier]
    # Value (issue 2): the queued customers are scored after the commit, and what the scorer raises (alerts,
    # tier changes) is announced to live streams when its own transaction commits.
    container.scorer = Scorer(
        container.uow,
        lambda: container.clock.now(),
        [value_observer(container), notifier],
        min_gap=settings.scoring_min_gap_s,
    )
    return container


def value_observer(container: Container) -> ActivityObserver:
    """Scores, tiers, alerts and rule segments of the given customers, set-based, in the caller's transaction."""
    from adapters.db.scoring import SqlValueStore, value_rules
    from domain.services.value import ValueActivityObserver

    rules = value_rules(container.settings)

    def stores(uow: UnitOfWork) -> SqlValueStore:
        if not isinstance(uow, SqlUnitOfWork):
            raise TypeError("value scoring needs the SQL unit of work")
        return SqlValueStore(uow.connection, rules)

    return ValueActivityObserver(stores)
