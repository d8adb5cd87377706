"""The demo bank's campaigns (a segment, a finished campaign with its measured effect, and one running now) and
its RMs' tasks.

They are launched the product's way (the segment's eligible members drawn into target and control by
domain/campaigns.py), then given the responses the people recorded and the products the customers opened: the
contacted convert more often than those held out, so the finished campaign shows an effect, and the running one
leaves the RMs contacts to make.
"""

from __future__ import annotations

import random
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.db import segments as segment_store
from adapters.db.campaigns import SqlCampaignRepository
from adapters.db.tables import customers, holdings, products, users
from adapters.db.tables_campaigns import campaign_members, campaigns
from domain.campaigns import Campaign, CampaignStatus, Exclusion, Group, Response, exclusion, group_of
from domain.customers import ConsentChannel
from domain.value.segments_rules import parse_rule

_NS = uuid.UUID("5d0c4a8e-2f43-4d8e-9d5b-0c7a1c0b7e11")
SEGMENT_RULE = "age between 25 and 65 and kind = 'individual'"


@dataclass(frozen=True)
class _Spec:
    key: str
    name: str
    description: str
    product_code: str
    control_pct: int
    starts_days_ago: int
    days: int
    closed: bool
    answered: float  # share of target customers whose response is recorded
    convert_target: dict[str, float]  # by response ("none" when not recorded)
    convert_control: float


SPECS = (
    _Spec(
        "autumn-wealth",
        "Autumn wealth drive",
        "RMs call working-age customers about the steady 90-day wealth product.",
        "WM-R2-90D",
        20,
        80,
        30,
        True,
        0.85,
        {"interested": 0.45, "contacted": 0.08, "declined": 0.01, "unreachable": 0.03, "none": 0.03},
        0.03,
    ),
    _Spec(
        "year-end-td",
        "Year-end time deposit drive",
        "Year-end bonuses: offer the one-year time deposit before the rate review.",
        "TD-12M",
        10,
        7,
        30,
        False,
        0.4,
        {"interested": 0.3, "contacted": 0.04, "declined": 0.0, "unreachable": 0.02, "none": 0.02},
        0.015,
    ),
)
_ANSWERS = ((Response.CONTACTED, 30), (Response.INTERESTED, 20), (Response.DECLINED, 30), (Response.UNREACHABLE, 20))


async def write_campaigns(conn: AsyncConnection, today: date, now: datetime) -> int:
    """The segment and the campaigns; returns the campaign members written."""
    rng = random.Random(20261204)
    people = {r.username: r.id for r in await conn.execute(sa.select(users.c.username, users.c.id))}
    marketing, agent = people.get("mkt.zhao"), people.get("agent.chen")
    segment_id = uuid.uuid5(_NS, "segment:wealth-prospects")
    rule = parse_rule(SEGMENT_RULE)
    await segment_store.add_segment(
        conn,
        segment_id=segment_id,
        code="wealth-prospects",
        name="Wealth prospects",
        kind="rule",
        rule=rule,
        rule_text=SEGMENT_RULE,
        description="Individuals of working age: the audience of the wealth and deposit drives",
        created_by=marketing,
        at=now - timedelta(days=120),
    )
    repo = SqlCampaignRepository(conn)
    rm_of = {
        r.id: r.relationship_manager_id
        for r in await conn.execute(sa.select(customers.c.id, customers.c.relationship_manager_id))
    }
    rm_li = people.get("rm.li")
    written = 0
    for index, spec in enumerate(SPECS, start=1):
        starts_on = today - timedelta(days=spec.starts_days_ago)
        ends_on = starts_on + timedelta(days=spec.days - 1)
        launched_at = datetime.combine(starts_on, time(9, 0), UTC)
        product = (await conn.execute(sa.select(products).where(products.c.code == spec.product_code))).one()
        campaign = Campaign(
            id=uuid.uuid5(_NS, f"campaign:{spec.key}"),
            name=spec.name,
            description=spec.description,
            product_code=spec.product_code,
            segment_id=segment_id,
            channel=ConsentChannel.PHONE,
            control_pct=spec.control_pct,
            starts_on=starts_on,
            ends_on=ends_on,
            status=CampaignStatus.DRAFT,
            created_by=marketing,
            created_at=launched_at - timedelta(days=3),
        )
        await repo.add(campaign)
        members: list[tuple[uuid.UUID, Group]] = []
        excluded: Counter[Exclusion] = Counter()
        for candidate in await repo.candidates(campaign, launched_at):
            reason = exclusion(candidate, product.risk_level)
            if reason is not None:
                excluded[reason] += 1
            else:
                members.append((candidate.customer_id, group_of(campaign.id, candidate.customer_id, spec.control_pct)))
        counts = {r.value: excluded.get(r, 0) for r in Exclusion}
        await repo.save_launch(campaign.id, members, counts, marketing, launched_at)
        written += len(members)

        last_day = min(ends_on, today)
        window = (last_day - starts_on).days
        new_holdings = []
        answers: list[dict[str, object]] = []
        buckets: dict[tuple[Group, str], list[tuple[int, uuid.UUID]]] = defaultdict(list)
        for n, (cid, group) in enumerate(members):
            answer = None
            # On the running campaign rm.li has recorded only a few: most of her contacts are still to make.
            mine_to_make = not spec.closed and rm_of.get(cid) == rm_li and rng.random() >= 0.25
            if group is Group.TARGET and rng.random() < spec.answered and not mine_to_make:
                answer = rng.choices([a for a, _ in _ANSWERS], [w for _, w in _ANSWERS])[0]
            if answer is not None:
                at = launched_at + timedelta(days=rng.uniform(0, max(window, 1)), hours=rng.uniform(0, 8))
                answers.append(
                    {"c": campaign.id, "m": cid, "r": answer.value, "at": min(at, now), "by": rm_of.get(cid) or agent}
                )
            buckets[(group, answer.value if answer else "none")].append((n, cid))
        # Who converted: a share of each bucket (group and response), counted rather than drawn one by one, so
        # that even a small demo bank shows what the campaign caused and a control group that converts less.
        for (group, said), bucket in sorted(buckets.items(), key=lambda kv: (kv[0][0].value, kv[0][1])):
            rate = spec.convert_target[said] if group is Group.TARGET else spec.convert_control
            for n, cid in rng.sample(bucket, round(len(bucket) * rate)):
                opened = starts_on + timedelta(days=rng.randint(0, window))
                term = product.term_months or 0
                new_holdings.append(
                    {
                        "id": uuid.uuid5(_NS, f"holding:{spec.key}:{cid}"),
                        "customer_id": cid,
                        "account_number": f"{product.category[:2].upper()}C{index}{n:09d}",
                        "product_code": product.code,
                        "category": product.category,
                        "status": "active",
                        "opened_on": opened,
                        "balance": Decimal(rng.randrange(50, 400) * 1000),
                        "currency": product.currency,
                        "rate": product.rate,
                        "maturity_date": opened + timedelta(days=round(term * 30.4)) if term else None,
                        "balance_as_of": now,
                    }
                )
        if answers:
            m = campaign_members
            await conn.execute(
                sa.update(m)
                .where(m.c.campaign_id == sa.bindparam("c"), m.c.customer_id == sa.bindparam("m"))
                .values(response=sa.bindparam("r"), responded_at=sa.bindparam("at"), responded_by=sa.bindparam("by")),
                answers,
            )
        if new_holdings:
            await conn.execute(sa.insert(holdings), new_holdings)
        if spec.closed:
            await conn.execute(
                sa.update(campaigns)
                .where(campaigns.c.id == campaign.id)
                .values(
                    status=CampaignStatus.CLOSED.value,
                    closed_by=marketing,
                    closed_at=datetime.combine(ends_on + timedelta(days=1), time(10, 0), UTC),
                )
            )
    return written


_TASKS = (
    ("Call back about the time deposit that matures", 0, None),
    ("Bring the wealth product forms to sign", 2, None),
    ("Check the salary has arrived after the employer's change", -2, None),
    ("Review the overdraft limit", 6, None),
    ("Explain the new card fees", -6, "Called; she is fine with the new fees."),
)


async def write_tasks(conn: AsyncConnection, today: date, now: datetime) -> int:
    """A few tasks for each demo RM about their own customers (one overdue, one done last week), and a call-back
    the call center's agent left for rm.li. Returns the tasks written."""
    from adapters.db.tables_campaigns import tasks

    people = {r.username: r.id for r in await conn.execute(sa.select(users.c.username, users.c.id))}
    rows = []
    for username in ("rm.li", "rm.wang"):
        rm = people.get(username)
        if rm is None:
            continue
        theirs = list(
            await conn.scalars(
                sa.select(customers.c.id)
                .where(customers.c.relationship_manager_id == rm, customers.c.merged_into.is_(None))
                .order_by(customers.c.customer_number)
                .limit(len(_TASKS))
            )
        )
        for (title, due_in, outcome), cid in zip(_TASKS, theirs, strict=False):
            created = now - timedelta(days=max(3, -due_in + 3))
            rows.append(
                {
                    "id": uuid.uuid5(_NS, f"task:{username}:{title}"),
                    "title": title,
                    "customer_id": cid,
                    "assignee_id": rm,
                    "due_on": today + timedelta(days=due_in),
                    "status": "done" if outcome else "open",
                    "created_by": rm,
                    "created_at": created,
                    "closed_at": created + timedelta(days=2) if outcome else None,
                    "closed_by": rm if outcome else None,
                    "outcome": outcome,
                }
            )
        if username == "rm.li" and theirs and people.get("agent.chen"):
            rows.append(
                {
                    "id": uuid.uuid5(_NS, "task:agent.chen:call-back"),
                    "title": "Customer asked for a call back about the mortgage rate",
                    "note": "Called the hotline at lunch time; prefers calls after 6 pm.",
                    "customer_id": theirs[-1],
                    "assignee_id": rm,
                    "due_on": today,
                    "status": "open",
                    "created_by": people["agent.chen"],
                    "created_at": now - timedelta(hours=3),
                }
            )
    for row in rows:
        await conn.execute(sa.insert(tasks).values(row))
    return len(rows)
