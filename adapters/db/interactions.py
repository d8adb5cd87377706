"""Interaction repository: the customer event history behind the timeline."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.db.tables import interactions
from domain.interactions import Interaction


def interaction_to_row(i: Interaction) -> dict[str, Any]:
    return {
        "id": i.id,
        "customer_id": i.customer_id,
        "channel": i.channel.value,
        "type": i.type,
        "direction": i.direction.value,
        "occurred_at": i.occurred_at,
        "actor": i.actor,
        "summary": i.summary,
        "outcome": i.outcome,
        "amount": i.amount.amount if i.amount else None,
        "currency": i.amount.currency if i.amount else None,
        "holding_id": i.holding_id,
        "source_ref": i.source_ref,
        "payload": i.payload,
    }


class SqlInteractionRepository:
    def __init__(self, conn: AsyncConnection) -> None:
        self._conn = conn

    async def add(self, interaction: Interaction) -> None:
        await self._conn.execute(sa.insert(interactions).values(interaction_to_row(interaction)))
