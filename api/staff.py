"""The staff directory: the people an RM or branch manager can hand work to, and filter customers by."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from adapters.db import accounts
from api.audit import annotate
from api.deps import ContainerDep, PersonDep
from api.schemas.common import NO_CONTROL_CHARS, Page, problem_responses
from domain.access import Role
from domain.audit import AuditAction
from domain.errors import NotFound
from domain.services import customers

router = APIRouter(prefix="/api/v1/staff", tags=["staff"])


class StaffOut(BaseModel):
    id: uuid.UUID
    username: str
    display_name: str | None
    role: Role
    branch: str | None = Field(description="Home branch code")
    branch_name: str | None


@router.get(
    "",
    operation_id="staff-list",
    response_model=Page[StaffOut],
    responses=problem_responses(401, 403, 404, 422),
    summary="Active staff, by username",
    description="RMs and branch managers see the people of their own branch; the bank-wide roles see everyone. "
    "No contact details: those of a customer's RM are in the customer's views.",
)
async def list_staff(
    request: Request,
    container: ContainerDep,
    principal: PersonDep,
    role: Annotated[list[Role] | None, Query(description="Only these roles (repeat the parameter)")] = None,
    q: Annotated[
        str | None,
        Query(min_length=1, max_length=64, pattern=NO_CONTROL_CHARS, description="Start of a username or name"),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=500, description="Page size (default 100, max 500)")] = 100,
    cursor: Annotated[
        str | None, Query(max_length=512, pattern=NO_CONTROL_CHARS, description="next_cursor of the previous page")
    ] = None,
    for_customer: Annotated[
        uuid.UUID | None,
        Query(
            description="Only people who can see this customer (their RM, branch managers of their branch and the "
            "bank-wide roles), so work about the customer can go to them. 404 when the caller cannot see it."
        ),
    ] = None,
) -> Page[StaffOut]:
    sees: accounts.CustomerSeenBy | None = None
    if for_customer is not None:
        # who looks after a customer is the customer's data: audited as a read, or as a refusal when out of scope
        try:
            async with container.uow(readonly=True) as uow:
                customer = await customers.get_customer(uow, principal, for_customer)
        except NotFound:
            annotate(request, action=AuditAction.DENIED, customer_ids=[for_customer])
            raise
        annotate(request, action=AuditAction.READ, customer_ids=[for_customer])
        sees = accounts.CustomerSeenBy(customer.home_branch, customer.relationship_manager_id)
    async with container.engine.connect() as conn:
        page = await accounts.list_staff(
            conn,
            branch=principal.staff_branch,
            sees=sees,
            roles=[r.value for r in role] if role else None,
            q=q,
            limit=limit,
            cursor=cursor,
        )
    return Page(
        items=[
            StaffOut(
                id=r.id,
                username=r.username,
                display_name=r.display_name,
                role=Role(r.role),
                branch=r.branch_code,
                branch_name=r.name,
            )
            for r in page.items
        ],
        next_cursor=page.next_cursor,
    )
