"""Read side of the call-center context: a handful of indexed queries on one connection, no ORM.

Every statement here is cached by SQLAlchemy after its first compile; the bench (bench/context) runs the
same statements through pgbench as the floor.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

import orjson
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.db.engine import driver_connection, writer
from adapters.db.tables import customer_identities, customers, holdings, interactions, products, segment_members, users
from adapters.db.tables import segments as segments_t
from adapters.db.tables_campaigns import campaign_members, campaigns
from adapters.db.tables_contact import cases, peer_product_rates
from adapters.db.tables_value import alerts, customer_scores
from adapters.db.types import UTCDateTime
from domain.calendar import bank_day
from domain.contact_center import (
    COMPLAINT_RECENT_DAYS,
    AlertFact,
    CallerLookup,
    CampaignFact,
    CaseFact,
    CustomerFacts,
    HoldingFact,
    PeerRate,
    ProductFact,
    age_band,
    case_overdue,
)
from domain.customers import RiskPreference
from domain.privacy import mask_account
from domain.services.contact_center import ContextSnapshot

log = logging.getLogger("bank_crm.contact_center")

RECENT_INTERACTIONS = 10
MAX_CANDIDATES = 20
OPEN_ALERT_STATUSES = ("open", "acknowledged")
# Payload fields worth showing an agent in the recent-interactions list (never the caller's raw number).
_DETAIL_KEYS = ("disposition", "notes", "satisfaction", "queue", "agent_id", "duration_s", "merchant_name", "location")

_rm = users.alias("rm")

_FIND = (
    sa.select(
        customers.c.id,
        customers.c.customer_number,
        customers.c.kind,
        customers.c.name_zh,
        customers.c.name_latin,
        customers.c.birth_date,
        customers.c.id_type,
        customers.c.id_number,
        customers.c.phones,
        customers.c.emails,
        customers.c.income_band,
        customers.c.risk_preference,
        customers.c.preferred_language,
        customers.c.marketing_consent,
        customers.c.home_branch,
        customers.c.relationship_manager_id,
        customers.c.lifecycle_stage,
        customers.c.tier,
        customers.c.provisional,
        _rm.c.display_name.label("rm_name"),
        _rm.c.username.label("rm_username"),
        _rm.c.email.label("rm_email"),
        _rm.c.phone.label("rm_phone"),
        _rm.c.branch_code.label("rm_branch"),
        customer_scores.c.currency.label("score_currency"),
        customer_scores.c.aum,
        customer_scores.c.deposit_balance,
        customer_scores.c.loan_balance,
        customer_scores.c.contribution_monthly,
        customer_scores.c.churn_risk,
        customer_scores.c.churn_drivers,
        customer_scores.c.value_drivers,
        customer_scores.c.tier_reason,
        customer_scores.c.lifecycle_reason,
        customer_scores.c.scored_at,
    )
    .select_from(
        customer_identities.join(customers, customers.c.id == customer_identities.c.customer_id)
        .outerjoin(_rm, _rm.c.id == customers.c.relationship_manager_id)
        .outerjoin(customer_scores, customer_scores.c.customer_id == customers.c.id)
    )
    .where(
        customer_identities.c.source == sa.bindparam("source"),
        customer_identities.c.key.in_(sa.bindparam("keys", expanding=True)),
        customers.c.merged_into.is_(None),
    )
    .order_by(customers.c.customer_number)
    .limit(MAX_CANDIDATES)
)

_SEGMENTS = (
    sa.select(segments_t.c.code, segments_t.c.name)
    .join(segment_members, segment_members.c.segment_id == segments_t.c.id)
    .where(segment_members.c.customer_id == sa.bindparam("cid"))
    .order_by(segments_t.c.code)
)

_HOLDINGS = (
    sa.select(
        holdings.c.id,
        holdings.c.account_number,
        holdings.c.product_code,
        products.c.name.label("product_name"),
        products.c.name_zh.label("product_name_zh"),
        holdings.c.category,
        holdings.c.status,
        holdings.c.balance,
        holdings.c.currency,
        holdings.c.credit_limit,
        holdings.c.rate,
        holdings.c.opened_on,
        holdings.c.maturity_date,
        holdings.c.balance_as_of,
    )
    .join(products, products.c.code == holdings.c.product_code)
    .where(holdings.c.customer_id == sa.bindparam("cid"), holdings.c.status != "closed")
    .order_by(holdings.c.maturity_date.is_(None), holdings.c.maturity_date, holdings.c.account_number)
)

_INTERACTION_COLUMNS = (
    interactions.c.id,
    interactions.c.channel,
    interactions.c.type,
    interactions.c.direction,
    interactions.c.occurred_at,
    interactions.c.actor,
    interactions.c.summary,
    interactions.c.outcome,
    interactions.c.amount,
    interactions.c.currency,
    interactions.c.source_ref,
    interactions.c.payload,
)

# Served by ix_interactions_customer_time (customer_id, occurred_at, id): an index scan backwards, 10 rows.
_RECENT = (
    sa.select(*_INTERACTION_COLUMNS)
    .where(interactions.c.customer_id == sa.bindparam("cid"))
    .order_by(interactions.c.occurred_at.desc(), interactions.c.id.desc())
    .limit(RECENT_INTERACTIONS)
)

# Who logged a case by hand (none for a complaint a feed reported).
_CASE_OPENER = sa.select(users.c.username).where(users.c.id == cases.c.opened_by).scalar_subquery()
_CASES = (
    sa.select(
        cases.c.id,
        cases.c.kind,
        cases.c.status,
        cases.c.subject,
        cases.c.channel,
        cases.c.opened_at,
        cases.c.sla_due_at,
        cases.c.closed_at,
        cases.c.satisfaction,
        cases.c.resolution,
        _CASE_OPENER.label("opened_by_username"),
    )
    .where(
        cases.c.customer_id == sa.bindparam("cid"),
        sa.or_(cases.c.status == "open", cases.c.opened_at >= sa.bindparam("recent_since")),
    )
    .order_by(cases.c.opened_at.desc())
    .limit(20)
)

# The running campaigns that have the customer in their target group (their offers are next best actions).
_CAMPAIGNS = (
    sa.select(
        campaigns.c.id.label("campaign_id"),
        campaigns.c.name,
        campaigns.c.product_code,
        products.c.name.label("product_name"),
        products.c.name_zh.label("product_name_zh"),
        products.c.category,
        campaigns.c.ends_on,
        campaign_members.c.response,
    )
    .join(campaigns, campaigns.c.id == campaign_members.c.campaign_id)
    .join(products, products.c.code == campaigns.c.product_code)
    .where(
        campaign_members.c.customer_id == sa.bindparam("cid"),
        campaign_members.c.grp == "target",
        campaigns.c.status == "active",
        campaigns.c.ends_on >= sa.bindparam("today"),
    )
    .order_by(campaigns.c.ends_on, campaigns.c.id)
)

_ALERTS = (
    sa.select(
        alerts.c.id,
        alerts.c.kind,
        alerts.c.severity,
        alerts.c.title,
        alerts.c.detail,
        alerts.c.status,
        alerts.c.raised_at,
        alerts.c.data,
    )
    .where(alerts.c.customer_id == sa.bindparam("cid"), alerts.c.status.in_(OPEN_ALERT_STATUSES))
    .order_by(alerts.c.raised_at.desc())
    .limit(20)
)

_PEER_RATES = sa.select(
    peer_product_rates.c.tier,
    peer_product_rates.c.age_band,
    peer_product_rates.c.income_band,
    peer_product_rates.c.category,
    peer_product_rates.c.peers,
    peer_product_rates.c.holders,
).order_by(peer_product_rates.c.category)

_CATALOGUE = sa.select(
    products.c.code, products.c.name, products.c.category, products.c.risk_level, products.c.name_zh
).where(products.c.active.is_(True))


def _iso(v: Any) -> str | None:
    return None if v is None else v.isoformat()


def _dec(v: Any) -> str | None:
    return None if v is None else format(v, "f")


def interaction_json(r: Any) -> dict[str, Any]:
    payload = r.payload or {}
    return {
        "id": str(r.id),
        "channel": r.channel,
        "type": r.type,
        "direction": r.direction,
        "occurred_at": r.occurred_at.isoformat(),
        "actor": r.actor,
        "summary": r.summary,
        "outcome": r.outcome,
        "amount": _dec(r.amount),
        "currency": r.currency,
        "source_ref": r.source_ref,
        "details": {k: payload[k] for k in _DETAIL_KEYS if k in payload},
    }


def alert_json(r: Any) -> dict[str, Any]:
    return {
        "id": str(r.id),
        "kind": r.kind,
        "severity": r.severity,
        "title": r.title,
        "detail": r.detail,
        "status": r.status,
        "raised_at": r.raised_at.isoformat(),
        "data": r.data if isinstance(r.data, dict) else {},
    }


def case_json(r: Any, now: datetime) -> dict[str, Any]:
    return {
        "id": str(r.id),
        "kind": r.kind,
        "status": r.status,
        "subject": r.subject,
        "channel": r.channel,
        "opened_at": r.opened_at.isoformat(),
        "sla_due_at": _iso(r.sla_due_at),
        "overdue": case_overdue(r.status, r.sla_due_at, now),
        "closed_at": _iso(r.closed_at),
        "satisfaction": r.satisfaction,
        "resolution": r.resolution,
        "opened_by_username": r.opened_by_username,
    }


def holding_json(r: Any, today: date) -> dict[str, Any]:
    return {
        "id": str(r.id),
        "account_number": r.account_number,
        "product_code": r.product_code,
        "product_name": r.product_name,
        "product_name_zh": r.product_name_zh,
        "category": r.category,
        "status": r.status,
        "balance": _dec(r.balance),
        "currency": r.currency,
        "credit_limit": _dec(r.credit_limit),
        "rate": _dec(r.rate),
        "opened_on": _iso(r.opened_on),
        "maturity_date": _iso(r.maturity_date),
        "days_to_maturity": (r.maturity_date - today).days if r.maturity_date else None,
        "balance_as_of": _iso(r.balance_as_of),
    }


def _utc(column: str) -> str:
    return f"to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US')"


# The five per-customer reads of _SEGMENTS, _HOLDINGS, _RECENT, _CASES and _ALERTS as one PostgreSQL statement:
# the same indexed lookups, each aggregated to JSON (amounts as exact text, times as UTC text).
_PG_SNAPSHOT = sa.text(
    f"""
SELECT
 (SELECT coalesce(json_agg(json_build_object('code', s.code, 'name', s.name) ORDER BY s.code), '[]'::json)
    FROM segment_members m JOIN segments s ON s.id = m.segment_id WHERE m.customer_id = :cid) AS segments,
 (SELECT coalesce(json_agg(x ORDER BY x.maturity_date IS NULL, x.maturity_date, x.account_number), '[]'::json)
    FROM (SELECT h.id, h.account_number, h.product_code, p.name AS product_name, p.name_zh AS product_name_zh,
                 h.category, h.status, h.balance::text AS balance, h.currency, h.credit_limit::text AS credit_limit,
                 h.rate::text AS rate, h.opened_on, h.maturity_date, {_utc("h.balance_as_of")} AS balance_as_of
            FROM holdings h JOIN products p ON p.code = h.product_code
           WHERE h.customer_id = :cid AND h.status <> 'closed') x) AS holdings,
 (SELECT coalesce(json_agg(x ORDER BY x.at DESC, x.id DESC), '[]'::json)
    FROM (SELECT i.occurred_at AS at, i.id, i.channel, i.type, i.direction, {_utc("i.occurred_at")} AS occurred_at,
                 i.actor, i.summary, i.outcome, i.amount::text AS amount, i.currency, i.source_ref, i.payload
            FROM interactions i WHERE i.customer_id = :cid
           ORDER BY i.occurred_at DESC, i.id DESC LIMIT {RECENT_INTERACTIONS}) x) AS recent,
 (SELECT coalesce(json_agg(x ORDER BY x.at DESC), '[]'::json)
    FROM (SELECT c.opened_at AS at, c.id, c.kind, c.status, c.subject, c.channel, {_utc("c.opened_at")} AS opened_at,
                 {_utc("c.sla_due_at")} AS sla_due_at, {_utc("c.closed_at")} AS closed_at, c.satisfaction,
                 c.resolution, (SELECT u.username FROM users u WHERE u.id = c.opened_by) AS opened_by_username
            FROM cases c WHERE c.customer_id = :cid AND (c.status = 'open' OR c.opened_at >= :recent_since)
           ORDER BY c.opened_at DESC LIMIT 20) x) AS cases,
 (SELECT coalesce(json_agg(x ORDER BY x.at DESC), '[]'::json)
    FROM (SELECT a.raised_at AS at, a.id, a.kind, a.severity, a.title, a.detail, a.status,
                 {_utc("a.raised_at")} AS raised_at, a.data
            FROM alerts a WHERE a.customer_id = :cid AND a.status IN ('open', 'acknowledged')
           ORDER BY a.raised_at DESC LIMIT 20) x) AS alerts
"""
).bindparams(sa.bindparam("cid", type_=sa.Uuid), sa.bindparam("recent_since", type_=UTCDateTime))

_TIMES = ("balance_as_of", "occurred_at", "opened_at", "sla_due_at", "closed_at", "raised_at")
_AMOUNTS = ("balance", "credit_limit", "rate", "amount")
_DATES = ("opened_on", "maturity_date")


def _typed(item: dict[str, Any]) -> SimpleNamespace:
    """A JSON row back to the types the SQLAlchemy rows carry, so one set of shaping functions serves both."""
    item["id"] = uuid.UUID(item["id"])
    for name in _TIMES:
        if item.get(name) is not None:
            item[name] = datetime.fromisoformat(item[name]).replace(tzinfo=UTC)
    for name in _AMOUNTS:
        if item.get(name) is not None:
            item[name] = Decimal(item[name])
    for name in _DATES:
        if item.get(name) is not None:
            item[name] = date.fromisoformat(item[name])
    return SimpleNamespace(**item)


async def _pg_snapshot(
    conn: AsyncConnection, cid: uuid.UUID, recent_since: datetime
) -> tuple[list[dict[str, str]], list[Any], list[Any], list[Any], list[Any]]:
    row = (await conn.execute(_PG_SNAPSHOT, {"cid": cid, "recent_since": recent_since})).one()

    def rows(value: Any) -> list[Any]:
        items = json.loads(value) if isinstance(value, str) else value
        return [_typed(i) for i in items]

    segments = row.segments if isinstance(row.segments, list) else json.loads(row.segments)
    return segments, rows(row.holdings), rows(row.recent), rows(row.cases), rows(row.alerts)


class _CatalogueCache:
    """Active products change rarely: kept per process for a minute rather than read on every call."""

    ttl_s = 60.0

    def __init__(self) -> None:
        self._at = 0.0
        self._items: tuple[ProductFact, ...] = ()

    async def get(self, conn: AsyncConnection) -> tuple[ProductFact, ...]:
        if time.monotonic() - self._at > self.ttl_s:
            rows = await conn.execute(_CATALOGUE)
            self._items = tuple(ProductFact(r.code, r.name, r.category, r.risk_level, r.name_zh) for r in rows)
            self._at = time.monotonic()
        return self._items

    def clear(self) -> None:
        self._at = 0.0


catalogue_cache = _CatalogueCache()


class _PeerRateCache:
    """The look-alike rates, kept per process and read again when a minute old.

    The table is small (a row per tier, age band, income band and product category held: a few hundred) and is
    recomputed at most once a day (PeerRateRefresher), so reading a customer's cohort from it on every call was
    pure cost: a quarter of PostgreSQL's time per context read (bench/context/README.md). A recomputation in this
    process is seen at once; one in another process within a minute.
    """

    ttl_s = 60.0

    def __init__(self) -> None:
        self._at = float("-inf")
        self._rates: dict[tuple[str, str, str], tuple[PeerRate, ...]] = {}

    async def get(self, conn: AsyncConnection, tier: str, age_band: str, income_band: str) -> tuple[PeerRate, ...]:
        if time.monotonic() - self._at > self.ttl_s:
            cohorts: dict[tuple[str, str, str], list[PeerRate]] = {}
            for r in await conn.execute(_PEER_RATES):
                cohorts.setdefault((r.tier, r.age_band, r.income_band), []).append(
                    PeerRate(r.category, r.peers, r.holders)
                )
            self._rates = {k: tuple(v) for k, v in cohorts.items()}
            self._at = time.monotonic()
        return self._rates.get((tier, age_band, income_band), ())

    def clear(self) -> None:
        self._at = float("-inf")


peer_rate_cache = _PeerRateCache()


class SqlCallerContextReader:
    """The CallerContextReader port over one connection, through SQLAlchemy: SQLite (and the reference on both)."""

    def __init__(self, conn: AsyncConnection) -> None:
        self._conn = conn

    async def find_callers(self, lookup: CallerLookup, now: datetime) -> list[dict[str, Any]]:
        rows = await self._conn.execute(_FIND, {"source": lookup.source.value, "keys": lookup.identity_keys()})
        found: dict[uuid.UUID, dict[str, Any]] = {}
        for r in rows:  # one customer may hold the same number on two document types
            found.setdefault(r.id, dict(r._mapping))
        return list(found.values())

    async def snapshot(self, customer: dict[str, Any], now: datetime) -> ContextSnapshot:
        conn = self._conn
        cid: uuid.UUID = customer["id"]
        today = bank_day(now)
        params = {"cid": cid}
        recent_since = now - timedelta(days=COMPLAINT_RECENT_DAYS)
        if conn.dialect.name == "postgresql":
            # One round trip instead of five (see _PG_SNAPSHOT).
            segments, holding_rows, interaction_rows, case_rows, alert_rows = await _pg_snapshot(
                conn, cid, recent_since
            )
        else:
            segments = [{"code": r.code, "name": r.name} for r in await conn.execute(_SEGMENTS, params)]
            holding_rows = list(await conn.execute(_HOLDINGS, params))
            interaction_rows = list(await conn.execute(_RECENT, params))
            case_rows = list(await conn.execute(_CASES, {"cid": cid, "recent_since": recent_since}))
            alert_rows = list(await conn.execute(_ALERTS, params))
        recent = [interaction_json(r) for r in interaction_rows]

        consent = bool((customer["marketing_consent"] or {}).get("phone", False))
        peer_rates: tuple[PeerRate, ...] = ()
        catalogue: tuple[ProductFact, ...] = ()
        band = age_band(customer["birth_date"], today)
        offers: tuple[CampaignFact, ...] = ()
        if consent:  # offers are only ever made with consent: skip their queries otherwise
            peer_rates = await peer_rate_cache.get(conn, customer["tier"], band, customer["income_band"] or "unknown")
            catalogue = await catalogue_cache.get(conn)
            offers = tuple(
                CampaignFact(
                    r.campaign_id,
                    r.name,
                    r.product_code,
                    r.product_name,
                    r.product_name_zh,
                    r.category,
                    r.ends_on,
                    r.response,
                )
                for r in await conn.execute(_CAMPAIGNS, {"cid": cid, "today": today})
            )

        risk = customer["risk_preference"]
        facts = CustomerFacts(
            risk_preference=RiskPreference(risk) if risk else None,
            consents_to_phone_offers=consent,
            holdings=tuple(
                HoldingFact(
                    r.id,
                    mask_account(r.account_number),
                    r.product_code,
                    r.product_name,
                    r.category,
                    r.status,
                    r.balance,
                    r.currency,
                    r.maturity_date,
                )
                for r in holding_rows
            ),
            open_alerts=tuple(AlertFact(r.id, r.kind, r.severity, r.title, r.raised_at) for r in alert_rows),
            cases=tuple(CaseFact(r.id, r.kind, r.status, r.subject, r.opened_at, r.sla_due_at) for r in case_rows),
            peer_rates=peer_rates,
            catalogue=catalogue,
            campaigns=offers,
        )
        return ContextSnapshot(
            customer=_customer_json(customer, segments, band, today),
            value=_value_json(customer),
            holdings=[holding_json(r, today) for r in holding_rows],
            recent_interactions=recent,
            open_cases=[case_json(r, now) for r in case_rows],
            alerts=[alert_json(r) for r in alert_rows],
            facts=facts,
        )


# --- PostgreSQL: the same reads on the driver's connection -----------------------------------------------------
#
# The call-center context is the hot read (bench/context). On PostgreSQL it skips SQLAlchemy's execution and
# result layers: asyncpg prepared statements on the request's own connection (so inside whatever transaction
# SQLAlchemy has open on it), and PostgreSQL shapes each holding, interaction, case and alert as the very JSON
# object the answer carries (the SqlCallerContextReader's output, field for field, in the same order; the
# integration tests compare the two). The caller lookup and the unique caller's snapshot are one statement.


def _iso_sql(column: str) -> str:
    """A timestamptz as Python's isoformat() of the UTC datetime writes it (microseconds only when not 0)."""
    utc = f"({column} AT TIME ZONE 'UTC')"
    return (
        f"to_char({utc}, 'YYYY-MM-DD\"T\"HH24:MI:SS') "
        f"|| CASE to_char({utc}, 'US') WHEN '000000' THEN '' ELSE to_char({utc}, '.US') END || '+00:00'"
    )


def _pg_snapshot_sql(cid: str, today: str, now: str, recent_since: str) -> str:
    """The five per-customer reads as JSON texts; `cid` and the others are SQL expressions (a column, a $n)."""
    return f"""
 (SELECT coalesce(json_agg(json_build_object('code', s.code, 'name', s.name) ORDER BY s.code), '[]')::text
    FROM segment_members m JOIN segments s ON s.id = m.segment_id WHERE m.customer_id = {cid}) AS segments,
 (SELECT coalesce(json_agg(json_build_object(
           'id', h.id, 'account_number', h.account_number, 'product_code', h.product_code, 'product_name', p.name,
           'product_name_zh', p.name_zh, 'category', h.category, 'status', h.status, 'balance', h.balance::text,
           'currency', h.currency, 'credit_limit', h.credit_limit::text, 'rate', h.rate::text,
           'opened_on', h.opened_on, 'maturity_date', h.maturity_date,
           'days_to_maturity', h.maturity_date - {today}, 'balance_as_of', {_iso_sql("h.balance_as_of")})
         ORDER BY h.maturity_date IS NULL, h.maturity_date, h.account_number), '[]')::text
    FROM holdings h JOIN products p ON p.code = h.product_code
   WHERE h.customer_id = {cid} AND h.status <> 'closed') AS holdings,
 (SELECT coalesce(json_agg(json_build_object(
           'id', i.id, 'channel', i.channel, 'type', i.type, 'direction', i.direction,
           'occurred_at', {_iso_sql("i.occurred_at")}, 'actor', i.actor, 'summary', i.summary, 'outcome', i.outcome,
           'amount', i.amount::text, 'currency', i.currency, 'source_ref', i.source_ref, 'details', i.payload)
         ORDER BY i.occurred_at DESC, i.id DESC), '[]')::text
    FROM (SELECT * FROM interactions i WHERE i.customer_id = {cid}
           ORDER BY i.occurred_at DESC, i.id DESC LIMIT {RECENT_INTERACTIONS}) i) AS recent,
 (SELECT coalesce(json_agg(json_build_object(
           'id', c.id, 'kind', c.kind, 'status', c.status, 'subject', c.subject, 'channel', c.channel,
           'opened_at', {_iso_sql("c.opened_at")}, 'sla_due_at', {_iso_sql("c.sla_due_at")},
           'overdue', coalesce(c.status = 'open' AND c.sla_due_at < {now}, false),
           'closed_at', {_iso_sql("c.closed_at")}, 'satisfaction', c.satisfaction,
           'resolution', c.resolution,
           'opened_by_username', (SELECT u.username FROM users u WHERE u.id = c.opened_by))
         ORDER BY c.opened_at DESC), '[]')::text
    FROM (SELECT * FROM cases c WHERE c.customer_id = {cid} AND (c.status = 'open' OR c.opened_at >= {recent_since})
           ORDER BY c.opened_at DESC LIMIT 20) c) AS cases,
 (SELECT coalesce(json_agg(json_build_object(
           'id', a.id, 'kind', a.kind, 'severity', a.severity, 'title', a.title, 'detail', a.detail,
           'status', a.status, 'raised_at', {_iso_sql("a.raised_at")}, 'data', a.data)
         ORDER BY a.raised_at DESC), '[]')::text
    FROM (SELECT * FROM alerts a WHERE a.customer_id = {cid} AND a.status IN ('open', 'acknowledged')
           ORDER BY a.raised_at DESC LIMIT 20) a) AS alerts,
 (SELECT coalesce(json_agg(json_build_object(
           'campaign_id', ca.id, 'name', ca.name, 'product_code', ca.product_code, 'product_name', p.name,
           'product_name_zh', p.name_zh, 'category', p.category, 'ends_on', ca.ends_on, 'response', cm.response)
         ORDER BY ca.ends_on, ca.id), '[]')::text
    FROM campaign_members cm JOIN campaigns ca ON ca.id = cm.campaign_id JOIN products p ON p.code = ca.product_code
   WHERE cm.customer_id = {cid} AND cm.grp = 'target' AND ca.status = 'active' AND ca.ends_on >= {today})
   AS campaigns"""


# The caller lookup (_FIND's columns; JSON documents as text, parsed here) and, when it found exactly one customer,
# that customer's snapshot in the same round trip. $1 source, $2 keys, $3 today, $4 now, $5 recent_since.
# The look-alike rates come from the process's copy (peer_rate_cache). (No SQL comments inside: pgbench gets the
# statement on one line.
# The keys are text[], not varchar[]: asyncpg decodes text[] without a type-introspection query on every new
# connection, 10-20 ms each, which pools under load open all the time.)
_PG_CALLERS = f"""
WITH found AS (
 SELECT c.id, c.customer_number, c.kind, c.name_zh, c.name_latin, c.birth_date, c.id_type, c.id_number,
        c.phones::text AS phones, c.income_band, c.risk_preference, c.preferred_language,
        c.marketing_consent::text AS marketing_consent, c.home_branch,
        c.relationship_manager_id, c.lifecycle_stage,
        c.tier, c.provisional, rm.display_name AS rm_name, rm.username AS rm_username, rm.email AS rm_email,
        rm.phone AS rm_phone, rm.branch_code AS rm_branch, sc.currency AS score_currency, sc.aum, sc.deposit_balance,
        sc.loan_balance, sc.contribution_monthly, sc.churn_risk, sc.churn_drivers::text AS churn_drivers,
        sc.value_drivers::text AS value_drivers, sc.tier_reason, sc.lifecycle_reason, sc.scored_at
   FROM customer_identities ci
   JOIN customers c ON c.id = ci.customer_id
   LEFT JOIN users rm ON rm.id = c.relationship_manager_id
   LEFT JOIN customer_scores sc ON sc.customer_id = c.id
  WHERE ci.source = $1 AND ci.key = ANY($2::text[]) AND c.merged_into IS NULL
  ORDER BY c.customer_number
  LIMIT {MAX_CANDIDATES}
)
SELECT f.id, f.customer_number, f.kind, f.name_zh, f.name_latin, f.birth_date, f.id_type, f.id_number, f.phones,
       f.income_band, f.risk_preference, f.preferred_language, f.marketing_consent, f.home_branch,
       f.relationship_manager_id, f.lifecycle_stage, f.tier, f.provisional, f.rm_name, f.rm_username, f.rm_email,
       f.rm_phone, f.rm_branch, f.score_currency, f.aum, f.deposit_balance, f.loan_balance, f.contribution_monthly,
       f.churn_risk, f.churn_drivers, f.value_drivers, f.tier_reason, f.lifecycle_reason, f.scored_at, snap.*
  FROM found f
  LEFT JOIN LATERAL (
   SELECT {_pg_snapshot_sql("f.id", "$3::date", "$4::timestamptz", "$5::timestamptz")}
    WHERE NOT EXISTS (SELECT 1 FROM found other WHERE other.id <> f.id)
  ) snap ON true
 ORDER BY f.customer_number
"""

# One customer's snapshot alone (a lookup that found several, of whom the caller may see only one).
_PG_SNAPSHOT_ONLY = f"SELECT {_pg_snapshot_sql('$1::uuid', '$2::date', '$3::timestamptz', '$4::timestamptz')}"

_CALLER_JSON = ("phones", "marketing_consent", "churn_drivers", "value_drivers")
_SNAPSHOT_PARTS = ("segments", "holdings", "recent", "cases", "alerts", "campaigns")


def _from_json(text: str | None) -> Any:
    """Parse a JSON text PostgreSQL wrote: orjson (a fifth of the standard library's time), or the standard library
    for what orjson refuses (an integer beyond 64 bits in a payload), which reads every number exactly."""
    if text is None:
        return None
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


class PgCallerContextReader:
    """The CallerContextReader port on PostgreSQL, straight on asyncpg (see the section comment above)."""

    def __init__(self, conn: AsyncConnection, driver: Any) -> None:
        self._conn = conn
        self._driver = driver  # the asyncpg connection under `conn`
        self._snapshots: dict[uuid.UUID, Any] = {}

    async def find_callers(self, lookup: CallerLookup, now: datetime) -> list[dict[str, Any]]:
        rows = await self._driver.fetch(
            _PG_CALLERS,
            lookup.source.value,
            lookup.identity_keys(),
            bank_day(now),
            now,
            now - timedelta(days=COMPLAINT_RECENT_DAYS),
        )
        found: dict[uuid.UUID, dict[str, Any]] = {}
        for r in rows:  # one customer may hold the same number on two document types
            cid = uuid.UUID(bytes=r["id"].bytes)  # asyncpg's own UUID type: the plain one, as SQLAlchemy gives
            if cid in found:
                continue
            caller = dict(r)
            parts = {name: caller.pop(name) for name in _SNAPSHOT_PARTS}
            if parts["segments"] is not None:  # the lookup found this one customer: their snapshot came along
                self._snapshots[cid] = parts
            caller["id"] = cid
            rm_id = caller["relationship_manager_id"]
            caller["relationship_manager_id"] = None if rm_id is None else uuid.UUID(bytes=rm_id.bytes)
            for name in _CALLER_JSON:
                caller[name] = _from_json(caller[name])
            found[cid] = caller
        return list(found.values())

    async def snapshot(self, customer: dict[str, Any], now: datetime) -> ContextSnapshot:
        cid: uuid.UUID = customer["id"]
        today = bank_day(now)
        parts = self._snapshots.get(cid)
        if parts is None:
            parts = await self._driver.fetchrow(
                _PG_SNAPSHOT_ONLY, cid, today, now, now - timedelta(days=COMPLAINT_RECENT_DAYS)
            )
        holdings_out: list[dict[str, Any]] = _from_json(parts["holdings"])
        recent: list[dict[str, Any]] = _from_json(parts["recent"])
        cases_out: list[dict[str, Any]] = _from_json(parts["cases"])
        alerts_out: list[dict[str, Any]] = _from_json(parts["alerts"])
        for item in recent:
            payload = item["details"] or {}
            item["details"] = {k: payload[k] for k in _DETAIL_KEYS if k in payload}

        consent = bool((customer["marketing_consent"] or {}).get("phone", False))
        peer_rates: tuple[PeerRate, ...] = ()
        catalogue: tuple[ProductFact, ...] = ()
        band = age_band(customer["birth_date"], today)
        offers: tuple[CampaignFact, ...] = ()
        if consent:  # offers are only ever made with consent: skip their queries otherwise
            peer_rates = await peer_rate_cache.get(
                self._conn, customer["tier"], band, customer["income_band"] or "unknown"
            )
            catalogue = await catalogue_cache.get(self._conn)
            offers = tuple(
                CampaignFact(
                    uuid.UUID(c["campaign_id"]),
                    c["name"],
                    c["product_code"],
                    c["product_name"],
                    c["product_name_zh"],
                    c["category"],
                    date.fromisoformat(c["ends_on"]),
                    c["response"],
                )
                for c in _from_json(parts["campaigns"])
            )

        risk = customer["risk_preference"]
        facts = CustomerFacts(
            risk_preference=RiskPreference(risk) if risk else None,
            consents_to_phone_offers=consent,
            holdings=tuple(
                HoldingFact(
                    uuid.UUID(h["id"]),
                    mask_account(h["account_number"]),
                    h["product_code"],
                    h["product_name"],
                    h["category"],
                    h["status"],
                    Decimal(h["balance"]),
                    h["currency"],
                    None if h["maturity_date"] is None else date.fromisoformat(h["maturity_date"]),
                )
                for h in holdings_out
            ),
            open_alerts=tuple(
                AlertFact(
                    uuid.UUID(a["id"]), a["kind"], a["severity"], a["title"], datetime.fromisoformat(a["raised_at"])
                )
                for a in alerts_out
            ),
            cases=tuple(
                CaseFact(
                    uuid.UUID(c["id"]),
                    c["kind"],
                    c["status"],
                    c["subject"],
                    datetime.fromisoformat(c["opened_at"]),
                    None if c["sla_due_at"] is None else datetime.fromisoformat(c["sla_due_at"]),
                )
                for c in cases_out
            ),
            peer_rates=peer_rates,
            catalogue=catalogue,
            campaigns=offers,
        )
        return ContextSnapshot(
            customer=_customer_json(customer, _from_json(parts["segments"]), band, today),
            value=_value_json(customer),
            holdings=holdings_out,
            recent_interactions=recent,
            open_cases=cases_out,
            alerts=alerts_out,
            facts=facts,
        )


async def caller_context_reader(conn: AsyncConnection) -> SqlCallerContextReader | PgCallerContextReader:
    """The fastest reader this connection's database allows."""
    if conn.dialect.name == "postgresql":
        return PgCallerContextReader(conn, await driver_connection(conn))
    return SqlCallerContextReader(conn)


def _customer_json(c: dict[str, Any], segments: list[dict[str, str]], band: str, today: date) -> dict[str, Any]:
    """The customer as the context shows them; `segments`: their segments' codes and names, by code."""
    birth: date | None = c["birth_date"]
    rm = None
    if c["relationship_manager_id"] is not None:
        # How to reach the RM: their work phone and email are not customer PII and stay in full.
        rm = {
            "id": str(c["relationship_manager_id"]),
            "username": c["rm_username"],
            "display_name": c["rm_name"],
            "phone": c["rm_phone"],
            "email": c["rm_email"],
            "branch": c["rm_branch"],
        }
    return {
        "id": c["id"],
        "customer_number": c["customer_number"],
        "kind": c["kind"],
        "name_zh": c["name_zh"],
        "name_latin": c["name_latin"],
        "phones": list(c["phones"] or []),
        "id_document": None if not c["id_type"] else {"type": c["id_type"], "number": c["id_number"]},
        "birth_year": birth.year if birth else None,
        "age_band": band,
        "income_band": c["income_band"],
        "risk_preference": c["risk_preference"],
        "preferred_language": c["preferred_language"],
        "marketing_consent": dict(c["marketing_consent"] or {}),
        "home_branch": c["home_branch"],
        "tier": c["tier"],
        "segments": [s["code"] for s in segments],
        "segment_names": {s["code"]: s["name"] for s in segments},
        "lifecycle_stage": c["lifecycle_stage"],
        "provisional": bool(c["provisional"]),
        "relationship_manager": rm,
    }


def _value_json(c: dict[str, Any]) -> dict[str, Any] | None:
    if c["scored_at"] is None:
        return None
    return {
        "currency": c["score_currency"],
        "aum": _dec(c["aum"]),
        "deposit_balance": _dec(c["deposit_balance"]),
        "loan_balance": _dec(c["loan_balance"]),
        "contribution_monthly": _dec(c["contribution_monthly"]),
        "churn_risk": _dec(c["churn_risk"]),
        "churn_drivers": c["churn_drivers"] or [],
        "value_drivers": c["value_drivers"] or [],
        "tier_reason": c["tier_reason"],
        "lifecycle_reason": c["lifecycle_reason"],
        "scored_at": c["scored_at"].isoformat(),
    }


# --- look-alike rates ----------------------------------------------------------------------------------------


def _age_band_sql(today: date) -> sa.ColumnElement[str]:
    def years_ago(n: int) -> date:
        try:
            return today.replace(year=today.year - n)
        except ValueError:  # 29 February
            return today.replace(year=today.year - n, day=28)

    born = customers.c.birth_date
    return sa.case(
        (born.is_(None), "unknown"),
        (born > years_ago(25), "under_25"),
        (born > years_ago(35), "25_34"),
        (born > years_ago(45), "35_44"),
        (born > years_ago(55), "45_54"),
        (born > years_ago(65), "55_64"),
        else_="65_plus",
    )


async def refresh_peer_rates(conn: AsyncConnection, now: datetime) -> int:
    """Recompute every cohort's holding rate per product category, set-based, in the caller's transaction."""
    today = bank_day(now)
    people = (
        sa.select(
            customers.c.id.label("customer_id"),
            customers.c.tier.label("tier"),
            _age_band_sql(today).label("age_band"),
            sa.func.coalesce(customers.c.income_band, "unknown").label("income_band"),
        )
        .where(customers.c.merged_into.is_(None), customers.c.provisional.is_(False))
        .cte("people")
    )
    cohort = (
        sa.select(people.c.tier, people.c.age_band, people.c.income_band, sa.func.count().label("peers"))
        .group_by(people.c.tier, people.c.age_band, people.c.income_band)
        .cte("cohort")
    )
    held = (
        sa.select(
            people.c.tier,
            people.c.age_band,
            people.c.income_band,
            holdings.c.category,
            sa.func.count(sa.distinct(holdings.c.customer_id)).label("holders"),
        )
        .join(holdings, holdings.c.customer_id == people.c.customer_id)
        .where(holdings.c.status != "closed")
        .group_by(people.c.tier, people.c.age_band, people.c.income_band, holdings.c.category)
        .cte("held")
    )
    rates = sa.select(
        held.c.tier,
        held.c.age_band,
        held.c.income_band,
        held.c.category,
        cohort.c.peers,
        held.c.holders,
        sa.literal(now, peer_product_rates.c.computed_at.type).label("computed_at"),
    ).join(
        cohort,
        sa.and_(
            cohort.c.tier == held.c.tier,
            cohort.c.age_band == held.c.age_band,
            cohort.c.income_band == held.c.income_band,
        ),
    )
    await conn.execute(sa.delete(peer_product_rates))
    peer_rate_cache.clear()  # and again once committed, by whoever commits (PeerRateRefresher does)
    result = await conn.execute(
        sa.insert(peer_product_rates).from_select(
            ["tier", "age_band", "income_band", "category", "peers", "holders", "computed_at"], rates
        )
    )
    return int(result.rowcount or 0)


class PeerRateRefresher:
    """Keeps the look-alike rates at most a day old; checks at most every ten minutes per process.

    The recomputation runs in the background (a call is never kept waiting for it: offers use the previous
    rates meanwhile), in one process at a time on PostgreSQL (an advisory lock), and its failure is logged,
    never passed on to the caller.
    """

    max_age = timedelta(hours=24)
    check_every_s = 600.0
    _LOCK_KEY = 7_420_501  # pg advisory lock id for "refreshing peer_product_rates"

    def __init__(self) -> None:
        self._checked: dict[int, float] = {}
        self._running: set[asyncio.Task[None]] = set()

    async def ensure_fresh(self, engine: AsyncEngine, now: datetime) -> None:
        key = id(engine)
        if time.monotonic() - self._checked.get(key, float("-inf")) < self.check_every_s:
            return
        self._checked[key] = time.monotonic()
        task = asyncio.create_task(self._refresh_if_stale(engine, now))
        self._running.add(task)
        task.add_done_callback(self._running.discard)

    async def _refresh_if_stale(self, engine: AsyncEngine, now: datetime) -> None:
        try:
            async with engine.connect() as conn:
                newest = await conn.scalar(sa.select(sa.func.max(peer_product_rates.c.computed_at)))
            if newest is not None and now - newest < self.max_age:
                return
            async with writer(engine).begin() as conn:
                if conn.dialect.name == "postgresql":
                    got = await conn.scalar(sa.select(sa.func.pg_try_advisory_xact_lock(self._LOCK_KEY)))
                    if not got:
                        return  # another process is at it
                await refresh_peer_rates(conn, now)
            peer_rate_cache.clear()  # committed: this process's next call reads the new rates
        except Exception:
            log.warning("could not refresh the look-alike rates; offers use the previous ones", exc_info=True)


# --- what is new for a live stream ---------------------------------------------------------------------------

# Interactions that happened within this window and are new to the stream are news. A feed may also bring an
# interaction that happened long before (a POS terminal's offline batch, a replayed file): that is news too when
# bank-crm learned of it (recorded_at) while the stream was open.
STREAM_LOOKBACK = timedelta(hours=24)
# A transaction that began before the stream opened and commits after it carries a recorded_at from before the
# opening: late interactions are looked for from this long before it (and then told apart by id).
LATE_MARGIN = timedelta(minutes=10)
# As many as the context's latest interactions.
REPLAY_INTERACTIONS = 10
# At most this many of each kind per read: the newest.
_STREAM_LIMIT = 500

# Both served by ix_interactions_customer_time (customer_id, occurred_at, id): the window backwards from now; the
# late ones among the customer's older history (a read only when a change of this customer is heard of).
_STREAM_INTERACTIONS = (
    sa.select(*_INTERACTION_COLUMNS)
    .where(interactions.c.customer_id == sa.bindparam("cid"), interactions.c.occurred_at >= sa.bindparam("since"))
    .order_by(interactions.c.occurred_at.desc(), interactions.c.id.desc())
    .limit(_STREAM_LIMIT)
)
_STREAM_LATE_INTERACTIONS = (
    sa.select(*_INTERACTION_COLUMNS)
    .where(
        interactions.c.customer_id == sa.bindparam("cid"),
        interactions.c.occurred_at < sa.bindparam("since"),
        interactions.c.recorded_at >= sa.bindparam("recorded_since"),
    )
    .order_by(interactions.c.occurred_at.desc(), interactions.c.id.desc())
    .limit(_STREAM_LIMIT)
)
# The cases to keep an agent's screen current with: the open ones, and those opened or closed within the window.
_STREAM_CASES = (
    sa.select(*_CASES.selected_columns)
    .where(
        cases.c.customer_id == sa.bindparam("cid"),
        sa.or_(
            cases.c.status == "open",
            cases.c.opened_at >= sa.bindparam("since"),
            cases.c.closed_at >= sa.bindparam("since"),
        ),
    )
    .order_by(cases.c.opened_at.desc(), cases.c.id.desc())
    .limit(_STREAM_LIMIT)
)
# The alerts to keep an agent's screen current with: the ones still to act on, and those raised or resolved within
# the window (an alert the RM acknowledges or resolves during the call is sent again with its new status).
_STREAM_ALERTS = (
    sa.select(*_ALERTS.selected_columns)
    .where(
        alerts.c.customer_id == sa.bindparam("cid"),
        sa.or_(
            alerts.c.status.in_(OPEN_ALERT_STATUSES),
            alerts.c.raised_at >= sa.bindparam("since"),
            alerts.c.resolved_at >= sa.bindparam("since"),
        ),
    )
    .order_by(alerts.c.raised_at.desc(), alerts.c.id.desc())
    .limit(_STREAM_LIMIT)
)


class StreamCursor:
    """What one stream has already seen of a customer, and what is new since.

    Interactions that happened within a look-back window or were recorded since the stream opened, alerts and
    cases by their status, holdings by their balance and balance_as_of: reading the database again is the truth,
    notifications only say when.
    """

    def __init__(self, customer_id: uuid.UUID) -> None:
        self.customer_id = customer_id
        self._opened_at: datetime | None = None
        self._seen_interactions: set[uuid.UUID] = set()
        self._alerts: dict[uuid.UUID, str] = {}
        self._cases: dict[uuid.UUID, str] = {}
        self._balances: dict[uuid.UUID, tuple[Any, Any, str]] = {}

    async def start(self, conn: AsyncConnection, now: datetime) -> None:
        await self.changes(conn, now, emit=False)

    async def start_with_replay(self, conn: AsyncConnection, now: datetime) -> list[tuple[str, Any]]:
        """Start, and give the customer's current state as events, oldest first: the latest interactions of the
        look-back window (at most REPLAY_INTERACTIONS), the alerts still to act on, the open cases, every
        holding's balance. A client that read the context before opening the stream thus misses nothing
        committed in between."""
        state = await self.changes(conn, now)  # interactions, alerts, cases, then balances, each oldest first
        recent = [e for e in state if e[0] == "interaction"][-REPLAY_INTERACTIONS:]
        to_act_on = [e for e in state if e[0] == "alert" and e[1].status in OPEN_ALERT_STATUSES]
        still_open = [e for e in state if e[0] == "case" and e[1].status == "open"]
        return recent + to_act_on + still_open + [e for e in state if e[0] == "balance"]

    async def changes(self, conn: AsyncConnection, now: datetime, *, emit: bool = True) -> list[tuple[str, Any]]:
        """(event, data) for each interaction, alert and balance change not seen yet, oldest first."""
        cid = self.customer_id
        since = now - STREAM_LOOKBACK
        if self._opened_at is None:
            self._opened_at = now
        out: list[tuple[str, Any]] = []
        found = [
            *await conn.execute(_STREAM_INTERACTIONS, {"cid": cid, "since": since}),
            *await conn.execute(
                _STREAM_LATE_INTERACTIONS,
                {"cid": cid, "since": since, "recorded_since": self._opened_at - LATE_MARGIN},
            ),
        ]
        for r in sorted(found, key=lambda r: (r.occurred_at, r.id)):
            if r.id not in self._seen_interactions:
                self._seen_interactions.add(r.id)
                out.append(("interaction", r))
        for r in reversed((await conn.execute(_STREAM_ALERTS, {"cid": cid, "since": since})).all()):
            if self._alerts.get(r.id) != r.status:
                self._alerts[r.id] = r.status
                out.append(("alert", r))
        for r in reversed((await conn.execute(_STREAM_CASES, {"cid": cid, "since": since})).all()):
            if self._cases.get(r.id) != r.status:
                self._cases[r.id] = r.status
                out.append(("case", r))
        for r in await conn.execute(_HOLDINGS, {"cid": cid}):
            state = (r.balance, r.balance_as_of, r.status)
            if self._balances.get(r.id) != state:
                self._balances[r.id] = state
                out.append(("balance", r))
        return out if emit else []


async def stream_customer(conn: AsyncConnection, customer_id: uuid.UUID) -> Any:
    """The customer a stream is opened for (id, RM, branch), unless unknown or merged into another."""
    return (
        await conn.execute(
            sa.select(customers.c.id, customers.c.relationship_manager_id, customers.c.home_branch).where(
                customers.c.id == customer_id, customers.c.merged_into.is_(None)
            )
        )
    ).first()


async def call_already_audited(conn: AsyncConnection, actor: str, customer_ids: list[uuid.UUID], call_id: str) -> bool:
    """Whether this system's context read for this call was audited already (systems: once per call)."""
    if not customer_ids:
        return False
    from adapters.db.tables_access import audit_log

    found = await conn.scalar(
        sa.select(audit_log.c.id)
        .where(
            audit_log.c.customer_id == customer_ids[0],
            audit_log.c.actor == actor,
            audit_log.c.view == "contact-center-context",
            audit_log.c.detail["call_id"].as_string() == call_id,
        )
        .limit(1)
    )
    return found is not None
