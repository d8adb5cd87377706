"""Holdings with balances, maturities and history, and the all-channel timeline, through the real API."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import httpx
import sqlalchemy as sa

from adapters.container import Container
from adapters.db.tables import balance_history
from domain.holdings import ProductHolding
from domain.interactions import Channel, Interaction
from domain.money import Money
from domain.products import Product, ProductCategory
from tests.conftest import customer_body

T0 = datetime(2026, 10, 1, 8, 0, tzinfo=UTC)


async def seed(container: Container, customer_id: uuid.UUID) -> list[Interaction]:
    today = container.today()
    async with container.uow() as uow:
        await uow.products.add(Product("TD12", "12-month time deposit", ProductCategory.TIME_DEPOSIT, term_months=12))
        await uow.products.add(Product("CC", "Platinum card", ProductCategory.CREDIT_CARD, risk_level=1))
        td = ProductHolding(
            id=uuid.uuid4(),
            customer_id=customer_id,
            account_number="6222000000000001",
            product_code="TD12",
            category=ProductCategory.TIME_DEPOSIT,
            currency="CNY",
            balance=Decimal("200000.00"),
            opened_on=today - timedelta(days=340),
            maturity_date=today + timedelta(days=25),
        )
        card = ProductHolding(
            id=uuid.uuid4(),
            customer_id=customer_id,
            account_number="6222000000000002",
            product_code="CC",
            category=ProductCategory.CREDIT_CARD,
            currency="CNY",
            balance=Decimal("-1234.56"),
            credit_limit=Decimal("50000"),
            opened_on=today - timedelta(days=100),
        )
        await uow.holdings.add(td)
        await uow.holdings.add(card)
        await uow.connection.execute(
            sa.insert(balance_history),
            [
                {"holding_id": td.id, "as_of": date(2026, 9, 30), "balance": Decimal("150000.00")},
                {"holding_id": td.id, "as_of": date(2026, 10, 31), "balance": Decimal("200000.00")},
            ],
        )
        made = []
        channels = [Channel.TELLER, Channel.CARD, Channel.ATM, Channel.CALL_CENTER, Channel.ONLINE_BANKING]
        # 15 interactions, inserted out of time order across channels
        for i in [7, 2, 11, 0, 14, 5, 9, 1, 13, 3, 8, 12, 4, 10, 6]:
            inter = Interaction(
                id=uuid.uuid4(),
                customer_id=customer_id,
                channel=channels[i % 5],
                type=f"t{i}",
                occurred_at=T0 + timedelta(hours=i),
                amount=Money.of(f"{i}.50", "CNY") if i % 2 else None,
                source_ref=f"R-{i}",
            )
            await uow.interactions.add(inter)
            made.append(inter)
        await uow.commit()
    return made


async def test_holdings_show_balances_maturity_and_history(
    app_client: httpx.AsyncClient,
    admin,
    container: Container,  # type: ignore[no-untyped-def]
) -> None:
    cid = (await app_client.post("/api/v1/customers", json=customer_body(), headers=admin.headers)).json()["id"]
    await seed(container, uuid.UUID(cid))
    r = await app_client.get(f"/api/v1/customers/{cid}/holdings", headers=admin.headers)
    assert r.status_code == 200
    items = {h["product_code"]: h for h in r.json()["items"]}
    td, card = items["TD12"], items["CC"]
    assert td["balance"] == "200000.00" and card["balance"] == "-1234.56" and card["credit_limit"] == "50000.00"
    assert isinstance(td["balance"], str) and isinstance(card["credit_limit"], str)
    assert td["days_to_maturity"] == 25
    assert [p["as_of"] for p in td["balance_history"]] == ["2026-09-30", "2026-10-31"]
    assert Decimal(td["balance_history"][0]["balance"]) == Decimal("150000")


async def test_timeline_is_newest_first_across_channels_with_paging_and_filters(
    app_client: httpx.AsyncClient,
    admin,
    container: Container,  # type: ignore[no-untyped-def]
) -> None:
    cid = (await app_client.post("/api/v1/customers", json=customer_body(), headers=admin.headers)).json()["id"]
    made = await seed(container, uuid.UUID(cid))
    expected = [i.type for i in sorted(made, key=lambda i: i.occurred_at, reverse=True)]

    got: list[str] = []
    cursor = None
    while True:
        params: dict[str, str | int] = {"limit": 4} | ({"cursor": cursor} if cursor else {})
        page = (await app_client.get(f"/api/v1/customers/{cid}/timeline", params=params, headers=admin.headers)).json()
        got += [i["type"] for i in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert got == expected

    r = await app_client.get(
        f"/api/v1/customers/{cid}/timeline", params={"channel": ["atm", "card"]}, headers=admin.headers
    )
    assert {i["channel"] for i in r.json()["items"]} == {"atm", "card"}
    assert len(r.json()["items"]) == 6

    since = (T0 + timedelta(hours=10)).isoformat()
    r = await app_client.get(f"/api/v1/customers/{cid}/timeline", params={"since": since}, headers=admin.headers)
    assert [i["type"] for i in r.json()["items"]] == ["t14", "t13", "t12", "t11", "t10"]
    money = [i for i in r.json()["items"] if i["amount"] is not None]
    assert all(isinstance(i["amount"], str) and i["currency"] == "CNY" for i in money)

    r = await app_client.get(
        f"/api/v1/customers/{cid}/timeline", params={"since": "2026-10-01T10:00:00"}, headers=admin.headers
    )
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "since"


async def test_products_catalogue_lists_and_admin_adds(app_client: httpx.AsyncClient, make_person) -> None:  # type: ignore[no-untyped-def]
    admin = await make_person("admin")
    rm = await make_person("rm", "BJ001")
    body = {
        "code": "TD-6M",
        "name": "6-month time deposit",
        "category": "time_deposit",
        "rate": "0.0150",
        "term_months": 6,
        "minimum_amount": "50.00",
        "risk_level": 1,
    }
    assert (await app_client.post("/api/v1/products", json=body, headers=rm.headers)).status_code == 403
    r = await app_client.post("/api/v1/products", json=body, headers=admin.headers)
    assert r.status_code == 201, r.text
    assert (await app_client.post("/api/v1/products", json=body, headers=admin.headers)).status_code == 409
    for bad, field in (
        ({"rate": "0.9"}, "rate"),
        ({"currency": "XYZ"}, "currency"),
        ({"minimum_amount": "-5"}, "minimum_amount"),
        ({"minimum_amount": 5.5}, "minimum_amount"),
        ({"term_months": True}, "term_months"),  # found by schemathesis: a boolean was taken as 1 month
        ({"risk_level": "3"}, "risk_level"),
    ):
        r = await app_client.post("/api/v1/products", json=body | {"code": "X1"} | bad, headers=admin.headers)
        assert r.status_code == 422 and r.json()["errors"][0]["field"] == field, (bad, r.text)
    r = await app_client.post(
        "/api/v1/products", json=body | {"code": "TD-3M", "term_months": 3.0}, headers=admin.headers
    )
    assert r.status_code == 201 and r.json()["term_months"] == 3, "a JSON integer may be written 3.0"
    listed = [
        p
        for p in (await app_client.get("/api/v1/products", headers=rm.headers)).json()["items"]
        if p["code"] != "TD-3M"
    ]
    assert [(p["code"], p["rate"], p["minimum_amount"]) for p in listed] == [("TD-6M", "0.015", "50.00")]
