"""The demo bank, generated: deterministic for a seed and a day, in chunks of rows ready for bulk insert.

Everything here is pure Python (no database): `BankPlan` fixes branches, people and products; `generate_chunk`
turns a range of customer indexes into rows (tuples in the column orders below). Each customer draws from its
own `random.Random` seeded by (seed, index), so a customer is the same whatever the chunk size, and the labels
of the customers who are quietly leaving can be recomputed without generating anything
(`leaving_customer_numbers`). Labels are never written to the database: detectors must find them.

Money is kept in integer cents while generating and turned into `Decimal` once per row.
Interaction `direction`: for money movements it is the flow (inbound = money into the customer's accounts,
outbound = money out of them); for contacts it is who started it (inbound = the customer, outbound = the bank).
"""

from __future__ import annotations

import json
import math
import random
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from adapters.demo import names as N

# ---- rates and sizes -------------------------------------------------------------------------------------
LEAVING_RATE = 0.11  # retail attrition: about a tenth of customers leave in a year
LARGE_OUTFLOW_RATE = 0.004
DORMANT_WAKE_RATE = 0.003
CUSTOMERS_PER_RM = 150
AUM_MU = math.log(45_000)  # median assets of an individual, yuan
AUM_SIGMA = 1.6  # lognormal spread: the top 20% hold about 78% of the assets

# ---- column orders of the rows produced (the loader maps them to tables) -------------------------------------
CUSTOMER_COLS = (
    "id", "customer_number", "kind", "name_zh", "name_latin", "birth_date", "gender", "id_type", "id_number",
    "phones", "emails", "address", "occupation", "education", "income_band", "risk_preference",
    "preferred_language", "marketing_consent", "home_branch", "relationship_manager_id", "lifecycle_stage",
    "tier", "provisional", "merged_into", "version", "created_at", "updated_at",
)  # fmt: skip
IDENTITY_COLS = ("customer_id", "source", "key")
RELATION_COLS = ("customer_id", "related_customer_id", "type", "since")
HOLDING_COLS = (
    "id", "customer_id", "account_number", "product_code", "category", "status", "opened_on", "closed_on",
    "balance", "currency", "credit_limit", "rate", "maturity_date", "balance_as_of",
)  # fmt: skip
HISTORY_COLS = ("holding_id", "as_of", "balance")
INTERACTION_COLS = (
    "id", "customer_id", "channel", "type", "direction", "occurred_at", "actor", "summary", "outcome", "amount",
    "currency", "holding_id", "source_ref", "payload",
)  # fmt: skip
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "customers": CUSTOMER_COLS,
    "customer_identities": IDENTITY_COLS,
    "customer_relations": RELATION_COLS,
    "holdings": HOLDING_COLS,
    "balance_history": HISTORY_COLS,
    "interactions": INTERACTION_COLS,
}
# JSON columns per table given as Python values (interactions' payloads are already JSON text).
JSON_COLUMNS: dict[str, tuple[str, ...]] = {
    "customers": ("phones", "emails", "address", "marketing_consent"),
}
JSON_TEXT_COLUMNS: dict[str, tuple[str, ...]] = {"interactions": ("payload",)}

DEMO_PASSWORD = "demo-pass-2026"  # noqa: S105 - the documented demo sign-in, not a secret
# (username, role, branch, display name): the sign-ins the README and other engineers rely on.
FIXED_USERS: tuple[tuple[str, str, str | None, str], ...] = (
    ("admin", "admin", None, "System Administrator"),
    ("bm.bj001", "branch_manager", "BJ001", "周建 (Zhou Jian)"),
    ("rm.li", "rm", "BJ001", "李娜 (Li Na)"),
    ("rm.wang", "rm", "BJ001", "王强 (Wang Qiang)"),
    ("agent.chen", "agent", None, "陈静 (Chen Jing)"),
    ("mkt.zhao", "marketing", None, "赵敏 (Zhao Min)"),
    ("audit.sun", "auditor", None, "孙浩 (Sun Hao)"),
)
# Customers 0-5 belong to rm.li and 6-11 to rm.wang, so both have key, maturing and leaving customers
# even in a small bank (the rest of their portfolios are drawn like everyone else's).
FORCED_PORTFOLIO = {i: "rm.li" for i in range(6)} | {i: "rm.wang" for i in range(6, 12)}
FORCED_LEAVING = frozenset({0, 6})
FORCED_KEY = frozenset({1, 7})
FORCED_MATURING = frozenset({2, 8})
FORCED_OUTFLOW = frozenset({4})
FORCED_WAKE = frozenset({10})

_UUID_MASK = ~((0xF000 << 64) | (0xC000 << 48)) & ((1 << 128) - 1)
_UUID_V4 = (0x4000 << 64) | (0x8000 << 48)
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_LOWER = "abcdefghijklmnopqrstuvwxyz"
DAY = 86_400


LANE_CUSTOMERS = 2_000  # customers [k*2000, (k+1)*2000) belong to lane k % LANES
LANES = 2


def lane_of(index: int) -> int:
    """Which generator lane draws customer `index`: lanes can run in parallel processes."""
    return (index // LANE_CUSTOMERS) % LANES


def _rng(seed: int, index: int) -> random.Random:
    return random.Random((seed << 40) | index)


_new_object = object.__new__
_set_slot = object.__setattr__


_V7_MASK = ((1 << 80) - 1) & ~(0xF << 76) & ~(0x3 << 62)
_V7_BITS = (0x7 << 76) | (0x2 << 62)
_V7_EPOCH_MS = 1_700_000_000_000


def customer_uuid(r: random.Random, index: int) -> uuid.UUID:
    """A version-7 UUID for a row of customer `index`: the 48-bit "time" field grows with the index.

    So every id of a later customer sorts after those of earlier ones, and bulk loads append to the
    B-tree indexes (customers, holdings, history, interactions) instead of writing all over them.
    """
    made = _new_object(uuid.UUID)
    _set_slot(made, "int", ((_V7_EPOCH_MS + index) << 80) | (r.getrandbits(80) & _V7_MASK) | _V7_BITS)
    _set_slot(made, "is_safe", uuid.SafeUUID.unknown)
    return made


def new_uuid(r: random.Random) -> uuid.UUID:
    """A random version-4 UUID from `r`. Filled in directly: uuid.UUID(int=...) costs four times as much."""
    made = _new_object(uuid.UUID)
    _set_slot(made, "int", (r.getrandbits(128) & _UUID_MASK) | _UUID_V4)
    _set_slot(made, "is_safe", uuid.SafeUUID.unknown)
    return made


def resident_id_check(first17: str) -> str:
    """The ISO 7064 MOD 11-2 check character of a resident ID number."""
    return _ID_CHECK[sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True)) % 11]


def luhn_valid(digits: str) -> bool:
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = ord(c) - 48
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def _uscc(region: str, r: random.Random) -> str:
    """A unified social credit code (business licence number) with its GB 32100 check character."""
    body = "91" + region + "MA" + "".join(r.choice(_USCC_CHARS[10:]) for _ in range(7))
    total = sum(_USCC_CHARS.index(c) * w for c, w in zip(body, _USCC_WEIGHTS, strict=True))
    return body + _USCC_CHARS[(31 - total % 31) % 31]


def _is_leaving(seed: int, index: int) -> bool:
    # The first draw of every customer's own generator decides it; generate_chunk makes the same draw.
    return _leaving_draw(index, _rng(seed, index).random())


def _leaving_draw(index: int, draw: float) -> bool:
    # The detectors' forced cases (a large outflow, a dormant account waking) are customers who stay.
    if index in FORCED_LEAVING:
        return True
    return draw < LEAVING_RATE and index not in FORCED_OUTFLOW and index not in FORCED_WAKE


def customer_number(index: int) -> str:
    return f"C{100_000_001 + index}"


def leaving_customer_numbers(seed: int, customers: int) -> set[str]:
    """The customer numbers the demo made quietly leave (the churn benchmark's ground truth)."""
    return {customer_number(i) for i in range(customers) if _is_leaving(seed, i)}


# ---- the bank's fixed parts ------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class DemoProduct:
    code: str
    name: str
    name_zh: str
    category: str
    currency: str
    rate: Decimal | None
    term_months: int | None
    minimum_amount: Decimal | None
    risk_level: int


def _p(
    code: str, name: str, zh: str, cat: str, rate: str | None, term: int | None, minimum: int | None, risk: int
) -> DemoProduct:
    cur = "USD" if code.endswith("USD") else "CNY"
    return DemoProduct(
        code, name, zh, cat, cur, Decimal(rate) if rate else None, term,
        Decimal(minimum) if minimum is not None else None, risk,
    )  # fmt: skip


PRODUCTS: tuple[DemoProduct, ...] = (
    _p("CUR-CNY", "Current Account", "活期储蓄账户", "current", "0.0010", None, 0, 1),
    _p("SAV-CNY", "Notice Savings Account", "通知存款账户", "savings", "0.0045", None, 50_000, 1),
    _p("SAV-USD", "USD Savings Account", "美元储蓄账户", "savings", "0.0080", None, 100, 1),
    _p("TD-3M", "Time Deposit 3 Months", "三个月定期存款", "time_deposit", "0.0105", 3, 50, 1),
    _p("TD-6M", "Time Deposit 6 Months", "六个月定期存款", "time_deposit", "0.0125", 6, 50, 1),
    _p("TD-12M", "Time Deposit 12 Months", "一年期定期存款", "time_deposit", "0.0145", 12, 50, 1),
    _p("TD-24M", "Time Deposit 24 Months", "两年期定期存款", "time_deposit", "0.0155", 24, 50, 1),
    _p("TD-36M", "Time Deposit 36 Months", "三年期定期存款", "time_deposit", "0.0175", 36, 50, 1),
    _p("LN-CONS", "Consumer Loan", "个人消费贷款", "loan", "0.0385", 36, 10_000, 2),
    _p("LN-BIZ", "Small Business Loan", "小微企业经营贷款", "loan", "0.0345", 24, 100_000, 3),
    _p("MTG-30Y", "Home Mortgage", "个人住房按揭贷款", "mortgage", "0.0310", 360, 200_000, 2),
    _p("CC-STD", "Classic Credit Card", "标准信用卡", "credit_card", "0.1825", None, None, 2),
    _p("CC-PLAT", "Platinum Credit Card", "白金信用卡", "credit_card", "0.1825", None, None, 2),
    _p("WM-R2-90D", "Steady Income 90-Day Wealth Product", "稳健收益90天理财", "wealth_product", "0.0240", 3,
       10_000, 2),
    _p("WM-R3-180D", "Balanced 180-Day Wealth Product", "平衡增利180天理财", "wealth_product", "0.0295", 6,
       50_000, 3),
    _p("WM-R4-1Y", "Enhanced 1-Year Wealth Product", "进取增强一年期理财", "wealth_product", "0.0360", 12,
       100_000, 4),
    _p("FD-BOND", "Pure Bond Fund", "纯债债券基金", "fund", None, None, 1_000, 3),
    _p("FD-CSI300", "CSI 300 Index Fund", "沪深300指数基金", "fund", None, None, 1_000, 4),
    _p("FD-GROWTH", "New Economy Equity Fund", "新经济股票基金", "fund", None, None, 1_000, 5),
    _p("INS-ANN", "Pension Annuity Insurance", "养老年金保险", "insurance", None, 120, 10_000, 1),
    _p("INS-LIFE", "Whole Life Insurance", "终身寿险", "insurance", None, 240, 20_000, 2),
)  # fmt: skip
_PRODUCT = {p.code: p for p in PRODUCTS}
_CAT_CODE = {
    "current": "CA", "savings": "SA", "time_deposit": "TD", "loan": "LN", "mortgage": "MG",
    "credit_card": "CC", "wealth_product": "WM", "fund": "FD", "insurance": "IN",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class DemoUser:
    id: uuid.UUID
    username: str
    role: str
    branch: str | None
    display_name: str


@dataclass(slots=True)
class BankPlan:
    """What is fixed before any customer is drawn: the day, branches, people and products."""

    seed: int
    customers: int
    months: int
    today: date
    users: list[DemoUser]
    rms_by_branch: dict[str, list[DemoUser]]
    # Resident ID numbers handed out so far, per lane (see `lane_of`): each lane's customers are drawn in
    # order, by one generator, and lanes use disjoint sequence numbers, so numbers are unique bank-wide.
    used_ids: dict[int, set[str]] = field(default_factory=lambda: {lane: set() for lane in range(LANES)})

    @property
    def anchor(self) -> datetime:
        return datetime(self.today.year, self.today.month, self.today.day, tzinfo=UTC)

    @property
    def branches(self) -> tuple[tuple[str, str, str, str], ...]:
        return N.BRANCHES

    @property
    def products(self) -> tuple[DemoProduct, ...]:
        return PRODUCTS


def plan_bank(seed: int, customers: int, months: int, today: date) -> BankPlan:
    r = random.Random(seed ^ 0x5EED)
    users: list[DemoUser] = []
    by_name: dict[str, DemoUser] = {}
    for username, role, branch, display in FIXED_USERS:
        u = DemoUser(new_uuid(r), username, role, branch, display)
        users.append(u)
        by_name[username] = u
    rms_by_branch: dict[str, list[DemoUser]] = {}
    for (code, _en, _zh, _city), weight in zip(N.BRANCHES, N.BRANCH_WEIGHTS, strict=True):
        if code != "BJ001":
            bm_name = _person_name(r)
            bm = DemoUser(new_uuid(r), f"bm.{code.lower()}", "branch_manager", code, bm_name)
            users.append(bm)
        fixed = [by_name["rm.li"], by_name["rm.wang"]] if code == "BJ001" else []
        wanted = max(2, round(customers * weight / CUSTOMERS_PER_RM))
        rms = list(fixed)
        for n in range(1, wanted - len(fixed) + 1):
            rm = DemoUser(new_uuid(r), f"rm.{code.lower()}.{n:02d}", "rm", code, _person_name(r))
            users.append(rm)
            rms.append(rm)
        rms_by_branch[code] = rms
    return BankPlan(seed, customers, months, today, users, rms_by_branch)


def _person_name(r: random.Random) -> str:
    sz, sl = r.choice(N.SURNAMES)
    pool = N.GIVEN_FEMALE if r.random() < 0.5 else N.GIVEN_MALE
    gz, gl = r.choice(pool)
    return f"{sz}{gz} ({sl} {gl.capitalize()})"


# ---- customers -------------------------------------------------------------------------------------------
@dataclass(slots=True)
class _Holding:
    id: uuid.UUID
    code: str
    category: str
    currency: str
    cents: int  # signed, customer's side
    status: str = "active"
    opened: date | None = None
    closed: date | None = None
    limit_cents: int | None = None
    maturity: date | None = None
    past_cents: int = 0  # closed: the balance before closing; woken: the remainder it held while dormant
    extra_past: int = 0  # money that left this week: every earlier point was this much higher
    history: str = "normal"  # normal, card, loan, flat, wake
    # (days ago, cents): history points older than that day held `cents` more (a payment) or less (a payout)
    steps: list[tuple[float, int]] = field(default_factory=list)


@dataclass(slots=True)
class _Leaving:
    """How one customer quietly leaves: each signal drawn on its own, so no leaver shows all of them."""

    start: float  # days ago the customer began to move away
    end: float  # days ago they will have finished (negative: still under way)
    drain: float  # share of their current, savings, fund and wealth balances gone once finished
    fade: float  # share of their own activity (visits, card use, log-ins) gone once finished; 0 for some
    salary_stop: float | None  # days ago the salary stopped arriving here; None: still paid here
    complaint: float | None  # days ago they complained; None: they never did
    td_closed: int | None  # days ago a time deposit matured and was paid out, not renewed; None: none

    def progress(self, days_ago: float) -> float:
        """How far the leaving had gone `days_ago` days back, from 0 to 1."""
        if days_ago >= self.start:
            return 0.0
        return min(1.0, (self.start - days_ago) / (self.start - self.end))

    def remaining(self, days_ago: float) -> float:
        return 1.0 - self.drain * self.progress(days_ago)


# Customers 0 and 6 (rm.li's and rm.wang's) leave showing every signal, so both portfolios show one clearly.
_FORCED_LEAVING_PROFILE = _Leaving(120, 20, 0.85, 0.7, 80, 40, 45)


@dataclass(slots=True)
class _Quirks:
    """Innocent reasons a staying customer shows a leaving signal for a while."""

    home: float | None = None  # days ago a home's down payment left; a mortgage opened that day
    brokerage: float | None = None  # days ago savings went to their securities account (bank-securities transfer)
    complaint: float | None = None  # days ago they complained; it was resolved and they stayed
    job_gap: tuple[float, float] | None = None  # (from, to) days ago without salary: a new employer
    quiet: tuple[float, float] | None = None  # (from, to) days ago of seasonal low activity
    td_rolled: int | None = None  # days ago a time deposit matured and was rolled into a wealth product
    td_kept: int | None = None  # days ago a time deposit matured and was paid into the current account


def _draw_leaving(r: random.Random, forced: bool) -> _Leaving:
    start = r.uniform(30, 180)
    end = start - r.uniform(60, 180)  # some leave over two months, some over six
    drain = r.uniform(0.4, 1.0)
    fade = r.uniform(0.3, 0.9) if r.random() < 0.75 else 0.0
    salary_stop = r.uniform(max(0.0, end), start) if r.random() < 0.6 else None
    complaint = r.uniform(max(1.0, start - 45), start + 15) if r.random() < 0.45 else None
    td_closed = int(r.uniform(max(5.0, end), start)) if r.random() < 0.5 else None
    return _FORCED_LEAVING_PROFILE if forced else _Leaving(start, end, drain, fade, salary_stop, complaint, td_closed)


def _draw_quirks(r: random.Random, employed: bool, age: int, is_business: bool) -> _Quirks:
    q = _Quirks()
    if not is_business and 25 <= age <= 60 and r.random() < 0.04:
        q.home = r.uniform(10, 170)
    if r.random() < 0.04:
        q.brokerage = r.uniform(5, 170)
    if r.random() < 0.06:
        q.complaint = r.uniform(1, 360)
    if employed and r.random() < 0.06:
        gap_from = r.uniform(20, 330)
        q.job_gap = (gap_from, gap_from - r.uniform(30, 100))
    if r.random() < 0.12:
        quiet_from = r.uniform(30, 330)
        q.quiet = (quiet_from, quiet_from - r.uniform(45, 100))
    if r.random() < 0.05:
        q.td_rolled = _randint(r, 8, 85)
    elif r.random() < 0.03:
        q.td_kept = _randint(r, 8, 55)
    return q


@dataclass(slots=True)
class Chunk:
    rows: dict[str, list[tuple[Any, ...]]]

    def count(self) -> int:
        return sum(len(v) for v in self.rows.values())


_DRAINED = frozenset({"current", "savings", "fund", "wealth_product"})  # what a leaver moves away


def _randint(r: random.Random, low: int, high: int) -> int:
    # random.randint is pure Python and shows up first in a profile; this draws the same range.
    return low + int(r.random() * (high - low + 1))


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _money(cents: int) -> Decimal:
    return Decimal(cents) / 100


def _add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    day = min(d.day, 28 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)
    return date(year, month, day)


class _Builder:
    """Builds the rows of one chunk. One instance per chunk; state is only the plan's uniqueness sets."""

    def __init__(self, plan: BankPlan) -> None:
        self.plan = plan
        self.today = plan.today
        self.anchor_ts = plan.anchor.timestamp()
        self.span_days = max(1, round(plan.months * 30.44))
        self.customers: list[tuple[Any, ...]] = []
        self.identities: list[tuple[Any, ...]] = []
        self.relations: list[tuple[Any, ...]] = []
        self.holdings: list[tuple[Any, ...]] = []
        self.history: list[tuple[Any, ...]] = []
        self.interactions: list[tuple[Any, ...]] = []
        self.rm_by_name = {u.username: u for rms in plan.rms_by_branch.values() for u in rms}
        # as_of dates of the monthly balance points, newest (today) first
        self.index = 0  # the customer being drawn
        self.points = [self.today - timedelta(days=30 * k) for k in range(plan.months)]

    # -- small helpers
    def uid(self, r: random.Random) -> uuid.UUID:
        return customer_uuid(r, self.index)

    def at(self, r: random.Random, days_ago: float) -> datetime:
        """A moment `days_ago` days back, in Chinese waking hours (00:00-14:00 UTC is 08:00-22:00 CST)."""
        day = int(days_ago) + 1
        return datetime.fromtimestamp(self.anchor_ts - day * DAY + int(r.random() * 50_400), UTC)

    def unique_phone(self, r: random.Random) -> str:
        """The customer's own mobile: its last nine digits are a bijection of the index, hence unique."""
        tail = (self.index * 387_420_489 + self.plan.seed * 7_919 + 12_345) % 1_000_000_000
        first = r.randint(3, 9)
        for step in range(7):
            # exactly one digit makes the number Luhn-valid; take another so a PAN scanner stays quiet
            phone = f"+861{3 + (first - 3 + step) % 7}{tail:09d}"
            if not luhn_valid(phone[1:]):
                break
        return phone

    def landline(self, r: random.Random, area: str) -> str:
        """A landline (at most one per customer index): the last seven digits are a bijection of the index."""
        tail = (self.index * 1_594_323 + self.plan.seed * 31 + 777) % 10_000_000
        first = r.randint(2, 8)
        for step in range(7):
            phone = f"+86{area}{2 + (first - 2 + step) % 7}{tail:07d}"
            if not luhn_valid(phone[1:]):
                break
        return phone

    def resident_id(self, r: random.Random, region: str, born: date, male: bool) -> str:
        stamp = born.strftime("%Y%m%d")
        lane = lane_of(self.index)
        used = self.plan.used_ids[lane]
        while True:
            # the lane picks the parity of the sequence's first two digits; the last digit's is the gender
            seq = (int(r.random() * 50) * 2 + lane) * 10 + (r.randrange(5) * 2 + (1 if male else 0))
            first17 = f"{region}{stamp}{seq:03d}"
            number = first17 + resident_id_check(first17)
            # Skip numbers that would also pass a card-number (Luhn) check, so a PAN scanner stays quiet.
            digits = number[:17] if number[-1] == "X" else number
            if number not in used and not luhn_valid(digits):
                used.add(number)
                return number

    # -- one household group of four customer indexes
    def group(self, start: int) -> None:
        plan = self.plan
        g = random.Random((plan.seed << 40) | (1 << 39) | start)
        indexes = [i for i in range(start, start + 4) if i < plan.customers]
        couple = len(indexes) >= 2 and g.random() < 0.35
        child = couple and len(indexes) >= 3 and g.random() < 0.3
        business = len(indexes) == 4 and g.random() < 0.2 and not any(i in FORCED_PORTFOLIO for i in indexes)
        shared_line = couple and g.random() < 0.25
        surname = g.choice(N.SURNAMES)
        made: dict[int, tuple[uuid.UUID, date | None]] = {}
        household: dict[str, Any] = {}
        for i in indexes:
            role = "single"
            if couple and i == start:
                role = "spouse_a"
            elif couple and i == start + 1:
                role = "spouse_b"
            elif child and i == start + 2:
                role = "child"
            is_business = business and i == start + 3
            made[i] = self.customer(i, role, is_business, surname, household, shared_line)
        since = self.today - timedelta(days=g.randrange(400, 6000))
        if couple:
            a, b = made[start][0], made[start + 1][0]
            self.relate(a, b, "spouse", since)
            self.relate(a, b, "household", since)
            if child:
                c = made[start + 2][0]
                for parent in (a, b):
                    self.relate(c, parent, "parent", since)
                    self.relate(c, parent, "household", since)
        if business:
            # the company's director is the group's first customer
            self.relate(made[start + 3][0], made[start][0], "company_director", since)

    def relate(self, a: uuid.UUID, b: uuid.UUID, kind: str, since: date) -> None:
        inverse = {
            "parent": "child", "child": "parent", "company_director": "directed_company",
            "directed_company": "company_director", "guarantor": "guaranteed_by", "guaranteed_by": "guarantor",
        }.get(kind, kind)  # fmt: skip
        self.relations.append((a, b, kind, since))
        self.relations.append((b, a, inverse, since))

    # -- one customer with holdings, history and events
    def customer(
        self,
        i: int,
        role: str,
        is_business: bool,
        surname: tuple[str, str],
        household: dict[str, Any],
        shared_line: bool,
    ) -> tuple[uuid.UUID, date | None]:
        plan, today = self.plan, self.today
        r = _rng(plan.seed, i)
        self.index = i
        leaving = _leaving_draw(i, r.random())  # first draw: see _is_leaving
        abnormal = r.random()
        outflow = abnormal < LARGE_OUTFLOW_RATE or i in FORCED_OUTFLOW
        wake = (LARGE_OUTFLOW_RATE <= abnormal < LARGE_OUTFLOW_RATE + DORMANT_WAKE_RATE) or i in FORCED_WAKE
        if leaving:
            outflow = wake = False
        lv = _draw_leaving(r, i in FORCED_LEAVING) if leaving else None
        cid = self.uid(r)
        number = customer_number(i)

        # where: a branch (the household's, if it has one), a city and an address
        if i in FORCED_PORTFOLIO:
            branch_idx = 0
        elif "branch" in household:
            branch_idx = household["branch"]
        else:
            branch_idx = r.choices(range(len(N.BRANCHES)), N.BRANCH_WEIGHTS)[0]
        household.setdefault("branch", branch_idx)
        branch, _en, _zh, city_key = N.BRANCHES[branch_idx]
        city_en, city_zh, prov_en, prov_zh, postal, area, districts, regions = N.CITIES[city_key]
        if "address" in household and role in ("spouse_b", "child"):
            address = household["address"]
        else:
            district = r.choice(districts)
            address = {
                "line": f"{district}{r.choice(N.STREETS)}{r.randint(1, 399)}号{r.randint(1, 30)}栋"
                f"{r.randint(1, 6)}单元{r.randint(1, 32)}{r.randint(1, 4):02d}室",
                "city": city_en,
                "province": prov_en,
                "postal_code": f"{postal}{r.randrange(1000):03d}",
                "country": "CN",
            }
            household["address"] = address
        phones: list[str] = []
        emails: list[str] = []
        gender: str | None
        born: date | None
        occupation: str | None
        education: str | None
        income: str | None
        if is_business:
            kind = "business"
            prefix = r.choice(N.COMPANY_PREFIX)
            trade = r.choice(N.COMPANY_TRADE)
            name_zh = f"{city_zh[:-1]}{prefix[0]}{trade[0]}有限公司"
            name_latin = f"{city_en} {prefix[1]} {trade[1]} Co., Ltd."
            gender = born = occupation = education = None
            income = "over_1m" if r.random() < 0.5 else "300k_1m"
            id_type, id_number = "business_license", _uscc(r.choice(regions), r)
            phones.append(self.landline(r, area))
            if r.random() < 0.7:
                emails.append(f"finance@{prefix[1].lower()}-{trade[1].split()[0].lower()}.example.com")
            employed = False
            age = 40
        else:
            kind = "individual"
            sname = surname if role in ("spouse_a", "child") or (role == "single" and r.random() < 0.2) else None
            sz, sl = sname or r.choice(N.SURNAMES)
            if role == "spouse_b":
                male = not household.get("male_a", True)
            else:
                male = r.random() < 0.5
                if role == "spouse_a":
                    household["male_a"] = male
            pool = N.GIVEN_MALE if male else N.GIVEN_FEMALE
            g1 = r.choice(pool)
            if r.random() < 0.6:
                g2 = r.choice(pool)
                gz, gl = g1[0] + g2[0], g1[1] + g2[1]
            else:
                gz, gl = g1
            name_zh = sz + gz
            name_latin = f"{sl} {gl.capitalize()}"
            gender = "male" if male else "female"
            if role == "child":
                parent_year = household.get("born_a", 1970)
                year = min(2005, parent_year + r.randint(22, 34))
            elif role == "spouse_b" and "born_a" in household:
                year = max(1945, min(2005, household["born_a"] + r.randint(-4, 4)))
            else:
                # ages 20-80, more people in the middle
                year = min(2005, max(1945, int(r.triangular(1945, 2005, 1982))))
                if role == "spouse_a":
                    household["born_a"] = year
            born = date(year, r.randint(1, 12), r.randint(1, 28))
            age = today.year - year
            region = r.choice(regions) if r.random() < 0.55 else r.choice(N.BIRTH_REGIONS)
            id_type, id_number = "resident_id", self.resident_id(r, region, born, male)
            phones.append(self.unique_phone(r))
            if shared_line and role in ("spouse_a", "spouse_b"):
                if "line" not in household:
                    household["line"] = self.landline(r, area)
                phones.append(household["line"])
            if r.random() < (0.75 if age < 50 else 0.35):
                domain = r.choice(("example.com", "example.cn", "example.net", "example.org"))
                emails.append(f"{gl}.{sl.lower()}{r.randint(1, 9999)}@{domain}")
            if age < 24 and r.random() < 0.6:
                occupation, employed = N.OCCUPATION_STUDENT, False
            elif age >= 60:
                occupation, employed = N.OCCUPATION_RETIRED, False
            elif r.random() < 0.82:
                occupation, employed = r.choice(N.OCCUPATIONS_EMPLOYED), True
            else:
                occupation, employed = r.choice(N.OCCUPATIONS_OTHER), False
            education = r.choices(
                ("secondary", "vocational", "bachelor", "master", "doctorate", "other"),
                (22, 20, 38, 14, 3, 3) if age < 50 else (45, 22, 22, 5, 1, 5),
            )[0]
            income = None

        # wealth: a lognormal draw gives the Pareto shape (about 20% hold about 80%)
        wealth = math.exp(r.gauss(AUM_MU, AUM_SIGMA)) * (6 if is_business else 1)
        if i in FORCED_KEY:
            wealth = max(wealth, 3_000_000.0) * 1.5
        if age >= 50:
            wealth *= 1.6
        if income is None:
            income = (
                "over_1m" if wealth > 3e6 else "300k_1m" if wealth > 8e5 else "150k_300k" if wealth > 2e5
                else "60k_150k" if wealth > 3e4 else "under_60k"
            )  # fmt: skip
        risk = r.choices(
            ("conservative", "moderately_conservative", "balanced", "growth", "aggressive"),
            (22, 30, 28, 14, 6) if age < 55 else (45, 30, 18, 5, 2),
        )[0]
        risk_level = ("conservative", "moderately_conservative", "balanced", "growth", "aggressive").index(risk) + 1
        language = "en" if r.random() < 0.08 else "zh-CN"
        if r.random() < 0.15:
            consent = {c: False for c in ("sms", "email", "phone", "post", "online", "push")}
        else:
            consent = {
                "sms": r.random() < 0.7, "email": bool(emails) and r.random() < 0.55, "phone": r.random() < 0.35,
                "post": r.random() < 0.2, "online": r.random() < 0.6, "push": r.random() < 0.5,
            }  # fmt: skip

        # relationship manager: businesses, the wealthier, and some others
        rm: DemoUser | None = None
        if i in FORCED_PORTFOLIO:
            rm = self.rm_by_name[FORCED_PORTFOLIO[i]]
        elif is_business or wealth > 400_000 or r.random() < 0.2:
            rm = r.choice(plan.rms_by_branch[branch])

        tenure_days = r.randint(90, 6000) if role != "child" else r.randint(90, 2500)
        since = today - timedelta(days=tenure_days)

        quirks = _Quirks() if leaving else _draw_quirks(r, employed, age, is_business)
        holdings = self.make_holdings(r, wealth, risk_level, is_business, employed, age, since, lv, quirks, i)
        opened = [h.opened for h in holdings if h.opened]
        first = min([since, *opened])
        lifecycle = "new" if (today - first).days < 365 else "growing" if (today - first).days < 3 * 365 else "mature"
        if holdings and all(h.status == "dormant" for h in holdings):
            lifecycle = "dormant"

        card_token = online_id = None
        if any(h.category in ("credit_card", "current") for h in holdings) and r.random() < 0.85:
            card_token = "ctk_" + "".join(r.choices(_LOWER, k=20))
        if age < 70 and r.random() < 0.8:
            online_id = f"nb.{name_latin.split()[0].lower()}{i:06d}"

        created = datetime(first.year, first.month, first.day, 2, 0, tzinfo=UTC) + timedelta(
            seconds=r.randrange(40_000)
        )
        updated = max(created, plan.anchor - timedelta(days=r.randint(1, 200)))
        self.customers.append(
            (
                cid, number, kind, name_zh, name_latin, born, gender, id_type, id_number, phones, emails,
                address, occupation, education, income, risk, language, consent, branch,
                rm.id if rm else None, lifecycle, "ordinary", False, None, 1, created, updated,
            )
        )  # fmt: skip
        idents = self.identities
        idents.append((cid, "customer_number", number))
        idents.append((cid, "id_document", f"{id_type}:{id_number}"))
        for p in phones:
            idents.append((cid, "phone", p))
        if card_token:
            idents.append((cid, "card_token", card_token))
        if online_id:
            idents.append((cid, "online_user_id", online_id))

        current = next((h for h in holdings if h.code == "CUR-CNY"), None)
        outflow_cents = 0
        if outflow and current:
            assets = sum(h.cents for h in holdings if h.cents > 0 and h.currency == "CNY")
            outflow_cents = int(assets * 1.5) + 5_000_000  # >60% of what the customer had a week ago
            current.extra_past = outflow_cents
        woken: _Holding | None = None
        if wake:
            deposit = r.randint(200, 900) * 100_000
            woken = _Holding(self.uid(r), "SAV-CNY", "savings", "CNY", 0, history="wake")
            woken.past_cents = r.randint(100, 9_999)
            woken.cents = woken.past_cents + deposit
            woken.opened = today - timedelta(days=r.randint(1500, 4000))
            holdings.append(woken)
        drained = 0
        for k, h in enumerate(holdings):
            account = f"{_CAT_CODE[h.category]}{branch_idx + 1}{i:08d}{k:02d}" + ("U" if h.currency != "CNY" else "")
            drained += self.write_holding(r, h, lv, cid, account)
        self.events(
            r, cid, number, holdings, employed, income, age, rm, card_token, online_id, bool(emails),
            lv, quirks, drained, outflow_cents, woken, branch, first,
        )  # fmt: skip
        return cid, born

    # -- holdings
    def make_holdings(
        self,
        r: random.Random,
        wealth: float,
        risk_level: int,
        is_business: bool,
        employed: bool,
        age: int,
        since: date,
        lv: _Leaving | None,
        quirks: _Quirks,
        i: int,
    ) -> list[_Holding]:
        today = self.today
        leaving = lv is not None
        out: list[_Holding] = []

        def opened_after(days_max: int) -> date:
            return today - timedelta(days=r.randint(20, max(21, days_max)))

        # asset slots with relative weights; the current account always exists
        slots: list[tuple[str, float]] = [("CUR-CNY", 0.5 + r.random())]
        if r.random() < 0.45 or wealth > 2e5:
            slots.append(("SAV-CNY", r.random() * 2))
        if r.random() < 0.04 or (wealth > 1e6 and r.random() < 0.3):
            slots.append(("SAV-USD", r.random() * 0.5))
        n_td = 0
        if r.random() < 0.45 or i in FORCED_MATURING:
            n_td = 1 + (r.random() < 0.4) + (wealth > 5e5 and r.random() < 0.5)
        for _ in range(n_td):
            slots.append((r.choice(("TD-3M", "TD-6M", "TD-12M", "TD-12M", "TD-24M", "TD-36M")), 0.5 + r.random() * 2))
        if wealth > 5e4 and risk_level >= 2 and r.random() < 0.45:
            slots.append((("WM-R2-90D", "WM-R3-180D", "WM-R4-1Y")[min(risk_level, 4) - 2], 0.5 + r.random() * 2))
        if risk_level >= 3 and r.random() < 0.35:
            slots.append((("FD-BOND", "FD-CSI300", "FD-GROWTH")[min(risk_level, 5) - 3], 0.3 + r.random()))
        if not is_business and age > 30 and r.random() < 0.14:
            slots.append((r.choice(("INS-ANN", "INS-LIFE")), 0.3 + r.random()))
        total_w = sum(w for _, w in slots)
        first_td = True
        for code, w in slots:
            p = _PRODUCT[code]
            share = w / total_w
            amount = wealth * share
            if p.currency == "USD":
                amount /= 7.1
            cents = max(0, int(amount * 100))
            if p.minimum_amount is not None and p.category != "current":
                cents = max(cents, int(p.minimum_amount * 100) + r.randrange(100_000))
            h = _Holding(self.uid(r), code, p.category, p.currency, cents)
            if p.category == "time_deposit" or p.category == "wealth_product":
                if first_td and (i in FORCED_MATURING) and p.category == "time_deposit":
                    days = r.randint(3, 25)
                else:
                    days = r.randint(1, 365)
                first_td = first_td and p.category != "time_deposit"
                h.maturity = today + timedelta(days=days)
                term = p.term_months or 12
                # a leaving customer bought nothing lately: their deposits were placed long ago
                latest = today - timedelta(days=120) if leaving else today
                while _add_months(h.maturity, -term) > latest:
                    term += p.term_months or 12
                h.opened = _add_months(h.maturity, -term)
                if h.opened >= today:
                    h.opened = today - timedelta(days=1)
            elif p.category == "insurance":
                h.opened = opened_after(3000)
                h.maturity = _add_months(h.opened, p.term_months or 120)
            else:
                h.opened = max(since, opened_after(5000)) if code == "CUR-CNY" else opened_after(2500)
            out.append(h)
        # a few dormant savings accounts with a little money left
        if r.random() < 0.03:
            h = _Holding(self.uid(r), "SAV-CNY", "savings", "CNY", r.randint(100, 50_000), status="dormant")
            h.opened = today - timedelta(days=r.randint(800, 4000))
            h.history = "flat"
            out.append(h)
        # credit: cards, consumer loans, mortgages, business loans
        if (not is_business and age >= 22 and r.random() < 0.45) or (i < 12 and i % 2 == 1):
            plat = wealth > 5e5
            limit = r.choice((20_000, 50_000, 100_000, 200_000) if plat else (5_000, 10_000, 20_000, 50_000))
            h = _Holding(self.uid(r), "CC-PLAT" if plat else "CC-STD", "credit_card", "CNY", 0)
            h.limit_cents = limit * 100
            h.cents = -int(h.limit_cents * r.random() * 0.5)
            h.opened = opened_after(3000)
            h.history = "card"
            out.append(h)
        if not is_business and 25 <= age <= 60 and r.random() < 0.10:
            principal = r.randint(20, 300) * 1000
            h = _Holding(self.uid(r), "LN-CONS", "loan", "CNY", 0)
            h.maturity = today + timedelta(days=r.randint(10, 3 * 365))
            h.opened = max(today - timedelta(days=1000), h.maturity - timedelta(days=3 * 365))
            h.limit_cents = principal * 100
            h.cents = -int(h.limit_cents * (0.2 + 0.7 * r.random()))
            h.history = "loan"
            out.append(h)
        if is_business and r.random() < 0.5:
            principal = r.randint(200, 3000) * 1000
            h = _Holding(self.uid(r), "LN-BIZ", "loan", "CNY", 0)
            h.maturity = today + timedelta(days=r.randint(5, 365))
            h.opened = _add_months(h.maturity, -24)
            h.limit_cents = principal * 100
            h.cents = -int(h.limit_cents * (0.3 + 0.6 * r.random()))
            h.history = "loan"
            out.append(h)
        if not is_business and 28 <= age <= 62 and r.random() < 0.14:
            principal = r.randint(300, 3000) * 1000
            h = _Holding(self.uid(r), "MTG-30Y", "mortgage", "CNY", 0)
            h.opened = today - timedelta(days=r.randint(60, 12 * 365))
            h.maturity = _add_months(h.opened, 360)
            h.limit_cents = principal * 100
            years = (today - h.opened).days / 365
            h.cents = -int(h.limit_cents * max(0.05, 1 - years / 30) * (0.9 + 0.1 * r.random()))
            h.history = "loan"
            out.append(h)
        # closed holdings: an old account closed years ago, or a time deposit that matured and was paid out
        if r.random() < 0.08:
            h = _Holding(self.uid(r), r.choice(("SAV-CNY", "TD-12M")), "", "CNY", 0, status="closed")
            h.category = _PRODUCT[h.code].category
            h.closed = today - timedelta(days=r.randint(60, 900))
            h.opened = h.closed - timedelta(days=r.randint(365, 2000))
            if h.category == "time_deposit":
                h.maturity = h.closed
            h.past_cents = int(wealth * 30 * r.random())
            out.append(h)
        # a time deposit that matured lately: paid out (a leaver), rolled into a wealth product, or kept
        matured = lv.td_closed if lv is not None else quirks.td_rolled or quirks.td_kept
        if matured is not None:
            h = _Holding(self.uid(r), r.choice(("TD-3M", "TD-6M", "TD-12M")), "time_deposit", "CNY", 0, "closed")
            h.closed = today - timedelta(days=matured)
            h.maturity = h.closed
            h.opened = _add_months(h.closed, -(_PRODUCT[h.code].term_months or 12))
            h.past_cents = max(5_000_00, int(wealth * 100 * (0.6 + r.random() * 0.6)))
            out.append(h)
            current = out[0]  # the current account always comes first
            if quirks.td_rolled is not None:
                code = ("WM-R2-90D", "WM-R3-180D")[r.random() < 0.4 and matured < 60]
                placed = max(int(h.past_cents * r.uniform(1.0, 1.05)), int((_PRODUCT[code].minimum_amount or 0) * 100))
                wm = _Holding(self.uid(r), code, "wealth_product", "CNY", placed)
                wm.opened = h.closed + timedelta(days=_randint(r, 0, 3))
                wm.maturity = _add_months(wm.opened, _PRODUCT[code].term_months or 3)
                out.append(wm)
            elif quirks.td_kept is not None:
                current.cents += h.past_cents
                current.steps.append((matured, -h.past_cents))
        # a home bought lately: the down payment left the current account, a mortgage paid the rest
        if quirks.home is not None and not any(h.category == "mortgage" for h in out):
            liquid = sum(h.cents for h in out if h.category in ("current", "savings") and h.currency == "CNY")
            down = int(liquid * r.uniform(1.0, 4.0)) + _randint(r, 100_000, 600_000) * 100
            out[0].steps.append((quirks.home, down))
            h = _Holding(self.uid(r), "MTG-30Y", "mortgage", "CNY", 0)
            h.opened = today - timedelta(days=int(quirks.home))
            h.maturity = _add_months(h.opened, 360)
            h.limit_cents = int(down * r.uniform(1.5, 2.5)) // 100_000 * 100_000
            h.cents = -int(h.limit_cents * r.uniform(0.985, 1.0))
            h.history = "loan"
            out.append(h)
        # a rising stock market: savings moved to the customer's securities account (they stay with the bank)
        if quirks.brokerage is not None:
            liquid = sum(h.cents for h in out if h.category in ("current", "savings") and h.currency == "CNY")
            out[0].steps.append((quirks.brokerage, int(liquid * r.uniform(0.3, 1.5)) + 2_000_000))
        return out

    def write_holding(self, r: random.Random, h: _Holding, lv: _Leaving | None, cid: uuid.UUID, account: str) -> int:
        """Write the holding and its monthly balance points; return the CNY cents a leaver moved out of it."""
        p = _PRODUCT[h.code]
        base = h.cents
        drains = lv is not None and h.status == "active" and base > 0 and h.category in _DRAINED
        if drains:
            assert lv is not None
            h.cents = int(base * lv.remaining(0))
        as_of = self.plan.anchor - timedelta(seconds=r.randrange(1, DAY))
        self.holdings.append(
            (
                h.id, cid, account, h.code, h.category, h.status, h.opened, h.closed, _money(h.cents),
                h.currency, _money(h.limit_cents) if h.limit_cents is not None else None, p.rate, h.maturity,
                as_of,
            )
        )  # fmt: skip
        # monthly points, consistent with today's balance
        hist = self.history
        cents = h.cents
        drift = r.uniform(-0.012, 0.018)
        # a current account swings with pay and spending, a fund with the market; deposits barely move
        noise = 0.12 if h.category == "current" else 0.06 if h.category == "fund" else 0.03
        steps = h.steps
        for k, day in enumerate(self.points):
            if h.opened and day < h.opened:
                break
            if h.status == "closed":
                value = 0 if h.closed and day >= h.closed else h.past_cents
            elif k == 0 or h.history == "flat":
                value = cents
            elif h.history == "wake":
                value = h.past_cents
            elif h.history == "card":
                value = -int((h.limit_cents or 0) * r.random() * 0.5)
            elif h.history == "loan":
                value = max(-(h.limit_cents or 0), int(cents * (1 + 0.006 * k)))
            else:
                factor = 1 + drift * k + r.uniform(-noise, noise)
                value = int((base if drains else cents) * factor) + h.extra_past
                if drains:
                    assert lv is not None
                    value = int(value * lv.remaining(30 * k))
                for since, amount in steps:
                    if 30 * k > since:
                        value += amount
                value = max(0, value)
            hist.append((h.id, day, _money(value)))
        return base - h.cents if drains and h.currency == "CNY" else 0

    # -- events
    def events(
        self,
        r: random.Random,
        cid: uuid.UUID,
        number: str,
        holdings: list[_Holding],
        employed: bool,
        income: str,
        age: int,
        rm: DemoUser | None,
        card_token: str | None,
        online_id: str | None,
        has_email: bool,
        lv: _Leaving | None,
        quirks: _Quirks,
        drained: int,
        outflow_cents: int,
        woken: _Holding | None,
        branch: str,
        first: date,
    ) -> None:
        out = self.interactions
        span = min(self.span_days, max(1, (self.today - first).days))
        activity = math.exp(r.gauss(0, 0.7)) / 1.28  # mean about 1, skewed: a few very active customers
        years = span / 365
        current = next((h for h in holdings if h.code == "CUR-CNY"), None)
        card = next((h for h in holdings if h.category == "credit_card"), None)
        cur_id = current.id if current else None
        seq = 0

        quiet = quirks.quiet

        def keep(days_ago: float) -> bool:
            """Whether the customer still does something they would have done `days_ago` days back."""
            # leaving customers come less and less as they move away (some keep using the card as usual)
            if lv is not None and lv.fade and days_ago < lv.start and r.random() < lv.fade * lv.progress(days_ago):
                return False
            # a quiet season (a long stay at the family's home town, a winter abroad)
            return quiet is None or not quiet[1] <= days_ago <= quiet[0] or r.random() < 0.25

        def add(
            channel: str,
            kind: str,
            direction: str,
            days_ago: float,
            actor: str | None,
            summary: str | None,
            outcome: str | None,
            cents: int | None,
            holding: uuid.UUID | None,
            payload: dict[str, Any] | str,
            currency: str = "CNY",
        ) -> None:
            nonlocal seq
            if days_ago >= span:
                return  # before the months asked for (or before the customer's first day)
            seq += 1
            out.append(
                (
                    self.uid(r), cid, channel, kind, direction, self.at(r, days_ago), actor, summary, outcome,
                    _money(cents) if cents is not None else None, currency if cents is not None else None,
                    holding, f"DEMO-{number}-{seq}", payload if type(payload) is str else _json(payload),
                )
            )  # fmt: skip

        def count(per_year: float) -> int:
            x = per_year * years * activity
            return int(x) + (r.random() < x - int(x))

        # salary on a fixed payday; a leaver's may stop arriving (paid into the other bank now); a customer
        # changing jobs goes without for a month or three, then a new employer pays on another day
        if employed and current:
            low, high = N.SALARY_BY_INCOME.get(income, (5000, 12000))
            pay = _randint(r, low, high) * 100
            payday = _randint(r, 1, 28)
            by_teller = r.random() < 0.15
            gap = quirks.job_gap
            new_pay, new_payday = int(pay * r.uniform(0.9, 1.3)), _randint(r, 1, 28)
            stop = lv.salary_stop if lv is not None else None
            for m in range(self.plan.months + 1):  # this month's payday too, once it has passed
                paid_on = _add_months(self.today, -m).replace(day=payday)
                days_ago = (self.today - paid_on).days
                monthly, employer = pay, f"EMP-{number}"
                if gap is not None and days_ago < gap[0]:
                    if days_ago >= gap[1]:
                        continue
                    paid_on = _add_months(self.today, -m).replace(day=new_payday)
                    days_ago, monthly, employer = (self.today - paid_on).days, new_pay, f"EMP-{number}-2"
                if days_ago >= span or days_ago < 1 or (stop is not None and days_ago < stop):
                    continue
                amount = monthly + r.randrange(-monthly // 20, monthly // 20 + 1)
                if by_teller:
                    add("teller", "salary", "inbound", days_ago, "payroll", "Salary credit", "posted", amount,
                        cur_id, f'{{"branch_code":"{branch}","employer_ref":"{employer}"}}')  # fmt: skip
                else:
                    add("online_banking", "salary", "inbound", days_ago, "payroll", "Salary credit", "posted",
                        amount, cur_id, '{"channel_ref":"payroll-transfer"}')  # fmt: skip
        # card purchases and POS
        if card_token:
            last4 = f"{int(r.random() * 10_000):04d}"
            card_json = f'"card_token":"{card_token}"'
            card_holding = card.id if card else cur_id
            for _ in range(count(16)):
                d = r.random() * span
                if not keep(d):
                    continue
                m_name, mcc, typical = r.choice(N.MERCHANTS)
                cents = max(100, int(typical * 100 * math.exp(r.gauss(0, 0.6))))
                add("card", "purchase", "outbound", d, None, m_name, "approved", cents, card_holding,
                    f'{{{card_json},"pan_last4":"{last4}","merchant_name":"{m_name}","mcc":"{mcc}"}}')  # fmt: skip
            for _ in range(count(5)):
                d = r.random() * span
                if not keep(d):
                    continue
                m_name, mcc, typical = r.choice(N.MERCHANTS)
                cents = max(100, int(typical * 100 * math.exp(r.gauss(0, 0.5))))
                add("pos", "pos_purchase", "outbound", d, None, m_name, "approved", cents, cur_id,
                    f'{{"terminal_id":"POS{int(r.random() * 100_000):05d}","merchant_name":"{m_name}","mcc":"{mcc}",'
                    f"{card_json}}}")  # fmt: skip
            for _ in range(count(6 if age > 45 else 3)):
                d = r.random() * span
                if not keep(d):
                    continue
                add("atm", "atm_withdrawal", "outbound", d, None, "Cash withdrawal", "dispensed",
                    r.choice((200, 300, 500, 1000, 2000)) * 100, cur_id,
                    f'{{"terminal_id":"ATM-{branch}-{_randint(r, 1, 12):02d}",'
                    f'"location":"{branch}",{card_json}}}')  # fmt: skip
        # online banking
        if online_id:
            device = r.choice(N.DEVICES)
            online_json = f'"online_user_id":"{online_id}"'

            for _ in range(count(10)):
                d = r.random() * span
                if not keep(d):
                    continue
                ok = r.random() > 0.03
                add("online_banking", "login" if ok else "login_failed", "inbound", d, None, None,
                    "success" if ok else "wrong_password", None, None,
                    f'{{{online_json},"device":"{device}",'
                    f'"ip":"10.{int(r.random() * 256)}.{int(r.random() * 256)}.{r.randrange(1, 255)}"}}')  # fmt: skip
            for _ in range(count(3)):
                d = r.random() * span
                if not keep(d):
                    continue
                add("online_banking", "transfer", "outbound", d, None, "Transfer to own account at another bank"
                    if r.random() < 0.3 else "Transfer to a friend", "completed",
                    int(100 * 100 * math.exp(r.gauss(1.5, 1.0))), cur_id, f"{{{online_json}}}")  # fmt: skip
            for _ in range(count(2)):
                d = r.random() * span
                if keep(d):
                    add("online_banking", "bill_payment", "outbound", d, None, "Utility bill", "completed",
                        _randint(r, 50, 600) * 100, cur_id, f'{{{online_json},"biller":"国家电网"}}')  # fmt: skip
        # teller counter
        for _ in range(count(3 if age > 55 else 1.2)):
            d = r.random() * span
            if not keep(d):
                continue
            deposit = r.random() < 0.5
            add("teller", "deposit" if deposit else "withdrawal", "inbound" if deposit else "outbound", d,
                f"T{branch}{_randint(r, 1, 9):02d}", "Cash at the counter", "posted", _randint(r, 5, 200) * 10_000,
                cur_id, f'{{"branch_code":"{branch}"}}')  # fmt: skip
        # call center
        for _ in range(count(0.9)):
            d = r.random() * span
            if not keep(d):
                continue
            queue, topic = r.choice(N.CALL_TOPICS)
            add("call_center", "call_ended", "inbound", d, f"agent{_randint(r, 1, 40):03d}", topic,
                r.choice(("resolved", "resolved", "resolved", "transferred", "callback_requested")), None, None,
                f'{{"queue":"{queue}","duration_s":{_randint(r, 40, 900)},'
                f'"satisfaction":{r.choices((1, 2, 3, 4, 5), (3, 5, 15, 40, 37))[0]}}}')  # fmt: skip
        # complaints: a leaver's goes unresolved; a staying customer's was resolved (a follow-up call says so)
        complained = lv.complaint if lv is not None else quirks.complaint
        if complained is not None and complained < span:
            add("call_center", "complaint", "inbound", complained, f"agent{_randint(r, 1, 40):03d}",
                r.choice(N.COMPLAINTS), "complaint_logged", None, None,
                {"queue": "complaints", "duration_s": _randint(r, 300, 1500),
                 "satisfaction": r.choice((1, 2))})  # fmt: skip
            follow_up = complained - r.uniform(1, 10)
            if lv is None and follow_up > 0:
                add("call_center", "call_ended", "outbound", follow_up, f"agent{_randint(r, 1, 40):03d}",
                    "Complaint follow-up", "resolved", None, None,
                    {"queue": "complaints", "duration_s": _randint(r, 120, 600),
                     "satisfaction": r.choice((4, 5))})  # fmt: skip
        # the bank reaching out
        for _ in range(count(2)):
            d = r.random() * span
            add(
                "sms", "notification", "outbound", d, "system", "Account activity notice", "delivered", None, None, "{}"
            )
        if has_email:
            for _ in range(count(1)):
                d = r.random() * span
                add("email", "statement", "outbound", d, "system", "Monthly e-statement", "sent", None, None, "{}")
        if rm:
            for _ in range(count(2)):
                d = r.random() * span
                if keep(d):
                    add(
                        "rm_visit",
                        "visit",
                        "outbound",
                        d,
                        rm.username,
                        r.choice(N.RM_VISIT_TOPICS),
                        "completed",
                        None,
                        None,
                        "{}",
                    )
            for _ in range(count(1.5)):
                d = r.random() * span
                if keep(d):
                    add(
                        "phone",
                        "call",
                        "outbound",
                        d,
                        rm.username,
                        "Relationship check-in call",
                        r.choice(("answered", "answered", "no_answer")),
                        None,
                        None,
                        "{}",
                    )
        # product purchases for holdings opened in the window
        for h in holdings:
            if h.opened is None or h.category in ("current",):
                continue
            d = (self.today - h.opened).days
            if not 0 < d < span:
                continue
            amount = h.past_cents if h.status == "closed" else abs(h.cents)
            if h.category in ("loan", "mortgage", "credit_card"):
                amount = h.limit_cents or amount
            if online_id and r.random() < 0.5:
                add("online_banking", "product_application", "inbound", d, None, _PRODUCT[h.code].name, "approved",
                    amount, h.id, {"online_user_id": online_id, "product_code": h.code}, h.currency)  # fmt: skip
            else:
                add("teller", "product_purchase", "inbound", d, f"T{branch}01", _PRODUCT[h.code].name, "completed",
                    amount, h.id, {"branch_code": branch, "product_code": h.code}, h.currency)  # fmt: skip
        # leaving: the money walks out in a few transfers while the customer moves away
        if lv is not None and drained > 0:
            parts = _randint(r, 1, 5)
            for _ in range(parts):
                d = r.uniform(max(0.5, lv.end), lv.start)
                add("online_banking" if online_id else "teller", "transfer", "outbound", d, None,
                    "Transfer to an account at another bank", "completed", drained // parts, cur_id,
                    {"online_user_id": online_id} if online_id else {"branch_code": branch})  # fmt: skip
        # time deposits that matured lately: paid out to another bank, rolled over, or kept in the current account
        for h in holdings:
            if h.status != "closed" or h.category != "time_deposit" or h.closed is None:
                continue
            d = (self.today - h.closed).days
            if lv is not None and d == lv.td_closed:
                add("teller", "account_close", "outbound", d, f"T{branch}02",
                    "Time deposit matured; proceeds paid out, not renewed", "completed", h.past_cents, h.id,
                    {"branch_code": branch, "product_code": h.code})  # fmt: skip
            elif d == quirks.td_rolled:
                add("teller", "maturity_rollover", "inbound", d, f"T{branch}02",
                    "Time deposit matured; proceeds placed in a wealth product", "completed", h.past_cents, h.id,
                    {"branch_code": branch, "product_code": h.code})  # fmt: skip
            elif d == quirks.td_kept:
                add("online_banking" if online_id else "teller", "maturity_payout", "inbound", d, None,
                    "Time deposit matured; proceeds paid into the current account", "completed", h.past_cents,
                    cur_id, {"online_user_id": online_id} if online_id else {"branch_code": branch})  # fmt: skip
        # a home purchase (the down payment, the day the mortgage starts) or a move to the stock market
        for since, moved in current.steps if current else ():
            why = {quirks.home: "Down payment for a home purchase", quirks.brokerage: "Transfer to securities account"}
            if moved > 0 and since in why:
                add("online_banking" if online_id else "teller", "transfer", "outbound", since, None, why[since],
                    "completed", moved, cur_id,
                    {"online_user_id": online_id} if online_id else {"branch_code": branch})  # fmt: skip
        # abnormal movements for the detectors
        if outflow_cents:
            add("online_banking", "transfer", "outbound", r.uniform(0.5, 6), None, "Large transfer to another bank",
                "completed", outflow_cents, cur_id, {"online_user_id": online_id} if online_id else {})  # fmt: skip
        if woken is not None:
            add("teller", "deposit", "inbound", r.uniform(0.5, 6), f"T{branch}03",
                "Large cash deposit into a long-dormant account", "posted", woken.cents - woken.past_cents,
                woken.id, {"branch_code": branch})  # fmt: skip

    def chunk(self) -> Chunk:
        return Chunk(
            {
                "customers": self.customers,
                "customer_identities": self.identities,
                "customer_relations": self.relations,
                "holdings": self.holdings,
                "balance_history": self.history,
                "interactions": self.interactions,
            }
        )


def generate_chunk(plan: BankPlan, start: int, stop: int) -> Chunk:
    """Rows of customers [start, stop). `start` must be a multiple of 4 (households are groups of four)."""
    if start % 4:
        raise ValueError("chunks start on a household boundary (a multiple of 4)")
    b = _Builder(plan)
    for g in range(start, stop, 4):
        b.group(g)
    return b.chunk()
