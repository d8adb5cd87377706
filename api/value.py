"""A customer's value (tier, contribution, AUM, RFM, churn risk, lifecycle) and the pricing parameters."""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any

from fastapi import APIRouter
from pydantic import BaseModel, Field, create_model

from adapters.db import scoring
from api.deps import ContainerDep, PersonDep, parse_uuid
from api.schemas.common import MoneyStr, StrictModel, problem_responses
from domain.access import Action
from domain.services import value as service
from domain.value import churn as churn_rules
from domain.value import contribution, lifecycle
from domain.value import tiers as tier_rules

router = APIRouter(prefix="/api/v1", tags=["value"])

DecimalText = Annotated[
    Decimal,
    Field(json_schema_extra={"type": "string", "format": "decimal", "examples": ["0.4700"]}),
]


def _plain(d: Decimal) -> str:
    return format(d, "f")


class ChurnDriverOut(BaseModel):
    driver: str = Field(examples=["balance_outflow"])
    weight: str = Field(description="The part of the score this driver explains", examples=["0.1200"])
    text: str = Field(examples=["balances fell 20% over three months"])


class RfmOut(BaseModel):
    recency_days: int | None = Field(description="Days since the last transaction; null if none")
    frequency_90d: int = Field(description="Transactions in the last 90 days")
    monetary_90d: MoneyStr = Field(description="Money moved in the last 90 days, CNY")


class TierChangeOut(BaseModel):
    from_tier: str | None
    to_tier: str
    changed_at: datetime
    reason: str


class CustomerValueOut(BaseModel):
    customer_id: str
    currency: str = Field(description="Reporting currency (USD converted at fx_usd_cny; others left out)")
    scored_at: datetime
    tier: str
    tier_reason: str | None
    lifecycle_stage: str
    lifecycle_reason: str | None
    contribution_monthly: MoneyStr
    contribution_breakdown: dict[str, MoneyStr] = Field(
        description="deposit_income, loan_income, investment_income, card_income, fee_income, cost_to_serve"
    )
    aum: MoneyStr
    aum_3m_ago: MoneyStr
    aum_trend: str = Field(description="rising (+10% or more), falling (-10% or more) or flat over three months")
    aum_change_share: str | None = Field(description="(aum - aum_3m_ago) / aum_3m_ago; null when it was zero")
    deposit_balance: MoneyStr
    loan_balance: MoneyStr
    active_products: int
    rfm: RfmOut
    churn_risk: str = Field(description="0 to 1", examples=["0.4700"])
    churn_drivers: list[ChurnDriverOut]
    tier_history: list[TierChangeOut]


VALUE_DESCRIPTION = (
    "Tier, monthly contribution with its breakdown, AUM and its three-month trend, RFM, churn risk with its "
    "top drivers in words, lifecycle stage with its reason, and the tier history. Scores move with every "
    "event; a customer never scored is scored on this read.\n\n"
    "**Tiers.** "
    + (tier_rules.__doc__ or "")
    + "\n\n**Lifecycle.** "
    + (lifecycle.__doc__ or "")
    + "\n\n**Churn risk.** "
    + (churn_rules.__doc__ or "")
)


def _loads(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


@router.get(
    "/customers/{customer_id}/value",
    operation_id="value-customer",
    response_model=CustomerValueOut,
    responses=problem_responses(401, 403, 404),
    summary="A customer's value: tier, contribution, AUM, RFM, churn risk with drivers, lifecycle, history",
    description=VALUE_DESCRIPTION,
)
async def get_customer_value(customer_id: str, container: ContainerDep, principal: PersonDep) -> CustomerValueOut:
    cid = parse_uuid(customer_id, "customer")
    async with container.uow(readonly=True) as uow:
        await service.customer_for_value(uow, principal, cid)
        score, history = await scoring.customer_value(uow.connection, cid)
    if score is None:
        async with container.uow() as uow:
            rules = scoring.value_rules(container.settings)
            await scoring.rescore(uow.connection, container.clock.now(), rules, [cid], alerts=False)
            await uow.commit()
        async with container.uow(readonly=True) as uow:
            score, history = await scoring.customer_value(uow.connection, cid)
    aum, before = score.aum, score.aum_3m_ago
    change = None if before == 0 else (aum - before) / before
    trend = "flat"
    if change is not None and change >= Decimal("0.10") or before == 0 and aum > 0:
        trend = "rising"
    elif change is not None and change <= Decimal("-0.10"):
        trend = "falling"
    breakdown = {k: Decimal(v) for k, v in (_loads(score.value_drivers) or {}).items()}
    return CustomerValueOut(
        customer_id=str(cid),
        currency=score.currency,
        scored_at=score.scored_at,
        tier=score.tier,
        tier_reason=score.tier_reason,
        lifecycle_stage=score.lifecycle_stage,
        lifecycle_reason=score.lifecycle_reason,
        contribution_monthly=score.contribution_monthly,
        contribution_breakdown=breakdown,
        aum=aum,
        aum_3m_ago=before,
        aum_trend=trend,
        aum_change_share=None if change is None else _plain(round(change, 4)),
        deposit_balance=score.deposit_balance,
        loan_balance=score.loan_balance,
        active_products=score.active_products,
        rfm=RfmOut(
            recency_days=score.rfm_recency_days,
            frequency_90d=score.rfm_frequency,
            monetary_90d=score.rfm_monetary,
        ),
        churn_risk=_plain(Decimal(str(score.churn_risk)).quantize(Decimal("0.0001"))),
        churn_drivers=[ChurnDriverOut(**d) for d in _loads(score.churn_drivers) or []],
        tier_history=[
            TierChangeOut(from_tier=h.from_tier, to_tier=h.to_tier, changed_at=h.changed_at, reason=h.reason)
            for h in history
        ],
    )


class ParameterOut(BaseModel):
    name: str
    value: str = Field(examples=["0.0150"])
    default: str
    minimum: str
    maximum: str
    unit: str
    description: str
    updated_at: datetime | None


class ParametersOut(BaseModel):
    currency: str = "CNY"
    items: list[ParameterOut]


_PARAM_TEXT = Annotated[
    str, Field(pattern=r"^-?[0-9]{1,9}(\.[0-9]{1,6})?$", json_schema_extra={"examples": ["0.0150"]})
]
ParametersIn: type[StrictModel] = create_model(  # type: ignore[call-overload]
    "ParametersIn",
    __base__=StrictModel,
    **{
        p.name: (_PARAM_TEXT | None, Field(default=None, description=f"{p.description} ({p.unit})"))
        for p in contribution.PARAMETERS
    },
)
ParametersIn.model_config["json_schema_extra"] = {
    "examples": [{"ftp_spread_current": "0.0160", "cost_teller": "30.00"}]
}


async def _parameters(container: ContainerDep) -> ParametersOut:
    async with container.engine.connect() as conn:
        stored = await scoring.parameter_rows(conn)
    items = []
    for p in contribution.PARAMETERS:
        row = stored.get(p.name)
        value = Decimal(str(row.value)) if row is not None else p.default
        items.append(
            ParameterOut(
                name=p.name,
                value=_plain(value.normalize() if value != value.to_integral() else value.quantize(Decimal("0.01"))),
                default=_plain(p.default),
                minimum=_plain(p.minimum),
                maximum=_plain(p.maximum),
                unit=p.unit,
                description=p.description,
                updated_at=row.updated_at if row is not None else None,
            )
        )
    return ParametersOut(items=items)


@router.get(
    "/value/parameters",
    operation_id="value-parameters",
    response_model=ParametersOut,
    responses=problem_responses(401, 403),
    summary="The contribution pricing parameters, with defaults and sane ranges",
    description=contribution.__doc__,
)
async def get_parameters(container: ContainerDep, principal: PersonDep) -> ParametersOut:
    principal.require(Action.READ_VALUE)
    return await _parameters(container)


@router.put(
    "/value/parameters",
    operation_id="value-parameters-update",
    response_model=ParametersOut,
    responses=problem_responses(401, 403, 422),
    summary="Change pricing parameters (admin); each must stay in its range, else 422 naming it",
    description="Send only the parameters to change. Scores use them from the next rescore or event.",
)
async def put_parameters(
    body: ParametersIn,  # type: ignore[valid-type]
    container: ContainerDep,
    principal: PersonDep,
) -> ParametersOut:
    changes = {k: v for k, v in body.model_dump(exclude_none=True).items()}  # type: ignore[attr-defined]
    async with container.uow() as uow:
        store = scoring.SqlValueStore(uow.connection, scoring.value_rules(container.settings))
        await service.update_parameters(store, principal, changes, container.clock.now())
        await uow.commit()
    return await _parameters(container)
