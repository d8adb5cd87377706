"""Dates are the bank's local dates (CRM_BANK_TIMEZONE, Asia/Shanghai by default), instants stay UTC.

At 17:00 UTC it is already 01:00 the next day in Beijing: a deposit opened at the counter then was opened that
(Beijing) day, and a deposit maturing that day matures "today" for the agent on the phone.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime

import httpx
import pytest
import sqlalchemy as sa

from adapters.container import Container
from adapters.db.tables import holdings
from tests.conftest import Person
from tests.integration.feeds_helpers import ev, feed_key, seed_bank
from tests.integration.test_contact_center import CONTEXT, _create, _holding, _product

MakePerson = Callable[..., Awaitable[Person]]
NIGHT = datetime(2026, 12, 3, 17, 0, tzinfo=UTC)  # 01:00 on 4 December in Beijing


class NightClock:
    def now(self) -> datetime:
        return NIGHT


async def test_an_account_opened_before_dawn_in_beijing_was_opened_that_day(
    app_client: httpx.AsyncClient, container: Container
) -> None:
    await seed_bank(container)
    key = await feed_key(container)
    event = ev(
        "T-dawn",
        "account_open",
        "2026-12-02T23:30:00Z",  # 07:30 on 3 December at the branch
        account_number="TD-0042-0777",
        product_code="TD-12M",
        amount="10000.00",
        currency="CNY",
    )
    r = await app_client.post("/api/v1/feeds/teller", headers=key, json={"events": [event]})
    assert r.status_code < 300, r.text
    async with container.engine.connect() as conn:
        opened = await conn.scalar(sa.select(holdings.c.opened_on).where(holdings.c.account_number == "TD-0042-0777"))
    assert opened == date(2026, 12, 3)


async def test_a_deposit_maturing_on_the_banks_today_matures_today_on_the_call(
    app_client: httpx.AsyncClient, admin: Person, container: Container, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(container, "clock", NightClock())
    assert container.today() == date(2026, 12, 4)
    c = await _create(app_client, admin, marketing_consent={"phone": False})
    await _product(container, "TD-3M", "time_deposit", name="3-month time deposit")
    await _holding(container, c["id"], "6222000099990001", "TD-3M", "time_deposit", "80000.00", date(2026, 12, 4))
    r = await app_client.get(CONTEXT, params={"customer_number": c["customer_number"]}, headers=admin.headers)
    assert r.status_code == 200, r.text
    body = r.json()
    [held] = [h for h in body["holdings"] if h["product_code"] == "TD-3M"]
    assert held["days_to_maturity"] == 0
    [roll] = [a for a in body["next_best_actions"] if a["kind"] == "roll_over_maturity"]
    assert "today" in roll["title"] + roll["reason"]
    assert uuid.UUID(body["customer"]["id"]) == uuid.UUID(c["id"])


def test_an_unknown_time_zone_is_refused_at_startup() -> None:
    from adapters.settings import Settings

    with pytest.raises(ValueError, match="Mars/Olympus"):
        Settings(bank_timezone="Mars/Olympus")


class MovableClock:
    def __init__(self, at: datetime) -> None:
        self.at = at

    def now(self) -> datetime:
        return self.at


async def test_a_task_is_overdue_from_the_banks_midnight(
    app_client: httpx.AsyncClient, make_person: MakePerson, container: Container, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = MovableClock(NIGHT)  # 01:00 on 4 December in Beijing
    monkeypatch.setattr(container, "clock", clock)
    rm = await make_person("rm")
    r = await app_client.post(
        "/api/v1/tasks", json={"title": "Call about the renewal", "due_on": "2026-12-04"}, headers=rm.headers
    )
    assert r.status_code == 201, r.text  # due today at the bank, though UTC is still on the 3rd
    task_id = r.json()["id"]
    assert r.json()["overdue"] is False
    clock.at = datetime(2026, 12, 4, 16, 30, tzinfo=UTC)  # 00:30 on 5 December in Beijing: the day has passed
    r = await app_client.get(f"/api/v1/tasks/{task_id}", headers=rm.headers)
    assert r.json()["overdue"] is True
    overdue = await app_client.get("/api/v1/tasks", params={"overdue": "true"}, headers=rm.headers)
    assert [t["id"] for t in overdue.json()["items"]] == [task_id]


async def test_the_workbench_learns_the_banks_time_zone_with_who_is_signed_in(
    app_client: httpx.AsyncClient, make_person: MakePerson, container: Container, monkeypatch: pytest.MonkeyPatch
) -> None:
    rm = await make_person("rm")
    r = await app_client.get("/api/v1/auth/me", headers=rm.headers)
    assert r.status_code == 200, r.text
    assert (r.json()["username"], r.json()["role"], r.json()["bank_timezone"]) == (rm.username, "rm", "Asia/Shanghai")
    monkeypatch.setattr(container.settings, "bank_timezone", "Europe/Paris")
    assert (await app_client.get("/api/v1/auth/me", headers=rm.headers)).json()["bank_timezone"] == "Europe/Paris"
