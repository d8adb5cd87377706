"""The demo bank, loaded into real SQLite and PostgreSQL databases and checked from the database side."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal
from itertools import pairwise
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from adapters.container import Container
from adapters.db.customers import SqlCustomerRepository
from adapters.db.holdings import SqlHoldingRepository
from adapters.db.tables import (
    balance_history,
    customer_identities,
    customers,
    holdings,
    interactions,
    users,
)
from adapters.demo import load_demo
from adapters.demo.generator import leaving_customer_numbers
from domain.products import ProductCategory
from tests.conftest import truncate_all

SIZE = 300
SEED = 11
TODAY = date.today()
FEED_CHANNELS = {"teller", "card", "pos", "atm", "call_center", "online_banking"}
ASSET_CATEGORIES = [c.value for c in ProductCategory if c.is_deposit or c.is_investment]


async def _load(container: Container, **kw: Any) -> str:
    args: dict[str, Any] = {"customers": SIZE, "seed": SEED, "months": 12, "if_empty": False}
    args.update(kw)
    return await load_demo(container.settings, today=TODAY, **args)


async def _rows(container: Container, query: Any) -> list[Any]:
    async with container.engine.connect() as conn:
        return list(await conn.execute(query))


async def _snapshot(container: Container) -> tuple[list[Any], list[Any], int]:
    people = await _rows(
        container,
        sa.select(
            customers.c.customer_number, customers.c.name_zh, customers.c.name_latin, customers.c.id_number
        ).order_by(customers.c.customer_number),
    )
    balances = await _rows(
        container,
        sa.select(customers.c.customer_number, holdings.c.account_number, holdings.c.balance)
        .join(holdings, holdings.c.customer_id == customers.c.id)
        .order_by(holdings.c.account_number),
    )
    events = await _rows(container, sa.select(sa.func.count()).select_from(interactions))
    return [tuple(r) for r in people], [tuple(r) for r in balances], events[0][0]


async def test_the_same_seed_gives_the_same_bank(container: Container) -> None:
    await _load(container)
    first = await _snapshot(container)
    await truncate_all(container)
    await _load(container)
    second = await _snapshot(container)
    assert len(first[0]) == SIZE
    assert first == second
    await truncate_all(container)
    await _load(container, seed=SEED + 1)
    other = await _snapshot(container)
    assert [r[1] for r in other[0]] != [r[1] for r in first[0]]  # another seed, other people


async def test_the_bank_has_every_product_and_channel_with_believable_shape(container: Container) -> None:
    report = await _load(container)
    assert "rows/s" in report and "rm.li" in report

    categories = {r[0] for r in await _rows(container, sa.select(holdings.c.category).distinct())}
    assert categories == {c.value for c in ProductCategory}
    channels = {r[0] for r in await _rows(container, sa.select(interactions.c.channel).distinct())}
    assert channels >= FEED_CHANNELS
    assert {"rm_visit", "phone", "sms", "email"} <= channels
    per_customer = (await _rows(container, sa.select(sa.func.count()).select_from(interactions)))[0][0] / SIZE
    assert 30 <= per_customer <= 80

    # maturities of time deposits and wealth products spread over the coming year, some within 30 days
    maturing = [
        r.maturity_date
        for r in await _rows(
            container,
            sa.select(holdings.c.maturity_date).where(
                holdings.c.category.in_(["time_deposit", "wealth_product"]), holdings.c.status != "closed"
            ),
        )
    ]
    assert maturing and all(TODAY < d <= TODAY + timedelta(days=366) for d in maturing)
    assert sum(1 for d in maturing if d <= TODAY + timedelta(days=30)) >= 3
    quarters = {min(3, (d - TODAY).days // 92) for d in maturing}
    assert quarters == {0, 1, 2, 3}

    # Pareto: the top 20% by deposit and investment balance hold most of it
    totals = [
        r[1]
        for r in await _rows(
            container,
            sa.select(holdings.c.customer_id, sa.func.sum(holdings.c.balance))
            .where(holdings.c.category.in_(ASSET_CATEGORIES), holdings.c.currency == "CNY")
            .group_by(holdings.c.customer_id),
        )
    ]
    totals.sort(reverse=True)
    top = sum(totals[: SIZE // 5])
    assert Decimal("0.65") <= top / sum(totals) <= Decimal("0.90")

    # credit lines owe money within their limits; assets are never negative
    for r in await _rows(container, sa.select(holdings)):
        if r.category in ("loan", "mortgage", "credit_card"):
            assert r.balance <= 0 and r.credit_limit is not None and -r.balance <= r.credit_limit
        else:
            assert r.balance >= 0
        if r.status == "closed":
            assert r.balance == 0 and r.closed_on is not None
    statuses = {r[0] for r in await _rows(container, sa.select(holdings.c.status).distinct())}
    assert statuses == {"active", "dormant", "closed"}
    numbers = await _rows(container, sa.select(holdings.c.account_number))
    assert len({r[0] for r in numbers}) == len(numbers)

    # every customer and holding reads back through the repositories, validated by the domain
    ids = [r[0] for r in await _rows(container, sa.select(customers.c.id))]
    kinds: dict[str, int] = defaultdict(int)
    async with container.engine.connect() as conn:
        repo, holding_repo = SqlCustomerRepository(conn), SqlHoldingRepository(conn)
        for cid in ids:
            customer = await repo.get(cid)
            assert customer is not None
            kinds[customer.kind.value] += 1
            await holding_repo.for_customer(cid)
    assert kinds["business"] >= 3 and kinds["individual"] >= SIZE * 0.9


async def test_identifiers_are_valid_and_no_card_number_is_stored(container: Container) -> None:
    await _load(container)
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    people = await _rows(
        container,
        sa.select(customers).where(customers.c.id_type == "resident_id"),
    )
    assert len(people) >= SIZE * 0.9
    for p in people:
        number = p.id_number
        check = "10X98765432"[sum(int(c) * w for c, w in zip(number[:17], weights, strict=True)) % 11]
        assert number[17] == check, number
        assert number[6:14] == p.birth_date.strftime("%Y%m%d")
        assert (int(number[16]) % 2 == 1) == (p.gender == "male")
        assert 1945 <= p.birth_date.year <= 2005
        assert all(re.fullmatch(r"\+861[3-9][0-9]{9}|\+86[0-9]{10,11}", ph) for ph in p.phones)
    all_ids = await _rows(container, sa.select(customers.c.id_number))
    assert len({r[0] for r in all_ids}) == len(all_ids)
    # some phones match several customers (households sharing a line), most match one
    phone_owners = await _rows(
        container,
        sa.select(customer_identities.c.key, sa.func.count())
        .where(customer_identities.c.source == "phone")
        .group_by(customer_identities.c.key),
    )
    assert any(n > 1 for _, n in phone_owners)
    assert sum(1 for _, n in phone_owners if n == 1) > 0.9 * len(phone_owners)
    sources = {r[0] for r in await _rows(container, sa.select(customer_identities.c.source).distinct())}
    assert sources == {"customer_number", "id_document", "phone", "card_token", "online_user_id"}

    def luhn(digits: str) -> bool:
        total = 0
        for i, ch in enumerate(reversed(digits)):
            d = int(ch) * (2 if i % 2 else 1)
            total += d - 9 if d > 9 else d
        return total % 10 == 0

    texts: list[str] = []
    for r in await _rows(container, sa.select(customers)):
        texts += [str(v) for k, v in r._mapping.items() if k not in ("id", "relationship_manager_id")]
    texts += [r[0] for r in await _rows(container, sa.select(customer_identities.c.key))]
    texts += [r[0] for r in await _rows(container, sa.select(holdings.c.account_number))]
    for r in await _rows(
        container,
        sa.select(
            interactions.c.summary,
            interactions.c.payload,
            interactions.c.source_ref,
            interactions.c.actor,
            interactions.c.outcome,
        ),
    ):
        texts += [str(v) for v in r if v is not None]
    runs = [m for t in texts for m in re.findall(r"(?<![0-9])[0-9]{13,19}(?![0-9])", t)]
    assert runs  # the scan does see long digit runs (resident IDs, phones)...
    assert [m for m in runs if luhn(m)] == []  # ...and none of them could be a card number


async def test_leaving_customers_lose_money_and_complain_more_than_others(container: Container) -> None:
    await _load(container)
    leaving = leaving_customer_numbers(SEED, SIZE)
    assert 0.06 * SIZE <= len(leaving) <= 0.17 * SIZE  # about a tenth leave in a year
    numbers = {r[0] for r in await _rows(container, sa.select(customers.c.customer_number))}
    others = numbers - leaving
    then = TODAY - timedelta(days=90)
    aum: dict[str, dict[date, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for number, as_of, balance in await _rows(
        container,
        sa.select(customers.c.customer_number, balance_history.c.as_of, balance_history.c.balance)
        .join(holdings, holdings.c.customer_id == customers.c.id)
        .join(balance_history, balance_history.c.holding_id == holdings.c.id)
        .where(holdings.c.category.in_(ASSET_CATEGORIES), balance_history.c.as_of.in_([TODAY, then])),
    ):
        aum[number][as_of] += balance

    def kept(number: str) -> float:
        """Today's assets as a share of those three months ago."""
        before = aum[number][then]
        return float(aum[number][TODAY] / before) if before else 1.0

    def average(values: list[float]) -> float:
        return sum(values) / len(values)

    def share(group: set[str], having: set[str]) -> float:
        return len(group & having) / len(group)

    # On average leavers keep much less of their money than the others...
    assert average([kept(n) for n in leaving]) < average([kept(n) for n in others]) - 0.2
    fell = {n for n in numbers if kept(n) < 0.7}
    assert share(leaving, fell) > 3 * share(others, fell)
    # ...but not every leaver drains fast, and some who stay move a lot of money out (a home bought)
    assert fell < numbers and leaving - fell and fell - leaving

    complained = {
        r[0]
        for r in await _rows(
            container,
            sa.select(customers.c.customer_number)
            .join(interactions, interactions.c.customer_id == customers.c.id)
            .where(interactions.c.type == "complaint", interactions.c.channel == "call_center"),
        )
    }
    assert share(leaving, complained) > 3 * share(others, complained)
    assert leaving - complained and complained - leaving  # some leave silently; some complain and stay

    # salary stopped arriving for many leavers, and for a few staying customers between jobs
    salaries = await _rows(
        container,
        sa.select(customers.c.customer_number, interactions.c.occurred_at)
        .join(interactions, interactions.c.customer_id == customers.c.id)
        .where(interactions.c.type == "salary"),
    )
    earned = {n for n, _ in salaries}
    recent = {n for n, at in salaries if at.date() >= TODAY - timedelta(days=45)}
    stopped = earned - recent
    assert len(earned & others) > 0.3 * len(others)
    assert share(leaving & earned, stopped) > 3 * share(others & earned, stopped)
    # and some who stay changed jobs: no salary for over six weeks, then a new employer pays again
    paydays: dict[str, list[date]] = defaultdict(list)
    for n, at in sorted(salaries, key=lambda s: s[1]):
        paydays[n].append(at.date())
    paused = {n for n, days in paydays.items() if any((b - a).days > 45 for a, b in pairwise(days))}
    assert paused & others


async def test_every_complaint_has_its_case_answered_ones_closed_the_leavers_still_open(container: Container) -> None:
    """As the call-center feed would have left them: a case per complaint; a staying customer's complaint closed
    when the follow-up call answered it, with the satisfaction that call recorded; a leaver's still open."""
    from adapters.db.tables_contact import cases

    await _load(container)
    leaving = leaving_customer_numbers(SEED, SIZE)
    rows = await _rows(
        container,
        sa.select(
            customers.c.customer_number,
            cases.c.status,
            cases.c.kind,
            cases.c.opened_at,
            cases.c.sla_due_at,
            cases.c.closed_at,
            cases.c.satisfaction,
            cases.c.resolution,
            users.c.username,
            interactions.c.type,
        )
        .join(customers, customers.c.id == cases.c.customer_id)
        .join(interactions, interactions.c.id == cases.c.interaction_id)
        .outerjoin(users, users.c.id == cases.c.closed_by),
    )
    complaints = await _rows(
        container,
        sa.select(sa.func.count()).select_from(interactions).where(interactions.c.type == "complaint"),
    )
    assert len(rows) == complaints[0][0] > 0
    assert {(r.kind, r.type) for r in rows} == {("complaint", "complaint")}
    closed = [r for r in rows if r.status == "closed"]
    still_open = [r for r in rows if r.status == "open"]
    assert closed and still_open
    assert all(r.customer_number not in leaving for r in closed), "nobody called a leaver back"
    assert {r.customer_number for r in still_open} & leaving
    for r in closed:
        assert r.opened_at < r.closed_at and r.resolution and r.username == "agent.chen"
        assert r.satisfaction in (4, 5)
    assert all(r.sla_due_at == r.opened_at + timedelta(hours=48) for r in rows)

    # And the service requests of the last two weeks, logged by the customer's RM or the call center.
    requests = await _rows(
        container,
        sa.select(cases, users.c.role)
        .join(users, users.c.id == cases.c.opened_by)
        .where(cases.c.kind == "service_request"),
    )
    assert 0.01 * SIZE <= len(requests) <= 0.06 * SIZE
    assert {r.role for r in requests} <= {"rm", "agent"} and all(r.interaction_id is None for r in requests)
    assert all((r.role == "agent") == (r.channel == "call_center") for r in requests), "the agent logs the calls"
    assert all(r.sla_due_at == r.opened_at + timedelta(days=5) for r in requests)
    assert {r.status for r in requests} == {"open", "closed"}
    assert all(r.resolution and r.closed_by and r.opened_at < r.closed_at for r in requests if r.status == "closed")


async def test_demo_people_sign_in_and_an_rm_sees_only_their_portfolio(
    container: Container, app_client: httpx.AsyncClient
) -> None:
    await _load(container)
    tokens = {}
    for name in ("admin", "bm.bj001", "rm.li", "rm.wang", "agent.chen", "mkt.zhao", "audit.sun"):
        r = await app_client.post("/api/v1/auth/token", data={"username": name, "password": "demo-pass-2026"})
        assert r.status_code == 200, (name, r.text)
        tokens[name] = {"Authorization": f"Bearer {r.json()['access_token']}"}
    wrong = await app_client.post("/api/v1/auth/token", data={"username": "rm.li", "password": "not-the-password"})
    assert wrong.status_code == 401

    rm_ids = {r.username: r.id for r in await _rows(container, sa.select(users.c.username, users.c.id))}
    own = {
        r[0]
        for r in await _rows(
            container,
            sa.select(customers.c.customer_number).where(customers.c.relationship_manager_id == rm_ids["rm.li"]),
        )
    }
    assert len(own) >= 6
    seen: set[str] = set()
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 100}
        if cursor:
            params["cursor"] = cursor
        page = await app_client.get("/api/v1/customers", params=params, headers=tokens["rm.li"])
        assert page.status_code == 200, page.text
        seen |= {c["customer_number"] for c in page.json()["items"]}
        cursor = page.json()["next_cursor"]
        if not cursor:
            break
    assert seen == own
    someone_elses = (
        await _rows(
            container,
            sa.select(customers.c.id).where(customers.c.relationship_manager_id == rm_ids["rm.wang"]).limit(1),
        )
    )[0][0]
    r = await app_client.get(f"/api/v1/customers/{someone_elses}", headers=tokens["rm.li"])
    assert r.status_code == 404
    r = await app_client.get(f"/api/v1/customers/{someone_elses}", headers=tokens["rm.wang"])
    assert r.status_code == 200

    # The call-center agent sees how to reach the caller's RM, to transfer the call.
    r = await app_client.get(
        "/api/v1/contact-center/context", params={"customer_number": min(own)}, headers=tokens["agent.chen"]
    )
    assert r.status_code == 200, r.text
    rm = r.json()["customer"]["relationship_manager"]
    assert (rm["username"], rm["email"]) == ("rm.li", "rm.li@bank.example.com")
    assert re.fullmatch(r"\+86106555\d{4}", rm["phone"]), rm


async def test_the_demo_campaigns_show_a_measured_effect_and_leave_rm_li_contacts_and_tasks(
    container: Container, app_client: httpx.AsyncClient
) -> None:
    await _load(container)
    tokens = {}
    for name in ("mkt.zhao", "rm.li"):
        r = await app_client.post("/api/v1/auth/token", data={"username": name, "password": "demo-pass-2026"})
        tokens[name] = {"Authorization": f"Bearer {r.json()['access_token']}"}
    listed = (await app_client.get("/api/v1/campaigns", headers=tokens["mkt.zhao"])).json()["items"]
    assert [(c["name"], c["status"]) for c in listed] == [
        ("Year-end time deposit drive", "active"),
        ("Autumn wealth drive", "closed"),
    ]
    assert all(c["segment"]["name"] == "Wealth prospects" and c["excluded"]["no_consent"] > 0 for c in listed)
    finished = (await app_client.get(f"/api/v1/campaigns/{listed[1]['id']}", headers=tokens["mkt.zhao"])).json()
    effect = finished["effect"]
    assert effect["final"] is True
    assert effect["target"]["customers"] == finished["targets"] and effect["control"]["customers"] > 0
    assert Decimal(effect["target"]["conversion_rate"]) > Decimal(effect["control"]["conversion_rate"])
    assert Decimal(effect["uplift_pp"]) > 0 and effect["responses"]["none"] < effect["target"]["customers"] / 2
    start, end = date.fromisoformat(finished["starts_on"]), date.fromisoformat(finished["ends_on"])
    assert end < TODAY
    members = await app_client.get(
        f"/api/v1/campaigns/{finished['id']}/members", params={"limit": 500}, headers=tokens["mkt.zhao"]
    )
    converted = [date.fromisoformat(m["converted_on"]) for m in members.json()["items"] if m["converted_on"]]
    assert len(converted) == effect["target"]["converted"] + effect["control"]["converted"]
    assert all(start <= d <= end for d in converted)

    running = next(c for c in (await app_client.get("/api/v1/campaigns", headers=tokens["rm.li"])).json()["items"])
    assert running["status"] == "active" and running["to_contact"] > 0
    todo = await app_client.get(
        f"/api/v1/campaigns/{running['id']}/members",
        params={"group": "target", "response": "none"},
        headers=tokens["rm.li"],
    )
    assert len(todo.json()["items"]) == running["to_contact"]
    assert {m["rm_username"] for m in todo.json()["items"]} == {"rm.li"}

    # rm.li's to-do list: one overdue, some for today (a call-back the agent left among them), one done.
    tasks = (await app_client.get("/api/v1/tasks", params={"status": "open"}, headers=tokens["rm.li"])).json()
    days = [date.fromisoformat(t["due_on"]) for t in tasks["items"]]
    assert days == sorted(days) and days[0] < TODAY and tasks["items"][0]["overdue"]
    assert any(t["created_by_username"] == "agent.chen" and t["due_on"] == TODAY.isoformat() for t in tasks["items"])
    assert {t["assignee"]["username"] for t in tasks["items"]} == {"rm.li"}
    done = (await app_client.get("/api/v1/tasks", params={"status": "done"}, headers=tokens["rm.li"])).json()
    assert [t["outcome"] for t in done["items"]] == ["Called; she is fine with the new fees."]


@pytest.mark.parametrize("if_empty", [True, False])
async def test_a_loaded_database_is_left_alone(container: Container, if_empty: bool) -> None:
    await _load(container, customers=40)
    before = await _snapshot(container)
    report = await _load(container, customers=40, if_empty=if_empty, seed=99)
    assert "not loaded" in report and "40 customers" in report
    assert await _snapshot(container) == before
