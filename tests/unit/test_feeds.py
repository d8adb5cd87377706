"""Feed rules without a database: identity resolution, balances in and out of order, repeats, card numbers."""

from __future__ import annotations

import itertools
import uuid
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from adapters.channels import SPECS
from adapters.channels.common import card_token, is_card_number, read_event, scrub
from domain.customers import IdDocument, IdDocumentType, Identity, IdentitySource
from domain.errors import Conflict, IdentityConflict
from domain.feeds import (
    CustomerRef,
    EventResult,
    FeedChannel,
    FeedCommand,
    FieldError,
    HoldingAction,
    IdentityIndex,
    Outcome,
    apply_to_holding,
    first_seen,
    judge_repeat,
    provisional_customer,
    resolve_customer,
)
from domain.holdings import ProductHolding
from domain.interactions import Channel
from domain.money import Money
from domain.products import ProductCategory

A, B = uuid.uuid4(), uuid.uuid4()
KEY = "unit-test-card-key"


def at(hour: int) -> datetime:
    return datetime(2026, 11, 23, hour, tzinfo=UTC)


def index(**owners: uuid.UUID) -> IdentityIndex:
    idx = IdentityIndex()
    for name, owner in owners.items():
        source, _, key = name.partition("__")
        idx.add(Identity(IdentitySource(source), key), owner)
    return idx


def test_strong_identities_decide_and_a_phone_only_when_it_names_one_customer() -> None:
    idx = index(customer_number__C0042=A, phone__P=A)
    idx.add(Identity(IdentitySource.PHONE, "+8613800000001"), A)
    idx.add(Identity(IdentitySource.PHONE, "+8613800000001"), B)
    assert resolve_customer(CustomerRef(customer_number="C0042"), idx).customer_id == A
    with pytest.raises(Conflict):
        resolve_customer(CustomerRef(phone="+8613800000001"), idx)
    # the shared phone does not matter when a strong identity decides
    assert resolve_customer(CustomerRef(customer_number="C0042", phone="+8613800000001"), idx).customer_id == A


def test_two_strong_identities_of_different_customers_conflict() -> None:
    idx = index(customer_number__C0042=A, card_token__tok_b=B)
    with pytest.raises(IdentityConflict):
        resolve_customer(CustomerRef(customer_number="C0042", card_token="tok_b"), idx)


def test_unknown_tokens_are_learned_by_the_matched_customer_and_nobody_means_provisional() -> None:
    idx = index(customer_number__C0042=A)
    found = resolve_customer(CustomerRef(customer_number="C0042", card_token="tok_new"), idx)
    assert found.customer_id == A
    assert found.learned == (Identity(IdentitySource.CARD_TOKEN, "tok_new"),)
    assert resolve_customer(CustomerRef(phone="+8613900000000"), idx).customer_id is None
    assert resolve_customer(CustomerRef(phone="+8613900000000"), idx, account_owner=B).customer_id == B


def test_a_provisional_customer_carries_the_identities_given() -> None:
    ref = CustomerRef(
        phone="+8613812345678", card_token="tok_1", id_document=IdDocument(IdDocumentType.PASSPORT, "E1234567")
    )
    c = provisional_customer(ref, A, "P000000000001", at(9))
    assert c.provisional and c.customer_number == "P000000000001"
    assert c.display_name == "Provisional +86138****5678"
    assert {i.source for i in c.identities()} == {
        IdentitySource.CUSTOMER_NUMBER,
        IdentitySource.PHONE,
        IdentitySource.CARD_TOKEN,
        IdentitySource.ID_DOCUMENT,
    }


def cmd(ref: str, hour: int, amount: str | None = None, sign: int = 1, after: str | None = None) -> FeedCommand:
    return FeedCommand(
        channel=FeedChannel.TELLER,
        source_ref=ref,
        type="deposit",
        occurred_at=at(hour),
        customer=CustomerRef(customer_number="C0042"),
        interaction_channel=Channel.TELLER,
        content_hash=ref,
        holding_action=HoldingAction.MOVE,
        amount=Money(Decimal(amount), "CNY") if amount else None,
        sign=sign,
        balance_after=Decimal(after) if after else None,
        account_number="ACC-1",
    )


def holding() -> ProductHolding:
    return ProductHolding(
        id=A, customer_id=B, account_number="ACC-1", product_code="SAV", category=ProductCategory.SAVINGS,
        currency="CNY", balance=Decimal(100), opened_on=date(2025, 1, 1),
    )  # fmt: skip


def test_amounts_are_never_counted_twice_nor_a_balance_taken_back_in_time() -> None:
    # 100 at the start; +10 at 8h; the source reports 150 at 10h (so +40 happened unseen); +5 at 11h
    events = [cmd("a", 8, "10"), cmd("b", 10, "40", after="150"), cmd("c", 11, "5")]
    finals = {}
    for order in itertools.permutations(events):
        h, mark = holding(), None
        for e in order:
            mark = apply_to_holding(h, e, mark)
        finals["".join(e.source_ref for e in order)] = h.balance
        assert h.balance_as_of == at(11)
    # whenever the 10h balance arrives before the 11h amount it is taken, and the 8h amount is not re-added
    assert {k: v for k, v in finals.items() if k.index("b") < k.index("c")} == {"abc": 155, "bac": 155, "bca": 155}
    # a reported balance older than an amount already applied is not taken (known limit: the unseen +40 is
    # then missing until the next reported balance, see bench/ingest/README.md)
    assert finals["cba"] == finals["cab"] == 115


def test_an_older_reported_balance_never_overwrites_a_newer_one() -> None:
    h = holding()
    mark = apply_to_holding(h, cmd("new", 10, after="300"), None)
    mark = apply_to_holding(h, cmd("old", 9, after="200"), mark)
    assert h.balance == Decimal(300) and mark == at(10)


def test_repeats_are_judged_against_the_content_applied_under_the_ref() -> None:
    first, same = cmd("r", 9, "1"), cmd("r", 9, "1")
    firsts, repeats = first_seen([(0, first), (1, same), (2, cmd("other", 9, "1"))])
    assert [i for i, _ in firsts] == [0, 2] and [i for i, _ in repeats] == [1]
    accepted = EventResult(0, "r", Outcome.ACCEPTED)
    assert judge_repeat(1, same, "r", accepted).outcome is Outcome.DUPLICATE
    taken = judge_repeat(1, same, "another content", accepted)
    assert taken.outcome is Outcome.REJECTED and "already used" in taken.errors[0].message
    refused = EventResult(0, "r", Outcome.REJECTED, [FieldError("amount", "too big")])
    assert judge_repeat(1, same, None, refused).errors == refused.errors


def test_a_pan_becomes_a_stable_keyed_token_and_never_reaches_the_document() -> None:
    raw = {
        "source_ref": "K-1", "type": "purchase", "occurred_at": "2026-11-23T10:00:00+08:00",
        "customer": {"phone": "+8613812345678"}, "pan": "4111 1111 1111 1111", "amount": "1.00", "currency": "CNY",
        "merchant_name": "note 5500000000000004",
    }  # fmt: skip
    s = read_event(SPECS[FeedChannel.CARD], raw, 0, KEY)
    assert s.command is not None, s.errors
    assert s.command.customer.card_token == card_token("4111111111111111", KEY)
    assert "pan" not in s.document and s.document["card_last4"] == "1111"
    assert "5500000000000004" not in str(s.document) and "[card ****0004]" in s.document["merchant_name"]
    assert card_token("4111111111111111", "other key") != s.command.customer.card_token


def test_a_bad_pan_is_refused_without_repeating_it() -> None:
    raw = {
        "source_ref": "K-2", "type": "purchase", "occurred_at": "2026-11-23T10:00:00+08:00",
        "customer": {"phone": "+8613812345678"}, "pan": "4111111111111112", "amount": "1.00", "currency": "CNY",
    }  # fmt: skip
    s = read_event(SPECS[FeedChannel.CARD], raw, 0, KEY)
    assert s.command is None
    assert [e.field for e in s.errors] == ["pan"]
    assert "4111111111111112" not in repr(s.errors) + repr(s.document)


def test_scrub_leaves_phones_and_account_numbers_alone() -> None:
    assert is_card_number("4111111111111111") and not is_card_number("4111111111111112")
    doc = {"ani": "+8613812345678", "account_number": "4111111111111111", "notes": "card 4111-1111-1111-1111"}
    assert scrub(doc) == {"ani": "+8613812345678", "account_number": "4111111111111111",
                          "notes": "card [card ****1111]"}  # fmt: skip


def test_scrub_keeps_ids_quoted_in_notes_whole_and_still_masks_a_card_beside_them() -> None:
    case_id = "7ee5e857-3489-4498-9143-40ff813fb5cd"  # "857-3489-4498-9143-40": 16 digits that pass the Luhn check
    assert is_card_number("857-3489-4498-9143-40")
    note = f"re case {case_id}: customer read out 4111 1111 1111 1111, case {case_id.upper()} closed"
    assert scrub({"notes": note}) == {
        "notes": f"re case {case_id}: customer read out [card ****1111], case {case_id.upper()} closed"
    }
    for _ in range(5000):
        quoted = f"see {uuid.uuid4()} and {uuid.uuid4()}"
        assert scrub(quoted) == quoted


def test_timeline_payloads_are_written_exactly() -> None:
    """The payload goes to PostgreSQL as JSON text: big integers stay exact, text stays readable, and values
    JSON has no form for are written as their text."""
    import json
    from datetime import UTC, datetime
    from decimal import Decimal

    from adapters.db.feeds import _payload_json

    payload = {"ref": 2**70, "note": "王芳 called", "fee": Decimal("1.50"), "at": datetime(2026, 1, 1, tzinfo=UTC)}
    written = _payload_json(payload)
    expected = {"ref": 2**70, "note": "王芳 called", "fee": "1.50", "at": "2026-01-01 00:00:00+00:00"}
    assert json.loads(written) == expected
    assert "王芳" in written
    assert json.loads(_payload_json({"n": 7, "nested": {"list": [1, "a", None]}})) == {
        "n": 7,
        "nested": {"list": [1, "a", None]},
    }
