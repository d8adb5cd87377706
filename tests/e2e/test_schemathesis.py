"""schemathesis, with its default checks, against the real server on PostgreSQL finds nothing."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.conftest import PG_ADMIN_URL, _drop_pg_database, _fresh_pg_database
from tests.e2e.server import ROOT, crm, running_server, server_env

pytestmark = pytest.mark.e2e

MAX_EXAMPLES = os.environ.get("CRM_SCHEMATHESIS_EXAMPLES", "10")


@pytest.mark.skipif(not PG_ADMIN_URL, reason="schemathesis runs against PostgreSQL: set CRM_TEST_POSTGRES_URL")
def test_schemathesis_finds_nothing_on_postgresql(tmp_path: Path) -> None:
    assert PG_ADMIN_URL
    url = asyncio.run(_fresh_pg_database(PG_ADMIN_URL, f"crm_schemathesis_{os.getpid()}"))
    env = server_env(url)
    crm(env, "migrate")
    crm(env, "demo", "--customers", "60", "--seed", "3")
    crm(env, "user", "create", "--username", "fuzz.admin", "--password", "fuzz-admin-pass", "--role", "admin")
    with running_server(env) as base:
        token = httpx.post(
            f"{base}/api/v1/auth/token", data={"username": "fuzz.admin", "password": "fuzz-admin-pass"}
        ).json()["access_token"]
        key = crm(env, "api-key", "create", "--name", "fuzz", "--scope", "feeds:write", "--scope", "context:read")
        exe = shutil.which("schemathesis", path=str(Path(sys.executable).parent)) or "schemathesis"
        done = subprocess.run(
            [
                exe,
                "run",
                f"{base}/openapi.json",
                "--header",
                f"Authorization: Bearer {token}",
                "--header",
                f"X-API-Key: {key.strip().splitlines()[-1]}",
                "--max-examples",
                MAX_EXAMPLES,
                "--workers",
                "1",  # hypothesis describes lambdas via ast, which is not thread-safe on Python 3.11
                "--request-timeout",
                "20",
                "--suppress-health-check",
                "too_slow,filter_too_much",
                "--seed",
                "20261123",
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=1200,
            check=False,
            env={**os.environ, "SCHEMATHESIS_HOOKS": ""},
        )
    report = done.stdout[-15000:] + done.stderr[-3000:]
    asyncio.run(_drop_pg_database(PG_ADMIN_URL, f"crm_schemathesis_{os.getpid()}"))  # kept when the server fails
    assert done.returncode == 0, report
