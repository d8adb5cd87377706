"""Sign-in for people: OAuth2 password form in, a signed expiring JWT out."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Annotated

import sqlalchemy as sa
from fastapi import APIRouter, Form
from pydantic import BaseModel

from adapters.db import accounts
from adapters.db.tables import users
from adapters.security import TokenClaims, issue_token, verify_password
from api.deps import ContainerDep, PersonDep
from api.errors import ApiProblem
from api.schemas.common import problem_responses

router = APIRouter(prefix="/api/v1/auth", tags=["auth"])

MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)


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
    container: ContainerDep,
    username: Annotated[str, Form(min_length=1, max_length=64)],
    password: Annotated[str, Form(min_length=1, max_length=256)],
) -> TokenOut:
    settings = container.settings
    now = container.clock.now()
    async with container.uow() as uow:
        conn = uow.connection
        user = await accounts.get_user_by_username(conn, username)
        if user is not None and user.locked_until is not None and user.locked_until > now:
            retry = int((user.locked_until - now).total_seconds()) + 1
            raise ApiProblem(
                429,
                "Too many requests",
                "too many failed sign-ins; try again later",
                slug="locked",
                headers={"Retry-After": str(retry)},
            )
        ok = verify_password(user.password_hash if user is not None else None, password)
        if user is None or not user.active:
            raise _bad_login()
        if not ok:
            failures = user.failed_logins + 1
            values: dict[str, object] = {"failed_logins": failures}
            if failures >= MAX_FAILED_LOGINS:
                values = {"failed_logins": 0, "locked_until": now + LOCKOUT}
            await conn.execute(sa.update(users).where(users.c.id == user.id).values(values))
            await uow.commit()
            raise _bad_login()
        if user.failed_logins or user.locked_until:
            await conn.execute(sa.update(users).where(users.c.id == user.id).values(failed_logins=0, locked_until=None))
            await uow.commit()
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
        id=user.id, username=user.username, display_name=user.display_name, role=user.role, branch=user.branch_code
    )
