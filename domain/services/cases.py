"""Case use cases: open a service request, close a case with what was done; only within the caller's scope."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Protocol

from domain.access import Action, Principal
from domain.contact_center import SERVICE_REQUEST_SLA, Case, case_for_complaint
from domain.errors import Conflict, InvalidValue, NotFound
from domain.interactions import Channel, Interaction
from domain.ports import UnitOfWork
from domain.services.customers import get_customer
from domain.value.movements import COMPLAINT_TYPE

# How satisfied the customer said they were with the answer: 1 (very unhappy) to 5 (very happy).
SATISFACTION_RANGE = range(1, 6)
RESOLUTION_MAX = 2000
SUBJECT_MAX = 256
# Where a customer can ask for a service, or complain, to a person (the terminals and card schemes hear nothing).
REQUEST_CHANNELS = frozenset(
    {Channel.TELLER, Channel.CALL_CENTER, Channel.ONLINE_BANKING, Channel.RM_VISIT, Channel.PHONE, Channel.EMAIL}
)


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

    async def add(self, case: Case) -> bool: ...

    async def save_closed(self, record: CaseRecord) -> None:
        """Store the closing; a complaint's alert for the RM is resolved with it (the complaint was answered)."""
        ...


async def visible_case(uow: UnitOfWork, store: CaseStore, principal: Principal, case_id: uuid.UUID) -> CaseRecord:
    """The case, if the caller may read it: a case of a customer outside their scope is as if absent."""
    principal.require(Action.READ_CASES)
    record = await store.get(case_id)
    if record is None:
        raise NotFound(f"case {case_id} not found")
    try:
        await get_customer(uow, principal, record.customer_id)
    except NotFound:
        raise NotFound(f"case {case_id} not found") from None
    return record


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
    record = await visible_case(uow, store, principal, case_id)
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


async def open_service_request(
    uow: UnitOfWork,
    store: CaseStore,
    principal: Principal,
    customer_id: uuid.UUID,
    subject: str,
    channel: Channel,
    at: datetime,
) -> Case:
    """Log what a customer asked for (a replacement card, a statement copy), due within the service level."""
    text = await _check_request(uow, principal, customer_id, subject, channel, "say what the customer asked for")
    case = Case(
        id=uuid.uuid4(),
        customer_id=customer_id,
        kind="service_request",
        subject=text,
        channel=channel.value,
        opened_at=at,
        sla_due_at=at + SERVICE_REQUEST_SLA,
        opened_by=principal.user_id,
    )
    await store.add(case)
    return case


async def _check_request(
    uow: UnitOfWork, principal: Principal, customer_id: uuid.UUID, subject: str, channel: Channel, empty: str
) -> str:
    principal.require(Action.WORK_CASES)
    text = " ".join(subject.split())
    if not text:
        raise InvalidValue(empty, field="subject")
    if len(text) > SUBJECT_MAX:
        raise InvalidValue(f"at most {SUBJECT_MAX} characters", field="subject")
    if channel not in REQUEST_CHANNELS:
        allowed = ", ".join(sorted(c.value for c in REQUEST_CHANNELS))
        raise InvalidValue(f"a customer asks or complains to a person at one of: {allowed}", field="channel")
    await get_customer(uow, principal, customer_id)  # outside the scope: 404, as if absent
    return text


async def log_complaint(
    uow: UnitOfWork,
    store: CaseStore,
    principal: Principal,
    customer_id: uuid.UUID,
    subject: str,
    channel: Channel,
    at: datetime,
) -> Case:
    """Log a complaint made to a person (at the counter, to the RM, by e-mail): it goes on the customer's timeline
    as the call-center feed's complaints do, so it counts once, like them, for the RM's alert and the churn risk,
    and opens its case, due within the complaint service level."""
    text = await _check_request(uow, principal, customer_id, subject, channel, "say what the customer complains of")
    complaint = Interaction(
        id=uuid.uuid4(),
        customer_id=customer_id,
        channel=channel,
        type=COMPLAINT_TYPE,
        occurred_at=at,
        actor=principal.subject,
        summary=text,
    )
    await uow.interactions.add(complaint)
    case = case_for_complaint(complaint.id, customer_id, at, channel.value, text, None)
    case.opened_by = principal.user_id
    await store.add(case)
    return case
