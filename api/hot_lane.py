"""A lane past FastAPI's routing for the hottest read (the call-center context): the same middleware, no search.

For every request FastAPI tries its routers in turn, and then runs the chosen route through a second round of
matching, scope bookkeeping and exit stacks. For the call-center context, asked for hundreds of times a second,
that machinery cost about as much CPU as everything our own middleware does (bench/context/README.md).

`CrmApp.build_middleware_stack` builds, beside the standard stack, one more stack per lane route with the very same
middleware, built by FastAPI's own code from the same settings (errors, telemetry, the body limit, security
headers, audit, CORS, metrics, exception handlers, the exit stack): only the router at its centre is replaced by
the one route's own handler, the one FastAPI built for it. A request takes a lane only when its method and path
are exactly the route's and it has no body (the lane routes take none); everything else, including a path with a
trailing slash or another method, goes the standard way. tests/integration/test_hot_lane.py holds the two ways to
the same answers, headers and audit entries.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI
from fastapi.routing import APIRoute
from starlette.types import ASGIApp, Receive, Scope, Send

log = logging.getLogger("bank_crm.api")

# The operation ids of the routes that get a lane: GET routes without path parameters or a body.
LANE_ROUTES = ("contact-center-context",)


class _RouteApp:
    """The centre of a lane: what FastAPI's router does once it has chosen this route."""

    def __init__(self, router: Any, route: APIRoute, handler: ASGIApp) -> None:
        self.router = router
        self.route = route
        self.handler = handler

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        scope.setdefault("router", self.router)
        scope["endpoint"] = self.route.endpoint
        scope["path_params"] = {}
        scope["route"] = self.route
        await self.handler(scope, receive, send)


class _Lanes:
    def __init__(self, standard: ASGIApp, lanes: dict[tuple[str, str], ASGIApp]) -> None:
        self.standard = standard
        self.lanes = lanes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            lane = self.lanes.get((scope["method"], scope["path"]))
            if lane is not None and not _has_body(scope):
                await lane(scope, receive, send)
                return
        await self.standard(scope, receive, send)


def _has_body(scope: Scope) -> bool:
    for name, value in scope["headers"]:
        if name == b"transfer-encoding" or (name == b"content-length" and value.strip() != b"0"):
            return True
    return False


def _lane_targets(app: FastAPI) -> list[tuple[str, str, APIRoute, ASGIApp]]:
    """(method, path, route, the route's handler as FastAPI built it) for each lane route found."""
    found = []
    for top in app.router.routes:
        contexts = top.effective_route_contexts() if hasattr(top, "effective_route_contexts") else [top]
        for ctx in contexts:
            route = getattr(ctx, "original_route", ctx)
            if not isinstance(route, APIRoute) or route.operation_id not in LANE_ROUTES:
                continue
            handler = getattr(ctx, "app", None) if ctx is not route else route.app
            path = getattr(ctx, "path", None) or route.path
            methods: set[str] = set(getattr(ctx, "methods", None) or route.methods or ())
            if handler is None or "{" in path or methods != {"GET"}:
                log.warning("route %s gets no lane: FastAPI built it in an unexpected way", route.operation_id)
                continue
            found.append(("GET", path, route, handler))
    return found


class CrmApp(FastAPI):
    """FastAPI, plus lanes for the routes in LANE_ROUTES (see the module's docs)."""

    lanes_enabled = True

    def build_middleware_stack(self) -> ASGIApp:
        standard = super().build_middleware_stack()
        if not self.lanes_enabled:
            return standard
        lanes: dict[tuple[str, str], ASGIApp] = {}
        router = self.router
        for method, path, route, handler in _lane_targets(self):
            # FastAPI's own construction, around this one route instead of the router.
            self.router = _RouteApp(router, route, handler)  # type: ignore[assignment]
            try:
                lanes[(method, path)] = super().build_middleware_stack()
            finally:
                self.router = router
        return _Lanes(standard, lanes) if lanes else standard
