"""Scope, property-level rules, masking and reveal, against a real database (SQLite and PostgreSQL)."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import httpx
import sqlalchemy as sa

from adapters.container import Container
from adapters.db.tables import customers
from api.access_policy import POLICY, api_routes
from domain.access import Principal, Role
from domain.holdings import ProductHolding
from domain.products import ProductCategory
from tests.conftest import Person, customer_body

MakePerson = Callable[..., Awaitable[Person]]


@dataclass
class Bank:
    """Two RMs in Beijing, one in Shanghai, a customer each, and one of every other role."""

    admin: Person
    rm: Person
    other_rm: Person
    far_rm: Person
    branch_manager: Person
    agent: Person
    marketing: Person
    auditor: Person
    mine: dict[str, Any]
    theirs: dict[str, Any]
    far: dict[str, Any]
    account_number: str

    def person(self, role: str) -> Person:
        return {
            "admin": self.admin,
            "rm": self.rm,
            "branch_manager": self.branch_manager,
            "agent": self.agent,
            "marketing": self.marketing,
            "auditor": self.auditor,
        }[role]


async def _create(client: httpx.AsyncClient, who: Person, n: int) -> dict[str, Any]:
    body = customer_body(
        customer_number=f"C90{n}",
        name_latin=f"Li Na {n}",
        name_zh=f"李娜{n}",
        phones=[f"+86139000000{n:02d}"],
        id_document={"type": "resident_id", "number": f"11010119900307{n:03d}X"},
        home_branch=who.branch,
    )
    r = await client.post("/api/v1/customers", json=body, headers=who.headers)
    assert r.status_code == 201, r.text
    return r.json()


async def seed_bank(client: httpx.AsyncClient, make_person: MakePerson, container: Container) -> Bank:
    admin = await make_person("admin")
    rm = await make_person("rm", "BJ001")
    other_rm = await make_person("rm", "BJ001")
    far_rm = await make_person("rm", "SH001")
    people = {role: await make_person(role, "BJ001") for role in ("branch_manager", "agent", "marketing", "auditor")}
    mine = await _create(client, rm, 1)
    theirs = await _create(client, other_rm, 2)
    far = await _create(client, far_rm, 3)
    r = await client.post(
        "/api/v1/products",
        json={"code": "SAV-STD", "name": "Savings", "category": "savings", "currency": "CNY"},
        headers=admin.headers,
    )
    assert r.status_code == 201, r.text
    account = "6222020200112233445"
    async with container.uow() as uow:
        await uow.holdings.add(
            ProductHolding(
                id=uuid.uuid4(),
                customer_id=uuid.UUID(mine["id"]),
                account_number=account,
                product_code="SAV-STD",
                category=ProductCategory.SAVINGS,
                currency="CNY",
                balance=Decimal("1200.50"),
                opened_on=date(2025, 1, 2),
            )
        )
        await uow.commit()
    return Bank(admin, rm, other_rm, far_rm, mine=mine, theirs=theirs, far=far, account_number=account, **people)


def principal_of(person: Person) -> Principal:
    return Principal(subject=person.username, kind="user", role=Role(person.role), user_id=person.id)


async def customer_row(container: Container, customer_id: str) -> dict[str, Any]:
    async with container.engine.connect() as conn:
        row = (await conn.execute(sa.select(customers).where(customers.c.id == uuid.UUID(customer_id)))).one()
    return dict(row._mapping)


def customer_routes(app: Any) -> list[tuple[str, str, str]]:
    """(method, path, operation_id) of every route that takes a customer id."""
    return [
        (method, route.path, str(route.operation_id))
        for route in api_routes(app)
        if "{customer_id}" in route.path
        for method in sorted(route.methods)
    ]


async def test_another_rms_customer_is_404_on_every_customer_route(
    app_client: httpx.AsyncClient, make_person: MakePerson, container: Container
) -> None:
    bank = await seed_bank(app_client, make_person, container)
    app = app_client._transport.app  # type: ignore[attr-defined]
    routes = customer_routes(app)
    assert len(routes) >= 5  # get, patch, relations, holdings, timeline at least
    for who, customer in ((bank.rm, bank.theirs), (bank.rm, bank.far), (bank.branch_manager, bank.far)):
        for method, path, operation_id in routes:
            # (a campaign's response: a campaign that does not exist either; tests/integration/test_campaigns_api.py
            # has the customer of another RM in a real campaign)
            url = path.replace("{customer_id}", customer["id"]).replace("{campaign_id}", str(uuid.uuid4()))
            body: dict[str, Any] = {"occupation": "x"} if method == "PATCH" else {}
            if path.endswith("/relations"):
                body = {"related_customer_id": bank.mine["id"], "type": "spouse"}
            if path.endswith("/merge"):
                body = {"source_customer_id": bank.mine["id"]}
            if path.endswith("/response"):
                body = {"response": "contacted"}
            r = await app_client.request(
                method, url, json=body if method != "GET" else None, headers={**who.headers, "If-Match": '"v1"'}
            )
            # A role the route is not for at all gets 403 whatever the id (so nothing leaks about it);
            # a role it is for gets 404 for a customer outside its scope, as if there were none.
            expected = 404 if POLICY[operation_id].admits(principal_of(who)) else 403
            assert r.status_code == expected, (who.role, method, path, r.status_code, r.text)
            assert r.headers["content-type"].startswith("application/problem+json")
    # Nothing was written by any of those attempts.
    assert (await customer_row(container, bank.theirs["id"]))["version"] == 1
    # An id that does not exist at all answers the same way.
    r = await app_client.get(f"/api/v1/customers/{uuid.uuid4()}", headers=bank.rm.headers)
    assert r.status_code == 404


async def test_search_and_lists_never_include_a_customer_outside_scope(
    app_client: httpx.AsyncClient, make_person: MakePerson, container: Container
) -> None:
    bank = await seed_bank(app_client, make_person, container)

    async def listed(who: Person, **params: Any) -> set[str]:
        seen: set[str] = set()
        cursor = None
        while True:
            query = {"limit": 1, **params} | ({"cursor": cursor} if cursor else {})
            r = await app_client.get("/api/v1/customers", params=query, headers=who.headers)
            assert r.status_code == 200, r.text
            seen |= {c["id"] for c in r.json()["items"]}
            cursor = r.json()["next_cursor"]
            if cursor is None:
                return seen

    everyone = {bank.mine["id"], bank.theirs["id"], bank.far["id"]}
    assert await listed(bank.rm) == {bank.mine["id"]}
    assert await listed(bank.rm, q="Li Na") == {bank.mine["id"]}
    assert await listed(bank.rm, q="13900000002") == set()  # the other RM's customer's phone
    assert await listed(bank.rm, q="C902") == set()
    assert await listed(bank.rm, relationship_manager=bank.other_rm.username) == set()
    assert await listed(bank.branch_manager) == {bank.mine["id"], bank.theirs["id"]}
    assert await listed(bank.branch_manager, q="C903") == set()
    assert await listed(bank.admin) == everyone
    assert await listed(bank.auditor) == everyone


async def test_patch_of_each_read_only_field_is_403_naming_it_and_changes_nothing(
    app_client: httpx.AsyncClient, make_person: MakePerson, container: Container
) -> None:
    bank = await seed_bank(app_client, make_person, container)
    before = await customer_row(container, bank.mine["id"])
    attempts = {
        "rm": {
            "tier": "key",
            "home_branch": "SH001",
            "relationship_manager_id": str(bank.other_rm.id),
            "lifecycle_stage": "mature",
        },
        "branch_manager": {"tier": "key", "home_branch": "SH001"},
    }
    for role, fields in attempts.items():
        who = bank.person(role)
        for name, value in fields.items():
            r = await app_client.patch(
                f"/api/v1/customers/{bank.mine['id']}",
                json={name: value, "occupation": "Pilot"},
                headers={**who.headers, "If-Match": '"v1"'},
            )
            assert r.status_code == 403, (role, name, r.text)
            assert r.json()["errors"][0]["field"] == name
            assert name in r.json()["detail"]
    # Roles that change nothing may not PATCH at all, whatever the field.
    for role in ("auditor", "marketing", "agent"):
        r = await app_client.patch(
            f"/api/v1/customers/{bank.mine['id']}",
            json={"occupation": "Pilot"},
            headers={**bank.person(role).headers, "If-Match": '"v1"'},
        )
        assert r.status_code == 403, (role, r.text)
    assert await customer_row(container, bank.mine["id"]) == before
    # Unknown fields are a 422 naming them, also without effect.
    r = await app_client.patch(
        f"/api/v1/customers/{bank.mine['id']}",
        json={"favourite_colour": "blue"},
        headers={**bank.rm.headers, "If-Match": '"v1"'},
    )
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "favourite_colour"
    assert await customer_row(container, bank.mine["id"]) == before
    # The fields an RM may change, they can.
    r = await app_client.patch(
        f"/api/v1/customers/{bank.mine['id']}",
        json={"occupation": "Pilot"},
        headers={**bank.rm.headers, "If-Match": '"v1"'},
    )
    assert r.status_code == 200 and r.json()["occupation"] == "Pilot"


async def test_identifiers_are_masked_unless_revealed_by_a_role_that_may(
    app_client: httpx.AsyncClient, make_person: MakePerson, container: Container
) -> None:
    bank = await seed_bank(app_client, make_person, container)
    url = f"/api/v1/customers/{bank.mine['id']}"
    phone, id_number = "+8613900000001", "110101199003070" + "01X"
    for role in ("rm", "branch_manager", "agent", "marketing", "auditor"):
        who = bank.person(role)
        c = (await app_client.get(url, headers=who.headers)).json()
        assert c["phones"] == ["+86139****0001"], role
        assert c["id_document"]["number"] == "110***********001X", role
        assert phone not in str(c) and id_number not in str(c), role
        h = (await app_client.get(url + "/holdings", headers=who.headers)).json()["items"]
        assert [x["account_number"] for x in h] == ["****3445"], role
        s = (await app_client.get("/api/v1/customers", params={"q": "C901"}, headers=who.headers)).json()
        assert phone not in str(s), role

    # An RM asks to see the phone: only the phone is shown in full.
    r = await app_client.get(url, params={"reveal": "phone"}, headers=bank.rm.headers)
    assert r.status_code == 200
    assert r.json()["phones"] == [phone]
    assert r.json()["id_document"]["number"] == "110***********001X"
    r = await app_client.get(url, params={"reveal": "phone,id_number"}, headers=bank.auditor.headers)
    assert r.json()["id_document"]["number"] == id_number
    r = await app_client.get(url + "/holdings", params={"reveal": "account_number"}, headers=bank.agent.headers)
    assert r.json()["items"][0]["account_number"] == bank.account_number

    # Marketing sees PII masked and may not reveal it.
    r = await app_client.get(url, params={"reveal": "phone"}, headers=bank.marketing.headers)
    assert r.status_code == 403
    assert r.json()["errors"][0]["field"] == "reveal"
    assert phone not in r.text
    r = await app_client.get(url + "/holdings", params={"reveal": "account_number"}, headers=bank.marketing.headers)
    assert r.status_code == 403 and bank.account_number not in r.text
    # An unknown name is a 422 naming reveal; another RM's customer stays 404 even with reveal.
    r = await app_client.get(url, params={"reveal": "password"}, headers=bank.rm.headers)
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "reveal"
    r = await app_client.get(
        f"/api/v1/customers/{bank.theirs['id']}", params={"reveal": "phone"}, headers=bank.rm.headers
    )
    assert r.status_code == 404 and "+8613900000002" not in r.text
    # Admins see identifiers in full without asking.
    assert (await app_client.get(url, headers=bank.admin.headers)).json()["phones"] == [phone]
