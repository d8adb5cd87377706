"""Benchmark: the call-center context by phone, against the production server, beside its database floor.

    .venv/bin/python -m bench.context.run [--database postgresql://postgres@127.0.0.1:5432/crm_bench_context]

1. Loads the bank if the database is empty (bench/context/load.py: 100,000 customers, 5,000,000 interactions).
2. Captures the SQL statements one context request runs (authentication, the lookup, the context queries,
   the audit entry) and writes them as a pgbench script with `\\set` random customers.
3. Starts `crm serve --workers N` in production mode and lets 32 keep-alive clients ask for random
   customers' phones for 30 seconds; prints requests/s, p50 and p99.
4. Stops the server and runs pgbench with the captured script, 32 clients for 30 seconds: the floor.
5. Prints both and their ratio.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import asyncpg

from bench.context.load import main as load
from bench.procfs import command_cpu, machine_cpu, tree_cpu

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
SECRET_ENV = {
    "CRM_ENVIRONMENT": "production",
    "CRM_JWT_SECRET": "bench-only-jwt-secret-0123456789abcdef0123456789",
    "CRM_CARD_TOKEN_KEY": "bench-only-card-token-key-0123456789abcdef",
    "CRM_SERVE_FRONTEND": "false",
    "CRM_RATE_LIMIT_PER_MINUTE": "0",  # the limiter is per caller: 32 clients share one key here
    "CRM_RATE_LIMIT_SYSTEM_PER_MINUTE": "0",
}


def sqlalchemy_url(dsn: str) -> str:
    return dsn.replace("postgresql://", "postgresql+asyncpg://", 1)


async def make_key(dsn: str) -> str:
    from sqlalchemy.ext.asyncio import create_async_engine

    from adapters.db import accounts

    engine = create_async_engine(sqlalchemy_url(dsn))
    async with engine.begin() as conn:
        key = await accounts.create_api_key(
            conn, name=f"bench-{uuid.uuid4().hex[:6]}", scopes=["context:read"], now=datetime.now(UTC)
        )
    await engine.dispose()
    return key


async def phones(dsn: str) -> list[str]:
    conn = await asyncpg.connect(dsn)
    try:
        rows = await conn.fetch("SELECT DISTINCT key FROM customer_identities WHERE source = 'phone'")
    finally:
        await conn.close()
    return [r["key"] for r in rows]


# --- capture the statements -----------------------------------------------------------------------------------


async def capture(dsn: str, key: str, phone: str) -> list[tuple[str, tuple[Any, ...]]]:
    """Run one context request in-process and record every statement it sends to PostgreSQL."""
    import httpx
    from sqlalchemy import event

    from adapters.container import build_container
    from adapters.settings import Settings
    from api.app import create_app

    settings = Settings(database_url=sqlalchemy_url(dsn), **{k[4:].lower(): v for k, v in SECRET_ENV.items()})
    container = build_container(settings)
    seen: list[tuple[str, tuple[Any, ...]]] = []

    @event.listens_for(container.engine.sync_engine, "before_cursor_execute")
    def _record(_conn: Any, _cursor: Any, statement: str, parameters: Any, _ctx: Any, _many: bool) -> None:
        seen.append((statement, tuple(parameters or ())))

    # The hot reads go straight to asyncpg on the request's connection, past SQLAlchemy's hook: record those
    # calls too, as they are made (asyncpg's own query loggers run later, out of order with the hook's records).
    originals = {name: getattr(asyncpg.Connection, name) for name in ("fetch", "fetchrow", "fetchval", "execute")}

    def recording(name: str) -> Any:
        original = originals[name]

        async def call(self: asyncpg.Connection, query: str, *args: Any, **kwargs: Any) -> Any:
            seen.append((query, args))
            return await original(self, query, *args, **kwargs)

        return call

    app = create_app(container=container)
    transport = httpx.ASGITransport(app=app)
    for name in originals:
        setattr(asyncpg.Connection, name, recording(name))
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            url = "/api/v1/contact-center/context"
            for _ in range(3):  # the first ones warm caches (catalogue, look-alike freshness, key last-used, types)
                seen.clear()
                r = await client.get(url, params={"phone": phone}, headers={"X-API-Key": key})
                assert r.status_code == 200, r.text
    finally:
        for name, original in originals.items():
            setattr(asyncpg.Connection, name, original)
    await container.dispose()
    return [(s, p) for s, p in seen if not s.strip().upper().startswith(("BEGIN", "COMMIT", "ROLLBACK"))]


def _literal(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, datetime):
        return f"to_timestamp({value.timestamp()})"
    if isinstance(value, list | tuple):
        return "ARRAY[" + ", ".join(_literal(v) for v in value) + "]::text[]"
    text = str(value)
    if ":" in text:  # pgbench would read ":name" inside a literal as one of its variables
        return f"convert_from(decode('{text.encode().hex()}', 'hex'), 'UTF8')"
    text = text.replace("'", "''")
    return f"'{text}'"


def pgbench_script(statements: list[tuple[str, tuple[Any, ...]]], customer_id: str, phone: str) -> str:
    """The captured statements with the customer made random: `:i` picks one of the 100,000."""
    lines = ["\\set i random(1, 100000)"]
    returned = False  # the previous statement returned an id (the audit entry's), kept as :ret_id
    for statement, params in statements:
        # pgbench reads ":name" anywhere as its variable, even inside a literal ('HH24:MI:SS'): hide those colons.
        sql = re.sub(r"'([^']*)'", lambda m: _literal(m.group(1)) if ":" in m.group(1) else m.group(0), statement)

        def random_customer(value: Any) -> str | None:
            if str(value) == customer_id:
                return "md5('c' || :i::text)::uuid"
            if value == phone:
                return "'+8613' || lpad(:i::text, 9, '0')"
            return None

        for n in range(len(params), 0, -1):
            value = params[n - 1]
            literal = random_customer(value)
            if literal is not None:
                pass
            elif isinstance(value, list | tuple) and value and all(random_customer(v) for v in value):
                literal = "ARRAY[" + ", ".join(str(random_customer(v)) for v in value) + "]"
            elif returned and isinstance(value, int) and not isinstance(value, bool):
                literal = ":ret_id"
            else:
                literal = _literal(value)
            sql = re.sub(rf"\${n}(?![0-9])", f"({literal})", sql)  # asyncpg's cast ($1::UUID) stays
        sql = " ".join(sql.split())
        returned = bool(re.search(r"RETURNING \w+\.id$", sql))
        lines.append(sql + (" \\gset ret_" if returned else ";"))
    return "\n".join(lines) + "\n"


# --- load -----------------------------------------------------------------------------------------------------


REQUEST_TIMEOUT_S = 30.0  # a request unanswered this long counts as an error (-1)


async def client_loop(
    host: str, port: int, key: str, numbers: list[str], until: float, latencies: list[float], errors: list[int]
) -> None:
    """One keep-alive HTTP/1.1 client: as little Python as possible, so the server gets the CPU."""
    reader, writer = await asyncio.open_connection(host, port)
    rnd = random.Random()
    try:
        while time.perf_counter() < until:
            phone = rnd.choice(numbers).replace("+", "%2B")
            request = (
                f"GET /api/v1/contact-center/context?phone={phone} HTTP/1.1\r\nHost: {host}\r\n"
                f"X-API-Key: {key}\r\nAccept: application/json\r\n\r\n"
            ).encode()
            started = time.perf_counter()
            writer.write(request)
            try:
                async with asyncio.timeout(REQUEST_TIMEOUT_S):
                    status = await read_response(reader)
            except TimeoutError:
                errors.append(-1)  # an answer that never came: counted, and this client stops (its connection is stuck)
                return
            latencies.append(time.perf_counter() - started)
            if status not in (200, 404):
                errors.append(status)
    finally:
        writer.close()


async def read_response(reader: asyncio.StreamReader) -> int:
    """Read one HTTP/1.1 response off the connection; its status."""
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    length = 0
    chunked = False
    for line in head.split(b"\r\n"):
        lower = line.lower()
        if lower.startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
        elif lower.startswith(b"transfer-encoding:") and b"chunked" in lower:
            chunked = True
    if chunked:
        while True:
            size = int((await reader.readuntil(b"\r\n")).strip(), 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    else:
        await reader.readexactly(length)
    return status


async def drive(host: str, port: int, key: str, numbers: list[str], clients: int, seconds: float) -> dict[str, float]:
    latencies: list[float] = []
    errors: list[int] = []
    started = time.perf_counter()
    until = started + seconds
    await asyncio.gather(*(client_loop(host, port, key, numbers, until, latencies, errors) for _ in range(clients)))
    elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "requests": len(latencies),
        "rps": len(latencies) / elapsed,
        "p50_ms": latencies[len(latencies) // 2] * 1000,
        "p99_ms": latencies[int(len(latencies) * 0.99)] * 1000,
        "mean_ms": statistics.fmean(latencies) * 1000,
        "errors": len(errors),
    }


async def audit_high_water(dsn: str) -> int:
    conn = await asyncpg.connect(dsn)
    try:
        return int(await conn.fetchval("SELECT coalesce(max(id), 0) FROM audit_log"))
    finally:
        await conn.close()


async def audit_commits_since(dsn: str, after_id: int) -> tuple[int, int]:
    """Audit entries written after `after_id`, and in how many transactions (rows of one commit share an xmin)."""
    conn = await asyncpg.connect(dsn)
    try:
        row = await conn.fetchrow(
            "SELECT count(*) AS entries, count(DISTINCT xmin::text) AS commits FROM audit_log WHERE id > $1", after_id
        )
    finally:
        await conn.close()
    return int(row["entries"]), int(row["commits"])


def start_server(dsn: str, port: int, workers: int, pool: int) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CRM_")}
    env.update(SECRET_ENV, CRM_DATABASE_URL=sqlalchemy_url(dsn), CRM_DATABASE_POOL_SIZE=str(pool))
    cmd = [sys.executable, "-m", "adapters.cli", "serve", "--host", "127.0.0.1", "--port", str(port)]
    cmd += ["--workers", str(workers)]
    return subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


async def wait_ready(port: int, proc: subprocess.Popen[bytes]) -> None:
    import httpx

    async with httpx.AsyncClient() as client:
        for _ in range(300):
            if proc.poll() is not None:
                raise RuntimeError(f"server exited: {proc.stderr.read().decode() if proc.stderr else ''}")
            try:
                if (await client.get(f"http://127.0.0.1:{port}/readyz")).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            await asyncio.sleep(0.2)
    raise RuntimeError("server not ready after 60 s")


def cpu_reading(server_pid: int | None) -> dict[str, float]:
    """CPU seconds so far: the whole machine, the server's processes, PostgreSQL's, this process (the load)."""
    busy, everything = machine_cpu()
    times = os.times()
    return {
        "busy": busy,
        "all": everything,
        "server": tree_cpu(server_pid) if server_pid is not None else 0.0,
        "postgres": command_cpu("postgres"),
        "client": times.user + times.system,
    }


def cpu_spent(before: dict[str, float], after: dict[str, float], requests: float) -> dict[str, float]:
    """Milliseconds of CPU per request between two readings, by who spent it."""
    per = {k: (after[k] - before[k]) * 1000 / max(requests, 1) for k in before}
    return {
        "machine": per["busy"],
        "busy_share": (after["busy"] - before["busy"]) / max(after["all"] - before["all"], 1e-9),
        "server": per["server"],
        "postgres": per["postgres"],
        "client": per["client"],
        "other": per["busy"] - per["server"] - per["postgres"] - per["client"],
    }


def run_pgbench(dsn: str, script: Path, clients: int, seconds: int) -> dict[str, float]:
    pgbench = shutil.which("pgbench")
    if pgbench is None:
        raise RuntimeError("pgbench is not installed (Debian: postgresql-client)")
    with tempfile.TemporaryDirectory() as logs:
        cmd = [pgbench, "-n", "-M", "prepared", "-c", str(clients), "-j", "2", "-T", str(seconds)]
        cmd += ["-f", str(script), "-l", "--log-prefix", f"{logs}/tx", dsn]
        # The server's hot read connections reuse generic plans (adapters/db/engine.py): so do pgbench's.
        from adapters.db.engine import HOT_READ_SERVER_SETTINGS

        options = " ".join(f"-c {k}={v}" for k, v in HOT_READ_SERVER_SETTINGS.items())
        env = {**os.environ, "PGOPTIONS": options}
        done = subprocess.run(cmd, capture_output=True, text=True, check=False, env=env)
        if done.returncode != 0:
            raise RuntimeError(f"pgbench failed: {done.stderr}")
        latencies = []
        for log in Path(logs).glob("tx*"):
            for line in log.read_text().splitlines():
                parts = line.split()
                latencies.append(int(parts[2]) / 1000)  # microseconds -> ms
    tps = float(re.search(r"tps = ([0-9.]+)", done.stdout).group(1))  # type: ignore[union-attr]
    latencies.sort()
    return {
        "tps": tps,
        "p50_ms": latencies[len(latencies) // 2],
        "p99_ms": latencies[int(len(latencies) * 0.99)],
    }


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", default="postgresql://postgres@127.0.0.1:5432/crm_bench_context")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--pool", type=int, default=8, help="CRM_DATABASE_POOL_SIZE: the hot read pool per worker (no overflow)"
    )
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--port", type=int, default=8155)
    args = parser.parse_args()

    await load(args.database)
    key = await make_key(args.database)
    numbers = await phones(args.database)
    sample_i = 4242
    sample_phone = f"+8613{sample_i:09d}"
    conn = await asyncpg.connect(args.database)
    sample_id = str(await conn.fetchval("SELECT md5('c' || $1::text)::uuid", str(sample_i)))
    await conn.close()

    statements = await capture(args.database, key, sample_phone)
    script = HERE / "context.pgbench.sql"
    script.write_text(pgbench_script(statements, sample_id, sample_phone))
    print(f"captured {len(statements)} statements per request -> {script.relative_to(ROOT)}")

    proc = start_server(args.database, args.port, args.workers, args.pool)
    try:
        await wait_ready(args.port, proc)
        await drive("127.0.0.1", args.port, key, numbers, args.clients, 5)  # warm-up
        audit_before = await audit_high_water(args.database)
        before = cpu_reading(proc.pid)
        http = await drive("127.0.0.1", args.port, key, numbers, args.clients, args.seconds)
        http_cpu = cpu_spent(before, cpu_reading(proc.pid), http["requests"])
        entries, commits = await audit_commits_since(args.database, audit_before)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    before = cpu_reading(None)
    floor = run_pgbench(args.database, script, args.clients, args.seconds)
    floor_cpu = cpu_spent(before, cpu_reading(None), floor["tps"] * args.seconds)

    print(
        f"\nGET /api/v1/contact-center/context?phone=... ({args.workers} workers, {args.clients} clients, "
        f"{args.seconds} s, {len(numbers)} phones)"
    )
    print(
        f"  server : {http['rps']:8.0f} req/s   p50 {http['p50_ms']:6.1f} ms   p99 {http['p99_ms']:6.1f} ms   "
        f"({http['requests']:.0f} requests, {http['errors']:.0f} errors)"
    )
    print(
        f"  floor  : {floor['tps']:8.0f} req/s   p50 {floor['p50_ms']:6.1f} ms   p99 {floor['p99_ms']:6.1f} ms   "
        f"(pgbench, the same {len(statements)} statements per request)"
    )
    print(
        f"  ratio  : {http['rps'] / floor['tps']:8.2f} of the floor's throughput, "
        f"p99 {http['p99_ms'] / floor['p99_ms']:.1f}x the floor's"
    )
    print("  target : >= 1500 req/s, p99 < 30 ms")
    print(
        f"  audit  : {entries} entries in {commits} commits during the server phase "
        f"({entries / max(commits, 1):.1f} per commit: the reads in flight are committed together)"
    )
    print("\nCPU per request (ms; user + system, from /proc)")
    for label, spent in (("server phase", http_cpu), ("floor phase ", floor_cpu)):
        print(
            f"  {label}: machine {spent['machine']:5.2f} (busy {spent['busy_share']:4.0%})   "
            f"server {spent['server']:5.2f}   postgres {spent['postgres']:5.2f}   "
            f"load generator {spent['client']:5.2f}   other {spent['other']:5.2f}"
        )
    print("  (pgbench's own CPU is in 'other' in the floor phase; a connection the pool closed takes its CPU with it)")


if __name__ == "__main__":
    asyncio.run(main())
