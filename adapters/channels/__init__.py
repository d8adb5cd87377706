"""Inbound channel adapters: each turns its partner's event format into domain feed commands."""

from __future__ import annotations

import asyncio
import logging
import uuid
from typing import TYPE_CHECKING, Any

from sqlalchemy.exc import DBAPIError

from adapters.channels import call_center, card, online_banking, pos_atm, teller
from adapters.channels.common import ChannelSpec, read_event
from domain.feeds import FeedChannel, Submitted
from domain.interactions import Interaction
from domain.services import feeds as feeds_service
from domain.services.feeds import BatchOutcome

if TYPE_CHECKING:
    from adapters.container import Container
    from adapters.db.uow import SqlUnitOfWork

log = logging.getLogger("bank_crm.feeds")

SPECS: dict[FeedChannel, ChannelSpec] = {
    FeedChannel.TELLER: teller.SPEC,
    FeedChannel.CARD: card.SPEC,
    FeedChannel.POS_ATM: pos_atm.SPEC,
    FeedChannel.CALL_CENTER: call_center.SPEC,
    FeedChannel.ONLINE_BANKING: online_banking.SPEC,
}


# Events read between two looks at the event loop. Reading a batch of 1,000 takes a worker's CPU for tens of
# milliseconds; other batches of the same process wait meanwhile, inside their transactions, holding row locks
# that batches in other processes queue behind.
READ_SLICE = 100


async def read_events(channel: FeedChannel, events: list[Any], card_key: str) -> list[Submitted]:
    """Read a batch, each event on its own, letting the event loop run between slices."""
    spec = SPECS[channel]
    out: list[Submitted] = []
    for start in range(0, len(events), READ_SLICE):
        if start:
            await asyncio.sleep(0)
        out += [read_event(spec, events[i], i, card_key) for i in range(start, min(start + READ_SLICE, len(events)))]
    return out


async def ingest_events(container: Container, channel: FeedChannel, events: list[Any]) -> BatchOutcome:
    """The one way events come in (HTTP and broker alike): read each, apply the batch, commit, report."""
    from adapters.db.feeds import SqlFeedStore  # here: the store imports this package's hashing

    submitted = await read_events(channel, events, container.settings.card_token_key)
    for attempt in range(3):
        try:
            async with container.uow() as uow:
                store = SqlFeedStore(uow.connection)

                async def notify(ids: set[uuid.UUID], added: list[Interaction], uow: SqlUnitOfWork = uow) -> None:
                    await container.customers_changed(uow, ids, added)

                outcome = await feeds_service.ingest(store, channel, submitted, container.clock, notify)
                await uow.commit()
            if outcome.customer_ids:
                container.scoring_due()
            return outcome
        except DBAPIError as e:
            # A deadlock or serialisation failure aborted the whole transaction: the batch is idempotent,
            # so run it again from the start.
            if attempt == 2 or not _retryable(e):
                raise
            log.warning("retrying a %s batch after %s", channel.value, type(e.orig).__name__)
    raise AssertionError("unreachable")


def _retryable(e: DBAPIError) -> bool:
    text = f"{type(e.orig).__name__} {e.orig}".lower()
    return any(w in text for w in ("deadlock", "serializ", "database is locked"))
