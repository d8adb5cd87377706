import uuid
from datetime import date

import pytest

from domain.customers import (
    Customer,
    CustomerKind,
    Gender,
    IdDocument,
    IdDocumentType,
    IdentitySource,
    RelationType,
    relation_pair,
)
from domain.errors import InvalidValue, StaleVersion


def make(**kw: object) -> Customer:
    base: dict[str, object] = {"id": uuid.uuid4(), "customer_number": "C0000000001", "name_latin": "Li Lei"}
    base.update(kw)
    return Customer(**base)  # type: ignore[arg-type]


def test_a_customer_needs_a_name_and_a_well_formed_number() -> None:
    with pytest.raises(InvalidValue) as e:
        make(name_latin=None)
    assert e.value.field == "name_latin"
    with pytest.raises(InvalidValue) as e:
        make(customer_number="c 1")
    assert e.value.field == "customer_number"


def test_phones_must_be_e164_and_the_field_is_named() -> None:
    with pytest.raises(InvalidValue) as e:
        make(phones=["+8613812345678", "13812345678"])
    assert e.value.field == "phones[1]"


def test_resident_id_numbers_have_eighteen_characters() -> None:
    with pytest.raises(InvalidValue):
        IdDocument(IdDocumentType.RESIDENT_ID, "12345")
    assert IdDocument(IdDocumentType.RESIDENT_ID, "11010119900307123X").number.endswith("X")


def test_a_business_has_no_gender() -> None:
    with pytest.raises(InvalidValue):
        make(kind=CustomerKind.BUSINESS, gender=Gender.MALE)


def test_changes_on_a_stale_version_are_refused_and_fresh_ones_bump_it() -> None:
    c = make(version=3)
    with pytest.raises(StaleVersion) as e:
        c.apply_changes({"occupation": "teacher"}, expected_version=2)
    assert e.value.actual == 3
    changed = c.apply_changes({"occupation": "teacher"}, expected_version=3)
    assert changed.version == 4 and changed.occupation == "teacher"
    assert c.occupation is None  # the original is untouched


def test_changes_are_validated_like_a_new_customer() -> None:
    with pytest.raises(InvalidValue):
        make().apply_changes({"phones": ["not-a-phone"]}, expected_version=1)


def test_identities_cover_number_document_and_phones() -> None:
    c = make(phones=["+8613800000001"], id_document=IdDocument(IdDocumentType.PASSPORT, "E1234567"))
    sources = {(i.source, i.key) for i in c.identities()}
    assert (IdentitySource.CUSTOMER_NUMBER, "C0000000001") in sources
    assert (IdentitySource.ID_DOCUMENT, "passport:E1234567") in sources
    assert (IdentitySource.PHONE, "+8613800000001") in sources


def test_relations_are_recorded_from_both_sides() -> None:
    a, b = uuid.uuid4(), uuid.uuid4()
    (owner1, r1), (owner2, r2) = relation_pair(a, b, RelationType.PARENT)
    assert (owner1, r1.related_customer_id, r1.type) == (a, b, RelationType.PARENT)
    assert (owner2, r2.related_customer_id, r2.type) == (b, a, RelationType.CHILD)
    with pytest.raises(InvalidValue):
        relation_pair(a, a, RelationType.SPOUSE)


def test_age_counts_birthdays() -> None:
    c = make(birth_date=date(1990, 6, 15))
    assert c.age_on(date(2026, 6, 14)) == 35
    assert c.age_on(date(2026, 6, 15)) == 36
