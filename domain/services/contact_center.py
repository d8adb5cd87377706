"""Contact-center use cases: the caller's context, and the cases complaints open."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from domain.access import Principal
from domain.contact_center import (
    CallerLookup,
    CaseRepository,
    CustomerFacts,
    NextBestAction,
    case_for_complaint,
    complaint_summary,
    is_complaint,
    next_best_actions,
)
from domain.errors import NotFound
from domain.interactions import Interaction
from domain.privacy import mask_account, mask_id_number, mask_phone


@dataclass(slots=True)
class ContextSnapshot:
    """What the read side knows about one customer, as plain JSON-ready parts.

    PII stays in full here (`phones`, `id_document`, holdings' `account_number`); masking for the caller's
    role happens in `caller_context`, so no read path can forget it.
    """

    customer: dict[str, Any]
    value: dict[str, Any] | None
    holdings: list[dict[str, Any]]
    recent_interactions: list[dict[str, Any]]
    open_cases: list[dict[str, Any]]
    alerts: list[dict[str, Any]]
    facts: CustomerFacts


class CallerContextReader(Protocol):
    async def find_callers(self, lookup: CallerLookup, now: datetime) -> list[dict[str, Any]]:
        """Customers (not merged away) known by this identifier; each with id, names, phones, birth_date.

        `now` is the moment of the read: a reader may fetch a unique match's snapshot (as of `now`) with it.
        """
        ...

    async def snapshot(self, customer: dict[str, Any], now: datetime) -> ContextSnapshot:
        """One customer's context as of `now`, PII in full."""
        ...


@dataclass(slots=True)
class CallerContext:
    match: str  # unique, ambiguous
    candidates: list[dict[str, Any]] = field(default_factory=list)
    snapshot: ContextSnapshot | None = None
    next_best_actions: list[NextBestAction] = field(default_factory=list)

    @property
    def customer_ids(self) -> list[uuid.UUID]:
        if self.snapshot is not None:
            return [self.snapshot.customer["id"]]
        return [c["id"] for c in self.candidates]


def _display_name(c: dict[str, Any]) -> str:
    zh, latin = c.get("name_zh"), c.get("name_latin")
    if zh and latin:
        return f"{zh} ({latin})"
    return str(zh or latin or c["customer_number"])


def _candidate(c: dict[str, Any]) -> dict[str, Any]:
    phones = c.get("phones") or []
    birth = c.get("birth_date")
    return {
        "id": c["id"],
        "customer_number": c["customer_number"],
        "display_name": _display_name(c),
        "masked_phone": mask_phone(phones[0]) if phones else None,
        "birth_year": birth.year if birth else None,
        "home_branch": c.get("home_branch"),
        "provisional": bool(c.get("provisional")),
    }


def _mask(snapshot: ContextSnapshot, principal: Principal) -> None:
    c = snapshot.customer
    phones: list[str] = c.get("phones") or []
    c["display_name"] = _display_name(c)
    c["masked_phone"] = mask_phone(phones[0]) if phones else None
    if principal.sees_full_pii:
        return
    c["phones"] = [mask_phone(p) for p in phones]
    doc = c.get("id_document")
    if doc is not None:
        c["id_document"] = {"type": doc["type"], "number": mask_id_number(doc["number"])}
    for h in snapshot.holdings:
        h["account_number"] = mask_account(h["account_number"])


def in_scope(principal: Principal, relationship_manager_id: uuid.UUID | None, home_branch: str | None) -> bool:
    """Whether a customer with this RM and branch lies in the caller's portfolio."""
    scope = principal.portfolio
    if scope.everything:
        return True
    if scope.relationship_manager_id is not None:
        return relationship_manager_id == scope.relationship_manager_id
    return scope.branch is not None and home_branch == scope.branch


async def caller_context(
    reader: CallerContextReader, principal: Principal, lookup: CallerLookup, now: datetime
) -> CallerContext:
    """Who is calling and what matters now.

    One match: the whole context, masked for the caller's role, with next best actions. Several: the
    candidates, masked, with just enough to tell them apart. None (or none in the caller's scope): NotFound.
    """
    found = [
        c
        for c in await reader.find_callers(lookup, now)
        if in_scope(principal, c["relationship_manager_id"], c["home_branch"])
    ]
    if not found:
        raise NotFound(f"no customer is known by this {lookup.kind.value}", field=lookup.kind.value)
    if len(found) > 1:
        return CallerContext("ambiguous", candidates=[_candidate(c) for c in found])
    snapshot = await reader.snapshot(found[0], now)
    _mask(snapshot, principal)
    return CallerContext("unique", snapshot=snapshot, next_best_actions=next_best_actions(snapshot.facts, now))


async def open_complaint_cases(cases: CaseRepository, customer_ids: frozenset[uuid.UUID]) -> int:
    """Open a case for each new call-center complaint of these customers; idempotent. The count opened.

    Cases of customers merged into these ones follow them first, as their interactions did.
    """
    await cases.follow_merges(customer_ids)
    new_cases = [
        case_for_complaint(
            complaint.interaction_id,
            complaint.customer_id,
            complaint.occurred_at,
            complaint.channel,
            complaint.summary,
            complaint.source_ref,
        )
        for complaint in await cases.complaints_without_case(customer_ids)
    ]
    return await cases.add_all(new_cases) if new_cases else 0


async def open_cases_for_complaints(cases: CaseRepository, added: Sequence[Interaction]) -> int:
    """Open a case for each call-center complaint among these just-added timeline entries. The count opened.

    For a writer that knows what it added (a feed batch): no read, and nothing else of the customers'
    history is looked at. Idempotent like `open_complaint_cases` (one case per interaction).
    """
    new_cases = [
        case_for_complaint(
            i.id, i.customer_id, i.occurred_at, i.channel.value, complaint_summary(i.summary, i.payload), i.source_ref
        )
        for i in added
        if is_complaint(i.channel.value, i.type)
    ]
    return await cases.add_all(new_cases) if new_cases else 0
