"""The segment rule language: a small parser and type checker (no eval), producing a JSON AST.

Text form, e.g. ``age between 25 and 35 and aum > 500000 and not holds('credit_card')``::

    rule       := or
    or         := and ("or" and)*
    and        := not ("and" not)*
    not        := "not" not | "(" rule ")" | holds | comparison
    holds      := "holds" "(" string ")"          -- a product category or product code, not closed
    comparison := attribute op literal
                | attribute "between" literal "and" literal
                | attribute ["not"] "in" "(" literal ("," literal)* ")"
    op         := "=" | "!=" | "<" | "<=" | ">" | ">="
    literal    := number | 'string' | date('YYYY-MM-DD') | true | false

The JSON AST (accepted as input too, and stored) is:
``{"and": [...]}``, ``{"or": [...]}``, ``{"not": node}``, ``{"holds": "credit_card"}``,
``{"attr": "aum", "op": ">", "value": "500000"}`` (op also ``between`` with a two-item list, ``in`` and
``not_in`` with a list). Numbers are decimal strings in the AST so money stays exact; dates are ISO strings.

Errors are `RuleError` (an InvalidValue on field ``rule``) whose message starts with the place:
``at position 17: unknown attribute 'agee'`` for text (positions count characters from 1), or
``at rule.and[1].attr: ...`` for JSON.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from domain.customers import Education, Gender, IncomeBand, LifecycleStage, RiskPreference, Tier
from domain.errors import InvalidValue
from domain.products import ProductCategory


class AttrType(StrEnum):
    NUMBER = "number"
    MONEY = "money"
    DATE = "date"
    TEXT = "text"


@dataclass(frozen=True, slots=True)
class Attribute:
    name: str
    type: AttrType
    description: str
    values: frozenset[str] | None = None  # allowed values of an enumerated text attribute
    integer: bool = False


def _values(enum: type[StrEnum]) -> frozenset[str]:
    return frozenset(e.value for e in enum)


ATTRIBUTES: dict[str, Attribute] = {
    a.name: a
    for a in (
        Attribute("age", AttrType.NUMBER, "age in whole years today (from birth_date)", integer=True),
        Attribute("birth_date", AttrType.DATE, "date of birth"),
        Attribute("customer_since", AttrType.DATE, "the day the customer was registered"),
        Attribute("gender", AttrType.TEXT, "gender", _values(Gender)),
        Attribute("kind", AttrType.TEXT, "individual or business", frozenset({"individual", "business"})),
        Attribute("income_band", AttrType.TEXT, "annual income band", _values(IncomeBand)),
        Attribute("education", AttrType.TEXT, "highest education", _values(Education)),
        Attribute("risk_preference", AttrType.TEXT, "assessed risk appetite", _values(RiskPreference)),
        Attribute("occupation", AttrType.TEXT, "occupation as recorded"),
        Attribute("home_branch", AttrType.TEXT, "home branch code"),
        Attribute("tier", AttrType.TEXT, "value tier", _values(Tier)),
        Attribute("lifecycle_stage", AttrType.TEXT, "lifecycle stage", _values(LifecycleStage)),
        Attribute("aum", AttrType.MONEY, "assets under management today, CNY"),
        Attribute("aum_3m_ago", AttrType.MONEY, "assets under management three months ago, CNY"),
        Attribute("deposit_balance", AttrType.MONEY, "deposit balances, CNY"),
        Attribute("loan_balance", AttrType.MONEY, "loan and card debt outstanding, CNY"),
        Attribute("contribution", AttrType.MONEY, "monthly profit contribution, CNY"),
        Attribute("churn_risk", AttrType.NUMBER, "churn risk from 0 to 1"),
        Attribute("rfm_recency_days", AttrType.NUMBER, "days since the last transaction", integer=True),
        Attribute("rfm_frequency", AttrType.NUMBER, "transactions in the last 90 days", integer=True),
        Attribute("rfm_monetary", AttrType.MONEY, "money moved in the last 90 days, CNY"),
        Attribute("active_products", AttrType.NUMBER, "holdings not closed", integer=True),
    )
}

FUNCTIONS = {"holds": "holds(x): has a holding, not closed, of product category or product code x"}
_CATEGORIES = _values(ProductCategory)


class RuleError(InvalidValue):
    """A rule that does not parse or does not type-check; the message names the place."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"at {where}: {message}", field="rule")
        self.where = where


# ---------------------------------------------------------------- tokens

_TOKEN = re.compile(
    r"\s*(?:(?P<number>-?\d+(?:\.\d+)?)|(?P<string>'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")"
    r"|(?P<op><=|>=|!=|<>|=|<|>)|(?P<punct>[(),])|(?P<ident>[A-Za-z_][A-Za-z0-9_]*))"
)
_KEYWORDS = {"and", "or", "not", "between", "in", "true", "false", "date", "holds"}


@dataclass(frozen=True, slots=True)
class _Tok:
    kind: str  # number, string, op, punct, ident, keyword, end
    text: str
    pos: int  # 1-based character position


def _tokenize(text: str) -> list[_Tok]:
    out: list[_Tok] = []
    i = 0
    while i < len(text):
        if text[i].isspace():
            i += 1
            continue
        m = _TOKEN.match(text, i)
        if m is None or m.lastgroup is None:
            raise RuleError(f"position {i + 1}", f"unexpected character {text[i]!r}")
        kind = m.lastgroup
        value = m.group(kind)
        start = m.start(kind)
        if kind == "ident" and value.lower() in _KEYWORDS:
            kind, value = "keyword", value.lower()
        if kind == "string":
            value = value[1:-1].replace("\\'", "'").replace('\\"', '"')
        out.append(_Tok(kind, value, start + 1))
        i = m.end()
    out.append(_Tok("end", "", len(text) + 1))
    return out


# ---------------------------------------------------------------- literals


@dataclass(frozen=True, slots=True)
class _Lit:
    kind: str  # number, string, date, bool
    value: Any
    pos: str


def _describe(lit: _Lit) -> str:
    return {"number": "the number", "string": "the text", "date": "the date", "bool": "the boolean"}[lit.kind] + (
        f" {lit.value}" if lit.kind != "string" else f" '{lit.value}'"
    )


def _check_value(attr: Attribute, lit: _Lit) -> str:
    """The literal as stored in the AST (a string), if it fits the attribute's type."""
    if attr.type in (AttrType.NUMBER, AttrType.MONEY):
        if lit.kind != "number":
            raise RuleError(lit.pos, f"{attr.name} is a {attr.type.value}; cannot compare it with {_describe(lit)}")
        number: Decimal = lit.value
        if attr.integer and number != number.to_integral_value():
            raise RuleError(lit.pos, f"{attr.name} is a whole number; {number} is not")
        return format(number, "f")
    if attr.type is AttrType.DATE:
        if lit.kind == "date":
            return str(lit.value.isoformat())
        if lit.kind == "string":
            try:
                return date.fromisoformat(lit.value).isoformat()
            except ValueError:
                pass
        raise RuleError(lit.pos, f"{attr.name} is a date; cannot compare it with {_describe(lit)}")
    if lit.kind != "string":
        raise RuleError(lit.pos, f"{attr.name} is text; cannot compare it with {_describe(lit)}")
    if attr.values is not None and lit.value not in attr.values:
        raise RuleError(lit.pos, f"'{lit.value}' is not a {attr.name}; one of {', '.join(sorted(attr.values))}")
    return str(lit.value)


_ORDERING = {"<", "<=", ">", ">="}


def _comparison(attr: Attribute, op: str, values: list[_Lit], op_pos: str) -> dict[str, Any]:
    if op in _ORDERING and attr.type is AttrType.TEXT:
        raise RuleError(op_pos, f"{attr.name} is text; use =, != or in, not {op}")
    checked = [_check_value(attr, v) for v in values]
    if op == "between":
        low, high = checked
        if attr.type is not AttrType.TEXT and _order_key(attr, low) > _order_key(attr, high):
            raise RuleError(values[0].pos, f"between needs the lower bound first ({low} > {high})")
        return {"attr": attr.name, "op": op, "value": [low, high]}
    if op in ("in", "not_in"):
        return {"attr": attr.name, "op": op, "value": checked}
    return {"attr": attr.name, "op": op, "value": checked[0]}


def _order_key(attr: Attribute, value: str) -> Any:
    return date.fromisoformat(value) if attr.type is AttrType.DATE else Decimal(value)


# ---------------------------------------------------------------- text parser


class _Parser:
    def __init__(self, text: str) -> None:
        self.toks = _tokenize(text)
        self.i = 0

    @property
    def tok(self) -> _Tok:
        return self.toks[self.i]

    def where(self, tok: _Tok | None = None) -> str:
        return f"position {(tok or self.tok).pos}"

    def fail(self, message: str, tok: _Tok | None = None) -> RuleError:
        return RuleError(self.where(tok), message)

    def take(self) -> _Tok:
        t = self.tok
        self.i += 1
        return t

    def expect(self, kind: str, text: str | None = None) -> _Tok:
        t = self.tok
        if t.kind != kind or (text is not None and t.text != text):
            wanted = repr(text) if text else {"string": "a quoted text such as 'credit_card'"}.get(kind, kind)
            got = "the end of the rule" if t.kind == "end" else repr(t.text)
            raise self.fail(f"expected {wanted}, found {got}")
        return self.take()

    def is_kw(self, word: str) -> bool:
        return self.tok.kind == "keyword" and self.tok.text == word

    def rule(self) -> dict[str, Any]:
        if self.tok.kind == "end":
            raise self.fail("the rule is empty")
        node = self.or_()
        if self.tok.kind != "end":
            raise self.fail(f"unexpected {self.tok.text!r}; expected and, or, or the end of the rule")
        return node

    def or_(self) -> dict[str, Any]:
        parts = [self.and_()]
        while self.is_kw("or"):
            self.take()
            parts.append(self.and_())
        return parts[0] if len(parts) == 1 else {"or": parts}

    def and_(self) -> dict[str, Any]:
        parts = [self.not_()]
        while self.is_kw("and"):
            self.take()
            parts.append(self.not_())
        return parts[0] if len(parts) == 1 else {"and": parts}

    def not_(self) -> dict[str, Any]:
        if self.is_kw("not"):
            self.take()
            return {"not": self.not_()}
        if self.tok.kind == "punct" and self.tok.text == "(":
            self.take()
            node = self.or_()
            self.expect("punct", ")")
            return node
        if self.is_kw("holds"):
            self.take()
            self.expect("punct", "(")
            arg = self.tok
            code = self.expect("string").text
            self.expect("punct", ")")
            return {"holds": _check_holds(code, self.where(arg))}
        return self.comparison()

    def comparison(self) -> dict[str, Any]:
        t = self.tok
        if t.kind != "ident":
            got = "the end of the rule" if t.kind == "end" else repr(t.text)
            raise self.fail(f"expected an attribute, found {got}")
        self.take()
        attr = ATTRIBUTES.get(t.text.lower())
        if attr is None:
            raise self.fail(f"unknown attribute '{t.text}'{_suggest(t.text)}", t)
        op_tok = self.tok
        if op_tok.kind == "op":
            self.take()
            op = "!=" if op_tok.text == "<>" else op_tok.text
            return _comparison(attr, op, [self.literal()], self.where(op_tok))
        if self.is_kw("between"):
            self.take()
            low = self.literal()
            self.expect("keyword", "and")
            return _comparison(attr, "between", [low, self.literal()], self.where(op_tok))
        negated = False
        if self.is_kw("not"):
            self.take()
            negated = True
        if self.is_kw("in"):
            self.take()
            self.expect("punct", "(")
            items = [self.literal()]
            while self.tok.kind == "punct" and self.tok.text == ",":
                self.take()
                items.append(self.literal())
            self.expect("punct", ")")
            return _comparison(attr, "not_in" if negated else "in", items, self.where(op_tok))
        got = "the end of the rule" if op_tok.kind == "end" else repr(op_tok.text)
        raise self.fail(f"expected a comparison (=, !=, <, <=, >, >=, between, in) after {attr.name}, found {got}")

    def literal(self) -> _Lit:
        t = self.tok
        where = self.where(t)
        if t.kind == "number":
            self.take()
            try:
                return _Lit("number", Decimal(t.text), where)
            except InvalidOperation:  # pragma: no cover - the regex only admits decimals
                raise self.fail(f"{t.text!r} is not a number", t) from None
        if t.kind == "string":
            self.take()
            return _Lit("string", t.text, where)
        if t.kind == "keyword" and t.text in ("true", "false"):
            self.take()
            return _Lit("bool", t.text == "true", where)
        if t.kind == "keyword" and t.text == "date":
            self.take()
            self.expect("punct", "(")
            arg = self.expect("string")
            self.expect("punct", ")")
            try:
                return _Lit("date", date.fromisoformat(arg.text), where)
            except ValueError:
                raise self.fail(f"'{arg.text}' is not a date (YYYY-MM-DD)", arg) from None
        got = "the end of the rule" if t.kind == "end" else repr(t.text)
        raise self.fail(f"expected a value (number, 'text' or date('YYYY-MM-DD')), found {got}")


def _suggest(name: str) -> str:
    lowered = name.lower()
    close = [a for a in ATTRIBUTES if a.startswith(lowered[:3])]
    return f" (did you mean {close[0]}?)" if close else ""


def _check_holds(code: Any, where: str) -> str:
    if not isinstance(code, str) or not re.fullmatch(r"[A-Za-z0-9_\-]{1,32}", code):
        raise RuleError(where, "holds() takes a product category or product code, e.g. holds('credit_card')")
    return code


def parse_rule(text: str) -> dict[str, Any]:
    """Parse a text rule into the JSON AST, or raise RuleError naming the position."""
    if len(text) > 4000:
        raise RuleError("position 4001", "the rule is longer than 4,000 characters")
    return _Parser(text).rule()


# ---------------------------------------------------------------- JSON AST

_MAX_DEPTH = 32


def validate_ast(node: Any, where: str = "rule", depth: int = 0) -> dict[str, Any]:
    """Check a JSON AST (as stored, or sent by a client) and return it normalised."""
    if depth > _MAX_DEPTH:
        raise RuleError(where, "the rule nests too deeply")
    if not isinstance(node, dict) or len(node) == 0:
        raise RuleError(where, 'expected an object such as {"attr": ..., "op": ..., "value": ...}')
    if set(node) == {"and"} or set(node) == {"or"}:
        key = next(iter(node))
        parts = node[key]
        if not isinstance(parts, list) or len(parts) < 1:
            raise RuleError(f"{where}.{key}", "expected a non-empty list of rules")
        return {key: [validate_ast(p, f"{where}.{key}[{i}]", depth + 1) for i, p in enumerate(parts)]}
    if set(node) == {"not"}:
        return {"not": validate_ast(node["not"], f"{where}.not", depth + 1)}
    if set(node) == {"holds"}:
        return {"holds": _check_holds(node["holds"], f"{where}.holds")}
    if set(node) == {"attr", "op", "value"}:
        name = node["attr"]
        attr = ATTRIBUTES.get(name) if isinstance(name, str) else None
        if attr is None:
            raise RuleError(f"{where}.attr", f"unknown attribute {name!r}")
        op = node["op"]
        if op not in ("=", "!=", "<", "<=", ">", ">=", "between", "in", "not_in"):
            raise RuleError(f"{where}.op", f"unknown operator {op!r}")
        raw = node["value"]
        if op in ("between", "in", "not_in"):
            if not isinstance(raw, list) or (op == "between" and len(raw) != 2) or not raw or len(raw) > 500:
                wanted = "two values" if op == "between" else "a list of 1 to 500 values"
                raise RuleError(f"{where}.value", f"{op} needs {wanted}")
            lits = [_json_literal(attr, v, f"{where}.value[{i}]") for i, v in enumerate(raw)]
        else:
            lits = [_json_literal(attr, raw, f"{where}.value")]
        return _comparison(attr, op, lits, f"{where}.op")
    raise RuleError(where, f"unknown rule keys {sorted(node)}; use and, or, not, holds or attr/op/value")


def _json_literal(attr: Attribute, value: Any, where: str) -> _Lit:
    if isinstance(value, bool):
        return _Lit("bool", value, where)
    if isinstance(value, int):
        return _Lit("number", Decimal(value), where)
    if isinstance(value, float):
        raise RuleError(where, "send numbers as integers or decimal strings, not floats")
    if isinstance(value, str):
        if attr.type in (AttrType.NUMBER, AttrType.MONEY):
            try:
                number = Decimal(value)
            except InvalidOperation:
                return _Lit("string", value, where)
            if number.is_finite():
                return _Lit("number", number, where)
        return _Lit("string", value, where)
    raise RuleError(where, "expected a number, a string or a date")


def rule_from_input(text: str | None, ast: Any | None) -> dict[str, Any]:
    """A segment rule from either its text or its JSON AST (exactly one)."""
    if (text is None) == (ast is None):
        raise InvalidValue("send the rule as text (rule) or as JSON (rule_json), exactly one", field="rule")
    if text is not None:
        return parse_rule(text)
    return validate_ast(ast)


def attributes_used(node: dict[str, Any]) -> set[str]:
    """The attribute names a rule reads (for documentation and index hints)."""
    if "and" in node or "or" in node:
        found: set[str] = set()
        for part in node.get("and", node.get("or", [])):
            found |= attributes_used(part)
        return found
    if "not" in node:
        return attributes_used(node["not"])
    if "holds" in node:
        return {"holds"}
    return {node["attr"]}
