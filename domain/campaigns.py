"""Campaigns: an offer to a segment, a held-out control group, the responses, and the measured effect.

A campaign offers one product to the members of one segment over a channel, between two dates. Launching it
freezes who is in it: each member of the segment who may be offered the product (consents to the channel, may
hold a product of that risk, does not hold it yet) is drawn, by a hash of the campaign and the customer, into the
target group (contacted) or the control group (left alone, the share the campaign sets). The people who contact
customers record each target's response. A customer converts when they open the offered product between the
campaign's first and last day, whichever group they are in; the effect is the target group's conversion rate
less the control group's, with its 95% confidence interval, so a campaign is credited only with what it caused.
"""

from __future__ import annotations

import hashlib
import math
import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import ROUND_HALF_EVEN, Decimal
from enum import StrEnum

from domain.customers import ConsentChannel, RiskPreference
from domain.errors import Conflict, InvalidValue

NAME_MAX = 120
DESCRIPTION_MAX = 2000
NOTE_MAX = 1000
CONTROL_PCT_MAX = 50  # a control group larger than the target group measures little more and sells less
LONGEST_DAYS = 366


class CampaignStatus(StrEnum):
    DRAFT = "draft"  # being prepared: nobody is in it yet
    ACTIVE = "active"  # launched: members frozen, responses recorded
    CLOSED = "closed"  # ended: responses no longer recorded, the effect is final


class Group(StrEnum):
    TARGET = "target"
    CONTROL = "control"


class Response(StrEnum):
    """What a contacted customer said."""

    CONTACTED = "contacted"  # reached and told of the offer, no answer yet
    INTERESTED = "interested"
    DECLINED = "declined"
    UNREACHABLE = "unreachable"


class Exclusion(StrEnum):
    """Why a member of the segment was left out at launch."""

    NO_CONSENT = "no_consent"  # has not agreed to be offered products over the campaign's channel
    UNSUITABLE = "unsuitable"  # the product's risk is above the customer's assessed appetite
    ALREADY_HOLDS = "already_holds"  # holds the product already


@dataclass(frozen=True, slots=True)
class Campaign:
    id: uuid.UUID
    name: str
    description: str | None
    product_code: str
    segment_id: uuid.UUID
    channel: ConsentChannel
    control_pct: int
    starts_on: date
    ends_on: date
    status: CampaignStatus
    created_by: uuid.UUID | None
    created_at: datetime


def new_campaign(
    *,
    name: str,
    description: str | None,
    product_code: str,
    segment_id: uuid.UUID,
    channel: ConsentChannel,
    control_pct: int,
    starts_on: date,
    ends_on: date,
    created_by: uuid.UUID | None,
    at: datetime,
) -> Campaign:
    """A draft campaign, checked: a name, a control share of 0-50%, an end on or after its start."""
    text = " ".join(name.split())
    if not text:
        raise InvalidValue("give the campaign a name", field="name")
    if len(text) > NAME_MAX:
        raise InvalidValue(f"at most {NAME_MAX} characters", field="name")
    note = description.strip() if description is not None else None
    if note is not None and len(note) > DESCRIPTION_MAX:
        raise InvalidValue(f"at most {DESCRIPTION_MAX} characters", field="description")
    if not 0 <= control_pct <= CONTROL_PCT_MAX:
        raise InvalidValue(f"the control group is 0 to {CONTROL_PCT_MAX}% of the customers", field="control_pct")
    if ends_on < starts_on:
        raise InvalidValue("the campaign ends on or after the day it starts", field="ends_on")
    if (ends_on - starts_on).days >= LONGEST_DAYS:
        raise InvalidValue(f"a campaign runs at most {LONGEST_DAYS} days", field="ends_on")
    return Campaign(
        id=uuid.uuid4(),
        name=text,
        description=note or None,
        product_code=product_code,
        segment_id=segment_id,
        channel=channel,
        control_pct=control_pct,
        starts_on=starts_on,
        ends_on=ends_on,
        status=CampaignStatus.DRAFT,
        created_by=created_by,
        created_at=at,
    )


def revised(campaign: Campaign, **changes: object) -> Campaign:
    """The draft with `changes` (any of new_campaign's fields), checked again as a whole."""
    fields: dict[str, object] = {
        "name": campaign.name,
        "description": campaign.description,
        "product_code": campaign.product_code,
        "segment_id": campaign.segment_id,
        "channel": campaign.channel,
        "control_pct": campaign.control_pct,
        "starts_on": campaign.starts_on,
        "ends_on": campaign.ends_on,
    }
    unknown = set(changes) - set(fields)
    if unknown:
        raise InvalidValue(f"a campaign has no {sorted(unknown)[0]}", field=sorted(unknown)[0])
    fields.update(changes)
    checked = new_campaign(**fields, created_by=campaign.created_by, at=campaign.created_at)  # type: ignore[arg-type]
    return replace(checked, id=campaign.id, status=campaign.status)


def require_status(campaign: Campaign, status: CampaignStatus, doing: str) -> None:
    if campaign.status is not status:
        raise Conflict(f"campaign {campaign.id} is {campaign.status.value}: only a {status.value} one can be {doing}")


def group_of(campaign_id: uuid.UUID, customer_id: uuid.UUID, control_pct: int) -> Group:
    """The customer's group, drawn by a hash: the same on every launch, independent of anything about them."""
    digest = hashlib.sha256(campaign_id.bytes + customer_id.bytes).digest()
    bucket = int.from_bytes(digest[:8], "big") % 10_000  # 0.01% steps
    return Group.CONTROL if bucket < control_pct * 100 else Group.TARGET


@dataclass(frozen=True, slots=True)
class Candidate:
    """A member of the segment, with what decides whether the product may be offered to them."""

    customer_id: uuid.UUID
    consents: bool  # to be offered products over the campaign's channel
    risk_preference: RiskPreference | None
    holds_product: bool


def exclusion(candidate: Candidate, product_risk_level: int) -> Exclusion | None:
    """Why the product may not be offered to this customer, or None. Consent is opt-in, never assumed; an
    unassessed customer may be offered only the lowest risk (R1), as on the call-center's offers."""
    if not candidate.consents:
        return Exclusion.NO_CONSENT
    appetite = candidate.risk_preference.level if candidate.risk_preference is not None else 1
    if product_risk_level > appetite:
        return Exclusion.UNSUITABLE
    if candidate.holds_product:
        return Exclusion.ALREADY_HOLDS
    return None


def check_note(note: str | None) -> str | None:
    if note is None:
        return None
    text = note.strip()
    if len(text) > NOTE_MAX:
        raise InvalidValue(f"at most {NOTE_MAX} characters", field="note")
    return text or None


# ------------------------------------------------------------------------------------------------- the effect

_Z95 = Decimal("1.959963984540054")
_RATE = Decimal("0.0001")
_PP = Decimal("0.01")


@dataclass(frozen=True, slots=True)
class GroupOutcome:
    customers: int
    converted: int

    @property
    def rate(self) -> Decimal:
        return Decimal(0) if self.customers == 0 else Decimal(self.converted) / Decimal(self.customers)


@dataclass(frozen=True, slots=True)
class Effect:
    """The campaign's effect on conversion: target against control.

    `uplift_pp` is the difference of the two conversion rates in percentage points, with its 95% confidence
    interval by Newcombe's hybrid score method (Wilson intervals of each rate: sound for small groups and rates
    near 0, where the textbook normal interval is too narrow), and the two-sided p-value of the pooled z-test.
    The z-test is trusted only with `enough_data`: at least 5 expected conversions and 5 expected non-conversions
    in each group; without it nothing is called significant. `incremental_conversions` is how many of the target
    group's conversions the campaign caused: the uplift times the target group. All None when a group is empty."""

    target: GroupOutcome
    control: GroupOutcome
    uplift_pp: Decimal | None
    ci95_low_pp: Decimal | None
    ci95_high_pp: Decimal | None
    p_value: Decimal | None
    enough_data: bool
    significant: bool
    incremental_conversions: Decimal | None
    relative_lift: Decimal | None  # uplift / control rate: None when the control group converted nobody


def _wilson(converted: int, n: int) -> tuple[Decimal, Decimal]:
    p = Decimal(converted) / Decimal(n)
    z2 = _Z95 * _Z95
    denominator = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denominator
    half = _Z95 * (p * (1 - p) / n + z2 / (4 * n * n)).sqrt() / denominator
    return max(Decimal(0), centre - half), min(Decimal(1), centre + half)


def measure(target: GroupOutcome, control: GroupOutcome) -> Effect:
    if target.customers == 0 or control.customers == 0:
        return Effect(target, control, None, None, None, None, False, False, None, None)
    p1, p2 = target.rate, control.rate
    diff = p1 - p2
    l1, u1 = _wilson(target.converted, target.customers)
    l2, u2 = _wilson(control.converted, control.customers)
    low = diff - ((p1 - l1) ** 2 + (u2 - p2) ** 2).sqrt()
    high = diff + ((u1 - p1) ** 2 + (p2 - l2) ** 2).sqrt()
    pooled = Decimal(target.converted + control.converted) / Decimal(target.customers + control.customers)
    se_pooled = (pooled * (1 - pooled) * (Decimal(1) / target.customers + Decimal(1) / control.customers)).sqrt()
    if se_pooled == 0:
        p_value = Decimal(1)
    else:
        z = abs(diff) / se_pooled
        p_value = Decimal(repr(math.erfc(float(z) / math.sqrt(2))))
    p_value = p_value.quantize(_RATE, ROUND_HALF_EVEN)
    enough = all(
        n * pooled >= 5 and n * (1 - pooled) >= 5 for n in (Decimal(target.customers), Decimal(control.customers))
    )
    return Effect(
        target=target,
        control=control,
        uplift_pp=(diff * 100).quantize(_PP, ROUND_HALF_EVEN),
        ci95_low_pp=(low * 100).quantize(_PP, ROUND_HALF_EVEN),
        ci95_high_pp=(high * 100).quantize(_PP, ROUND_HALF_EVEN),
        p_value=p_value,
        enough_data=enough,
        significant=enough and p_value < Decimal("0.05"),
        incremental_conversions=(diff * target.customers).quantize(Decimal("0.1"), ROUND_HALF_EVEN),
        relative_lift=None if p2 == 0 else (diff / p2).quantize(_RATE, ROUND_HALF_EVEN),
    )
