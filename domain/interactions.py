"""Interactions: every contact and money movement on every channel, for one timeline."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from domain.errors import InvalidValue
from domain.money import Money


class Channel(StrEnum):
    TELLER = "teller"
    CARD = "card"
    POS = "pos"
    ATM = "atm"
    CALL_CENTER = "call_center"
    ONLINE_BANKING = "online_banking"
    RM_VISIT = "rm_visit"
    PHONE = "phone"
    EMAIL = "email"
    SMS = "sms"


class Direction(StrEnum):
    INBOUND = "inbound"
    OUTBOUND = "outbound"
    INTERNAL = "internal"


@dataclass(slots=True)
class Interaction:
    """Something that happened between the customer and the bank."""

    id: uuid.UUID
    customer_id: uuid.UUID
    channel: Channel
    type: str
    occurred_at: datetime
    direction: Direction = Direction.INBOUND
    actor: str | None = None
    summary: str | None = None
    outcome: str | None = None
    amount: Money | None = None
    holding_id: uuid.UUID | None = None
    source_ref: str | None = None
    payload: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.occurred_at.tzinfo is None:
            raise InvalidValue("time must carry a UTC offset", field="occurred_at")
        if not 1 <= len(self.type) <= 64:
            raise InvalidValue("type must be 1-64 characters", field="type")
        if self.source_ref is not None and not 1 <= len(self.source_ref) <= 128:
            raise InvalidValue("source_ref must be 1-128 characters", field="source_ref")
