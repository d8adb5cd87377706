"""The rescore queue: what a writer queued is scored by the scorer after the commit, in passes that coalesce
repeats, and a pass that fails leaves its customers queued for the next one (nothing queued is lost)."""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal

import httpx
import pytest
import sqlalchemy as sa

from adapters.container import Container, value_observer
from adapters.db.tables_value import customer_scores, rescore_queue
from adapters.scorer import Scorer
from domain.interactions import Interaction
from domain.ports import UnitOfWork
from tests.integration.value_factories import add_customer, add_holding


async def _scores(container: Container) -> dict[uuid.UUID, Decimal]:
    async with container.engine.connect() as conn:
        rows = await conn.execute(sa.select(customer_scores.c.customer_id, customer_scores.c.aum))
        return {r.customer_id: r.aum for r in rows}


async def _bank(container: Container, n: int) -> list[uuid.UUID]:
    ids = []
    async with container.uow() as uow:
        for i in range(n):
            cid = await add_customer(uow.connection)
            await add_holding(uow.connection, cid, "savings", str(1000 * (i + 1)))
            ids.append(cid)
        await uow.commit()
    return ids


async def test_a_writer_queues_and_the_scorer_scores_after_the_commit(container: Container) -> None:
    assert container.scorer is not None
    ids = await _bank(container, 2)
    async with container.uow() as uow:
        await container.customers_changed(uow, set(ids))
        await container.customers_changed(uow, {ids[0]})  # told twice in one transaction
        await uow.rollback()
    assert await container.scorer.pending() == 0, "a rolled-back writer queues nothing"

    for _ in range(3):  # three feeds in a row touch the same customers
        async with container.uow() as uow:
            await container.customers_changed(uow, set(ids))
            await uow.commit()
    assert await container.scorer.pending() == 6
    assert await _scores(container) == {}, "the writer's transaction does not score"
    assert await container.scorer.drain() == 6
    assert await container.scorer.pending() == 0
    assert await _scores(container) == {ids[0]: Decimal("1000.00"), ids[1]: Decimal("2000.00")}


class _Unavailable:
    """An observer after the value observer that fails, as a database error in the middle of a pass would."""

    async def customers_changed(
        self,
        uow: UnitOfWork,
        customer_ids: frozenset[uuid.UUID],
        at: datetime,
        interactions: Sequence[Interaction] | None = None,
    ) -> None:
        raise RuntimeError("the database went away in the middle of the pass")


async def test_a_failed_pass_keeps_its_customers_queued(container: Container) -> None:
    assert container.scorer is not None
    ids = await _bank(container, 3)
    async with container.uow() as uow:
        await container.customers_changed(uow, set(ids))
        await uow.commit()
    failing = Scorer(container.uow, container.clock.now, [value_observer(container), _Unavailable()])
    with pytest.raises(RuntimeError):
        await failing.run_once()
    assert await _scores(container) == {}, "nothing of the failed pass was kept"
    assert await container.scorer.pending() == 3, "its customers are still queued"
    assert await container.scorer.drain() == 3
    assert set(await _scores(container)) == set(ids)


async def test_a_pass_takes_at_most_a_chunk_in_queue_order(container: Container) -> None:
    ids = await _bank(container, 5)
    for cid in ids:
        async with container.uow() as uow:
            await container.customers_changed(uow, {cid})
            await uow.commit()
    small = Scorer(container.uow, container.clock.now, [value_observer(container)], chunk=2)
    assert await small.run_once() == 2
    assert set(await _scores(container)) == set(ids[:2]), "the oldest entries first"
    assert [await small.run_once(), await small.run_once(), await small.run_once()] == [2, 1, 0]
    assert set(await _scores(container)) == set(ids)
    async with container.engine.connect() as conn:
        assert await conn.scalar(sa.select(sa.func.count()).select_from(rescore_queue)) == 0


async def test_metrics_show_how_far_scores_trail_the_feeds(container: Container, app_client: httpx.AsyncClient) -> None:
    assert container.scorer is not None
    ids = await _bank(container, 3)
    async with container.uow() as uow:
        await container.customers_changed(uow, set(ids))
        await uow.commit()

    def figure(text: str, name: str) -> float:
        return next(
            float(line.split()[1])
            for line in text.splitlines()
            if line.startswith((name + " ", f'{name}{{pid="{os.getpid()}"}} '))
        )

    before = (await app_client.get("/metrics")).text
    assert figure(before, "crm_rescore_queue_depth") == 3
    await container.scorer.drain()
    after = (await app_client.get("/metrics")).text
    assert figure(after, "crm_rescore_queue_depth") == 0
    assert figure(after, "crm_scoring_passes_total") == figure(before, "crm_scoring_passes_total") + 1
    assert figure(after, "crm_scoring_customers_total") == figure(before, "crm_scoring_customers_total") + 3


async def test_stopping_the_scorer_mid_pass_loses_nothing(container: Container) -> None:
    """A server shutting down cancels its scorer, perhaps in the middle of a pass: the shutdown does not hang,
    and the customers of a pass cut short are still queued for the next start."""
    assert container.scorer is not None
    ids = await _bank(container, 60)
    async with container.uow() as uow:
        await container.customers_changed(uow, set(ids))
        await uow.commit()
    for delay in (0.0, 0.02, 0.05):
        container.scorer.start()
        await asyncio.sleep(delay)
        await asyncio.wait_for(container.scorer.stop(), 15)
    await container.scorer.drain()
    assert await container.scorer.pending() == 0
    assert set(await _scores(container)) == set(ids)
