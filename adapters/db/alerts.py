"""Alerts in the database: the scoped, filtered list, and the changes people make to one alert."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.db.tables import customers, users
from adapters.db.tables_value import alerts
from adapters.db.views import Page, decode_cursor, encode_cursor, scope_filter
from domain.access import PortfolioScope
from domain.services.alerts import AlertRecord


async def list_alerts(
    conn: AsyncConnection,
    scope: PortfolioScope,
    *,
    status: str | None = None,
    kind: str | None = None,
    customer_id: uuid.UUID | None = None,
    assigned_to: uuid.UUID | None = None,
    limit: int = 50,
    cursor: str | None = None,
) -> Page:
    """Newest first, only for customers in the caller's scope."""
    after = decode_cursor(cursor, (datetime, uuid.UUID))
    stmt = (
        sa.select(
            alerts,
            customers.c.customer_number,
            customers.c.name_zh,
            customers.c.name_latin,
            users.c.username.label("assignee_username"),
        )
        .join(customers, customers.c.id == alerts.c.customer_id)
        .outerjoin(users, users.c.id == alerts.c.assigned_to)
        .where(scope_filter(scope))
    )
    if status:
        stmt = stmt.where(alerts.c.status == status)
    if kind:
        stmt = stmt.where(alerts.c.kind == kind)
    if customer_id:
        stmt = stmt.where(alerts.c.customer_id == customer_id)
    if assigned_to:
        stmt = stmt.where(alerts.c.assigned_to == assigned_to)
    if after:
        stmt = stmt.where(
            sa.or_(
                alerts.c.raised_at < after[0],
                sa.and_(alerts.c.raised_at == after[0], alerts.c.id < after[1]),
            )
        )
    stmt = stmt.order_by(alerts.c.raised_at.desc(), alerts.c.id.desc()).limit(limit + 1)
    rows = list(await conn.execute(stmt))
    more = len(rows) > limit
    rows = rows[:limit]
    return Page(rows, encode_cursor([rows[-1].raised_at, rows[-1].id]) if more and rows else None)


async def alert_row(conn: AsyncConnection, alert_id: uuid.UUID) -> Any:
    stmt = (
        sa.select(
            alerts,
            customers.c.customer_number,
            customers.c.name_zh,
            customers.c.name_latin,
            users.c.username.label("assignee_username"),
        )
        .join(customers, customers.c.id == alerts.c.customer_id)
        .outerjoin(users, users.c.id == alerts.c.assigned_to)
        .where(alerts.c.id == alert_id)
    )
    return (await conn.execute(stmt)).first()


class SqlAlertStore:
    """The alert port of domain/services/alerts.py over one connection."""

    def __init__(self, conn: AsyncConnection) -> None:
        self._conn = conn

    async def get(self, alert_id: uuid.UUID) -> AlertRecord | None:
        row = (
            await self._conn.execute(
                sa.select(alerts.c.id, alerts.c.customer_id, alerts.c.status, alerts.c.assigned_to).where(
                    alerts.c.id == alert_id
                )
            )
        ).first()
        if row is None:
            return None
        return AlertRecord(row.id, row.customer_id, row.status, row.assigned_to)

    async def save(self, record: AlertRecord, at: datetime, note: str | None = None) -> None:
        values: dict[str, Any] = {"status": record.status, "assigned_to": record.assigned_to}
        if record.status == "acknowledged":
            values["acknowledged_at"] = at
        if record.status == "resolved":
            values["resolved_at"] = at
            values["resolution_note"] = note
        await self._conn.execute(sa.update(alerts).where(alerts.c.id == record.id).values(**values))

    async def active_user(self, user_id: uuid.UUID) -> tuple[str, str | None] | None:
        row = (
            await self._conn.execute(
                sa.select(users.c.role, users.c.branch_code).where(users.c.id == user_id, users.c.active.is_(True))
            )
        ).first()
        return None if row is None else (row.role, row.branch_code)
