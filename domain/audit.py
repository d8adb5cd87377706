"""The audit trail: who read or changed which customer's data, how, when, from where, and with what outcome.

Entries are only ever appended. The adapters make the database itself refuse to change or delete them.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from domain.access import Principal
from domain.errors import Forbidden, InvalidValue


class AuditAction(StrEnum):
    READ = "read"  # a person saw customer data (a profile, holdings, a timeline, a search result)
    REVEAL = "reveal"  # a person asked for masked identifiers in full
    CHANGE = "change"  # anyone (person or system) changed data
    DENIED = "denied"  # a refused attempt: 401, 403, or 404 for a customer outside the caller's scope
    LOGIN = "login"  # a successful sign-in
    LOGIN_FAILED = "login_failed"  # a refused sign-in (wrong password, locked)
    AUDIT_READ = "audit_read"  # someone read the audit log itself


@dataclass(frozen=True, slots=True)
class Actor:
    """Who acted, as the audit log names them."""

    kind: str  # "user", "api_key" or "anonymous"
    name: str
    actor_id: str | None = None
    role: str | None = None

    @staticmethod
    def of(principal: Principal | None) -> Actor:
        """The actor for a principal; an unauthenticated caller is 'anonymous'."""
        if principal is None:
            return ANONYMOUS
        if principal.is_person:
            role = principal.role.value if principal.role is not None else None
            actor_id = str(principal.user_id) if principal.user_id else None
            return Actor("user", principal.subject, actor_id, role)
        return Actor(principal.kind, principal.subject, None, None)


ANONYMOUS = Actor("anonymous", "anonymous")


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One line of the audit log."""

    at: datetime
    actor: Actor
    action: AuditAction
    view: str
    outcome: int
    customer_ids: tuple[uuid.UUID, ...] = ()
    fields: tuple[str, ...] = ()
    detail: dict[str, Any] = field(default_factory=dict)
    ip: str | None = None
    request_id: str | None = None
    method: str | None = None
    path: str | None = None


def action_for(method: str, status: int, *, person: bool, customer_route: bool) -> AuditAction | None:
    """The action an HTTP exchange stands for, or None when it need not be audited.

    Refusals (401, 403, and 404 on a route that names a customer) are always audited; changes by anyone;
    reads of a customer's data only when a person made them (systems' reads are audited by their routes).
    """
    if status in (401, 403) or (status == 404 and customer_route):
        return AuditAction.DENIED
    if method in ("GET", "HEAD"):
        return AuditAction.READ if customer_route and person else None
    if method == "OPTIONS":
        return None
    return AuditAction.CHANGE


class RevealableField(StrEnum):
    """Identifiers masked by default that a role allowed to may ask to see in full (each reveal is audited)."""

    PHONE = "phone"
    ID_NUMBER = "id_number"
    ACCOUNT_NUMBER = "account_number"


def parse_reveal(text: str | None) -> frozenset[RevealableField]:
    """'phone,id_number' -> {PHONE, ID_NUMBER}; an unknown name is InvalidValue naming `reveal`."""
    if not text:
        return frozenset()
    wanted: set[RevealableField] = set()
    for part in text.split(","):
        name = part.strip()
        if not name:
            continue
        try:
            wanted.add(RevealableField(name))
        except ValueError:
            allowed = ", ".join(f.value for f in RevealableField)
            raise InvalidValue(f"cannot reveal {name!r}; one of {allowed}", field="reveal") from None
    return frozenset(wanted)


def check_reveal(principal: Principal, wanted: frozenset[RevealableField]) -> None:
    """Forbidden (naming `reveal`) when the caller's role may not see identifiers in full."""
    if wanted and not (principal.may_reveal or principal.sees_full_pii):
        role = principal.role.value if principal.role is not None else principal.kind
        raise Forbidden(f"role {role} may not reveal {', '.join(sorted(wanted))}", field="reveal")
