"""Portfolio analytics: how customers, AUM and contribution spread over tiers, the Pareto curve, and how each RM's
portfolio and work went."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from adapters.db import performance, scoring
from api.deps import ContainerDep, PersonDep
from api.schemas.common import DecimalStr, MoneyStr, problem_responses
from domain.access import Action
from domain.customers import Tier
from domain.performance import PERIOD_DAYS

router = APIRouter(prefix="/api/v1/analytics", tags=["analytics"])


class TierRowOut(BaseModel):
    tier: str
    customers: int
    aum: MoneyStr
    contribution_monthly: MoneyStr
    share_of_customers: str = Field(examples=["0.1500"])
    share_of_contribution: str = Field(description="Of the total (may be negative for loss-making tiers)")


class TiersOut(BaseModel):
    currency: str = "CNY"
    customers: int
    aum: MoneyStr
    contribution_monthly: MoneyStr
    tiers: list[TierRowOut]


class ParetoPointOut(BaseModel):
    customer_share: str = Field(description="Share of customers, best contributors first", examples=["0.2000"])
    contribution_share: str = Field(description="Share of positive contribution they make", examples=["0.8100"])
    customers: int
    contribution_monthly: MoneyStr


class ParetoOut(BaseModel):
    currency: str = "CNY"
    customers: int
    positive_contribution_monthly: MoneyStr
    points: list[ParetoPointOut]


def _share(part: Decimal, whole: Decimal) -> str:
    return "0.0000" if whole == 0 else format((part / whole).quantize(Decimal("0.0001")), "f")


@router.get(
    "/tiers",
    operation_id="analytics-tiers",
    response_model=TiersOut,
    responses=problem_responses(401, 403),
    summary="Customers, AUM and monthly contribution per tier, over the caller's portfolio",
)
async def tiers(container: ContainerDep, principal: PersonDep) -> TiersOut:
    principal.require(Action.READ_ANALYTICS)
    async with container.engine.connect() as conn:
        rows = {r.tier: r for r in await scoring.tier_distribution(conn, principal.portfolio)}
    total_n = sum(int(r.customers) for r in rows.values())
    total_aum = sum((Decimal(r.aum) for r in rows.values()), Decimal(0))
    total_c = sum((Decimal(r.contribution) for r in rows.values()), Decimal(0))
    out = []
    for tier in [t.value for t in Tier] + sorted(set(rows) - {t.value for t in Tier}):
        r = rows.get(tier)
        n = int(r.customers) if r else 0
        contribution = Decimal(r.contribution) if r else Decimal(0)
        out.append(
            TierRowOut(
                tier=tier,
                customers=n,
                aum=Decimal(r.aum) if r else Decimal(0),
                contribution_monthly=contribution,
                share_of_customers=_share(Decimal(n), Decimal(total_n)),
                share_of_contribution=_share(contribution, total_c),
            )
        )
    return TiersOut(customers=total_n, aum=total_aum, contribution_monthly=total_c, tiers=out)


@router.get(
    "/pareto",
    operation_id="analytics-pareto",
    response_model=ParetoOut,
    responses=problem_responses(401, 403, 422),
    summary="The cumulative contribution curve: what share of contribution the best x% of customers make",
    description="Customers ranked by monthly contribution, best first; customers losing money add nothing, so "
    "the curve ends flat at 1. Over the caller's portfolio.",
)
async def pareto(
    container: ContainerDep,
    principal: PersonDep,
    points: Annotated[int, Query(ge=2, le=100, description="How many points on the curve (default 20)")] = 20,
) -> ParetoOut:
    principal.require(Action.READ_ANALYTICS)
    async with container.engine.connect() as conn:
        n, total, curve = await scoring.pareto_curve(conn, principal.portfolio, points)
    return ParetoOut(
        customers=n,
        positive_contribution_monthly=total,
        points=[
            ParetoPointOut(
                customer_share=_share(Decimal(rank), Decimal(n)),
                contribution_share=_share(running, total),
                customers=rank,
                contribution_monthly=running,
            )
            for rank, running in curve
        ],
    )


class RmRefOut(BaseModel):
    id: uuid.UUID
    username: str
    display_name: str | None
    branch: str | None


class RmPerformanceOut(BaseModel):
    rm: RmRefOut
    customers: int = Field(description="The portfolio now")
    key_customers: int
    aum: MoneyStr
    aum_change_3m: MoneyStr = Field(description="AUM now less AUM three months ago, over today's portfolio")
    contribution_monthly: MoneyStr = Field(description="Summed over the portfolio, to the scores' four decimals")
    alerts_open: int
    alerts_resolved: int = Field(description="Resolved during the period")
    alert_median_hours: DecimalStr | None = Field(description="From raised to resolved, the median; null if none")
    cases_closed: int = Field(description="The portfolio's cases closed during the period, by anyone")
    cases_closed_in_time: int = Field(description="Of those, closed by their due time")
    sla_rate: DecimalStr | None = Field(description="cases_closed_in_time / cases_closed; null when none closed")
    satisfaction_avg: DecimalStr | None = Field(description="1-5, as the customers said on closed cases")
    cases_overdue: int = Field(description="Open past their due time now")
    campaign_targets: int = Field(description="Target customers of campaigns running during the period")
    campaign_contacted: int = Field(description="Of those targets, reached: a response recorded other than unreachable")
    campaign_contact_rate: DecimalStr | None = Field(
        description="campaign_contacted / campaign_targets, 0 to 1; null without targets"
    )
    campaign_converted: int = Field(
        description="Of those targets, contacted or not, who opened the offered product during the campaign"
    )
    visits: int = Field(description="RM visits on the portfolio's timeline during the period")


class RmPerformanceReportOut(BaseModel):
    currency: str = "CNY"
    since: datetime
    until: datetime
    rms: list[RmPerformanceOut] = Field(description="The best monthly contribution first")


@router.get(
    "/rm-performance",
    operation_id="analytics-rm-performance",
    response_model=RmPerformanceReportOut,
    responses=problem_responses(401, 403, 422),
    summary="How each RM's portfolio and work went over the last `days` days",
    description="An RM sees their own row, a branch manager their branch's RMs, auditors and admins every RM. "
    "The portfolio is today's; alerts, cases, campaigns and visits are counted over the period.",
)
async def rm_performance(
    container: ContainerDep,
    principal: PersonDep,
    days: Annotated[int, Query(ge=PERIOD_DAYS.start, le=PERIOD_DAYS.stop - 1, description="Default 90")] = 90,
) -> RmPerformanceReportOut:
    principal.require(Action.READ_PERFORMANCE)
    now = container.clock.now()
    since = now - timedelta(days=days)
    async with container.engine.connect() as conn:
        rows = await performance.rm_performance(conn, principal.portfolio, since, now)
    return RmPerformanceReportOut(
        since=since,
        until=now,
        rms=[
            RmPerformanceOut(
                rm=RmRefOut(id=f.id, username=f.username, display_name=f.display_name, branch=f.branch),
                customers=f.customers,
                key_customers=f.key_customers,
                aum=f.aum,
                aum_change_3m=f.aum - f.aum_3m_ago,
                contribution_monthly=f.contribution_monthly,
                alerts_open=f.alerts_open,
                alerts_resolved=f.alerts_resolved,
                alert_median_hours=f.alert_hours.median_hours,
                cases_closed=f.cases_closed,
                cases_closed_in_time=f.cases_closed_in_time,
                sla_rate=f.sla_rate,
                satisfaction_avg=f.satisfaction_avg,
                cases_overdue=f.cases_overdue,
                campaign_targets=f.campaign_targets,
                campaign_contacted=f.campaign_responded,
                campaign_contact_rate=f.campaign_contact_rate,
                campaign_converted=f.campaign_converted,
                visits=f.visits,
            )
            for f in rows
        ],
    )
