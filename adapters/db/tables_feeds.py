"""Tables of the feeds area (kept apart so areas evolve without stepping on each other)."""

from __future__ import annotations

import sqlalchemy as sa

from adapters.db.tables import metadata
from adapters.db.types import JSONDoc, UTCDateTime

# One row per (channel, source_ref) ever applied: claimed first in an event's transaction, so two writers
# carrying the same event can never both apply it. The content hash tells a resend from a reused ref.
feed_events = sa.Table(
    "feed_events",
    metadata,
    sa.Column("channel", sa.String(16), primary_key=True),
    sa.Column("source_ref", sa.String(128), primary_key=True),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("received_at", UTCDateTime, nullable=False),
)

# Refused events with their reasons, until corrected and replayed, or discarded with a reason.
# `document` is the event as sent, except that a card number is replaced by its token and last four digits.
feed_quarantine = sa.Table(
    "feed_quarantine",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    sa.Column("channel", sa.String(16), nullable=False),
    sa.Column("source_ref", sa.String(128)),
    sa.Column("content_hash", sa.String(64)),
    sa.Column("document", JSONDoc),
    sa.Column("errors", JSONDoc, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),  # the errors as one searchable line
    sa.Column("status", sa.String(16), nullable=False),  # open, replayed, discarded
    sa.Column("received_at", UTCDateTime, nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False, server_default="1"),
    sa.Column("resolved_at", UTCDateTime),
    sa.Column("resolved_by", sa.String(160)),
    sa.Column("resolution_note", sa.Text),
    sa.Index("ix_feed_quarantine_received", "received_at", "id"),
    sa.Index("ix_feed_quarantine_ref", "channel", "source_ref"),
)

# The time of the newest balance a source reported for a holding: amounts older than it are already in it.
feed_balance_marks = sa.Table(
    "feed_balance_marks",
    metadata,
    sa.Column("holding_id", sa.Uuid, sa.ForeignKey("holdings.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("reported_at", UTCDateTime, nullable=False),
)

# The audit trail of merges: who merged which customer into which, and what moved.
customer_merges = sa.Table(
    "customer_merges",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    sa.Column("survivor_id", sa.Uuid, sa.ForeignKey("customers.id"), nullable=False),
    sa.Column("merged_id", sa.Uuid, sa.ForeignKey("customers.id"), nullable=False, unique=True),
    sa.Column("merged_by", sa.String(160), nullable=False),
    sa.Column("merged_at", UTCDateTime, nullable=False),
    sa.Column("moved", JSONDoc, nullable=False),
    sa.Index("ix_customer_merges_survivor", "survivor_id"),
)
