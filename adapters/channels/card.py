"""Card events: authorisations, purchases, refunds, repayments, cash advances, declines.

A `pan` is replaced by its keyed token and last four digits in common.read_pan before this module sees it.
"""

from __future__ import annotations

import re

from adapters.channels.common import TOKEN_PATTERN, ChannelSpec, Fields, Reader, TypeRule, read_account, read_id
from domain.feeds import FeedChannel
from domain.interactions import Channel

C = Channel.CARD
TYPES: dict[str, TypeRule] = {
    # an authorisation holds funds but does not move the balance; the purchase does
    "authorization": TypeRule(C, amount="required"),
    "purchase": TypeRule(C, sign=-1, amount="required"),
    "refund": TypeRule(C, sign=+1, amount="required"),
    "repayment": TypeRule(C, sign=+1, amount="required"),
    "cash_advance": TypeRule(C, sign=-1, amount="required"),
    "declined": TypeRule(C, amount="optional"),
}
_MCC = re.compile(r"^[0-9]{4}$")


def read(r: Reader, kind: str, rule: TypeRule) -> Fields:
    token = r.text("card_token", pattern=TOKEN_PATTERN, hint=": 4-128 letters/digits (send a full number as pan)")
    if token is None and not any(e.field in ("card_token", "pan") for e in r.errors):
        customer = r.event.get("customer")
        if not (isinstance(customer, dict) and customer.get("card_token")):
            r.fail("card_token", "is required (or send the card number as pan)")
    merchant = r.text("merchant_name", max_len=128)
    r.text("mcc", pattern=_MCC, hint=": 4 digits (ISO 18245)")
    account = read_account(r)
    reason = read_id(r, "decline_reason")
    summary = f"{kind.replace('_', ' ')} at {merchant}" if merchant else kind.replace("_", " ")
    return Fields(account_number=account, card_token=token, summary=summary, outcome=reason)


SPEC = ChannelSpec(FeedChannel.CARD, TYPES, read)
