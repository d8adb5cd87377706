"""The customers API against a real database (SQLite and PostgreSQL)."""

from __future__ import annotations

import uuid

import httpx
import sqlalchemy as sa

from adapters.container import Container
from adapters.db.tables import customers
from tests.conftest import customer_body


async def count_customers(container: Container) -> int:
    async with container.engine.connect() as conn:
        return int(await conn.scalar(sa.select(sa.func.count()).select_from(customers)) or 0)


async def test_create_read_and_patch_with_etag(app_client: httpx.AsyncClient, admin) -> None:  # type: ignore[no-untyped-def]
    r = await app_client.post("/api/v1/customers", json=customer_body(), headers=admin.headers)
    assert r.status_code == 201, r.text
    created = r.json()
    assert created["display_name"] == "王芳 (Wang Fang)"
    assert r.headers["ETag"] == '"v1"'
    cid = created["id"]

    r = await app_client.get(f"/api/v1/customers/{cid}", headers=admin.headers)
    assert r.status_code == 200
    etag = r.headers["ETag"]

    r = await app_client.patch(
        f"/api/v1/customers/{cid}", json={"occupation": "Engineer"}, headers={**admin.headers, "If-Match": etag}
    )
    assert r.status_code == 200, r.text
    assert r.json()["occupation"] == "Engineer" and r.json()["version"] == 2
    assert r.headers["ETag"] == '"v2"'

    # The same stale ETag again: 412, and the change is not written.
    r = await app_client.patch(
        f"/api/v1/customers/{cid}", json={"occupation": "Pilot"}, headers={**admin.headers, "If-Match": etag}
    )
    assert r.status_code == 412
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["current_version"] == 2
    r = await app_client.get(f"/api/v1/customers/{cid}", headers=admin.headers)
    assert r.json()["occupation"] == "Engineer"


async def test_patch_without_if_match_is_428(app_client: httpx.AsyncClient, admin) -> None:  # type: ignore[no-untyped-def]
    cid = (await app_client.post("/api/v1/customers", json=customer_body(), headers=admin.headers)).json()["id"]
    r = await app_client.patch(f"/api/v1/customers/{cid}", json={"occupation": "X"}, headers=admin.headers)
    assert r.status_code == 428
    assert r.json()["errors"][0]["field"] == "If-Match"


async def test_bad_input_names_the_field_and_writes_nothing(
    app_client: httpx.AsyncClient,
    admin,
    container: Container,  # type: ignore[no-untyped-def]
) -> None:
    cases = [
        (customer_body(phones=["13812345678"]), "phones[0]"),
        (customer_body(emails=["nope"]), "emails[0]"),
        (customer_body(favourite_colour="blue"), "favourite_colour"),
        (customer_body(gender="robot"), "gender"),
        (customer_body(birth_date="2999-01-01"), "birth_date"),
        (customer_body(id_document={"type": "resident_id", "number": "123"}), "id_document.number"),
        (customer_body(home_branch="ZZ999"), "home_branch"),
        (customer_body(relationship_manager_id=str(uuid.uuid4())), "relationship_manager_id"),
        (customer_body(relationship_manager_id=str(admin.id)), "relationship_manager_id"),  # not an RM
    ]
    for body, field in cases:
        r = await app_client.post("/api/v1/customers", json=body, headers=admin.headers)
        assert r.status_code == 422, (field, r.text)
        problem = r.json()
        assert r.headers["content-type"].startswith("application/problem+json")
        assert {"type", "title", "status", "detail"} <= problem.keys()
        assert field in [e["field"] for e in problem["errors"]], (field, problem)
    assert await count_customers(container) == 0


async def test_body_that_is_not_json_is_a_problem(app_client: httpx.AsyncClient, admin) -> None:  # type: ignore[no-untyped-def]
    r = await app_client.post(
        "/api/v1/customers", content=b"{not json", headers={**admin.headers, "Content-Type": "application/json"}
    )
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "body"


async def test_duplicate_customer_number_and_document_conflict(app_client: httpx.AsyncClient, admin) -> None:  # type: ignore[no-untyped-def]
    r = await app_client.post("/api/v1/customers", json=customer_body(customer_number="C100"), headers=admin.headers)
    assert r.status_code == 201
    r = await app_client.post(
        "/api/v1/customers",
        json=customer_body(customer_number="C100", id_document=None),
        headers=admin.headers,
    )
    assert r.status_code == 409
    r = await app_client.post("/api/v1/customers", json=customer_body(customer_number="C101"), headers=admin.headers)
    assert r.status_code == 409
    assert r.json()["errors"][0]["field"] == "id_document"


async def test_search_by_name_number_and_phone_with_cursor_paging(
    app_client: httpx.AsyncClient,
    admin,  # type: ignore[no-untyped-def]
) -> None:
    for i in range(7):
        body = customer_body(
            customer_number=f"C{200 + i}",
            name_latin=f"Zhang Wei {i}",
            name_zh=f"张伟{i}",
            phones=[f"+861380000000{i}"],
            id_document=None,
        )
        assert (await app_client.post("/api/v1/customers", json=body, headers=admin.headers)).status_code == 201

    seen: list[str] = []
    cursor = None
    while True:
        params = {"q": "zhang", "limit": 3} | ({"cursor": cursor} if cursor else {})
        r = await app_client.get("/api/v1/customers", params=params, headers=admin.headers)
        assert r.status_code == 200
        page = r.json()
        seen += [c["customer_number"] for c in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == [f"C{200 + i}" for i in range(7)]

    r = await app_client.get("/api/v1/customers", params={"q": "13800000003"}, headers=admin.headers)
    assert [c["customer_number"] for c in r.json()["items"]] == ["C203"]
    assert r.json()["items"][0]["masked_phone"] == "+86138****0003"
    r = await app_client.get("/api/v1/customers", params={"q": "c205"}, headers=admin.headers)
    assert [c["customer_number"] for c in r.json()["items"]] == ["C205"]
    r = await app_client.get("/api/v1/customers", params={"q": "张伟6"}, headers=admin.headers)
    assert [c["customer_number"] for c in r.json()["items"]] == ["C206"]


async def test_malformed_cursor_is_a_problem_naming_cursor(app_client: httpx.AsyncClient, admin) -> None:  # type: ignore[no-untyped-def]
    r = await app_client.get("/api/v1/customers", params={"cursor": "%%%garbage"}, headers=admin.headers)
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "cursor"


async def test_rm_sees_only_their_portfolio(app_client: httpx.AsyncClient, make_person) -> None:  # type: ignore[no-untyped-def]
    rm1 = await make_person("rm", "BJ001")
    rm2 = await make_person("rm", "BJ001")
    mine = (await app_client.post("/api/v1/customers", json=customer_body(), headers=rm1.headers)).json()
    theirs = (
        await app_client.post(
            "/api/v1/customers",
            json=customer_body(id_document=None, name_latin="Other", phones=["+8613900000000"]),
            headers=rm2.headers,
        )
    ).json()
    assert mine["relationship_manager"]["username"] == rm1.username
    for path in ("", "/holdings", "/timeline"):
        r = await app_client.get(f"/api/v1/customers/{theirs['id']}{path}", headers=rm1.headers)
        assert r.status_code == 404, path
    r = await app_client.patch(
        f"/api/v1/customers/{theirs['id']}", json={"occupation": "x"}, headers={**rm1.headers, "If-Match": '"v1"'}
    )
    assert r.status_code == 404
    listed = (await app_client.get("/api/v1/customers", headers=rm1.headers)).json()["items"]
    assert [c["id"] for c in listed] == [mine["id"]]


async def test_rm_cannot_move_a_customer_or_set_tier(app_client: httpx.AsyncClient, make_person) -> None:  # type: ignore[no-untyped-def]
    rm = await make_person("rm", "BJ001")
    other = await make_person("rm", "BJ001")
    c = (await app_client.post("/api/v1/customers", json=customer_body(), headers=rm.headers)).json()
    for body, field in (
        ({"tier": "key"}, "tier"),
        ({"relationship_manager_id": str(other.id)}, "relationship_manager_id"),
    ):
        r = await app_client.patch(
            f"/api/v1/customers/{c['id']}", json=body, headers={**rm.headers, "If-Match": '"v1"'}
        )
        assert r.status_code == 403, r.text
        assert r.json()["errors"][0]["field"] == field
    r = await app_client.get(f"/api/v1/customers/{c['id']}", headers=rm.headers)
    assert r.json()["tier"] == "ordinary" and r.json()["version"] == 1


async def test_pii_is_masked_for_rms_and_full_for_admins(app_client: httpx.AsyncClient, make_person) -> None:  # type: ignore[no-untyped-def]
    rm = await make_person("rm", "BJ001")
    admin = await make_person("admin")
    c = (await app_client.post("/api/v1/customers", json=customer_body(), headers=rm.headers)).json()
    as_rm = (await app_client.get(f"/api/v1/customers/{c['id']}", headers=rm.headers)).json()
    assert as_rm["phones"] == ["+86138****5678"]
    assert as_rm["id_document"]["number"] == "E12**5678"
    as_admin = (await app_client.get(f"/api/v1/customers/{c['id']}", headers=admin.headers)).json()
    assert as_admin["phones"] == ["+8613812345678"]


async def test_without_credentials_401_and_with_a_bad_token_401(app_client: httpx.AsyncClient) -> None:
    assert (await app_client.get("/api/v1/customers")).status_code == 401
    r = await app_client.get("/api/v1/customers", headers={"Authorization": "Bearer not.a.token"})
    assert r.status_code == 401
    assert r.headers["content-type"].startswith("application/problem+json")


async def test_health_endpoints(app_client: httpx.AsyncClient) -> None:
    assert (await app_client.get("/healthz")).json() == {"status": "ok"}
    assert (await app_client.get("/readyz")).status_code == 200
    await app_client.get("/healthz")
    metrics = (await app_client.get("/metrics")).text
    assert 'crm_http_requests_total{method="GET",route="/healthz",status="200"}' in metrics
