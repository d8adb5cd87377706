"""Customers: search, read, create, change (with ETag / If-Match), holdings, timeline, relations."""

from __future__ import annotations

import secrets
import uuid
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Header, Query, Request, Response, status

from adapters.db import views
from api.audit import annotate
from api.deps import ContainerDep, PersonDep, parse_uuid
from api.errors import ApiProblem
from api.schemas.common import NO_CONTROL_CHARS, Cursor, Limit, Page, TimeWithOffset, problem_responses
from api.schemas.customers import (
    AddressOut,
    BalancePointOut,
    CustomerCreate,
    CustomerDetailOut,
    CustomerPatch,
    CustomerSummaryOut,
    HoldingOut,
    IdDocumentOut,
    IdentityOut,
    InteractionOut,
    RelationIn,
    RelationOut,
    RelationshipManagerOut,
)
from domain.access import Action, Principal
from domain.audit import AuditAction, RevealableField, check_reveal, parse_reveal
from domain.customers import (
    Address,
    Customer,
    CustomerKind,
    IdDocument,
    LifecycleStage,
    Tier,
)
from domain.interactions import Channel
from domain.privacy import mask_account, mask_id_number, mask_identity, mask_phone
from domain.services import customers as service

router = APIRouter(prefix="/api/v1/customers", tags=["customers"])

Reveal = Annotated[
    str | None,
    Query(
        pattern=r"^(phone|id_number|account_number)(,(phone|id_number|account_number)){0,2}$",
        description="Comma-separated identifiers to show in full: phone, id_number, account_number. "
        "Only for roles that may reveal; every reveal is audited.",
        examples=["phone,id_number"],
    ),
]


def etag_of(customer: Customer) -> str:
    return f'"v{customer.version}"'


def parse_if_match(if_match: str | None) -> int | None:
    """The version named by If-Match; None for '*'. A missing header is 428, a malformed one 412."""
    if if_match is None:
        raise ApiProblem(
            428,
            "Precondition required",
            "send If-Match with the ETag of your last read",
            slug="if-match-required",
            errors=[{"field": "If-Match", "message": "required"}],
        )
    value = if_match.strip()
    if value == "*":
        return None
    if value.startswith('"v') and value.endswith('"') and value[2:-1].isdigit():
        return int(value[2:-1])
    raise ApiProblem(
        412,
        "Precondition failed",
        "If-Match does not name a version of this customer",
        slug="stale-version",
        errors=[{"field": "If-Match", "message": "not an ETag of this resource"}],
    )


def _rm_out(row: Any) -> RelationshipManagerOut | None:
    if row is None:
        return None
    return RelationshipManagerOut(
        id=row.id,
        username=row.username,
        display_name=row.display_name,
        email=getattr(row, "email", None),
        phone=getattr(row, "phone", None),
    )


def present_customer(
    c: Customer,
    principal: Principal,
    rm: Any,
    segments: dict[str, str],
    reveal: frozenset[RevealableField] = frozenset(),
) -> CustomerDetailOut:
    full = principal.sees_full_pii
    full_phone = full or RevealableField.PHONE in reveal
    full_id = full or RevealableField.ID_NUMBER in reveal
    phones = c.phones if full_phone else [mask_phone(p) for p in c.phones]
    return CustomerDetailOut(
        id=c.id,
        customer_number=c.customer_number,
        kind=c.kind,
        display_name=c.display_name,
        name_zh=c.name_zh,
        name_latin=c.name_latin,
        birth_date=c.birth_date,
        gender=c.gender,
        id_document=None
        if c.id_document is None
        else IdDocumentOut(
            type=c.id_document.type.value,
            number=c.id_document.number if full_id else mask_id_number(c.id_document.number),
        ),
        phones=phones,
        masked_phone=mask_phone(c.phones[0]) if c.phones else None,
        emails=c.emails,
        address=None
        if c.address is None
        else AddressOut(
            line=c.address.line,
            city=c.address.city,
            province=c.address.province,
            postal_code=c.address.postal_code,
            country=c.address.country,
        ),
        occupation=c.occupation,
        education=c.education,
        income_band=c.income_band,
        risk_preference=c.risk_preference,
        preferred_language=c.preferred_language,
        marketing_consent={k.value: v for k, v in c.marketing_consent.items()},
        home_branch=c.home_branch,
        relationship_manager=_rm_out(rm),
        lifecycle_stage=c.lifecycle_stage,
        tier=c.tier,
        segments=list(segments),
        segment_names=segments,
        provisional=c.provisional,
        merged_into=c.merged_into,
        version=c.version,
        created_at=c.created_at or datetime.min,
        updated_at=c.updated_at or datetime.min,
        relations=[
            RelationOut(related_customer_id=r.related_customer_id, type=r.type, since=r.since) for r in c.relations
        ],
        identities=[
            IdentityOut(
                source=i.source.value,
                key=i.key
                if full or (i.source.value == "phone" and full_phone) or (i.source.value == "id_document" and full_id)
                else mask_identity(i.source.value, i.key),
            )
            for i in c.identities()
        ],
    )


async def _detail(
    container: ContainerDep, principal: Principal, c: Customer, reveal: frozenset[RevealableField] = frozenset()
) -> CustomerDetailOut:
    async with container.engine.connect() as conn:
        rm = await views.relationship_manager_of(conn, c.relationship_manager_id)
        segments = await views.customer_segments(conn, c.id)
    return present_customer(c, principal, rm, segments, reveal)


def _changes_from(body: CustomerPatch | CustomerCreate) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    for name in body.model_fields_set:
        if name == "customer_number":
            continue
        field = getattr(body, name)
        if name == "id_document":
            changes[name] = None if field is None else IdDocument(field.type, field.number)
        elif name == "address":
            changes[name] = None if field is None else Address(**field.model_dump())
        elif name in ("phones", "emails"):
            changes[name] = list(field)
        elif name == "marketing_consent":
            changes[name] = dict(field)
        else:
            changes[name] = field
    return changes


@router.get(
    "",
    operation_id="customers-search",
    response_model=Page[CustomerSummaryOut],
    responses=problem_responses(401, 403, 422),
    summary="Search customers",
)
async def search_customers(
    request: Request,
    container: ContainerDep,
    principal: PersonDep,
    q: Annotated[
        str | None, Query(max_length=100, pattern=NO_CONTROL_CHARS, description="Name, customer number or phone")
    ] = None,
    tier: Tier | None = None,
    segment: Annotated[str | None, Query(max_length=64, pattern=NO_CONTROL_CHARS)] = None,
    relationship_manager: Annotated[
        str | None, Query(max_length=64, pattern=NO_CONTROL_CHARS, description="RM user id or username")
    ] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[CustomerSummaryOut]:
    principal.require(Action.READ_CUSTOMERS)
    async with container.engine.connect() as conn:
        page = await views.search_customers(
            conn,
            principal.portfolio,
            q=q,
            tier=tier.value if tier else None,
            segment=segment,
            relationship_manager=relationship_manager,
            limit=limit,
            cursor=cursor,
        )
    items = []
    for r in page.items:
        name = r.name_zh and r.name_latin and f"{r.name_zh} ({r.name_latin})" or r.name_zh or r.name_latin
        rm = None
        if r.relationship_manager_id is not None:
            rm = RelationshipManagerOut(id=r.relationship_manager_id, username=r.rm_username, display_name=r.rm_name)
        items.append(
            CustomerSummaryOut(
                id=r.id,
                customer_number=r.customer_number,
                display_name=name or r.customer_number,
                kind=CustomerKind(r.kind),
                masked_phone=mask_phone(r.phones[0]) if r.phones else None,
                tier=r.tier,
                lifecycle_stage=r.lifecycle_stage,
                home_branch=r.home_branch,
                relationship_manager=rm,
                provisional=r.provisional,
            )
        )
    # One audit entry per search, listing every customer it showed.
    annotate(request, action=AuditAction.READ, customer_ids=[c.id for c in items])
    return Page(items=items, next_cursor=page.next_cursor)


@router.post(
    "",
    operation_id="customers-create",
    status_code=status.HTTP_201_CREATED,
    response_model=CustomerDetailOut,
    responses=problem_responses(401, 403, 409, 422),
    summary="Register a customer",
)
async def create_customer(
    request: Request, body: CustomerCreate, container: ContainerDep, principal: PersonDep, response: Response
) -> CustomerDetailOut:
    annotate(request, fields=sorted(body.model_dump(exclude_unset=True)))
    fields = _changes_from(body)
    number = body.customer_number or f"C{secrets.randbelow(10**10):010d}"
    customer = Customer(id=uuid.uuid4(), customer_number=number, lifecycle_stage=LifecycleStage.NEW, **fields)
    async with container.uow() as uow:
        created = await service.create_customer(uow, principal, customer, container.clock)
        await uow.commit()
    annotate(request, customer_ids=[created.id])
    response.headers["ETag"] = etag_of(created)
    response.headers["Location"] = f"/api/v1/customers/{created.id}"
    return await _detail(container, principal, created)


@router.get(
    "/{customer_id}",
    operation_id="customers-get",
    response_model=CustomerDetailOut,
    responses=problem_responses(401, 403, 404, 422),
    summary="Read one customer (ETag for later changes)",
)
async def get_customer(
    request: Request,
    customer_id: str,
    container: ContainerDep,
    principal: PersonDep,
    response: Response,
    reveal: Reveal = None,
) -> CustomerDetailOut:
    cid = parse_uuid(customer_id, "customer")
    wanted = parse_reveal(reveal)
    if wanted:
        annotate(request, action=AuditAction.REVEAL, fields=sorted(wanted))
    async with container.uow(readonly=True) as uow:
        customer = await service.get_customer(uow, principal, cid)
    check_reveal(principal, wanted)
    response.headers["ETag"] = etag_of(customer)
    return await _detail(container, principal, customer, wanted)


@router.patch(
    "/{customer_id}",
    operation_id="customers-update",
    response_model=CustomerDetailOut,
    responses=problem_responses(401, 403, 404, 409, 412, 422, 428),
    summary="Change a customer; If-Match is required",
)
async def update_customer(
    request: Request,
    customer_id: str,
    body: CustomerPatch,
    container: ContainerDep,
    principal: PersonDep,
    response: Response,
    if_match: Annotated[str | None, Header(alias="If-Match", max_length=64)] = None,
) -> CustomerDetailOut:
    cid = parse_uuid(customer_id, "customer")
    annotate(request, fields=sorted(body.model_dump(exclude_unset=True)))
    changes = _changes_from(body)
    async with container.uow() as uow:
        current = await service.get_customer(uow, principal, cid)
        expected = parse_if_match(if_match)
        updated = await service.update_customer(
            uow, principal, cid, changes, current.version if expected is None else expected, container.clock
        )
        await uow.commit()
    response.headers["ETag"] = etag_of(updated)
    return await _detail(container, principal, updated)


@router.post(
    "/{customer_id}/relations",
    operation_id="customers-relate",
    status_code=status.HTTP_201_CREATED,
    response_model=RelationOut,
    responses=problem_responses(401, 403, 404, 409, 422),
    summary="Relate two customers (household, spouse, guarantor...)",
)
async def add_relation(
    request: Request, customer_id: str, body: RelationIn, container: ContainerDep, principal: PersonDep
) -> RelationOut:
    cid = parse_uuid(customer_id, "customer")
    annotate(request, fields=["relations"], detail={"related_customer_id": str(body.related_customer_id)})
    async with container.uow() as uow:
        await service.relate_customers(uow, principal, cid, body.related_customer_id, body.type)
        await uow.commit()
    return RelationOut(related_customer_id=body.related_customer_id, type=body.type, since=None)


@router.get(
    "/{customer_id}/holdings",
    operation_id="customers-holdings",
    response_model=Page[HoldingOut],
    responses=problem_responses(401, 403, 404, 422),
    summary="A customer's product holdings with balances, maturities and balance history",
)
async def list_holdings(
    request: Request,
    customer_id: str,
    container: ContainerDep,
    principal: PersonDep,
    include_closed: bool = True,
    limit: Limit = 50,
    cursor: Cursor = None,
    reveal: Reveal = None,
) -> Page[HoldingOut]:
    cid = parse_uuid(customer_id, "customer")
    wanted = parse_reveal(reveal)
    if wanted:
        annotate(request, action=AuditAction.REVEAL, fields=sorted(wanted))
    async with container.uow(readonly=True) as uow:
        await service.get_customer(uow, principal, cid)
        check_reveal(principal, wanted)
        conn = uow.connection
        page = await views.customer_holdings(conn, cid, limit=limit, cursor=cursor, include_closed=include_closed)
        history = await views.balance_histories(conn, [r.id for r in page.items])
    today = container.today()
    full = principal.sees_full_pii or RevealableField.ACCOUNT_NUMBER in wanted
    return Page(
        items=[
            HoldingOut(
                id=r.id,
                account_number=r.account_number if full else mask_account(r.account_number),
                product_code=r.product_code,
                product_name=r.product_name,
                product_name_zh=r.product_name_zh,
                category=r.category,
                status=r.status,
                opened_on=r.opened_on,
                closed_on=r.closed_on,
                balance=r.balance,
                currency=r.currency,
                credit_limit=r.credit_limit,
                rate=r.rate,
                maturity_date=r.maturity_date,
                days_to_maturity=(r.maturity_date - today).days if r.maturity_date else None,
                balance_history=[BalancePointOut(as_of=h.as_of, balance=h.balance) for h in history.get(r.id, [])],
            )
            for r in page.items
        ],
        next_cursor=page.next_cursor,
    )


@router.get(
    "/{customer_id}/timeline",
    operation_id="customers-timeline",
    response_model=Page[InteractionOut],
    responses=problem_responses(401, 403, 404, 422),
    summary="Every interaction on every channel, newest first",
)
async def get_timeline(
    customer_id: str,
    container: ContainerDep,
    principal: PersonDep,
    channel: Annotated[list[Channel] | None, Query(description="Only these channels")] = None,
    since: Annotated[TimeWithOffset | None, Query(description="From this time (RFC 3339)")] = None,
    until: Annotated[TimeWithOffset | None, Query(description="Before this time (RFC 3339)")] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[InteractionOut]:
    cid = parse_uuid(customer_id, "customer")
    for name, value in (("since", since), ("until", until)):
        if value is not None and value.tzinfo is None:
            raise ApiProblem(
                422,
                "Invalid input",
                f"{name} needs a UTC offset",
                slug="validation-error",
                errors=[{"field": name, "message": "time must carry a UTC offset"}],
            )
    async with container.uow(readonly=True) as uow:
        await service.get_customer(uow, principal, cid)
        page = await views.timeline(
            uow.connection,
            cid,
            channels=[c.value for c in channel] if channel else None,
            since=since,
            until=until,
            limit=limit,
            cursor=cursor,
        )
    return Page(
        items=[
            InteractionOut(
                id=r.id,
                channel=r.channel,
                type=r.type,
                direction=r.direction,
                occurred_at=r.occurred_at,
                actor=r.actor,
                summary=r.summary,
                outcome=r.outcome,
                amount=r.amount,
                currency=r.currency,
                source_ref=r.source_ref,
            )
            for r in page.items
        ],
        next_cursor=page.next_cursor,
    )
