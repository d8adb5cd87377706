"""Two real server processes on one PostgreSQL: a feed event posted to one reaches a stream served by the other.

Also the write-back: the call's outcome posted through the call-center feed is in the context at once.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import create_async_engine

from adapters.db import accounts
from tests.e2e.server import drop_postgres_database, fresh_postgres_database, wait_ready

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
PG_ADMIN_URL = os.environ.get("CRM_TEST_POSTGRES_URL")
PORTS = (8150, 8151)
PASSWORD = "correct horse battery"


@pytest.fixture(scope="module")
def database_url() -> Iterator[str]:
    if not PG_ADMIN_URL:
        pytest.skip("the cross-process stream needs PostgreSQL (CRM_TEST_POSTGRES_URL)")
    name = f"crm_e2e_stream_{os.getpid()}"
    yield fresh_postgres_database(PG_ADMIN_URL, name)
    drop_postgres_database(PG_ADMIN_URL, name)


def _seed(url: str) -> dict[str, Any]:
    """An admin, an agent and a feeds key, made the way `crm` makes them."""

    async def run() -> dict[str, Any]:
        engine = create_async_engine(url)
        async with engine.begin() as conn:
            now = datetime.now(UTC)
            for role in ("admin", "agent"):
                await accounts.create_user(
                    conn, username=f"e2e_{role}", password=PASSWORD, role=role, branch=None, now=now
                )
            await accounts.ensure_branch(conn, "BJ001", "Beijing Chaoyang")
            key = await accounts.create_api_key(conn, name="cti-feed", scopes=["feeds:write"], now=now)
        await engine.dispose()
        return {"feeds_key": key}

    return asyncio.run(run())


@contextmanager
def server(url: str, port: int) -> Iterator[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CRM_")}
    env.update(
        CRM_DATABASE_URL=url,
        CRM_ENVIRONMENT="test",
        CRM_SERVE_FRONTEND="false",
        CRM_CARD_TOKEN_KEY="e2e-card-token-key-0123456789abcdef",
        PYTHONUNBUFFERED="1",
    )
    log_path = ROOT / f".server-{port}.log"
    with open(log_path, "w") as log:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "api.app:create_app",
                "--factory",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
            ],
            env=env,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            wait_ready(base, proc, log_path)
            yield base
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
    log_path.unlink(missing_ok=True)


def _token(base: str, username: str) -> dict[str, str]:
    r = httpx.post(f"{base}/api/v1/auth/token", data={"username": username, "password": PASSWORD})
    assert r.status_code == 200, r.text
    return {"Authorization": f"Bearer {r.json()['access_token']}"}


def _next_event(lines: Iterator[str]) -> tuple[str, Any]:
    name, data = "message", ""
    for line in lines:
        if line == "":
            if data:
                return name, json.loads(data)
            continue
        if line.startswith(":"):
            continue
        key, _, value = line.partition(": ")
        if key == "event":
            name = value
        elif key == "data":
            data += value
    raise EOFError("the stream ended")


def test_a_feed_event_posted_to_one_process_reaches_the_stream_on_another(database_url: str) -> None:
    seeded = _seed(database_url)
    with server(database_url, PORTS[0]) as a, server(database_url, PORTS[1]) as b:
        admin = _token(a, "e2e_admin")
        agent = _token(b, "e2e_agent")
        body = {
            "name_zh": "王芳",
            "name_latin": "Wang Fang",
            "phones": ["+8613812345678"],
            "home_branch": "BJ001",
            "marketing_consent": {"phone": False},
        }
        r = httpx.post(f"{a}/api/v1/customers", json=body, headers=admin)
        assert r.status_code == 201, r.text
        customer = r.json()

        event = {
            "source_ref": "CALL-1-end",
            "type": "call_ended",
            "occurred_at": datetime.now(UTC).isoformat(),
            "customer": {"phone": "+8613812345678"},
            "call_id": "CALL-1",
            "agent_id": "agent-042",
            "disposition": "resolved",
            "notes": "Explained the annual fee",
            "satisfaction": 4,
        }
        url = f"{b}/api/v1/contact-center/stream?customer_id={customer['id']}"
        with httpx.Client(timeout=httpx.Timeout(30, read=20)) as client, client.stream("GET", url, headers=agent) as s:
            assert s.status_code == 200
            lines = s.iter_lines()
            assert _next_event(lines)[0] == "ready"
            posted = time.monotonic()
            r = httpx.post(
                f"{a}/api/v1/feeds/call-center", json={"events": [event]}, headers={"X-API-Key": seeded["feeds_key"]}
            )
            assert r.status_code == 200, r.text
            assert r.json()["accepted"] == 1, r.text
            name, data = _next_event(lines)
            # Well before the 15 s heartbeat's re-check: it came through LISTEN/NOTIFY from the other process.
            assert time.monotonic() - posted < 5
            assert name == "interaction"
            assert (data["channel"], data["type"], data["source_ref"]) == ("call_center", "call_ended", "CALL-1-end")
            assert data["details"].get("disposition") == "resolved"

        # Write-back: the outcome is in the context at once, on either process.
        for base in (a, b):
            r = httpx.get(f"{base}/api/v1/contact-center/context", params={"phone": "+8613812345678"}, headers=agent)
            assert r.status_code == 200, r.text
            latest = r.json()["recent_interactions"][0]
            assert latest["type"] == "call_ended"
            assert latest["summary"] == "Explained the annual fee"
            assert latest["outcome"] == "resolved"
            assert latest["details"]["satisfaction"] == 4
