"""Campaign repository (the CampaignStore port) and the campaign views: the list, the effect, the contacts."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.db.segments import refresh_members
from adapters.db.tables import customers, holdings, products, segment_members, segments, users
from adapters.db.tables_campaigns import campaign_members, campaigns
from adapters.db.views import Page, decode_cursor, encode_cursor, scope_filter
from domain.access import PortfolioScope
from domain.campaigns import Campaign, CampaignStatus, Candidate, Group, GroupOutcome, Response
from domain.customers import ConsentChannel, RiskPreference

_CHUNK = 5_000  # members per INSERT at launch


def _campaign(r: Any) -> Campaign:
    return Campaign(
        id=r.id,
        name=r.name,
        description=r.description,
        product_code=r.product_code,
        segment_id=r.segment_id,
        channel=ConsentChannel(r.channel),
        control_pct=r.control_pct,
        starts_on=r.starts_on,
        ends_on=r.ends_on,
        status=CampaignStatus(r.status),
        created_by=r.created_by,
        created_at=r.created_at,
    )


def _offer_values(campaign: Campaign) -> dict[str, Any]:
    """What a draft may change: the offer, its audience, its channel, its control share and its dates."""
    return {
        "name": campaign.name,
        "description": campaign.description,
        "product_code": campaign.product_code,
        "segment_id": campaign.segment_id,
        "channel": campaign.channel.value,
        "control_pct": campaign.control_pct,
        "starts_on": campaign.starts_on,
        "ends_on": campaign.ends_on,
    }


class SqlCampaignRepository:
    def __init__(self, conn: AsyncConnection) -> None:
        self._conn = conn

    async def get(self, campaign_id: uuid.UUID, *, hold: bool = False) -> Campaign | None:
        stmt = sa.select(campaigns).where(campaigns.c.id == campaign_id)
        if hold:  # FOR SHARE on PostgreSQL: a close waits for this transaction (SQLite's writers run one at a time)
            stmt = stmt.with_for_update(read=True)
        row = (await self._conn.execute(stmt)).first()
        return None if row is None else _campaign(row)

    async def add(self, campaign: Campaign) -> None:
        await self._conn.execute(
            sa.insert(campaigns).values(
                id=campaign.id,
                status=campaign.status.value,
                created_by=campaign.created_by,
                created_at=campaign.created_at,
                **_offer_values(campaign),
            )
        )

    async def segment_exists(self, segment_id: uuid.UUID) -> bool:
        return await self._conn.scalar(sa.select(segments.c.id).where(segments.c.id == segment_id)) is not None

    async def candidates(self, campaign: Campaign, at: datetime) -> list[Candidate]:
        segment = (
            await self._conn.execute(
                sa.select(segments.c.kind, segments.c.rule).where(segments.c.id == campaign.segment_id)
            )
        ).first()
        if segment is not None and segment.kind == "rule" and segment.rule:
            await refresh_members(self._conn, campaign.segment_id, segment.rule, at)  # members as of the launch
        holds = sa.exists().where(
            holdings.c.customer_id == customers.c.id,
            holdings.c.product_code == campaign.product_code,
            holdings.c.status != "closed",
        )
        rows = await self._conn.execute(
            sa.select(
                customers.c.id,
                customers.c.marketing_consent,
                customers.c.risk_preference,
                holds.label("holds"),
            )
            .select_from(segment_members.join(customers, customers.c.id == segment_members.c.customer_id))
            .where(segment_members.c.segment_id == campaign.segment_id, customers.c.merged_into.is_(None))
            .order_by(customers.c.id)
        )
        channel = campaign.channel.value
        return [
            Candidate(
                customer_id=r.id,
                consents=(r.marketing_consent or {}).get(channel) is True,
                risk_preference=RiskPreference(r.risk_preference) if r.risk_preference else None,
                holds_product=bool(r.holds),
            )
            for r in rows
        ]

    async def save_launch(
        self,
        campaign_id: uuid.UUID,
        members: list[tuple[uuid.UUID, Group]],
        excluded: dict[str, int],
        by: uuid.UUID | None,
        at: datetime,
    ) -> bool:
        result = await self._conn.execute(
            sa.update(campaigns)
            .where(campaigns.c.id == campaign_id, campaigns.c.status == CampaignStatus.DRAFT.value)
            .values(status=CampaignStatus.ACTIVE.value, launched_by=by, launched_at=at, excluded=excluded)
        )
        if result.rowcount != 1:
            return False
        for start in range(0, len(members), _CHUNK):
            await self._conn.execute(
                sa.insert(campaign_members),
                [
                    {"campaign_id": campaign_id, "customer_id": cid, "grp": group.value}
                    for cid, group in members[start : start + _CHUNK]
                ],
            )
        return True

    async def save_closed(self, campaign_id: uuid.UUID, by: uuid.UUID | None, at: datetime) -> bool:
        result = await self._conn.execute(
            sa.update(campaigns)
            .where(campaigns.c.id == campaign_id, campaigns.c.status == CampaignStatus.ACTIVE.value)
            .values(status=CampaignStatus.CLOSED.value, closed_by=by, closed_at=at)
        )
        return result.rowcount == 1

    async def save_draft(self, campaign: Campaign) -> bool:
        result = await self._conn.execute(
            sa.update(campaigns)
            .where(campaigns.c.id == campaign.id, campaigns.c.status == CampaignStatus.DRAFT.value)
            .values(**_offer_values(campaign))
        )
        return result.rowcount == 1

    async def delete_draft(self, campaign_id: uuid.UUID) -> bool:
        result = await self._conn.execute(
            sa.delete(campaigns).where(campaigns.c.id == campaign_id, campaigns.c.status == CampaignStatus.DRAFT.value)
        )
        return result.rowcount == 1

    async def member_group(self, campaign_id: uuid.UUID, customer_id: uuid.UUID) -> Group | None:
        grp = await self._conn.scalar(
            sa.select(campaign_members.c.grp).where(
                campaign_members.c.campaign_id == campaign_id, campaign_members.c.customer_id == customer_id
            )
        )
        return None if grp is None else Group(grp)

    async def save_response(
        self,
        campaign_id: uuid.UUID,
        customer_id: uuid.UUID,
        response: Response,
        note: str | None,
        by: uuid.UUID | None,
        at: datetime,
    ) -> None:
        await self._conn.execute(
            sa.update(campaign_members)
            .where(campaign_members.c.campaign_id == campaign_id, campaign_members.c.customer_id == customer_id)
            .values(response=response.value, note=note, responded_by=by, responded_at=at)
        )


# ------------------------------------------------------------------------------------------------------ views

_creator = users.alias("creator")


def _campaign_select() -> sa.Select[Any]:
    return sa.select(
        campaigns,
        products.c.name.label("product_name"),
        products.c.name_zh.label("product_name_zh"),
        products.c.category.label("product_category"),
        segments.c.code.label("segment_code"),
        segments.c.name.label("segment_name"),
        _creator.c.username.label("created_by_username"),
    ).select_from(
        campaigns.join(products, products.c.code == campaigns.c.product_code)
        .join(segments, segments.c.id == campaigns.c.segment_id)
        .outerjoin(_creator, _creator.c.id == campaigns.c.created_by)
    )


def _window_end(today: date) -> Any:
    """The last day a conversion counts: the campaign's last day, or today while it runs."""
    return sa.case((campaigns.c.ends_on < today, campaigns.c.ends_on), else_=sa.literal(today, sa.Date))


def conversion(holder: sa.ColumnElement[bool], today: date) -> sa.ColumnElement[bool]:
    """The holding (of the customer `holder` names) is a conversion: the campaign's product, opened between the
    campaign's first day and its last (or today, while it runs)."""
    return sa.and_(
        holder,
        holdings.c.product_code == campaigns.c.product_code,
        holdings.c.opened_on >= campaigns.c.starts_on,
        holdings.c.opened_on <= _window_end(today),
    )


def _converted(today: date) -> sa.Exists:
    """The member converted."""
    return sa.exists().where(conversion(holdings.c.customer_id == campaign_members.c.customer_id, today))


def _converted_on(today: date) -> Any:
    """The day the member first opened the offered product during the campaign, or null."""
    return (
        sa.select(sa.func.min(holdings.c.opened_on))
        .where(conversion(holdings.c.customer_id == campaign_members.c.customer_id, today))
        .scalar_subquery()
    )


async def list_campaigns(
    conn: AsyncConnection,
    scope: PortfolioScope,
    *,
    status: str | None,
    limit: int,
    cursor: str | None,
) -> Page:
    """Campaigns, the newest first, each with its member counts and the contacts still to make in the scope."""
    after = decode_cursor(cursor, (datetime, uuid.UUID))
    stmt = _campaign_select()
    if status:
        stmt = stmt.where(campaigns.c.status == status)
    if after:
        stmt = stmt.where(
            sa.or_(
                campaigns.c.created_at < after[0],
                sa.and_(campaigns.c.created_at == after[0], campaigns.c.id < after[1]),
            )
        )
    rows = list(
        await conn.execute(stmt.order_by(campaigns.c.created_at.desc(), campaigns.c.id.desc()).limit(limit + 1))
    )
    more = len(rows) > limit
    rows = rows[:limit]
    counts = await member_counts(conn, [r.id for r in rows], scope)
    items = [(r, counts.get(r.id, MemberCounts())) for r in rows]
    next_cursor = encode_cursor([rows[-1].created_at, rows[-1].id]) if more and rows else None
    return Page(items, next_cursor)


@dataclass
class MemberCounts:
    targets: int = 0
    controls: int = 0
    responded: int = 0
    to_contact_in_scope: int = 0


async def member_counts(
    conn: AsyncConnection, campaign_ids: list[uuid.UUID], scope: PortfolioScope
) -> dict[uuid.UUID, MemberCounts]:
    if not campaign_ids:
        return {}
    m = campaign_members
    in_scope_pending = sa.and_(m.c.grp == Group.TARGET.value, m.c.response.is_(None), scope_filter(scope))
    rows = await conn.execute(
        sa.select(
            m.c.campaign_id,
            sa.func.count().filter(m.c.grp == Group.TARGET.value).label("targets"),
            sa.func.count().filter(m.c.grp == Group.CONTROL.value).label("controls"),
            sa.func.count().filter(m.c.response.is_not(None)).label("responded"),
            sa.func.count().filter(in_scope_pending).label("pending"),
        )
        .select_from(m.join(customers, customers.c.id == m.c.customer_id))
        .where(m.c.campaign_id.in_(campaign_ids))
        .group_by(m.c.campaign_id)
    )
    return {r.campaign_id: MemberCounts(r.targets, r.controls, r.responded, r.pending) for r in rows}


async def campaign_row(conn: AsyncConnection, campaign_id: uuid.UUID) -> Any:
    return (await conn.execute(_campaign_select().where(campaigns.c.id == campaign_id))).first()


@dataclass
class Outcomes:
    target: GroupOutcome
    control: GroupOutcome
    responses: dict[str, int]
    converted_balances: dict[tuple[str, str], Decimal] = field(default_factory=dict)  # (group, currency) -> sum
    converted_by_response: dict[str, int] = field(default_factory=dict)


async def outcomes(conn: AsyncConnection, campaign_id: uuid.UUID, today: date) -> Outcomes:
    """Who converted in each group, the target group's responses, and the balances the conversions brought."""
    m = campaign_members
    converted = _converted(today)
    base = m.join(campaigns, campaigns.c.id == m.c.campaign_id)
    rows = await conn.execute(
        sa.select(
            m.c.grp,
            m.c.response,
            sa.func.count().label("n"),
            sa.func.count().filter(converted).label("converted"),
        )
        .select_from(base)
        .where(m.c.campaign_id == campaign_id)
        .group_by(m.c.grp, m.c.response)
    )
    groups: dict[str, list[int]] = {Group.TARGET.value: [0, 0], Group.CONTROL.value: [0, 0]}
    responses = {r.value: 0 for r in Response} | {"none": 0}
    by_response = dict.fromkeys(responses, 0)
    for r in rows:
        g = groups.setdefault(r.grp, [0, 0])
        g[0] += r.n
        g[1] += r.converted
        if r.grp == Group.TARGET.value:
            responses[r.response or "none"] = responses.get(r.response or "none", 0) + r.n
            by_response[r.response or "none"] = by_response.get(r.response or "none", 0) + r.converted
    # The balances of the offered product the converted opened during the campaign, per group and currency.
    balances = await conn.execute(
        sa.select(m.c.grp, holdings.c.currency, sa.func.sum(holdings.c.balance).label("total"))
        .select_from(
            base.join(
                holdings,
                conversion(holdings.c.customer_id == m.c.customer_id, today),
            )
        )
        .where(m.c.campaign_id == campaign_id)
        .group_by(m.c.grp, holdings.c.currency)
    )
    return Outcomes(
        target=GroupOutcome(*groups[Group.TARGET.value]),
        control=GroupOutcome(*groups[Group.CONTROL.value]),
        responses=responses,
        converted_balances={(r.grp, r.currency): Decimal(r.total) for r in balances},
        converted_by_response=by_response,
    )


_responder = users.alias("responder")
_rm = users.alias("rm")


async def members(
    conn: AsyncConnection,
    campaign_id: uuid.UUID,
    scope: PortfolioScope,
    today: date,
    *,
    group: str | None,
    response: str | None,
    limit: int,
    cursor: str | None,
    customer_id: uuid.UUID | None = None,
) -> Page:
    """The campaign's members in the caller's scope, by customer number: who to contact, what they said, whether
    they converted. `response="none"` lists those not contacted yet."""
    m = campaign_members
    after = decode_cursor(cursor, (str,))
    opened = _converted_on(today)
    stmt = (
        sa.select(
            m.c.customer_id,
            customers.c.customer_number,
            customers.c.name_zh,
            customers.c.name_latin,
            customers.c.tier,
            m.c.grp,
            m.c.response,
            m.c.responded_at,
            m.c.note,
            _responder.c.username.label("responded_by_username"),
            _rm.c.username.label("rm_username"),
            _rm.c.display_name.label("rm_name"),
            opened.label("converted_on"),
        )
        .select_from(
            m.join(campaigns, campaigns.c.id == m.c.campaign_id)
            .join(customers, customers.c.id == m.c.customer_id)
            .outerjoin(_responder, _responder.c.id == m.c.responded_by)
            .outerjoin(_rm, _rm.c.id == customers.c.relationship_manager_id)
        )
        .where(m.c.campaign_id == campaign_id, scope_filter(scope))
    )
    if customer_id is not None:
        stmt = stmt.where(m.c.customer_id == customer_id)
    if group:
        stmt = stmt.where(m.c.grp == group)
    if response == "none":
        stmt = stmt.where(m.c.response.is_(None))
    elif response:
        stmt = stmt.where(m.c.response == response)
    if after:
        stmt = stmt.where(customers.c.customer_number > after[0])
    rows = list(await conn.execute(stmt.order_by(customers.c.customer_number).limit(limit + 1)))
    more = len(rows) > limit
    rows = rows[:limit]
    return Page(rows, encode_cursor([rows[-1].customer_number]) if more and rows else None)


async def member_row(conn: AsyncConnection, campaign_id: uuid.UUID, customer_id: uuid.UUID, today: date) -> Any:
    page = await members(
        conn,
        campaign_id,
        PortfolioScope(everything=True),
        today,
        group=None,
        response=None,
        limit=1,
        cursor=None,
        customer_id=customer_id,
    )
    return page.items[0] if page.items else None


async def customer_campaigns(conn: AsyncConnection, customer_id: uuid.UUID, today: date) -> list[Any]:
    """The campaigns a customer is in, the newest first: their group, what they said, whether they converted."""
    m = campaign_members
    opened = _converted_on(today)
    stmt = (
        _campaign_select()
        .add_columns(
            m.c.grp,
            m.c.response,
            m.c.responded_at,
            m.c.note,
            _responder.c.username.label("responded_by_username"),
            opened.label("converted_on"),
        )
        .join(m, m.c.campaign_id == campaigns.c.id)
        .outerjoin(_responder, _responder.c.id == m.c.responded_by)
        .where(m.c.customer_id == customer_id)
        .order_by(campaigns.c.starts_on.desc(), campaigns.c.id)
    )
    return list(await conn.execute(stmt))
