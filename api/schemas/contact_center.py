"""Call-center context and stream schemas (documentation of what the routes answer)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from api.schemas.common import MoneyStr


class ContextRelationshipManagerOut(BaseModel):
    id: uuid.UUID
    username: str | None
    display_name: str | None
    phone: str | None = Field(description="The RM's work phone, to transfer the call")
    email: str | None
    branch: str | None


class ContextIdDocumentOut(BaseModel):
    type: str
    number: str = Field(description="Masked unless the role sees it in full (admin)")


class ContextCustomerOut(BaseModel):
    id: uuid.UUID
    customer_number: str
    kind: str
    display_name: str
    name_zh: str | None
    name_latin: str | None
    masked_phone: str | None
    phones: list[str] = Field(description="Masked unless the role sees them in full (admin)")
    id_document: ContextIdDocumentOut | None
    birth_year: int | None
    age_band: str
    income_band: str | None
    risk_preference: str | None
    preferred_language: str
    marketing_consent: dict[str, bool]
    home_branch: str | None
    tier: str
    segments: list[str] = Field(description="Segment codes")
    segment_names: dict[str, str] = Field(description="Each segment's name, by code, as marketing named it")
    lifecycle_stage: str
    provisional: bool
    relationship_manager: ContextRelationshipManagerOut | None


class ContextValueOut(BaseModel):
    currency: str
    aum: MoneyStr
    deposit_balance: MoneyStr
    loan_balance: MoneyStr
    contribution_monthly: MoneyStr
    churn_risk: str = Field(description="0 to 1, a decimal string", examples=["0.4200"])
    churn_drivers: list[dict[str, Any]]
    value_drivers: list[dict[str, Any]] | dict[str, Any]
    tier_reason: str | None
    lifecycle_reason: str | None
    scored_at: datetime


class ContextHoldingOut(BaseModel):
    id: uuid.UUID
    account_number: str = Field(description="Masked unless the role sees it in full (admin)")
    product_code: str
    product_name: str
    product_name_zh: str | None
    category: str
    status: str
    balance: MoneyStr
    currency: str
    credit_limit: MoneyStr | None
    rate: MoneyStr | None
    opened_on: date | None
    maturity_date: date | None
    days_to_maturity: int | None
    balance_as_of: datetime | None


class ContextInteractionOut(BaseModel):
    id: uuid.UUID
    channel: str
    type: str
    direction: str
    occurred_at: datetime
    actor: str | None
    summary: str | None
    outcome: str | None
    amount: MoneyStr | None
    currency: str | None
    source_ref: str | None
    details: dict[str, Any] = Field(description="disposition, notes, satisfaction... when the channel sent them")


class ContextCaseOut(BaseModel):
    id: uuid.UUID
    kind: Literal["complaint", "service_request"]
    status: Literal["open", "closed"]
    subject: str
    channel: str
    opened_at: datetime
    sla_due_at: datetime | None
    overdue: bool
    closed_at: datetime | None
    satisfaction: int | None
    resolution: str | None = Field(description="What was done for the customer, once closed")
    opened_by_username: str | None = Field(
        description="Who logged it by hand (a username); none for a complaint a feed reported"
    )


class ContextAlertOut(BaseModel):
    id: uuid.UUID
    kind: str
    severity: str
    title: str
    detail: str | None
    status: str
    raised_at: datetime
    data: dict[str, Any] = Field(
        description="The figures behind the alert (amounts as decimal strings, dates), as the alerts API gives them"
    )


class NextBestActionOut(BaseModel):
    kind: Literal["roll_over_maturity", "address_alert", "acknowledge_complaint", "campaign_offer", "offer_product"]
    priority: Literal["high", "medium", "low"]
    title: str
    reason: str = Field(description="Why: the facts the rule acted on")
    refs: dict[str, str] = Field(
        description=(
            "What it concerns: holding_id, alert_id or case_id; for an offer the product (product_code, "
            "product_name, product_name_zh, category) and the facts of its reason (peer_share_pct, peers, "
            "risk_level, risk_preference); for a campaign's offer also campaign_id, campaign_name, ends_on and "
            "response (what the customer said so far, empty when not contacted yet; record the answer with "
            "PUT /api/v1/campaigns/{campaign_id}/members/{customer_id}/response)"
        )
    )


class UniqueContextOut(BaseModel):
    match: Literal["unique"]
    customer: ContextCustomerOut
    value: ContextValueOut | None = Field(description="Scores; null until the customer has been scored")
    holdings: list[ContextHoldingOut]
    recent_interactions: list[ContextInteractionOut] = Field(description="The latest 10 on every channel")
    open_cases: list[ContextCaseOut]
    alerts: list[ContextAlertOut]
    next_best_actions: list[NextBestActionOut]


class CandidateOut(BaseModel):
    id: uuid.UUID
    customer_number: str
    display_name: str
    masked_phone: str | None
    birth_year: int | None
    home_branch: str | None
    provisional: bool


class AmbiguousContextOut(BaseModel):
    match: Literal["ambiguous"]
    candidates: list[CandidateOut]


_CID = "3f2b8c1e-5d4a-4e2b-9c1d-7a6b5c4d3e2f"
UNIQUE_EXAMPLE: dict[str, Any] = {
    "match": "unique",
    "customer": {
        "id": _CID,
        "customer_number": "C0000012345",
        "kind": "individual",
        "display_name": "王芳 (Wang Fang)",
        "name_zh": "王芳",
        "name_latin": "Wang Fang",
        "masked_phone": "+86138****5678",
        "phones": ["+86138****5678"],
        "id_document": {"type": "resident_id", "number": "110***********1234"},
        "birth_year": 1988,
        "age_band": "35_44",
        "income_band": "150k_300k",
        "risk_preference": "balanced",
        "preferred_language": "zh-CN",
        "marketing_consent": {"phone": True, "sms": True},
        "home_branch": "BJ001",
        "tier": "potential",
        "segments": ["young_professionals"],
        "segment_names": {"young_professionals": "Young professionals"},
        "lifecycle_stage": "growing",
        "provisional": False,
        "relationship_manager": {
            "id": "9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d",
            "username": "li.na",
            "display_name": "Li Na",
            "phone": "+861065551234",
            "email": "li.na@bank.example",
            "branch": "BJ001",
        },
    },
    "value": {
        "currency": "CNY",
        "aum": "385000.0000",
        "deposit_balance": "285000.0000",
        "loan_balance": "0.0000",
        "contribution_monthly": "412.5000",
        "churn_risk": "0.4200",
        "churn_drivers": [{"driver": "aum_decline", "weight": "0.31", "text": "AUM fell 28% in 3 months"}],
        "value_drivers": [],
        "tier_reason": "AUM between 300k and 1m",
        "lifecycle_reason": None,
        "scored_at": "2026-11-23T02:00:00+00:00",
    },
    "holdings": [
        {
            "id": "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
            "account_number": "****3445",
            "product_code": "TD-12M",
            "product_name": "12-month time deposit",
            "product_name_zh": "一年期定期存款",
            "category": "time_deposit",
            "status": "active",
            "balance": "100000.0000",
            "currency": "CNY",
            "credit_limit": None,
            "rate": "0.017500",
            "opened_on": "2025-12-10",
            "maturity_date": "2026-12-10",
            "days_to_maturity": 17,
            "balance_as_of": "2026-11-22T16:00:00+00:00",
        }
    ],
    "recent_interactions": [
        {
            "id": "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b",
            "channel": "call_center",
            "type": "call_ended",
            "direction": "inbound",
            "occurred_at": "2026-11-20T09:12:00+00:00",
            "actor": "agent-042",
            "summary": "Asked about card limit",
            "outcome": "resolved",
            "amount": None,
            "currency": None,
            "source_ref": "CALL-778812-end",
            "details": {"disposition": "resolved", "notes": "Raised limit request", "satisfaction": 4},
        }
    ],
    "open_cases": [
        {
            "id": "7b8c9d0e-1f2a-4b3c-9d4e-5f6a7b8c9d0e",
            "kind": "complaint",
            "status": "open",
            "subject": "Charged twice for annual card fee",
            "channel": "call_center",
            "opened_at": "2026-11-19T08:00:00+00:00",
            "sla_due_at": "2026-11-21T08:00:00+00:00",
            "overdue": True,
            "closed_at": None,
            "satisfaction": None,
            "resolution": None,
            "opened_by_username": None,
        }
    ],
    "alerts": [
        {
            "id": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
            "kind": "large_outflow",
            "severity": "high",
            "title": "CNY 200,000.00 moved out in one day",
            "detail": None,
            "status": "open",
            "raised_at": "2026-11-22T10:00:00+00:00",
            "data": {"amount": "200000.00", "currency": "CNY", "window_start": "2026-11-22"},
        }
    ],
    "next_best_actions": [
        {
            "kind": "address_alert",
            "priority": "high",
            "title": "Address alert: CNY 200,000.00 moved out in one day",
            "reason": "open large_outflow alert raised 2026-11-22",
            "refs": {"alert_id": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"},
        },
        {
            "kind": "acknowledge_complaint",
            "priority": "high",
            "title": "Acknowledge the recent complaint",
            "reason": "complaint of 2026-11-19 (Charged twice for annual card fee) is still open, past its "
            "service-level due time 2026-11-21T08:00+00:00",
            "refs": {"case_id": "7b8c9d0e-1f2a-4b3c-9d4e-5f6a7b8c9d0e"},
        },
        {
            "kind": "roll_over_maturity",
            "priority": "medium",
            "title": "Offer to roll over 12-month time deposit ****3445",
            "reason": "12-month time deposit ****3445 (CNY 100,000.00) matures on 2026-12-10, in 17 days",
            "refs": {"holding_id": "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", "product_code": "TD-12M"},
        },
        {
            "kind": "offer_product",
            "priority": "low",
            "title": "Offer Steady Income Fund",
            "reason": "46% of 1180 similar customers (same tier, age and income band) hold a fund product and "
            "this customer has none; risk level R3 suits the customer's balanced risk preference; the customer "
            "consents to phone offers",
            "refs": {
                "product_code": "FUND-BAL",
                "category": "fund",
                "product_name": "Steady Income Fund",
                "product_name_zh": "稳健收益基金",
                "peer_share_pct": "46",
                "peers": "1180",
                "risk_level": "3",
                "risk_preference": "balanced",
            },
        },
    ],
}

AMBIGUOUS_EXAMPLE: dict[str, Any] = {
    "match": "ambiguous",
    "candidates": [
        {
            "id": _CID,
            "customer_number": "C0000012345",
            "display_name": "王芳 (Wang Fang)",
            "masked_phone": "+86138****5678",
            "birth_year": 1988,
            "home_branch": "BJ001",
            "provisional": False,
        },
        {
            "id": "6d5c4b3a-2f1e-4d0c-9b8a-7f6e5d4c3b2a",
            "customer_number": "C0000067890",
            "display_name": "王磊 (Wang Lei)",
            "masked_phone": "+86138****5678",
            "birth_year": 2012,
            "home_branch": "BJ001",
            "provisional": False,
        },
    ],
}
