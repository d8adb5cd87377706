"""Engines for SQLite (embedded default) and PostgreSQL (production), chosen from the URL in one place."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, exc
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine
from sqlalchemy.pool import ConnectionPoolEntry

SQLITE_BUSY_TIMEOUT_MS = 30_000
# PostgreSQL connections older than this are replaced at checkout (firewalls and proxies drop idle ones).
POOL_RECYCLE_S = 1800


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def make_engine(
    url: str,
    *,
    pool_size: int = 10,
    echo: bool = False,
    server_settings: dict[str, str] | None = None,
    max_overflow: int | None = None,
) -> AsyncEngine:
    """Build the async engine. Never called at import time: the composition root owns it."""
    if is_sqlite(url):
        engine = create_async_engine(url, echo=echo, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        _configure_sqlite(engine)
        return engine
    # No pool_pre_ping: on asyncpg it costs three round trips per checkout (BEGIN; ";"; ROLLBACK), which was a
    # fifth of a call-center context read. A connection the server closed (a restart, a killed backend) is
    # noticed by asyncpg's event loop and replaced at checkout below at no cost; a statement that still meets a
    # broken connection invalidates the whole pool (SQLAlchemy's disconnect handling), so only that one request
    # fails; and pool_recycle replaces connections before idle-dropping middleboxes do.
    overflow = pool_size if max_overflow is None else max_overflow
    kwargs: dict[str, Any] = {"pool_size": pool_size, "max_overflow": overflow, "pool_recycle": POOL_RECYCLE_S}
    if server_settings:
        kwargs["connect_args"] = {"server_settings": server_settings}
    engine = create_async_engine(url, echo=echo, **kwargs)
    _replace_closed_on_checkout(engine)
    return engine


# The hot read (the call-center context: the API key, the caller with their whole snapshot, the audit entry) runs
# the same few prepared statements thousands of times a second, each an indexed lookup of one customer whose best
# plan does not depend on the values. Left to itself PostgreSQL plans the context statement afresh on every
# execution (its generic plan's estimate, made without the values, looks worse than a custom plan's), and that
# planning was three quarters of the database's CPU per request (bench/context/README.md). Connections of the hot
# read pool therefore always reuse the generic plan; the general pool keeps PostgreSQL's own choice, which the
# reports, scoring and feed statements need.
#
# The hot pool has no overflow: its requests are short and wait their turn for one of `pool_size` connections
# rather than open more. Overflow connections are closed as soon as the pool is full again, so under a steady
# load above `pool_size` an overflowing pool opens and closes connections all the time (a backend process and
# asyncpg's setup each), which cost more CPU than the requests' own statements (bench/context/README.md); and a
# few cores gain nothing from more statements in flight than they can run.
HOT_READ_SERVER_SETTINGS = {"plan_cache_mode": "force_generic_plan"}


def make_hot_read_engine(
    url: str, *, pool_size: int = 10, echo: bool = False, timeout_ms: int = 0
) -> AsyncEngine | None:
    """The pool of the hot read routes (api.deps.shares_request_connection) on PostgreSQL; None on SQLite,
    where those routes use the one engine. `timeout_ms` bounds each statement, its lock waits included."""
    if is_sqlite(url):
        return None
    settings = dict(HOT_READ_SERVER_SETTINGS)
    if timeout_ms:
        settings["statement_timeout"] = str(timeout_ms)
    return make_engine(url, pool_size=pool_size, echo=echo, server_settings=settings, max_overflow=0)


def _replace_closed_on_checkout(engine: AsyncEngine) -> None:
    @event.listens_for(engine.sync_engine, "checkout")
    def _on_checkout(dbapi_connection: DBAPIConnection, _record: ConnectionPoolEntry, _proxy: Any) -> None:
        driver = getattr(dbapi_connection, "driver_connection", None)
        is_closed = getattr(driver, "is_closed", None)
        if is_closed is not None and is_closed():
            raise exc.DisconnectionError("the pooled connection was closed by the server")  # the pool retries


def _configure_sqlite(engine: AsyncEngine) -> None:
    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
        # Take control of BEGIN ourselves (pysqlite's implicit BEGIN is DEFERRED and comes too late).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Writers take the write lock up front, so two writers queue on busy_timeout instead of one
        # failing with "database is locked" when it upgrades a read lock.
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


def writer(engine: AsyncEngine) -> AsyncEngine:
    """The engine as used for writes: on SQLite, transactions begin IMMEDIATE."""
    if engine.dialect.name == "sqlite":
        return engine.execution_options(sqlite_begin="IMMEDIATE")
    return engine


async def driver_connection(conn: AsyncConnection) -> Any:
    """The asyncpg connection under a PostgreSQL connection, for the few hot statements that skip SQLAlchemy's
    execution and result layers (the call-center context read). They run inside whatever transaction SQLAlchemy
    has open on it, or, when none is, each in its own."""
    sync = conn.sync_connection
    if sync is not None and not sync.closed and not sync.invalidated:
        raw = sync.connection  # checked out and valid: a plain attribute, no I/O (no greenlet to spawn)
    else:
        raw = await conn.get_raw_connection()
    driver = raw.driver_connection
    if driver is None:
        raise RuntimeError("the pooled connection has no driver connection")
    return driver
