"""Passwords (argon2), access tokens (JWT) and API keys (random secrets stored only as hashes)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()
# Verifying against this keeps the timing of "no such user" close to "wrong password".
_DUMMY_HASH = _hasher.hash("not-a-real-password")

API_KEY_PREFIX = "crm_"


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


class TokenError(Exception):
    pass


@dataclass(frozen=True, slots=True)
class TokenClaims:
    user_id: uuid.UUID
    username: str
    role: str
    branch: str | None


def issue_token(claims: TokenClaims, *, secret: str, algorithm: str, ttl: timedelta, now: datetime) -> str:
    payload: dict[str, Any] = {
        "sub": str(claims.user_id),
        "usr": claims.username,
        "role": claims.role,
        "branch": claims.branch,
        "iat": int(now.timestamp()),
        "exp": int((now + ttl).timestamp()),
        "iss": "bank-crm",
        "jti": secrets.token_hex(8),
    }
    return jwt.encode(payload, secret, algorithm=algorithm)


def read_token(token: str, *, secret: str, algorithm: str) -> TokenClaims:
    """Verify signature, algorithm (only ours: no 'none', no swapping) and expiry."""
    try:
        data = jwt.decode(
            token, secret, algorithms=[algorithm], issuer="bank-crm", options={"require": ["exp", "sub", "iat"]}
        )
        return TokenClaims(uuid.UUID(data["sub"]), str(data["usr"]), str(data["role"]), data.get("branch"))
    except (jwt.PyJWTError, KeyError, ValueError) as e:
        raise TokenError(str(e)) from None


@dataclass(frozen=True, slots=True)
class NewApiKey:
    prefix: str
    secret: str
    key_hash: str


def new_api_key() -> NewApiKey:
    """A key looks like crm_<prefix>_<secret>; the prefix finds the row, the hash proves the secret."""
    prefix = secrets.token_hex(6)
    body = secrets.token_urlsafe(32)
    full = f"{API_KEY_PREFIX}{prefix}_{body}"
    return NewApiKey(prefix, full, hash_api_key(full))


def hash_api_key(full_key: str) -> str:
    # API keys are long random secrets, so a fast hash is safe here (no dictionary to guess from).
    return hashlib.sha256(full_key.encode()).hexdigest()


def split_api_key(full_key: str) -> str | None:
    """The prefix of a well-formed key, or None."""
    if not full_key.startswith(API_KEY_PREFIX):
        return None
    rest = full_key[len(API_KEY_PREFIX) :]
    prefix, sep, _ = rest.partition("_")
    return prefix if sep and len(prefix) == 12 else None


def api_key_matches(full_key: str, key_hash: str) -> bool:
    return hmac.compare_digest(hash_api_key(full_key), key_hash)
