"""Every route of the app, called as every role, as an API key of every scope, and with no credentials.

Each answer must be what `api/access_policy.py` says: 401 without credentials, 403 for a role or scope the
policy does not list, and neither (nor a 5xx) for those it does. A route missing from the policy fails here,
so no route ships without an access decision.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

import httpx

from adapters.container import Container
from adapters.db import accounts
from api.access_policy import POLICY, api_routes
from domain.access import Role, Scope
from tests.conftest import Person, customer_body

MakePerson = Callable[..., Awaitable[Person]]

# Sample values for path parameters; anything else gets a fresh UUID (a 404 is a fine answer).
PATH_SAMPLES = {"channel": "teller"}


async def call(app: Any, method: str, path: str, headers: dict[str, str], body: bytes) -> int:
    """One request straight through ASGI; returns the status as soon as it is sent (streams are cut there)."""
    started: asyncio.Future[int] = asyncio.get_running_loop().create_future()
    sent_body = False

    async def receive() -> dict[str, Any]:
        nonlocal sent_body
        if not sent_body:
            sent_body = True
            return {"type": "http.request", "body": body, "more_body": False}
        await started  # after the answer starts, the client goes away
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start" and not started.done():
            started.set_result(int(message["status"]))

    raw_path, _, query = path.partition("?")
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": raw_path,
        "raw_path": raw_path.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
        "client": ("127.0.0.1", 50000),
        "server": ("testserver", 80),
    }
    task = asyncio.create_task(app(scope, receive, send))
    try:
        return await asyncio.wait_for(asyncio.shield(started), timeout=20)
    finally:
        if not task.done():
            task.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):  # the status is all this test needs
            await task


async def test_every_route_answers_each_caller_as_the_policy_says(
    app_client: httpx.AsyncClient, make_person: MakePerson, container: Container
) -> None:
    app = app_client._transport.app  # type: ignore[attr-defined]
    routes = [r for r in api_routes(app) if r.include_in_schema]
    missing = sorted({str(r.operation_id) for r in routes if r.operation_id not in POLICY})
    assert not missing, f"routes without an access decision in api/access_policy.py: {missing}"
    stale = sorted(set(POLICY) - {r.operation_id for r in routes})
    assert not stale, f"api/access_policy.py lists routes the app does not have: {stale}"

    people = {role: await make_person(role.value, "BJ001") for role in Role}
    rm = people[Role.RM]
    r = await app_client.post("/api/v1/customers", json=customer_body(), headers=rm.headers)
    assert r.status_code == 201, r.text
    customer_id = r.json()["id"]  # in the rm's portfolio and the branch manager's branch
    keys: dict[Scope, str] = {}
    async with container.uow() as uow:
        for scope in Scope:
            keys[scope] = await accounts.create_api_key(
                uow.connection, name=f"walk-{scope.value}", scopes=[scope.value], now=datetime.now(UTC)
            )
        await uow.commit()

    callers: list[tuple[str, dict[str, str], Callable[[Any], bool] | None]] = [("nobody", {}, None)]
    for role, person in people.items():
        callers.append((role.value, person.headers, lambda rule, role=role: role in rule.roles))
    for scope, key in keys.items():
        callers.append((f"key:{scope.value}", {"X-API-Key": key}, lambda rule, scope=scope: scope in rule.scopes))

    failures: list[str] = []
    checked = 0
    for route in sorted(routes, key=lambda r: (r.path, sorted(r.methods))):
        rule = POLICY[str(route.operation_id)]
        path = route.path.replace("{customer_id}", customer_id)
        while "{" in path:
            name = path[path.index("{") + 1 : path.index("}")]
            path = path.replace("{" + name + "}", PATH_SAMPLES.get(name, str(uuid.uuid4())))
        for method in sorted(route.methods - {"HEAD", "OPTIONS"}):
            for who, headers, admitted in callers:
                status = await call(
                    app,
                    method,
                    path,
                    {**headers, "content-type": "application/json", "if-match": '"v999"'},
                    json.dumps({}).encode() if method in ("POST", "PUT", "PATCH") else b"",
                )
                checked += 1
                if rule.public:
                    ok, expected = status not in (401, 403) and status < 500, "not 401/403/5xx (public)"
                elif admitted is None:
                    ok, expected = status == 401, "401"
                elif admitted(rule):
                    ok, expected = status not in (401, 403) and status < 500, "not 401/403/5xx"
                else:
                    ok, expected = status == 403, "403"
                if not ok:
                    failures.append(f"{method} {route.path} ({route.operation_id}) as {who}: {status}, want {expected}")
    assert checked >= len(routes) * len(callers)
    assert not failures, "\n".join(failures)
