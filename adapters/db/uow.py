"""The unit of work: one connection, one transaction, committed only when asked."""

from __future__ import annotations

from types import TracebackType

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.db.accounts import SqlDirectory
from adapters.db.customers import SqlCustomerRepository
from adapters.db.engine import writer
from adapters.db.holdings import SqlHoldingRepository
from adapters.db.interactions import SqlInteractionRepository
from adapters.db.products import SqlProductRepository


class SqlUnitOfWork:
    customers: SqlCustomerRepository
    products: SqlProductRepository
    holdings: SqlHoldingRepository
    interactions: SqlInteractionRepository
    directory: SqlDirectory

    def __init__(self, engine: AsyncEngine, *, readonly: bool = False) -> None:
        self._engine = engine if readonly else writer(engine)
        self._conn: AsyncConnection | None = None

    @property
    def connection(self) -> AsyncConnection:
        if self._conn is None:
            raise RuntimeError("unit of work used outside 'async with'")
        return self._conn

    async def __aenter__(self) -> SqlUnitOfWork:
        self._conn = await self._engine.connect()
        await self._conn.begin()
        self.customers = SqlCustomerRepository(self._conn)
        self.products = SqlProductRepository(self._conn)
        self.holdings = SqlHoldingRepository(self._conn)
        self.interactions = SqlInteractionRepository(self._conn)
        self.directory = SqlDirectory(self._conn)
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        conn = self._conn
        self._conn = None
        if conn is None:
            return
        try:
            if conn.in_transaction():
                await conn.rollback()
        finally:
            await conn.close()

    async def commit(self) -> None:
        await self.connection.commit()

    async def rollback(self) -> None:
        await self.connection.rollback()
