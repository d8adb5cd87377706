"""The FastAPI application factory."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request, Response
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse
from fastapi.routing import APIRoute
from starlette.staticfiles import StaticFiles

from adapters.container import Container, build_container
from adapters.runtime import tune_cycle_collector
from adapters.settings import Settings, get_settings
from api import audit, auth, contact_center, customers, health, products, staff
from api.access_policy import AccessPolicy
from api.audit import AuditMiddleware
from api.errors import allowed_methods, install_error_handlers, method_not_allowed
from api.health import Metrics, MetricsMiddleware
from api.hot_lane import CrmApp
from api.ratelimit import RateLimiter
from api.security_headers import SecurityHeadersMiddleware

FRONTEND_DIST = Path(__file__).resolve().parent.parent / "frontend" / "dist"

DESCRIPTION = """
bank-crm gathers a retail bank's customer data from teller, card, POS/ATM, call center and online banking
into one customer view, and turns it into action.

* People sign in at `POST /api/v1/auth/token` and send `Authorization: Bearer ...`.
* Systems send `X-API-Key: ...`.
* Errors are `application/problem+json` (RFC 9457); invalid input lists each field in `errors`.
* Lists use cursor pagination: `?limit=` (default 50, max 500) and `?cursor=`; answers carry `next_cursor`.
* Money is a decimal string beside an ISO 4217 `currency`.
"""


# The order the API docs show the groups in (FastAPI would otherwise follow the order the routes are matched in).
OPENAPI_TAGS = [
    {"name": "health", "description": "Liveness, readiness and Prometheus metrics"},
    {"name": "auth", "description": "Signing in: a bearer token for people"},
    {"name": "staff", "description": "Staff directory (for pickers: assignees, relationship managers)"},
    {"name": "customers", "description": "The customer view: profile, identities, households, holdings, timeline"},
    {"name": "products", "description": "The product catalogue"},
    {"name": "audit", "description": "Who read or changed which customer's data"},
    {"name": "contact-center", "description": "Who is calling and what matters now, and their live events"},
    {"name": "feeds", "description": "Channel feeds, their quarantine, and customer merges"},
    {"name": "value", "description": "Tier, contribution, RFM, churn and lifecycle, each explained; pricing"},
    {"name": "alerts", "description": "Alerts for relationship managers: acknowledge, assign, resolve"},
    {"name": "cases", "description": "Complaints and service requests: the work queue, closing with what was done"},
    {"name": "segments", "description": "Rule-based and static segments"},
    {"name": "campaigns", "description": "Offers to a segment with a control group: responses and measured effect"},
    {"name": "tasks", "description": "What relationship managers will do, by when: left, done, cancelled, moved"},
    {"name": "analytics", "description": "Figures per tier and the contribution curve, over the caller's portfolio"},
]


def _operation_id(route: APIRoute) -> str:
    return route.operation_id or route.name


def create_app(settings: Settings | None = None, container: Container | None = None) -> FastAPI:
    settings = settings or (container.settings if container else get_settings())
    settings.check_production_safety()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        own = container is None
        app.state.container = container or build_container(settings)
        if own:
            # A serving process: what startup built lives as long as the process, so take it out of the cycle
            # collector's sight; a full collection of it otherwise stalls every request in flight (100+ ms).
            gc.collect()
            gc.freeze()
            tune_cycle_collector()
        scorer = app.state.container.scorer
        if scorer is not None:
            scorer.start()  # scores what the feeds queue, in this process (adapters/scorer.py)
        try:
            yield
        finally:
            if scorer is not None:
                await scorer.stop()
            if own:
                await app.state.container.dispose()

    app = CrmApp(
        title="bank-crm",
        version="0.1.0",
        description=DESCRIPTION,
        lifespan=lifespan,
        generate_unique_id_function=_operation_id,
        openapi_tags=OPENAPI_TAGS,
        # Every route, whichever router adds it, answers to api/access_policy.py (401/403/429) first.
        dependencies=[AccessPolicy],
    )
    if container is not None:
        app.state.container = container
    app.state.metrics = Metrics()
    install_error_handlers(app)
    app.add_middleware(MetricsMiddleware, metrics=app.state.metrics)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_methods=["GET", "POST", "PATCH", "PUT", "DELETE"],
        allow_headers=["Authorization", "Content-Type", "If-Match", "X-API-Key"],
        expose_headers=["ETag", "Location", "Retry-After"],
    )
    # Outermost last: every response gets the security headers; every exchange is audited before it leaves.
    app.add_middleware(AuditMiddleware)
    app.add_middleware(SecurityHeadersMiddleware, hsts_seconds=settings.hsts_seconds)
    app.state.rate_limiter = RateLimiter(settings.rate_limit_per_minute, settings.rate_limit_burst)
    app.state.system_rate_limiter = RateLimiter(settings.rate_limit_system_per_minute)
    # The call-center context is matched first: FastAPI tries the routers in the order they were included, route
    # by route, and for the hottest read that search was a tenth of its CPU (bench/context/README.md). Paths do
    # not overlap, so the order changes nothing else; the docs keep their order through OPENAPI_TAGS.
    for module in (contact_center, health, auth, staff, customers, products, audit):
        app.include_router(module.router)
    from api import feeds  # channel feeds, quarantine and customer merges (checks its own scope and roles)

    app.include_router(feeds.router)
    from api import alerts, analytics, segments, value  # customer value (issue 2; each route checks its roles)

    for value_module in (value, alerts, segments, analytics):
        app.include_router(value_module.router)
    from api import cases  # complaints and service requests (the service checks roles and scope)

    app.include_router(cases.router)
    from api import campaigns  # offers to segments, their responses and effect (the service checks roles and scope)

    app.include_router(campaigns.router)
    app.include_router(campaigns.customer_router)
    from api import tasks  # what RMs will do, by when (the service checks roles and who the task concerns)

    app.include_router(tasks.router)
    from api import next_best  # a customer's next best actions on the 360 view (the context's rules, the 360's scope)

    app.include_router(next_best.router)

    if settings.serve_frontend and (FRONTEND_DIST / "index.html").exists():
        _mount_frontend(app)
    return app


def _mount_frontend(app: FastAPI) -> None:
    """Serve the built SPA at /, falling back to index.html for client-side routes."""
    app.mount("/assets", StaticFiles(directory=FRONTEND_DIST / "assets"), name="assets")
    index = FRONTEND_DIST / "index.html"

    @app.get("/{path:path}", include_in_schema=False)
    async def spa(path: str, request: Request) -> Response:
        if path.startswith("api/"):
            allowed = allowed_methods(request)
            if allowed:
                return method_not_allowed(request, allowed)
            raise HTTPException(404, f"no route {path}")
        candidate = (FRONTEND_DIST / path).resolve()
        if path and candidate.is_file() and FRONTEND_DIST in candidate.parents:
            return FileResponse(candidate)
        return FileResponse(index)
