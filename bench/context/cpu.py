"""Server CPU per context request: one worker, N keep-alive clients, the server's user+system time from /proc.

    .venv/bin/python -m bench.context.cpu [--clients 16] [--seconds 10] [--repeat 3]

Wall-clock throughput on a shared machine says as much about the neighbours as about the server; the CPU the
server process spent per request does not. Linux only (reads /proc/<pid>/stat).
"""

from __future__ import annotations

import argparse
import asyncio
import os

from bench.context.run import drive, make_key, phones, start_server, wait_ready
from bench.procfs import cpu_seconds


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", default="postgresql://postgres@127.0.0.1:5432/crm_bench_context")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pool", type=int, default=8)
    parser.add_argument("--port", type=int, default=8156)
    args = parser.parse_args()

    key = await make_key(args.database)
    numbers = await phones(args.database)
    proc = start_server(args.database, args.port, 1, args.pool)  # one worker: uvicorn serves in this very pid
    try:
        await wait_ready(args.port, proc)
        await drive("127.0.0.1", args.port, key, numbers, args.clients, 3)  # warm-up
        for _ in range(args.repeat):
            user_before, system_before = cpu_seconds(proc.pid)
            figures = await drive("127.0.0.1", args.port, key, numbers, args.clients, args.seconds)
            user_after, system_after = cpu_seconds(proc.pid)
            n = figures["requests"]
            user = (user_after - user_before) / n * 1000
            system = (system_after - system_before) / n * 1000
            load = os.getloadavg()[0]
            print(
                f"{n:.0f} requests ({figures['rps']:.0f}/s, p50 {figures['p50_ms']:.1f} ms, "
                f"p99 {figures['p99_ms']:.1f} ms, {figures['errors']:.0f} errors): server CPU "
                f"{user + system:.2f} ms per request ({user:.2f} user, {system:.2f} system; load average {load:.1f})",
                flush=True,
            )
    finally:
        proc.terminate()
        proc.wait(timeout=30)


if __name__ == "__main__":
    asyncio.run(main())
