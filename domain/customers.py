"""Customers: the profile, identities across channels and relations between customers."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from domain.calendar import bank_day
from domain.errors import Conflict, InvalidValue, StaleVersion

E164 = re.compile(r"^\+[1-9][0-9]{6,14}$")
EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]{1,255}\.[A-Za-z]{2,}$")
CUSTOMER_NUMBER = re.compile(r"^[A-Z0-9][A-Z0-9-]{3,31}$")


class CustomerKind(StrEnum):
    INDIVIDUAL = "individual"
    BUSINESS = "business"


class Gender(StrEnum):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"
    UNDISCLOSED = "undisclosed"


class IdDocumentType(StrEnum):
    RESIDENT_ID = "resident_id"
    PASSPORT = "passport"
    HK_MACAO_PASS = "hk_macao_pass"
    TAIWAN_PASS = "taiwan_pass"
    FOREIGN_PERMANENT_RESIDENT = "foreign_permanent_resident"
    BUSINESS_LICENSE = "business_license"
    OTHER = "other"


class IncomeBand(StrEnum):
    """Annual income bands, in CNY equivalents."""

    UNDER_60K = "under_60k"
    FROM_60K_TO_150K = "60k_150k"
    FROM_150K_TO_300K = "150k_300k"
    FROM_300K_TO_1M = "300k_1m"
    OVER_1M = "over_1m"


class RiskPreference(StrEnum):
    """The customer's assessed risk appetite, C1 (conservative) to C5 (aggressive)."""

    CONSERVATIVE = "conservative"
    MODERATELY_CONSERVATIVE = "moderately_conservative"
    BALANCED = "balanced"
    GROWTH = "growth"
    AGGRESSIVE = "aggressive"

    @property
    def level(self) -> int:
        return list(RiskPreference).index(self) + 1


class Education(StrEnum):
    SECONDARY = "secondary"
    VOCATIONAL = "vocational"
    BACHELOR = "bachelor"
    MASTER = "master"
    DOCTORATE = "doctorate"
    OTHER = "other"


class LifecycleStage(StrEnum):
    PROSPECT = "prospect"
    NEW = "new"
    GROWING = "growing"
    MATURE = "mature"
    DECLINING = "declining"
    DORMANT = "dormant"
    CHURNED = "churned"


class Tier(StrEnum):
    KEY = "key"
    POTENTIAL = "potential"
    ORDINARY = "ordinary"


class ConsentChannel(StrEnum):
    SMS = "sms"
    EMAIL = "email"
    PHONE = "phone"
    POST = "post"
    ONLINE = "online"
    PUSH = "push"


class IdentitySource(StrEnum):
    CUSTOMER_NUMBER = "customer_number"
    ID_DOCUMENT = "id_document"
    PHONE = "phone"
    CARD_TOKEN = "card_token"
    ONLINE_USER_ID = "online_user_id"


class RelationType(StrEnum):
    HOUSEHOLD = "household"
    SPOUSE = "spouse"
    PARENT = "parent"
    CHILD = "child"
    GUARANTOR = "guarantor"
    GUARANTEED_BY = "guaranteed_by"
    COMPANY_DIRECTOR = "company_director"
    DIRECTED_COMPANY = "directed_company"

    @property
    def inverse(self) -> RelationType:
        return _INVERSE.get(self, self)


_INVERSE = {
    RelationType.PARENT: RelationType.CHILD,
    RelationType.CHILD: RelationType.PARENT,
    RelationType.GUARANTOR: RelationType.GUARANTEED_BY,
    RelationType.GUARANTEED_BY: RelationType.GUARANTOR,
    RelationType.COMPANY_DIRECTOR: RelationType.DIRECTED_COMPANY,
    RelationType.DIRECTED_COMPANY: RelationType.COMPANY_DIRECTOR,
}


def check_phone(value: str, field: str = "phone") -> str:
    """Return the phone if it is E.164 (+8613812345678), else raise InvalidValue."""
    if not E164.match(value):
        raise InvalidValue(f"{value!r} is not an E.164 phone number (e.g. +8613812345678)", field=field)
    return value


def check_email(value: str, field: str = "email") -> str:
    if not EMAIL.match(value):
        raise InvalidValue(f"{value!r} is not an email address", field=field)
    return value.lower()


@dataclass(frozen=True, slots=True)
class IdDocument:
    type: IdDocumentType
    number: str

    def __post_init__(self) -> None:
        if not (1 <= len(self.number) <= 64) or not self.number.isprintable() or self.number.strip() != self.number:
            raise InvalidValue("id document number must be 1-64 printable characters", field="id_document.number")
        if self.type is IdDocumentType.RESIDENT_ID and not re.fullmatch(r"[0-9]{17}[0-9X]", self.number):
            raise InvalidValue("a resident ID number has 17 digits and a check digit", field="id_document.number")

    @property
    def identity_key(self) -> str:
        return f"{self.type.value}:{self.number}"


@dataclass(frozen=True, slots=True)
class Address:
    line: str
    city: str | None = None
    province: str | None = None
    postal_code: str | None = None
    country: str = "CN"


@dataclass(frozen=True, slots=True)
class Identity:
    """A (source, key) pair by which some system knows a customer."""

    source: IdentitySource
    key: str


@dataclass(frozen=True, slots=True)
class Relation:
    related_customer_id: uuid.UUID
    type: RelationType
    since: date | None = None


# Fields a PATCH may change; the rest (id, number, version, provisional, merged_into) move through their
# own use cases. Roles narrow this further in the service layer.
EDITABLE_FIELDS: frozenset[str] = frozenset(
    {
        "kind",
        "name_zh",
        "name_latin",
        "birth_date",
        "gender",
        "id_document",
        "phones",
        "emails",
        "address",
        "occupation",
        "education",
        "income_band",
        "risk_preference",
        "preferred_language",
        "marketing_consent",
        "home_branch",
        "relationship_manager_id",
        "lifecycle_stage",
        "tier",
    }
)


@dataclass(slots=True)
class Customer:
    """A person or business the bank serves, with a version for optimistic concurrency."""

    id: uuid.UUID
    customer_number: str
    kind: CustomerKind = CustomerKind.INDIVIDUAL
    name_zh: str | None = None
    name_latin: str | None = None
    birth_date: date | None = None
    gender: Gender | None = None
    id_document: IdDocument | None = None
    phones: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    address: Address | None = None
    occupation: str | None = None
    education: Education | None = None
    income_band: IncomeBand | None = None
    risk_preference: RiskPreference | None = None
    preferred_language: str = "zh-CN"
    marketing_consent: dict[ConsentChannel, bool] = field(default_factory=dict)
    home_branch: str | None = None
    relationship_manager_id: uuid.UUID | None = None
    lifecycle_stage: LifecycleStage = LifecycleStage.NEW
    tier: Tier = Tier.ORDINARY
    provisional: bool = False
    merged_into: uuid.UUID | None = None
    relations: list[Relation] = field(default_factory=list)
    extra_identities: list[Identity] = field(default_factory=list)
    version: int = 1
    created_at: datetime | None = None
    updated_at: datetime | None = None

    def __post_init__(self) -> None:
        self.validate()

    def validate(self) -> None:
        """Check the invariants every stored customer must hold."""
        if not CUSTOMER_NUMBER.match(self.customer_number):
            raise InvalidValue(
                "customer number must be 4-32 upper-case letters, digits or dashes", field="customer_number"
            )
        if not (self.name_zh or self.name_latin):
            raise InvalidValue("a customer needs a Chinese or a Latin name", field="name_latin")
        for i, phone in enumerate(self.phones):
            check_phone(phone, field=f"phones[{i}]")
        if len(set(self.phones)) != len(self.phones):
            raise InvalidValue("the same phone is listed twice", field="phones")
        for i, email in enumerate(self.emails):
            check_email(email, field=f"emails[{i}]")
        if self.birth_date is not None and self.birth_date > bank_day(datetime.now(UTC)):
            raise InvalidValue("birth date is in the future", field="birth_date")
        if self.kind is CustomerKind.BUSINESS and self.gender is not None:
            raise InvalidValue("a business has no gender", field="gender")

    @property
    def display_name(self) -> str:
        if self.name_zh and self.name_latin:
            return f"{self.name_zh} ({self.name_latin})"
        return self.name_zh or self.name_latin or self.customer_number

    def age_on(self, day: date) -> int | None:
        if self.birth_date is None:
            return None
        years = day.year - self.birth_date.year
        if (day.month, day.day) < (self.birth_date.month, self.birth_date.day):
            years -= 1
        return years

    def identities(self) -> list[Identity]:
        """Every identity by which channels may know this customer."""
        found = [Identity(IdentitySource.CUSTOMER_NUMBER, self.customer_number)]
        if self.id_document is not None:
            found.append(Identity(IdentitySource.ID_DOCUMENT, self.id_document.identity_key))
        found += [Identity(IdentitySource.PHONE, p) for p in self.phones]
        found += [i for i in self.extra_identities if i not in found]
        return found

    def consents_to(self, channel: ConsentChannel) -> bool:
        """Marketing is opt-in: no recorded consent means no."""
        return self.marketing_consent.get(channel, False)

    def apply_changes(self, changes: dict[str, Any], expected_version: int) -> Customer:
        """Return the customer with `changes` applied and the version moved on.

        Raises StaleVersion when `expected_version` is not the current one, so a change made on a stale
        read never overwrites someone else's.
        """
        if expected_version != self.version:
            raise StaleVersion(expected_version, self.version)
        unknown = set(changes) - EDITABLE_FIELDS
        if unknown:
            raise InvalidValue(f"{sorted(unknown)[0]} cannot be changed here", field=sorted(unknown)[0])
        if self.merged_into is not None:
            raise Conflict("this customer was merged into another and can no longer change", field="id")
        updated = replace(self, **changes, version=self.version + 1)
        return updated


def relation_pair(a: uuid.UUID, b: uuid.UUID, kind: RelationType) -> tuple[tuple[uuid.UUID, Relation], ...]:
    """Both directions of a relation, so each side sees it from its own viewpoint."""
    if a == b:
        raise InvalidValue("a customer cannot be related to itself", field="related_customer_id")
    return ((a, Relation(b, kind)), (b, Relation(a, kind.inverse)))
