"""Set-based scoring in the database: contribution, AUM, RFM, churn, lifecycle, tiers and movement alerts.

One set of statements serves both paths:

* `rescore(conn, ...)` with `customer_ids=None` scores every customer (``crm rescore``): INSERT ... SELECT
  with aggregates, a window function for the key-tier cutoff, UPDATE ... FROM for tiers; no Python loop
  per customer.
* with a set of ids it scores just those customers inside the caller's transaction (the activity
  observer, as feed events arrive). Incremental runs compare against the key-tier cutoff stored by the
  last full run (`value_state.key_tier_cutoff`), so for the same cutoff both paths give the same rows.

The rules (weights, thresholds, texts) come from `domain/value/*`; this module only expresses them in SQL
for SQLite and PostgreSQL. Note on SQLite: `Amount` columns hold integer ten-thousandths there, so every
money literal is bound through the `Amount` type and every money result is rounded back to an integer.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.db.types import Amount
from domain.calendar import bank_day
from domain.customers import LifecycleStage
from domain.value import churn, contribution, lifecycle, movements, tiers
from domain.value.alerts import CREDIT_MATURITY_CATEGORIES, CREDIT_MATURITY_DETAIL, DETAILS, SEVERITY, TITLES, AlertKind

KEY_CUTOFF = "key_tier_cutoff"


@dataclass(frozen=True, slots=True)
class ScoringRules:
    """Thresholds the scorer applies (settings may override the defaults)."""

    tiers: tiers.TierThresholds = field(default_factory=tiers.TierThresholds)
    lifecycle: lifecycle.LifecycleThresholds = field(default_factory=lifecycle.LifecycleThresholds)
    movements: movements.MovementThresholds = field(default_factory=movements.MovementThresholds)


@dataclass(frozen=True, slots=True)
class RescoreResult:
    customers: int
    tier_changes: int
    alerts_raised: int
    key_cutoff: Decimal | None


class _Sql:
    """Dialect differences in one place, and the bound parameters of one statement."""

    def __init__(self, dialect: str) -> None:
        self.pg = dialect == "postgresql"
        self.params: dict[str, Any] = {}
        self.types: dict[str, Any] = {}
        self._n = 0

    def _name(self, hint: str) -> str:
        self._n += 1
        return f"{re.sub(r'[^a-z0-9_]', '_', hint.lower())}_{self._n}"

    # Constants are inlined as SQL literals rather than bound: they come from this code, the validated
    # parameter table and settings (never from a request), and PostgreSQL plans and evaluates the
    # aggregates about twice as fast with literals than with parameters cast row by row.

    @staticmethod
    def quote(value: str) -> str:
        """A SQL string literal; colons escaped for sqlalchemy.text()."""
        return "'" + value.replace("'", "''").replace(":", "\\:") + "'"

    def rate(self, value: Decimal, hint: str = "r") -> str:
        """A dimensionless factor (a spread, a share)."""
        value = Decimal(value)
        if not value.is_finite():
            raise ValueError(f"{hint} must be finite")
        return f"CAST('{value}' AS NUMERIC)" if self.pg else repr(float(value))

    def money(self, value: Decimal, hint: str = "m") -> str:
        """A CNY amount as the Amount column holds it (ten-thousandths on SQLite)."""
        value = Decimal(value)
        if not value.is_finite():
            raise ValueError(f"{hint} must be finite")
        if self.pg:
            return f"CAST('{value}' AS NUMERIC)"
        return str(int((value * 10000).to_integral_value()))

    def ts(self, value: datetime, hint: str = "t") -> str:
        moment = value.astimezone(UTC)
        if self.pg:
            return f"CAST({self.quote(moment.isoformat())} AS TIMESTAMPTZ)"
        return self.quote(moment.strftime("%Y-%m-%d %H:%M:%S.%f"))

    def day(self, value: date, hint: str = "d") -> str:
        return f"CAST('{value.isoformat()}' AS DATE)" if self.pg else f"'{value.isoformat()}'"

    def text(self, value: str, hint: str = "s") -> str:
        return f"CAST({self.quote(value)} AS TEXT)" if self.pg else self.quote(value)

    def texts(self, values: Iterable[str]) -> str:
        """An IN list of constants (trusted, from the domain's own tables), inlined."""
        return "(" + ", ".join("'" + v.replace("'", "''") + "'" for v in values) + ")"

    def amount(self, expr: str) -> str:
        """Round a money expression to what an Amount column stores."""
        return f"ROUND(CAST({expr} AS NUMERIC), 4)" if self.pg else f"CAST(ROUND({expr}) AS INTEGER)"

    def ratio(self, num: str, den: str) -> str:
        return f"(CAST({num} AS NUMERIC) / {den})" if self.pg else f"(({num}) * 1.0 / ({den}))"

    def days_between(self, later: str, earlier: str) -> str:
        if self.pg:
            return f"(EXTRACT(EPOCH FROM ({later} - {earlier})) / 86400.0)"
        return f"(julianday({later}) - julianday({earlier}))"

    def day_text(self, ts_expr: str) -> str:
        if self.pg:
            return f"to_char({ts_expr} AT TIME ZONE 'UTC', 'YYYY-MM-DD')"
        return f"substr({ts_expr}, 1, 10)"

    def date_text(self, date_expr: str) -> str:
        return f"CAST({date_expr} AS TEXT)"

    def floor_int(self, expr: str) -> str:
        return f"CAST(FLOOR({expr}) AS INTEGER)" if self.pg else f"CAST({expr} AS INTEGER)"

    def int_text(self, expr: str) -> str:
        return f"CAST(CAST(ROUND({expr}) AS INTEGER) AS TEXT)"

    def money_text(self, expr: str) -> str:
        """A money expression as a CNY decimal string with two places."""
        if self.pg:
            return f"CAST(ROUND(CAST({expr} AS NUMERIC), 2) AS TEXT)"
        return f"printf('%.2f', ({expr}) / 10000.0)"

    def weight_text(self, expr: str) -> str:
        return f"to_char({expr}, 'FM0.0000')" if self.pg else f"printf('%.4f', {expr})"

    def date_minus(self, date_expr: str, days: int) -> str:
        return f"({date_expr} - {int(days)})" if self.pg else f"date({date_expr}, '-{int(days)} days')"

    def json_object(self, pairs: dict[str, str]) -> str:
        fn = "jsonb_build_object" if self.pg else "json_object"
        return f"{fn}(" + ", ".join(f"'{k}', {v}" for k, v in pairs.items()) + ")"

    def empty_json_list(self) -> str:
        return "CAST('[]' AS JSONB)" if self.pg else "'[]'"

    def new_uuid(self) -> str:
        return "gen_random_uuid()" if self.pg else "lower(hex(randomblob(16)))"

    def uuid_text(self, expr: str) -> str:
        return f"CAST({expr} AS TEXT)"

    def template(self, template: str, **exprs: str) -> str:
        """A text template of the domain ('{amount} CNY left') as SQL concatenation."""
        parts: list[str] = []
        for literal, name in re.findall(r"([^{]*)(?:\{(\w+)\})?", template):
            if literal:
                parts.append(self.text(literal, "tpl"))
            if name:
                parts.append(f"COALESCE({exprs[name]}, '')")
        return " || ".join(parts) if parts else "''"

    def statement(self, sql: str, ids: list[uuid.UUID] | None) -> sa.TextClause:
        stmt = sa.text(sql)
        binds = [sa.bindparam(name, type_=type_) for name, type_ in self.types.items()]
        if ids is not None:
            binds.append(sa.bindparam("ids", expanding=True, type_=sa.Uuid()))
        return stmt.bindparams(*binds) if binds else stmt

    def run_params(self, ids: list[uuid.UUID] | None) -> dict[str, Any]:
        return {**self.params, **({"ids": ids} if ids is not None else {})}


def _fx(q: _Sql, currency_col: str, params: dict[str, Decimal]) -> str:
    """CNY per unit of the row's currency: 1 for CNY, the fixed rate for USD, 0 (left out) otherwise."""
    return f"(CASE {currency_col} WHEN 'CNY' THEN 1 WHEN 'USD' THEN {q.rate(params['fx_usd_cny'], 'fx')} ELSE 0 END)"


async def load_parameters(conn: AsyncConnection) -> dict[str, Decimal]:
    """The contribution parameters: stored values over the documented defaults."""
    from adapters.db.tables_value import value_parameters

    values = contribution.defaults()
    for row in await conn.execute(sa.select(value_parameters.c.name, value_parameters.c.value)):
        if row.name in values:
            values[row.name] = Decimal(str(row.value))
    return values


async def stored_cutoff(conn: AsyncConnection) -> Decimal | None:
    from adapters.db.tables_value import value_state

    return await conn.scalar(sa.select(value_state.c.amount).where(value_state.c.name == KEY_CUTOFF))


def _target(ids: list[uuid.UUID] | None, column: str) -> str:
    return f" AND {column} IN :ids" if ids is not None else ""


async def _score_figures(
    conn: AsyncConnection,
    now: datetime,
    params: dict[str, Decimal],
    rules: ScoringRules,
    ids: list[uuid.UUID] | None,
    cutoff: Decimal | None = None,
    xs_table: str | None = None,
) -> int:
    """Upsert customer_scores' figures (everything but the tier) for the target customers.

    `xs_table`: a table made by `_interaction_aggregates` for every customer, read instead of interactions."""
    q = _Sql(conn.dialect.name)
    today = bank_day(now)
    lc = rules.lifecycle
    mv = rules.movements
    d90 = q.day(today - timedelta(days=90), "d90")
    fx_h = _fx(q, "h.currency", params)
    deposits = q.texts(contribution.DEPOSIT_CATEGORIES)
    aum_cats = q.texts(contribution.AUM_CATEGORIES)
    invest = q.texts(contribution.INVESTMENT_CATEGORIES)
    income_cases = " ".join(
        f"WHEN '{cat}' THEN h.balance * {q.rate(params[name], name)}"
        for cat, name in contribution.DEPOSIT_SPREAD.items()
    )
    loan_cases = " ".join(
        f"WHEN '{cat}' THEN -h.balance * {q.rate(params[name], name)}" for cat, name in contribution.LOAN_MARGIN.items()
    )
    card_margin = q.rate(params["card_revolving_margin"], "card_margin")
    invest_fee = q.rate(params["investment_fee_rate"], "invest_fee")
    open_h = "h.status <> 'closed'"
    matured = q.texts(("time_deposit", "wealth_product"))

    def only(column: str) -> str:
        # Incremental runs read just the target customers' rows (by index); a full run reads every row once
        # and drops merged customers when joining to `tgt`, which is cheaper than joining every row to it.
        return f"{column} IN :ids AND" if ids is not None else ""

    cte = f"""
    tgt AS (
        SELECT c.id FROM customers c WHERE c.merged_into IS NULL{_target(ids, "c.id")}
    ),
    last_hist AS ({_balance_before(q, only("h.customer_id"), d90, aum_cats)}),
    hs AS (
        SELECT h.customer_id,
            SUM(CASE WHEN {open_h} AND h.category IN {deposits} AND h.balance > 0
                THEN h.balance * {fx_h} ELSE 0 END) AS deposit_balance,
            SUM(CASE WHEN {open_h} AND h.category IN {aum_cats} AND h.balance > 0
                THEN h.balance * {fx_h} ELSE 0 END) AS aum,
            SUM(CASE WHEN h.category IN {aum_cats} THEN {fx_h} * (CASE
                    WHEN hist.balance IS NOT NULL THEN (CASE WHEN hist.balance > 0 THEN hist.balance ELSE 0 END)
                    WHEN (h.opened_on IS NULL OR h.opened_on <= {d90}) AND {open_h} AND h.balance > 0 THEN h.balance
                    ELSE 0 END) ELSE 0 END) AS aum_3m,
            SUM(CASE WHEN {open_h} AND h.balance < 0 THEN -h.balance * {fx_h} ELSE 0 END) AS loan_balance,
            SUM(CASE WHEN {open_h} AND h.balance > 0 AND h.category IN {deposits}
                THEN (CASE h.category {income_cases} ELSE 0 END) * {fx_h} ELSE 0 END) / 12 AS deposit_income,
            SUM(CASE WHEN {open_h} AND h.balance < 0
                THEN (CASE h.category {loan_cases} WHEN 'credit_card' THEN -h.balance * {card_margin} ELSE 0 END)
                    * {fx_h} ELSE 0 END) / 12 AS loan_income,
            SUM(CASE WHEN {open_h} AND h.balance > 0 AND h.category IN {invest}
                THEN h.balance * {invest_fee} * {fx_h} ELSE 0 END) / 12 AS investment_income,
            SUM(CASE WHEN {open_h} THEN 1 ELSE 0 END) AS active_products,
            COUNT(*) AS all_products,
            SUM(CASE WHEN h.status = 'closed' AND h.closed_on >= {d90} THEN 1 ELSE 0 END) AS closed_90,
            MIN(h.opened_on) AS first_opened,
            MAX(h.opened_on) AS last_opened
        FROM holdings h
        LEFT JOIN last_hist hist ON hist.holding_id = h.id
        WHERE {only("h.customer_id")} 1 = 1
        GROUP BY h.customer_id
    ),
    mat AS (
        SELECT h.customer_id, COUNT(*) AS not_rolled
        FROM holdings h
        WHERE {only("h.customer_id")} h.category IN {matured}
            AND h.maturity_date >= {q.day(today - timedelta(days=churn.MATURITY_LOOKBACK_DAYS), "dmat")}
            AND h.maturity_date <= {q.day(today, "today")}
            AND (h.status = 'closed' OR h.balance = 0)
            AND NOT EXISTS (
                SELECT 1 FROM holdings n
                WHERE n.customer_id = h.customer_id AND n.id <> h.id AND n.category IN {matured}
                    AND n.opened_on >= {q.date_minus("h.maturity_date", 7)})
        GROUP BY h.customer_id
    ),
    xs AS ({f"SELECT * FROM {xs_table}" if xs_table else _interaction_aggregates(q, now, params, rules, ids)}),
    f AS (
        SELECT tgt.id AS customer_id,
            COALESCE(hs.aum, 0) AS aum, COALESCE(hs.aum_3m, 0) AS aum_3m,
            COALESCE(hs.deposit_balance, 0) AS deposit_balance, COALESCE(hs.loan_balance, 0) AS loan_balance,
            COALESCE(hs.deposit_income, 0) AS deposit_income, COALESCE(hs.loan_income, 0) AS loan_income,
            COALESCE(hs.investment_income, 0) AS investment_income,
            COALESCE(xs.card_spend_90, 0) * {q.rate(params["interchange_rate"], "interchange")} / 3 AS card_income,
            COALESCE(xs.fees_90, 0) / 3 AS fee_income,
            COALESCE(xs.cost_90, 0) / 3 AS cost_to_serve,
            COALESCE(hs.active_products, 0) AS active_products, COALESCE(hs.all_products, 0) AS all_products,
            hs.first_opened, hs.last_opened,
            xs.last_txn_at, COALESCE(xs.freq_90, 0) AS freq_90, COALESCE(xs.monetary_90, 0) AS monetary_90,
            xs.last_activity_at,
            CASE WHEN COALESCE(hs.aum_3m, 0) > 0 AND COALESCE(hs.aum, 0) < hs.aum_3m
                THEN {q.ratio("hs.aum_3m - COALESCE(hs.aum, 0)", "hs.aum_3m")} ELSE 0 END AS outflow_share,
            CASE WHEN COALESCE(xs.acts_prev, 0) > 0 AND xs.acts_90 < xs.acts_prev
                THEN {q.ratio("xs.acts_prev - xs.acts_90", "xs.acts_prev")} ELSE 0 END AS fewer_share,
            COALESCE(xs.complaints_90, 0) AS complaints_90,
            COALESCE(hs.closed_90, 0) AS closed_90,
            COALESCE(mat.not_rolled, 0) AS not_rolled,
            CASE WHEN COALESCE(xs.salary_before, 0) >= {int(mv.salary_min_months)} AND xs.salary_recent = 0
                THEN 1 ELSE 0 END AS salary_stopped
        FROM tgt LEFT JOIN hs ON hs.customer_id = tgt.id LEFT JOIN xs ON xs.customer_id = tgt.id
            LEFT JOIN mat ON mat.customer_id = tgt.id
    ),
    parts AS (
        SELECT f.*,
            {_weight(q, "balance_outflow")} * (CASE WHEN outflow_share >= {q.rate(churn.OUTFLOW_FULL_AT)} THEN 1
                ELSE {q.ratio("outflow_share", q.rate(churn.OUTFLOW_FULL_AT))} END) AS p_outflow,
            {_weight(q, "fewer_interactions")} * fewer_share AS p_fewer,
            {_weight(q, "complaints")} * (CASE WHEN complaints_90 >= {churn.COMPLAINTS_FULL_AT} THEN 1
                ELSE {q.ratio("complaints_90", str(churn.COMPLAINTS_FULL_AT))} END) AS p_complaints,
            {_weight(q, "closed_products")} * (CASE WHEN closed_90 >= {churn.CLOSED_FULL_AT} THEN 1
                ELSE {q.ratio("closed_90", str(churn.CLOSED_FULL_AT))} END) AS p_closed,
            {_weight(q, "maturity_not_rolled")} * (CASE WHEN not_rolled > 0 THEN 1 ELSE 0 END) AS p_maturity,
            {_weight(q, "salary_stopped")} * salary_stopped AS p_salary
        FROM f
    ),
    scored AS (
        SELECT parts.*,
            ROUND(CAST(p_outflow + p_fewer + p_complaints + p_closed + p_maturity + p_salary AS NUMERIC), 4)
                AS churn_risk,
            deposit_income + loan_income + investment_income + card_income + fee_income - cost_to_serve
                AS contribution
        FROM parts
    ),
    drivers AS (
        SELECT customer_id, code, part, txt,
            ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY part DESC, code) AS rn
        FROM ({_driver_union(q)}) u
        WHERE part > 0
    ),
    driver_json AS (
        SELECT customer_id, {_json_agg(q)} AS drivers
        FROM (SELECT * FROM drivers WHERE rn <= {churn.TOP_DRIVERS} ORDER BY customer_id, rn) top
        GROUP BY customer_id
    ),
    staged AS (
        SELECT s.*, {_lifecycle_case(q, now, today, lc)} AS lifecycle_stage
        FROM scored s
    )"""
    reasons = " ".join(f"WHEN '{stage.value}' THEN {q.text(text, 'why')}" for stage, text in lifecycle.REASONS.items())
    value_drivers = q.json_object(
        {
            "deposit_income": q.money_text("st.deposit_income"),
            "loan_income": q.money_text("st.loan_income"),
            "investment_income": q.money_text("st.investment_income"),
            "card_income": q.money_text("st.card_income"),
            "fee_income": q.money_text("st.fee_income"),
            "cost_to_serve": q.money_text("st.cost_to_serve"),
        }
    )
    recency = q.floor_int(q.days_between(q.ts(now, "now"), "st.last_txn_at"))
    columns = (
        "customer_id, currency, aum, aum_3m_ago, deposit_balance, loan_balance, contribution_monthly, "
        "rfm_recency_days, rfm_frequency, rfm_monetary, churn_risk, churn_drivers, value_drivers, "
        "lifecycle_reason, scored_at, lifecycle_stage, active_products"
    )
    tier, tier_reason = _tier_case(q, rules.tiers, today, cutoff, "fin")
    sql = f"""
    INSERT INTO customer_scores ({columns}, tier, tier_reason)
    WITH {cte}
    SELECT fin.*, {tier}, {tier_reason}
    FROM (
        SELECT st.customer_id, 'CNY' AS currency, {q.amount("st.aum")} AS aum, {q.amount("st.aum_3m")} AS aum_3m_ago,
            {q.amount("st.deposit_balance")} AS deposit_balance, {q.amount("st.loan_balance")} AS loan_balance,
            {q.amount("st.contribution")} AS contribution_monthly,
            CASE WHEN st.last_txn_at IS NULL THEN NULL ELSE {recency} END AS rfm_recency_days,
            st.freq_90 AS rfm_frequency, {q.amount("st.monetary_90")} AS rfm_monetary, st.churn_risk,
            COALESCE(dj.drivers, {q.empty_json_list()}) AS churn_drivers, {value_drivers} AS value_drivers,
            CASE st.lifecycle_stage {reasons} END AS lifecycle_reason, {q.ts(now, "scored")} AS scored_at,
            st.lifecycle_stage, st.active_products
        FROM staged st LEFT JOIN driver_json dj ON dj.customer_id = st.customer_id
    ) fin JOIN customers c ON c.id = fin.customer_id
    WHERE 1 = 1{_target(ids, "c.id")}
    ON CONFLICT (customer_id) DO UPDATE SET
        currency = excluded.currency, aum = excluded.aum, aum_3m_ago = excluded.aum_3m_ago,
        deposit_balance = excluded.deposit_balance, loan_balance = excluded.loan_balance,
        contribution_monthly = excluded.contribution_monthly, rfm_recency_days = excluded.rfm_recency_days,
        rfm_frequency = excluded.rfm_frequency, rfm_monetary = excluded.rfm_monetary,
        churn_risk = excluded.churn_risk, churn_drivers = excluded.churn_drivers,
        value_drivers = excluded.value_drivers, lifecycle_reason = excluded.lifecycle_reason,
        scored_at = excluded.scored_at, lifecycle_stage = excluded.lifecycle_stage,
        active_products = excluded.active_products, tier = excluded.tier, tier_reason = excluded.tier_reason
    """
    result = await conn.execute(q.statement(sql, ids), q.run_params(ids))
    return int(result.rowcount or 0)


def _interaction_aggregates(
    q: _Sql,
    now: datetime,
    params: dict[str, Decimal],
    rules: ScoringRules,
    ids: list[uuid.UUID] | None,
    *,
    with_movements: bool = False,
) -> str:
    """Per customer, one pass over their interactions: recency, frequency and money of transactions, activity
    now and before, complaints, card spend, fees, cost to serve and salary credits; `with_movements` adds the
    movement detectors' figures (`mv_*`, over rows with an amount; see `_movement_aggregates`) to the same pass,
    so a full rescore reads the interactions once for scores and alerts."""
    mv = rules.movements
    t90, t180 = q.ts(now - timedelta(days=90), "t90"), q.ts(now - timedelta(days=180), "t180")
    fx_x = _fx(q, "x.currency", params)
    cost_cases = " ".join(
        f"WHEN '{channel}' THEN {q.money(params[name], name)}" for channel, name in contribution.CHANNEL_COST.items()
    )
    not_activity = q.texts(movements.NOT_ACTIVITY_TYPES)
    active_x = f"x.type NOT IN {not_activity} AND x.channel NOT IN {q.texts(movements.BANK_INITIATED_CHANNELS)}"
    money_x = f"x.amount IS NOT NULL AND x.type NOT IN {not_activity}"
    complaint_channels = q.texts(movements.COMPLAINT_CHANNELS)
    lookback = q.ts(now - timedelta(days=mv.salary_lookback_days), "tsal")
    gap_start = q.ts(now - timedelta(days=mv.salary_gap_days), "tgap")
    only = "x.customer_id IN :ids AND" if ids is not None else ""
    mv_columns = mv_projection = ""
    if with_movements:
        projection, aggregates = _movement_figures(q, now, mv, params)
        mv_columns = "".join(f",\n            {expr} AS mv_{name}" for name, expr in aggregates)
        mv_projection = f",\n                {projection}"
    return f"""
        SELECT x.customer_id,
            MAX(x.occurred_at) FILTER (WHERE x.m) AS last_txn_at,
            COUNT(*) FILTER (WHERE x.m AND x.r90) AS freq_90,
            SUM(x.amt) FILTER (WHERE x.m AND x.r90) AS monetary_90,
            COUNT(*) FILTER (WHERE x.a AND x.r90) AS acts_90,
            COUNT(*) FILTER (WHERE x.a AND x.r180 AND NOT x.r90) AS acts_prev,
            MAX(x.occurred_at) FILTER (WHERE x.a) AS last_activity_at,
            COUNT(*) FILTER (WHERE x.complaint AND x.r90) AS complaints_90,
            SUM(x.amt) FILTER (WHERE x.card AND x.r90) AS card_spend_90,
            SUM(x.amt) FILTER (WHERE x.fee AND x.r90) AS fees_90,
            SUM(x.cost) FILTER (WHERE x.r90) AS cost_90,
            COUNT(*) FILTER (WHERE x.salary AND x.occurred_at >= {lookback}
                AND x.occurred_at < {gap_start}) AS salary_before,
            COUNT(*) FILTER (WHERE x.salary AND x.occurred_at >= {gap_start}) AS salary_recent{mv_columns}
        FROM (
            -- each row's tests and amounts once (not once per aggregate that filters on them); the OFFSET keeps
            -- PostgreSQL from folding them back into every aggregate's FILTER
            SELECT x.customer_id, x.occurred_at,
                {money_x} AS m, {active_x} AS a,
                x.occurred_at >= {t90} AS r90, x.occurred_at >= {t180} AS r180,
                CASE WHEN x.occurred_at >= {t90} THEN ABS(x.amount) * {fx_x} END AS amt,
                CASE WHEN x.occurred_at >= {t90} THEN CASE x.channel {cost_cases} ELSE 0 END END AS cost,
                (x.type = '{movements.COMPLAINT_TYPE}' AND x.channel IN {complaint_channels}) AS complaint,
                (x.type IN {q.texts(movements.CARD_SPEND_TYPES)} AND x.amount IS NOT NULL) AS card,
                (x.type IN {q.texts(movements.FEE_TYPES)} AND x.amount IS NOT NULL) AS fee,
                x.type IN {q.texts(movements.SALARY_TYPES)} AS salary{mv_projection}
            FROM interactions x
            WHERE {only} 1 = 1
            {"OFFSET 0" if q.pg else ""}
        ) x
        GROUP BY x.customer_id
    """


def _balance_before(q: _Sql, only: str, day: str, categories: str) -> str:
    """Each holding's balance at its last history point on or before `day`, in one pass over the history:
    DISTINCT ON on PostgreSQL; on SQLite the documented bare column of a MAX() aggregate."""
    if q.pg:
        return f"""
        SELECT DISTINCT ON (b.holding_id) b.holding_id, b.balance
        FROM balance_history b JOIN holdings h ON h.id = b.holding_id
        WHERE {only} b.as_of <= {day} AND h.category IN {categories}
        ORDER BY b.holding_id DESC, b.as_of DESC"""
    return f"""
        SELECT b.holding_id, b.balance, MAX(b.as_of) AS as_of
        FROM balance_history b JOIN holdings h ON h.id = b.holding_id
        WHERE {only} b.as_of <= {day} AND h.category IN {categories}
        GROUP BY b.holding_id"""


def _weight(q: _Sql, code: str) -> str:
    driver = next(d for d in churn.DRIVERS if d.code == code)
    return q.rate(driver.weight, code)


def _driver_union(q: _Sql) -> str:
    pct = {
        "balance_outflow": q.int_text("outflow_share * 100"),
        "fewer_interactions": q.int_text("fewer_share * 100"),
    }
    column = {
        "balance_outflow": "p_outflow",
        "fewer_interactions": "p_fewer",
        "complaints": "p_complaints",
        "closed_products": "p_closed",
        "maturity_not_rolled": "p_maturity",
        "salary_stopped": "p_salary",
    }
    selects = []
    for d in churn.DRIVERS:
        text = q.template(d.text, pct=pct.get(d.code, "''"))
        selects.append(
            f"SELECT customer_id, {q.text(d.code, 'drv')} AS code, {column[d.code]} AS part, {text} AS txt FROM parts"
        )
    return " UNION ALL ".join(selects)


def _json_agg(q: _Sql) -> str:
    obj = q.json_object({"driver": "code", "weight": q.weight_text("part"), "text": "txt"})
    return f"jsonb_agg({obj} ORDER BY rn)" if q.pg else f"json_group_array(json({obj}))"


def _lifecycle_case(q: _Sql, now: datetime, today: date, lc: lifecycle.LifecycleThresholds) -> str:
    s = LifecycleStage
    return f"""CASE
        WHEN s.all_products > 0 AND s.active_products = 0 THEN '{s.CHURNED.value}'
        WHEN s.all_products = 0 THEN '{s.PROSPECT.value}'
        WHEN s.first_opened >= {q.day(today - timedelta(days=lc.new_days), "dnew")} THEN '{s.NEW.value}'
        WHEN s.last_activity_at IS NULL
            OR s.last_activity_at < {q.ts(now - timedelta(days=lc.dormant_days), "tdorm")} THEN '{s.DORMANT.value}'
        WHEN (s.aum_3m > 0 AND s.aum <= s.aum_3m * {q.rate(1 - lc.decline_share, "decl")})
            OR s.churn_risk >= {q.rate(lc.decline_churn_risk, "declr")} THEN '{s.DECLINING.value}'
        WHEN (s.aum_3m > 0 AND s.aum >= s.aum_3m * {q.rate(1 + lc.growth_share, "grow")})
            OR s.last_opened >= {q.day(today - timedelta(days=lc.recent_product_days), "drecent")}
            THEN '{s.GROWING.value}'
        ELSE '{s.MATURE.value}' END"""


async def _store_cutoff(conn: AsyncConnection, now: datetime, share: Decimal) -> Decimal | None:
    q = _Sql(conn.dialect.name)
    sql = f"""
    INSERT INTO value_state (name, amount, computed_at)
    SELECT '{KEY_CUTOFF}', (
        SELECT MAX(r.c) FROM (
            SELECT contribution_monthly AS c,
                SUM(contribution_monthly) OVER (ORDER BY contribution_monthly DESC, customer_id
                    ROWS UNBOUNDED PRECEDING) AS running
            FROM customer_scores WHERE contribution_monthly > 0) r,
            (SELECT SUM(contribution_monthly) AS total FROM customer_scores WHERE contribution_monthly > 0) t
        WHERE r.running >= t.total * {q.rate(share, "share")}
    ), {q.ts(now, "now")}
    WHERE 1 = 1
    ON CONFLICT (name) DO UPDATE SET amount = excluded.amount, computed_at = excluded.computed_at
    """
    await conn.execute(q.statement(sql, None), q.run_params(None))
    return await stored_cutoff(conn)


def _tier_case(q: _Sql, t: tiers.TierThresholds, today: date, cutoff: Decimal | None, sc: str) -> tuple[str, str]:
    """The tier and its reason as SQL, over score columns of alias `sc` and the customer as `c`.

    The reason depends only on the customer's own figures (not on the cutoff), so a full rescore only
    rewrites the rows whose tier the new cutoff moves.
    """
    cut = "NULL" if cutoff is None else q.money(cutoff)
    young_from = _years_before(today, t.young_max_age + 1) + timedelta(days=1)
    young_to = _years_before(today, t.young_min_age)
    growing = (
        f"({sc}.aum_3m_ago > 0 AND {sc}.aum >= {sc}.aum_3m_ago * {q.rate(1 + t.growth_share)} "
        f"AND {sc}.aum >= {q.money(t.growth_min_aum)})"
    )
    wallet = f"(c.income_band IN {q.texts(t.high_income_bands)} AND {sc}.aum < {q.money(t.low_wallet_aum)})"
    young = (
        f"(c.birth_date >= {q.day(young_from)} AND c.birth_date <= {q.day(young_to)} "
        f"AND c.education IN {q.texts(t.young_education)} AND c.income_band IN {q.texts(t.young_income_bands)})"
    )
    is_key = f"({cut} IS NOT NULL AND {sc}.contribution_monthly > 0 AND {sc}.contribution_monthly >= {cut})"
    growth_pct = q.int_text(f"{q.ratio(f'{sc}.aum - {sc}.aum_3m_ago', f'{sc}.aum_3m_ago')} * 100")
    key_reason = q.template(
        tiers.KEY_REASON,
        share=q.text(str(int(t.key_share * 100))),
        contribution=q.money_text(f"{sc}.contribution_monthly"),
    )
    tier = f"""CASE WHEN {is_key} THEN 'key'
            WHEN {growing} OR {wallet} OR {young} THEN 'potential' ELSE 'ordinary' END"""
    reason = f"""CASE WHEN {is_key} THEN {key_reason}
            WHEN {growing} THEN {q.template(tiers.POTENTIAL_GROWTH, growth=growth_pct)}
            WHEN {wallet} THEN {q.text(tiers.POTENTIAL_WALLET)}
            WHEN {young} THEN {q.text(tiers.POTENTIAL_YOUNG)}
            ELSE {q.text(tiers.ORDINARY_REASON)} END"""
    return tier, reason


async def _retier(conn: AsyncConnection, now: datetime, rules: ScoringRules, cutoff: Decimal | None) -> None:
    """After a full rescore moved the cutoff: rewrite only the rows whose tier it changes."""
    q = _Sql(conn.dialect.name)
    tier, reason = _tier_case(q, rules.tiers, bank_day(now), cutoff, "customer_scores")
    sql = f"""
    UPDATE customer_scores SET tier = {tier}, tier_reason = {reason}
    FROM customers c
    WHERE c.id = customer_scores.customer_id AND customer_scores.tier <> {tier}
    """
    await conn.execute(q.statement(sql, None), q.run_params(None))


async def _record_tiers(conn: AsyncConnection, now: datetime, ids: list[uuid.UUID] | None) -> int:
    """Record tier changes and mirror tier and stage into the customer profile."""
    q2 = _Sql(conn.dialect.name)
    changes = f"""
    INSERT INTO tier_changes (customer_id, from_tier, to_tier, changed_at, reason)
    SELECT c.id, c.tier, s.tier, {q2.ts(now, "now")}, COALESCE(s.tier_reason, '')
    FROM customers c JOIN customer_scores s ON s.customer_id = c.id
    WHERE c.tier <> s.tier{_target(ids, "c.id")}
    """
    inserted = await conn.execute(q2.statement(changes, ids), q2.run_params(ids))
    # Mirror into the profile (search and the SPA read customers.tier / lifecycle_stage). The version is
    # not moved: it guards people's edits, and a score moving under an RM must not fail their PATCH.
    both = _target(ids, "s.customer_id") + _target(ids, "customers.id")  # each table by its index
    mirror = f"""
    UPDATE customers SET tier = s.tier, lifecycle_stage = s.lifecycle_stage
    FROM customer_scores s
    WHERE s.customer_id = customers.id
        AND (customers.tier <> s.tier OR customers.lifecycle_stage <> s.lifecycle_stage){both}
    """
    q3 = _Sql(conn.dialect.name)
    await conn.execute(q3.statement(mirror, ids), q3.run_params(ids))
    return int(inserted.rowcount or 0)


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


async def raise_alerts(
    conn: AsyncConnection,
    now: datetime,
    rules: ScoringRules,
    ids: list[uuid.UUID] | None = None,
    params: dict[str, Decimal] | None = None,
    movements_table: str | None = None,
) -> int:
    """Raise movement, maturity and complaint alerts for the target customers; one per cause.

    One statement: a single pass of aggregates over interactions (`mv`) feeds the three movement detectors,
    beside the maturity and complaint selections; the unique (customer, kind, cause_key) drops repeats.
    """
    if params is None:
        params = await load_parameters(conn)
    q = _Sql(conn.dialect.name)
    mv = rules.movements
    selects = [
        build(q, now, mv, params, ids)
        for build in (_large_outflow, _dormant_wakeup, _salary_stopped, _maturity, _complaint)
    ]
    sql = f"""
    INSERT INTO alerts (id, customer_id, kind, cause_key, severity, title, detail, status, assigned_to,
        data, raised_at)
    WITH {_movement_aggregates(q, now, mv, params, ids, movements_table)}
    SELECT {q.new_uuid()}, a.customer_id, a.kind, a.cause_key, a.severity, a.title, a.detail, 'open',
        c.relationship_manager_id, a.data, {q.ts(now, "now")}
    FROM ({" UNION ALL ".join(selects)}) a JOIN customers c ON c.id = a.customer_id
    WHERE c.merged_into IS NULL{_target(ids, "c.id")}
    ON CONFLICT (customer_id, kind, cause_key) DO NOTHING
    """
    result = await conn.execute(q.statement(sql, ids), q.run_params(ids))
    return int(result.rowcount or 0)


def _movement_figures(
    q: _Sql, now: datetime, mv: movements.MovementThresholds, params: dict[str, Decimal]
) -> tuple[str, list[tuple[str, str]]]:
    """The movement detectors' per-row tests (projection columns over `interactions x`) and their per-customer
    aggregates as (name, expression): outflows of the last 7 days and of days 30-365, the money movements
    around the last 7 days (for dormancy), salary credits before and within the salary gap. Only rows with an
    amount count. The aggregates also read `x.m` (a money movement) and `x.salary`, which the caller projects."""
    fx = _fx(q, "x.currency", params)
    t7 = q.ts(now - timedelta(days=7), "t7")
    t30 = q.ts(now - timedelta(days=30), "t30")
    t365 = q.ts(now - timedelta(days=365), "t365")
    gap_start = q.ts(now - timedelta(days=mv.salary_gap_days), "tgap")
    lookback = q.ts(now - timedelta(days=mv.salary_lookback_days), "tsal")
    outflow = f"x.type IN {q.texts(movements.OUTFLOW_TYPES)} AND x.amount IS NOT NULL"
    projection = f"""x.amount IS NOT NULL AS has_amount, {outflow} AS outflow,
                x.occurred_at >= {t7} AS r7, x.occurred_at >= {t30} AS r30,
                CASE WHEN {outflow} AND (x.occurred_at >= {t7} OR (x.occurred_at >= {t365} AND x.occurred_at < {t30}))
                    THEN ABS(x.amount) * {fx} END AS out_amt"""
    salary = "x.salary AND x.has_amount"
    aggregates = [
        ("out_7", "SUM(x.out_amt) FILTER (WHERE x.r7)"),
        ("first_out_7", "MIN(x.occurred_at) FILTER (WHERE x.outflow AND x.r7)"),
        ("out_hist", "COALESCE(SUM(x.out_amt) FILTER (WHERE NOT x.r30), 0)"),
        ("first_7", "MIN(x.occurred_at) FILTER (WHERE x.m AND x.r7)"),
        ("before_7", "MAX(x.occurred_at) FILTER (WHERE x.m AND NOT x.r7)"),
        ("last_salary", f"MAX(x.occurred_at) FILTER (WHERE {salary} AND x.occurred_at >= {lookback})"),
        (
            "salary_before",
            f"COUNT(*) FILTER (WHERE {salary} AND x.occurred_at >= {lookback} AND x.occurred_at < {gap_start})",
        ),
        ("salary_recent", f"COUNT(*) FILTER (WHERE {salary} AND x.occurred_at >= {gap_start})"),
    ]
    return projection, aggregates


def _movement_aggregates(
    q: _Sql,
    now: datetime,
    mv: movements.MovementThresholds,
    params: dict[str, Decimal],
    ids: list[uuid.UUID] | None,
    table: str | None = None,
) -> str:
    """The `mv` CTE: `_movement_figures` per customer.

    `table`: these figures already computed for every customer (`_interaction_aggregates` with movements)."""
    projection, aggregates = _movement_figures(q, now, mv, params)
    if table is not None:
        columns = ", ".join(f"mv_{name} AS {name}" for name, _ in aggregates)
        return f"mv AS (SELECT customer_id, {columns} FROM {table})"
    only = "x.customer_id IN :ids AND " if ids is not None else ""
    columns = ",\n            ".join(f"{expr} AS {name}" for name, expr in aggregates)
    return f"""mv AS (
        SELECT x.customer_id,
            {columns}
        FROM (
            -- each row's tests once, not once per aggregate (see _interaction_aggregates)
            SELECT x.customer_id, x.occurred_at,
                x.type NOT IN {q.texts(movements.NOT_ACTIVITY_TYPES)} AS m,
                x.type IN {q.texts(movements.SALARY_TYPES)} AS salary,
                {projection}
            FROM interactions x
            WHERE {only}x.amount IS NOT NULL
            {"OFFSET 0" if q.pg else ""}
        ) x
        GROUP BY x.customer_id
    )"""


def _alert_cols(q: _Sql, kind: AlertKind, cause: str, title: str, detail: str, data: dict[str, str]) -> str:
    return (
        f"'{kind.value}' AS kind, {cause} AS cause_key, '{SEVERITY[kind]}' AS severity, {title} AS title, "
        f"{detail} AS detail, {q.json_object(data)} AS data"
    )


def _large_outflow(
    q: _Sql, now: datetime, mv: movements.MovementThresholds, params: dict[str, Decimal], ids: list[uuid.UUID] | None
) -> str:
    usual = "(o.out_hist / 11.0)"
    cols = _alert_cols(
        q,
        AlertKind.LARGE_OUTFLOW,
        f"{q.text('window:')} || {q.day_text('o.first_out_7')}",
        q.template(TITLES[AlertKind.LARGE_OUTFLOW], amount=q.money_text("o.out_7")),
        q.template(
            DETAILS[AlertKind.LARGE_OUTFLOW],
            amount=q.money_text("o.out_7"),
            start=q.day_text("o.first_out_7"),
            usual=q.money_text(usual),
            aum=q.money_text("COALESCE(s.aum, 0)"),
        ),
        {
            "amount": q.money_text("o.out_7"),
            "currency": "'CNY'",
            "window_start": q.day_text("o.first_out_7"),
            "usual_monthly_outflow": q.money_text(usual),
        },
    )
    return f"""
    SELECT o.customer_id, {cols}
    FROM mv o LEFT JOIN customer_scores s ON s.customer_id = o.customer_id
    WHERE o.first_out_7 IS NOT NULL AND o.out_7 >= {q.money(mv.outflow_min)}
        AND ((o.out_hist > 0 AND o.out_7 > {q.rate(mv.outflow_multiple)} * {usual})
            OR o.out_7 > {q.rate(mv.outflow_aum_share)} * (COALESCE(s.aum, 0) + o.out_7))
    """


def _dormant_wakeup(
    q: _Sql, now: datetime, mv: movements.MovementThresholds, params: dict[str, Decimal], ids: list[uuid.UUID] | None
) -> str:
    gap = q.days_between("w.first_7", "w.before_7")
    cols = _alert_cols(
        q,
        AlertKind.DORMANT_WAKEUP,
        f"{q.text('woke:')} || {q.day_text('w.first_7')}",
        q.template(TITLES[AlertKind.DORMANT_WAKEUP], days=q.int_text(gap)),
        q.template(
            DETAILS[AlertKind.DORMANT_WAKEUP],
            day=q.day_text("w.first_7"),
            before=q.day_text("w.before_7"),
        ),
        {"woke_on": q.day_text("w.first_7"), "previous_transaction": q.day_text("w.before_7")},
    )
    return f"""
    SELECT w.customer_id, {cols}
    FROM mv w
    WHERE w.first_7 IS NOT NULL AND w.before_7 IS NOT NULL AND {gap} >= {int(mv.dormant_days)}
    """


def _salary_stopped(
    q: _Sql, now: datetime, mv: movements.MovementThresholds, params: dict[str, Decimal], ids: list[uuid.UUID] | None
) -> str:
    cols = _alert_cols(
        q,
        AlertKind.SALARY_STOPPED,
        f"{q.text('last:')} || {q.day_text('p.last_salary')}",
        q.template(TITLES[AlertKind.SALARY_STOPPED], date=q.day_text("p.last_salary")),
        q.template(
            DETAILS[AlertKind.SALARY_STOPPED],
            n=q.int_text("p.salary_before"),
            days=q.text(str(mv.salary_gap_days)),
        ),
        {"last_salary": q.day_text("p.last_salary")},
    )
    return f"""
    SELECT p.customer_id, {cols}
    FROM mv p
    WHERE p.salary_before >= {int(mv.salary_min_months)} AND p.salary_recent = 0
    """


def _maturity(
    q: _Sql, now: datetime, mv: movements.MovementThresholds, params: dict[str, Decimal], ids: list[uuid.UUID] | None
) -> str:
    today = bank_day(now)
    cols = _alert_cols(
        q,
        AlertKind.MATURITY,
        f"{q.uuid_text('h.id')} || ':' || {q.date_text('h.maturity_date')}",
        q.template(TITLES[AlertKind.MATURITY], product="p.name", date=q.date_text("h.maturity_date")),
        f"CASE WHEN p.category IN {q.texts(CREDIT_MATURITY_CATEGORIES)} THEN "
        + q.template(
            CREDIT_MATURITY_DETAIL,
            balance=q.money_text("ABS(h.balance)"),
            currency="h.currency",
            product="p.name",
            date=q.date_text("h.maturity_date"),
        )
        + " ELSE "
        + q.template(
            DETAILS[AlertKind.MATURITY],
            balance=q.money_text("h.balance"),
            currency="h.currency",
            product="p.name",
            date=q.date_text("h.maturity_date"),
        )
        + " END",
        {
            "holding_id": q.uuid_text("h.id"),
            "maturity_date": q.date_text("h.maturity_date"),
            "balance": q.money_text("h.balance"),
            "currency": "h.currency",
        },
    )
    return f"""
    SELECT h.customer_id, {cols}
    FROM holdings h JOIN products p ON p.code = h.product_code
    WHERE h.status <> 'closed' AND h.maturity_date >= {q.day(today, "today")}
        AND h.maturity_date <= {q.day(today + timedelta(days=mv.maturity_days), "dmax")}{_target(ids, "h.customer_id")}
    """


def _complaint(
    q: _Sql, now: datetime, mv: movements.MovementThresholds, params: dict[str, Decimal], ids: list[uuid.UUID] | None
) -> str:
    cols = _alert_cols(
        q,
        AlertKind.COMPLAINT,
        f"{q.text('interaction:')} || {q.uuid_text('x.id')}",
        q.template(TITLES[AlertKind.COMPLAINT], date=q.day_text("x.occurred_at")),
        "COALESCE(x.summary, '')",
        {"interaction_id": q.uuid_text("x.id"), "occurred_at": q.day_text("x.occurred_at")},
    )
    return f"""
    SELECT x.customer_id, {cols}
    FROM interactions x
    WHERE x.type = '{movements.COMPLAINT_TYPE}' AND x.channel IN {q.texts(movements.COMPLAINT_CHANNELS)}
        AND x.occurred_at >= {q.ts(now - timedelta(days=mv.complaint_days), "tcomp")}{_target(ids, "x.customer_id")}
        -- a complaint already answered (its case closed, say during the call) needs no alert
        AND NOT EXISTS (SELECT 1 FROM cases cs WHERE cs.interaction_id = x.id AND cs.status = 'closed')
    """


FULL_PASS_TABLE = "rescore_interaction_figures"  # a temporary table, for the length of one full rescore


async def rescore(
    conn: AsyncConnection,
    now: datetime,
    rules: ScoringRules | None = None,
    customer_ids: Iterable[uuid.UUID] | None = None,
    *,
    alerts: bool = True,
) -> RescoreResult:
    """Score customers set-based: all of them (customer_ids None, which also recomputes the key-tier
    cutoff) or just the given ones (against the stored cutoff)."""
    rules = rules or ScoringRules()
    ids = None if customer_ids is None else sorted(set(customer_ids))
    if ids is not None and not ids:
        return RescoreResult(0, 0, 0, await stored_cutoff(conn))
    params = await load_parameters(conn)
    if conn.dialect.name == "postgresql" and ids is None:
        # One pass of hash aggregates over every customer: keep the group states in memory, not on disk.
        await conn.execute(sa.text("SET LOCAL work_mem = '256MB'"))
        # JIT-compiling these few large statements costs more (about 2.6 s for the scores statement on 100,000
        # customers) than it saves in evaluating them (about 1 s); measured with bench/rescore.
        await conn.execute(sa.text("SET LOCAL jit = off"))
    previous = await stored_cutoff(conn)
    table = None
    if ids is None:
        # Everyone: one pass over the interactions for both the scores and the movement alerts.
        table = FULL_PASS_TABLE
        q = _Sql(conn.dialect.name)
        select = _interaction_aggregates(q, now, params, rules, None, with_movements=True)
        await conn.execute(sa.text(f"DROP TABLE IF EXISTS {table}"))
        await conn.execute(q.statement(f"CREATE TEMPORARY TABLE {table} AS {select}", None), q.run_params(None))
    try:
        scored = await _score_figures(conn, now, params, rules, ids, previous, xs_table=table)
        cutoff = previous
        if ids is None:
            cutoff = await _store_cutoff(conn, now, rules.tiers.key_share)
            if cutoff != previous:
                await _retier(conn, now, rules, cutoff)
        changed = await _record_tiers(conn, now, ids)
        raised = await raise_alerts(conn, now, rules, ids, params, movements_table=table) if alerts else 0
    finally:
        if table is not None:
            await conn.execute(sa.text(f"DROP TABLE IF EXISTS {table}"))
    return RescoreResult(scored, changed, raised, cutoff)


def rules_from(
    *,
    key_share: Decimal,
    potential_growth_share: Decimal,
    outflow_multiple: Decimal,
    outflow_aum_share: Decimal,
    outflow_min_cny: Decimal,
    dormant_days: int,
) -> ScoringRules:
    """Scoring rules with the thresholds settings may change (the rest keep the domain's defaults)."""
    return ScoringRules(
        tiers=tiers.TierThresholds(key_share=key_share, growth_share=potential_growth_share),
        lifecycle=lifecycle.LifecycleThresholds(dormant_days=dormant_days),
        movements=movements.MovementThresholds(
            outflow_multiple=outflow_multiple,
            outflow_aum_share=outflow_aum_share,
            outflow_min=outflow_min_cny,
            dormant_days=dormant_days,
        ),
    )


class SqlValueStore:
    """The value ports of domain/services/value.py over one connection (the writer's transaction)."""

    def __init__(self, conn: AsyncConnection, rules: ScoringRules) -> None:
        self._conn = conn
        self._rules = rules

    async def rescore(self, customer_ids: frozenset[uuid.UUID], at: datetime) -> None:
        await rescore(self._conn, at, self._rules, customer_ids)

    async def refresh_segments(self, customer_ids: frozenset[uuid.UUID], at: datetime) -> None:
        from adapters.db.segments import refresh_rule_segments

        await refresh_rule_segments(self._conn, at, sorted(customer_ids))

    async def save_parameters(self, values: dict[str, Decimal], by: uuid.UUID | None, at: datetime) -> None:
        from sqlalchemy.dialects.postgresql import insert as pg_insert
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        from adapters.db.tables_value import value_parameters

        insert = pg_insert if self._conn.dialect.name == "postgresql" else sqlite_insert
        for name, value in values.items():
            stmt = insert(value_parameters).values(name=name, value=value, updated_at=at, updated_by=by)
            await self._conn.execute(
                stmt.on_conflict_do_update(
                    index_elements=["name"], set_={"value": value, "updated_at": at, "updated_by": by}
                )
            )


def value_rules(settings: Any) -> ScoringRules:
    """The scoring rules configured by settings (CRM_VALUE_*)."""
    return rules_from(
        key_share=settings.value_key_tier_share,
        potential_growth_share=settings.value_potential_growth_share,
        outflow_multiple=settings.value_outflow_multiple,
        outflow_aum_share=settings.value_outflow_aum_share,
        outflow_min_cny=settings.value_outflow_min_cny,
        dormant_days=settings.value_dormant_days,
    )


async def rescore_all(engine: Any, now: datetime, settings: Any, *, alerts: bool = True) -> RescoreResult:
    """`crm rescore`: every customer, the key-tier cutoff, alerts and every rule segment, in one transaction."""
    from adapters.db.engine import writer
    from adapters.db.segments import refresh_rule_segments

    async with writer(engine).begin() as conn:
        result = await rescore(conn, now, value_rules(settings), None, alerts=alerts)
        await refresh_rule_segments(conn, now, None)
    return result


async def customer_value(conn: AsyncConnection, customer_id: uuid.UUID) -> tuple[Any, list[Any]]:
    """The customer's score row (None if never scored) and tier history, newest first."""
    from adapters.db.tables_value import customer_scores, tier_changes

    score = (await conn.execute(sa.select(customer_scores).where(customer_scores.c.customer_id == customer_id))).first()
    history = list(
        await conn.execute(
            sa.select(tier_changes)
            .where(tier_changes.c.customer_id == customer_id)
            .order_by(tier_changes.c.changed_at.desc(), tier_changes.c.id.desc())
            .limit(50)
        )
    )
    return score, history


async def parameter_rows(conn: AsyncConnection) -> dict[str, Any]:
    from adapters.db.tables_value import value_parameters

    return {r.name: r for r in await conn.execute(sa.select(value_parameters))}


def _scoped_population(scope: Any) -> tuple[Any, Any]:
    from adapters.db.tables import customers
    from adapters.db.tables_value import customer_scores
    from adapters.db.views import scope_filter

    source = customers.outerjoin(customer_scores, customer_scores.c.customer_id == customers.c.id)
    return source, sa.and_(customers.c.merged_into.is_(None), scope_filter(scope))


async def tier_distribution(conn: AsyncConnection, scope: Any) -> list[Any]:
    """Count, AUM and contribution per tier over the caller's customers (customers.tier)."""
    from adapters.db.tables import customers
    from adapters.db.tables_value import customer_scores

    source, where = _scoped_population(scope)
    aum = sa.type_coerce(sa.func.coalesce(sa.func.sum(customer_scores.c.aum), 0), Amount())
    contrib = sa.type_coerce(sa.func.coalesce(sa.func.sum(customer_scores.c.contribution_monthly), 0), Amount())
    stmt = (
        sa.select(customers.c.tier, sa.func.count().label("customers"), aum.label("aum"), contrib.label("contribution"))
        .select_from(source)
        .where(where)
        .group_by(customers.c.tier)
    )
    return list(await conn.execute(stmt))


async def pareto_curve(
    conn: AsyncConnection, scope: Any, points: int
) -> tuple[int, Decimal, list[tuple[int, Decimal]]]:
    """The cumulative positive contribution at `points` evenly spaced ranks, customers best first.

    Returns (customers, total positive contribution, [(rank, cumulative contribution)]).
    """
    from adapters.db.tables import customers
    from adapters.db.tables_value import customer_scores

    source, where = _scoped_population(scope)
    c = sa.func.coalesce(customer_scores.c.contribution_monthly, 0)
    positive = sa.case((c > 0, c), else_=0)
    total_row = (
        await conn.execute(
            sa.select(sa.func.count(), sa.type_coerce(sa.func.coalesce(sa.func.sum(positive), 0), Amount()))
            .select_from(source)
            .where(where)
        )
    ).one()
    n, total = int(total_row[0]), Decimal(total_row[1])
    if n == 0:
        return 0, Decimal(0), []
    ranks = sorted({max(1, -(-n * k // points)) for k in range(1, points + 1)})
    order = (c.desc(), customers.c.id)
    ranked = (
        sa.select(
            sa.func.row_number().over(order_by=order).label("rn"),
            sa.type_coerce(sa.func.sum(positive).over(order_by=order, rows=(None, 0)), Amount()).label("running"),
        )
        .select_from(source)
        .where(where)
        .subquery()
    )
    rows = await conn.execute(sa.select(ranked.c.rn, ranked.c.running).where(ranked.c.rn.in_(ranks)).order_by("rn"))
    return n, total, [(int(r.rn), Decimal(r.running)) for r in rows]
