"""Sign-in for people: OAuth2 password form in, a signed expiring JWT out."""

from __future__ import annotations

import math
import uuid
from datetime import timedelta
from typing import Annotated

import sqlalchemy as sa
from fastapi import APIRouter, Form, Request
from pydantic import BaseModel, Field

from adapters.db import accounts
from adapters.db.tables import users
from adapters.security import TokenClaims, issue_token, verify_password
from api.audit import annotate
from api.deps import ContainerDep, PersonDep
from api.errors import ApiProblem
from api.schemas.common import problem_responses
from domain.audit import Actor, AuditAction

router = APIRouter(prefix="/api/v1/auth", tags=["auth"])


class TokenOut(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_in: int


class MeOut(BaseModel):
    id: uuid.UUID
    username: str
    display_name: str | None
    role: str
    branch: str | None
    bank_timezone: str = Field(
        description="The bank's time zone (IANA): dates (due, overdue, days to maturity) are days in it",
        examples=["Asia/Shanghai"],
    )


def _bad_login() -> ApiProblem:
    return ApiProblem(
        401,
        "Unauthorized",
        "wrong username or password",
        slug="bad-credentials",
        headers={"WWW-Authenticate": "Bearer"},
    )


@router.post(
    "/token",
    operation_id="auth-token",
    response_model=TokenOut,
    responses=problem_responses(401, 422, 429),
    summary="Sign in with username and password (OAuth2 password form)",
)
async def token(
    request: Request,
    container: ContainerDep,
    username: Annotated[str, Form(min_length=1, max_length=64)],
    password: Annotated[str, Form(min_length=1, max_length=256)],
) -> TokenOut:
    """Failed sign-ins for one username slow down, then lock it (settings: login_*); every try is audited."""
    settings = container.settings
    now = container.clock.now()
    async with container.uow() as uow:
        conn = uow.connection
        user = await accounts.get_user_by_username(conn, username)
        who = Actor("user", username, str(user.id), user.role) if user is not None else Actor("user", username)
        if user is not None and user.locked_until is not None and user.locked_until > now:
            retry = max(1, math.ceil((user.locked_until - now).total_seconds()))
            annotate(request, action=AuditAction.LOGIN_FAILED, actor=who, detail={"reason": "locked"})
            raise ApiProblem(
                429,
                "Too many requests",
                f"too many failed sign-ins for this username; try again in {retry} s",
                slug="locked",
                headers={"Retry-After": str(retry)},
            )
        ok = verify_password(user.password_hash if user is not None else None, password)
        if user is None or not user.active:
            annotate(request, action=AuditAction.LOGIN_FAILED, actor=who, detail={"reason": "unknown or disabled"})
            raise _bad_login()
        if not ok:
            failures = user.failed_logins + 1
            values: dict[str, object] = {"failed_logins": failures}
            if failures >= settings.login_max_failures:
                values["locked_until"] = now + timedelta(seconds=settings.login_lockout_s)
            elif failures > settings.login_free_failures:
                # 1 s, 2 s, 4 s ... before the next try is even looked at.
                delay = settings.login_delay_s * 2 ** (failures - settings.login_free_failures - 1)
                values["locked_until"] = now + timedelta(seconds=delay)
            await conn.execute(sa.update(users).where(users.c.id == user.id).values(values))
            await uow.commit()
            annotate(
                request, action=AuditAction.LOGIN_FAILED, actor=who, detail={"reason": "password", "failures": failures}
            )
            raise _bad_login()
        if user.failed_logins or user.locked_until:
            await conn.execute(sa.update(users).where(users.c.id == user.id).values(failed_logins=0, locked_until=None))
            await uow.commit()
    annotate(request, action=AuditAction.LOGIN, actor=who)
    ttl = timedelta(seconds=settings.access_token_ttl_s)
    access = issue_token(
        TokenClaims(user.id, user.username, user.role, user.branch_code),
        secret=settings.jwt_secret,
        algorithm=settings.jwt_algorithm,
        ttl=ttl,
        now=now,
    )
    return TokenOut(access_token=access, expires_in=int(ttl.total_seconds()))


@router.get("/me", operation_id="auth-me", response_model=MeOut, responses=problem_responses(401, 403))
async def me(container: ContainerDep, principal: PersonDep) -> MeOut:
    assert principal.user_id is not None
    async with container.engine.connect() as conn:
        user = await accounts.get_user(conn, principal.user_id)
    return MeOut(
        id=user.id,
        username=user.username,
        display_name=user.display_name,
        role=user.role,
        branch=user.branch_code,
        bank_timezone=container.settings.bank_timezone,
    )
