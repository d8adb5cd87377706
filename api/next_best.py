"""A customer's next best actions on the 360 view: the call-center context's rules, for the RM who serves them.

The actions come from the very reader and rules the call-center context uses (adapters/db/context.py,
domain/contact_center.py `next_best_actions`): the customer is looked up there by their customer number and their
snapshot taken as of now. Who may read them is who may read the customer (`service.get_customer`: the role, and
an RM's portfolio or a branch manager's branch; 404 outside it).
"""

from __future__ import annotations

from fastapi import APIRouter, Request

from adapters.db import context as context_db
from api.audit import annotate
from api.contact_center import peer_rates
from api.deps import ContainerDep, PersonDep, parse_uuid
from api.schemas.common import problem_responses
from api.schemas.contact_center import UNIQUE_EXAMPLE, NextBestActionOut
from domain.audit import AuditAction
from domain.contact_center import CallerLookup, LookupKind, next_best_actions
from domain.services import customers as service

router = APIRouter(prefix="/api/v1/customers", tags=["customers"])


@router.get(
    "/{customer_id}/next-best-actions",
    operation_id="customers-next-best-actions",
    response_model=list[NextBestActionOut],
    responses={
        200: {
            "description": "The actions, most urgent first (none: an empty list)",
            "content": {"application/json": {"example": UNIQUE_EXAMPLE["next_best_actions"]}},
        },
        **problem_responses(401, 403, 404, 422),
    },
    summary="What to do for a customer now: maturities, alerts, complaints, campaign and look-alike offers",
    description=(
        "The call-center context's next best actions for one customer, for whoever may read the customer (an RM "
        "their portfolio, a branch manager their branch): deposits maturing within 30 days, open alerts, recent "
        "complaints, then (only with the customer's consent to phone offers) the offers of running campaigns that "
        "have the customer in their target group and not declined, and products similar customers hold that suit "
        "the customer's risk preference. Service before sales, most urgent first; each says why. Account numbers "
        "in titles and reasons show their last four digits only. A customer merged into another has none. The "
        "read is audited."
    ),
)
async def customer_next_best_actions(
    request: Request, customer_id: str, container: ContainerDep, principal: PersonDep
) -> list[NextBestActionOut]:
    cid = parse_uuid(customer_id, "customer")
    now = container.clock.now()
    await peer_rates.ensure_fresh(container.engine, now)  # the look-alike rates, as the context keeps them
    async with container.uow(readonly=True) as uow:
        customer = await service.get_customer(uow, principal, cid)
        reader = await context_db.caller_context_reader(uow.connection)
        lookup = CallerLookup(LookupKind.CUSTOMER_NUMBER, customer.customer_number)
        # The reader never finds a customer merged into another: nothing is left to do for them.
        found = [c for c in await reader.find_callers(lookup, now) if c["id"] == cid]
        snapshot = await reader.snapshot(found[0], now) if found else None
    annotate(request, action=AuditAction.READ, customer_ids=[cid])
    if snapshot is None:
        return []
    # The facts carry account numbers masked already (for every role, as the context's actions do).
    return [
        NextBestActionOut.model_validate(
            {"kind": a.kind.value, "priority": a.priority, "title": a.title, "reason": a.reason, "refs": a.refs}
        )
        for a in next_best_actions(snapshot.facts, now)
    ]
