"""The call-center context's lane past FastAPI's routing (api/hot_lane.py) answers, audits and counts exactly as
the standard way does, for every kind of answer."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from adapters.container import Container
from adapters.db.tables_access import audit_log
from api import hot_lane
from tests.conftest import Person
from tests.integration.test_contact_center import CONTEXT, MakePerson, _api_key, _create

# What legitimately differs between two exchanges: the time, and what is drawn afresh for each request.
_VARYING_HEADERS = {"date"}
_AUDIT_FIELDS = ("actor_kind", "actor", "role", "action", "view", "method", "path", "customer_id", "fields", "outcome")


@pytest.fixture
async def standard_client(container: Container) -> AsyncIterator[httpx.AsyncClient]:
    from api.app import create_app

    app = create_app(container=container)
    app.lanes_enabled = False
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client


async def _audit_after(container: Container, last_id: int) -> list[dict[str, Any]]:
    async with container.engine.connect() as conn:
        rows = await conn.execute(sa.select(audit_log).where(audit_log.c.id > last_id).order_by(audit_log.c.id))
        return [dict(r._mapping) for r in rows]


async def _last_audit_id(container: Container) -> int:
    async with container.engine.connect() as conn:
        return int((await conn.execute(sa.select(sa.func.coalesce(sa.func.max(audit_log.c.id), 0)))).scalar_one())


def _comparable_entry(e: dict[str, Any]) -> dict[str, Any]:
    out = {k: e[k] for k in _AUDIT_FIELDS}
    detail = dict(e["detail"] or {})
    out["detail"] = detail
    return out


async def test_every_kind_of_answer_is_the_same_through_the_lane_and_the_standard_way(
    app_client: httpx.AsyncClient,
    standard_client: httpx.AsyncClient,
    admin: Person,
    make_person: MakePerson,
    container: Container,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rm = await make_person("rm", username="li.lei")
    other_rm = await make_person("rm", username="han.mei")
    mine = await _create(app_client, admin, relationship_manager_id=str(rm.id), marketing_consent={"phone": True})
    await _create(
        app_client, admin, phones=["+8613912345678"], relationship_manager_id=str(other_rm.id), id_document=None
    )
    await _create(app_client, admin, phones=["+8613912345678"], id_document={"type": "passport", "number": "E2"})
    agent = await make_person("agent")
    key = await _api_key(container, "context:read")
    feed_only = await _api_key(container, "feeds:write")

    lane_calls = 0
    real_call = hot_lane._RouteApp.__call__

    async def counted(self: Any, scope: Any, receive: Any, send: Any) -> None:
        nonlocal lane_calls
        lane_calls += 1
        await real_call(self, scope, receive, send)

    monkeypatch.setattr(hot_lane._RouteApp, "__call__", counted)

    exchanges: list[tuple[str, str, dict[str, Any], dict[str, str], bool]] = [
        # (what, method, params, headers, whether the lane takes it)
        ("unique by customer number", "GET", {"customer_number": mine["customer_number"]}, agent.headers, True),
        ("unique for a key, once per call", "GET", {"phone": "+8613812345678", "call_id": "C-1"}, key, True),
        ("ambiguous", "GET", {"phone": "+8613912345678"}, agent.headers, True),
        ("an RM sees one of two", "GET", {"phone": "+8613912345678"}, rm.headers, True),
        ("another RM's customer", "GET", {"customer_number": mine["customer_number"]}, other_rm.headers, True),
        ("nobody", "GET", {"phone": "+8613000000000"}, agent.headers, True),
        ("no credentials", "GET", {"phone": "+8613812345678"}, {}, True),
        ("a key without the scope", "GET", {"phone": "+8613812345678"}, feed_only, True),
        ("a bad token", "GET", {"phone": "+8613812345678"}, {"Authorization": "Bearer nope"}, True),
        ("two identifiers", "GET", {"phone": "+8613812345678", "customer_number": "C1"}, agent.headers, True),
        ("no identifier", "GET", {}, agent.headers, True),
        ("a number too long", "GET", {"phone": "+86138123456789999"}, agent.headers, True),
        (
            "a browser from an allowed origin",
            "GET",
            {"phone": "+8613812345678"},
            {**agent.headers, "Origin": "http://localhost:5173"},
            True,
        ),  # fmt: skip
        (
            "a browser from elsewhere",
            "GET",
            {"phone": "+8613812345678"},
            {**agent.headers, "Origin": "http://evil.example"},
            True,
        ),  # fmt: skip
        (
            "a preflight",
            "OPTIONS",
            {},
            {"Origin": "http://localhost:5173", "Access-Control-Request-Method": "GET"},
            False,
        ),  # fmt: skip
        ("another method", "POST", {"phone": "+8613812345678"}, agent.headers, False),
    ]
    statuses: dict[str, int] = {}
    for what, method, params, headers, laned in exchanges:
        request_id = f"rid-{uuid.uuid4().hex[:12]}"
        sent = {**headers, "X-Request-ID": request_id}
        answers = []
        entries = []
        for client in (app_client, standard_client):
            before_calls, before_id = lane_calls, await _last_audit_id(container)
            r = await client.request(method, CONTEXT, params=params, headers=sent)
            answers.append(r)
            entries.append([_comparable_entry(e) for e in await _audit_after(container, before_id)])
            if client is app_client:
                assert lane_calls - before_calls == (1 if laned else 0), what
        lane, standard = answers
        assert lane.status_code == standard.status_code, (what, lane.text, standard.text)
        statuses[what] = lane.status_code
        assert lane.content == standard.content, what
        lane_headers = {k: v for k, v in lane.headers.items() if k not in _VARYING_HEADERS}
        assert lane_headers == {k: v for k, v in standard.headers.items() if k not in _VARYING_HEADERS}, what
        assert lane.headers["x-request-id"] == request_id, what
        if what == "unique for a key, once per call":
            assert len(entries[0]) == 1 and entries[1] == [], what  # the same call: audited once, by the first
        else:
            assert entries[0] == entries[1], what

    # The matrix covers what it claims to (a change of behaviour elsewhere would make it test less).
    assert {k: statuses[k] for k in ("unique by customer number", "ambiguous", "nobody", "no credentials")} == {
        "unique by customer number": 200,
        "ambiguous": 200,
        "nobody": 404,
        "no credentials": 401,
    }
    assert statuses["a key without the scope"] == 403 and statuses["a number too long"] == 422
    assert statuses["two identifiers"] == 422 and statuses["another method"] == 405

    # The routes' counters saw each exchange twice (once each way); the lane counted under the same route.
    metrics = (await app_client.get("/metrics", headers=admin.headers)).text
    standard_metrics = (await standard_client.get("/metrics", headers=admin.headers)).text
    counted_lines = [line for line in metrics.splitlines() if "contact-center/context" in line and "_total" in line]
    assert counted_lines
    assert counted_lines == [
        line for line in standard_metrics.splitlines() if "contact-center/context" in line and "_total" in line
    ]


async def test_a_crash_in_the_lane_is_the_same_500_problem(
    app_client: httpx.AsyncClient,
    standard_client: httpx.AsyncClient,
    admin: Person,
    make_person: MakePerson,
    container: Container,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    c = await _create(app_client, admin)
    agent = await make_person("agent")

    async def broken(*_: Any, **__: Any) -> Any:
        raise RuntimeError("the reader broke")

    monkeypatch.setattr("domain.services.contact_center.caller_context", broken)
    answers = []
    for client in (app_client, standard_client):
        before = await _last_audit_id(container)
        r = await client.get(CONTEXT, params={"customer_number": c["customer_number"]}, headers=agent.headers)
        entries = [_comparable_entry(e) for e in await _audit_after(container, before)]
        answers.append((r.status_code, r.headers.get("content-type"), r.content, entries))
    assert answers[0] == answers[1]
    assert answers[0][:2] == (500, "application/problem+json")
