"""Who may call each route: one table, read by the enforcement dependency and by the route-walk test.

Adding a route
--------------
1. Give it an `operation_id` ("tag-name").
2. Add one line to `POLICY` below: `public()` for routes anyone may call (health, sign-in), or
   `allow(roles=..., scopes=...)` naming the roles of people and the scopes of API keys admitted.
3. Keep the service-layer checks too (`principal.require(...)`, `service.get_customer(...)` for scope):
   the policy decides *who may call*, the services decide *which customers and fields* (defence in depth).
4. `tests/integration/test_route_walk.py` calls every route as every role, every key scope and nobody,
   and fails for a route missing here or answering differently from what this table says.

The dependency `enforce_access_policy` is applied to the whole app in `api/app.py` (so to every router):
it answers 401 without credentials, 403 for a role or scope not listed, and 429 when the caller's rate limit
is spent. A route whose operation_id is not listed is left to its own checks (and the route-walk test fails
until it is listed).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.routing import APIRoute
from fastapi.security import HTTPAuthorizationCredentials

from api.deps import ContainerDep, _api_key, _bearer, forbidden, get_principal
from api.errors import ApiProblem
from api.ratelimit import RateLimiter
from domain.access import Action, Principal, Role, Scope

log = logging.getLogger("bank_crm.access")


@dataclass(frozen=True, slots=True)
class Rule:
    roles: frozenset[Role] = frozenset()
    scopes: frozenset[Scope] = frozenset()
    public: bool = False

    def admits(self, principal: Principal) -> bool:
        if self.public:
            return True
        if principal.is_person:
            return principal.role in self.roles
        return any(principal.has_scope(s) for s in self.scopes)


def public() -> Rule:
    return Rule(public=True)


def allow(
    roles: set[Role] | frozenset[Role] = frozenset(), scopes: set[Scope] | frozenset[Scope] = frozenset()
) -> Rule:
    return Rule(roles=frozenset(roles), scopes=frozenset(scopes))


def roles_that(action: Action) -> frozenset[Role]:
    """The roles the domain lets do `action`, so the policy and the services' checks cannot disagree."""
    return frozenset(r for r in Role if Principal(subject="policy", kind="user", role=r).may(action))


EVERY_ROLE = frozenset(Role)
ADMIN = frozenset({Role.ADMIN})
CUSTOMER_EDITORS = frozenset({Role.ADMIN, Role.BRANCH_MANAGER, Role.RM})
AUDIT_READERS = frozenset({Role.ADMIN, Role.AUDITOR})

POLICY: dict[str, Rule] = {
    # health
    "health-live": public(),
    "health-ready": public(),
    "health-metrics": public(),
    # auth
    "auth-token": public(),
    "auth-me": allow(EVERY_ROLE),
    # the staff directory (the service limits RMs and branch managers to their branch)
    "staff-list": allow(EVERY_ROLE),
    # customers (the services further limit an rm to their portfolio, a branch_manager to their branch)
    "customers-search": allow(EVERY_ROLE),
    "customers-create": allow(CUSTOMER_EDITORS),
    "customers-get": allow(EVERY_ROLE),
    "customers-update": allow(CUSTOMER_EDITORS),
    "customers-relate": allow(CUSTOMER_EDITORS),
    "customers-holdings": allow(EVERY_ROLE),
    "customers-timeline": allow(EVERY_ROLE),
    "customers-next-best-actions": allow(EVERY_ROLE),
    # products
    "products-list": allow(EVERY_ROLE),
    "products-create": allow(ADMIN),
    # audit
    "audit-list": allow(AUDIT_READERS),
    # channel feeds (partners' systems with feeds:write; admins by hand)
    "feeds-post": allow(ADMIN, {Scope.FEEDS_WRITE}),
    "feeds-quarantine-list": allow(ADMIN, {Scope.FEEDS_WRITE}),
    "feeds-quarantine-replay": allow(ADMIN, {Scope.FEEDS_WRITE}),
    "feeds-quarantine-discard": allow(ADMIN, {Scope.FEEDS_WRITE}),
    "customers-merge": allow({Role.ADMIN, Role.BRANCH_MANAGER}),
    # customer value, alerts, segments, analytics
    "value-customer": allow(roles_that(Action.READ_VALUE)),
    "value-parameters": allow(roles_that(Action.READ_VALUE)),
    "value-parameters-update": allow(roles_that(Action.EDIT_VALUE_PARAMETERS)),
    "alerts-list": allow(roles_that(Action.READ_ALERTS)),
    "alerts-acknowledge": allow(roles_that(Action.WORK_ALERTS)),
    "alerts-assign": allow(roles_that(Action.WORK_ALERTS)),
    "alerts-resolve": allow(roles_that(Action.WORK_ALERTS)),
    "segments-list": allow(roles_that(Action.READ_SEGMENTS)),
    "segments-get": allow(roles_that(Action.READ_SEGMENTS)),
    "segments-members": allow(roles_that(Action.READ_SEGMENTS)),
    "segments-preview": allow(roles_that(Action.MANAGE_SEGMENTS)),
    "segments-create": allow(roles_that(Action.MANAGE_SEGMENTS)),
    "segments-update": allow(roles_that(Action.MANAGE_SEGMENTS)),
    "segments-delete": allow(roles_that(Action.MANAGE_SEGMENTS)),
    "segments-refresh": allow(roles_that(Action.MANAGE_SEGMENTS)),
    "segments-members-add": allow(roles_that(Action.MANAGE_SEGMENTS)),
    "segments-members-remove": allow(roles_that(Action.MANAGE_SEGMENTS)),
    "analytics-tiers": allow(roles_that(Action.READ_ANALYTICS)),
    "analytics-pareto": allow(roles_that(Action.READ_ANALYTICS)),
    "analytics-rm-performance": allow(roles_that(Action.READ_PERFORMANCE)),
    # cases (the service scopes them further: an RM their portfolio, a branch manager their branch)
    "cases-list": allow(roles_that(Action.READ_CASES)),
    "cases-get": allow(roles_that(Action.READ_CASES)),
    "cases-open": allow(roles_that(Action.WORK_CASES)),
    "cases-close": allow(roles_that(Action.WORK_CASES)),
    # campaigns (marketing prepares and launches them; the people who contact customers record responses, each in
    # their scope; the service checks the customer)
    "campaigns-list": allow(roles_that(Action.READ_CAMPAIGNS)),
    "campaigns-get": allow(roles_that(Action.READ_CAMPAIGNS)),
    "campaigns-members": allow(roles_that(Action.READ_CAMPAIGNS)),
    "campaigns-create": allow(roles_that(Action.MANAGE_CAMPAIGNS)),
    "campaigns-update": allow(roles_that(Action.MANAGE_CAMPAIGNS)),
    "campaigns-delete": allow(roles_that(Action.MANAGE_CAMPAIGNS)),
    "campaigns-launch": allow(roles_that(Action.MANAGE_CAMPAIGNS)),
    "campaigns-close": allow(roles_that(Action.MANAGE_CAMPAIGNS)),
    "campaigns-respond": allow(roles_that(Action.WORK_CAMPAIGNS)),
    "customers-campaigns": allow(roles_that(Action.READ_CAMPAIGNS) & roles_that(Action.READ_CUSTOMERS)),
    # tasks (the service narrows them to those each person holds, left, or manages)
    "tasks-list": allow(roles_that(Action.READ_TASKS)),
    "tasks-get": allow(roles_that(Action.READ_TASKS)),
    "tasks-create": allow(roles_that(Action.WORK_TASKS)),
    "tasks-update": allow(roles_that(Action.WORK_TASKS)),
    "tasks-done": allow(roles_that(Action.WORK_TASKS)),
    "tasks-cancel": allow(roles_that(Action.WORK_TASKS)),
    # contact center (the call center's agents, admins, and the call-center software's context:read key)
    "contact-center-context": allow({Role.AGENT, Role.ADMIN}, {Scope.CONTEXT_READ}),
    "contact-center-stream": allow({Role.AGENT, Role.ADMIN}, {Scope.CONTEXT_READ}),
}


def _operation_id(request: Request) -> str | None:
    route = request.scope.get("route")
    return getattr(route, "operation_id", None)


def _refuse_nul_in_query(request: Request) -> None:
    """A NUL character in a query parameter is nobody's search and no database stores it in text (PostgreSQL
    refuses it even inside the audit entry's JSON): 422 naming the parameters, before anything is read."""
    if b"%00" not in request.scope.get("query_string", b""):
        return
    bad = sorted({k for k, v in request.query_params.multi_items() if "\x00" in k or "\x00" in v})
    if bad:
        raise ApiProblem(
            422,
            "Invalid input",
            f"{bad[0]}: must not contain NUL characters",
            slug="validation-error",
            errors=[{"field": k.replace("\x00", "\\u0000"), "message": "must not contain NUL characters"} for k in bad],
        )


async def enforce_access_policy(request: Request, container: ContainerDep) -> None:
    """Authenticate, apply the route's rule from POLICY, and the caller's rate limit.

    The credentials are read here rather than declared as dependencies, so public routes do not advertise
    a security requirement in the OpenAPI document.
    """
    operation_id = _operation_id(request)
    rule = POLICY.get(operation_id or "")
    if rule is None:
        if not getattr(request.scope.get("route"), "include_in_schema", True):
            return  # the SPA's file routes
        log.warning("route %s has no access policy; only its own checks apply", operation_id)
        return
    if rule.public:
        _refuse_nul_in_query(request)
        return
    credentials: HTTPAuthorizationCredentials | None = await _bearer(request)
    api_key: str | None = await _api_key(request)
    principal = await get_principal(request, container, credentials, api_key)
    state = request.app.state
    limiter: RateLimiter | None = getattr(state, "rate_limiter" if principal.is_person else "system_rate_limiter", None)
    if limiter is not None:
        caller = f"user:{principal.user_id}" if principal.is_person else principal.subject
        wait = limiter.take(caller)
        if wait > 0:
            raise ApiProblem(
                429,
                "Too many requests",
                f"more than {limiter.per_minute} requests a minute; slow down",
                slug="rate-limited",
                headers={"Retry-After": limiter.retry_after(wait)},
            )
    if not rule.admits(principal):
        if principal.is_person:
            raise forbidden(f"role {principal.role} may not use {operation_id}")
        needed = " or ".join(sorted(s.value for s in rule.scopes)) or "a person's sign-in"
        raise forbidden(f"the API key lacks the scope this route needs ({needed})")
    _refuse_nul_in_query(request)  # after who is asking is known, as FastAPI's own 422s come after the 401/403


AccessPolicy = Depends(enforce_access_policy)


@dataclass(frozen=True, slots=True)
class RouteInfo:
    path: str
    methods: frozenset[str]
    operation_id: str | None
    include_in_schema: bool


def api_routes(app: FastAPI) -> list[RouteInfo]:
    """Every API route of the app, included routers flattened (FastAPI >= 0.16x no longer flattens them)."""
    found: list[RouteInfo] = []
    for route in app.routes:
        contexts: Iterable[Any] = (
            route.effective_route_contexts() if hasattr(route, "effective_route_contexts") else [route]
        )
        for ctx in contexts:
            original = getattr(ctx, "original_route", ctx)
            if not isinstance(original, APIRoute):
                continue
            found.append(
                RouteInfo(
                    path=str(getattr(ctx, "path", original.path) or original.path),
                    methods=frozenset(original.methods or ()),
                    operation_id=getattr(ctx, "operation_id", None) or original.operation_id,
                    include_in_schema=bool(getattr(ctx, "include_in_schema", original.include_in_schema)),
                )
            )
    return found
