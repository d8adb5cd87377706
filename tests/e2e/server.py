"""Run the real server as a subprocess for end-to-end tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
CRM = [sys.executable, "-m", "adapters.cli"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def crm(env: dict[str, str], *args: str, timeout: float = 300) -> str:
    """Run a `crm` command and return its stdout (raising with stderr on failure)."""
    done = subprocess.run(
        [*CRM, *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"crm {' '.join(args)} failed: {done.stderr or done.stdout}")
    return done.stdout


def server_env(database_url: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CRM_")}
    env.update(
        CRM_DATABASE_URL=database_url,
        CRM_ENVIRONMENT="test",
        CRM_CARD_TOKEN_KEY="e2e-card-token-key-0123456789abcdef",
        PYTHONUNBUFFERED="1",
        # one token drives thousands of requests in a fuzz run; the limiter has its own tests
        CRM_RATE_LIMIT_PER_MINUTE="0",
        CRM_RATE_LIMIT_SYSTEM_PER_MINUTE="0",
    )
    env.update(extra)
    return env


def fresh_postgres_database(admin_url: str, name: str) -> str:
    """A new, migrated PostgreSQL database beside `admin_url`'s (dropped first if a crashed run left it)."""
    import asyncio

    import sqlalchemy as sa
    from sqlalchemy.ext.asyncio import create_async_engine

    from adapters.db.migrate import upgrade

    async def create() -> None:
        engine = create_async_engine(admin_url, isolation_level="AUTOCOMMIT")
        async with engine.connect() as conn:
            await conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            await conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
        await engine.dispose()

    asyncio.run(create())
    url = admin_url.rsplit("/", 1)[0] + f"/{name}"
    upgrade(url)
    return url


def drop_postgres_database(admin_url: str, name: str) -> None:
    import asyncio

    from tests.conftest import _drop_pg_database

    asyncio.run(_drop_pg_database(admin_url, name))


def wait_ready(base: str, proc: subprocess.Popen[bytes], log: Path, seconds: float = 60) -> None:
    """Until /readyz answers 200; raises with the server's log if it exits first or takes too long."""
    deadline = time.monotonic() + seconds
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited: {log.read_text()[-2000:]}")
        try:
            if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"server did not become ready in {seconds:.0f} s")
        time.sleep(0.2)


@contextmanager
def server_process(
    env: dict[str, str], port: int, workers: int = 1, stop_timeout: float = 15
) -> Iterator[tuple[str, subprocess.Popen[bytes], Path]]:
    """Start `crm serve`; yield its base URL, its process and its log once /readyz answers; SIGTERM it after."""
    log_path = ROOT / f".server-{port}.log"
    log = log_path.open("w")
    proc = subprocess.Popen(
        [*CRM, "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)],
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_ready(base, proc, log_path)
        yield base, proc, log_path
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=stop_timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
        log_path.unlink(missing_ok=True)


@contextmanager
def running_server(env: dict[str, str], port: int | None = None, workers: int = 1) -> Iterator[str]:
    """Start `crm serve` and yield its base URL once /readyz answers."""
    with server_process(env, port or free_port(), workers) as (base, _proc, _log):
        yield base
