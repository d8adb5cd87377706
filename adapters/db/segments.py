"""Segments in the database: rules compiled to SQL (set-based, both dialects), members, static lists."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.db.tables import customers, holdings, segment_members, segments
from adapters.db.tables_campaigns import campaigns
from adapters.db.tables_value import customer_scores, segment_details
from adapters.db.views import Page, decode_cursor, encode_cursor, scope_filter
from domain.access import PortfolioScope
from domain.calendar import bank_day
from domain.errors import Conflict, InvalidValue
from domain.value.segments_rules import ATTRIBUTES, AttrType

# Where each attribute lives. Scores are LEFT JOINed: a customer not scored yet counts as zero.
_SCORE_COLUMNS = {
    "aum": customer_scores.c.aum,
    "aum_3m_ago": customer_scores.c.aum_3m_ago,
    "deposit_balance": customer_scores.c.deposit_balance,
    "loan_balance": customer_scores.c.loan_balance,
    "contribution": customer_scores.c.contribution_monthly,
    "rfm_monetary": customer_scores.c.rfm_monetary,
    "churn_risk": customer_scores.c.churn_risk,
    "rfm_frequency": customer_scores.c.rfm_frequency,
    "active_products": customer_scores.c.active_products,
}
_PROFILE_COLUMNS = {
    "gender": customers.c.gender,
    "kind": customers.c.kind,
    "income_band": customers.c.income_band,
    "education": customers.c.education,
    "risk_preference": customers.c.risk_preference,
    "occupation": customers.c.occupation,
    "home_branch": customers.c.home_branch,
    "tier": customers.c.tier,
    "lifecycle_stage": customers.c.lifecycle_stage,
    "birth_date": customers.c.birth_date,
    "rfm_recency_days": customer_scores.c.rfm_recency_days,
}


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def _compare(col: Any, op: str, value: Any) -> sa.ColumnElement[bool]:
    if op == "=":
        return col == value  # type: ignore[no-any-return]
    if op == "!=":
        return col != value  # type: ignore[no-any-return]
    if op == "<":
        return col < value  # type: ignore[no-any-return]
    if op == "<=":
        return col <= value  # type: ignore[no-any-return]
    if op == ">":
        return col > value  # type: ignore[no-any-return]
    if op == ">=":
        return col >= value  # type: ignore[no-any-return]
    raise InvalidValue(f"unknown operator {op!r}", field="rule")


def _age(op: str, years: int, today: date) -> sa.ColumnElement[bool]:
    """Age comparisons become birth-date comparisons (portable, and they use an index)."""
    born = customers.c.birth_date

    def at_least(n: int) -> sa.ColumnElement[bool]:  # age >= n
        return born <= _years_before(today, n)

    def at_most(n: int) -> sa.ColumnElement[bool]:  # age <= n
        return born > _years_before(today, n + 1)

    if op == ">=":
        return at_least(years)
    if op == ">":
        return at_least(years + 1)
    if op == "<=":
        return at_most(years)
    if op == "<":
        return at_most(years - 1)
    if op == "=":
        return sa.and_(at_least(years), at_most(years))
    if op == "!=":
        return sa.and_(born.is_not(None), sa.not_(sa.and_(at_least(years), at_most(years))))
    raise InvalidValue(f"unknown operator {op!r}", field="rule")


def _since(op: str, day: date) -> sa.ColumnElement[bool]:
    start = datetime.combine(day, time(0), tzinfo=UTC)
    end = start + timedelta(days=1)
    col = customers.c.created_at
    return {
        "=": sa.and_(col >= start, col < end),
        "!=": sa.or_(col < start, col >= end),
        "<": col < start,
        "<=": col < end,
        ">": col >= end,
        ">=": col >= start,
    }[op]


def _value(attr_name: str, raw: str) -> Any:
    attr = ATTRIBUTES[attr_name]
    if attr.type is AttrType.DATE:
        return date.fromisoformat(raw)
    if attr.type is AttrType.MONEY:
        return Decimal(raw)
    if attr.type is AttrType.NUMBER:
        return int(Decimal(raw)) if attr.integer else Decimal(raw)
    return raw


def _column(attr_name: str) -> Any:
    if attr_name in _SCORE_COLUMNS:
        col = _SCORE_COLUMNS[attr_name]
        return sa.type_coerce(sa.func.coalesce(col, 0), col.type)
    return _PROFILE_COLUMNS[attr_name]


def compile_rule(node: dict[str, Any], today: date) -> sa.ColumnElement[bool]:
    """A validated rule AST as a WHERE clause over customers LEFT JOIN customer_scores."""
    if "and" in node:
        return sa.and_(*(compile_rule(p, today) for p in node["and"]))
    if "or" in node:
        return sa.or_(*(compile_rule(p, today) for p in node["or"]))
    if "not" in node:
        return sa.not_(compile_rule(node["not"], today))
    if "holds" in node:
        code = node["holds"]
        return sa.exists(
            sa.select(holdings.c.id).where(
                holdings.c.customer_id == customers.c.id,
                holdings.c.status != "closed",
                sa.or_(holdings.c.category == code, holdings.c.product_code == code),
            )
        )
    name, op, raw = node["attr"], node["op"], node["value"]
    if name == "age":
        if op == "between":
            return sa.and_(_age(">=", int(Decimal(raw[0])), today), _age("<=", int(Decimal(raw[1])), today))
        if op in ("in", "not_in"):
            any_of = sa.or_(*(_age("=", int(Decimal(v)), today) for v in raw))
            return any_of if op == "in" else sa.and_(customers.c.birth_date.is_not(None), sa.not_(any_of))
        return _age(op, int(Decimal(raw)), today)
    if name == "customer_since":
        if op == "between":
            return sa.and_(_since(">=", date.fromisoformat(raw[0])), _since("<=", date.fromisoformat(raw[1])))
        if op in ("in", "not_in"):
            any_of = sa.or_(*(_since("=", date.fromisoformat(v)) for v in raw))
            return any_of if op == "in" else sa.not_(any_of)
        return _since(op, date.fromisoformat(raw))
    col = _column(name)
    if op == "between":
        return col.between(_value(name, raw[0]), _value(name, raw[1]))  # type: ignore[no-any-return]
    if op == "in":
        return col.in_([_value(name, v) for v in raw])  # type: ignore[no-any-return]
    if op == "not_in":
        return col.not_in([_value(name, v) for v in raw])  # type: ignore[no-any-return]
    return _compare(col, op, _value(name, raw))


def _population() -> sa.FromClause:
    return customers.outerjoin(customer_scores, customer_scores.c.customer_id == customers.c.id)


def matching(rule: dict[str, Any], today: date) -> sa.Select[Any]:
    return (
        sa.select(customers.c.id)
        .select_from(_population())
        .where(customers.c.merged_into.is_(None), compile_rule(rule, today))
    )


async def preview_count(conn: AsyncConnection, rule: dict[str, Any], today: date, scope: PortfolioScope) -> int:
    stmt = (
        sa.select(sa.func.count())
        .select_from(_population())
        .where(customers.c.merged_into.is_(None), compile_rule(rule, today), scope_filter(scope))
    )
    return int(await conn.scalar(stmt) or 0)


# ---------------------------------------------------------------- segments


def _segment_select() -> sa.Select[Any]:
    count = (
        sa.select(sa.func.count())
        .select_from(segment_members)
        .where(segment_members.c.segment_id == segments.c.id)
        .scalar_subquery()
    )
    return sa.select(
        segments,
        segment_details.c.description,
        segment_details.c.rule_text,
        segment_details.c.created_by,
        segment_details.c.updated_at,
        segment_details.c.refreshed_at,
        count.label("member_count"),
    ).select_from(segments.outerjoin(segment_details, segment_details.c.segment_id == segments.c.id))


async def get_segment(conn: AsyncConnection, segment_id: uuid.UUID) -> Any:
    return (await conn.execute(_segment_select().where(segments.c.id == segment_id))).first()


async def list_segments(conn: AsyncConnection, *, limit: int = 50, cursor: str | None = None) -> Page:
    after = decode_cursor(cursor, (str,))
    stmt = _segment_select()
    if after:
        stmt = stmt.where(segments.c.code > after[0])
    rows = list(await conn.execute(stmt.order_by(segments.c.code).limit(limit + 1)))
    more = len(rows) > limit
    rows = rows[:limit]
    return Page(rows, encode_cursor([rows[-1].code]) if more and rows else None)


async def add_segment(
    conn: AsyncConnection,
    *,
    segment_id: uuid.UUID,
    code: str,
    name: str,
    kind: str,
    rule: dict[str, Any] | None,
    rule_text: str | None,
    description: str | None,
    created_by: uuid.UUID | None,
    at: datetime,
) -> None:
    if await conn.scalar(sa.select(segments.c.id).where(segments.c.code == code)) is not None:
        raise Conflict(f"a segment with code {code!r} already exists", field="code")
    try:
        await conn.execute(
            sa.insert(segments).values(id=segment_id, code=code, name=name, kind=kind, rule=rule, created_at=at)
        )
    except IntegrityError:  # a concurrent create of the same code
        raise Conflict(f"a segment with code {code!r} already exists", field="code") from None
    await conn.execute(
        sa.insert(segment_details).values(
            segment_id=segment_id, description=description, rule_text=rule_text, created_by=created_by, updated_at=at
        )
    )


async def update_segment(
    conn: AsyncConnection,
    segment_id: uuid.UUID,
    *,
    name: str | None,
    description: str | None,
    rule: dict[str, Any] | None,
    rule_text: str | None,
    at: datetime,
    set_rule: bool,
) -> None:
    values: dict[str, Any] = {}
    if name is not None:
        values["name"] = name
    if set_rule:
        values["rule"] = rule
    if values:
        await conn.execute(sa.update(segments).where(segments.c.id == segment_id).values(**values))
    details: dict[str, Any] = {"updated_at": at}
    if description is not None:
        details["description"] = description
    if set_rule:
        details["rule_text"] = rule_text
    await conn.execute(sa.update(segment_details).where(segment_details.c.segment_id == segment_id).values(**details))


async def delete_segment(conn: AsyncConnection, segment_id: uuid.UUID) -> None:
    if await conn.scalar(sa.select(campaigns.c.id).where(campaigns.c.segment_id == segment_id).limit(1)):
        raise Conflict("a campaign was made for this segment: it is kept for the campaign's record")
    await conn.execute(sa.delete(segment_members).where(segment_members.c.segment_id == segment_id))
    await conn.execute(sa.delete(segment_details).where(segment_details.c.segment_id == segment_id))
    await conn.execute(sa.delete(segments).where(segments.c.id == segment_id))


async def refresh_members(
    conn: AsyncConnection,
    segment_id: uuid.UUID,
    rule: dict[str, Any],
    at: datetime,
    customer_ids: list[uuid.UUID] | None = None,
) -> None:
    """Make the members of a rule segment match its rule: for everyone, or just for `customer_ids`."""
    match = matching(rule, bank_day(at))
    leaving = sa.delete(segment_members).where(
        segment_members.c.segment_id == segment_id, segment_members.c.customer_id.not_in(match)
    )
    joining_select = match.add_columns(sa.literal(segment_id, sa.Uuid()), sa.literal(at, segment_members.c.since.type))
    joining_select = joining_select.where(
        ~sa.exists(
            sa.select(segment_members.c.customer_id).where(
                segment_members.c.segment_id == segment_id, segment_members.c.customer_id == customers.c.id
            )
        )
    )
    if customer_ids is not None:
        leaving = leaving.where(segment_members.c.customer_id.in_(customer_ids))
        joining_select = joining_select.where(customers.c.id.in_(customer_ids))
    await conn.execute(leaving)
    await conn.execute(sa.insert(segment_members).from_select(["customer_id", "segment_id", "since"], joining_select))
    if customer_ids is None:
        await conn.execute(
            sa.update(segment_details).where(segment_details.c.segment_id == segment_id).values(refreshed_at=at)
        )


async def refresh_rule_segments(conn: AsyncConnection, at: datetime, customer_ids: list[uuid.UUID] | None) -> int:
    rows = list(await conn.execute(sa.select(segments.c.id, segments.c.rule).where(segments.c.kind == "rule")))
    for row in rows:
        if row.rule:
            await refresh_members(conn, row.id, row.rule, at, customer_ids)
    return len(rows)


async def existing_customers(conn: AsyncConnection, ids: list[uuid.UUID], scope: PortfolioScope) -> set[uuid.UUID]:
    rows = await conn.execute(
        sa.select(customers.c.id).where(customers.c.id.in_(ids), customers.c.merged_into.is_(None), scope_filter(scope))
    )
    return {r.id for r in rows}


async def add_static_members(conn: AsyncConnection, segment_id: uuid.UUID, ids: list[uuid.UUID], at: datetime) -> int:
    present = {
        r.customer_id
        for r in await conn.execute(
            sa.select(segment_members.c.customer_id).where(
                segment_members.c.segment_id == segment_id, segment_members.c.customer_id.in_(ids)
            )
        )
    }
    new = [i for i in dict.fromkeys(ids) if i not in present]
    if new:
        await conn.execute(
            sa.insert(segment_members), [{"segment_id": segment_id, "customer_id": i, "since": at} for i in new]
        )
    return len(new)


async def remove_static_members(conn: AsyncConnection, segment_id: uuid.UUID, ids: list[uuid.UUID]) -> int:
    result = await conn.execute(
        sa.delete(segment_members).where(
            segment_members.c.segment_id == segment_id, segment_members.c.customer_id.in_(ids)
        )
    )
    return int(result.rowcount or 0)


async def members(
    conn: AsyncConnection, segment_id: uuid.UUID, scope: PortfolioScope, *, limit: int = 50, cursor: str | None = None
) -> Page:
    after = decode_cursor(cursor, (str,))
    stmt = (
        sa.select(
            customers.c.id,
            customers.c.customer_number,
            customers.c.name_zh,
            customers.c.name_latin,
            customers.c.phones,
            customers.c.tier,
            customers.c.lifecycle_stage,
            customers.c.home_branch,
            segment_members.c.since,
            customer_scores.c.aum,
            customer_scores.c.churn_risk,
        )
        .select_from(
            segment_members.join(customers, customers.c.id == segment_members.c.customer_id).outerjoin(
                customer_scores, customer_scores.c.customer_id == customers.c.id
            )
        )
        .where(segment_members.c.segment_id == segment_id, scope_filter(scope))
    )
    if after:
        stmt = stmt.where(customers.c.customer_number > after[0])
    rows = list(await conn.execute(stmt.order_by(customers.c.customer_number).limit(limit + 1)))
    more = len(rows) > limit
    rows = rows[:limit]
    return Page(rows, encode_cursor([rows[-1].customer_number]) if more and rows else None)
