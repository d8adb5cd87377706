"""The ceiling's server (bench/context/ceiling.py): the least any Python server could do per context read.

A raw ASGI app on uvicorn, no framework and none of bank-crm's code: per request it parses the phone, looks the API
key up by its prefix (no hash check), finds the customer by phone and reads a stored, finished answer of the real
answer's size in the same statement (as a read model kept by every writer would allow), hands an audit entry to a
group writer (one statement and commit for all the entries waiting, as `AuditGroupWriter` does) and answers once
the entry is committed. No masking, no next best actions, no validation, no middleware.
"""

from __future__ import annotations

import asyncio
import os
from typing import Any
from urllib.parse import parse_qs

import asyncpg

DSN = os.environ.get("CEILING_DSN", "postgresql://postgres@127.0.0.1:5432/crm_bench_context")
KEY_SQL = "SELECT id, key_hash, scopes::text, revoked_at FROM api_keys WHERE prefix = $1"
READ_SQL = (
    "SELECT c.id, s.body FROM customer_identities ci JOIN customers c ON c.id = ci.customer_id "
    "JOIN bench_ceiling_answers s ON s.customer_id = c.id "
    "WHERE ci.source = 'phone' AND ci.key = $1 AND c.merged_into IS NULL LIMIT 20"
)
AUDIT_SQL = (
    "INSERT INTO bench_ceiling_audit (at, actor, customer_id, detail) "
    "SELECT now(), 'key', x.c, x.d::jsonb FROM unnest($1::uuid[], $2::text[]) AS x(c, d)"
)

_state: dict[str, Any] = {}


async def _audit_writer(pool: asyncpg.Pool, waiting: list[Any], wake: asyncio.Event) -> None:
    while True:
        await wake.wait()
        wake.clear()
        while waiting:
            batch = waiting[:]
            del waiting[:]
            try:
                async with pool.acquire() as conn:
                    await conn.execute(AUDIT_SQL, [e[0] for e in batch], [e[1] for e in batch])
            except Exception as exc:  # noqa: BLE001 - each waiting read gets the error
                for e in batch:
                    e[2].set_exception(exc)
            else:
                for e in batch:
                    e[2].set_result(None)


async def _respond(send: Any, status: int, body: bytes) -> None:
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    if scope["type"] == "lifespan":
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                pool = await asyncpg.create_pool(DSN, min_size=8, max_size=8)
                waiting: list[Any] = []
                wake = asyncio.Event()
                _state.update(pool=pool, waiting=waiting, wake=wake)
                _state["writer"] = asyncio.create_task(_audit_writer(pool, waiting, wake))
                await send({"type": "lifespan.startup.complete"})
            else:
                await send({"type": "lifespan.shutdown.complete"})
                return
    phone = parse_qs(scope["query_string"].decode())["phone"][0]
    key = next((v for k, v in scope["headers"] if k == b"x-api-key"), b"").decode()
    async with _state["pool"].acquire() as conn:
        prefix = key.removeprefix("crm_").partition("_")[0]  # crm_<prefix>_<secret>
        if await conn.fetchrow(KEY_SQL, prefix) is None:
            await _respond(send, 401, b"{}")
            return
        row = await conn.fetchrow(READ_SQL, phone)
    if row is None:
        await _respond(send, 404, b"{}")
        return
    done = asyncio.get_running_loop().create_future()
    _state["waiting"].append((row[0], '{"view":"contact-center-context"}', done))
    _state["wake"].set()
    await done
    await _respond(send, 200, row[1].encode())
