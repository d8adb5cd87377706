"""Value rules that need no database: parameters, the key-tier cutoff, churn weights, alert states."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.access import Principal, Role
from domain.errors import Conflict, Forbidden, InvalidValue
from domain.services.value import update_parameters
from domain.value import churn, contribution
from domain.value.alerts import AlertStatus, next_status
from domain.value.tiers import key_cutoff


def test_parameter_defaults_are_inside_their_ranges() -> None:
    for p in contribution.PARAMETERS:
        assert p.check(p.default) == p.default
    assert contribution.defaults()["fx_usd_cny"] == Decimal("7.1000")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"ftp_spread_current": "0.5"}, "ftp_spread_current"),
        ({"cost_teller": "-1"}, "cost_teller"),
        ({"fx_usd_cny": "70"}, "fx_usd_cny"),
        ({"nonsense": "1"}, "nonsense"),
        ({"interchange_rate": 0.01}, "interchange_rate"),
        ({"interchange_rate": "abc"}, "interchange_rate"),
    ],
)
def test_parameter_changes_out_of_range_name_the_field(changes: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        contribution.check_changes(changes)
    assert caught.value.field == field


class _Store:
    def __init__(self) -> None:
        self.saved: dict[str, Decimal] = {}

    async def save_parameters(self, values: dict[str, Decimal], by: object, at: object) -> None:
        self.saved.update(values)


async def test_only_admins_change_parameters() -> None:
    from datetime import UTC, datetime

    store = _Store()
    rm = Principal(subject="rm", kind="user", role=Role.RM)
    with pytest.raises(Forbidden):
        await update_parameters(store, rm, {"cost_teller": "30"}, datetime.now(UTC))
    admin = Principal(subject="a", kind="user", role=Role.ADMIN)
    await update_parameters(store, admin, {"cost_teller": "30"}, datetime.now(UTC))
    assert store.saved == {"cost_teller": Decimal("30")}


def test_key_cutoff_takes_the_top_share_of_positive_contribution() -> None:
    values = [Decimal(v) for v in ("500", "300", "100", "50", "50", "-20", "0")]
    # total positive 1000; 500 + 300 = 800 reaches 80%: the cutoff is 300
    assert key_cutoff(values, Decimal("0.80")) == Decimal("300")
    assert key_cutoff(values, Decimal("0.81")) == Decimal("100")
    assert key_cutoff(values, Decimal("1")) == Decimal("50")
    assert key_cutoff([Decimal("-1"), Decimal(0)], Decimal("0.8")) is None


def test_churn_weights_make_a_score_between_zero_and_one() -> None:
    assert sum(d.weight for d in churn.DRIVERS) == 1
    assert len({d.code for d in churn.DRIVERS}) == len(churn.DRIVERS)


def test_alert_states_move_forward_only() -> None:
    assert next_status(AlertStatus.OPEN, "acknowledge") is AlertStatus.ACKNOWLEDGED
    assert next_status(AlertStatus.OPEN, "resolve") is AlertStatus.RESOLVED
    assert next_status(AlertStatus.ACKNOWLEDGED, "resolve") is AlertStatus.RESOLVED
    with pytest.raises(Conflict):
        next_status(AlertStatus.ACKNOWLEDGED, "acknowledge")
    with pytest.raises(Conflict):
        next_status(AlertStatus.RESOLVED, "resolve")
