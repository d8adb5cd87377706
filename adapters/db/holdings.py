"""Holding repository, with the balance history kept beside each holding."""

from __future__ import annotations

import uuid
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.db.tables import holdings
from domain.errors import Conflict
from domain.holdings import HoldingStatus, ProductHolding
from domain.products import ProductCategory


def holding_to_row(h: ProductHolding) -> dict[str, Any]:
    return {
        "id": h.id,
        "customer_id": h.customer_id,
        "account_number": h.account_number,
        "product_code": h.product_code,
        "category": h.category.value,
        "status": h.status.value,
        "opened_on": h.opened_on,
        "closed_on": h.closed_on,
        "balance": h.balance,
        "currency": h.currency,
        "credit_limit": h.credit_limit,
        "rate": h.rate,
        "maturity_date": h.maturity_date,
        "balance_as_of": h.balance_as_of,
    }


def row_to_holding(row: Any) -> ProductHolding:
    m = row._mapping
    return ProductHolding(
        id=m["id"],
        customer_id=m["customer_id"],
        account_number=m["account_number"],
        product_code=m["product_code"],
        category=ProductCategory(m["category"]),
        currency=m["currency"],
        balance=m["balance"],
        status=HoldingStatus(m["status"]),
        opened_on=m["opened_on"],
        closed_on=m["closed_on"],
        credit_limit=m["credit_limit"],
        rate=m["rate"],
        maturity_date=m["maturity_date"],
        balance_as_of=m["balance_as_of"],
    )


class SqlHoldingRepository:
    def __init__(self, conn: AsyncConnection) -> None:
        self._conn = conn

    async def get(self, holding_id: uuid.UUID) -> ProductHolding | None:
        row = (await self._conn.execute(sa.select(holdings).where(holdings.c.id == holding_id))).first()
        return row_to_holding(row) if row else None

    async def get_by_account(self, account_number: str) -> ProductHolding | None:
        row = (await self._conn.execute(sa.select(holdings).where(holdings.c.account_number == account_number))).first()
        return row_to_holding(row) if row else None

    async def for_customer(self, customer_id: uuid.UUID) -> list[ProductHolding]:
        rows = await self._conn.execute(
            sa.select(holdings).where(holdings.c.customer_id == customer_id).order_by(holdings.c.opened_on)
        )
        return [row_to_holding(r) for r in rows]

    async def add(self, holding: ProductHolding) -> None:
        try:
            await self._conn.execute(sa.insert(holdings).values(holding_to_row(holding)))
        except IntegrityError as e:
            raise Conflict(f"account {holding.account_number} exists", field="account_number") from e

    async def update(self, holding: ProductHolding) -> None:
        row = holding_to_row(holding)
        await self._conn.execute(sa.update(holdings).where(holdings.c.id == row.pop("id")).values(row))
