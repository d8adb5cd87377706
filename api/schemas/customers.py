"""Customer request and response schemas."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, Field, StringConstraints

from api.schemas.common import DecimalStr, MoneyStr, StrictModel
from domain.customers import (
    ConsentChannel,
    CustomerKind,
    Education,
    Gender,
    IdDocumentType,
    IncomeBand,
    LifecycleStage,
    RelationType,
    RiskPreference,
    Tier,
    check_email,
    check_phone,
)
from domain.errors import InvalidValue


def _phone(v: str) -> str:
    try:
        return check_phone(v)
    except InvalidValue as e:
        raise ValueError(e.message) from None


def _email(v: str) -> str:
    try:
        return check_email(v)
    except InvalidValue as e:
        raise ValueError(e.message) from None


Phone = Annotated[str, StringConstraints(max_length=16), AfterValidator(_phone)]
Email = Annotated[str, StringConstraints(max_length=254), AfterValidator(_email)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=128, pattern=r"^[^\x00-\x1f\x7f]+$")]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=r"^[^\x00-\x1f\x7f]+$")]
Language = Annotated[str, StringConstraints(pattern=r"^(zh-CN|en)$")]
BranchCode = Annotated[str, StringConstraints(pattern=r"^[A-Z0-9]{2,16}$")]
CustomerNumber = Annotated[str, StringConstraints(pattern=r"^[A-Z0-9][A-Z0-9-]{3,31}$")]


class IdDocumentIn(StrictModel):
    type: IdDocumentType
    number: Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9-]+$")]


class AddressIn(StrictModel):
    line: Annotated[str, StringConstraints(min_length=1, max_length=256, pattern=r"^[^\x00-\x1f\x7f]+$")]
    city: ShortText | None = None
    province: ShortText | None = None
    postal_code: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9 -]{3,10}$")] | None = None
    country: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")] = "CN"


class CustomerFields(StrictModel):
    kind: CustomerKind = CustomerKind.INDIVIDUAL
    name_zh: Name | None = None
    name_latin: Name | None = None
    birth_date: date | None = None
    gender: Gender | None = None
    id_document: IdDocumentIn | None = None
    phones: Annotated[list[Phone], Field(max_length=5)] = []
    emails: Annotated[list[Email], Field(max_length=5)] = []
    address: AddressIn | None = None
    occupation: ShortText | None = None
    education: Education | None = None
    income_band: IncomeBand | None = None
    risk_preference: RiskPreference | None = None
    preferred_language: Language = "zh-CN"
    marketing_consent: dict[ConsentChannel, bool] = {}
    home_branch: BranchCode | None = None
    relationship_manager_id: uuid.UUID | None = None


class CustomerCreate(CustomerFields):
    """A new customer. The customer number is assigned when not given."""

    customer_number: CustomerNumber | None = None

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "name_zh": "王芳",
                    "name_latin": "Wang Fang",
                    "birth_date": "1988-04-12",
                    "gender": "female",
                    "phones": ["+8613812345678"],
                    "id_document": {"type": "passport", "number": "E12345678"},
                    "income_band": "150k_300k",
                    "risk_preference": "balanced",
                    "marketing_consent": {"sms": True, "email": False},
                }
            ]
        }
    }


class CustomerPatch(CustomerFields):
    """Fields to change; leave out what stays. Send If-Match with the ETag of your last read."""

    lifecycle_stage: LifecycleStage = LifecycleStage.NEW
    tier: Tier = Tier.ORDINARY

    model_config = {"json_schema_extra": {"examples": [{"occupation": "Engineer", "emails": ["wf@example.com"]}]}}


class RelationshipManagerOut(BaseModel):
    id: uuid.UUID
    username: str
    display_name: str | None
    email: str | None = None
    phone: str | None = None


class IdDocumentOut(BaseModel):
    type: str
    number: str = Field(description="Masked unless the role sees it in full")


class AddressOut(BaseModel):
    line: str
    city: str | None
    province: str | None
    postal_code: str | None
    country: str


class RelationOut(BaseModel):
    related_customer_id: uuid.UUID
    type: RelationType
    since: date | None


class IdentityOut(BaseModel):
    source: str
    key: str = Field(description="Masked unless the role sees it in full")


class CustomerOut(BaseModel):
    id: uuid.UUID
    customer_number: str
    kind: CustomerKind
    display_name: str
    name_zh: str | None
    name_latin: str | None
    birth_date: date | None
    gender: Gender | None
    id_document: IdDocumentOut | None
    phones: list[str]
    masked_phone: str | None
    emails: list[str]
    address: AddressOut | None
    occupation: str | None
    education: Education | None
    income_band: IncomeBand | None
    risk_preference: RiskPreference | None
    preferred_language: str
    marketing_consent: dict[str, bool]
    home_branch: str | None
    relationship_manager: RelationshipManagerOut | None
    lifecycle_stage: LifecycleStage
    tier: Tier
    segments: list[str]
    segment_names: dict[str, str] = Field(description="Each segment's name, by code, as marketing named it")
    provisional: bool
    merged_into: uuid.UUID | None
    version: int
    created_at: datetime
    updated_at: datetime


class CustomerDetailOut(CustomerOut):
    relations: list[RelationOut]
    identities: list[IdentityOut]


class CustomerSummaryOut(BaseModel):
    id: uuid.UUID
    customer_number: str
    display_name: str
    kind: CustomerKind
    masked_phone: str | None
    tier: Tier
    lifecycle_stage: LifecycleStage
    home_branch: str | None
    relationship_manager: RelationshipManagerOut | None
    provisional: bool


class RelationIn(StrictModel):
    related_customer_id: uuid.UUID
    type: RelationType


class BalancePointOut(BaseModel):
    as_of: date
    balance: MoneyStr


class HoldingOut(BaseModel):
    id: uuid.UUID
    account_number: str = Field(description="Masked unless the role sees it in full")
    product_code: str
    product_name: str
    product_name_zh: str | None
    category: str
    status: str
    opened_on: date | None
    closed_on: date | None
    balance: MoneyStr
    currency: str
    credit_limit: MoneyStr | None
    rate: DecimalStr | None
    maturity_date: date | None
    days_to_maturity: int | None
    balance_history: list[BalancePointOut]


class InteractionOut(BaseModel):
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
