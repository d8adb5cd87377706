"""Segments: rules over profile attributes and behaviour (text or JSON), preview, members, static lists."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Request, Response, status
from pydantic import BaseModel, Field

from adapters.db import segments as store
from api.audit import annotate
from api.deps import ContainerDep, PersonDep, parse_uuid
from api.schemas.common import Cursor, Limit, MoneyStr, Page, StrictModel, problem_responses
from domain.access import Action, Principal
from domain.audit import AuditAction
from domain.errors import Conflict, NotFound
from domain.privacy import mask_phone
from domain.services import segments as service
from domain.value import segments_rules

router = APIRouter(prefix="/api/v1/segments", tags=["segments"])

RuleText = Annotated[
    str,
    Field(
        min_length=1, max_length=4000, examples=["age between 25 and 35 and aum > 500000 and not holds('credit_card')"]
    ),
]

_ATTRS = "\n".join(
    f"* `{a.name}` ({a.type.value}{', one of ' + ', '.join(sorted(a.values)) if a.values else ''}): {a.description}"
    for a in segments_rules.ATTRIBUTES.values()
)
RULES_DESCRIPTION = (
    (segments_rules.__doc__ or "")
    + "\n\nAttributes:\n\n"
    + _ATTRS
    + "\n* `holds('x')`: "
    + segments_rules.FUNCTIONS["holds"]
)


# Exactly one of `rule` (text) and `rule_json` (AST), said in the schema so clients and fuzzers know it.
EXACTLY_ONE_RULE: Any = [
    {"required": ["rule"], "not": {"required": ["rule_json"]}},
    {"required": ["rule_json"], "not": {"required": ["rule"]}},
]


class RuleIn(StrictModel):
    rule: RuleText = Field(default=None, description="The rule as text")  # type: ignore[assignment]
    rule_json: dict[str, Any] = Field(default=None, description="The rule as a JSON AST")  # type: ignore[arg-type]

    model_config = {
        "json_schema_extra": {
            "oneOf": EXACTLY_ONE_RULE,
            "examples": [{"rule": "age between 25 and 35 and aum > 500000 and not holds('credit_card')"}],
        }
    }


class PreviewOut(BaseModel):
    count: int = Field(description="Customers in the caller's scope that match the rule now")
    rule_json: dict[str, Any]


class SegmentIn(StrictModel):
    code: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_\-]{1,63}$", examples=["young-affluent"])]
    name: Annotated[str, Field(min_length=1, max_length=128, pattern=r"^[^\x00-\x1f\x7f]+$")]
    kind: Annotated[str, Field(pattern=r"^(rule|static)$", description="rule (members follow the rule) or static")]
    description: Annotated[str, Field(max_length=2000, pattern=r"^[^\x00]*$")] | None = None
    rule: RuleText = None  # type: ignore[assignment]
    rule_json: dict[str, Any] = None  # type: ignore[assignment]

    model_config = {
        "json_schema_extra": {
            # a rule segment has exactly one of rule / rule_json; a static list has neither
            "oneOf": [
                {"properties": {"kind": {"const": "rule"}}, "oneOf": EXACTLY_ONE_RULE},
                {
                    "properties": {"kind": {"const": "static"}},
                    "not": {"anyOf": [{"required": ["rule"]}, {"required": ["rule_json"]}]},
                },
            ],
            "examples": [
                {
                    "code": "young-affluent",
                    "name": "Young affluent without a card",
                    "kind": "rule",
                    "rule": "age between 25 and 35 and aum > 500000 and not holds('credit_card')",
                },
                {"code": "vip-event-2026", "name": "Invited to the VIP evening", "kind": "static"},
            ],
        }
    }


class SegmentPatch(StrictModel):
    name: Annotated[str, Field(min_length=1, max_length=128, pattern=r"^[^\x00-\x1f\x7f]+$")] | None = None
    description: Annotated[str, Field(max_length=2000, pattern=r"^[^\x00]*$")] | None = None
    rule: RuleText = None  # type: ignore[assignment]
    rule_json: dict[str, Any] = None  # type: ignore[assignment]

    model_config = {
        "json_schema_extra": {
            "not": {"required": ["rule", "rule_json"]},
            "examples": [{"rule": "tier = 'key' and churn_risk >= 0.5"}],
        }
    }


class SegmentOut(BaseModel):
    id: uuid.UUID
    code: str
    name: str
    kind: str
    description: str | None
    rule: str | None = Field(description="The rule as written (text), if it was given as text")
    rule_json: dict[str, Any] | None
    member_count: int = Field(description="All members, across portfolios")
    created_at: datetime
    updated_at: datetime | None
    refreshed_at: datetime | None


class MemberOut(BaseModel):
    customer_id: uuid.UUID
    customer_number: str
    display_name: str
    masked_phone: str | None
    tier: str
    lifecycle_stage: str
    home_branch: str | None
    aum: MoneyStr | None
    churn_risk: str | None
    since: datetime


class MembersIn(StrictModel):
    customer_ids: Annotated[list[uuid.UUID], Field(min_length=1, max_length=1000)]

    model_config = {"json_schema_extra": {"examples": [{"customer_ids": ["0e47aeff-e162-4bc1-9cc0-865a9bca7b90"]}]}}


class MembersChangedOut(BaseModel):
    changed: int


def present(r: Any) -> SegmentOut:
    return SegmentOut(
        id=r.id,
        code=r.code,
        name=r.name,
        kind=r.kind,
        description=r.description,
        rule=r.rule_text,
        rule_json=r.rule,
        member_count=r.member_count,
        created_at=r.created_at,
        updated_at=r.updated_at,
        refreshed_at=r.refreshed_at,
    )


async def _segment(conn: Any, segment_id: uuid.UUID) -> Any:
    row = await store.get_segment(conn, segment_id)
    if row is None:
        raise NotFound(f"segment {segment_id} not found")
    return row


@router.post(
    "/preview",
    operation_id="segments-preview",
    response_model=PreviewOut,
    responses=problem_responses(401, 403, 422),
    summary="Count the customers a rule matches, before saving it",
    description=RULES_DESCRIPTION,
)
async def preview(body: RuleIn, container: ContainerDep, principal: PersonDep) -> PreviewOut:
    rule = service.preview_rule(principal, body.rule, body.rule_json)
    async with container.engine.connect() as conn:
        count = await store.preview_count(conn, rule, container.today(), principal.portfolio)
    return PreviewOut(count=count, rule_json=rule)


@router.post(
    "",
    operation_id="segments-create",
    status_code=status.HTTP_201_CREATED,
    response_model=SegmentOut,
    responses=problem_responses(401, 403, 409, 422),
    summary="Create a rule segment (members computed at once) or a static list",
    description=RULES_DESCRIPTION,
)
async def create_segment(
    body: SegmentIn, container: ContainerDep, principal: PersonDep, response: Response
) -> SegmentOut:
    draft = service.draft_segment(
        principal,
        code=body.code,
        name=body.name,
        kind=body.kind,
        rule_text=body.rule,
        rule_json=body.rule_json,
        description=body.description,
    )
    now = container.clock.now()
    async with container.uow() as uow:
        await store.add_segment(
            uow.connection,
            segment_id=draft.id,
            code=draft.code,
            name=draft.name,
            kind=draft.kind,
            rule=draft.rule,
            rule_text=draft.rule_text,
            description=draft.description,
            created_by=principal.user_id,
            at=now,
        )
        if draft.rule is not None:
            await store.refresh_members(uow.connection, draft.id, draft.rule, now)
        await uow.commit()
    response.headers["Location"] = f"/api/v1/segments/{draft.id}"
    async with container.engine.connect() as conn:
        return present(await _segment(conn, draft.id))


@router.get(
    "",
    operation_id="segments-list",
    response_model=Page[SegmentOut],
    responses=problem_responses(401, 403, 422),
    summary="Segments, by code",
)
async def list_segments(
    container: ContainerDep, principal: PersonDep, limit: Limit = 50, cursor: Cursor = None
) -> Page[SegmentOut]:
    principal.require(Action.READ_SEGMENTS)
    async with container.engine.connect() as conn:
        page = await store.list_segments(conn, limit=limit, cursor=cursor)
    return Page(items=[present(r) for r in page.items], next_cursor=page.next_cursor)


@router.get(
    "/{segment_id}",
    operation_id="segments-get",
    response_model=SegmentOut,
    responses=problem_responses(401, 403, 404),
    summary="One segment",
)
async def get_segment(segment_id: str, container: ContainerDep, principal: PersonDep) -> SegmentOut:
    principal.require(Action.READ_SEGMENTS)
    sid = parse_uuid(segment_id, "segment")
    async with container.engine.connect() as conn:
        return present(await _segment(conn, sid))


@router.patch(
    "/{segment_id}",
    operation_id="segments-update",
    response_model=SegmentOut,
    responses=problem_responses(401, 403, 404, 409, 422),
    summary="Rename a segment, describe it, or change its rule (members follow at once)",
)
async def update_segment(
    segment_id: str, body: SegmentPatch, container: ContainerDep, principal: PersonDep
) -> SegmentOut:
    principal.require(Action.MANAGE_SEGMENTS)
    sid = parse_uuid(segment_id, "segment")
    now = container.clock.now()
    async with container.uow() as uow:
        current = await _segment(uow.connection, sid)
        rule = service.changed_rule(current.kind, body.rule, body.rule_json)
        await store.update_segment(
            uow.connection,
            sid,
            name=body.name,
            description=body.description,
            rule=rule,
            rule_text=body.rule,
            at=now,
            set_rule=rule is not None,
        )
        if rule is not None:
            await store.refresh_members(uow.connection, sid, rule, now)
        await uow.commit()
    async with container.engine.connect() as conn:
        return present(await _segment(conn, sid))


@router.delete(
    "/{segment_id}",
    operation_id="segments-delete",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403, 404, 409),
    summary="Delete a segment and its memberships",
)
async def delete_segment(segment_id: str, container: ContainerDep, principal: PersonDep) -> Response:
    principal.require(Action.MANAGE_SEGMENTS)
    sid = parse_uuid(segment_id, "segment")
    async with container.uow() as uow:
        await _segment(uow.connection, sid)
        await store.delete_segment(uow.connection, sid)
        await uow.commit()
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/{segment_id}/refresh",
    operation_id="segments-refresh",
    response_model=SegmentOut,
    responses=problem_responses(401, 403, 404, 409, 422),
    summary="Re-evaluate a rule segment's members for every customer now",
)
async def refresh_segment(segment_id: str, container: ContainerDep, principal: PersonDep) -> SegmentOut:
    principal.require(Action.MANAGE_SEGMENTS)
    sid = parse_uuid(segment_id, "segment")
    async with container.uow() as uow:
        current = await _segment(uow.connection, sid)
        if current.kind != service.SegmentKind.RULE or not current.rule:
            raise Conflict("only rule segments are refreshed", field="kind")
        await store.refresh_members(uow.connection, sid, current.rule, container.clock.now())
        await uow.commit()
    async with container.engine.connect() as conn:
        return present(await _segment(conn, sid))


def _member(r: Any) -> MemberOut:
    name = r.name_zh and r.name_latin and f"{r.name_zh} ({r.name_latin})" or r.name_zh or r.name_latin
    return MemberOut(
        customer_id=r.id,
        customer_number=r.customer_number,
        display_name=name or r.customer_number,
        masked_phone=mask_phone(r.phones[0]) if r.phones else None,
        tier=r.tier,
        lifecycle_stage=r.lifecycle_stage,
        home_branch=r.home_branch,
        aum=r.aum,
        churn_risk=None if r.churn_risk is None else format(r.churn_risk, "f"),
        since=r.since,
    )


@router.get(
    "/{segment_id}/members",
    operation_id="segments-members",
    response_model=Page[MemberOut],
    responses=problem_responses(401, 403, 404, 422),
    summary="Members of a segment within the caller's portfolio (phones masked)",
)
async def list_members(
    segment_id: str,
    request: Request,
    container: ContainerDep,
    principal: PersonDep,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[MemberOut]:
    principal.require(Action.READ_SEGMENTS)
    sid = parse_uuid(segment_id, "segment")
    async with container.engine.connect() as conn:
        await _segment(conn, sid)
        page = await store.members(conn, sid, principal.portfolio, limit=limit, cursor=cursor)
    items = [_member(r) for r in page.items]
    # a members list shows customers' names and (masked) phones: a person's read of customer data
    annotate(request, action=AuditAction.READ, customer_ids=[m.customer_id for m in items])
    return Page(items=items, next_cursor=page.next_cursor)


async def _change_members(
    container: ContainerDep, principal: Principal, segment_id: str, ids: list[uuid.UUID], add: bool
) -> MembersChangedOut:
    principal.require(Action.MANAGE_SEGMENTS)
    sid = parse_uuid(segment_id, "segment")
    async with container.uow() as uow:
        current = await _segment(uow.connection, sid)
        service.check_static(current.kind)
        if add:
            known = await store.existing_customers(uow.connection, ids, principal.portfolio)
            for i, cid in enumerate(ids):
                if cid not in known:
                    raise NotFound(f"customer {cid} not found", field=f"customer_ids[{i}]")
            changed = await store.add_static_members(uow.connection, sid, ids, container.clock.now())
        else:
            changed = await store.remove_static_members(uow.connection, sid, ids)
        await uow.commit()
    return MembersChangedOut(changed=changed)


@router.post(
    "/{segment_id}/members",
    operation_id="segments-members-add",
    response_model=MembersChangedOut,
    responses=problem_responses(401, 403, 404, 409, 422),
    summary="Add customers to a static list (already there: unchanged)",
)
async def add_members(
    segment_id: str, body: MembersIn, container: ContainerDep, principal: PersonDep
) -> MembersChangedOut:
    return await _change_members(container, principal, segment_id, body.customer_ids, add=True)


@router.post(
    "/{segment_id}/members/remove",
    operation_id="segments-members-remove",
    response_model=MembersChangedOut,
    responses=problem_responses(401, 403, 404, 409, 422),
    summary="Remove customers from a static list",
)
async def remove_members(
    segment_id: str, body: MembersIn, container: ContainerDep, principal: PersonDep
) -> MembersChangedOut:
    return await _change_members(container, principal, segment_id, body.customer_ids, add=False)
