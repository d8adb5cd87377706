"""Users and API keys (the people and systems that call bank-crm)."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from types import SimpleNamespace
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.db.engine import driver_connection
from adapters.db.tables import api_keys, branches, users
from adapters.db.views import Page, decode_cursor, encode_cursor, escape_like
from adapters.security import hash_password, new_api_key
from domain.access import Role, Scope, StaffMember
from domain.errors import Conflict, InvalidValue, NotFound


async def create_user(
    conn: AsyncConnection,
    *,
    username: str,
    password: str,
    role: str,
    branch: str | None,
    now: datetime,
    display_name: str | None = None,
    email: str | None = None,
    phone: str | None = None,
    password_hash: str | None = None,
    user_id: uuid.UUID | None = None,
) -> uuid.UUID:
    try:
        Role(role)
    except ValueError:
        raise InvalidValue(f"role must be one of {[r.value for r in Role]}", field="role") from None
    if not 3 <= len(username) <= 64:
        raise InvalidValue("username must be 3-64 characters", field="username")
    if password_hash is None and len(password) < 8:
        raise InvalidValue("password must be at least 8 characters", field="password")
    if role in (Role.RM, Role.BRANCH_MANAGER) and not branch:
        raise InvalidValue(f"a {role} needs a --branch", field="branch")
    if branch and not await conn.scalar(sa.select(branches.c.code).where(branches.c.code == branch)):
        raise InvalidValue(f"branch {branch} does not exist", field="branch")
    uid = user_id or uuid.uuid4()
    try:
        await conn.execute(
            sa.insert(users).values(
                id=uid,
                username=username,
                password_hash=password_hash or hash_password(password),
                display_name=display_name or username,
                role=role,
                branch_code=branch,
                email=email,
                phone=phone,
                active=True,
                failed_logins=0,
                created_at=now,
            )
        )
    except IntegrityError:
        raise Conflict(f"user {username} exists", field="username") from None
    return uid


async def get_user_by_username(conn: AsyncConnection, username: str) -> Any:
    return (await conn.execute(sa.select(users).where(users.c.username == username))).first()


async def get_user(conn: AsyncConnection, user_id: uuid.UUID) -> Any:
    return (await conn.execute(sa.select(users).where(users.c.id == user_id))).first()


@dataclass(frozen=True, slots=True)
class CustomerSeenBy:
    """A customer as scope rules see them: whose branch, whose portfolio (domain.access.portfolio_of in SQL)."""

    home_branch: str | None
    relationship_manager_id: uuid.UUID | None


async def list_staff(
    conn: AsyncConnection,
    *,
    branch: str | None,
    sees: CustomerSeenBy | None = None,
    roles: list[str] | None = None,
    q: str | None = None,
    limit: int = 50,
    cursor: str | None = None,
) -> Page:
    """Active staff by username: only `branch`'s when given, only those who can see `sees` when given; `q` matches
    the start of a username or display name."""
    stmt = sa.select(
        users.c.id, users.c.username, users.c.display_name, users.c.role, users.c.branch_code, branches.c.name
    ).select_from(users.outerjoin(branches, branches.c.code == users.c.branch_code))
    stmt = stmt.where(users.c.active.is_(True))
    if branch is not None:
        stmt = stmt.where(users.c.branch_code == branch)
    if roles:
        stmt = stmt.where(users.c.role.in_(roles))
    if sees is not None:
        stmt = stmt.where(
            sa.or_(
                users.c.role.not_in([Role.RM.value, Role.BRANCH_MANAGER.value]),
                sa.and_(users.c.role == Role.BRANCH_MANAGER.value, users.c.branch_code == sees.home_branch),
                sa.and_(users.c.role == Role.RM.value, users.c.id == sees.relationship_manager_id),
            )
        )
    if q:
        pattern = f"{escape_like(q)}%"
        stmt = stmt.where(
            sa.or_(users.c.username.ilike(pattern, escape="\\"), users.c.display_name.ilike(pattern, escape="\\"))
        )
    after = decode_cursor(cursor, (str,))
    if after is not None:
        stmt = stmt.where(users.c.username > after[0])
    rows = list((await conn.execute(stmt.order_by(users.c.username).limit(limit + 1))).all())
    more = len(rows) > limit
    rows = rows[:limit]
    return Page(rows, encode_cursor([rows[-1].username]) if more and rows else None)


async def ensure_branch(conn: AsyncConnection, code: str, name: str, city: str | None = None) -> None:
    exists = await conn.scalar(sa.select(branches.c.code).where(branches.c.code == code))
    if not exists:
        await conn.execute(sa.insert(branches).values(code=code, name=name, city=city))


async def create_api_key(conn: AsyncConnection, *, name: str, scopes: list[str], now: datetime) -> str:
    """Store a new key's hash and return the full key: the only time it is ever shown."""
    valid = {s.value for s in Scope}
    for s in scopes:
        if s not in valid:
            raise InvalidValue(f"scope {s!r} is not one of {sorted(valid)}", field="scope")
    if not scopes:
        raise InvalidValue("a key needs at least one --scope", field="scope")
    key = new_api_key()
    await conn.execute(
        sa.insert(api_keys).values(
            id=uuid.uuid4(),
            name=name,
            prefix=key.prefix,
            key_hash=key.key_hash,
            scopes=sorted(set(scopes)),
            created_at=now,
        )
    )
    return key.secret


_API_KEY_BY_PREFIX = sa.select(api_keys).where(api_keys.c.prefix == sa.bindparam("prefix"))
# PostgreSQL: every system's request looks its key up, so straight on the driver's connection (a read: it needs no
# transaction, and sees a revocation committed the moment before).
_PG_API_KEY_BY_PREFIX = (
    "SELECT id, name, prefix, key_hash, scopes::text AS scopes, created_at, last_used_at, revoked_at "
    "FROM api_keys WHERE prefix = $1"
)


async def get_api_key(conn: AsyncConnection, prefix: str) -> Any:
    if conn.dialect.name == "postgresql":
        row = await (await driver_connection(conn)).fetchrow(_PG_API_KEY_BY_PREFIX, prefix)
        if row is None:
            return None
        key = dict(row)
        key["id"] = uuid.UUID(bytes=row["id"].bytes)  # asyncpg's own UUID type: the plain one, as SQLAlchemy gives
        key["scopes"] = json.loads(key["scopes"])
        return SimpleNamespace(**key)
    return (await conn.execute(_API_KEY_BY_PREFIX, {"prefix": prefix})).first()


async def touch_api_key(conn: AsyncConnection, key_id: uuid.UUID, now: datetime) -> None:
    """Record that a key was used (callers throttle this)."""
    await conn.execute(sa.update(api_keys).where(api_keys.c.id == key_id).values(last_used_at=now))


async def list_api_keys(conn: AsyncConnection) -> list[Any]:
    return list(await conn.execute(sa.select(api_keys).order_by(api_keys.c.created_at)))


async def revoke_api_key(conn: AsyncConnection, name_or_prefix: str, now: datetime) -> int:
    result = await conn.execute(
        sa.update(api_keys)
        .where(sa.or_(api_keys.c.name == name_or_prefix, api_keys.c.prefix == name_or_prefix))
        .where(api_keys.c.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    if result.rowcount == 0:
        raise NotFound(f"no active key named {name_or_prefix}")
    return result.rowcount


class SqlDirectory:
    def __init__(self, conn: AsyncConnection) -> None:
        self._conn = conn

    async def branch_exists(self, code: str) -> bool:
        return bool(await self._conn.scalar(sa.select(branches.c.code).where(branches.c.code == code)))

    async def staff_member(self, user_id: uuid.UUID) -> StaffMember | None:
        row = (
            await self._conn.execute(
                sa.select(users.c.id, users.c.role, users.c.branch_code, users.c.active).where(users.c.id == user_id)
            )
        ).first()
        if row is None:
            return None
        return StaffMember(user_id=row.id, role=Role(row.role), branch=row.branch_code, active=row.active)
