"""The ceiling: how fast any Python server could answer the context bench on this machine.

    .venv/bin/python -m bench.context.ceiling [--seconds 20] [--clients 32] [--workers 2]

Runs bench/context/ceiling_app.py (a raw ASGI app that does only the I/O a context read must do, reading a
stored, finished answer per customer) under uvicorn the way `crm serve` runs (uvloop, httptools, N workers,
no access log), drives it with the context bench's own load generator (32 keep-alive clients asking random
customers' phones), and prints requests/s, p50, p99 and CPU per request beside the aim. Needs the bench
database loaded by `python -m bench.context.run`. It creates two tables of its own there
(`bench_ceiling_answers`: one stored answer per customer, as long as a real answer; `bench_ceiling_audit`)
and drops them afterwards.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys

import asyncpg
import httpx

from bench.context.run import ROOT, cpu_reading, cpu_spent, drive, make_key, phones, start_server, wait_ready

TABLES = """
DROP TABLE IF EXISTS bench_ceiling_answers;
DROP TABLE IF EXISTS bench_ceiling_audit;
CREATE TABLE bench_ceiling_answers (customer_id uuid PRIMARY KEY, body text NOT NULL);
CREATE TABLE bench_ceiling_audit (id bigserial PRIMARY KEY, at timestamptz, actor text, customer_id uuid, detail jsonb);
"""


async def answer_length(dsn: str, key: str, number: str, port: int) -> int:
    """The length of a real context answer, from the real server (started for this and stopped)."""
    proc = start_server(dsn, port, 1, 8)
    try:
        await wait_ready(port, proc)
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
            r = await client.get("/api/v1/contact-center/context", params={"phone": number}, headers={"X-API-Key": key})
            r.raise_for_status()
            return len(r.content)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def start_ceiling(dsn: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    env = dict(os.environ, CEILING_DSN=dsn)
    cmd = [sys.executable, "-m", "uvicorn", "bench.context.ceiling_app:app", "--host", "127.0.0.1"]
    cmd += ["--port", str(port), "--workers", str(workers), "--no-access-log", "--log-level", "warning"]
    cmd += ["--loop", "uvloop", "--http", "httptools"]
    return subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", default="postgresql://postgres@127.0.0.1:5432/crm_bench_context")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--port", type=int, default=8156)
    args = parser.parse_args()

    key = await make_key(args.database)
    numbers = await phones(args.database)
    length = await answer_length(args.database, key, "+8613000004242", args.port)
    conn = await asyncpg.connect(args.database)
    try:
        await conn.execute(TABLES)
        # Each customer's stored answer: as long as a real one, distinct per customer.
        await conn.execute(
            'INSERT INTO bench_ceiling_answers SELECT id, rpad(\'{"id":"\' || id::text || \'","x":"\', $1 - 2, \'x\')'
            " || '\"}' FROM customers",
            length,
        )
        await conn.execute("ANALYZE bench_ceiling_answers")
    finally:
        await conn.close()

    proc = start_ceiling(args.database, args.port, args.workers)
    try:
        await asyncio.sleep(3)
        await drive("127.0.0.1", args.port, key, numbers, args.clients, 5)  # warm-up
        before = cpu_reading(proc.pid)
        result = await drive("127.0.0.1", args.port, key, numbers, args.clients, args.seconds)
        spent = cpu_spent(before, cpu_reading(proc.pid), result["requests"])
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        conn = await asyncpg.connect(args.database)
        await conn.execute("DROP TABLE IF EXISTS bench_ceiling_answers; DROP TABLE IF EXISTS bench_ceiling_audit;")
        await conn.close()

    print(
        f"\nceiling: a raw ASGI app reading stored answers of {length} bytes "
        f"({args.workers} workers, {args.clients} clients, {args.seconds} s)"
    )
    print(
        f"  ceiling: {result['rps']:8.0f} req/s   p50 {result['p50_ms']:6.1f} ms   p99 {result['p99_ms']:6.1f} ms   "
        f"({result['requests']:.0f} requests, {result['errors']:.0f} errors)"
    )
    print("  target : >= 1500 req/s, p99 < 30 ms")
    print(
        f"  CPU per request (ms): machine {spent['machine']:5.2f} (busy {spent['busy_share']:4.0%})   "
        f"server {spent['server']:5.2f}   postgres {spent['postgres']:5.2f}   load generator {spent['client']:5.2f}"
    )


if __name__ == "__main__":
    asyncio.run(main())
