"""The composition root: builds the engine, units of work and services from settings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.engine import make_engine
from adapters.db.uow import SqlUnitOfWork
from adapters.settings import Settings


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


@dataclass
class Container:
    settings: Settings
    engine: AsyncEngine
    clock: SystemClock

    def uow(self, *, readonly: bool = False) -> SqlUnitOfWork:
        return SqlUnitOfWork(self.engine, readonly=readonly)

    async def dispose(self) -> None:
        await self.engine.dispose()


def build_container(settings: Settings) -> Container:
    engine = make_engine(settings.database_url, pool_size=settings.database_pool_size, echo=settings.database_echo)
    return Container(settings=settings, engine=engine, clock=SystemClock())
