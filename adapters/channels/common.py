"""What every channel's events share: reading and checking fields, card numbers, hashing, the customer block.

Each event is read on its own and every problem is reported against its own field ("amount",
"customer.phone"), so one bad event never sinks its batch.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal
from typing import Any

import orjson

from domain.customers import E164, IdDocument, IdDocumentType
from domain.errors import InvalidValue
from domain.feeds import (
    CustomerRef,
    FeedChannel,
    FeedCommand,
    FieldError,
    HoldingAction,
    Submitted,
)
from domain.interactions import Channel
from domain.money import CURRENCIES, Money, parse_amount

_BASE_FIELDS = frozenset({"source_ref", "type", "occurred_at", "customer"})
_CUSTOMER_FIELDS = ("customer_number", "id_document", "phone", "card_token", "online_user_id")
_TOKEN = re.compile(r"^[A-Za-z0-9_.:\-]{4,128}$")
_CODE = re.compile(r"^[A-Za-z0-9_.\-]{1,32}$")
_CUSTOMER_NUMBER = re.compile(r"^[A-Z0-9][A-Z0-9-]{3,31}$")
_AMOUNT = re.compile(r"-?[0-9]{1,16}(\.[0-9]{1,4})?")
_ACCOUNT = re.compile(r"^[A-Za-z0-9\-]{4,34}$")
# A run of 13-19 digits, possibly grouped by spaces or dashes, as card numbers are written.
_DIGIT_RUN = re.compile(r"(?<![0-9])[0-9](?:[ \-]?[0-9]){12,22}(?![0-9])")
# A UUID quoted in free text (a case or request id): its digit groups can look like a card number (about 1 random
# UUID in 500 would lose digits), and no card number is written in its 8-4-4-4-12 shape.
_UUID = re.compile(r"(?<![0-9A-Za-z])[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}(?![0-9A-Za-z])")
# Fields whose digits are not card numbers: phone numbers and account numbers keep their form.
_NOT_CARD_FIELDS = frozenset({"phone", "ani", "account_number", "source_ref"})
MAX_TEXT = 2000


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def is_card_number(text: str) -> bool:
    digits = re.sub(r"[ \-]", "", text)
    return digits.isdigit() and 13 <= len(digits) <= 19 and luhn_ok(digits)


def card_token(pan_digits: str, key: str) -> str:
    """A keyed, stable token for a card number: the same card always gets the same token, nobody can invert it."""
    mac = hmac.new(key.encode(), pan_digits.encode(), hashlib.sha256).digest()
    return "tok_" + base64.b32encode(mac).decode().rstrip("=").lower()[:26]


def _mask_card(m: re.Match[str]) -> str:
    run = m.group(0)
    if is_card_number(run):
        return f"[card ****{re.sub(r'[ -]', '', run)[-4:]}]"
    return run


# How many texts `_mask_runs` has read differently from the reading before 2026-12-03 (which masked digits inside
# UUIDs too): `read_event` compares it before and after scrubbing one event (scrub runs start to end in one
# thread), and only then works out the hash that reading gave.
_uuid_saves = [0]


def _mask_runs(text: str) -> str:
    masked = _DIGIT_RUN.sub(_mask_card, text)
    if masked == text or "-" not in text or _UUID.search(text) is None:
        return masked  # nothing masked (the common case), or nothing masked inside a UUID
    out: list[str] = []  # mask around the UUIDs, never inside one
    last = 0
    for m in _UUID.finditer(text):
        out += (_DIGIT_RUN.sub(_mask_card, text[last : m.start()]), m.group(0))
        last = m.end()
    out.append(_DIGIT_RUN.sub(_mask_card, text[last:]))
    kept = "".join(out)
    if kept != masked:
        _uuid_saves[0] += 1
    return kept


def scrub(value: Any, key: str | None = None, floats: list[float] | None = None) -> Any:
    """The value with any card number hidden inside free text masked to its last four digits.

    `floats`, when given, collects the JSON numbers with a fraction or exponent met on the way (see
    `canonical_json`)."""
    if isinstance(value, str):
        if key in _NOT_CARD_FIELDS or len(value) < 13:
            return value
        return _mask_runs(value)
    if isinstance(value, dict):
        return _scrub_object(value, floats)
    if isinstance(value, list):
        return [scrub(v, key, floats) for v in value]
    if floats is not None and isinstance(value, float):
        floats.append(value)
    return value


def _scrub_before_uuids(value: Any, key: str | None = None) -> Any:
    """`scrub` as it read text until 2026-12-03, when it could mask digits inside a UUID: for the hash such an
    event was stored under then (see `read_event`)."""
    if isinstance(value, str):
        return value if key in _NOT_CARD_FIELDS or len(value) < 13 else _DIGIT_RUN.sub(_mask_card, value)
    if isinstance(value, dict):
        return {k: _scrub_before_uuids(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_scrub_before_uuids(v, key) for v in value]
    return value


def earlier_reading_hash(document: Any) -> str | None:
    """The hash a scrubbed `document` had under the reading before 2026-12-03, when that differs (digits inside a
    UUID were masked then); None when the two readings agree, as for nearly every document."""
    before = _scrub_before_uuids(document)
    return None if before == document else content_hash(before)


def _scrub_object(value: dict[str, Any], floats: list[float] | None) -> dict[str, Any]:
    """`scrub` of a JSON object: the common kinds of value inline, the same tests as `scrub`'s (an event's
    fields are a dozen short texts and numbers; a call per field was most of the time)."""
    out: dict[str, Any] = {}
    for k, v in value.items():
        kind = type(v)
        if kind is str:
            out[k] = v if len(v) < 13 or k in _NOT_CARD_FIELDS else _mask_runs(v)
        elif kind is dict:
            out[k] = _scrub_object(v, floats)
        elif kind is int or kind is bool or v is None:
            out[k] = v
        else:
            out[k] = scrub(v, k, floats)
    return out


def canonical_json(document: Any, *, float_free: bool = False) -> str:
    """The text an event's content hash is taken of: sorted keys, no spaces, UTF-8 as is.

    Hashes stored years ago must still match, so this is, byte for byte, what the standard library's
    `json.dumps(sort_keys=True, separators=(",", ":"), ensure_ascii=False)` writes. orjson writes the same for
    documents without floats (it formats exponents differently, and NaN as null) about five times faster:
    callers that know a document is `float_free` (from `scrub`) get it; an integer beyond 64 bits or a lone
    surrogate, which orjson refuses, falls back. tests/unit/test_feeds_hash.py holds the two to each other.
    """
    if float_free:
        try:
            return orjson.dumps(document, option=orjson.OPT_SORT_KEYS).decode()
        except orjson.JSONEncodeError:
            pass
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def content_hash(document: Any, text: str | None = None) -> str:
    """The fingerprint deciding 'same event again' (duplicate) from 'same ref, other content' (refused)."""
    return hashlib.sha256((text if text is not None else canonical_json(document)).encode()).hexdigest()


# JSON writes a NUL character as \u0000 (an escaped backslash before it means the text "\u0000", not NUL).
_NUL_IN_JSON = re.compile(r"(?<!\\)(?:\\\\)*\\u0000")


class Reader:
    """Reads one event's fields, collecting every error instead of stopping at the first."""

    def __init__(self, event: dict[str, Any]) -> None:
        self.event = event
        self.errors: list[FieldError] = []

    def fail(self, name: str, message: str) -> None:
        self.errors.append(FieldError(name, message))

    def text(
        self,
        name: str,
        *,
        required: bool = False,
        max_len: int = 128,
        pattern: re.Pattern[str] | None = None,
        hint: str = "",
        source: dict[str, Any] | None = None,
        path: str | None = None,
    ) -> str | None:
        where = self.event if source is None else source
        path = path or name
        value = where.get(name)
        if value is None:
            if required:
                self.fail(path, "is required")
            return None
        if not isinstance(value, str):
            self.fail(path, f"must be a string, not {_json_kind(value)}")
            return None
        if not 1 <= len(value) <= max_len:
            self.fail(path, f"must be 1-{max_len} characters")
            return None
        if pattern is not None and not pattern.match(value):
            self.fail(path, f"has an invalid format{hint}")
            return None
        return value

    def time(self, name: str) -> datetime | None:
        value = self.event.get(name)
        if value is None:
            self.fail(name, "is required")
            return None
        if not isinstance(value, str):
            self.fail(name, "must be an RFC 3339 timestamp string")
            return None
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            self.fail(name, "is not an RFC 3339 timestamp (e.g. 2026-11-23T09:30:00+08:00)")
            return None
        if "T" not in value.upper() and " " not in value:
            self.fail(name, "needs a time of day, not only a date")
            return None
        if moment.tzinfo is None:
            self.fail(name, "needs a UTC offset (e.g. +08:00 or Z)")
            return None
        return moment

    def amount(self, name: str, *, required: bool, allow_negative: bool = False) -> Decimal | None:
        value = self.event.get(name)
        if value is None:
            if required:
                self.fail(name, "is required for this event type")
            return None
        if not isinstance(value, str):
            self.fail(name, f'must be a decimal string such as "125.00", not {_json_kind(value)}')
            return None
        if not _AMOUNT.fullmatch(value.strip()):
            self.fail(name, f"{value[:40]!r} is not a decimal amount with at most 4 decimal places")
            return None
        try:
            amount = parse_amount(value.strip(), field=name)
        except InvalidValue as e:
            self.fail(name, e.message)
            return None
        if amount < 0 and not allow_negative:
            self.fail(name, "must not be negative; the event type says which way the money moves")
            return None
        return amount

    def currency(self, *, required: bool) -> str | None:
        value = self.event.get("currency")
        if value is None:
            if required:
                self.fail("currency", "is required with an amount")
            return None
        if not isinstance(value, str) or value not in CURRENCIES:
            self.fail("currency", f"{str(value)[:8]!r} is not an ISO 4217 currency code")
            return None
        return value

    def phone(self, name: str, source: dict[str, Any] | None = None, path: str | None = None) -> str | None:
        where = self.event if source is None else source
        value = where.get(name)
        if value is None:
            return None
        if not isinstance(value, str) or not E164.match(value):
            self.fail(path or name, "is not an E.164 phone number (e.g. +8613812345678)")
            return None
        return value

    def integer(self, name: str, low: int, high: int) -> int | None:
        value = self.event.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(name, f"must be a whole number from {low} to {high}")
            return None
        if not low <= value <= high:
            self.fail(name, f"must be from {low} to {high}")
            return None
        return value

    def customer(self) -> CustomerRef | None:
        block = self.event.get("customer")
        if block is None:
            self.fail("customer", "is required: give customer_number, id_document, phone, card_token or online_user_id")
            return None
        if not isinstance(block, dict):
            self.fail("customer", "must be an object")
            return None
        unknown = sorted(set(block) - set(_CUSTOMER_FIELDS))
        for name in unknown:
            self.fail(f"customer.{name}", "unknown identity; use " + ", ".join(_CUSTOMER_FIELDS))
        before = len(self.errors)
        number = self.text(
            "customer_number",
            source=block,
            path="customer.customer_number",
            max_len=32,
            pattern=_CUSTOMER_NUMBER,
            hint=": 4-32 upper-case letters, digits or dashes",
        )
        document = self._id_document(block.get("id_document"))
        phone = self.phone("phone", source=block, path="customer.phone")
        token = self.text(
            "card_token", source=block, path="customer.card_token", pattern=_TOKEN, hint=": 4-128 letters/digits"
        )
        online = self.text(
            "online_user_id",
            source=block,
            path="customer.online_user_id",
            pattern=_TOKEN,
            hint=": 4-128 letters/digits",
        )
        if len(self.errors) > before or unknown:
            return None
        ref = CustomerRef(number, document, phone, token, online)
        if not ref.identities():
            self.fail("customer", "needs at least one of " + ", ".join(_CUSTOMER_FIELDS))
            return None
        return ref

    def _id_document(self, value: Any) -> IdDocument | None:
        if value is None:
            return None
        if not isinstance(value, dict):
            self.fail("customer.id_document", 'must be an object {"type": ..., "number": ...}')
            return None
        kind = value.get("type")
        try:
            doc_type = IdDocumentType(kind if isinstance(kind, str) else "")
        except ValueError:
            self.fail("customer.id_document.type", "must be one of " + ", ".join(t.value for t in IdDocumentType))
            return None
        number = value.get("number")
        if not isinstance(number, str):
            self.fail("customer.id_document.number", "is required and must be a string")
            return None
        try:
            return IdDocument(doc_type, number)
        except InvalidValue as e:
            self.fail("customer.id_document.number", e.message)
            return None


def _json_kind(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a JSON number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "a string" if isinstance(value, str) else "null"


@dataclass(frozen=True, slots=True)
class TypeRule:
    """How one event type of a channel behaves."""

    channel: Channel
    sign: int = 0  # +1 money in, -1 money out, 0 no balance move
    amount: str = "none"  # "required", "optional" or "none"
    action: HoldingAction = HoldingAction.MOVE
    requires: tuple[str, ...] = ()


@dataclass(slots=True)
class Fields:
    """What a channel reads beyond the common fields."""

    account_number: str | None = None
    product_code: str | None = None
    balance_after: Decimal | None = None
    actor: str | None = None
    summary: str | None = None
    outcome: str | None = None
    card_token: str | None = None
    online_user_id: str | None = None
    phone: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


ChannelReader = Callable[[Reader, str, TypeRule], Fields]

# Fields read into the command itself; everything else in the event stays in the interaction's payload.
_OUT_OF_PAYLOAD = frozenset({"source_ref", "type", "occurred_at", "customer", "amount", "currency", "pan"})


@dataclass(frozen=True, slots=True)
class ChannelSpec:
    channel: FeedChannel
    types: dict[str, TypeRule]
    read: ChannelReader


def read_pan(event: dict[str, Any], key: str) -> tuple[dict[str, Any], list[FieldError], str | None]:
    """Replace a `pan` by its keyed token and last four digits before anything else sees the event."""
    if "pan" not in event:
        return event, [], None
    pan = event["pan"]
    document = {k: v for k, v in event.items() if k != "pan"}
    raw = str(pan) if isinstance(pan, str | int) and not isinstance(pan, bool) else ""
    digits = re.sub(r"[ \-]", "", raw)
    if not (digits.isdigit() and 13 <= len(digits) <= 19):
        document["pan_rejected"] = True
        return document, [FieldError("pan", "must be a card number of 13-19 digits")], None
    if not luhn_ok(digits):
        document["pan_rejected"] = True
        document["card_last4"] = digits[-4:]
        return document, [FieldError("pan", "is not a valid card number (check digit mismatch)")], None
    token = card_token(digits, key)
    document["card_token"] = token
    document["card_last4"] = digits[-4:]
    return document, [], token


def read_event(spec: ChannelSpec, raw: Any, index: int, card_key: str) -> Submitted:
    """Turn one raw event into a command, or into the list of everything wrong with it."""
    if not isinstance(raw, dict):  # kept as sent, with any NUL written out (no database stores it in text)
        return Submitted(index, None, _strip_nul(scrub(raw)), errors=[FieldError("event", "must be a JSON object")])
    event, pan_errors, token_from_pan = read_pan(raw, card_key)
    if "card_token" in raw and token_from_pan is not None:
        pan_errors.append(FieldError("pan", "give card_token or pan, not both"))
    floats: list[float] = []
    uuid_saves = _uuid_saves[0]
    document = scrub(event, None, floats)
    given_ref = document.get("source_ref")
    source_ref = given_ref if isinstance(given_ref, str) and 1 <= len(given_ref) <= 128 else None
    r = Reader(document)
    r.errors.extend(pan_errors)
    text = canonical_json(document, float_free=not floats)
    if "\\u0000" in text and _NUL_IN_JSON.search(text):  # the substring test first: the regex scans slowly
        r.fail("event", "text must not contain NUL characters")
        return Submitted(index, source_ref, _strip_nul(document), errors=r.errors)
    ref = r.text("source_ref", required=True, max_len=128)
    kind = document.get("type")
    rule: TypeRule | None = None
    if kind is None:
        r.fail("type", "is required")
    elif not isinstance(kind, str) or kind not in spec.types:
        r.fail("type", f"{str(kind)[:40]!r} is not a {spec.channel.value} event type; use " + ", ".join(spec.types))
    else:
        rule = spec.types[kind]
    occurred_at = r.time("occurred_at")
    customer = r.customer()
    amount_value = r.amount("amount", required=rule is not None and rule.amount == "required")
    if rule is not None and rule.amount == "none" and amount_value is not None:
        r.fail("amount", f"a {kind} event carries no amount")
    currency = r.currency(required=amount_value is not None)
    fields = spec.read(r, kind if isinstance(kind, str) else "", rule or TypeRule(Channel.TELLER))
    if rule is not None:
        for name in rule.requires:
            if document.get(name) is None and not any(e.field == name for e in r.errors):
                r.fail(name, f"is required for {kind}")
    if r.errors or ref is None or occurred_at is None or customer is None or rule is None:
        return Submitted(index, source_ref, document, errors=r.errors or [FieldError("event", "invalid")])

    customer = _merge_identity(r, customer, "card_token", fields.card_token)
    customer = _merge_identity(r, customer, "online_user_id", fields.online_user_id)
    if customer is None or r.errors:
        return Submitted(index, source_ref, document, errors=r.errors)

    # An event quoting a UUID whose digits the earlier reading masked was stored under another hash: its resend
    # is still the same event.
    earlier_hash = earlier_reading_hash(document) if _uuid_saves[0] != uuid_saves else None
    earlier = (earlier_hash,) if earlier_hash is not None else ()
    money = Money(amount_value, currency) if amount_value is not None and currency is not None else None
    payload = {k: v for k, v in document.items() if k not in _OUT_OF_PAYLOAD}
    payload.update(fields.extra)
    command = FeedCommand(
        channel=spec.channel,
        source_ref=ref,
        type=kind,
        occurred_at=occurred_at,
        customer=customer,
        interaction_channel=rule.channel,
        content_hash=content_hash(document, text),
        earlier_content_hashes=earlier,
        holding_action=rule.action if fields.account_number else HoldingAction.NONE,
        amount=money,
        sign=rule.sign,
        balance_after=fields.balance_after,
        account_number=fields.account_number,
        product_code=fields.product_code,
        actor=fields.actor,
        summary=fields.summary,
        outcome=fields.outcome,
        payload=payload,
    )
    return Submitted(index, ref, document, command=command)


def _merge_identity(r: Reader, customer: CustomerRef | None, name: str, value: str | None) -> CustomerRef | None:
    """A channel-level card_token / online_user_id is also an identity of the customer block."""
    if customer is None or value is None:
        return customer
    current = getattr(customer, name)
    if current is None:
        if name == "card_token":
            return replace(customer, card_token=value)
        return replace(customer, online_user_id=value)
    if current != value:
        r.fail(name, f"differs from customer.{name}")
        return None
    return customer


def _strip_nul(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace("\x00", "\\u0000")
    if isinstance(value, dict):
        return {_strip_nul(k): _strip_nul(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_strip_nul(v) for v in value]
    return value


def read_account(r: Reader) -> str | None:
    return r.text("account_number", max_len=34, pattern=_ACCOUNT, hint=": 4-34 letters, digits or dashes")


def read_product(r: Reader) -> str | None:
    return r.text("product_code", max_len=32, pattern=_CODE, hint=": 1-32 letters, digits, dots or dashes")


def read_free_text(r: Reader, name: str) -> str | None:
    return r.text(name, max_len=MAX_TEXT)


def read_id(r: Reader, name: str, *, required: bool = False) -> str | None:
    return r.text(name, required=required, max_len=128)


TOKEN_PATTERN = _TOKEN
