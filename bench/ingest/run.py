"""Feed ingestion throughput: 200,000 events over the five channels, posted in batches of 1,000.

    .venv/bin/python -m bench.ingest.run [--events 200000] [--batch 1000] [--clients 8] [--workers 2]

A real server (uvicorn subprocesses via `crm serve`) on a fresh PostgreSQL database loaded with the demo
bank; concurrent clients post the prepared batches, each on a new connection; then the floor: an asyncpg COPY
of the same interaction rows into a table of the same shape (LIKE interactions INCLUDING ALL) in the same run.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import subprocess
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import orjson

from bench.procfs import cpu_seconds, tree_cpu

ROOT = Path(__file__).resolve().parents[2]
PG_ADMIN = os.environ.get("BENCH_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
DB_NAME = "crm_bench_ingest"
PORT = int(os.environ.get("BENCH_PORT", "8170"))
CHANNELS = ("teller", "card", "pos-atm", "call-center", "online-banking")


def sa_url(url: str) -> str:
    return url.replace("postgresql://", "postgresql+asyncpg://", 1)


async def fresh_database() -> str:
    conn = await asyncpg.connect(PG_ADMIN)
    await conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
    await conn.execute(f'CREATE DATABASE "{DB_NAME}"')
    await conn.close()
    return PG_ADMIN.rsplit("/", 1)[0] + f"/{DB_NAME}"


def env_for(url: str) -> dict[str, str]:
    return {
        **os.environ,
        "CRM_DATABASE_URL": sa_url(url),
        "CRM_ENVIRONMENT": "production",
        "CRM_JWT_SECRET": "bench-" + "j" * 40,
        "CRM_CARD_TOKEN_KEY": "bench-" + "k" * 40,
        "CRM_RATE_LIMIT_PER_MINUTE": "0",
        "CRM_RATE_LIMIT_SYSTEM_PER_MINUTE": "0",
        "CRM_SERVE_FRONTEND": "false",
        "CRM_DATABASE_POOL_SIZE": "8",
    }


def crm(env: dict[str, str], *args: str) -> str:
    out = subprocess.run(
        [str(ROOT / ".venv/bin/crm"), *args], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    )
    return out.stdout.strip()


async def analyze(url: str) -> None:
    """Planner statistics for what the demo loaded: without them PostgreSQL plans the observers' statements
    for empty tables (nested loops over whole tables), about ten times slower."""
    conn = await asyncpg.connect(url)
    await conn.execute("ANALYZE")
    await conn.close()


def load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


async def identities(url: str) -> list[dict[str, Any]]:
    """Known customers with what channels know them by, and a deposit account each where they have one."""
    conn = await asyncpg.connect(url)
    rows = await conn.fetch(
        """
        SELECT c.customer_number,
               (c.phones->>0) AS phone,
               (SELECT key FROM customer_identities i WHERE i.customer_id = c.id AND i.source = 'card_token' LIMIT 1)
                   AS card_token,
               (SELECT key FROM customer_identities i WHERE i.customer_id = c.id AND i.source = 'online_user_id'
                   LIMIT 1) AS online_user_id,
               (SELECT account_number FROM holdings h WHERE h.customer_id = c.id AND h.category IN
                   ('current', 'savings') AND h.status <> 'closed' LIMIT 1) AS account,
               (SELECT currency FROM holdings h WHERE h.customer_id = c.id AND h.category IN
                   ('current', 'savings') AND h.status <> 'closed' LIMIT 1) AS currency
        FROM customers c WHERE c.merged_into IS NULL
        """
    )
    await conn.close()
    return [dict(r) for r in rows]


def make_events(people: list[dict[str, Any]], n: int, run: str) -> dict[str, list[dict[str, Any]]]:
    r = random.Random(11)
    start = datetime(2026, 11, 23, 8, tzinfo=UTC)
    feeds: dict[str, list[dict[str, Any]]] = {c: [] for c in CHANNELS}
    for i in range(n):
        p = r.choice(people)
        channel = CHANNELS[i % 5]
        at = (start + timedelta(seconds=i)).isoformat()
        base: dict[str, Any] = {"source_ref": f"{run}-{i}", "occurred_at": at}
        if i % 97 == 0:  # somebody the bank does not know yet: a provisional customer
            who: dict[str, Any] = {"phone": f"+86137{i:08d}"[:14]}
        else:
            who = {"customer_number": p["customer_number"]}
        if channel == "teller":
            if p["account"] and "customer_number" in who:
                e = {**base, "type": "deposit", "customer": who, "account_number": p["account"],
                     "amount": f"{r.randint(1, 5000)}.{r.randint(0, 99):02d}", "currency": p["currency"],
                     "branch_code": "BJ001", "teller_id": f"T{r.randint(1, 90):03d}"}  # fmt: skip
            else:
                e = {**base, "type": "inquiry", "customer": who, "branch_code": "BJ001"}
        elif channel == "card":
            token = p["card_token"] if "customer_number" in who else None
            e = {**base, "type": r.choice(["purchase", "authorization", "refund"]), "customer": who,
                 "merchant_name": r.choice(["Wumart", "JD.com", "Starbucks", "Sinopec"]), "mcc": "5411",
                 "amount": f"{r.randint(1, 900)}.{r.randint(0, 99):02d}", "currency": "CNY"}  # fmt: skip
            if token:
                e["card_token"] = token
            else:
                e["pan"] = luhn_complete(f"62220202{i:010d}"[:18])
        elif channel == "pos-atm":
            e = {**base, "type": r.choice(["atm_balance_inquiry", "pos_purchase"]), "customer": who,
                 "terminal_id": f"ATM-{r.randint(1, 400):04d}", "location": "Beijing"}  # fmt: skip
            if e["type"] == "pos_purchase":
                e.update(amount=f"{r.randint(1, 300)}.00", currency="CNY")
        elif channel == "call-center":
            e = {**base, "type": r.choice(["call_started", "call_ended", "complaint", "callback_requested"]),
                 "customer": {"phone": p["phone"]} if p["phone"] and i % 97 else who, "call_id": f"CALL-{i}",
                 "agent_id": f"A-{r.randint(1, 60)}", "queue": "general", "duration_s": r.randint(20, 900),
                 "satisfaction": r.randint(1, 5), "notes": "asked about the statement"}  # fmt: skip
        else:
            who = {"online_user_id": p["online_user_id"]} if p["online_user_id"] and i % 97 else who
            e = {**base, "type": r.choice(["login", "product_view", "bill_payment"]), "customer": who,
                 "session_id": f"s-{i}", "ip": "203.0.113.7", "device": "Android app"}  # fmt: skip
            if e["type"] == "product_view":
                e["product_code"] = "DEMO-VIEW"
            if e["type"] == "bill_payment":
                e.update(amount=f"{r.randint(10, 900)}.00", currency="CNY")
        feeds[channel].append(e)
    return feeds


def luhn_complete(partial: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(partial)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return partial + str((10 - total % 10) % 10)


async def post_all(batches: list[tuple[str, bytes]], key: str, clients: int) -> dict[str, int]:
    queue: asyncio.Queue[tuple[str, bytes]] = asyncio.Queue()
    for b in batches:
        queue.put_nowait(b)
    totals = {"accepted": 0, "duplicates": 0, "rejected": 0}
    reasons: dict[str, int] = {}

    async def client() -> None:
        # A new connection for every batch, as a partner's job posting now and then would: a worker accepts
        # every connection waiting when it looks, so kept-alive connections opened together all land on one
        # worker, and which one serves them decided a run's speed (13,600 events/s with all eight on one,
        # 18,600 with seven to one). Plain HTTP/1.1 on asyncio streams and orjson, not httpx: the load
        # generator shares the two cores with the server and PostgreSQL (httpx took 4 ms of CPU a batch).
        while not queue.empty():
            channel, body = queue.get_nowait()
            head = (
                f"POST /api/v1/feeds/{channel} HTTP/1.1\r\nHost: 127.0.0.1:{PORT}\r\nX-API-Key: {key}\r\n"
                f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n"
            ).encode()
            reader, writer = await asyncio.open_connection("127.0.0.1", PORT)
            try:
                writer.write(head + body)
                response = await reader.read()  # the server closes the connection after its answer
            finally:
                writer.close()
            status_line, _, rest = response.partition(b"\r\n")
            if b" 200 " not in status_line:
                raise RuntimeError(f"{channel}: {response[:500]!r}")
            answer = orjson.loads(rest.partition(b"\r\n\r\n")[2])
            for k in totals:
                totals[k] += answer[k]
            if answer["rejected"]:
                for res in answer["results"]:
                    for err in res.get("errors", []):
                        reasons[err["field"]] = reasons.get(err["field"], 0) + 1

    await asyncio.gather(*(client() for _ in range(clients)))
    if reasons:
        print("  rejection fields:", reasons)
    return totals


def floor_rows(feeds: dict[str, list[dict[str, Any]]], customer_ids: list[uuid.UUID]) -> list[tuple[Any, ...]]:
    """The interaction rows the events become, in the table's column order."""
    rows = []
    chan = {"teller": "teller", "card": "card", "call-center": "call_center", "online-banking": "online_banking"}
    for channel, events in feeds.items():
        for j, e in enumerate(events):
            payload = {k: v for k, v in e.items() if k not in ("source_ref", "type", "occurred_at", "customer", "pan")}
            amount = e.get("amount")
            rows.append(
                (
                    uuid.uuid4(), customer_ids[j % len(customer_ids)],
                    chan.get(channel, "atm" if e["type"].startswith("atm") else "pos"), e["type"], "inbound",
                    datetime.fromisoformat(e["occurred_at"]), None, e["type"], None,
                    None if amount is None else __import__("decimal").Decimal(amount), e.get("currency"), None,
                    e["source_ref"], json.dumps(payload),
                )
            )  # fmt: skip
    return rows


async def copy_floor(url: str, rows: list[tuple[Any, ...]]) -> float:
    conn = await asyncpg.connect(url)
    await conn.execute("DROP TABLE IF EXISTS bench_floor_interactions")
    await conn.execute("CREATE TABLE bench_floor_interactions (LIKE interactions INCLUDING ALL)")
    await conn.set_type_codec(
        "jsonb", encoder=lambda v: b"\x01" + v.encode(), decoder=json.loads, schema="pg_catalog", format="binary"
    )
    columns = [
        "id", "customer_id", "channel", "type", "direction", "occurred_at", "actor", "summary", "outcome",
        "amount", "currency", "holding_id", "source_ref", "payload",
    ]  # fmt: skip
    started = time.perf_counter()
    for start in range(0, len(rows), 1000):  # the same batch size as the feeds, one transaction each
        async with conn.transaction():
            await conn.copy_records_to_table(
                "bench_floor_interactions", records=rows[start : start + 1000], columns=columns
            )
    elapsed = time.perf_counter() - started
    await conn.execute("DROP TABLE bench_floor_interactions")
    await conn.close()
    return elapsed


async def backend_cpu(url: str) -> float:
    """CPU (s) spent so far by the PostgreSQL backends connected to the bench database (the server's pools)."""
    conn = await asyncpg.connect(url)
    try:
        pids = [
            r[0]
            for r in await conn.fetch(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        ]
    finally:
        await conn.close()
    return sum(sum(cpu_seconds(pid)) for pid in pids)


async def scoring_figures(workers: int) -> dict[str, float]:
    """Each worker's scorer counters from /metrics (pid label), summed once every worker has answered."""
    seen: dict[str, dict[str, float]] = {}
    for _ in range(200):
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{PORT}") as client:  # a new connection each time
            text = (await client.get("/metrics")).text
        for line in text.splitlines():
            if line.startswith("crm_scoring_") and "{pid=" in line:
                name, rest = line.split("{pid=", 1)
                pid, value = rest.split("} ")
                seen.setdefault(pid, {})[name.removeprefix("crm_scoring_").removesuffix("_total")] = float(value)
        if len(seen) >= workers:
            break
    names = ("passes", "entries", "customers", "seconds")
    return {k: sum(figures.get(k, 0.0) for figures in seen.values()) for k in names}


async def queue_depth(url: str) -> int:
    conn = await asyncpg.connect(url)
    try:
        return int(await conn.fetchval("SELECT count(*) FROM rescore_queue"))
    finally:
        await conn.close()


def wait_ready(proc: subprocess.Popen[bytes]) -> None:
    deadline = time.time() + 60
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("the server exited")
        try:
            if httpx.get(f"http://127.0.0.1:{PORT}/readyz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise RuntimeError("the server did not become ready")


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--customers", type=int, default=2000)
    args = parser.parse_args()

    url = await fresh_database()
    env = env_for(url)
    crm(env, "migrate")
    print(crm(env, "demo", "--customers", str(args.customers), "--months", "3").splitlines()[-1][:200])
    await analyze(url)
    key = crm(env, "api-key", "create", "--name", "bench", "--scope", "feeds:write").splitlines()[-1]
    people = await identities(url)
    run = uuid.uuid4().hex[:6]
    feeds = make_events(people, args.events, run)
    batches = [
        (channel, json.dumps({"events": events[i : i + args.batch]}).encode())
        for channel, events in feeds.items()
        for i in range(0, len(events), args.batch)
    ]
    random.Random(3).shuffle(batches)
    print(f"{args.events} events in {len(batches)} batches of {args.batch}; {len(people)} demo customers")

    # The server's log goes to a file (a pipe nobody reads would fill and stall the server); afterwards the
    # bench counts the batches retried after a deadlock or serialisation failure.
    log_path = Path(os.environ.get("BENCH_LOG", "/tmp/bench_ingest_server.log"))
    server_log = log_path.open("wb")  # noqa: ASYNC230  (before timing)
    server = subprocess.Popen(  # noqa: ASYNC220  (started once, before timing)
        [str(ROOT / ".venv/bin/crm"), "serve", "--port", str(PORT), "--workers", str(args.workers)],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=server_log,
    )  # fmt: skip
    try:
        wait_ready(server)
        print(f"load average before posting: {load_average()}")
        server_cpu_before = tree_cpu(server.pid)
        started = time.perf_counter()
        load_cpu_before = time.process_time()
        totals = await post_all(batches, key, args.clients)
        elapsed = time.perf_counter() - started
        load_cpu = time.process_time() - load_cpu_before  # this process: the load generator
        print(f"load average after posting: {load_average()}")
        # Scores, tiers, alerts and segments follow the commit (the servers' scorers drain the rescore queue):
        # the run is over for the value area when the queue is empty.
        backlog = await queue_depth(url)
        while await queue_depth(url) > 0:  # noqa: ASYNC110  (polling another process's table)
            await asyncio.sleep(0.05)
        scored_elapsed = time.perf_counter() - started
        server_cpu = tree_cpu(server.pid) - server_cpu_before
        database_cpu = await backend_cpu(url)  # the pools' backends were opened by this run's requests
        scoring = await scoring_figures(args.workers)
    finally:
        server.terminate()
        server.wait(timeout=30)
        server_log.close()
    log_text = log_path.read_text(errors="replace")  # noqa: ASYNC240  (after timing)
    retried = sum(1 for line in log_text.splitlines() if "retrying a" in line)
    print(f"batches retried after a deadlock or serialisation failure: {retried} (server log: {log_path})")
    rate = args.events / elapsed
    print(f"ingest: {totals} in {elapsed:.1f}s = {rate:,.0f} events/s ({args.workers} workers, {args.clients} clients)")
    per_k = (server_cpu + database_cpu) / args.events * 1000
    print(f"CPU per 1,000 events: server {server_cpu / args.events * 1000:.3f}s (all workers), PostgreSQL backends "
          f"{database_cpu / args.events * 1000:.3f}s; on {os.cpu_count()} cores with nothing else running that is "
          f"at most {os.cpu_count() * 1000 / per_k:,.0f} events/s (the load generator not counted: it spent "
          f"{load_cpu / args.events * 1000:.3f}s)")  # fmt: skip
    print(f"scoring passes: {scoring['passes']:.0f} over {scoring['customers']:,.0f} customers "
          f"({scoring['entries']:,.0f} queue entries), {scoring['seconds']:.1f}s in passes (all workers)")  # fmt: skip
    print(f"scored: rescore queue held {backlog} entries at the last answer; empty {scored_elapsed:.1f}s after the "
          f"first post = {args.events / scored_elapsed:,.0f} events/s scored")  # fmt: skip

    conn = await asyncpg.connect(url)
    ids = [r["id"] for r in await conn.fetch("SELECT id FROM customers LIMIT 5000")]
    in_timeline = await conn.fetchval("SELECT count(*) FROM interactions WHERE source_ref LIKE $1", f"{run}-%")
    await conn.close()
    print(f"interactions stored for this run: {in_timeline}")
    rows = floor_rows(feeds, ids)
    floor_elapsed = await copy_floor(url, rows)
    floor_rate = len(rows) / floor_elapsed
    print(f"floor: asyncpg COPY of {len(rows)} interaction rows in batches of {args.batch}: {floor_elapsed:.1f}s = "
          f"{floor_rate:,.0f} rows/s")  # fmt: skip
    print(f"ratio: ingest is {floor_rate / rate:.1f}x slower than the COPY floor ({rate / floor_rate:.1%} of it)")
    target = 20_000
    print(f"target {target:,} events/s: {'met' if rate >= target else 'NOT met'}")


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
