"""Online-banking events: sign-ins, transfers, bill payments, product views and applications, profile changes."""

from __future__ import annotations

import ipaddress

from adapters.channels.common import (
    TOKEN_PATTERN,
    ChannelSpec,
    Fields,
    Reader,
    TypeRule,
    read_account,
    read_id,
    read_product,
)
from domain.feeds import FeedChannel
from domain.interactions import Channel

OB = Channel.ONLINE_BANKING
TYPES: dict[str, TypeRule] = {
    "login": TypeRule(OB),
    "login_failed": TypeRule(OB),
    "transfer": TypeRule(OB, sign=-1, amount="required"),
    "bill_payment": TypeRule(OB, sign=-1, amount="required"),
    "product_view": TypeRule(OB, requires=("product_code",)),
    "product_application": TypeRule(OB, amount="optional", requires=("product_code",)),
    "profile_change": TypeRule(OB),
}


def read(r: Reader, kind: str, rule: TypeRule) -> Fields:
    read_id(r, "session_id")
    user = r.text("online_user_id", pattern=TOKEN_PATTERN, hint=": 4-128 letters/digits")
    ip = r.event.get("ip")
    if ip is not None:
        try:
            ipaddress.ip_address(ip if isinstance(ip, str) else "")
        except ValueError:
            r.fail("ip", "is not an IPv4 or IPv6 address")
    r.text("device", max_len=256)
    product = read_product(r)
    account = read_account(r)
    # product_application's amount is what is applied for: it moves no balance
    summary = f"{kind.replace('_', ' ')} {product}" if product else kind.replace("_", " ")
    return Fields(account_number=account, product_code=product, online_user_id=user, summary=summary)


SPEC = ChannelSpec(FeedChannel.ONLINE_BANKING, TYPES, read)
