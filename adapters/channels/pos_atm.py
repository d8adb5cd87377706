"""POS and ATM terminal events. ATM types land on the `atm` channel of the timeline, POS types on `pos`."""

from __future__ import annotations

from adapters.channels.common import TOKEN_PATTERN, ChannelSpec, Fields, Reader, TypeRule, read_account, read_id
from domain.feeds import FeedChannel
from domain.interactions import Channel

A, P = Channel.ATM, Channel.POS
TYPES: dict[str, TypeRule] = {
    "atm_withdrawal": TypeRule(A, sign=-1, amount="required"),
    "atm_deposit": TypeRule(A, sign=+1, amount="required"),
    "atm_transfer": TypeRule(A, sign=-1, amount="required"),
    "atm_balance_inquiry": TypeRule(A),
    "pos_purchase": TypeRule(P, sign=-1, amount="required"),
    "pos_refund": TypeRule(P, sign=+1, amount="required"),
}


def read(r: Reader, kind: str, rule: TypeRule) -> Fields:
    terminal = read_id(r, "terminal_id", required=True)
    location = r.text("location", max_len=256)
    token = r.text("card_token", pattern=TOKEN_PATTERN, hint=": 4-128 letters/digits")
    account = read_account(r)
    where = location or terminal
    summary = f"{kind.replace('_', ' ')} at {where}" if where else kind.replace("_", " ")
    return Fields(account_number=account, card_token=token, actor=terminal, summary=summary)


SPEC = ChannelSpec(FeedChannel.POS_ATM, TYPES, read)
