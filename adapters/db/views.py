"""Read side: tuned queries that feed screens (search, holdings, timeline), bypassing the domain model."""

from __future__ import annotations

import base64
import json
import re
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.db.tables import (
    balance_history,
    customer_identities,
    customers,
    holdings,
    interactions,
    products,
    segment_members,
    segments,
    users,
)
from domain.access import PortfolioScope
from domain.errors import InvalidValue


@dataclass(frozen=True, slots=True)
class Page:
    items: list[Any]
    next_cursor: str | None


def encode_cursor(values: list[Any]) -> str:
    def plain(v: Any) -> Any:
        if isinstance(v, datetime | date):
            return v.isoformat()
        if isinstance(v, uuid.UUID):
            return str(v)
        return v

    raw = json.dumps([plain(v) for v in values], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None, kinds: tuple[type, ...]) -> list[Any] | None:
    """Decode a cursor made by encode_cursor into values of the given kinds; InvalidValue otherwise."""
    if not cursor:  # absent or empty: the first page
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = json.loads(raw)
        if not isinstance(values, list) or len(values) != len(kinds):
            raise ValueError
        out: list[Any] = []
        for kind, v in zip(kinds, values, strict=True):
            if kind is datetime:
                parsed = datetime.fromisoformat(v)
                if parsed.tzinfo is None:
                    raise ValueError
                out.append(parsed)
            elif kind is date:
                out.append(date.fromisoformat(v))
            elif kind is uuid.UUID:
                out.append(uuid.UUID(v))
            elif kind is str:
                if not isinstance(v, str):
                    raise ValueError
                out.append(v)
            else:
                raise ValueError
        return out
    except (ValueError, TypeError, UnicodeDecodeError, json.JSONDecodeError):
        raise InvalidValue("cursor is malformed; use next_cursor from the previous page", field="cursor") from None


def scope_filter(scope: PortfolioScope) -> sa.ColumnElement[bool]:
    if scope.everything:
        return sa.true()
    if scope.relationship_manager_id is not None:
        return customers.c.relationship_manager_id == scope.relationship_manager_id
    if scope.branch is not None:
        return customers.c.home_branch == scope.branch
    return sa.false()


_DIGITS = re.compile(r"[\s\-()]")


def phone_candidates(q: str) -> list[str]:
    """E.164 forms a typed phone may mean: as given with +, or a mainland mobile without +86."""
    digits = _DIGITS.sub("", q)
    if digits.startswith("+"):
        digits = digits[1:]
    if not digits.isdigit() or len(digits) < 7:
        return []
    found = [f"+{digits}"]
    if len(digits) == 11 and digits.startswith("1"):
        found.append(f"+86{digits}")
    return found


def escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


async def search_customers(
    conn: AsyncConnection,
    scope: PortfolioScope,
    *,
    q: str | None = None,
    tier: str | None = None,
    segment: str | None = None,
    relationship_manager: str | None = None,
    limit: int = 50,
    cursor: str | None = None,
) -> Page:
    after = decode_cursor(cursor, (str,))
    stmt = (
        sa.select(customers, users.c.username.label("rm_username"), users.c.display_name.label("rm_name"))
        .outerjoin(users, users.c.id == customers.c.relationship_manager_id)
        .where(scope_filter(scope), customers.c.merged_into.is_(None))
    )
    if q:
        q = q.strip()
        pattern = f"%{escape_like(q)}%"
        conditions: list[sa.ColumnElement[bool]] = [
            customers.c.name_latin.ilike(pattern, escape="\\"),
            customers.c.name_zh.like(pattern, escape="\\"),
            customers.c.customer_number == q.upper(),
        ]
        phones = phone_candidates(q)
        if phones:
            conditions.append(
                customers.c.id.in_(
                    sa.select(customer_identities.c.customer_id).where(
                        customer_identities.c.source == "phone", customer_identities.c.key.in_(phones)
                    )
                )
            )
        stmt = stmt.where(sa.or_(*conditions))
    if tier:
        stmt = stmt.where(customers.c.tier == tier)
    if segment:
        stmt = stmt.where(
            customers.c.id.in_(
                sa.select(segment_members.c.customer_id)
                .join(segments, segments.c.id == segment_members.c.segment_id)
                .where(segments.c.code == segment)
            )
        )
    if relationship_manager:
        try:
            stmt = stmt.where(customers.c.relationship_manager_id == uuid.UUID(relationship_manager))
        except ValueError:
            stmt = stmt.where(users.c.username == relationship_manager)
    if after:
        stmt = stmt.where(customers.c.customer_number > after[0])
    stmt = stmt.order_by(customers.c.customer_number).limit(limit + 1)
    rows = list(await conn.execute(stmt))
    more = len(rows) > limit
    rows = rows[:limit]
    return Page(rows, encode_cursor([rows[-1].customer_number]) if more and rows else None)


async def relationship_manager_of(conn: AsyncConnection, user_id: uuid.UUID | None) -> Any:
    if user_id is None:
        return None
    return (
        await conn.execute(
            sa.select(users.c.id, users.c.username, users.c.display_name, users.c.email, users.c.phone).where(
                users.c.id == user_id
            )
        )
    ).first()


async def customer_segments(conn: AsyncConnection, customer_id: uuid.UUID) -> dict[str, str]:
    """The customer's segments: name by code, in code order."""
    rows = await conn.execute(
        sa.select(segments.c.code, segments.c.name)
        .join(segment_members, segment_members.c.segment_id == segments.c.id)
        .where(segment_members.c.customer_id == customer_id)
        .order_by(segments.c.code)
    )
    return {r.code: r.name for r in rows}


async def customer_holdings(
    conn: AsyncConnection,
    customer_id: uuid.UUID,
    *,
    limit: int = 50,
    cursor: str | None = None,
    include_closed: bool = True,
) -> Page:
    after = decode_cursor(cursor, (str,))
    stmt = (
        sa.select(holdings, products.c.name.label("product_name"), products.c.name_zh.label("product_name_zh"))
        .join(products, products.c.code == holdings.c.product_code)
        .where(holdings.c.customer_id == customer_id)
    )
    if not include_closed:
        stmt = stmt.where(holdings.c.status != "closed")
    if after:
        stmt = stmt.where(holdings.c.account_number > after[0])
    rows = list(await conn.execute(stmt.order_by(holdings.c.account_number).limit(limit + 1)))
    more = len(rows) > limit
    rows = rows[:limit]
    return Page(rows, encode_cursor([rows[-1].account_number]) if more and rows else None)


async def balance_histories(conn: AsyncConnection, holding_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[Any]]:
    if not holding_ids:
        return {}
    rows = await conn.execute(
        sa.select(balance_history)
        .where(balance_history.c.holding_id.in_(holding_ids))
        .order_by(balance_history.c.holding_id, balance_history.c.as_of)
    )
    out: dict[uuid.UUID, list[Any]] = {}
    for r in rows:
        out.setdefault(r.holding_id, []).append(r)
    return out


async def timeline(
    conn: AsyncConnection,
    customer_id: uuid.UUID,
    *,
    channels: list[str] | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 50,
    cursor: str | None = None,
) -> Page:
    after = decode_cursor(cursor, (datetime, uuid.UUID))
    stmt = sa.select(interactions).where(interactions.c.customer_id == customer_id)
    if channels:
        stmt = stmt.where(interactions.c.channel.in_(channels))
    if since:
        stmt = stmt.where(interactions.c.occurred_at >= since)
    if until:
        stmt = stmt.where(interactions.c.occurred_at < until)
    if after:
        stmt = stmt.where(
            sa.or_(
                interactions.c.occurred_at < after[0],
                sa.and_(interactions.c.occurred_at == after[0], interactions.c.id < after[1]),
            )
        )
    stmt = stmt.order_by(interactions.c.occurred_at.desc(), interactions.c.id.desc()).limit(limit + 1)
    rows = list(await conn.execute(stmt))
    more = len(rows) > limit
    rows = rows[:limit]
    return Page(rows, encode_cursor([rows[-1].occurred_at, rows[-1].id]) if more and rows else None)


async def list_products(
    conn: AsyncConnection, *, category: str | None = None, limit: int = 50, cursor: str | None = None
) -> Page:
    after = decode_cursor(cursor, (str,))
    stmt = sa.select(products)
    if category:
        stmt = stmt.where(products.c.category == category)
    if after:
        stmt = stmt.where(products.c.code > after[0])
    rows = list(await conn.execute(stmt.order_by(products.c.code).limit(limit + 1)))
    more = len(rows) > limit
    rows = rows[:limit]
    return Page(rows, encode_cursor([rows[-1].code]) if more and rows else None)


async def ping(conn: AsyncConnection) -> None:
    await conn.execute(sa.text("SELECT 1"))
