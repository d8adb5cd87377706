"""Customer repository: rows of customers, customer_identities and customer_relations <-> Customer."""

from __future__ import annotations

import uuid
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.db.tables import customer_identities, customer_relations, customers
from domain.customers import (
    Address,
    ConsentChannel,
    Customer,
    CustomerKind,
    Education,
    Gender,
    IdDocument,
    IdDocumentType,
    Identity,
    IdentitySource,
    IncomeBand,
    LifecycleStage,
    Relation,
    RelationType,
    RiskPreference,
    Tier,
)
from domain.errors import Conflict, IdentityConflict, StaleVersion

# Identities derived from the profile itself; the others (card tokens, online ids) come from channels.
DERIVED_SOURCES = (IdentitySource.CUSTOMER_NUMBER, IdentitySource.ID_DOCUMENT, IdentitySource.PHONE)


def customer_to_row(c: Customer) -> dict[str, Any]:
    return {
        "id": c.id,
        "customer_number": c.customer_number,
        "kind": c.kind.value,
        "name_zh": c.name_zh,
        "name_latin": c.name_latin,
        "birth_date": c.birth_date,
        "gender": c.gender.value if c.gender else None,
        "id_type": c.id_document.type.value if c.id_document else None,
        "id_number": c.id_document.number if c.id_document else None,
        "phones": list(c.phones),
        "emails": list(c.emails),
        "address": None
        if c.address is None
        else {
            "line": c.address.line,
            "city": c.address.city,
            "province": c.address.province,
            "postal_code": c.address.postal_code,
            "country": c.address.country,
        },
        "occupation": c.occupation,
        "education": c.education.value if c.education else None,
        "income_band": c.income_band.value if c.income_band else None,
        "risk_preference": c.risk_preference.value if c.risk_preference else None,
        "preferred_language": c.preferred_language,
        "marketing_consent": {k.value: v for k, v in c.marketing_consent.items()},
        "home_branch": c.home_branch,
        "relationship_manager_id": c.relationship_manager_id,
        "lifecycle_stage": c.lifecycle_stage.value,
        "tier": c.tier.value,
        "provisional": c.provisional,
        "merged_into": c.merged_into,
        "version": c.version,
        "created_at": c.created_at,
        "updated_at": c.updated_at,
    }


def row_to_customer(row: Any, relations: list[Relation] | None = None, extra: list[Identity] | None = None) -> Customer:
    m = row._mapping
    address = m["address"]
    return Customer(
        id=m["id"],
        customer_number=m["customer_number"],
        kind=CustomerKind(m["kind"]),
        name_zh=m["name_zh"],
        name_latin=m["name_latin"],
        birth_date=m["birth_date"],
        gender=Gender(m["gender"]) if m["gender"] else None,
        id_document=IdDocument(IdDocumentType(m["id_type"]), m["id_number"]) if m["id_type"] else None,
        phones=list(m["phones"] or []),
        emails=list(m["emails"] or []),
        address=Address(**address) if address else None,
        occupation=m["occupation"],
        education=Education(m["education"]) if m["education"] else None,
        income_band=IncomeBand(m["income_band"]) if m["income_band"] else None,
        risk_preference=RiskPreference(m["risk_preference"]) if m["risk_preference"] else None,
        preferred_language=m["preferred_language"],
        marketing_consent={ConsentChannel(k): bool(v) for k, v in (m["marketing_consent"] or {}).items()},
        home_branch=m["home_branch"],
        relationship_manager_id=m["relationship_manager_id"],
        lifecycle_stage=LifecycleStage(m["lifecycle_stage"]),
        tier=Tier(m["tier"]),
        provisional=m["provisional"],
        merged_into=m["merged_into"],
        relations=relations or [],
        extra_identities=extra or [],
        version=m["version"],
        created_at=m["created_at"],
        updated_at=m["updated_at"],
    )


def identity_rows(c: Customer) -> list[dict[str, Any]]:
    return [{"customer_id": c.id, "source": i.source.value, "key": i.key} for i in c.identities()]


class SqlCustomerRepository:
    def __init__(self, conn: AsyncConnection) -> None:
        self._conn = conn

    async def _load(self, where: sa.ColumnElement[bool]) -> Customer | None:
        row = (await self._conn.execute(sa.select(customers).where(where))).first()
        if row is None:
            return None
        cid = row.id
        rel_rows = await self._conn.execute(
            sa.select(customer_relations).where(customer_relations.c.customer_id == cid)
        )
        relations = [Relation(r.related_customer_id, RelationType(r.type), r.since) for r in rel_rows]
        id_rows = await self._conn.execute(
            sa.select(customer_identities.c.source, customer_identities.c.key).where(
                customer_identities.c.customer_id == cid,
                customer_identities.c.source.not_in([s.value for s in DERIVED_SOURCES]),
            )
        )
        extra = [Identity(IdentitySource(r.source), r.key) for r in id_rows]
        return row_to_customer(row, relations, extra)

    async def get(self, customer_id: uuid.UUID) -> Customer | None:
        return await self._load(customers.c.id == customer_id)

    async def get_by_number(self, customer_number: str) -> Customer | None:
        return await self._load(customers.c.customer_number == customer_number)

    async def add(self, customer: Customer) -> None:
        try:
            await self._conn.execute(sa.insert(customers).values(customer_to_row(customer)))
        except IntegrityError as e:
            raise Conflict(f"customer number {customer.customer_number} is taken", field="customer_number") from e
        await self._conn.execute(sa.insert(customer_identities), identity_rows(customer))

    async def update(self, customer: Customer) -> None:
        row = customer_to_row(customer)
        row.pop("id")
        row.pop("created_at")
        result = await self._conn.execute(
            sa.update(customers)
            .where(customers.c.id == customer.id, customers.c.version == customer.version - 1)
            .values(row)
        )
        if result.rowcount != 1:
            actual = await self._conn.scalar(sa.select(customers.c.version).where(customers.c.id == customer.id))
            raise StaleVersion(customer.version - 1, actual or 0)
        await self._conn.execute(
            sa.delete(customer_identities).where(
                customer_identities.c.customer_id == customer.id,
                customer_identities.c.source.in_([s.value for s in DERIVED_SOURCES]),
            )
        )
        rows = [r for r in identity_rows(customer) if r["source"] in {s.value for s in DERIVED_SOURCES}]
        await self._conn.execute(sa.insert(customer_identities), rows)

    async def find_by_identity(self, identity: Identity) -> list[uuid.UUID]:
        rows = await self._conn.execute(
            sa.select(customer_identities.c.customer_id)
            .join(customers, customers.c.id == customer_identities.c.customer_id)
            .where(
                customer_identities.c.source == identity.source.value,
                customer_identities.c.key == identity.key,
                customers.c.merged_into.is_(None),
            )
            .order_by(customer_identities.c.customer_id)
        )
        return [r.customer_id for r in rows]

    async def add_identity(self, customer_id: uuid.UUID, identity: Identity) -> None:
        owners = await self.find_by_identity(identity)
        if customer_id in owners:
            return
        if owners and identity.source in (IdentitySource.CARD_TOKEN, IdentitySource.ONLINE_USER_ID):
            raise IdentityConflict(f"{identity.source.value} already belongs to another customer")
        await self._conn.execute(
            sa.insert(customer_identities).values(
                customer_id=customer_id, source=identity.source.value, key=identity.key
            )
        )

    async def add_relation(self, customer_id: uuid.UUID, relation: Relation) -> None:
        try:
            async with self._conn.begin_nested():
                await self._conn.execute(
                    sa.insert(customer_relations).values(
                        customer_id=customer_id,
                        related_customer_id=relation.related_customer_id,
                        type=relation.type.value,
                        since=relation.since,
                    )
                )
        except IntegrityError as e:
            raise Conflict("relation already recorded") from e
