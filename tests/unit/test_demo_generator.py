"""The demo generator on its own (no database): identifiers, determinism, chunking, labels."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from adapters.demo.generator import (
    FIXED_USERS,
    INTERACTION_COLS,
    TABLE_COLUMNS,
    generate_chunk,
    leaving_customer_numbers,
    luhn_valid,
    plan_bank,
    resident_id_check,
)

DAY = date(2026, 11, 23)


def test_resident_id_check_digit_follows_iso_7064() -> None:
    # The published example of GB 11643-1999, and one whose check character is X.
    assert resident_id_check("11010519491231002") == "X"
    assert resident_id_check("44052418800101001") == "4"


def test_luhn_recognises_card_numbers() -> None:
    assert luhn_valid("4111111111111111")
    assert luhn_valid("79927398713")
    assert not luhn_valid("4111111111111112")


def test_rows_have_the_table_shapes_and_are_deterministic() -> None:
    first = generate_chunk(plan_bank(3, 80, 12, DAY), 0, 80)
    again = generate_chunk(plan_bank(3, 80, 12, DAY), 0, 80)
    assert first.rows == again.rows
    for table, columns in TABLE_COLUMNS.items():
        assert all(len(row) == len(columns) for row in first.rows[table]), table
    other_day = generate_chunk(plan_bank(3, 80, 12, date(2026, 11, 24)), 0, 80)
    assert [r[1] for r in other_day.rows["customers"]] == [r[1] for r in first.rows["customers"]]


def test_a_customer_is_the_same_whatever_the_chunks() -> None:
    whole = generate_chunk(plan_bank(5, 40, 6, DAY), 0, 40)
    plan = plan_bank(5, 40, 6, DAY)
    parts = [generate_chunk(plan, 0, 20), generate_chunk(plan, 20, 40)]
    for table in TABLE_COLUMNS:
        assert whole.rows[table] == parts[0].rows[table] + parts[1].rows[table], table
    with pytest.raises(ValueError):
        generate_chunk(plan, 2, 10)


def test_events_are_in_the_past_in_utc_within_the_months_asked() -> None:
    plan = plan_bank(9, 120, 3, DAY)
    chunk = generate_chunk(plan, 0, 120)
    at = INTERACTION_COLS.index("occurred_at")
    moments = [row[at] for row in chunk.rows["interactions"]]
    anchor = datetime(2026, 11, 23, tzinfo=UTC)
    assert all(m.tzinfo is UTC for m in moments)
    assert all(m < anchor for m in moments)
    assert min(moments).date() >= date(2026, 8, 1)
    # fewer months, fewer events: about 50 a year, so about 12 per customer in a quarter
    assert 6 <= len(moments) / 120 <= 25


def test_fixed_people_and_enough_rms_per_branch() -> None:
    plan = plan_bank(7, 2_000, 12, DAY)
    names = {u.username: u for u in plan.users}
    for username, role, branch, _ in FIXED_USERS:
        assert names[username].role == role and names[username].branch == branch
    assert all(len(rms) >= 2 for rms in plan.rms_by_branch.values())
    assert {"rm.li", "rm.wang"} <= {u.username for u in plan.rms_by_branch["BJ001"]}
    assert {u.username for u in plan.users if u.role == "branch_manager"} == {
        f"bm.{code.lower()}" for code in plan.rms_by_branch
    }


def test_leaving_labels_are_about_a_tenth_and_recomputable() -> None:
    labels = leaving_customer_numbers(7, 4_000)
    assert labels == leaving_customer_numbers(7, 4_000)
    assert 0.09 <= len(labels) / 4_000 <= 0.13
    assert leaving_customer_numbers(8, 4_000) != labels
    # rm.li's and rm.wang's first customers are among them, so both portfolios have one
    assert {"C100000001", "C100000007"} <= labels
