"""Shared fixtures: every database test runs on SQLite and, when CRM_TEST_POSTGRES_URL is set, PostgreSQL."""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import create_async_engine

from adapters.container import Container, build_container
from adapters.db import accounts
from adapters.db.migrate import upgrade
from adapters.db.schema import metadata
from adapters.db.tables_access import sqlite_append_only_ddl, sqlite_drop_ddl
from adapters.settings import Settings

PG_ADMIN_URL = os.environ.get("CRM_TEST_POSTGRES_URL")  # e.g. postgresql+asyncpg://postgres@127.0.0.1:5432/postgres
DIALECTS = ["sqlite", "postgresql"]


def _worker() -> str:
    return os.environ.get("PYTEST_XDIST_WORKER", "gw0")


async def _fresh_pg_database(admin_url: str, name: str) -> str:
    engine = create_async_engine(admin_url, isolation_level="AUTOCOMMIT")
    async with engine.connect() as conn:
        await conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        await conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    await engine.dispose()
    return admin_url.rsplit("/", 1)[0] + f"/{name}"


async def _drop_pg_database(admin_url: str, name: str) -> None:
    """Drop a test database at the end (CI runs again and again on one PostgreSQL: leave nothing behind)."""
    engine = create_async_engine(admin_url, isolation_level="AUTOCOMMIT")
    async with engine.connect() as conn:
        await conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    await engine.dispose()


@pytest.fixture(scope="session", params=DIALECTS)
async def database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[str]:
    """A freshly migrated database of one dialect, for the whole session (a PostgreSQL one is dropped after)."""
    pg_name = None
    if request.param == "postgresql":
        if not PG_ADMIN_URL:
            if os.environ.get("CRM_REQUIRE_POSTGRES"):
                pytest.fail("CRM_REQUIRE_POSTGRES is set but CRM_TEST_POSTGRES_URL is not")
            pytest.skip("PostgreSQL tests need CRM_TEST_POSTGRES_URL (the README's test command sets it)")
        pg_name = f"crm_test_{_worker()}_{os.getpid()}"
        url = await _fresh_pg_database(PG_ADMIN_URL, pg_name)
    else:
        url = f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('db') / 'crm.db'}"
    await asyncio.to_thread(upgrade, url)
    yield url
    if pg_name is not None and PG_ADMIN_URL:
        await _drop_pg_database(PG_ADMIN_URL, pg_name)


@pytest.fixture(scope="session")
async def session_container(database_url: str) -> AsyncIterator[Container]:
    settings = Settings(
        database_url=database_url,
        environment="test",
        serve_frontend=False,
        card_token_key="test-card-token-key-0123456789abcdef",
    )
    container = build_container(settings)
    yield container
    await container.dispose()


async def truncate_all(container: Container) -> None:
    names = [t.name for t in reversed(metadata.sorted_tables)]
    async with container.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            await conn.execute(sa.text("TRUNCATE " + ", ".join(f'"{n}"' for n in names) + " CASCADE"))
        else:
            # The audit log refuses DELETE (its append-only triggers): lift them for the wipe, then restore them.
            for ddl in sqlite_drop_ddl():
                await conn.execute(sa.text(ddl))
            for n in names:
                await conn.execute(sa.text(f'DELETE FROM "{n}"'))
            for ddl in sqlite_append_only_ddl():
                await conn.execute(sa.text(ddl))


@pytest.fixture
async def container(session_container: Container) -> AsyncIterator[Container]:
    """The container, starting from empty tables (and no copies of them kept in the process)."""
    from adapters.db.context import catalogue_cache, peer_rate_cache

    await truncate_all(session_container)
    catalogue_cache.clear()
    peer_rate_cache.clear()
    yield session_container


@pytest.fixture
def dialect(container: Container) -> str:
    return container.engine.dialect.name


@pytest.fixture
async def app_client(container: Container) -> AsyncIterator[httpx.AsyncClient]:
    from api.app import create_app

    app = create_app(container=container)
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client


@dataclass
class Person:
    id: uuid.UUID
    username: str
    role: str
    branch: str | None
    token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


PASSWORD = "correct horse battery"


@pytest.fixture
async def make_person(container: Container, app_client: httpx.AsyncClient) -> Callable[..., Awaitable[Person]]:
    """Create a user of a role (with a branch when the role needs one) and sign them in."""
    counter = {"n": 0}

    async def make(role: str = "admin", branch: str | None = "BJ001", username: str | None = None) -> Person:
        counter["n"] += 1
        name = username or f"{role}{counter['n']}"
        async with container.uow() as uow:
            await accounts.ensure_branch(uow.connection, "BJ001", "Beijing Chaoyang")
            await accounts.ensure_branch(uow.connection, "SH001", "Shanghai Pudong")
            uid = await accounts.create_user(
                uow.connection,
                username=name,
                password=PASSWORD,
                role=role,
                branch=branch if role in ("rm", "branch_manager") else None,
                now=container.clock.now(),
                display_name=name.title(),
            )
            await uow.commit()
        r = await app_client.post("/api/v1/auth/token", data={"username": name, "password": PASSWORD})
        assert r.status_code == 200, r.text
        return Person(uid, name, role, branch, r.json()["access_token"])

    return make


@pytest.fixture
async def admin(make_person: Callable[..., Awaitable[Person]]) -> Person:
    return await make_person("admin")


def customer_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "name_zh": "王芳",
        "name_latin": "Wang Fang",
        "birth_date": "1988-04-12",
        "gender": "female",
        "phones": ["+8613812345678"],
        "emails": ["wang.fang@example.com"],
        "id_document": {"type": "passport", "number": "E12345678"},
        "income_band": "150k_300k",
        "risk_preference": "balanced",
        "marketing_consent": {"sms": True, "email": False},
        "home_branch": "BJ001",
    }
    body.update(overrides)
    return body


ROOT = Path(__file__).resolve().parent.parent
