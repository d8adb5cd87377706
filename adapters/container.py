"""The composition root: builds the engine, units of work and services from settings."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.engine import make_engine
from adapters.db.uow import SqlUnitOfWork
from adapters.live import ComplaintCaseObserver, LiveHub, LiveNotifier
from adapters.settings import Settings
from domain.ports import ActivityObserver, UnitOfWork


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


@dataclass
class Container:
    settings: Settings
    engine: AsyncEngine
    clock: SystemClock
    # Registered by each area at build time (scoring, segments, alerts, live stream).
    activity_observers: list[ActivityObserver] = field(default_factory=list)
    # Fans customer events out to this process's call-center streams (adapters/live.py).
    live: LiveHub | None = None

    def uow(self, *, readonly: bool = False) -> SqlUnitOfWork:
        return SqlUnitOfWork(self.engine, readonly=readonly)

    async def customers_changed(self, uow: UnitOfWork, customer_ids: set[uuid.UUID]) -> None:
        """Tell every observer, inside the caller's transaction, that these customers had new events."""
        if not customer_ids:
            return
        ids = frozenset(customer_ids)
        now = self.clock.now()
        for observer in self.activity_observers:
            await observer.customers_changed(uow, ids, now)

    async def dispose(self) -> None:
        if self.live is not None:
            await self.live.close()
        await self.engine.dispose()


def build_container(settings: Settings) -> Container:
    engine = make_engine(settings.database_url, pool_size=settings.database_pool_size, echo=settings.database_echo)
    container = Container(settings=settings, engine=engine, clock=SystemClock())
    _register_value_observer(container)
    # Contact center: complaints open cases; every change is announced to live streams on commit.
    container.live = LiveHub(engine, settings.database_url)
    container.activity_observers += [ComplaintCaseObserver(), LiveNotifier(container.live)]
    return container


def _register_value_observer(container: Container) -> None:
    """Scores, tiers, alerts and rule segments move with every event (issue 2); registered first so the
    observers after it (cases, live streams) see the new scores and alerts."""
    from adapters.db.scoring import SqlValueStore, value_rules
    from domain.services.value import ValueActivityObserver

    rules = value_rules(container.settings)

    def stores(uow: UnitOfWork) -> SqlValueStore:
        if not isinstance(uow, SqlUnitOfWork):
            raise TypeError("value scoring needs the SQL unit of work")
        return SqlValueStore(uow.connection, rules)

    container.activity_observers.append(ValueActivityObserver(stores))
