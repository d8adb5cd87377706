"""Sign-in throttling, token checks, API keys and their CLI, and the production start-up guard."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

import httpx
import jwt
import pytest
import sqlalchemy as sa

from adapters.container import Container
from adapters.db import accounts
from adapters.db.tables import api_keys, users
from adapters.security import TokenClaims, issue_token
from adapters.settings import Settings
from tests.conftest import PASSWORD, ROOT, Person

MakePerson = Callable[..., Awaitable[Person]]


class MovableClock:
    def __init__(self) -> None:
        self.at = datetime.now(UTC)

    def now(self) -> datetime:
        return self.at

    def advance(self, seconds: float) -> None:
        self.at += timedelta(seconds=seconds)


async def sign_in(client: httpx.AsyncClient, username: str, password: str) -> httpx.Response:
    return await client.post("/api/v1/auth/token", data={"username": username, "password": password})


async def test_failed_sign_ins_slow_down_then_lock_the_username(
    app_client: httpx.AsyncClient, make_person: MakePerson, container: Container, monkeypatch: pytest.MonkeyPatch
) -> None:
    rm = await make_person("rm", "BJ001")
    bystander = await make_person("agent")
    clock = MovableClock()
    monkeypatch.setattr(container, "clock", clock)
    s = container.settings
    assert (s.login_free_failures, s.login_delay_s, s.login_max_failures) == (2, 1.0, 5)

    # Two free mistakes, then the third one sets a 1 s wait.
    for _ in range(3):
        assert (await sign_in(app_client, rm.username, "wrong")).status_code == 401
    r = await sign_in(app_client, rm.username, PASSWORD)  # even the right password waits
    assert r.status_code == 429
    assert r.headers["Retry-After"] == "1"
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["status"] == 429

    clock.advance(1.5)
    assert (await sign_in(app_client, rm.username, "wrong")).status_code == 401  # 4th: now 2 s
    assert (await sign_in(app_client, rm.username, PASSWORD)).headers["Retry-After"] == "2"
    clock.advance(2.5)
    assert (await sign_in(app_client, rm.username, "wrong")).status_code == 401  # 5th: locked
    r = await sign_in(app_client, rm.username, PASSWORD)
    assert r.status_code == 429 and r.headers["Retry-After"] == str(s.login_lockout_s)
    clock.advance(s.login_lockout_s / 2)
    r = await sign_in(app_client, rm.username, PASSWORD)
    assert r.status_code == 429 and int(r.headers["Retry-After"]) == s.login_lockout_s // 2

    # Other people sign in meanwhile.
    assert (await sign_in(app_client, bystander.username, PASSWORD)).status_code == 200

    clock.advance(s.login_lockout_s / 2 + 1)
    assert (await sign_in(app_client, rm.username, PASSWORD)).status_code == 200
    # Success forgets the failures: two free mistakes again.
    for _ in range(2):
        assert (await sign_in(app_client, rm.username, "wrong")).status_code == 401
    assert (await sign_in(app_client, rm.username, PASSWORD)).status_code == 200


def _b64(data: dict[str, object]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")


async def test_tampered_expired_and_wrong_algorithm_tokens_are_401(
    app_client: httpx.AsyncClient, make_person: MakePerson, container: Container
) -> None:
    admin = await make_person("admin")
    settings = container.settings
    assert settings.jwt_algorithm == "HS256"
    ok = await app_client.get("/api/v1/customers", headers=admin.headers)
    assert ok.status_code == 200
    claims = TokenClaims(admin.id, admin.username, "admin", None)
    now = datetime.now(UTC)
    header, payload, signature = admin.token.split(".")
    body = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    good_payload = {**body}
    bad: dict[str, str] = {
        "payload changed, old signature": f"{header}.{_b64({**good_payload, 'role': 'auditor'})}.{signature}",
        "signature changed": f"{header}.{payload}.{signature[:-4]}{'AAAA' if signature[-4:] != 'AAAA' else 'BBBB'}",
        "expired": issue_token(
            claims, secret=settings.jwt_secret, algorithm="HS256", ttl=timedelta(hours=1), now=now - timedelta(hours=2)
        ),
        "alg none": jwt.encode({**good_payload}, key=None, algorithm="none"),  # type: ignore[arg-type]
        "HS512 with the same key": jwt.encode({**good_payload}, settings.jwt_secret, algorithm="HS512"),
        "HS256 with another key": jwt.encode({**good_payload}, "another-secret-" * 4, algorithm="HS256"),
        "no expiry": jwt.encode(
            {k: v for k, v in good_payload.items() if k != "exp"}, settings.jwt_secret, algorithm="HS256"
        ),
        "not a jwt": "not-a-token",
    }
    for what, token in bad.items():
        r = await app_client.get("/api/v1/customers", headers={"Authorization": f"Bearer {token}"})
        assert r.status_code == 401, what
        assert r.headers["content-type"].startswith("application/problem+json"), what
        assert r.headers.get("WWW-Authenticate") == "Bearer", what

    # A token of a user since disabled is refused too.
    async with container.uow() as uow:
        await uow.connection.execute(sa.update(users).where(users.c.id == admin.id).values(active=False))
        await uow.commit()
    assert (await app_client.get("/api/v1/customers", headers=admin.headers)).status_code == 401


async def _key(container: Container, *scopes: str, name: str = "partner") -> str:
    async with container.uow() as uow:
        secret = await accounts.create_api_key(uow.connection, name=name, scopes=list(scopes), now=datetime.now(UTC))
        await uow.commit()
    return secret


async def _last_used(container: Container, name: str) -> datetime | None:
    async with container.engine.connect() as conn:
        value: datetime | None = await conn.scalar(sa.select(api_keys.c.last_used_at).where(api_keys.c.name == name))
        return value


async def test_api_keys_revoked_401_missing_scope_403_last_used_throttled(
    app_client: httpx.AsyncClient, container: Container, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = MovableClock()
    monkeypatch.setattr(container, "clock", clock)
    key = await _key(container, "feeds:write")
    assert await _last_used(container, "partner") is None
    # A key is not a person: the people's routes answer 403 (authenticated, not allowed).
    r = await app_client.get("/api/v1/customers", headers={"X-API-Key": key})
    assert r.status_code == 403
    assert r.headers["content-type"].startswith("application/problem+json")
    first = await _last_used(container, "partner")
    assert first == clock.at

    clock.advance(30)
    await app_client.get("/api/v1/customers", headers={"X-API-Key": key})
    assert await _last_used(container, "partner") == first  # not written again within a minute
    clock.advance(31)
    await app_client.get("/api/v1/customers", headers={"X-API-Key": key})
    assert await _last_used(container, "partner") == clock.at

    for bad in (key[:-2] + ("xy" if key[-2:] != "xy" else "zz"), "crm_short", "not-a-key"):
        assert (await app_client.get("/api/v1/customers", headers={"X-API-Key": bad})).status_code == 401

    async with container.uow() as uow:
        await accounts.revoke_api_key(uow.connection, "partner", clock.now())
        await uow.commit()
    r = await app_client.get("/api/v1/customers", headers={"X-API-Key": key})
    assert r.status_code == 401
    assert "revoked" in r.json()["detail"]


def _crm(database_url: str, *args: str, environment: str = "test") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CRM_")}
    env.update(CRM_DATABASE_URL=database_url, CRM_ENVIRONMENT=environment)
    return subprocess.run(
        [sys.executable, "-c", "from adapters.cli import main; main()", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


async def test_api_key_cli_create_list_revoke(app_client: httpx.AsyncClient, container: Container) -> None:
    url = container.settings.database_url
    done = _crm(url, "api-key", "create", "--name", "teller-system", "--scope", "feeds:write")
    assert done.returncode == 0, done.stderr
    secret = done.stdout.strip().splitlines()[-1]
    assert secret.startswith("crm_")
    # Stored only as a hash.
    async with container.engine.connect() as conn:
        stored = [tuple(r) for r in await conn.execute(sa.select(api_keys))]
    assert secret not in str(stored)

    assert (await app_client.get("/api/v1/customers", headers={"X-API-Key": secret})).status_code == 403
    listing = _crm(url, "api-key", "list")
    assert listing.returncode == 0, listing.stderr
    (line,) = [x for x in listing.stdout.splitlines() if x.startswith("teller-system")]
    assert "feeds:write" in line and "active" in line and "last used 20" in line
    assert secret not in listing.stdout

    revoked = _crm(url, "api-key", "revoke", "teller-system")
    assert revoked.returncode == 0 and "revoked 1" in revoked.stdout
    assert "REVOKED" in _crm(url, "api-key", "list").stdout
    assert (await app_client.get("/api/v1/customers", headers={"X-API-Key": secret})).status_code == 401
    again = _crm(url, "api-key", "revoke", "teller-system")
    assert again.returncode == 2 and "no active key" in again.stderr


def test_refuses_to_start_in_production_with_a_default_or_short_secret() -> None:
    from api.app import create_app

    strong = "s3cret-" * 6
    card = "card-key-" * 4
    for jwt_secret in (Settings().jwt_secret, "short-secret"):
        with pytest.raises(RuntimeError, match="CRM_JWT_SECRET"):
            create_app(Settings(environment="production", jwt_secret=jwt_secret, card_token_key=card))
    with pytest.raises(RuntimeError, match="CRM_CARD_TOKEN_KEY"):
        create_app(Settings(environment="production", jwt_secret=strong))
    create_app(Settings(environment="production", jwt_secret=strong, card_token_key=card, serve_frontend=False))
    create_app(Settings(environment="development", serve_frontend=False))  # development may use the default

    done = _crm("sqlite+aiosqlite:///:memory:", "serve", "--port", "8119", environment="production")
    assert done.returncode == 2
    assert "CRM_JWT_SECRET" in done.stderr and "refusing to start" in done.stderr
