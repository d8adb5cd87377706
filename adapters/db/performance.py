"""RM performance over a period: one row of figures per relationship manager, from the portfolio's customers."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.db.campaigns import conversion
from adapters.db.tables import customers, holdings, interactions, users
from adapters.db.tables_campaigns import campaign_members, campaigns
from adapters.db.tables_contact import cases
from adapters.db.tables_value import alerts, customer_scores
from domain.access import PortfolioScope
from domain.calendar import bank_day
from domain.campaigns import Group
from domain.performance import Durations, durations, mean, share


@dataclass
class RmFigures:
    id: uuid.UUID
    username: str
    display_name: str | None
    branch: str | None
    customers: int = 0
    key_customers: int = 0
    aum: Decimal = Decimal(0)
    aum_3m_ago: Decimal = Decimal(0)
    contribution_monthly: Decimal = Decimal(0)
    alerts_open: int = 0
    alerts_resolved: int = 0
    alert_hours: Durations = field(default_factory=lambda: Durations(None, 0))
    cases_closed: int = 0
    cases_closed_in_time: int = 0
    cases_overdue: int = 0
    satisfaction: list[int] = field(default_factory=list)
    campaign_targets: int = 0
    campaign_responded: int = 0
    campaign_converted: int = 0
    visits: int = 0

    @property
    def sla_rate(self) -> Decimal | None:
        return share(self.cases_closed_in_time, self.cases_closed)

    @property
    def satisfaction_avg(self) -> Decimal | None:
        return mean(self.satisfaction)

    @property
    def campaign_contact_rate(self) -> Decimal | None:
        return share(self.campaign_responded, self.campaign_targets)


def _rms(scope: PortfolioScope) -> sa.Select[Any]:
    stmt = sa.select(users.c.id, users.c.username, users.c.display_name, users.c.branch_code).where(
        users.c.role == "rm"
    )
    if scope.relationship_manager_id is not None:
        return stmt.where(users.c.id == scope.relationship_manager_id)
    if not scope.everything:
        return stmt.where(users.c.branch_code == scope.branch) if scope.branch else stmt.where(sa.false())
    return stmt


async def rm_performance(
    conn: AsyncConnection, scope: PortfolioScope, since: datetime, now: datetime
) -> list[RmFigures]:
    """The figures of each RM the scope covers (an RM only themself), over [since, now]."""
    rms = {r.id: RmFigures(r.id, r.username, r.display_name, r.branch_code) for r in await conn.execute(_rms(scope))}
    if not rms:
        return []
    ids = list(rms)
    rm = customers.c.relationship_manager_id
    portfolio = sa.and_(rm.in_(ids), customers.c.merged_into.is_(None))

    for r in await conn.execute(
        sa.select(
            rm,
            sa.func.count().label("n"),
            sa.func.count().filter(customers.c.tier == "key").label("key"),
            sa.func.coalesce(sa.func.sum(customer_scores.c.aum), 0).label("aum"),
            sa.func.coalesce(sa.func.sum(customer_scores.c.aum_3m_ago), 0).label("aum_3m_ago"),
            sa.func.coalesce(sa.func.sum(customer_scores.c.contribution_monthly), 0).label("contribution"),
        )
        .select_from(customers.outerjoin(customer_scores, customer_scores.c.customer_id == customers.c.id))
        .where(portfolio)
        .group_by(rm)
    ):
        f = rms[r.relationship_manager_id]
        f.customers, f.key_customers = r.n, r.key
        f.aum, f.aum_3m_ago, f.contribution_monthly = Decimal(r.aum), Decimal(r.aum_3m_ago), Decimal(r.contribution)

    of_portfolio = customers.c.id
    # Alerts: open now; resolved in the period, with how long each took.
    for r in await conn.execute(
        sa.select(rm, sa.func.count().label("n"))
        .select_from(alerts.join(customers, customers.c.id == alerts.c.customer_id))
        .where(portfolio, alerts.c.status.in_(("open", "acknowledged")))
        .group_by(rm)
    ):
        rms[r.relationship_manager_id].alerts_open = r.n
    taken: dict[uuid.UUID, list[tuple[datetime, datetime]]] = defaultdict(list)
    for r in await conn.execute(
        sa.select(rm, alerts.c.raised_at, alerts.c.resolved_at)
        .select_from(alerts.join(customers, customers.c.id == alerts.c.customer_id))
        .where(portfolio, alerts.c.status == "resolved", alerts.c.resolved_at >= since, alerts.c.resolved_at <= now)
    ):
        taken[r.relationship_manager_id].append((r.raised_at, r.resolved_at))
    for rm_id, pairs in taken.items():
        rms[rm_id].alerts_resolved = len(pairs)
        rms[rm_id].alert_hours = durations(pairs)

    # Cases of the portfolio: closed in the period (within their service level or not, and how satisfied the
    # customers said they were), and those open past their due time now.
    for r in await conn.execute(
        sa.select(rm, cases.c.closed_at, cases.c.sla_due_at, cases.c.satisfaction)
        .select_from(cases.join(customers, customers.c.id == cases.c.customer_id))
        .where(portfolio, cases.c.status == "closed", cases.c.closed_at >= since, cases.c.closed_at <= now)
    ):
        f = rms[r.relationship_manager_id]
        f.cases_closed += 1
        f.cases_closed_in_time += int(r.sla_due_at is None or r.closed_at <= r.sla_due_at)
        if r.satisfaction is not None:
            f.satisfaction.append(r.satisfaction)
    for r in await conn.execute(
        sa.select(rm, sa.func.count().label("n"))
        .select_from(cases.join(customers, customers.c.id == cases.c.customer_id))
        .where(portfolio, cases.c.status == "open", cases.c.sla_due_at < now)
        .group_by(rm)
    ):
        rms[r.relationship_manager_id].cases_overdue = r.n

    # Campaigns running during the period: the portfolio's target customers, those contacted, those converted.
    today = bank_day(now)
    converted = sa.exists().where(conversion(holdings.c.customer_id == campaign_members.c.customer_id, today))
    for r in await conn.execute(
        sa.select(
            rm,
            sa.func.count().label("n"),
            # reached: a response recorded, other than "could not be reached"
            sa.func.count()
            .filter(campaign_members.c.response.is_not(None), campaign_members.c.response != "unreachable")
            .label("responded"),
            sa.func.count().filter(converted).label("converted"),
        )
        .select_from(
            campaign_members.join(campaigns, campaigns.c.id == campaign_members.c.campaign_id).join(
                customers, of_portfolio == campaign_members.c.customer_id
            )
        )
        .where(
            portfolio,
            campaign_members.c.grp == Group.TARGET.value,
            campaigns.c.starts_on <= today,
            campaigns.c.ends_on >= _day(since),
        )
        .group_by(rm)
    ):
        f = rms[r.relationship_manager_id]
        f.campaign_targets, f.campaign_responded, f.campaign_converted = r.n, r.responded, r.converted

    # Visits: the RM's meetings with the portfolio's customers on the timeline.
    for r in await conn.execute(
        sa.select(rm, sa.func.count().label("n"))
        .select_from(interactions.join(customers, customers.c.id == interactions.c.customer_id))
        .where(
            portfolio,
            interactions.c.channel == "rm_visit",
            interactions.c.occurred_at >= since,
            interactions.c.occurred_at <= now,
        )
        .group_by(rm)
    ):
        rms[r.relationship_manager_id].visits = r.n

    return sorted(rms.values(), key=lambda f: (-f.contribution_monthly, f.username))


def _day(at: datetime) -> date:
    return bank_day(at)
