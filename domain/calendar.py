"""The bank's business day: dates (due, overdue, maturity, opened on, age, tenure) are the bank's local dates.

Instants are kept and compared in UTC everywhere; a *date* is the day on the bank's wall clock. A deposit opened at
the counter at 07:30 in Beijing was opened that day, not the day before (23:30 UTC), and a task due today is
overdue from the bank's midnight, not from UTC's. The zone is a deployment constant (`CRM_BANK_TIMEZONE`), set
once when the process builds its container, like the locale: it is not passed through every call that needs a
date.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from zoneinfo import ZoneInfo

DEFAULT_BANK_ZONE = "Asia/Shanghai"

_zone: tzinfo = ZoneInfo(DEFAULT_BANK_ZONE)


def set_bank_zone(name: str) -> None:
    """Set the bank's time zone (an IANA name such as "Asia/Shanghai"); ValueError if it is not one."""
    global _zone
    _zone = zone_named(name)


def zone_named(name: str) -> tzinfo:
    try:
        return ZoneInfo(name)
    except (ValueError, KeyError) as exc:  # ZoneInfoNotFoundError is a KeyError
        raise ValueError(f"not a time zone: {name!r}") from exc


def bank_zone() -> tzinfo:
    return _zone


def bank_day(at: datetime) -> date:
    """The bank's date at this instant (a naive instant is taken as UTC)."""
    if at.tzinfo is None:
        raise ValueError("a naive datetime has no bank day")
    return at.astimezone(_zone).date()
