"""Liveness, readiness and Prometheus metrics."""

from __future__ import annotations

import asyncio
import os
import time

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from adapters.container import Container
from adapters.db import views
from api.deps import ContainerDep
from api.errors import problem

router = APIRouter(tags=["health"])


class Metrics:
    """One registry per app, so tests that build several apps do not collide."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "crm_http_requests", "HTTP requests", ["method", "route", "status"], registry=self.registry
        )
        self.latency = Histogram(
            "crm_http_request_duration_seconds",
            "HTTP request latency",
            ["method", "route"],
            registry=self.registry,
            buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
        )


class MetricsMiddleware:
    """Counts requests and their latency per route and status (pure ASGI: no task or streams per request)."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        counted = False

        def count(status: int) -> None:
            nonlocal counted
            if counted:
                return
            counted = True
            method = str(scope.get("method", "GET"))
            path = getattr(scope.get("route"), "path", "unmatched")
            self.metrics.requests.labels(method, path, str(status)).inc()
            self.metrics.latency.labels(method, path).observe(time.perf_counter() - start)

        async def send_counted(message: Message) -> None:
            if message["type"] == "http.response.start":
                count(int(message["status"]))  # latency to the response's start, as before (streams stay open)
            await send(message)

        try:
            await self.app(scope, receive, send_counted)
        except Exception:
            count(500)
            raise


@router.get("/healthz", operation_id="health-live", summary="The process is alive")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get(
    "/readyz",
    operation_id="health-ready",
    summary="The database is reachable",
    responses={503: {"description": "The database is not reachable", "content": {"application/problem+json": {}}}},
)
async def readyz(container: ContainerDep) -> Response:
    try:
        async with asyncio.timeout(3):
            async with container.engine.connect() as conn:
                await views.ping(conn)
    except Exception as e:  # any failure to reach the database means not ready
        return problem(503, "Not ready", f"database unreachable: {type(e).__name__}", slug="not-ready")
    return JSONResponse({"status": "ready", "database": container.settings.dialect})


@router.get(
    "/metrics",
    operation_id="health-metrics",
    summary="Prometheus metrics",
    response_class=Response,
    responses={200: {"content": {"text/plain": {"schema": {"type": "string"}}}}},
)
async def metrics(request: Request, container: ContainerDep) -> Response:
    registry = request.app.state.metrics.registry
    text = generate_latest(registry) + await _scoring_metrics(container)
    return Response(text, media_type=CONTENT_TYPE_LATEST)


async def _scoring_metrics(container: Container) -> bytes:
    """The rescore queue's depth (shared by all processes: how far scores trail the feeds) and what this
    process's scorer did. Written by hand: the queue depth is read from the database at scrape time."""
    lines: list[str] = []

    def family(name: str, kind: str, doc: str, value: float, labels: str = "") -> None:
        lines.extend([f"# HELP {name} {doc}", f"# TYPE {name} {kind}", f"{name}{labels} {value}"])

    if container.scorer is not None:
        try:
            async with asyncio.timeout(3):
                depth: float = await container.scorer.pending()
        except Exception:  # the database being away must not break the scrape: NaN says "unknown"
            depth = float("nan")
        family("crm_rescore_queue_depth", "gauge", "Queue entries waiting to be scored (all processes)", depth)
        stats = container.scorer.stats
        # Each server process scores for itself: the pid label keeps the workers' counters apart.
        pid = f'{{pid="{os.getpid()}"}}'
        for name, doc, value in (
            ("passes", "Scoring passes committed by this process", stats.passes),
            ("entries", "Rescore queue entries taken by this process", stats.entries),
            ("customers", "Customers scored by this process", stats.customers),
            ("seconds", "Time this process spent in scoring passes", stats.seconds),
            ("failures", "Scoring passes that failed and rolled back", stats.failures),
        ):
            family(f"crm_scoring_{name}_total", "counter", doc, value, pid)
    return ("\n".join(lines) + "\n").encode() if lines else b""
