"""Customer use cases with in-memory fakes: scoping, field rules, concurrency and references."""

from __future__ import annotations

import uuid

import pytest

from domain.access import Principal, Role
from domain.customers import Customer, RelationType, Tier
from domain.errors import CustomerNotFound, Forbidden, IdentityConflict, InvalidValue, StaleVersion
from domain.services import customers as service
from tests.unit.fakes import FakeUnitOfWork, FixedClock

CLOCK = FixedClock()


def person(role: Role, uid: uuid.UUID | None = None, branch: str | None = "BJ001") -> Principal:
    return Principal(subject=role.value, kind="user", role=role, user_id=uid or uuid.uuid4(), branch=branch)


def new_customer(number: str = "C0001", **kw: object) -> Customer:
    return Customer(id=uuid.uuid4(), customer_number=number, name_latin="Li Na", **kw)  # type: ignore[arg-type]


async def test_an_rm_creates_into_their_own_portfolio_and_sees_only_it() -> None:
    uow = FakeUnitOfWork()
    rm_a = uow.directory.add_staff(Role.RM)
    rm_b = uow.directory.add_staff(Role.RM)
    async with uow:
        mine = await service.create_customer(uow, person(Role.RM, rm_a), new_customer("C0001"), CLOCK)
        theirs = await service.create_customer(uow, person(Role.RM, rm_b), new_customer("C0002"), CLOCK)
        await uow.commit()
    assert mine.relationship_manager_id == rm_a and mine.home_branch == "BJ001"
    async with uow:
        assert (await service.get_customer(uow, person(Role.RM, rm_a), mine.id)).id == mine.id
        with pytest.raises(CustomerNotFound):
            await service.get_customer(uow, person(Role.RM, rm_a), theirs.id)


async def test_an_rm_cannot_create_for_another_rm() -> None:
    uow = FakeUnitOfWork()
    rm_a, rm_b = uow.directory.add_staff(Role.RM), uow.directory.add_staff(Role.RM)
    async with uow:
        with pytest.raises(Forbidden) as e:
            await service.create_customer(uow, person(Role.RM, rm_a), new_customer(relationship_manager_id=rm_b), CLOCK)
    assert e.value.field == "relationship_manager_id"


async def test_a_branch_manager_sees_their_branch_only() -> None:
    uow = FakeUnitOfWork()
    admin = person(Role.ADMIN)
    async with uow:
        bj = await service.create_customer(uow, admin, new_customer("C0001", home_branch="BJ001"), CLOCK)
        sh = await service.create_customer(uow, admin, new_customer("C0002", home_branch="SH001"), CLOCK)
        await uow.commit()
        manager = person(Role.BRANCH_MANAGER, branch="BJ001")
        assert (await service.get_customer(uow, manager, bj.id)).id == bj.id
        with pytest.raises(CustomerNotFound):
            await service.get_customer(uow, manager, sh.id)


async def test_stale_updates_are_refused_and_nothing_changes() -> None:
    uow = FakeUnitOfWork()
    admin = person(Role.ADMIN)
    async with uow:
        c = await service.create_customer(uow, admin, new_customer(), CLOCK)
        await uow.commit()
        await service.update_customer(uow, admin, c.id, {"occupation": "nurse"}, 1, CLOCK)
        await uow.commit()
        with pytest.raises(StaleVersion):
            await service.update_customer(uow, admin, c.id, {"occupation": "pilot"}, 1, CLOCK)
    assert uow.customers.rows[c.id].occupation == "nurse"


async def test_read_only_fields_per_role() -> None:
    uow = FakeUnitOfWork()
    rm = uow.directory.add_staff(Role.RM)
    async with uow:
        c = await service.create_customer(uow, person(Role.RM, rm), new_customer(), CLOCK)
        await uow.commit()
        with pytest.raises(Forbidden) as e:
            await service.update_customer(uow, person(Role.RM, rm), c.id, {"tier": Tier.KEY}, 1, CLOCK)
        assert e.value.field == "tier"
        for role in (Role.AGENT, Role.MARKETING, Role.AUDITOR):
            with pytest.raises(Forbidden):
                await service.update_customer(uow, person(role), c.id, {"occupation": "x"}, 1, CLOCK)


async def test_unknown_branch_and_non_rm_assignee_are_refused() -> None:
    uow = FakeUnitOfWork()
    agent = uow.directory.add_staff(Role.AGENT, branch=None)
    async with uow:
        with pytest.raises(InvalidValue) as e:
            await service.create_customer(uow, person(Role.ADMIN), new_customer(home_branch="XX999"), CLOCK)
        assert e.value.field == "home_branch"
        with pytest.raises(InvalidValue) as e:
            await service.create_customer(uow, person(Role.ADMIN), new_customer(relationship_manager_id=agent), CLOCK)
        assert e.value.field == "relationship_manager_id"


async def test_customer_numbers_are_unique() -> None:
    uow = FakeUnitOfWork()
    async with uow:
        await service.create_customer(uow, person(Role.ADMIN), new_customer("C0001"), CLOCK)
        with pytest.raises(IdentityConflict):
            await service.create_customer(uow, person(Role.ADMIN), new_customer("C0001"), CLOCK)


async def test_relations_are_recorded_both_ways() -> None:
    uow = FakeUnitOfWork()
    admin = person(Role.ADMIN)
    async with uow:
        a = await service.create_customer(uow, admin, new_customer("C0001"), CLOCK)
        b = await service.create_customer(uow, admin, new_customer("C0002"), CLOCK)
        await service.relate_customers(uow, admin, a.id, b.id, RelationType.PARENT)
    assert uow.customers.relations[a.id][0].type is RelationType.PARENT
    assert uow.customers.relations[b.id][0].type is RelationType.CHILD
