"""Case use cases: close a complaint or service request with what was done, only within the caller's scope."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Protocol

from domain.access import Action, Principal
from domain.errors import Conflict, InvalidValue, NotFound
from domain.ports import UnitOfWork
from domain.services.customers import get_customer

# How satisfied the customer said they were with the answer: 1 (very unhappy) to 5 (very happy).
SATISFACTION_RANGE = range(1, 6)
RESOLUTION_MAX = 2000


@dataclass(frozen=True, slots=True)
class CaseRecord:
    id: uuid.UUID
    customer_id: uuid.UUID
    kind: str
    status: str
    interaction_id: uuid.UUID | None = None
    closed_at: datetime | None = None
    closed_by: uuid.UUID | None = None
    resolution: str | None = None
    satisfaction: int | None = None


class CaseStore(Protocol):
    async def get(self, case_id: uuid.UUID) -> CaseRecord | None: ...

    async def save_closed(self, record: CaseRecord) -> None:
        """Store the closing; a complaint's alert for the RM is resolved with it (the complaint was answered)."""
        ...


async def close(
    uow: UnitOfWork,
    store: CaseStore,
    principal: Principal,
    case_id: uuid.UUID,
    resolution: str,
    satisfaction: int | None,
    at: datetime,
) -> CaseRecord:
    """Close an open case with what was done for the customer and, when they said, how satisfied they were."""
    principal.require(Action.WORK_CASES)
    text = resolution.strip()
    if not text:
        raise InvalidValue("say what was done for the customer", field="resolution")
    if len(text) > RESOLUTION_MAX:
        raise InvalidValue(f"at most {RESOLUTION_MAX} characters", field="resolution")
    if satisfaction is not None and satisfaction not in SATISFACTION_RANGE:
        raise InvalidValue("satisfaction is 1 (very unhappy) to 5 (very happy)", field="satisfaction")
    record = await store.get(case_id)
    if record is None:
        raise NotFound(f"case {case_id} not found")
    try:
        await get_customer(uow, principal, record.customer_id)
    except NotFound:
        raise NotFound(f"case {case_id} not found") from None  # outside the scope: as if absent
    if record.status != "open":
        raise Conflict(f"case {case_id} is already {record.status}")
    closed = replace(
        record,
        status="closed",
        closed_at=at,
        closed_by=principal.user_id,
        resolution=text,
        satisfaction=satisfaction,
    )
    await store.save_closed(closed)
    return closed
