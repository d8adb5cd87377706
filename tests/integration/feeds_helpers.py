"""Factories shared by the feeds tests: a feed key, a seeded customer with a holding, events per channel."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa

from adapters.channels.common import luhn_ok
from adapters.container import Container
from adapters.db import accounts
from adapters.db.schema import metadata
from domain.customers import Customer, IdDocument, IdDocumentType
from domain.holdings import ProductHolding
from domain.products import Product, ProductCategory

CUSTOMER_NUMBER = "C0000000042"
PHONE = "+8613812345670"  # not Luhn-valid as 13 digits, so the card-number scan stays meaningful
ACCOUNT = "ACC-0001-2345"
CARD_ACCOUNT = "CC-0001-9999"
VISA = "4111111111111111"


async def feed_key(container: Container, scopes: list[str] | None = None) -> dict[str, str]:
    async with container.uow() as uow:
        secret = await accounts.create_api_key(
            uow.connection,
            name=f"partner-{uuid.uuid4().hex[:6]}",
            scopes=scopes or ["feeds:write"],
            now=container.clock.now(),
        )
        await uow.commit()
    return {"X-API-Key": secret}


async def seed_bank(container: Container) -> uuid.UUID:
    """One known customer with a savings account (1,000.00 CNY) and a credit card account; products."""
    cid = uuid.uuid4()
    now = datetime(2026, 1, 1, tzinfo=UTC)
    async with container.uow() as uow:
        await uow.products.add(Product("SAV-CNY", "Savings", ProductCategory.SAVINGS))
        await uow.products.add(Product("TD-12M", "Time deposit 12m", ProductCategory.TIME_DEPOSIT))
        await uow.products.add(Product("CC-GOLD", "Gold card", ProductCategory.CREDIT_CARD))
        await uow.customers.add(
            Customer(
                id=cid,
                customer_number=CUSTOMER_NUMBER,
                name_zh="王芳",
                name_latin="Wang Fang",
                phones=[PHONE],
                id_document=IdDocument(IdDocumentType.PASSPORT, "E12345678"),
                created_at=now,
                updated_at=now,
            )
        )
        await uow.holdings.add(
            ProductHolding(
                id=uuid.uuid4(),
                customer_id=cid,
                account_number=ACCOUNT,
                product_code="SAV-CNY",
                category=ProductCategory.SAVINGS,
                currency="CNY",
                balance=Decimal("1000.00"),
                opened_on=date(2025, 1, 1),
                balance_as_of=now,
            )
        )
        await uow.holdings.add(
            ProductHolding(
                id=uuid.uuid4(),
                customer_id=cid,
                account_number=CARD_ACCOUNT,
                product_code="CC-GOLD",
                category=ProductCategory.CREDIT_CARD,
                currency="CNY",
                credit_limit=Decimal("50000"),
                opened_on=date(2025, 1, 1),
            )
        )
        await uow.commit()
    return cid


def ev(
    ref: str, type_: str, at: str = "2026-11-23T09:30:00+08:00", customer: dict[str, Any] | None = None, **fields: Any
) -> dict[str, Any]:
    return {
        "source_ref": ref,
        "type": type_,
        "occurred_at": at,
        "customer": customer if customer is not None else {"customer_number": CUSTOMER_NUMBER},
        **fields,
    }


async def balance(container: Container, account: str) -> Decimal:
    async with container.uow(readonly=True) as uow:
        h = await uow.holdings.get_by_account(account)
    assert h is not None
    return h.balance


async def timeline_count(container: Container, customer_id: uuid.UUID | None = None) -> int:
    from adapters.db.tables import interactions

    async with container.engine.connect() as conn:
        stmt = sa.select(sa.func.count()).select_from(interactions)
        if customer_id is not None:
            stmt = stmt.where(interactions.c.customer_id == customer_id)
        return int(await conn.scalar(stmt) or 0)


CARD_RUN = re.compile(r"(?<![0-9+])[0-9](?:[ \-]?[0-9]){12,18}(?![0-9])")
# Ids are UUIDs (8-4-4-4-12 hex): one whose leading groups happen to be all decimal digits reads as a
# hyphenated 13-digit run, Luhn-valid one time in ten. No card number is written in that shape.
# SQLite stores (and its driver logs) the same ids as 32 hex digits without hyphens, where a run of 13 or more
# decimal digits inside is Luhn-valid just as often.
UUID = re.compile(
    r"(?<![0-9A-Za-z])(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-fA-F]{32})"
    r"(?![0-9A-Za-z])"
)


def card_numbers_in(text: str) -> list[str]:
    """Every Luhn-valid 13-19 digit run, contiguous or grouped by spaces or hyphens (UUIDs aside)."""
    found = []
    for m in CARD_RUN.finditer(UUID.sub(" ", text)):
        digits = re.sub(r"[ \-]", "", m.group(0))
        if 13 <= len(digits) <= 19 and luhn_ok(digits):
            found.append(digits)
    return found


async def card_numbers_in_database(container: Container) -> list[tuple[str, str]]:
    """Every Luhn-valid 13-19 digit run in any text or JSON column of any table."""
    hits: list[tuple[str, str]] = []
    async with container.engine.connect() as conn:
        for table in metadata.sorted_tables:
            for row in await conn.execute(sa.select(table)):
                for col, value in row._mapping.items():
                    if value is None:
                        continue
                    for number in card_numbers_in(str(value)):
                        hits.append((f"{table.name}.{col}", number))
    return hits
