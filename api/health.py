"""Liveness, readiness and Prometheus metrics."""

from __future__ import annotations

import asyncio
import time

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from starlette.types import ASGIApp, Message, Receive, Scope, Send

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
async def metrics(request: Request) -> Response:
    registry = request.app.state.metrics.registry
    return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)
