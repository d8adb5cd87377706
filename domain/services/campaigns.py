"""Campaign use cases: prepare, launch (freeze target and control), record responses, close."""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from domain.access import Action, Principal
from domain.calendar import bank_day
from domain.campaigns import (
    Campaign,
    CampaignStatus,
    Candidate,
    Exclusion,
    Group,
    Response,
    check_note,
    exclusion,
    group_of,
    new_campaign,
    require_status,
    revised,
)
from domain.customers import ConsentChannel
from domain.errors import CampaignNotActive, Conflict, CustomerHeldOut, InvalidValue, NotFound
from domain.ports import UnitOfWork
from domain.services.customers import get_customer


@dataclass(frozen=True, slots=True)
class Launch:
    targets: int
    controls: int
    excluded: dict[str, int]


class CampaignStore(Protocol):
    async def get(self, campaign_id: uuid.UUID, *, hold: bool = False) -> Campaign | None:
        """The campaign; with `hold`, its status stays as read until the caller's transaction ends."""
        ...

    async def add(self, campaign: Campaign) -> None: ...

    async def segment_exists(self, segment_id: uuid.UUID) -> bool: ...

    async def candidates(self, campaign: Campaign, at: datetime) -> list[Candidate]:
        """The segment's members now (a rule segment's rule applied afresh), with what decides eligibility."""
        ...

    async def save_launch(
        self,
        campaign_id: uuid.UUID,
        members: list[tuple[uuid.UUID, Group]],
        excluded: dict[str, int],
        by: uuid.UUID | None,
        at: datetime,
    ) -> bool:
        """Store the members and mark the campaign active; False when it was launched meanwhile."""
        ...

    async def save_closed(self, campaign_id: uuid.UUID, by: uuid.UUID | None, at: datetime) -> bool: ...

    async def save_draft(self, campaign: Campaign) -> bool:
        """Store a draft's changes; False when it was launched meanwhile."""
        ...

    async def delete_draft(self, campaign_id: uuid.UUID) -> bool: ...

    async def member_group(self, campaign_id: uuid.UUID, customer_id: uuid.UUID) -> Group | None: ...

    async def save_response(
        self,
        campaign_id: uuid.UUID,
        customer_id: uuid.UUID,
        response: Response,
        note: str | None,
        by: uuid.UUID | None,
        at: datetime,
    ) -> None: ...


async def create(
    uow: UnitOfWork,
    store: CampaignStore,
    principal: Principal,
    *,
    name: str,
    description: str | None,
    product_code: str,
    segment_id: uuid.UUID,
    channel: ConsentChannel,
    control_pct: int,
    starts_on: date,
    ends_on: date,
    at: datetime,
) -> Campaign:
    principal.require(Action.MANAGE_CAMPAIGNS)
    campaign = new_campaign(
        name=name,
        description=description,
        product_code=product_code,
        segment_id=segment_id,
        channel=channel,
        control_pct=control_pct,
        starts_on=starts_on,
        ends_on=ends_on,
        created_by=principal.user_id,
        at=at,
    )
    await _check_offer(uow, store, campaign, bank_day(at))
    await store.add(campaign)
    return campaign


async def _check_offer(uow: UnitOfWork, store: CampaignStore, campaign: Campaign, today: date) -> None:
    if campaign.ends_on < today:
        raise InvalidValue("the campaign would be over before it is launched", field="ends_on")
    product = await uow.products.get(campaign.product_code)
    if product is None or not product.active:
        raise InvalidValue(f"no product on sale has code {campaign.product_code!r}", field="product_code")
    if not await store.segment_exists(campaign.segment_id):
        raise InvalidValue(f"no segment has id {campaign.segment_id}", field="segment_id")


async def revise(
    uow: UnitOfWork,
    store: CampaignStore,
    principal: Principal,
    campaign_id: uuid.UUID,
    changes: dict[str, object],
    at: datetime,
) -> Campaign:
    """Change a draft (its dates, its offer, its audience...); a launched campaign keeps what it was launched with."""
    principal.require(Action.MANAGE_CAMPAIGNS)
    campaign = await visible(store, principal, campaign_id)
    require_status(campaign, CampaignStatus.DRAFT, "changed")
    changed = revised(campaign, **changes)
    await _check_offer(uow, store, changed, bank_day(at))
    if not await store.save_draft(changed):
        raise Conflict(f"campaign {campaign_id} was launched meanwhile")
    return changed


async def discard(store: CampaignStore, principal: Principal, campaign_id: uuid.UUID) -> None:
    """Delete a draft; a launched campaign is kept for its record."""
    principal.require(Action.MANAGE_CAMPAIGNS)
    campaign = await visible(store, principal, campaign_id)
    require_status(campaign, CampaignStatus.DRAFT, "deleted")
    if not await store.delete_draft(campaign.id):
        raise Conflict(f"campaign {campaign_id} was launched meanwhile")


async def visible(
    store: CampaignStore, principal: Principal, campaign_id: uuid.UUID, *, hold: bool = False
) -> Campaign:
    principal.require(Action.READ_CAMPAIGNS)
    campaign = await store.get(campaign_id, hold=hold)
    if campaign is None:
        raise NotFound(f"campaign {campaign_id} not found")
    return campaign


async def launch(
    uow: UnitOfWork, store: CampaignStore, principal: Principal, campaign_id: uuid.UUID, at: datetime
) -> Launch:
    """Freeze who is in the campaign: each member of the segment who may be offered the product, drawn into the
    target or the control group. Those who may not are counted by reason and left out."""
    principal.require(Action.MANAGE_CAMPAIGNS)
    campaign = await visible(store, principal, campaign_id)
    require_status(campaign, CampaignStatus.DRAFT, "launched")
    if campaign.ends_on < bank_day(at):
        raise Conflict(
            f"campaign {campaign_id} ended on {campaign.ends_on.isoformat()}: change its dates first (PATCH)"
        )
    product = await uow.products.get(campaign.product_code)
    if product is None or not product.active:
        raise Conflict(f"product {campaign.product_code!r} is no longer on sale")
    members: list[tuple[uuid.UUID, Group]] = []
    excluded: Counter[Exclusion] = Counter()
    for candidate in await store.candidates(campaign, at):
        reason = exclusion(candidate, product.risk_level)
        if reason is not None:
            excluded[reason] += 1
            continue
        members.append((candidate.customer_id, group_of(campaign.id, candidate.customer_id, campaign.control_pct)))
    if not members:
        left_out = ", ".join(f"{n} {r.value.replace('_', ' ')}" for r, n in sorted(excluded.items()))
        raise InvalidValue(
            "nobody in the segment may be offered the product" + (f" ({left_out})" if left_out else ": it is empty"),
            field="segment_id",
        )
    counts = {r.value: excluded.get(r, 0) for r in Exclusion}
    if not await store.save_launch(campaign.id, members, counts, principal.user_id, at):
        raise Conflict(f"campaign {campaign_id} was launched meanwhile")
    targets = sum(1 for _, g in members if g is Group.TARGET)
    return Launch(targets=targets, controls=len(members) - targets, excluded=counts)


async def close(store: CampaignStore, principal: Principal, campaign_id: uuid.UUID, at: datetime) -> None:
    principal.require(Action.MANAGE_CAMPAIGNS)
    campaign = await visible(store, principal, campaign_id)
    require_status(campaign, CampaignStatus.ACTIVE, "closed")
    if not await store.save_closed(campaign.id, principal.user_id, at):
        raise Conflict(f"campaign {campaign_id} was closed meanwhile")


async def record_response(
    uow: UnitOfWork,
    store: CampaignStore,
    principal: Principal,
    campaign_id: uuid.UUID,
    customer_id: uuid.UUID,
    response: Response,
    note: str | None,
    at: datetime,
) -> None:
    """What a target customer said when contacted; a later answer replaces an earlier one.

    Refused (each in its own words, for the call center's software to tell apart) when the campaign is not active
    (CampaignNotActive) or the customer is held out in its control group (CustomerHeldOut)."""
    principal.require(Action.WORK_CAMPAIGNS)
    text = check_note(note)
    # Held until the response is stored: a close at the same moment waits, or is seen (nothing after a close).
    campaign = await visible(store, principal, campaign_id, hold=True)
    await get_customer(uow, principal, customer_id)  # outside the caller's scope: as if absent
    group = await store.member_group(campaign.id, customer_id)
    if group is None:
        raise NotFound(f"customer {customer_id} is not in campaign {campaign_id}")
    if campaign.status is not CampaignStatus.ACTIVE:
        raise CampaignNotActive(campaign.id, campaign.status.value)
    if group is Group.CONTROL:
        raise CustomerHeldOut(campaign.id, customer_id)
    await store.save_response(campaign.id, customer_id, response, text, principal.user_id, at)


async def customer_for_campaigns(uow: UnitOfWork, principal: Principal, customer_id: uuid.UUID) -> None:
    """A customer's campaigns are read by those who read campaigns, for a customer in their scope."""
    principal.require(Action.READ_CAMPAIGNS)
    await get_customer(uow, principal, customer_id)
