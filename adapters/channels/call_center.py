"""Call-center events: calls, callbacks and complaints, with the agent, queue, outcome and satisfaction."""

from __future__ import annotations

from adapters.channels.common import ChannelSpec, Fields, Reader, TypeRule, read_free_text, read_id
from domain.feeds import FeedChannel
from domain.interactions import Channel

CC = Channel.CALL_CENTER
TYPES: dict[str, TypeRule] = {
    "call_started": TypeRule(CC, requires=("call_id",)),
    "call_ended": TypeRule(CC, requires=("call_id",)),
    "callback_requested": TypeRule(CC),
    "complaint": TypeRule(CC),
}


def read(r: Reader, kind: str, rule: TypeRule) -> Fields:
    read_id(r, "call_id")
    ani = r.phone("ani")
    agent = read_id(r, "agent_id")
    r.text("queue", max_len=64)
    r.integer("duration_s", 0, 86_400)
    disposition = r.text("disposition", max_len=128)
    notes = read_free_text(r, "notes")
    r.integer("satisfaction", 1, 5)
    return Fields(actor=agent, summary=notes or kind.replace("_", " "), outcome=disposition, phone=ani)


SPEC = ChannelSpec(FeedChannel.CALL_CENTER, TYPES, read)
