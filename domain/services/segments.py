"""Segment use cases: rules checked here (parsed, typed) before anything reaches the database."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from typing import Any

from domain.access import Action, Principal
from domain.errors import Conflict, InvalidValue
from domain.value.segments_rules import rule_from_input

CODE = re.compile(r"^[a-z0-9][a-z0-9_\-]{1,63}$")


class SegmentKind:
    RULE = "rule"
    STATIC = "static"


@dataclass(frozen=True, slots=True)
class SegmentDraft:
    """A segment as asked for, validated."""

    id: uuid.UUID
    code: str
    name: str
    kind: str
    rule: dict[str, Any] | None
    rule_text: str | None
    description: str | None


def check_code(code: str) -> str:
    if not CODE.match(code):
        raise InvalidValue("code is 2-64 lower-case letters, digits, '-' or '_'", field="code")
    return code


def draft_segment(
    principal: Principal,
    *,
    code: str,
    name: str,
    kind: str,
    rule_text: str | None,
    rule_json: Any | None,
    description: str | None,
) -> SegmentDraft:
    """Validate a new segment: a rule segment needs a rule that parses; a static list has none."""
    principal.require(Action.MANAGE_SEGMENTS)
    check_code(code)
    if not name.strip():
        raise InvalidValue("a segment needs a name", field="name")
    if kind == SegmentKind.RULE:
        rule = rule_from_input(rule_text, rule_json)
    elif kind == SegmentKind.STATIC:
        if rule_text is not None or rule_json is not None:
            raise Conflict("a static list has no rule; add members instead", field="rule")
        rule = None
    else:
        raise InvalidValue("kind is rule or static", field="kind")
    return SegmentDraft(uuid.uuid4(), code, name.strip(), kind, rule, rule_text, description)


def preview_rule(principal: Principal, rule_text: str | None, rule_json: Any | None) -> dict[str, Any]:
    """The rule to count, checked (marketing and admins preview before they save)."""
    principal.require(Action.MANAGE_SEGMENTS)
    return rule_from_input(rule_text, rule_json)


def changed_rule(kind: str, rule_text: str | None, rule_json: Any | None) -> dict[str, Any] | None:
    """A new rule for an existing segment (None: the rule is not being changed)."""
    if rule_text is None and rule_json is None:
        return None
    if kind != SegmentKind.RULE:
        raise Conflict("a static list has no rule; add members instead", field="rule")
    return rule_from_input(rule_text, rule_json)


def check_static(kind: str) -> None:
    if kind != SegmentKind.STATIC:
        raise Conflict("members of a rule segment follow its rule; only static lists take members", field="kind")
