"""Product catalogue repository."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.db.tables import products
from domain.errors import Conflict
from domain.products import Product, ProductCategory


def product_to_row(p: Product) -> dict[str, Any]:
    return {
        "code": p.code,
        "name": p.name,
        "name_zh": p.name_zh,
        "category": p.category.value,
        "currency": p.currency,
        "rate": p.rate,
        "term_months": p.term_months,
        "minimum_amount": p.minimum_amount,
        "risk_level": p.risk_level,
        "active": p.active,
    }


def row_to_product(row: Any) -> Product:
    m = row._mapping
    return Product(
        code=m["code"],
        name=m["name"],
        name_zh=m["name_zh"],
        category=ProductCategory(m["category"]),
        currency=m["currency"],
        rate=m["rate"],
        term_months=m["term_months"],
        minimum_amount=m["minimum_amount"],
        risk_level=m["risk_level"],
        active=m["active"],
    )


class SqlProductRepository:
    def __init__(self, conn: AsyncConnection) -> None:
        self._conn = conn

    async def get(self, code: str) -> Product | None:
        row = (await self._conn.execute(sa.select(products).where(products.c.code == code))).first()
        return row_to_product(row) if row else None

    async def add(self, product: Product) -> None:
        try:
            await self._conn.execute(sa.insert(products).values(product_to_row(product)))
        except IntegrityError as e:
            raise Conflict(f"product {product.code} exists", field="code") from e

    async def update(self, product: Product) -> None:
        row = product_to_row(product)
        await self._conn.execute(sa.update(products).where(products.c.code == row.pop("code")).values(row))
