"""Masking of identifiers for roles that may not see them in full."""

from __future__ import annotations


def mask_phone(phone: str) -> str:
    """+8613812345678 -> +86138****5678: enough to confirm with the caller, not to dial."""
    if len(phone) <= 8:
        return phone[:2] + "*" * max(len(phone) - 4, 0) + phone[-2:]
    return phone[:6] + "*" * (len(phone) - 10) + phone[-4:]


def mask_id_number(number: str) -> str:
    """110101199003071234 -> 110***********1234."""
    if len(number) <= 6:
        return "*" * (len(number) - 2) + number[-2:]
    return number[:3] + "*" * (len(number) - 7) + number[-4:]


def mask_account(account: str) -> str:
    """6222020200112233445 -> ****3445."""
    return "****" + account[-4:]


def mask_identity(source: str, key: str) -> str:
    if source == "phone":
        return mask_phone(key)
    if source == "id_document":
        kind, _, number = key.partition(":")
        return f"{kind}:{mask_id_number(number)}"
    if source == "card_token":
        return key[:6] + "…"
    return key
