"""Case repository: complaints and service requests (the CaseRepository port)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.db.arrays import one_of
from adapters.db.context import OPEN_ALERT_STATUSES
from adapters.db.tables import customers, interactions, users
from adapters.db.tables_contact import cases
from adapters.db.tables_value import alerts
from adapters.db.views import Page, decode_cursor, encode_cursor, scope_filter
from domain.access import PortfolioScope
from domain.contact_center import Case, ComplaintFact, complaint_summary
from domain.errors import Conflict
from domain.services.cases import CaseRecord
from domain.value.movements import COMPLAINT_CHANNELS, COMPLAINT_TYPE

# What a complaint's case is opened from (domain/contact_center.py: case_for_complaint).
COMPLAINT_COLUMNS = (
    interactions.c.id,
    interactions.c.customer_id,
    interactions.c.occurred_at,
    interactions.c.channel,
    interactions.c.summary,
    interactions.c.source_ref,
    interactions.c.payload,
)


class SqlCaseRepository:
    """Cases: the complaint cases the feeds open (the CaseRepository port of domain/contact_center.py) and the
    reading and closing people do (the CaseStore port of domain/services/cases.py)."""

    def __init__(self, conn: AsyncConnection) -> None:
        self._conn = conn
        self._pg = conn.dialect.name == "postgresql"

    async def complaints_without_case(self, customer_ids: frozenset[uuid.UUID]) -> list[ComplaintFact]:
        if not customer_ids:
            return []
        has_case = sa.exists().where(cases.c.interaction_id == interactions.c.id)
        rows = await self._conn.execute(
            sa.select(*COMPLAINT_COLUMNS)
            .where(
                one_of(self._pg, interactions.c.customer_id, sorted(customer_ids)),
                interactions.c.type == COMPLAINT_TYPE,
                interactions.c.channel.in_(COMPLAINT_CHANNELS),
                ~has_case,
            )
            .order_by(interactions.c.occurred_at, interactions.c.id)
        )
        out = []
        for r in rows:
            summary = complaint_summary(r.summary, r.payload)
            out.append(ComplaintFact(r.id, r.customer_id, r.occurred_at, r.channel, summary, r.source_ref))
        return out

    async def follow_merges(self, customer_ids: frozenset[uuid.UUID]) -> int:
        """Re-point the cases of customers merged into these ones to the survivor, as their interactions were."""
        if not customer_ids:
            return 0
        merged = sa.select(customers.c.id).where(one_of(self._pg, customers.c.merged_into, sorted(customer_ids)))
        survivor = sa.select(customers.c.merged_into).where(customers.c.id == cases.c.customer_id).scalar_subquery()
        result = await self._conn.execute(
            sa.update(cases).where(cases.c.customer_id.in_(merged)).values(customer_id=survivor)
        )
        return int(result.rowcount or 0)

    async def add_all(self, new_cases: list[Case]) -> int:
        """One multi-row INSERT per chunk; a case whose interaction already has one (another writer opened
        it first) is skipped by the unique interaction_id, without a savepoint per case."""
        if not new_cases:
            return 0
        insert = pg_insert if self._conn.dialect.name == "postgresql" else sqlite_insert
        # One cached statement executed with many rows (SQLAlchemy batches them into multi-row VALUES with
        # RETURNING); building `.values(rows)` instead made a new statement to compile for every batch.
        stmt = insert(cases).on_conflict_do_nothing(index_elements=["interaction_id"]).returning(cases.c.id)
        result = await self._conn.execute(stmt, [_row(case) for case in new_cases])
        return len(result.all())

    async def add(self, case: Case) -> bool:
        try:
            async with self._conn.begin_nested():
                await self._conn.execute(sa.insert(cases).values(**_row(case)))
        except IntegrityError:
            return False  # its interaction already has a case
        return True

    async def get(self, case_id: uuid.UUID) -> CaseRecord | None:
        row = (
            await self._conn.execute(
                sa.select(
                    cases.c.id,
                    cases.c.customer_id,
                    cases.c.kind,
                    cases.c.status,
                    cases.c.interaction_id,
                    cases.c.closed_at,
                    cases.c.closed_by,
                    cases.c.resolution,
                    cases.c.satisfaction,
                ).where(cases.c.id == case_id)
            )
        ).first()
        if row is None:
            return None
        return CaseRecord(
            row.id,
            row.customer_id,
            row.kind,
            row.status,
            row.interaction_id,
            row.closed_at,
            row.closed_by,
            row.resolution,
            row.satisfaction,
        )

    async def save_closed(self, record: CaseRecord) -> None:
        # Only an open case is closed: of two people closing it at once, the second changes nothing.
        result = await self._conn.execute(
            sa.update(cases)
            .where(cases.c.id == record.id, cases.c.status == "open")
            .values(
                status=record.status,
                closed_at=record.closed_at,
                closed_by=record.closed_by,
                resolution=record.resolution,
                satisfaction=record.satisfaction,
            )
        )
        if not result.rowcount:
            raise Conflict(f"case {record.id} is no longer open")
        if record.kind == "complaint" and record.interaction_id is not None:
            await self._resolve_complaint_alert(record)

    async def _resolve_complaint_alert(self, record: CaseRecord) -> None:
        """The complaint's alert for the RM (its cause is the complaint interaction, written as each database
        writes a UUID as text) is resolved with the case's resolution."""
        candidates = await self._conn.execute(
            sa.select(alerts.c.id, alerts.c.cause_key).where(
                alerts.c.customer_id == record.customer_id,
                alerts.c.kind == "complaint",
                alerts.c.status.in_(OPEN_ALERT_STATUSES),
            )
        )
        ids = [r.id for r in candidates if _interaction_of(r.cause_key) == record.interaction_id]
        if ids:
            await self._conn.execute(
                sa.update(alerts)
                .where(alerts.c.id.in_(ids))
                .values(
                    status="resolved", resolved_at=record.closed_at, resolution_note=f"Case closed: {record.resolution}"
                )
            )


def _row(case: Case) -> dict[str, object]:
    return {
        "id": case.id,
        "customer_id": case.customer_id,
        "kind": case.kind,
        "status": case.status,
        "subject": case.subject,
        "channel": case.channel,
        "opened_at": case.opened_at,
        "sla_due_at": case.sla_due_at,
        "closed_at": case.closed_at,
        "interaction_id": case.interaction_id,
        "source_ref": case.source_ref,
        "satisfaction": case.satisfaction,
        "closed_by": case.closed_by,
        "resolution": case.resolution,
        "opened_by": case.opened_by,
    }


# --- the people's side: the scoped list, one case, closing ------------------------------------------------------

# A case without a service level is due from the moment it was opened.
_DUE = sa.func.coalesce(cases.c.sla_due_at, cases.c.opened_at)
_opener, _closer = users.alias("opener"), users.alias("closer")
_CASE_COLUMNS = (
    cases,
    customers.c.customer_number,
    customers.c.name_zh,
    customers.c.name_latin,
    _opener.c.username.label("opened_by_username"),
    _closer.c.username.label("closed_by_username"),
)


def _with_customer(stmt: Any) -> Any:
    return (
        stmt.join(customers, customers.c.id == cases.c.customer_id)
        .outerjoin(_opener, _opener.c.id == cases.c.opened_by)
        .outerjoin(_closer, _closer.c.id == cases.c.closed_by)
    )


async def list_cases(
    conn: AsyncConnection,
    scope: PortfolioScope,
    now: datetime,
    *,
    status: str | None = None,
    kind: str | None = None,
    customer_id: uuid.UUID | None = None,
    overdue: bool | None = None,
    limit: int = 50,
    cursor: str | None = None,
) -> Page:
    """Cases of customers in the caller's scope. Open ones (status=open, or overdue) come as a work queue, the
    soonest due first; otherwise the newest opened first."""
    queue = status == "open" or overdue is True
    after = decode_cursor(cursor, (datetime, uuid.UUID))
    stmt = _with_customer(sa.select(*_CASE_COLUMNS).select_from(cases)).where(
        scope_filter(scope), customers.c.merged_into.is_(None)
    )
    if status:
        stmt = stmt.where(cases.c.status == status)
    if kind:
        stmt = stmt.where(cases.c.kind == kind)
    if customer_id:
        stmt = stmt.where(cases.c.customer_id == customer_id)
    if overdue is True:
        stmt = stmt.where(cases.c.status == "open", cases.c.sla_due_at < now)
    elif overdue is False:
        stmt = stmt.where(sa.or_(cases.c.status != "open", cases.c.sla_due_at.is_(None), cases.c.sla_due_at >= now))
    key = _DUE if queue else cases.c.opened_at
    if after:
        if queue:
            stmt = stmt.where(sa.or_(key > after[0], sa.and_(key == after[0], cases.c.id > after[1])))
        else:
            stmt = stmt.where(sa.or_(key < after[0], sa.and_(key == after[0], cases.c.id < after[1])))
    order = (key.asc(), cases.c.id.asc()) if queue else (key.desc(), cases.c.id.desc())
    rows = list(await conn.execute(stmt.order_by(*order).limit(limit + 1)))
    more = len(rows) > limit
    rows = rows[:limit]
    if not (more and rows):
        return Page(rows, None)
    last = rows[-1]
    last_key = (last.sla_due_at or last.opened_at) if queue else last.opened_at
    return Page(rows, encode_cursor([last_key, last.id]))


async def case_row(conn: AsyncConnection, case_id: uuid.UUID) -> Any:
    return (
        await conn.execute(_with_customer(sa.select(*_CASE_COLUMNS).select_from(cases)).where(cases.c.id == case_id))
    ).first()


def _interaction_of(cause_key: str) -> uuid.UUID | None:
    prefix, _, ref = cause_key.partition(":")
    if prefix != "interaction":
        return None
    try:
        return uuid.UUID(ref)
    except ValueError:
        return None
