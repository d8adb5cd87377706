"""The call-center context: how a caller is looked up, and the next best actions an agent is offered.

Everything here is pure: the read side hands in plain facts, the rules decide, and every action says why.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import Any, Protocol

from domain.calendar import bank_day
from domain.customers import E164, IdDocumentType, IdentitySource, RiskPreference
from domain.errors import InvalidValue
from domain.products import CREDIT_WITH_MATURITY
from domain.value.movements import COMPLAINT_CHANNELS, COMPLAINT_TYPE

MATURITY_HORIZON_DAYS = 30
COMPLAINT_RECENT_DAYS = 30
# A product category is worth offering when at least this share of the customer's peers hold it...
OFFER_MIN_PEER_RATE = Decimal("0.30")
# ...and the peer group is large enough for that share to mean something.
OFFER_MIN_PEERS = 20
MAX_OFFERS = 3
COMPLAINT_SLA = timedelta(hours=48)
SERVICE_REQUEST_SLA = timedelta(days=5)


class LookupKind(StrEnum):
    PHONE = "phone"
    CUSTOMER_NUMBER = "customer_number"
    CARD_TOKEN = "card_token"
    ID_NUMBER = "id_number"


@dataclass(frozen=True, slots=True)
class CallerLookup:
    """How the call-center software knows the caller: exactly one identifier."""

    kind: LookupKind
    value: str

    @property
    def source(self) -> IdentitySource:
        return {
            LookupKind.PHONE: IdentitySource.PHONE,
            LookupKind.CUSTOMER_NUMBER: IdentitySource.CUSTOMER_NUMBER,
            LookupKind.CARD_TOKEN: IdentitySource.CARD_TOKEN,
            LookupKind.ID_NUMBER: IdentitySource.ID_DOCUMENT,
        }[self.kind]

    def identity_keys(self) -> list[str]:
        """The customer_identities keys this lookup may match.

        An ID number matches whatever document it is on ("passport:E123", "resident_id:E123"), unless the
        caller names the type ("passport:E123").
        """
        if self.kind is not LookupKind.ID_NUMBER:
            return [self.value]
        kind, sep, number = self.value.partition(":")
        if sep and kind in {t.value for t in IdDocumentType}:
            return [self.value]
        return [f"{t.value}:{self.value}" for t in IdDocumentType]


def caller_lookup(
    *,
    phone: str | None = None,
    customer_number: str | None = None,
    card_token: str | None = None,
    id_number: str | None = None,
) -> CallerLookup:
    """The one identifier given; InvalidValue naming the field when none, several, or a malformed one."""
    given = {
        LookupKind.PHONE: phone,
        LookupKind.CUSTOMER_NUMBER: customer_number,
        LookupKind.CARD_TOKEN: card_token,
        LookupKind.ID_NUMBER: id_number,
    }
    present = [(k, v) for k, v in given.items() if v is not None]
    if not present:
        raise InvalidValue("give one of phone, customer_number, card_token or id_number", field="phone")
    if len(present) > 1:
        names = ", ".join(k.value for k, _ in present)
        raise InvalidValue(f"give exactly one identifier, not {names}", field=present[1][0].value)
    kind, value = present[0]
    if not value or not value.isprintable() or value.strip() != value:
        raise InvalidValue(f"{kind.value} must be non-empty printable text", field=kind.value)
    if kind is LookupKind.PHONE and not E164.match(value):
        raise InvalidValue(f"{value!r} is not an E.164 phone number (e.g. +8613812345678)", field="phone")
    if kind is LookupKind.CUSTOMER_NUMBER:
        value = value.upper()
    return CallerLookup(kind, value)


def age_band(birth_date: date | None, today: date) -> str:
    """The age band used to find a customer's peers."""
    if birth_date is None:
        return "unknown"
    age = today.year - birth_date.year - ((today.month, today.day) < (birth_date.month, birth_date.day))
    for upper, band in ((25, "under_25"), (35, "25_34"), (45, "35_44"), (55, "45_54"), (65, "55_64")):
        if age < upper:
            return band
    return "65_plus"


# --- facts handed in by the read side -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HoldingFact:
    id: uuid.UUID
    masked_account: str
    product_code: str
    product_name: str
    category: str
    status: str
    balance: Decimal
    currency: str
    maturity_date: date | None


@dataclass(frozen=True, slots=True)
class AlertFact:
    id: uuid.UUID
    kind: str
    severity: str
    title: str
    raised_at: datetime


@dataclass(frozen=True, slots=True)
class CaseFact:
    id: uuid.UUID
    kind: str
    status: str
    subject: str
    opened_at: datetime
    sla_due_at: datetime | None


@dataclass(frozen=True, slots=True)
class ProductFact:
    code: str
    name: str
    category: str
    risk_level: int
    name_zh: str | None = None


@dataclass(frozen=True, slots=True)
class PeerRate:
    category: str
    peers: int
    holders: int

    @property
    def rate(self) -> Decimal:
        return Decimal(self.holders) / Decimal(self.peers) if self.peers else Decimal(0)


@dataclass(frozen=True, slots=True)
class CampaignFact:
    """A running campaign that has the customer in its target group (domain/campaigns.py)."""

    campaign_id: uuid.UUID
    name: str
    product_code: str
    product_name: str
    product_name_zh: str | None
    category: str
    ends_on: date
    response: str | None  # what the customer said when contacted; None: not contacted yet


@dataclass(frozen=True, slots=True)
class CustomerFacts:
    risk_preference: RiskPreference | None
    consents_to_phone_offers: bool
    holdings: tuple[HoldingFact, ...] = ()
    open_alerts: tuple[AlertFact, ...] = ()
    cases: tuple[CaseFact, ...] = ()
    peer_rates: tuple[PeerRate, ...] = ()
    catalogue: tuple[ProductFact, ...] = ()
    campaigns: tuple[CampaignFact, ...] = ()


class ActionKind(StrEnum):
    ROLL_OVER_MATURITY = "roll_over_maturity"
    ADDRESS_ALERT = "address_alert"
    ACKNOWLEDGE_COMPLAINT = "acknowledge_complaint"
    OFFER_PRODUCT = "offer_product"
    CAMPAIGN_OFFER = "campaign_offer"


_PRIORITY_RANK = {"high": 0, "medium": 1, "low": 2}


@dataclass(frozen=True, slots=True)
class NextBestAction:
    """Something the agent should do on this call, and why."""

    kind: ActionKind
    priority: str  # high, medium, low
    title: str
    reason: str
    refs: dict[str, str] = field(default_factory=dict)


def _money(amount: Decimal, currency: str) -> str:
    return f"{currency} {amount:,.2f}"


def _maturities(facts: CustomerFacts, today: date) -> list[NextBestAction]:
    out = []
    for h in facts.holdings:
        if h.status == "closed" or h.maturity_date is None:
            continue
        days = (h.maturity_date - today).days
        if not 0 <= days <= MATURITY_HORIZON_DAYS:
            continue
        when = "today" if days == 0 else f"in {days} day{'s' if days != 1 else ''}"
        owed = h.category in CREDIT_WITH_MATURITY
        out.append(
            NextBestAction(
                ActionKind.ROLL_OVER_MATURITY,
                "high" if days <= 7 else "medium",
                # A loan that falls due is repaid or renewed; a deposit or wealth product is rolled over.
                f"Discuss repaying or renewing {h.product_name} {h.masked_account}"
                if owed
                else f"Offer to roll over {h.product_name} {h.masked_account}",
                f"{h.product_name} {h.masked_account} ({_money(abs(h.balance), h.currency)}"
                f"{' outstanding' if owed else ''}) {'falls due' if owed else 'matures'} on "
                f"{h.maturity_date.isoformat()}, {when}",
                {"holding_id": str(h.id), "product_code": h.product_code},
            )
        )
    return out


def _alerts(facts: CustomerFacts) -> list[NextBestAction]:
    return [
        NextBestAction(
            ActionKind.ADDRESS_ALERT,
            a.severity if a.severity in _PRIORITY_RANK else "medium",
            f"Address alert: {a.title}",
            f"open {a.kind} alert raised {bank_day(a.raised_at).isoformat()}",
            {"alert_id": str(a.id)},
        )
        for a in facts.open_alerts
    ]


def _complaints(facts: CustomerFacts, now: datetime) -> list[NextBestAction]:
    out = []
    for c in facts.cases:
        if c.kind != "complaint":
            continue
        recent = now - c.opened_at <= timedelta(days=COMPLAINT_RECENT_DAYS)
        if c.status != "open" and not recent:
            continue
        overdue = case_overdue(c.status, c.sla_due_at, now)
        state = "still open" if c.status == "open" else "closed"
        reason = f"complaint of {bank_day(c.opened_at).isoformat()} ({c.subject}) is {state}"
        if overdue and c.sla_due_at is not None:
            reason += f", past its service-level due time {c.sla_due_at.isoformat(timespec='minutes')}"
        out.append(
            NextBestAction(
                ActionKind.ACKNOWLEDGE_COMPLAINT,
                "high" if c.status == "open" else "medium",
                "Acknowledge the recent complaint",
                reason,
                {"case_id": str(c.id)},
            )
        )
    return out


_CAMPAIGN_ANSWERS = {
    None: "has not been contacted yet",
    "contacted": "was told of the offer and has not answered yet",
    "interested": "said they were interested",
    "unreachable": "could not be reached before",
}


def _campaign_offers(facts: CustomerFacts, today: date) -> list[NextBestAction]:
    """The offers of running campaigns that have the customer in their target group: marketing chose the customer
    and checked the product suits them when it launched the campaign. Not once they declined or hold the product
    already, and only with their consent to phone offers (they are on the phone)."""
    if not facts.consents_to_phone_offers:
        return []
    held = {h.product_code for h in facts.holdings if h.status != "closed"}
    out = []
    for c in facts.campaigns:  # the soonest ending first: of two campaigns offering one product, the first
        if c.response not in _CAMPAIGN_ANSWERS or c.product_code in held or c.ends_on < today:
            continue
        held.add(c.product_code)
        out.append(
            NextBestAction(
                ActionKind.CAMPAIGN_OFFER,
                "medium",
                f"Offer {c.product_name} ({c.name})",
                f"The customer is in the target group of the campaign {c.name}, running until "
                f"{c.ends_on.isoformat()}, and {_CAMPAIGN_ANSWERS[c.response]}; the customer consents to phone "
                "offers. Record their answer.",
                {
                    "campaign_id": str(c.campaign_id),
                    "campaign_name": c.name,
                    "product_code": c.product_code,
                    "product_name": c.product_name,
                    "product_name_zh": c.product_name_zh or "",
                    "category": c.category,
                    "ends_on": c.ends_on.isoformat(),
                    "response": c.response or "",
                },
            )
        )
    return out


def _offers(facts: CustomerFacts, offered: frozenset[str] = frozenset()) -> list[NextBestAction]:
    # A sales offer on a call needs the customer's consent to be marketed to by phone: opt-in, never assumed.
    if not facts.consents_to_phone_offers:
        return []
    held = {h.category for h in facts.holdings if h.status != "closed"} | offered
    appetite = facts.risk_preference.level if facts.risk_preference is not None else 1
    out = []
    rates = sorted(facts.peer_rates, key=lambda r: (-r.rate, r.category))
    for peer in rates:
        if peer.category in held or peer.peers < OFFER_MIN_PEERS or peer.rate < OFFER_MIN_PEER_RATE:
            continue
        suitable = sorted(
            (p for p in facts.catalogue if p.category == peer.category and p.risk_level <= appetite),
            key=lambda p: (-p.risk_level, p.code),
        )
        if not suitable:
            continue
        product = suitable[0]
        share = (peer.rate * 100).quantize(Decimal(1))
        appetite_name = "unassessed" if facts.risk_preference is None else facts.risk_preference.value
        out.append(
            NextBestAction(
                ActionKind.OFFER_PRODUCT,
                "low",
                f"Offer {product.name}",
                f"{share}% of {peer.peers} similar customers (same tier, age and income band) hold a "
                f"{peer.category.replace('_', ' ')} product and this customer has none; "
                f"risk level R{product.risk_level} suits the customer's {appetite_name} risk preference; "
                "the customer consents to phone offers",
                # The facts of the reason, for a client that words it in the user's language.
                {
                    "product_code": product.code,
                    "category": peer.category,
                    "product_name": product.name,
                    "product_name_zh": product.name_zh or "",
                    "peer_share_pct": str(share),
                    "peers": str(peer.peers),
                    "risk_level": str(product.risk_level),
                    "risk_preference": appetite_name,
                },
            )
        )
        if len(out) == MAX_OFFERS:
            break
    return out


# Alerts the value area raises for the RM about the same thing a service action already covers.
_COVERED_BY = {"maturity": ActionKind.ROLL_OVER_MATURITY, "complaint": ActionKind.ACKNOWLEDGE_COMPLAINT}


def next_best_actions(facts: CustomerFacts, now: datetime) -> list[NextBestAction]:
    """What to do on this call, most urgent first: service before sales, and a campaign's offer before a
    look-alike one.

    An RM alert about a maturity or a complaint the agent is already told to handle is not repeated.
    """
    today = bank_day(now)
    covered = _maturities(facts, today) + _complaints(facts, now)
    present = {a.kind for a in covered}
    alerts = [
        a
        for a, fact in zip(_alerts(facts), facts.open_alerts, strict=True)
        if _COVERED_BY.get(fact.kind) not in present
    ]
    service = covered + alerts
    service.sort(key=lambda a: _PRIORITY_RANK.get(a.priority, 1))
    campaigns = _campaign_offers(facts, today)
    # A campaign's offer comes before a look-alike offer of the same kind of product, which is then not repeated.
    return service + campaigns + _offers(facts, frozenset(a.refs["category"] for a in campaigns))


# --- cases -------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Case:
    """A complaint or service request the bank owes the customer an answer to."""

    id: uuid.UUID
    customer_id: uuid.UUID
    kind: str
    subject: str
    channel: str
    opened_at: datetime
    status: str = "open"
    sla_due_at: datetime | None = None
    closed_at: datetime | None = None
    interaction_id: uuid.UUID | None = None
    source_ref: str | None = None
    satisfaction: int | None = None
    closed_by: uuid.UUID | None = None
    resolution: str | None = None
    opened_by: uuid.UUID | None = None


def case_overdue(status: str, sla_due_at: datetime | None, now: datetime) -> bool:
    """An open case past its service-level due time."""
    return status == "open" and sla_due_at is not None and sla_due_at < now


def is_complaint(channel: str, type_: str) -> bool:
    """A timeline entry that opens a complaint case: the call-center feed's `complaint` event, or one staff
    logged by hand where the customer complained."""
    return channel in COMPLAINT_CHANNELS and type_ == COMPLAINT_TYPE


def complaint_summary(summary: str | None, payload: dict[str, Any] | None) -> str | None:
    """What a complaint case is about: the entry's summary, else the agent's notes."""
    notes = (payload or {}).get("notes")
    return summary or (notes if isinstance(notes, str) else None)


def case_for_complaint(
    interaction_id: uuid.UUID,
    customer_id: uuid.UUID,
    occurred_at: datetime,
    channel: str,
    summary: str | None,
    source_ref: str | None,
) -> Case:
    """The case a complaint opens, due back to the customer within the complaint service level."""
    subject = (summary or "").strip() or f"Complaint via {channel.replace('_', ' ')}"
    return Case(
        id=uuid.uuid4(),
        customer_id=customer_id,
        kind="complaint",
        subject=subject[:256],
        channel=channel,
        opened_at=occurred_at,
        sla_due_at=occurred_at + COMPLAINT_SLA,
        interaction_id=interaction_id,
        source_ref=source_ref,
    )


# --- ports -------------------------------------------------------------------------------------------------


class CaseRepository(Protocol):
    async def complaints_without_case(self, customer_ids: frozenset[uuid.UUID]) -> list[ComplaintFact]:
        """Call-center complaint interactions of these customers that no case was opened for yet."""
        ...

    async def add(self, case: Case) -> bool:
        """Store a new case; False when its interaction already has one (another writer got there first)."""
        ...

    async def add_all(self, new_cases: list[Case]) -> int:
        """Store new cases in one go, skipping those whose interaction already has one; the count stored."""
        ...

    async def follow_merges(self, customer_ids: frozenset[uuid.UUID]) -> int:
        """Move the cases of customers merged into these ones to them; the count moved."""
        ...


@dataclass(frozen=True, slots=True)
class ComplaintFact:
    interaction_id: uuid.UUID
    customer_id: uuid.UUID
    occurred_at: datetime
    channel: str
    summary: str | None
    source_ref: str | None
