"""Campaigns: an offer to a segment with a held-out control group, the responses, and the measured effect.

Marketing prepares a campaign (a product, a segment, a channel, the dates and the control share) and launches it;
launching freezes the members: those of the segment who may be offered the product, drawn into the target group
(to contact) or the control group (left alone). RMs, branch managers and the call center's agents contact the
target customers in their scope and record what each said. The effect compares the two groups' conversion
(opening the offered product during the campaign), so the campaign is credited only with what it caused.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, Field

from adapters.container import Container
from adapters.db import campaigns as store
from api.audit import annotate
from api.deps import ContainerDep, PersonDep, parse_uuid
from api.errors import CAMPAIGN_NOT_ACTIVE, CUSTOMER_HELD_OUT
from api.schemas.common import (
    NO_CONTROL_CHARS,
    WHOLE_NUMBER,
    WRITTEN_LINE,
    WRITTEN_NOTE,
    Cursor,
    CustomerRefOut,
    DecimalStr,
    Limit,
    MoneyStr,
    Page,
    Problem,
    StrictModel,
    customer_ref,
    problem_responses,
)
from domain.access import Action
from domain.audit import AuditAction
from domain.campaigns import (
    CONTROL_PCT_MAX,
    DESCRIPTION_MAX,
    NAME_MAX,
    NOTE_MAX,
    CampaignStatus,
    Exclusion,
    Group,
    measure,
)
from domain.campaigns import (
    Response as Answer,
)
from domain.customers import ConsentChannel
from domain.services import campaigns as service

router = APIRouter(prefix="/api/v1/campaigns", tags=["campaigns"])
# A customer's campaigns, for the 360 view.
customer_router = APIRouter(prefix="/api/v1/customers", tags=["campaigns"])


class ResponseFilter(StrEnum):
    NONE = "none"
    CONTACTED = "contacted"
    INTERESTED = "interested"
    DECLINED = "declined"
    UNREACHABLE = "unreachable"


class CampaignIn(StrictModel):
    name: Annotated[str, Field(min_length=1, max_length=NAME_MAX, pattern=WRITTEN_LINE)]
    description: Annotated[str, Field(max_length=DESCRIPTION_MAX, pattern=WRITTEN_NOTE)] | None = None
    product_code: Annotated[str, Field(min_length=1, max_length=32, pattern=NO_CONTROL_CHARS)] = Field(
        description="The product offered"
    )
    segment_id: uuid.UUID = Field(description="Who it is for: the segment's members when it is launched")
    channel: ConsentChannel = Field(description="How customers are contacted; only those who consent to it are in")
    control_pct: Annotated[int, Field(ge=0, le=CONTROL_PCT_MAX), WHOLE_NUMBER] = Field(
        10, description="The share of eligible customers held out, not contacted, to measure the effect against"
    )
    starts_on: date
    ends_on: date = Field(description="The last day a conversion counts")

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "name": "Spring time deposit drive",
                    "product_code": "TD12",
                    "segment_id": "0b6f8a52-3f0e-4d7a-9a31-52c1d2a4e7f0",
                    "channel": "phone",
                    "control_pct": 10,
                    "starts_on": "2026-03-01",
                    "ends_on": "2026-04-30",
                }
            ]
        }
    }


class CampaignPatchIn(StrictModel):
    """A draft's changes: only the fields sent change; the whole is checked again."""

    name: Annotated[str, Field(min_length=1, max_length=NAME_MAX, pattern=WRITTEN_LINE)] | None = None
    description: Annotated[str, Field(max_length=DESCRIPTION_MAX, pattern=WRITTEN_NOTE)] | None = None
    product_code: Annotated[str, Field(min_length=1, max_length=32, pattern=NO_CONTROL_CHARS)] | None = None
    segment_id: uuid.UUID | None = None
    channel: ConsentChannel | None = None
    control_pct: Annotated[int, Field(ge=0, le=CONTROL_PCT_MAX), WHOLE_NUMBER] | None = None
    starts_on: date | None = None
    ends_on: date | None = None

    model_config = {"json_schema_extra": {"examples": [{"ends_on": "2026-12-31", "control_pct": 15}]}}


class ResponseIn(StrictModel):
    response: Answer
    note: Annotated[str, Field(max_length=NOTE_MAX, pattern=WRITTEN_NOTE)] | None = None

    model_config = {"json_schema_extra": {"examples": [{"response": "interested", "note": "Call back after payday"}]}}


class ProductRefOut(BaseModel):
    code: str
    name: str
    name_zh: str | None
    category: str


class SegmentRefOut(BaseModel):
    id: uuid.UUID
    code: str
    name: str


class ExcludedOut(BaseModel):
    """Members of the segment left out at launch, by reason."""

    no_consent: int = Field(description="Had not agreed to be offered products over the campaign's channel")
    unsuitable: int = Field(description="The product's risk is above their assessed appetite")
    already_holds: int = Field(description="Hold the product already")


class CampaignOut(BaseModel):
    id: uuid.UUID
    name: str
    description: str | None
    status: CampaignStatus
    product: ProductRefOut
    segment: SegmentRefOut
    channel: ConsentChannel
    control_pct: int
    starts_on: date
    ends_on: date
    created_at: datetime
    created_by_username: str | None
    launched_at: datetime | None
    closed_at: datetime | None
    excluded: ExcludedOut | None = Field(description="Left out at launch, by reason (null before launch)")
    targets: int = Field(description="Customers to contact")
    controls: int = Field(description="Customers held out")
    responded: int = Field(description="Target customers whose response is recorded")
    to_contact: int = Field(description="Target customers in the caller's portfolio not contacted yet")


class MoneyOut(BaseModel):
    amount: MoneyStr
    currency: str


class GroupOut(BaseModel):
    customers: int
    converted: int = Field(description="Opened the offered product during the campaign")
    conversion_rate: DecimalStr = Field(description="converted / customers, 0 to 1")
    converted_balances: list[MoneyOut] = Field(description="The balances of the products they opened")


class EffectOut(BaseModel):
    as_of: date
    final: bool = Field(description="The campaign is closed or past its last day: the figures no longer move")
    target: GroupOut
    control: GroupOut
    uplift_pp: DecimalStr | None = Field(description="Target's conversion rate less control's, percentage points")
    ci95_low_pp: DecimalStr | None = Field(description="95% interval of the uplift (Newcombe's hybrid score method)")
    ci95_high_pp: DecimalStr | None
    p_value: DecimalStr | None = Field(description="Two-sided, of the pooled two-proportion z-test")
    enough_data: bool = Field(
        description="At least 5 expected conversions and 5 expected non-conversions in each group: below that "
        "the test cannot tell, and nothing is called significant"
    )
    significant: bool = Field(description="Enough data and p < 0.05: the difference is unlikely to be chance")
    incremental_conversions: DecimalStr | None = Field(description="Conversions the campaign caused")
    relative_lift: DecimalStr | None = Field(description="Uplift over control's rate; null when control is 0")
    responses: dict[str, int] = Field(description="Target customers by recorded response ('none': not yet)")
    converted_by_response: dict[str, int] = Field(description="Of those, how many converted")


class CampaignDetailOut(CampaignOut):
    effect: EffectOut | None = Field(description="Null for a draft")


class MemberOut(BaseModel):
    customer: CustomerRefOut
    tier: str
    group: Group
    response: Answer | None
    responded_at: datetime | None
    responded_by_username: str | None
    note: str | None
    converted_on: date | None = Field(description="When they opened the offered product during the campaign")
    rm_username: str | None
    rm_name: str | None


def _out(r: Any, counts: store.MemberCounts) -> dict[str, Any]:
    return {
        "id": r.id,
        "name": r.name,
        "description": r.description,
        "status": r.status,
        "product": ProductRefOut(
            code=r.product_code, name=r.product_name, name_zh=r.product_name_zh, category=r.product_category
        ),
        "segment": SegmentRefOut(id=r.segment_id, code=r.segment_code, name=r.segment_name),
        "channel": r.channel,
        "control_pct": r.control_pct,
        "starts_on": r.starts_on,
        "ends_on": r.ends_on,
        "created_at": r.created_at,
        "created_by_username": r.created_by_username,
        "launched_at": r.launched_at,
        "closed_at": r.closed_at,
        "excluded": ExcludedOut(**{e.value: (r.excluded or {}).get(e.value, 0) for e in Exclusion})
        if r.excluded is not None
        else None,
        "targets": counts.targets,
        "controls": counts.controls,
        "responded": counts.responded,
        "to_contact": counts.to_contact_in_scope,
    }


def _group(outcome: Any, balances: dict[tuple[str, str], Decimal], group: Group) -> GroupOut:
    return GroupOut(
        customers=outcome.customers,
        converted=outcome.converted,
        conversion_rate=outcome.rate.quantize(Decimal("0.0001")),
        converted_balances=[
            MoneyOut(amount=total, currency=currency)
            for (g, currency), total in sorted(balances.items())
            if g == group.value
        ],
    )


async def _detail(container: Container, principal: Any, campaign_id: uuid.UUID) -> CampaignDetailOut:
    today = container.today()
    async with container.engine.connect() as conn:
        row = await store.campaign_row(conn, campaign_id)
        counts = (await store.member_counts(conn, [campaign_id], principal.portfolio)).get(
            campaign_id, store.MemberCounts()
        )
        found = None if row.status == CampaignStatus.DRAFT.value else await store.outcomes(conn, campaign_id, today)
    effect = None
    if found is not None:
        measured = measure(found.target, found.control)
        effect = EffectOut(
            as_of=today,
            final=row.status == CampaignStatus.CLOSED.value or row.ends_on < today,
            target=_group(found.target, found.converted_balances, Group.TARGET),
            control=_group(found.control, found.converted_balances, Group.CONTROL),
            uplift_pp=measured.uplift_pp,
            ci95_low_pp=measured.ci95_low_pp,
            ci95_high_pp=measured.ci95_high_pp,
            p_value=measured.p_value,
            enough_data=measured.enough_data,
            significant=measured.significant,
            incremental_conversions=measured.incremental_conversions,
            relative_lift=measured.relative_lift,
            responses=found.responses,
            converted_by_response=found.converted_by_response,
        )
    return CampaignDetailOut(**_out(row, counts), effect=effect)


@router.get(
    "",
    operation_id="campaigns-list",
    response_model=Page[CampaignOut],
    responses=problem_responses(401, 403, 422),
    summary="Campaigns, the newest first, with their members and the contacts left to make in your portfolio",
)
async def list_campaigns(
    container: ContainerDep,
    principal: PersonDep,
    status: CampaignStatus | None = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[CampaignOut]:
    principal.require(Action.READ_CAMPAIGNS)
    async with container.engine.connect() as conn:
        page = await store.list_campaigns(
            conn, principal.portfolio, status=status.value if status else None, limit=limit, cursor=cursor
        )
    return Page(items=[CampaignOut(**_out(r, counts)) for r, counts in page.items], next_cursor=page.next_cursor)


@router.post(
    "",
    operation_id="campaigns-create",
    status_code=201,
    response_model=CampaignDetailOut,
    responses=problem_responses(401, 403, 422),
    summary="Prepare a campaign (a draft: nobody is in it until it is launched)",
)
async def create_campaign(
    body: CampaignIn, response: Response, container: ContainerDep, principal: PersonDep
) -> CampaignDetailOut:
    async with container.uow() as uow:
        campaign = await service.create(
            uow,
            store.SqlCampaignRepository(uow.connection),
            principal,
            name=body.name,
            description=body.description,
            product_code=body.product_code,
            segment_id=body.segment_id,
            channel=body.channel,
            control_pct=body.control_pct,
            starts_on=body.starts_on,
            ends_on=body.ends_on,
            at=container.clock.now(),
        )
        await uow.commit()
    response.headers["Location"] = f"/api/v1/campaigns/{campaign.id}"
    return await _detail(container, principal, campaign.id)


@router.get(
    "/{campaign_id}",
    operation_id="campaigns-get",
    response_model=CampaignDetailOut,
    responses=problem_responses(401, 403, 404, 422),
    summary="One campaign with its measured effect: target against control, responses, conversions",
)
async def get_campaign(campaign_id: str, container: ContainerDep, principal: PersonDep) -> CampaignDetailOut:
    cid = parse_uuid(campaign_id, "campaign")
    async with container.uow(readonly=True) as uow:
        await service.visible(store.SqlCampaignRepository(uow.connection), principal, cid)
    return await _detail(container, principal, cid)


@router.patch(
    "/{campaign_id}",
    operation_id="campaigns-update",
    response_model=CampaignDetailOut,
    responses=problem_responses(401, 403, 404, 409, 422),
    summary="Change a draft (409 once launched: a campaign keeps what it was launched with)",
)
async def update_campaign(
    campaign_id: str, body: CampaignPatchIn, container: ContainerDep, principal: PersonDep
) -> CampaignDetailOut:
    cid = parse_uuid(campaign_id, "campaign")
    changes = {k: v for k, v in body.model_dump(exclude_unset=True).items() if v is not None or k == "description"}
    async with container.uow() as uow:
        await service.revise(
            uow, store.SqlCampaignRepository(uow.connection), principal, cid, changes, container.clock.now()
        )
        await uow.commit()
    return await _detail(container, principal, cid)


@router.delete(
    "/{campaign_id}",
    operation_id="campaigns-delete",
    status_code=204,
    responses=problem_responses(401, 403, 404, 409, 422),
    summary="Delete a draft (409 once launched: its record is kept)",
)
async def delete_campaign(campaign_id: str, container: ContainerDep, principal: PersonDep) -> Response:
    cid = parse_uuid(campaign_id, "campaign")
    async with container.uow() as uow:
        await service.discard(store.SqlCampaignRepository(uow.connection), principal, cid)
        await uow.commit()
    return Response(status_code=204)


@router.post(
    "/{campaign_id}/launch",
    operation_id="campaigns-launch",
    response_model=CampaignDetailOut,
    responses=problem_responses(401, 403, 404, 409, 422),
    summary="Launch a draft: freeze its members, drawn into target and control; those not eligible are counted",
)
async def launch_campaign(campaign_id: str, container: ContainerDep, principal: PersonDep) -> CampaignDetailOut:
    cid = parse_uuid(campaign_id, "campaign")
    async with container.uow() as uow:
        await service.launch(uow, store.SqlCampaignRepository(uow.connection), principal, cid, container.clock.now())
        await uow.commit()
    return await _detail(container, principal, cid)


@router.post(
    "/{campaign_id}/close",
    operation_id="campaigns-close",
    response_model=CampaignDetailOut,
    responses=problem_responses(401, 403, 404, 409, 422),
    summary="Close an active campaign: no more responses; its effect is final",
)
async def close_campaign(campaign_id: str, container: ContainerDep, principal: PersonDep) -> CampaignDetailOut:
    cid = parse_uuid(campaign_id, "campaign")
    async with container.uow() as uow:
        await service.close(store.SqlCampaignRepository(uow.connection), principal, cid, container.clock.now())
        await uow.commit()
    return await _detail(container, principal, cid)


def _member(r: Any) -> MemberOut:
    return MemberOut(
        customer=customer_ref(r.customer_id, r.customer_number, r.name_zh, r.name_latin),
        tier=r.tier,
        group=r.grp,
        response=r.response,
        responded_at=r.responded_at,
        responded_by_username=r.responded_by_username,
        note=r.note,
        converted_on=r.converted_on,
        rm_username=r.rm_username,
        rm_name=r.rm_name,
    )


@router.get(
    "/{campaign_id}/members",
    operation_id="campaigns-members",
    response_model=Page[MemberOut],
    responses=problem_responses(401, 403, 404, 422),
    summary="The campaign's customers in your portfolio: who to contact, what they said, who converted",
    description="By customer number. `group=target&response=none` is the list of contacts still to make.",
)
async def list_members(
    request: Request,
    campaign_id: str,
    container: ContainerDep,
    principal: PersonDep,
    group: Group | None = None,
    response: ResponseFilter | None = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[MemberOut]:
    cid = parse_uuid(campaign_id, "campaign")
    async with container.uow(readonly=True) as uow:
        await service.visible(store.SqlCampaignRepository(uow.connection), principal, cid)
        page = await store.members(
            uow.connection,
            cid,
            principal.portfolio,
            container.today(),
            group=group.value if group else None,
            response=response.value if response else None,
            limit=limit,
            cursor=cursor,
        )
    items = [_member(r) for r in page.items]
    annotate(request, action=AuditAction.READ, customer_ids=[m.customer.id for m in items])
    return Page(items=items, next_cursor=page.next_cursor)


# The two refusals of a response, each with a problem type of its own so that software can tell them apart.
RESPONSE_REFUSALS: dict[int | str, dict[str, Any]] = {
    409: {
        "model": Problem,
        "description": f"Refused: `/problems/{CAMPAIGN_NOT_ACTIVE}` when the campaign is not active (closed, or not "
        f"launched), `/problems/{CUSTOMER_HELD_OUT}` when the customer is in its control group",
        "content": {
            "application/problem+json": {
                "examples": {
                    CAMPAIGN_NOT_ACTIVE: {
                        "summary": "The campaign is closed",
                        "value": {
                            "type": f"/problems/{CAMPAIGN_NOT_ACTIVE}",
                            "title": "Campaign not active",
                            "status": 409,
                            "detail": "campaign 7d4c1f0e-2b8a-4c55-9e1d-3a6f5b2c8d90 is closed: responses are "
                            "recorded only while it is active",
                        },
                    },
                    CUSTOMER_HELD_OUT: {
                        "summary": "The customer is held out in the control group",
                        "value": {
                            "type": f"/problems/{CUSTOMER_HELD_OUT}",
                            "title": "Customer held out",
                            "status": 409,
                            "detail": "customer 0b6f8a52-3f0e-4d7a-9a31-52c1d2a4e7f0 is in the control group of "
                            "campaign 7d4c1f0e-2b8a-4c55-9e1d-3a6f5b2c8d90: the campaign leaves them alone, so that "
                            "its effect can be measured",
                        },
                    },
                }
            }
        },
    }
}


@router.put(
    "/{campaign_id}/members/{customer_id}/response",
    operation_id="campaigns-respond",
    response_model=MemberOut,
    responses={**problem_responses(401, 403, 404), **RESPONSE_REFUSALS, **problem_responses(422)},
    summary="Record what a target customer said when contacted (a later answer replaces an earlier one)",
    description="Only while the campaign is active, and only for a customer of its target group. The two refusals "
    f"are both 409, told apart by the problem's `type`: `/problems/{CAMPAIGN_NOT_ACTIVE}` (the campaign is closed, "
    f"or not launched yet: nothing more is recorded for it) and `/problems/{CUSTOMER_HELD_OUT}` (the customer is in "
    "the control group: never contacted, so that the campaign's effect can be measured). A customer who is not a "
    "member, or is outside the caller's scope, is 404.",
)
async def record_response(
    request: Request,
    campaign_id: str,
    customer_id: str,
    body: ResponseIn,
    container: ContainerDep,
    principal: PersonDep,
) -> MemberOut:
    cid = parse_uuid(campaign_id, "campaign")
    customer = parse_uuid(customer_id, "customer")
    async with container.uow() as uow:
        await service.record_response(
            uow,
            store.SqlCampaignRepository(uow.connection),
            principal,
            cid,
            customer,
            body.response,
            body.note,
            container.clock.now(),
        )
        await uow.commit()
    annotate(request, customer_ids=[customer], fields=["response", "note"])
    async with container.engine.connect() as conn:
        row = await store.member_row(conn, cid, customer, container.today())
    return _member(row)


class CampaignRefOut(BaseModel):
    id: uuid.UUID
    name: str
    status: CampaignStatus
    product: ProductRefOut
    channel: ConsentChannel
    starts_on: date
    ends_on: date


class CustomerCampaignOut(BaseModel):
    campaign: CampaignRefOut
    group: Group = Field(description="target: to be contacted; control: held out, not to be contacted")
    response: Answer | None
    responded_at: datetime | None
    responded_by_username: str | None
    note: str | None
    converted_on: date | None = Field(description="When they opened the offered product during the campaign")


@customer_router.get(
    "/{customer_id}/campaigns",
    operation_id="customers-campaigns",
    response_model=list[CustomerCampaignOut],
    responses=problem_responses(401, 403, 404, 422),
    summary="The campaigns a customer is in, the newest first: group, response, conversion",
)
async def customer_campaigns(
    request: Request, customer_id: str, container: ContainerDep, principal: PersonDep
) -> list[CustomerCampaignOut]:
    cid = parse_uuid(customer_id, "customer")
    async with container.uow(readonly=True) as uow:
        await service.customer_for_campaigns(uow, principal, cid)
        rows = await store.customer_campaigns(uow.connection, cid, container.today())
    annotate(request, action=AuditAction.READ, customer_ids=[cid])
    return [
        CustomerCampaignOut(
            campaign=CampaignRefOut(
                id=r.id,
                name=r.name,
                status=r.status,
                product=ProductRefOut(
                    code=r.product_code, name=r.product_name, name_zh=r.product_name_zh, category=r.product_category
                ),
                channel=r.channel,
                starts_on=r.starts_on,
                ends_on=r.ends_on,
            ),
            group=r.grp,
            response=r.response,
            responded_at=r.responded_at,
            responded_by_username=r.responded_by_username,
            note=r.note,
            converted_on=r.converted_on,
        )
        for r in rows
    ]
