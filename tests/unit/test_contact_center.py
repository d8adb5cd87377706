"""Call-center rules without a database: caller lookup, next best actions, complaint cases."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from domain.contact_center import (
    AlertFact,
    CampaignFact,
    Case,
    CaseFact,
    ComplaintFact,
    CustomerFacts,
    HoldingFact,
    LookupKind,
    PeerRate,
    ProductFact,
    age_band,
    caller_lookup,
    next_best_actions,
)
from domain.customers import RiskPreference
from domain.errors import InvalidValue
from domain.interactions import Channel, Interaction
from domain.services.contact_center import open_cases_for_complaints, open_complaint_cases

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
TODAY = NOW.date()


def holding(category: str = "time_deposit", matures_in: int | None = None, status: str = "active") -> HoldingFact:
    return HoldingFact(
        id=uuid.uuid4(),
        masked_account="****3445",
        product_code="TD-12M",
        product_name="12-month time deposit",
        category=category,
        status=status,
        balance=Decimal("50000"),
        currency="CNY",
        maturity_date=None if matures_in is None else TODAY + timedelta(days=matures_in),
    )


def test_exactly_one_identifier_and_a_phone_in_e164() -> None:
    assert caller_lookup(phone="+8613812345678").kind is LookupKind.PHONE
    assert caller_lookup(customer_number="c0001").value == "C0001"
    with pytest.raises(InvalidValue) as e:
        caller_lookup()
    assert e.value.field == "phone"
    with pytest.raises(InvalidValue) as e:
        caller_lookup(phone="13812345678")
    assert e.value.field == "phone"
    with pytest.raises(InvalidValue) as e:
        caller_lookup(phone="+8613812345678", card_token="tok")
    assert e.value.field == "card_token"
    with pytest.raises(InvalidValue) as e:
        caller_lookup(id_number=" E1")
    assert e.value.field == "id_number"


def test_an_id_number_matches_any_document_type_unless_the_type_is_named() -> None:
    keys = caller_lookup(id_number="E12345678").identity_keys()
    assert "passport:E12345678" in keys and "resident_id:E12345678" in keys
    assert caller_lookup(id_number="passport:E12345678").identity_keys() == ["passport:E12345678"]
    # A colon that names no document type is part of the number.
    assert "passport:AB:1" in caller_lookup(id_number="AB:1").identity_keys()


def test_age_bands() -> None:
    assert age_band(None, TODAY) == "unknown"
    assert age_band(date(2002, 11, 24), TODAY) == "under_25"  # 23, birthday tomorrow
    assert age_band(date(2001, 11, 23), TODAY) == "25_34"  # 25 today
    assert age_band(date(1950, 1, 1), TODAY) == "65_plus"


def test_maturities_within_30_days_are_to_roll_over() -> None:
    facts = CustomerFacts(
        risk_preference=None,
        consents_to_phone_offers=False,
        holdings=(
            holding(matures_in=0),
            holding(matures_in=7),
            holding(matures_in=30),
            holding(matures_in=31),
            holding(matures_in=-1),
            holding(matures_in=5, status="closed"),
            holding(category="savings"),
        ),
    )
    actions = next_best_actions(facts, NOW)
    assert [a.kind.value for a in actions] == ["roll_over_maturity"] * 3
    assert [a.priority for a in actions] == ["high", "high", "medium"]
    assert "today" in actions[0].reason and "in 7 days" in actions[1].reason
    assert "CNY 50,000.00" in actions[0].reason and "2026-12-23" in actions[2].reason


def test_a_loan_falling_due_is_to_repay_or_renew_with_the_sum_owed() -> None:
    loan = replace(
        holding(category="loan", matures_in=12),
        product_name="Small Business Loan",
        masked_account="****7788",
        balance=Decimal("-1370281.54"),
    )
    facts = CustomerFacts(risk_preference=None, consents_to_phone_offers=False, holdings=(loan, holding(matures_in=20)))
    loan_action, deposit_action = next_best_actions(facts, NOW)
    assert loan_action.title == "Discuss repaying or renewing Small Business Loan ****7788"
    assert (
        loan_action.reason
        == "Small Business Loan ****7788 (CNY 1,370,281.54 outstanding) falls due on 2026-12-05, in 12 days"
    )
    assert deposit_action.title == "Offer to roll over 12-month time deposit ****3445"
    assert deposit_action.reason.endswith("(CNY 50,000.00) matures on 2026-12-13, in 20 days")


def test_open_alerts_and_recent_complaints_come_first_and_are_not_repeated() -> None:
    complaint = CaseFact(
        uuid.uuid4(), "complaint", "open", "Fee charged twice", NOW - timedelta(days=3), NOW - timedelta(days=1)
    )
    old_closed = CaseFact(uuid.uuid4(), "complaint", "closed", "Old", NOW - timedelta(days=90), None)
    recent_closed = CaseFact(uuid.uuid4(), "complaint", "closed", "Queue too long", NOW - timedelta(days=5), None)
    request = CaseFact(uuid.uuid4(), "service_request", "open", "New card", NOW - timedelta(days=1), None)
    facts = CustomerFacts(
        risk_preference=None,
        consents_to_phone_offers=False,
        holdings=(holding(matures_in=20),),
        open_alerts=(
            AlertFact(uuid.uuid4(), "large_outflow", "high", "Large outflow", NOW - timedelta(hours=2)),
            AlertFact(uuid.uuid4(), "maturity", "low", "Deposit matures", NOW - timedelta(hours=2)),
            AlertFact(uuid.uuid4(), "complaint", "medium", "Complaint to the call center", NOW),
        ),
        cases=(complaint, old_closed, recent_closed, request),
    )
    actions = next_best_actions(facts, NOW)
    assert [(a.kind.value, a.priority) for a in actions] == [
        ("acknowledge_complaint", "high"),
        ("address_alert", "high"),
        ("roll_over_maturity", "medium"),
        ("acknowledge_complaint", "medium"),
    ]
    assert "past its service-level due time" in actions[0].reason
    assert actions[0].refs == {"case_id": str(complaint.id)}
    assert actions[3].refs == {"case_id": str(recent_closed.id)}


def offer_facts(**overrides: object) -> CustomerFacts:
    base: dict[str, object] = {
        "risk_preference": RiskPreference.BALANCED,
        "consents_to_phone_offers": True,
        "holdings": (holding(category="savings"),),
        "peer_rates": (
            PeerRate("fund", 100, 60),
            PeerRate("savings", 100, 95),
            PeerRate("insurance", 100, 29),
            PeerRate("credit_card", 10, 9),
            PeerRate("wealth_product", 100, 40),
            PeerRate("loan", 100, 35),
            PeerRate("time_deposit", 100, 31),
        ),
        "catalogue": (
            ProductFact("FUND-EQ", "Equity fund", "fund", 5),
            ProductFact("FUND-BAL", "Balanced fund", "fund", 3),
            ProductFact("SAV", "Savings", "savings", 1),
            ProductFact("INS", "Life", "insurance", 2),
            ProductFact("CC", "Gold card", "credit_card", 1),
            ProductFact("WM", "Steady wealth", "wealth_product", 2),
            ProductFact("LOAN", "Personal loan", "loan", 1),
            ProductFact("TD", "Time deposit", "time_deposit", 1),
        ),
    }
    base.update(overrides)
    return CustomerFacts(**base)  # type: ignore[arg-type]


def test_offers_what_peers_hold_that_the_customer_lacks_suitably() -> None:
    offers = next_best_actions(offer_facts(), NOW)
    # Held (savings), rare (insurance 29%) and small-cohort (credit card, 10 peers) categories are not offered;
    # at most three, the most widely held first; the riskiest product that still suits the customer.
    assert [a.refs["product_code"] for a in offers] == ["FUND-BAL", "WM", "LOAN"]
    assert all(a.kind.value == "offer_product" and a.priority == "low" for a in offers)
    assert "60% of 100 similar customers" in offers[0].reason and "R3" in offers[0].reason

    conservative = next_best_actions(offer_facts(risk_preference=RiskPreference.CONSERVATIVE), NOW)
    assert [a.refs["product_code"] for a in conservative] == ["LOAN", "TD"]  # the fund and wealth plan are too risky
    unassessed = next_best_actions(offer_facts(risk_preference=None), NOW)
    assert "FUND-BAL" not in [a.refs["product_code"] for a in unassessed]


def test_no_offer_without_consent_to_phone_marketing() -> None:
    assert next_best_actions(offer_facts(consents_to_phone_offers=False), NOW) == []


def campaign(response: str | None = None, ends_in: int = 20, product: str = "WM") -> CampaignFact:
    return CampaignFact(
        uuid.uuid4(), "Spring wealth drive", product, "Steady wealth", "稳健理财", "wealth_product",
        NOW.date() + timedelta(days=ends_in), response,
    )  # fmt: skip


def test_a_running_campaigns_offer_comes_before_the_look_alike_ones_and_replaces_its_kind() -> None:
    drive = campaign(response="interested")
    actions = next_best_actions(offer_facts(campaigns=(drive,)), NOW)
    assert [(a.kind.value, a.refs["product_code"]) for a in actions] == [
        ("campaign_offer", "WM"),
        ("offer_product", "FUND-BAL"),
        ("offer_product", "LOAN"),
        ("offer_product", "TD"),
    ], "the wealth look-alike offer (WM, second without the campaign) is not repeated beside the campaign's"
    first = actions[0]
    assert first.priority == "medium" and "said they were interested" in first.reason
    assert first.refs["campaign_id"] == str(drive.campaign_id) and first.refs["response"] == "interested"
    assert first.refs["ends_on"] == (NOW.date() + timedelta(days=20)).isoformat()


def test_no_campaign_offer_once_declined_held_over_or_without_consent() -> None:
    def kinds(**overrides: object) -> list[str]:
        return [a.kind.value for a in next_best_actions(offer_facts(**overrides), NOW)]

    assert "campaign_offer" not in kinds(campaigns=(campaign(response="declined"),))
    assert "campaign_offer" not in kinds(campaigns=(campaign(ends_in=-1),))
    held = (replace(holding(category="wealth_product"), product_code="WM"),)
    assert "campaign_offer" not in kinds(campaigns=(campaign(product="WM"),), holdings=held)
    assert kinds(campaigns=(campaign(),), consents_to_phone_offers=False) == []
    assert kinds(campaigns=(campaign(response="unreachable"),))[0] == "campaign_offer"
    # Two running campaigns offering the same product: offered once, by the one ending first.
    soon, later = campaign(ends_in=5), campaign(ends_in=30)
    offers = [
        a for a in next_best_actions(offer_facts(campaigns=(soon, later)), NOW) if a.kind.value == "campaign_offer"
    ]
    assert [a.refs["campaign_id"] for a in offers] == [str(soon.campaign_id)]


class FakeCases:
    def __init__(self, complaints: list[ComplaintFact]) -> None:
        self.complaints = complaints
        self.cases: list[Case] = []

    async def complaints_without_case(self, customer_ids: frozenset[uuid.UUID]) -> list[ComplaintFact]:
        taken = {c.interaction_id for c in self.cases}
        return [c for c in self.complaints if c.customer_id in customer_ids and c.interaction_id not in taken]

    async def follow_merges(self, customer_ids: frozenset[uuid.UUID]) -> int:
        return 0

    async def add(self, case: Case) -> bool:
        if any(c.interaction_id == case.interaction_id for c in self.cases):
            return False
        self.cases.append(case)
        return True

    async def add_all(self, new_cases: list[Case]) -> int:
        return sum([await self.add(case) for case in new_cases])


async def test_a_complaint_opens_one_case_due_in_48_hours() -> None:
    cid, other = uuid.uuid4(), uuid.uuid4()
    complaint = ComplaintFact(uuid.uuid4(), cid, NOW, "call_center", "Charged twice", "CC-9")
    repo = FakeCases([complaint, ComplaintFact(uuid.uuid4(), other, NOW, "call_center", None, None)])
    assert await open_complaint_cases(repo, frozenset({cid})) == 1
    assert await open_complaint_cases(repo, frozenset({cid})) == 0
    [case] = repo.cases
    assert (case.kind, case.status, case.subject, case.source_ref) == ("complaint", "open", "Charged twice", "CC-9")
    assert case.sla_due_at == NOW + timedelta(hours=48)
    assert await open_complaint_cases(repo, frozenset({other})) == 1
    assert repo.cases[1].subject == "Complaint via call center"


async def test_a_feed_batch_opens_cases_for_its_own_complaints_without_reading_history() -> None:
    cid = uuid.uuid4()
    older = ComplaintFact(uuid.uuid4(), cid, NOW - timedelta(days=3), "call_center", "An old complaint", "CC-1")
    repo = FakeCases([older])  # a complaint of another time: not this batch's business
    added = [
        Interaction(uuid.uuid4(), cid, Channel.CALL_CENTER, "complaint", NOW, payload={"notes": "Fee charged twice"}),
        Interaction(uuid.uuid4(), cid, Channel.CALL_CENTER, "call_ended", NOW, summary="Balance inquiry"),
        Interaction(uuid.uuid4(), cid, Channel.CARD, "complaint", NOW, summary="not a call-center complaint"),
        Interaction(uuid.uuid4(), cid, Channel.CALL_CENTER, "complaint", NOW, summary="Card blocked", source_ref="C2"),
    ]
    assert await open_cases_for_complaints(repo, added) == 2
    assert await open_cases_for_complaints(repo, added) == 0  # told twice: still one case each
    assert [(c.subject, c.source_ref, c.interaction_id) for c in repo.cases] == [
        ("Fee charged twice", None, added[0].id),
        ("Card blocked", "C2", added[3].id),
    ]
    assert all(c.sla_due_at == NOW + timedelta(hours=48) for c in repo.cases)
