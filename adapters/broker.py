"""The at-scale path: channel events read from a RabbitMQ queue, through the same adapters and use case.

A message is `{"channel": "teller", "events": [...]}` (the HTTP body plus its channel). It is acknowledged
only after its events are committed; rejected events are quarantined like on HTTP and the message is still
acknowledged. A poison message (not JSON, not a batch, an unknown channel) goes to the dead-letter queue
`<queue>.dlq` at once; one whose processing crashes is retried once, then dead-lettered.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any

import aio_pika
from aio_pika.abc import AbstractChannel, AbstractIncomingMessage, AbstractQueue

from adapters.channels import ingest_events
from adapters.container import Container
from domain.feeds import MAX_BATCH, FeedChannel

log = logging.getLogger("bank_crm.broker")


@dataclass
class ConsumeReport:
    messages: int = 0
    events: int = 0
    accepted: int = 0
    duplicates: int = 0
    rejected: int = 0
    dead_lettered: int = 0
    retried: int = 0

    def __str__(self) -> str:
        return (
            f"{self.messages} messages, {self.events} events: {self.accepted} accepted, {self.duplicates} duplicates, "
            f"{self.rejected} rejected (quarantined); {self.dead_lettered} messages dead-lettered, "
            f"{self.retried} retried"
        )


class PoisonMessage(ValueError):
    pass


def dead_letter_names(queue: str) -> tuple[str, str]:
    return f"{queue}.dlx", f"{queue}.dlq"


async def declare(channel: AbstractChannel, queue: str) -> tuple[AbstractQueue, AbstractQueue]:
    """The feed queue, with a dead-letter exchange and queue beside it."""
    dlx_name, dlq_name = dead_letter_names(queue)
    dlx = await channel.declare_exchange(dlx_name, aio_pika.ExchangeType.DIRECT, durable=True)
    dlq = await channel.declare_queue(dlq_name, durable=True)
    await dlq.bind(dlx, routing_key=queue)
    main = await channel.declare_queue(
        queue, durable=True, arguments={"x-dead-letter-exchange": dlx_name, "x-dead-letter-routing-key": queue}
    )
    return main, dlq


def parse_message(body: bytes) -> tuple[FeedChannel, list[Any]]:
    try:
        message = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise PoisonMessage("the message is not JSON") from None
    if not isinstance(message, dict):
        raise PoisonMessage("the message is not an object")
    try:
        channel = FeedChannel(str(message.get("channel")))
    except ValueError:
        raise PoisonMessage(f"unknown channel {str(message.get('channel'))[:40]!r}") from None
    events = message.get("events")
    if not isinstance(events, list) or not 1 <= len(events) <= MAX_BATCH:
        raise PoisonMessage(f"events must be a list of 1 to {MAX_BATCH} events")
    return channel, events


async def handle(container: Container, message: AbstractIncomingMessage, report: ConsumeReport) -> None:
    report.messages += 1
    try:
        channel, events = parse_message(message.body)
    except PoisonMessage as e:
        log.warning("dead-lettering message %s: %s", message.message_id or message.delivery_tag, e)
        report.dead_lettered += 1
        await message.reject(requeue=False)
        return
    try:
        outcome = await ingest_events(container, channel, events)
    except Exception:
        log.exception("a %s message failed", channel.value)
        if message.redelivered:
            report.dead_lettered += 1
            await message.reject(requeue=False)
        else:
            report.retried += 1
            await message.nack(requeue=True)
        return
    await message.ack()  # only now: its events are committed
    counts = outcome.counts
    report.events += len(events)
    report.accepted += counts["accepted"]
    report.duplicates += counts["duplicates"]
    report.rejected += counts["rejected"]


async def consume(
    container: Container,
    url: str,
    queue: str,
    *,
    max_messages: int | None = None,
    idle_timeout: float | None = None,
    prefetch: int = 4,
) -> ConsumeReport:
    """Consume until `max_messages` were handled or the queue stayed empty for `idle_timeout` seconds
    (both None: forever)."""
    report = ConsumeReport()
    connection = await aio_pika.connect_robust(url)
    try:
        channel = await connection.channel()
        await channel.set_qos(prefetch_count=prefetch)
        main, _ = await declare(channel, queue)
        async with main.iterator(timeout=idle_timeout) as messages:
            try:
                async for message in messages:
                    await handle(container, message, report)
                    if max_messages is not None and report.messages >= max_messages:
                        break
            except TimeoutError:
                pass  # the queue stayed empty for idle_timeout seconds
    finally:
        await connection.close()
    return report
