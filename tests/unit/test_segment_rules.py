"""The segment rule language: parsing, positions in errors, unknown attributes, types."""

from __future__ import annotations

import pytest

from domain.errors import InvalidValue
from domain.value.segments_rules import RuleError, parse_rule, rule_from_input, validate_ast


def test_the_issue_example_parses_to_the_json_ast() -> None:
    rule = parse_rule("age between 25 and 35 and aum > 500000 and not holds('credit_card')")
    assert rule == {
        "and": [
            {"attr": "age", "op": "between", "value": ["25", "35"]},
            {"attr": "aum", "op": ">", "value": "500000"},
            {"not": {"holds": "credit_card"}},
        ]
    }


def test_and_binds_tighter_than_or_and_parentheses_override() -> None:
    assert parse_rule("tier = 'key' or tier = 'potential' and aum > 1") == {
        "or": [
            {"attr": "tier", "op": "=", "value": "key"},
            {"and": [{"attr": "tier", "op": "=", "value": "potential"}, {"attr": "aum", "op": ">", "value": "1"}]},
        ]
    }
    grouped = parse_rule("(tier = 'key' or tier = 'potential') and aum > 1")
    assert list(grouped) == ["and"]


def test_in_not_in_dates_and_keywords_in_any_case() -> None:
    rule = parse_rule("income_band NOT IN ('over_1m', '300k_1m') AND birth_date < date('1990-01-01')")
    assert rule["and"][0] == {"attr": "income_band", "op": "not_in", "value": ["over_1m", "300k_1m"]}
    assert rule["and"][1] == {"attr": "birth_date", "op": "<", "value": "1990-01-01"}
    assert parse_rule("customer_since >= '2024-02-29'") == {"attr": "customer_since", "op": ">=", "value": "2024-02-29"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("agee > 30", "at position 1: unknown attribute 'agee'"),
        ("aum > 5 and agee > 30", "at position 13: unknown attribute 'agee'"),
        ("birth_date > 5", "at position 14: birth_date is a date; cannot compare it with the number 5"),
        ("customer_since = 2020", "at position 18: customer_since is a date"),
        ("aum > '1000'", "at position 7: aum is a money; cannot compare it with the text '1000'"),
        ("tier = 'gold'", "at position 8: 'gold' is not a tier"),
        ("tier > 'key'", "at position 6: tier is text; use =, != or in"),
        ("age > 30.5", "at position 7: age is a whole number"),
        ("age between 40 and 30", "at position 13: between needs the lower bound first"),
        ("aum >", "at position 6: expected a value"),
        ("aum > 5 and", "at position 12: expected an attribute, found the end of the rule"),
        ("(aum > 5", "at position 9: expected ')'"),
        ("aum > 5 tier = 'key'", "at position 9: unexpected 'tier'"),
        ("aum ~ 5", "at position 5: unexpected character '~'"),
        ("holds(credit_card)", "at position 7: expected a quoted text such as 'credit_card'"),
        ("birth_date > date('1990-13-01')", "at position 19: '1990-13-01' is not a date"),
        ("", "at position 1: the rule is empty"),
    ],
)
def test_bad_rules_name_the_place(text: str, message: str) -> None:
    with pytest.raises(RuleError) as caught:
        parse_rule(text)
    assert caught.value.field == "rule"
    assert caught.value.message.startswith(message), caught.value.message


def test_json_ast_is_checked_with_paths() -> None:
    ok = validate_ast({"and": [{"attr": "aum", "op": ">=", "value": 1000}, {"not": {"holds": "fund"}}]})
    assert ok == {"and": [{"attr": "aum", "op": ">=", "value": "1000"}, {"not": {"holds": "fund"}}]}
    cases = [
        (
            {"and": [{"attr": "aum", "op": ">", "value": 1}, {"attr": "agee", "op": ">", "value": 1}]},
            "at rule.and[1].attr",
        ),
        ({"attr": "birth_date", "op": ">", "value": 5}, "at rule.value: birth_date is a date"),
        ({"attr": "aum", "op": "~", "value": 5}, "at rule.op"),
        ({"attr": "aum", "op": ">", "value": 1.5}, "at rule.value: send numbers as integers or decimal strings"),
        ({"attr": "age", "op": "between", "value": [1]}, "at rule.value: between needs two values"),
        ({"or": []}, "at rule.or"),
        ({"xor": 1}, "at rule: unknown rule keys"),
    ]
    for ast, prefix in cases:
        with pytest.raises(RuleError) as caught:
            validate_ast(ast)
        assert caught.value.message.startswith(prefix), (ast, caught.value.message)


def test_exactly_one_form_of_rule() -> None:
    with pytest.raises(InvalidValue):
        rule_from_input(None, None)
    with pytest.raises(InvalidValue):
        rule_from_input("aum > 1", {"attr": "aum", "op": ">", "value": 1})
    assert rule_from_input(None, {"holds": "fund"}) == {"holds": "fund"}
