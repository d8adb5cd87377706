"""Small factories for the value area's tests: customers, holdings, balance history and events as rows."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.db import accounts
from adapters.db.tables import balance_history, customers, holdings, interactions, products

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
_counter = {"n": 0}


def _next() -> int:
    _counter["n"] += 1
    return _counter["n"]


async def add_customer(conn: AsyncConnection, **over: Any) -> uuid.UUID:
    await accounts.ensure_branch(conn, "BJ001", "Beijing Chaoyang")
    await accounts.ensure_branch(conn, "SH001", "Shanghai Pudong")
    cid = over.pop("id", uuid.uuid4())
    row: dict[str, Any] = {
        "id": cid,
        "customer_number": f"VC{_next():08d}",
        "kind": "individual",
        "name_latin": "Li Wei",
        "phones": ["+8613900000000"],
        "emails": [],
        "preferred_language": "zh-CN",
        "marketing_consent": {},
        "home_branch": "BJ001",
        "lifecycle_stage": "new",
        "tier": "ordinary",
        "version": 1,
        "created_at": datetime(2020, 1, 1, tzinfo=UTC),
        "updated_at": datetime(2020, 1, 1, tzinfo=UTC),
        "birth_date": date(1970, 1, 1),
    }
    row.update(over)
    await conn.execute(sa.insert(customers).values(row))
    return cid


async def add_holding(
    conn: AsyncConnection,
    customer_id: uuid.UUID,
    category: str,
    balance: str | Decimal,
    **over: Any,
) -> uuid.UUID:
    code = over.pop("product_code", f"P-{category}".upper()[:32])
    if not await conn.scalar(sa.select(products.c.code).where(products.c.code == code)):
        await conn.execute(
            sa.insert(products).values(
                code=code,
                name=f"{category.replace('_', ' ').title()}",
                category=category,
                currency="CNY",
                risk_level=1,
                active=True,
            )
        )
    hid = over.pop("id", uuid.uuid4())
    row: dict[str, Any] = {
        "id": hid,
        "customer_id": customer_id,
        "account_number": f"62220{_next():010d}",
        "product_code": code,
        "category": category,
        "status": "active",
        "opened_on": date(2021, 1, 1),
        "balance": Decimal(balance),
        "currency": "CNY",
    }
    row.update(over)
    await conn.execute(sa.insert(holdings).values(row))
    return hid


async def add_history(conn: AsyncConnection, holding_id: uuid.UUID, as_of: date, balance: str) -> None:
    await conn.execute(sa.insert(balance_history).values(holding_id=holding_id, as_of=as_of, balance=Decimal(balance)))


async def add_event(
    conn: AsyncConnection,
    customer_id: uuid.UUID,
    channel: str,
    type_: str,
    at: datetime,
    amount: str | None = None,
    **over: Any,
) -> uuid.UUID:
    iid = uuid.uuid4()
    row: dict[str, Any] = {
        "id": iid,
        "customer_id": customer_id,
        "channel": channel,
        "type": type_,
        "direction": "inbound",
        "occurred_at": at,
        "amount": None if amount is None else Decimal(amount),
        "currency": None if amount is None else "CNY",
        "payload": {},
    }
    row.update(over)
    await conn.execute(sa.insert(interactions).values(row))
    return iid


async def add_open_alert(
    conn: AsyncConnection, customer_id: uuid.UUID, assigned_to: uuid.UUID | None, *, cause_key: str = "k1"
) -> uuid.UUID:
    """An open complaint alert, as scoring would raise one."""
    from adapters.db.tables_value import alerts

    alert_id = uuid.uuid4()
    await conn.execute(
        sa.insert(alerts).values(
            id=alert_id,
            customer_id=customer_id,
            kind="complaint",
            cause_key=cause_key,
            severity="high",
            title="Complaint",
            status="open",
            assigned_to=assigned_to,
            data={},
            raised_at=datetime.now(UTC),
        )
    )
    return alert_id
