"""Feed ingestion: apply a batch of partner events, each whole or not at all, exactly once per source_ref."""

from __future__ import annotations

import logging
import secrets
import uuid
from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from domain.customers import Customer, Identity
from domain.errors import Conflict, DomainError, HoldingNotFound, ProductNotFound
from domain.feeds import (
    EventChanges,
    EventResult,
    FeedChannel,
    FeedCommand,
    FieldError,
    HoldingAction,
    IdentityIndex,
    Outcome,
    QuarantineEntry,
    Submitted,
    apply_to_holding,
    close_holding,
    errors_of,
    first_seen,
    interaction_for,
    judge_repeat,
    open_holding,
    provisional_customer,
    ref_taken,
    resolve_customer,
    snapshot,
)
from domain.holdings import ProductHolding
from domain.interactions import Interaction
from domain.ports import Clock
from domain.products import Product

log = logging.getLogger("bank_crm.feeds")


class FeedStore(Protocol):
    """What ingestion needs from storage, in set-based operations (one round trip per batch, not per event)."""

    def savepoint(self) -> AbstractAsyncContextManager[object]:
        """A nested transaction: leaving it by an exception undoes only what was done inside."""
        ...

    async def lock_keys(self, keys: list[str]) -> None:
        """Serialise concurrent writers that may create the same identities or accounts (until commit)."""
        ...

    async def existing_accounts(self, account_numbers: list[str]) -> set[str]:
        """Which of these account numbers are already held (a plain read, no lock)."""
        ...

    async def claim(self, channel: FeedChannel, refs: dict[str, str], at: datetime) -> set[str]:
        """Record (channel, source_ref) -> content hash for refs not yet known; return those newly claimed."""
        ...

    async def stored_hashes(self, channel: FeedChannel, refs: list[str]) -> dict[str, str]: ...

    async def release(self, channel: FeedChannel, refs: list[str]) -> None:
        """Forget claims of events that were refused, so a corrected resend is applied."""
        ...

    async def identity_owners(self, identities: list[Identity]) -> dict[Identity, set[uuid.UUID]]: ...

    async def holdings_for_update(self, account_numbers: list[str]) -> dict[str, ProductHolding]: ...

    async def products(self, codes: list[str]) -> dict[str, Product]: ...

    async def balance_marks(self, holding_ids: list[uuid.UUID]) -> dict[uuid.UUID, datetime]: ...

    async def save(self, changes: EventChanges) -> None: ...

    async def quarantine(self, entries: list[QuarantineEntry]) -> None: ...


# The customers that changed, and the timeline entries the batch added for them (all of them).
Notify = Callable[[set[uuid.UUID], list[Interaction]], Awaitable[None]]


@dataclass(slots=True)
class BatchOutcome:
    results: list[EventResult]
    customer_ids: set[uuid.UUID] = field(default_factory=set)

    @property
    def counts(self) -> dict[str, int]:
        counts = {"accepted": 0, "duplicates": 0, "rejected": 0}
        key = {Outcome.ACCEPTED: "accepted", Outcome.DUPLICATE: "duplicates", Outcome.REJECTED: "rejected"}
        for r in self.results:
            counts[key[r.outcome]] += 1
        return counts

    def as_dict(self) -> dict[str, object]:
        return {**self.counts, "results": [r.as_dict() for r in self.results]}


def _provisional_number() -> str:
    return f"P{secrets.randbelow(10**12):012d}"


def _lock_keys(identities: list[Identity], accounts: list[str]) -> list[str]:
    return sorted({f"{i.source.value}:{i.key}" for i in identities} | {f"account:{a}" for a in accounts})


class _Batch:
    """Applies claimed commands in memory against what was loaded, one event at a time, all or nothing each."""

    def __init__(
        self,
        index: IdentityIndex,
        holdings: dict[str, ProductHolding],
        products: dict[str, Product],
        marks: dict[uuid.UUID, datetime],
        now: datetime,
    ) -> None:
        self.index = index
        self.holdings = holdings
        self.products = products
        self.marks = marks
        self.now = now
        self.changes = EventChanges()
        self.customer_ids: set[uuid.UUID] = set()

    def apply(self, command: FeedCommand) -> uuid.UUID:
        account = command.account_number
        existing = self.holdings.get(account) if account else None
        resolution = resolve_customer(command.customer, self.index, existing.customer_id if existing else None)
        new_customer: Customer | None = None
        if resolution.customer_id is None:
            new_customer = provisional_customer(command.customer, uuid.uuid4(), _provisional_number(), self.now)
            customer_id = new_customer.id
        else:
            customer_id = resolution.customer_id
        if existing is not None and existing.customer_id != customer_id:
            raise Conflict(
                f"account {account} belongs to another customer than the one the identities name",
                field="account_number",
            )

        # Work on a copy of the holding, so a refused event leaves nothing behind.
        holding = snapshot(existing) if existing is not None else None
        created = False
        mark = self.marks.get(holding.id) if holding else None
        action = command.holding_action
        if action is HoldingAction.OPEN:
            if holding is None:
                product = self._product(command)
                holding = open_holding(command, customer_id, product, uuid.uuid4())
                created = True
            mark = apply_to_holding(holding, command, mark)
        elif action is HoldingAction.CLOSE:
            if holding is None:
                raise HoldingNotFound(account)
            mark = close_holding(holding, command, mark)
        elif action in (HoldingAction.MOVE, HoldingAction.MOVE_OR_OPEN) and account:
            if holding is None and command.product_code and action is HoldingAction.MOVE_OR_OPEN:
                holding = open_holding(command, customer_id, self._product(command), uuid.uuid4())
                created = True
            if holding is not None:
                mark = apply_to_holding(holding, command, mark)
        interaction = interaction_for(command, customer_id, holding.id if holding else None)

        # Everything above may refuse the event; from here on it is taken.
        if new_customer is not None:
            self.changes.customers.append(new_customer)
            for identity in new_customer.identities():
                self.index.add(identity, customer_id)
        for identity in resolution.learned:
            self.index.add(identity, customer_id)
            self.changes.identities.append((customer_id, identity))
        if holding is not None and account is not None:
            self.holdings[account] = holding
            if created or holding.id in self.changes.new_holdings:
                self.changes.new_holdings[holding.id] = holding
            else:
                self.changes.changed_holdings[holding.id] = holding
            if mark is not None:
                self.marks[holding.id] = mark
                self.changes.balance_marks[holding.id] = mark
        self.changes.interactions.append(interaction)
        self.customer_ids.add(customer_id)
        return customer_id

    def _product(self, command: FeedCommand) -> Product:
        code = command.product_code
        product = self.products.get(code) if code else None
        if product is None:
            if code is None:
                raise ProductNotFound("(none)")
            raise ProductNotFound(code)
        return product


@dataclass(slots=True)
class _Applied:
    results: dict[int, EventResult] = field(default_factory=dict)
    customer_ids: set[uuid.UUID] = field(default_factory=set)
    hashes: dict[str, str] = field(default_factory=dict)  # ref -> content stored under it
    interactions: list[Interaction] = field(default_factory=list)  # the timeline entries stored

    def update(self, other: _Applied) -> None:
        self.results.update(other.results)
        self.customer_ids |= other.customer_ids
        self.hashes.update(other.hashes)
        self.interactions += other.interactions


def _ref(item: tuple[int, FeedCommand]) -> str:
    return item[1].source_ref


async def _apply(
    store: FeedStore, channel: FeedChannel, commands: list[tuple[int, FeedCommand]], now: datetime
) -> _Applied:
    """Claim, load, apply and store a set of first-seen commands. Raises only on storage errors."""
    out = _Applied()
    results = out.results
    # Locks are taken in one order of phases (claims, then advisory keys, then holding rows), each phase in
    # sorted order, so two writers never wait on each other in a circle.
    claimed = await store.claim(channel, {c.source_ref: c.content_hash for _, c in sorted(commands, key=_ref)}, now)
    unclaimed = [c.source_ref for _, c in commands if c.source_ref not in claimed]
    stored = await store.stored_hashes(channel, unclaimed) if unclaimed else {}
    out.hashes.update(stored)
    todo: list[tuple[int, FeedCommand]] = []
    for i, c in commands:
        if c.source_ref in claimed:
            todo.append((i, c))
        elif c.has_content(stored.get(c.source_ref)):
            results[i] = EventResult(i, c.source_ref, Outcome.DUPLICATE)
        else:
            results[i] = EventResult(i, c.source_ref, Outcome.REJECTED, [ref_taken(c.source_ref)])
    if not todo:
        return out

    identities = list({i for _, c in todo for i in c.customer.identities()})
    accounts = sorted({c.account_number for _, c in todo if c.account_number})
    codes = sorted({c.product_code for _, c in todo if c.product_code})
    owners = await store.identity_owners(identities)
    # Only what this batch may create needs serialising against concurrent writers: identities nobody owns yet
    # (a provisional customer, or a card token or online id to learn) and accounts that do not exist yet (an
    # account opening). Once locked, they are read again: a writer that held them may have committed them.
    # Existing holdings are serialised by their row locks below, known identities need no lock at all.
    unowned = [i for i in identities if i not in owners]
    missing = sorted(set(accounts) - await store.existing_accounts(accounts)) if accounts else []
    if unowned or missing:
        await store.lock_keys(_lock_keys(unowned, missing))
        if unowned:
            owners.update(await store.identity_owners(unowned))
    holdings = await store.holdings_for_update(accounts) if accounts else {}
    products = await store.products(codes) if codes else {}
    marks = await store.balance_marks([h.id for h in holdings.values()]) if holdings else {}

    batch = _Batch(IdentityIndex(owners), holdings, products, marks, now)
    refused: list[str] = []
    # In time order, so a batch's own events meet each other as they happened, however they were sent.
    for i, c in sorted(todo, key=lambda item: (item[1].occurred_at, item[0])):
        try:
            customer_id = batch.apply(c)
        except DomainError as e:
            results[i] = EventResult(i, c.source_ref, Outcome.REJECTED, errors_of(e))
            refused.append(c.source_ref)
        else:
            results[i] = EventResult(i, c.source_ref, Outcome.ACCEPTED, customer_id=customer_id)
            out.hashes[c.source_ref] = c.content_hash
    if refused:
        await store.release(channel, refused)
    await store.save(batch.changes)
    out.customer_ids = batch.customer_ids
    out.interactions = batch.changes.interactions
    return out


async def ingest(
    store: FeedStore,
    channel: FeedChannel,
    submitted: list[Submitted],
    clock: Clock,
    notify: Notify,
    *,
    keep_rejected: bool = True,
) -> BatchOutcome:
    """Apply a batch of events: each accepted, a duplicate, or rejected with its reasons (and quarantined).

    All accepted events are stored in set-based statements inside one savepoint; if storing fails, each
    event is retried alone in its own savepoint, so one bad event never undoes the others. `notify` runs
    in the caller's transaction with the customers that changed and the timeline entries stored for them.
    The caller commits.
    """
    now = clock.now()
    results: dict[int, EventResult] = {}
    valid: list[tuple[int, FeedCommand]] = []
    for s in submitted:
        if s.command is None:
            results[s.index] = EventResult(s.index, s.source_ref, Outcome.REJECTED, list(s.errors))
        else:
            valid.append((s.index, s.command))
    firsts, repeats = first_seen(valid)

    applied = _Applied()
    if firsts:
        try:
            async with store.savepoint():
                applied = await _apply(store, channel, firsts, now)
        except Exception:
            log.warning("storing a batch of %d %s events failed; retrying one by one", len(firsts), channel.value)
            applied = _Applied()
            for item in firsts:
                try:
                    async with store.savepoint():
                        applied.update(await _apply(store, channel, [item], now))
                except Exception:
                    log.exception("event %s could not be stored", item[1].source_ref)
                    applied.results[item[0]] = EventResult(
                        item[0],
                        item[1].source_ref,
                        Outcome.REJECTED,
                        [FieldError("event", "the event could not be stored; replay it from quarantine")],
                    )
        results.update(applied.results)
    first_index = {c.source_ref: i for i, c in firsts}
    for i, c in repeats:
        results[i] = judge_repeat(i, c, applied.hashes.get(c.source_ref), results[first_index[c.source_ref]])
    changed = applied.customer_ids

    ordered = [results[s.index] for s in submitted]
    if keep_rejected:
        by_index = {s.index: s for s in submitted}
        entries = [
            QuarantineEntry(
                id=uuid.uuid4(),
                channel=channel,
                source_ref=r.source_ref,
                content_hash=cmd.content_hash if (cmd := by_index[r.index].command) else None,
                document=by_index[r.index].document,
                errors=r.errors,
                received_at=now,
            )
            for r in ordered
            if r.outcome is Outcome.REJECTED
        ]
        if entries:
            await store.quarantine(entries)
    if changed:
        await notify(changed, applied.interactions)
    return BatchOutcome(ordered, changed)
