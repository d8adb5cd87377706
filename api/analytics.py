"""Portfolio analytics: how customers, AUM and contribution spread over tiers, and the Pareto curve."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from adapters.db import scoring
from api.deps import ContainerDep, PersonDep
from api.schemas.common import MoneyStr, problem_responses
from domain.access import Action
from domain.customers import Tier

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
