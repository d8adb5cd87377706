"""Channel feeds in the domain's words: commands, identity resolution and how an event moves a holding.

Channel adapters (adapters/channels/) turn each partner's event format into a `FeedCommand`; nothing here
knows those formats. Everything in this module is pure: the use case (domain/services/feeds.py) loads what
a batch needs, applies these rules in memory and writes the outcome back in a few set-based statements.
"""

from __future__ import annotations

import copy
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from domain.calendar import bank_day
from domain.customers import Customer, IdDocument, Identity, IdentitySource, LifecycleStage
from domain.errors import Conflict, DomainError, IdentityConflict, InvalidValue
from domain.holdings import HoldingStatus, ProductHolding
from domain.interactions import Channel, Direction, Interaction
from domain.money import Money
from domain.privacy import mask_phone
from domain.products import Product

MAX_BATCH = 5000
PROVISIONAL_PREFIX = "P"


class FeedChannel(StrEnum):
    """The five inbound feeds, named as in the URL."""

    TELLER = "teller"
    CARD = "card"
    POS_ATM = "pos-atm"
    CALL_CENTER = "call-center"
    ONLINE_BANKING = "online-banking"


class Outcome(StrEnum):
    ACCEPTED = "accepted"
    DUPLICATE = "duplicate"
    REJECTED = "rejected"


class HoldingAction(StrEnum):
    """What an event does to the holding named by its account number."""

    NONE = "none"
    MOVE = "move"  # amounts move the balance (or balance_after sets it)
    MOVE_OR_OPEN = "move_or_open"  # as MOVE; an unknown account with a product_code is opened first
    OPEN = "open"
    CLOSE = "close"


@dataclass(frozen=True, slots=True)
class FieldError:
    """One reason an event was refused; `field` is relative to the event ("amount", "customer.phone")."""

    field: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"field": self.field, "message": self.message}


class EventRejected(DomainError):
    """An event cannot be applied; it carries every reason found."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__(errors[0].message if errors else "rejected", field=errors[0].field if errors else None)
        self.errors = errors


def errors_of(exc: DomainError) -> list[FieldError]:
    """The field errors a domain error stands for."""
    if isinstance(exc, EventRejected):
        return exc.errors
    return [FieldError(exc.field or "event", exc.message)]


STRONG_SOURCES = frozenset(
    {
        IdentitySource.CUSTOMER_NUMBER,
        IdentitySource.ID_DOCUMENT,
        IdentitySource.CARD_TOKEN,
        IdentitySource.ONLINE_USER_ID,
    }
)
# Identities a channel teaches us about a customer (the others belong to the profile itself).
LEARNED_SOURCES = frozenset({IdentitySource.CARD_TOKEN, IdentitySource.ONLINE_USER_ID})

_REF_FIELD = {
    IdentitySource.CUSTOMER_NUMBER: "customer.customer_number",
    IdentitySource.ID_DOCUMENT: "customer.id_document",
    IdentitySource.PHONE: "customer.phone",
    IdentitySource.CARD_TOKEN: "customer.card_token",
    IdentitySource.ONLINE_USER_ID: "customer.online_user_id",
}


@dataclass(frozen=True, slots=True)
class CustomerRef:
    """How a source system knows the customer: one or more identities."""

    customer_number: str | None = None
    id_document: IdDocument | None = None
    phone: str | None = None
    card_token: str | None = None
    online_user_id: str | None = None

    def identities(self) -> list[Identity]:
        found: list[Identity] = []
        if self.customer_number:
            found.append(Identity(IdentitySource.CUSTOMER_NUMBER, self.customer_number))
        if self.id_document:
            found.append(Identity(IdentitySource.ID_DOCUMENT, self.id_document.identity_key))
        if self.phone:
            found.append(Identity(IdentitySource.PHONE, self.phone))
        if self.card_token:
            found.append(Identity(IdentitySource.CARD_TOKEN, self.card_token))
        if self.online_user_id:
            found.append(Identity(IdentitySource.ONLINE_USER_ID, self.online_user_id))
        return found


@dataclass(frozen=True, slots=True)
class FeedCommand:
    """One partner event, translated: who, what happened, and what it does to a holding."""

    channel: FeedChannel
    source_ref: str
    type: str
    occurred_at: datetime
    customer: CustomerRef
    interaction_channel: Channel
    content_hash: str
    holding_action: HoldingAction = HoldingAction.NONE
    amount: Money | None = None  # as reported, never negative
    sign: int = 0  # +1 money into the account, -1 out of it, 0 does not move the balance
    balance_after: Decimal | None = None
    account_number: str | None = None
    product_code: str | None = None
    actor: str | None = None
    summary: str | None = None
    outcome: str | None = None
    payload: dict[str, Any] = field(default_factory=dict)
    # The hashes the same event had under earlier versions of the adapter's reading (a resend of an event stored
    # before must still be a duplicate, not a refusal).
    earlier_content_hashes: tuple[str, ...] = ()

    def has_content(self, stored_hash: str | None) -> bool:
        """Whether `stored_hash`, stored under this event's ref, is this very content."""
        return stored_hash is not None and (
            stored_hash == self.content_hash or stored_hash in self.earlier_content_hashes
        )

    @property
    def signed_amount(self) -> Money | None:
        if self.amount is None or self.sign == 0:
            return None
        return self.amount if self.sign > 0 else -self.amount


@dataclass(slots=True)
class EventResult:
    index: int
    source_ref: str | None
    outcome: Outcome
    errors: list[FieldError] = field(default_factory=list)
    customer_id: uuid.UUID | None = None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"index": self.index, "source_ref": self.source_ref, "status": self.outcome.value}
        if self.errors:
            out["errors"] = [e.as_dict() for e in self.errors]
        return out


class IdentityIndex:
    """Which (live, unmerged) customers own which identities, as far as a batch knows."""

    def __init__(self, owners: dict[Identity, set[uuid.UUID]] | None = None) -> None:
        self._owners: dict[Identity, set[uuid.UUID]] = owners or {}

    def owners(self, identity: Identity) -> set[uuid.UUID]:
        return self._owners.get(identity, set())

    def add(self, identity: Identity, customer_id: uuid.UUID) -> None:
        self._owners.setdefault(identity, set()).add(customer_id)


@dataclass(frozen=True, slots=True)
class Resolution:
    """The customer an event belongs to, or None when a provisional one must be created."""

    customer_id: uuid.UUID | None
    learned: tuple[Identity, ...] = ()  # card tokens / online ids to record on that customer


def resolve_customer(ref: CustomerRef, index: IdentityIndex, account_owner: uuid.UUID | None = None) -> Resolution:
    """Find the customer an event speaks of.

    Strong identities (customer number, ID document, card token, online user id) each belong to at most one
    customer: when two of them point at different customers the event is refused as a conflict. A phone
    may be shared inside a household, so it decides only when no strong identity matched and it names
    exactly one customer. The holding named by the event's account number is the last resort. No match
    at all: the caller creates a provisional customer from the identities given.
    """
    identities = ref.identities()
    strong: dict[uuid.UUID, IdentitySource] = {}
    for identity in identities:
        if identity.source in STRONG_SOURCES:
            for owner in index.owners(identity):
                strong.setdefault(owner, identity.source)
    if len(strong) > 1:
        sources = sorted({s.value for s in strong.values()})
        raise IdentityConflict(
            f"the identities given ({', '.join(sources)}) belong to {len(strong)} different customers",
            field=_REF_FIELD[sorted(strong.values())[0]] if len(set(strong.values())) == 1 else "customer",
        )
    chosen: uuid.UUID | None = next(iter(strong), None)
    if chosen is None and ref.phone:
        phone_owners = index.owners(Identity(IdentitySource.PHONE, ref.phone))
        if len(phone_owners) == 1:
            chosen = next(iter(phone_owners))
        elif len(phone_owners) > 1:
            raise Conflict(
                f"the phone is shared by {len(phone_owners)} customers; send a customer number, ID document or "
                "card token as well",
                field="customer.phone",
            )
    if chosen is None and account_owner is not None:
        chosen = account_owner
    if chosen is None:
        return Resolution(None)
    learned = tuple(i for i in identities if i.source in LEARNED_SOURCES and chosen not in index.owners(i))
    return Resolution(chosen, learned)


def provisional_customer(ref: CustomerRef, customer_id: uuid.UUID, number: str, at: datetime) -> Customer:
    """A customer known only from a channel's identities, to be completed or merged into a real one later."""
    if ref.phone:
        label = mask_phone(ref.phone)
    elif ref.card_token:
        label = f"card {ref.card_token[:10]}"
    elif ref.customer_number:
        label = ref.customer_number
    elif ref.online_user_id:
        label = f"online user {ref.online_user_id[:2]}***"
    elif ref.id_document:
        label = f"{ref.id_document.type.value} ***{ref.id_document.number[-4:]}"
    else:
        label = number
    extra = [i for i in ref.identities() if i.source in LEARNED_SOURCES]
    return Customer(
        id=customer_id,
        customer_number=ref.customer_number or number,
        name_latin=f"Provisional {label}",
        id_document=ref.id_document,
        phones=[ref.phone] if ref.phone else [],
        lifecycle_stage=LifecycleStage.PROSPECT,
        provisional=True,
        extra_identities=extra,
        created_at=at,
        updated_at=at,
    )


def apply_to_holding(holding: ProductHolding, command: FeedCommand, snapshot_at: datetime | None) -> datetime | None:
    """Move a holding as the event says; return the time of the newest reported balance taken.

    A reported `balance_after` is the truth at its time, unless a newer balance is already known. An
    amount without one moves the balance, unless a reported balance newer than the event already
    includes it. So events arriving out of order never take a balance back in time nor count twice. (A
    reported balance older than an amount already applied is not taken: changes the source saw between
    them and never sent as events wait for the next reported balance.)
    Raises on a rule the holding refuses (closed, below zero, other currency) and leaves it unchanged.
    """
    if command.balance_after is not None:
        if command.amount is not None and command.amount.currency != holding.currency:
            raise InvalidValue(f"holding is in {holding.currency}, not {command.amount.currency}", field="currency")
        if holding.status is HoldingStatus.CLOSED and command.holding_action is not HoldingAction.CLOSE:
            raise InvalidValue(f"holding {holding.account_number} is closed", field="account_number")
        if holding.set_balance(command.balance_after, command.occurred_at):
            return command.occurred_at if snapshot_at is None else max(snapshot_at, command.occurred_at)
        return snapshot_at
    signed = command.signed_amount
    if signed is None:
        return snapshot_at
    if snapshot_at is not None and command.occurred_at <= snapshot_at:
        return snapshot_at  # already counted in a reported balance
    holding.post(signed, command.occurred_at)
    return snapshot_at


def open_holding(
    command: FeedCommand, customer_id: uuid.UUID, product: Product, holding_id: uuid.UUID
) -> ProductHolding:
    """A holding opened at the counter (teller account_open)."""
    if command.account_number is None:
        raise InvalidValue("account_open needs an account_number", field="account_number")
    currency = command.amount.currency if command.amount else product.currency
    if currency != product.currency:
        raise InvalidValue(f"product {product.code} is held in {product.currency}", field="currency")
    return ProductHolding(
        id=holding_id,
        customer_id=customer_id,
        account_number=command.account_number,
        product_code=product.code,
        category=product.category,
        currency=currency,
        opened_on=bank_day(command.occurred_at),
        rate=product.rate,
    )


def close_holding(holding: ProductHolding, command: FeedCommand, snapshot_at: datetime | None) -> datetime | None:
    """Close a holding; a reported closing balance is taken first, so the close sees it."""
    mark = apply_to_holding(holding, command, snapshot_at)
    holding.close(bank_day(command.occurred_at))
    return mark


def interaction_for(command: FeedCommand, customer_id: uuid.UUID, holding_id: uuid.UUID | None) -> Interaction:
    """The timeline entry an accepted event becomes."""
    return Interaction(
        id=uuid.uuid4(),
        customer_id=customer_id,
        channel=command.interaction_channel,
        type=command.type,
        occurred_at=command.occurred_at,
        direction=Direction.INBOUND,
        actor=command.actor,
        summary=command.summary,
        outcome=command.outcome,
        amount=command.signed_amount or command.amount,
        holding_id=holding_id,
        source_ref=command.source_ref,
        payload=command.payload,
    )


def snapshot(holding: ProductHolding) -> ProductHolding:
    """A copy to restore when an event fails half way."""
    return copy.copy(holding)


def first_seen(
    commands: Iterable[tuple[int, FeedCommand]],
) -> tuple[list[tuple[int, FeedCommand]], list[tuple[int, FeedCommand]]]:
    """Split a batch into the first occurrence of each source_ref and the repeats inside the batch.

    Repeats are judged once the first occurrence's fate is known (see judge_repeat).
    """
    seen: set[tuple[str, str]] = set()
    firsts: list[tuple[int, FeedCommand]] = []
    repeats: list[tuple[int, FeedCommand]] = []
    for index, command in commands:
        key = (command.channel.value, command.source_ref)
        if key in seen:
            repeats.append((index, command))
        else:
            seen.add(key)
            firsts.append((index, command))
    return firsts, repeats


def judge_repeat(index: int, command: FeedCommand, applied_hash: str | None, first: EventResult) -> EventResult:
    """A repeat is a duplicate of the content applied under its ref, refused if its content differs.

    `applied_hash` is the content stored under the ref (before or by this batch); None when the first
    occurrence was itself refused, in which case the same content gets the same refusal.
    """
    if applied_hash is None:
        return EventResult(
            index, command.source_ref, Outcome.REJECTED, list(first.errors) or [ref_taken(command.source_ref)]
        )
    if command.has_content(applied_hash):
        return EventResult(index, command.source_ref, Outcome.DUPLICATE)
    return EventResult(index, command.source_ref, Outcome.REJECTED, [ref_taken(command.source_ref)])


def ref_taken(source_ref: str) -> FieldError:
    return FieldError("source_ref", f"source_ref {source_ref!r} was already used for an event with different content")


@dataclass(slots=True)
class Submitted:
    """One event as a channel adapter read it: a command, or the reasons it could not become one.

    `document` is the event as received with any card number replaced by its token and last four digits:
    what quarantine keeps and a replay starts from.
    """

    index: int
    source_ref: str | None
    document: Any
    command: FeedCommand | None = None
    errors: list[FieldError] = field(default_factory=list)


@dataclass(slots=True)
class EventChanges:
    """What applying a batch's accepted events writes, gathered to be stored in a few statements."""

    customers: list[Customer] = field(default_factory=list)
    identities: list[tuple[uuid.UUID, Identity]] = field(default_factory=list)
    new_holdings: dict[uuid.UUID, ProductHolding] = field(default_factory=dict)
    changed_holdings: dict[uuid.UUID, ProductHolding] = field(default_factory=dict)
    balance_marks: dict[uuid.UUID, datetime] = field(default_factory=dict)
    interactions: list[Interaction] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class QuarantineEntry:
    """A refused event kept with its reasons until it is replayed or discarded."""

    id: uuid.UUID
    channel: FeedChannel
    source_ref: str | None
    content_hash: str | None
    document: Any
    errors: list[FieldError]
    received_at: datetime
