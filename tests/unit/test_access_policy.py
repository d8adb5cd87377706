"""Access decisions as data, the rate limiter, reveal parsing and which exchanges the audit log keeps."""

from __future__ import annotations

import uuid

import pytest

from api.access_policy import POLICY, Rule, allow, public, roles_that
from api.ratelimit import RateLimiter
from domain.access import Action, Principal, Role, Scope
from domain.audit import Actor, AuditAction, RevealableField, action_for, check_reveal, parse_reveal
from domain.errors import Forbidden, InvalidValue


def person(role: Role) -> Principal:
    return Principal(subject=role.value, kind="user", role=role, user_id=uuid.uuid4(), branch="BJ001")


def key(*scopes: Scope) -> Principal:
    return Principal(subject="key:partner", kind="api_key", scopes=frozenset(s.value for s in scopes))


def test_rules_admit_listed_roles_and_scopes_only() -> None:
    rule = allow({Role.AGENT, Role.ADMIN}, {Scope.CONTEXT_READ})
    assert rule.admits(person(Role.AGENT)) and rule.admits(person(Role.ADMIN))
    assert not rule.admits(person(Role.RM)) and not rule.admits(person(Role.AUDITOR))
    assert rule.admits(key(Scope.CONTEXT_READ))
    assert not rule.admits(key(Scope.FEEDS_WRITE)) and not rule.admits(key())
    assert public().admits(key()) and Rule(public=True).public


def test_policy_matches_the_contract_for_the_core_routes() -> None:
    assert POLICY["audit-list"].roles == {Role.ADMIN, Role.AUDITOR} and not POLICY["audit-list"].scopes
    for op in ("customers-update", "customers-create", "customers-relate"):
        assert POLICY[op].roles == {Role.ADMIN, Role.BRANCH_MANAGER, Role.RM}, op  # auditors change nothing
    assert POLICY["feeds-post"].scopes == {Scope.FEEDS_WRITE}
    assert POLICY["contact-center-context"].roles == {Role.AGENT, Role.ADMIN}
    assert POLICY["contact-center-context"].scopes == {Scope.CONTEXT_READ}
    assert POLICY["auth-token"].public and POLICY["health-ready"].public
    assert all(
        not rule.scopes for op, rule in POLICY.items() if op.startswith("customers-") and op != "customers-merge"
    )


def test_roles_that_follow_the_domain() -> None:
    assert roles_that(Action.WRITE_CUSTOMERS) == {Role.ADMIN, Role.BRANCH_MANAGER, Role.RM}
    assert Role.AUDITOR in roles_that(Action.READ_CUSTOMERS)


def test_token_bucket_allows_the_burst_then_refills_at_the_rate() -> None:
    now = [1000.0]
    limiter = RateLimiter(60, burst=3, clock=lambda: now[0])
    assert [limiter.take("a") for _ in range(3)] == [0.0, 0.0, 0.0]
    wait = limiter.take("a")
    assert wait == pytest.approx(1.0)  # one token a second at 60/min
    assert limiter.retry_after(wait) == "1"
    assert limiter.take("b") == 0.0  # another caller has their own bucket
    now[0] += 1.0
    assert limiter.take("a") == 0.0
    assert limiter.take("a") > 0
    now[0] += 100
    assert [limiter.take("a") for _ in range(3)] == [0.0] * 3  # refilled, but never past the burst
    assert limiter.take("a") > 0
    assert RateLimiter(0).take("x") == 0.0  # 0 turns it off


def test_parse_reveal_and_who_may_reveal() -> None:
    assert parse_reveal(None) == frozenset()
    assert parse_reveal("phone, id_number,") == {RevealableField.PHONE, RevealableField.ID_NUMBER}
    with pytest.raises(InvalidValue) as e:
        parse_reveal("phone,password")
    assert e.value.field == "reveal"
    wanted = parse_reveal("phone")
    for role in (Role.ADMIN, Role.RM, Role.BRANCH_MANAGER, Role.AGENT, Role.AUDITOR):
        check_reveal(person(role), wanted)
    with pytest.raises(Forbidden) as f:
        check_reveal(person(Role.MARKETING), wanted)
    assert f.value.field == "reveal"
    check_reveal(person(Role.MARKETING), frozenset())  # asking for nothing is fine


def test_which_exchanges_are_audited() -> None:
    assert action_for("GET", 200, person=True, customer_route=True) is AuditAction.READ
    assert action_for("GET", 200, person=False, customer_route=True) is None  # systems' reads: by their routes
    assert action_for("GET", 200, person=True, customer_route=False) is None  # e.g. the product catalogue
    assert action_for("PATCH", 200, person=True, customer_route=True) is AuditAction.CHANGE
    assert action_for("POST", 200, person=False, customer_route=False) is AuditAction.CHANGE  # a feed batch
    for status in (401, 403):
        assert action_for("GET", status, person=False, customer_route=False) is AuditAction.DENIED
    assert action_for("GET", 404, person=True, customer_route=True) is AuditAction.DENIED
    assert action_for("GET", 404, person=True, customer_route=False) is None
    assert Actor.of(None).kind == "anonymous"
    rm = person(Role.RM)
    assert Actor.of(rm) == Actor("user", "rm", str(rm.user_id), "rm")
    assert Actor.of(key(Scope.FEEDS_WRITE)).kind == "api_key"
