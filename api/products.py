"""The product catalogue."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, status
from pydantic import BaseModel, Field, StringConstraints

from adapters.db import views
from api.deps import ContainerDep, PersonDep
from api.schemas.common import (
    NO_CONTROL_CHARS,
    WHOLE_NUMBER,
    CurrencyCode,
    DecimalStr,
    MoneyStr,
    NonNegativeAmountIn,
    Page,
    StrictModel,
    decimal_string,
    problem_responses,
)
from domain.access import Action
from domain.products import Product, ProductCategory

router = APIRouter(prefix="/api/v1/products", tags=["products"])

# -0.05 to 0.5 with up to 6 decimals, spelled out so the schema admits exactly what the catalogue accepts.
RATE_PATTERN = r"^(-0\.0[0-4][0-9]{0,4}|-0\.050{0,4}|0(\.[0-4][0-9]{0,5})?|0\.50{0,5})$"
RateIn = decimal_string(RATE_PATTERN, "0.0175", "Yearly rate as a decimal fraction, -0.05 to 0.5")


class ProductOut(BaseModel):
    code: str
    name: str
    name_zh: str | None
    category: ProductCategory
    currency: str
    rate: DecimalStr | None = Field(description="Yearly rate as a decimal fraction (0.0215 = 2.15%)")
    term_months: int | None
    minimum_amount: MoneyStr | None
    risk_level: int = Field(description="1 (R1, lowest) to 5 (R5, highest)")
    active: bool


class ProductIn(StrictModel):
    code: Annotated[str, StringConstraints(pattern=r"^[A-Z0-9][A-Z0-9_-]{1,31}$")]
    name: Annotated[str, StringConstraints(min_length=1, max_length=128, pattern=r"^[^\x00-\x1f\x7f]+$")]
    name_zh: Annotated[str, StringConstraints(min_length=1, max_length=128, pattern=r"^[^\x00-\x1f\x7f]+$")] | None = (
        None
    )
    category: ProductCategory
    currency: CurrencyCode = CurrencyCode["CNY"]
    rate: RateIn | None = None  # type: ignore[valid-type]
    term_months: Annotated[int, Field(ge=1, le=600), WHOLE_NUMBER] | None = None
    minimum_amount: NonNegativeAmountIn | None = None
    risk_level: Annotated[int, Field(ge=1, le=5), WHOLE_NUMBER] = 1

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "code": "TD-12M",
                    "name": "12-month time deposit",
                    "name_zh": "一年期定期存款",
                    "category": "time_deposit",
                    "rate": "0.0175",
                    "term_months": 12,
                    "minimum_amount": "50.00",
                    "risk_level": 1,
                }
            ]
        }
    }


def _out(p: Product) -> ProductOut:
    return ProductOut(
        code=p.code,
        name=p.name,
        name_zh=p.name_zh,
        category=p.category,
        currency=p.currency,
        rate=p.rate,
        term_months=p.term_months,
        minimum_amount=p.minimum_amount,
        risk_level=p.risk_level,
        active=p.active,
    )


@router.get(
    "",
    operation_id="products-list",
    response_model=Page[ProductOut],
    responses=problem_responses(401, 403, 422),
    summary="The product catalogue",
)
async def list_products(
    container: ContainerDep,
    principal: PersonDep,
    category: ProductCategory | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    cursor: Annotated[str | None, Query(max_length=512, pattern=NO_CONTROL_CHARS)] = None,
) -> Page[ProductOut]:
    principal.require(Action.READ_PRODUCTS)
    async with container.engine.connect() as conn:
        page = await views.list_products(
            conn, category=category.value if category else None, limit=limit, cursor=cursor
        )
    return Page(
        items=[
            ProductOut(
                code=r.code,
                name=r.name,
                name_zh=r.name_zh,
                category=r.category,
                currency=r.currency,
                rate=r.rate,
                term_months=r.term_months,
                minimum_amount=r.minimum_amount,
                risk_level=r.risk_level,
                active=r.active,
            )
            for r in page.items
        ],
        next_cursor=page.next_cursor,
    )


@router.post(
    "",
    operation_id="products-create",
    status_code=status.HTTP_201_CREATED,
    response_model=ProductOut,
    responses=problem_responses(401, 403, 409, 422),
    summary="Add a product to the catalogue (admin)",
)
async def create_product(body: ProductIn, container: ContainerDep, principal: PersonDep) -> ProductOut:
    principal.require(Action.WRITE_PRODUCTS)
    product = Product(**(body.model_dump() | {"currency": body.currency.value}))
    async with container.uow() as uow:
        await uow.products.add(product)
        await uow.commit()
    return _out(product)
