"""Teller (branch counter) events: cash in and out, transfers, opening and closing accounts, inquiries."""

from __future__ import annotations

from adapters.channels.common import ChannelSpec, Fields, Reader, TypeRule, read_account, read_id, read_product
from domain.feeds import FeedChannel, HoldingAction
from domain.interactions import Channel

T = Channel.TELLER
TYPES: dict[str, TypeRule] = {
    "deposit": TypeRule(T, action=HoldingAction.MOVE_OR_OPEN, sign=+1, amount="required", requires=("account_number",)),
    "withdrawal": TypeRule(
        T, action=HoldingAction.MOVE_OR_OPEN, sign=-1, amount="required", requires=("account_number",)
    ),
    # an outgoing transfer from account_number; money coming in arrives as a deposit
    "transfer": TypeRule(
        T, action=HoldingAction.MOVE_OR_OPEN, sign=-1, amount="required", requires=("account_number",)
    ),
    "account_open": TypeRule(
        T, sign=+1, amount="optional", action=HoldingAction.OPEN, requires=("account_number", "product_code")
    ),
    "account_close": TypeRule(T, amount="none", action=HoldingAction.CLOSE, requires=("account_number",)),
    "inquiry": TypeRule(T),
    # buying a product (a wealth product, insurance) paid from account_number
    "product_purchase": TypeRule(T, sign=-1, amount="required", requires=("product_code",)),
}


def read(r: Reader, kind: str, rule: TypeRule) -> Fields:
    branch = r.text("branch_code", max_len=16)
    teller = read_id(r, "teller_id")
    account = read_account(r)
    product = read_product(r)
    balance_after = r.amount("balance_after", required=False, allow_negative=True)
    if balance_after is not None and account is None:
        r.fail("balance_after", "needs the account_number it is the balance of")
    if balance_after is not None and r.event.get("currency") is None:
        r.fail("currency", "is required with balance_after")
    summary = f"{kind.replace('_', ' ')} at branch {branch}" if branch else kind.replace("_", " ")
    return Fields(
        account_number=account,
        product_code=product,
        balance_after=balance_after,
        actor=teller,
        summary=summary,
    )


SPEC = ChannelSpec(FeedChannel.TELLER, TYPES, read)
