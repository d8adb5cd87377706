"""The `crm` command: serve, migrate, demo data, and the set-up commands of the contract."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Awaitable, Callable
from typing import Annotated, TypeVar

import typer

from adapters.settings import get_settings

app = typer.Typer(help="bank-crm: customer relationship management for retail banks.", no_args_is_help=True)
user_app = typer.Typer(help="People who sign in.", no_args_is_help=True)
key_app = typer.Typer(help="API keys for systems.", no_args_is_help=True)
app.add_typer(user_app, name="user")
app.add_typer(key_app, name="api-key")

T = TypeVar("T")


def _run(fn: Callable[[], Awaitable[T]]) -> T:
    return asyncio.run(fn())  # type: ignore[arg-type]


def _fail(message: str) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)


@app.command()
def migrate(revision: str = "head") -> None:
    """Bring the database (CRM_DATABASE_URL) to the newest schema."""
    from adapters.db.migrate import upgrade

    settings = get_settings()
    upgrade(settings.database_url, revision)
    typer.echo(f"database at {revision} ({settings.dialect})")


@app.command()
def serve(
    host: str = "127.0.0.1",
    port: int = 8000,
    workers: Annotated[int, typer.Option(help="Server processes (PostgreSQL only for more than one)")] = 1,
    reload: bool = False,
) -> None:
    """Serve the API (and the built SPA) with uvicorn."""
    import uvicorn

    settings = get_settings()
    try:
        settings.check_production_safety()
    except RuntimeError as e:
        _fail(f"refusing to start in {settings.environment}: {e}")
    if workers > 1 and settings.dialect == "sqlite":
        _fail("SQLite is single-writer: use --workers 1, or PostgreSQL for more")
    options = {"log_level": "info", "access_log": settings.environment == "development"}
    from adapters import serve as multi

    if workers > 1 and not reload and multi.supported():
        # A listening socket per process: kept-alive connections spread over the processes (adapters/serve.py).
        try:
            raise typer.Exit(multi.serve(host, port, workers, options))
        except (OSError, multi.StartupFailed) as e:
            _fail(f"cannot serve on {host}:{port}: {e}")
    uvicorn.run(
        "api.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        reload=reload,
        **options,  # type: ignore[arg-type]
    )


@app.command()
def demo(
    customers: Annotated[int, typer.Option(help="How many customers")] = 2000,
    seed: Annotated[int, typer.Option(help="Same seed, same bank")] = 7,
    months: Annotated[int, typer.Option(help="Months of history")] = 12,
    if_empty: Annotated[bool, typer.Option("--if-empty", help="Only when there are no customers yet")] = False,
) -> None:
    """Load a believable demo bank (branches, RMs, customers, holdings, a year of events)."""
    from adapters.demo import load_demo

    settings = get_settings()
    report = _run(lambda: load_demo(settings, customers=customers, seed=seed, months=months, if_empty=if_empty))
    typer.echo(report)


@app.command()
def up(
    host: str = "127.0.0.1",
    port: int = 8000,
    customers: int = 2000,
) -> None:
    """Migrate, load demo data when the database is empty, and serve: the whole product in one command."""
    migrate()
    demo(customers=customers, seed=7, months=12, if_empty=True)
    rescore(no_alerts=False)  # tiers, scores, alerts and segments for what was loaded (idempotent)
    serve(host=host, port=port, workers=1, reload=False)


@user_app.command("create")
def user_create(
    username: Annotated[str, typer.Option()],
    password: Annotated[str, typer.Option()],
    role: Annotated[str, typer.Option(help="admin, branch_manager, rm, agent, marketing or auditor")],
    branch: Annotated[str | None, typer.Option(help="Home branch code")] = None,
    display_name: Annotated[str | None, typer.Option()] = None,
) -> None:
    """Create a person who signs in."""
    from adapters.container import build_container
    from adapters.db import accounts
    from domain.errors import DomainError

    async def go() -> str:
        container = build_container(get_settings())
        try:
            async with container.uow() as uow:
                uid = await accounts.create_user(
                    uow.connection,
                    username=username,
                    password=password,
                    role=role,
                    branch=branch,
                    now=container.clock.now(),
                    display_name=display_name,
                )
                await uow.commit()
            return str(uid)
        finally:
            await container.dispose()

    try:
        uid = _run(go)
    except DomainError as e:
        _fail(f"{e.field}: {e.message}" if e.field else e.message)
    typer.echo(f"created user {username} ({role})")
    typer.echo(uid)


@key_app.command("create")
def key_create(
    name: Annotated[str, typer.Option()],
    scope: Annotated[list[str], typer.Option(help="feeds:write, context:read (repeat for more)")],
) -> None:
    """Create an API key. The key is printed once, as the last line, and never again."""
    from adapters.container import build_container
    from adapters.db import accounts
    from domain.errors import DomainError

    async def go() -> str:
        container = build_container(get_settings())
        try:
            async with container.uow() as uow:
                secret = await accounts.create_api_key(
                    uow.connection, name=name, scopes=scope, now=container.clock.now()
                )
                await uow.commit()
            return secret
        finally:
            await container.dispose()

    try:
        secret = _run(go)
    except DomainError as e:
        _fail(f"{e.field}: {e.message}" if e.field else e.message)
    typer.echo(
        f"created API key {name} with scopes {', '.join(sorted(set(scope)))}; store it now, it is not shown again"
    )
    typer.echo(secret)


@key_app.command("list")
def key_list() -> None:
    """List API keys (never their secrets)."""
    from adapters.container import build_container
    from adapters.db import accounts

    async def go() -> list[str]:
        container = build_container(get_settings())
        try:
            async with container.engine.connect() as conn:
                rows = await accounts.list_api_keys(conn)
            return [
                f"{r.name}\tcrm_{r.prefix}_…\t{','.join(r.scopes)}\tcreated {r.created_at:%Y-%m-%d}"
                f"\tlast used {r.last_used_at or 'never'}\t{'REVOKED' if r.revoked_at else 'active'}"
                for r in rows
            ]
        finally:
            await container.dispose()

    for line in _run(go):
        typer.echo(line)


@key_app.command("revoke")
def key_revoke(name: Annotated[str, typer.Argument(help="The key's name or prefix")]) -> None:
    """Revoke an API key at once."""
    from adapters.container import build_container
    from adapters.db import accounts
    from domain.errors import DomainError

    async def go() -> int:
        container = build_container(get_settings())
        try:
            async with container.uow() as uow:
                n = await accounts.revoke_api_key(uow.connection, name, container.clock.now())
                await uow.commit()
            return n
        finally:
            await container.dispose()

    try:
        n = _run(go)
    except DomainError as e:
        _fail(e.message)
    typer.echo(f"revoked {n} key(s)")


@app.command()
def rescore(
    no_alerts: Annotated[bool, typer.Option("--no-alerts", help="Scores and segments only")] = False,
) -> None:
    """Recompute every customer's value, tier, lifecycle, churn risk, alerts and rule segments, set-based."""
    import time

    from adapters.container import build_container
    from adapters.db.scoring import rescore_all

    async def go() -> str:
        container = build_container(get_settings())
        try:
            started = time.perf_counter()
            now = container.clock.now()
            result = await rescore_all(container.engine, now, container.settings, alerts=not no_alerts)
            elapsed = time.perf_counter() - started
            rate = result.customers / elapsed if elapsed > 0 else 0.0
            return (
                f"rescored {result.customers} customers in {elapsed:.1f}s ({rate:,.0f} customers/s); "
                f"{result.tier_changes} tier changes, {result.alerts_raised} new alerts, "
                f"key-tier cutoff {result.key_cutoff} CNY/month"
            )
        finally:
            await container.dispose()

    typer.echo(_run(go))


@app.command()
def consume(
    broker: Annotated[str, typer.Option(envvar="CRM_BROKER_URL", help="amqp://user:pass@host:5672/")],
    queue: Annotated[str, typer.Option(envvar="CRM_BROKER_QUEUE", help="The feed queue")] = "crm.feeds",
    max_messages: Annotated[int | None, typer.Option(help="Stop after this many messages")] = None,
    idle_timeout: Annotated[float | None, typer.Option(help="Stop when the queue stays empty this long (s)")] = None,
    prefetch: Annotated[int, typer.Option(help="Unacknowledged messages in flight")] = 4,
) -> None:
    """Read channel feeds ({"channel": ..., "events": [...]}) from RabbitMQ; poison messages go to <queue>.dlq."""
    from adapters.broker import consume as run_consumer
    from adapters.container import build_container

    async def go() -> str:
        from adapters.runtime import tune_cycle_collector

        tune_cycle_collector()  # as a server process does
        container = build_container(get_settings())
        scorer = container.scorer
        assert scorer is not None
        scorer.start()  # scores what the consumed feeds queue, as a server process does
        try:
            report = await run_consumer(
                container, broker, queue, max_messages=max_messages, idle_timeout=idle_timeout, prefetch=prefetch
            )
            await scorer.stop()
            await scorer.drain()  # a bounded run leaves every customer it touched scored
            return str(report)
        finally:
            await container.dispose()

    typer.echo(_run(go))


@app.command("export-openapi")
def export_openapi(path: str = "openapi.yaml") -> None:
    """Write the OpenAPI document the app serves (CI fails when the committed one differs)."""
    from api.openapi_export import render

    text = render()
    if path == "-":
        sys.stdout.write(text)
    else:
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        typer.echo(f"wrote {path}")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
