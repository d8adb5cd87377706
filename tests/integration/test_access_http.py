"""Rate limits, CORS and security headers, over HTTP against the real app and database."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime

import httpx
import pytest

from adapters.container import Container
from adapters.db import accounts
from tests.conftest import Person

MakePerson = Callable[..., Awaitable[Person]]


@pytest.fixture
async def limited_client(container: Container) -> AsyncIterator[httpx.AsyncClient]:
    """The app with a limit of 3 requests a minute per caller (the settings' knob, not a stub)."""
    from api.app import create_app

    settings = container.settings.model_copy(update={"rate_limit_per_minute": 3, "rate_limit_system_per_minute": 3})
    app = create_app(settings=settings, container=container)
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client


async def test_rate_limit_per_user_and_per_key_is_429_with_retry_after(
    limited_client: httpx.AsyncClient, make_person: MakePerson, container: Container
) -> None:
    rm = await make_person("rm", "BJ001")
    other = await make_person("rm", "BJ001")
    for _ in range(3):
        assert (await limited_client.get("/api/v1/customers", headers=rm.headers)).status_code == 200
    r = await limited_client.get("/api/v1/customers", headers=rm.headers)
    assert r.status_code == 429
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["status"] == 429 and r.json()["type"] == "/problems/rate-limited"
    assert 1 <= int(r.headers["Retry-After"]) <= 20  # one token comes back every 20 s at 3/min
    # Each caller has their own bucket; health checks are not limited.
    assert (await limited_client.get("/api/v1/customers", headers=other.headers)).status_code == 200
    for _ in range(5):
        assert (await limited_client.get("/healthz")).status_code == 200

    async with container.uow() as uow:
        key = await accounts.create_api_key(uow.connection, name="busy", scopes=["feeds:write"], now=datetime.now(UTC))
        await uow.commit()
    codes = [(await limited_client.get("/api/v1/customers", headers={"X-API-Key": key})).status_code for _ in range(4)]
    assert codes == [403, 403, 403, 429]


async def test_systems_have_their_own_rate_limit(make_person: MakePerson, container: Container) -> None:
    """One call-center key serves every agent: a person's limit (here 3 a minute) does not throttle it."""
    from api.app import create_app

    settings = container.settings.model_copy(update={"rate_limit_per_minute": 3, "rate_limit_system_per_minute": 6})
    app = create_app(settings=settings, container=container)
    rm = await make_person("rm", "BJ001")
    async with container.uow() as uow:
        key = await accounts.create_api_key(uow.connection, name="cti", scopes=["context:read"], now=datetime.now(UTC))
        await uow.commit()
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        people = [(await client.get("/api/v1/customers", headers=rm.headers)).status_code for _ in range(4)]
        context = "/api/v1/contact-center/context"
        systems = [
            (await client.get(context, params={"phone": "+8613900000000"}, headers={"X-API-Key": key})).status_code
            for _ in range(7)
        ]
    assert people == [200, 200, 200, 429]
    assert systems == [404] * 6 + [429]


async def test_cors_only_for_the_configured_spa_origins(app_client: httpx.AsyncClient, admin: Person) -> None:
    allowed = "http://localhost:5173"
    preflight = {"Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "Authorization"}
    r = await app_client.options("/api/v1/customers", headers={"Origin": allowed, **preflight})
    assert r.status_code == 200
    assert r.headers["access-control-allow-origin"] == allowed
    r = await app_client.get("/api/v1/customers", headers={"Origin": allowed, **admin.headers})
    assert r.headers["access-control-allow-origin"] == allowed

    foreign = "https://evil.example.com"
    r = await app_client.options("/api/v1/customers", headers={"Origin": foreign, **preflight})
    assert "access-control-allow-origin" not in r.headers
    r = await app_client.get("/api/v1/customers", headers={"Origin": foreign, **admin.headers})
    assert "access-control-allow-origin" not in r.headers


async def test_security_headers_on_every_response(app_client: httpx.AsyncClient, admin: Person) -> None:
    responses = {
        "api 200": await app_client.get("/api/v1/customers", headers=admin.headers),
        "api 401": await app_client.get("/api/v1/customers"),
        "api 404": await app_client.get("/api/v1/nothing-here", headers=admin.headers),
        "api 422": await app_client.get("/api/v1/customers", params={"limit": 0}, headers=admin.headers),
        "health": await app_client.get("/healthz"),
        "metrics": await app_client.get("/metrics"),
        "openapi": await app_client.get("/openapi.json"),
    }
    for what, r in responses.items():
        h = r.headers
        assert h["x-content-type-options"] == "nosniff", what
        assert h["x-frame-options"] == "DENY", what
        assert h["referrer-policy"] == "no-referrer", what
        csp = h["content-security-policy"]
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp, what
        assert "strict-transport-security" not in h, what  # off unless configured (behind HTTPS)
        assert h["x-request-id"], what
    for what in ("api 200", "api 401", "api 404", "api 422"):
        assert responses[what].headers["cache-control"] == "no-store", what
    # A caller's request id is echoed (for tying logs to audit entries); a malformed one is replaced.
    r = await app_client.get("/healthz", headers={"X-Request-ID": "abc-123"})
    assert r.headers["x-request-id"] == "abc-123"
    r = await app_client.get("/healthz", headers={"X-Request-ID": "bad id\twith spaces"})
    assert r.headers["x-request-id"] != "bad id\twith spaces"


async def test_hsts_when_configured(container: Container) -> None:
    from api.app import create_app

    app = create_app(settings=container.settings.model_copy(update={"hsts_seconds": 31536000}), container=container)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="https://testserver") as client:
        r = await client.get("/healthz")
    assert r.headers["strict-transport-security"] == "max-age=31536000; includeSubDomains"
