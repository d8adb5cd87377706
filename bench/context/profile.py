"""Where a context request's time goes: N requests in-process (ASGI, no network) under pyinstrument.

.venv/bin/pip install pyinstrument
.venv/bin/python -m bench.context.profile [--requests 500]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import time

import httpx
from pyinstrument import Profiler

from bench.context.run import SECRET_ENV, make_key, phones, sqlalchemy_url


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", default="postgresql://postgres@127.0.0.1:5432/crm_bench_context")
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument(
        "--concurrency", type=int, default=1, help="Requests in flight at once (above 1 the profile shows CPU)"
    )
    parser.add_argument(
        "--cpu",
        action="store_true",
        help="Sample only what runs (async_mode disabled): where the CPU goes, not where requests wait",
    )
    parser.add_argument("--all", action="store_true", help="Show every frame (library internals too)")
    args = parser.parse_args()

    from adapters.container import build_container
    from adapters.settings import Settings
    from api.app import create_app

    key = await make_key(args.database)
    numbers = await phones(args.database)
    settings = Settings(database_url=sqlalchemy_url(args.database), **{k[4:].lower(): v for k, v in SECRET_ENV.items()})
    container = build_container(settings)
    app = create_app(container=container)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench") as client:

        async def one() -> None:
            r = await client.get(
                "/api/v1/contact-center/context", params={"phone": random.choice(numbers)}, headers={"X-API-Key": key}
            )
            assert r.status_code in (200, 404), r.text

        for _ in range(50):
            await one()
        profiler = Profiler(async_mode="disabled" if args.cpu else "enabled", interval=0.0005)
        started = time.perf_counter()
        cpu_started = time.process_time()

        async def lane(n: int) -> None:
            for _ in range(n):
                await one()

        with profiler:
            per_lane = args.requests // args.concurrency
            await asyncio.gather(*(lane(per_lane) for _ in range(args.concurrency)))
        elapsed = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
    await container.dispose()
    done = per_lane * args.concurrency
    print(
        f"{done} requests, {args.concurrency} at a time, in-process: {elapsed / done * 1000:.2f} ms wall and "
        f"{cpu / done * 1000:.2f} ms CPU each (the CPU includes the httpx client and the profiler)"
    )
    print(profiler.output_text(unicode=False, color=False, show_all=args.all))


if __name__ == "__main__":
    asyncio.run(main())
