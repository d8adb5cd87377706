"""Tables of campaigns (an offer to a segment, its frozen members, target and control, and their responses) and
of tasks (what a relationship manager will do, by when)."""

from __future__ import annotations

import sqlalchemy as sa

from adapters.db.tables import metadata
from adapters.db.types import JSONDoc, UTCDateTime

campaigns = sa.Table(
    "campaigns",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    sa.Column("name", sa.String(120), nullable=False),
    sa.Column("description", sa.Text),
    sa.Column("product_code", sa.String(32), sa.ForeignKey("products.code"), nullable=False),
    sa.Column("segment_id", sa.Uuid, sa.ForeignKey("segments.id"), nullable=False),
    sa.Column("channel", sa.String(16), nullable=False),  # a consent channel: phone, sms, email, ...
    sa.Column("control_pct", sa.Integer, nullable=False),
    sa.Column("starts_on", sa.Date, nullable=False),
    sa.Column("ends_on", sa.Date, nullable=False),
    sa.Column("status", sa.String(16), nullable=False),  # draft, active, closed
    sa.Column("created_by", sa.Uuid, sa.ForeignKey("users.id")),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("launched_by", sa.Uuid, sa.ForeignKey("users.id")),
    sa.Column("launched_at", UTCDateTime),
    # How many members of the segment were left out at launch, by reason (domain/campaigns.py: Exclusion).
    sa.Column("excluded", JSONDoc),
    sa.Column("closed_by", sa.Uuid, sa.ForeignKey("users.id")),
    sa.Column("closed_at", UTCDateTime),
    sa.Index("ix_campaigns_status_created", "status", "created_at"),
)

campaign_members = sa.Table(
    "campaign_members",
    metadata,
    sa.Column("campaign_id", sa.Uuid, sa.ForeignKey("campaigns.id"), primary_key=True),
    sa.Column("customer_id", sa.Uuid, sa.ForeignKey("customers.id"), primary_key=True),
    sa.Column("grp", sa.String(8), nullable=False),  # target, control
    sa.Column("response", sa.String(16)),  # contacted, interested, declined, unreachable
    sa.Column("responded_at", UTCDateTime),
    sa.Column("responded_by", sa.Uuid, sa.ForeignKey("users.id")),
    sa.Column("note", sa.Text),
    # A customer's campaigns (the 360 view, the contacts an RM has to make).
    sa.Index("ix_campaign_members_customer", "customer_id", "campaign_id"),
)

tasks = sa.Table(
    "tasks",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    sa.Column("title", sa.String(200), nullable=False),
    sa.Column("note", sa.Text),
    sa.Column("customer_id", sa.Uuid, sa.ForeignKey("customers.id")),
    sa.Column("assignee_id", sa.Uuid, sa.ForeignKey("users.id"), nullable=False),
    sa.Column("due_on", sa.Date, nullable=False),
    sa.Column("status", sa.String(16), nullable=False),  # open, done, cancelled
    sa.Column("created_by", sa.Uuid, sa.ForeignKey("users.id")),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("closed_at", UTCDateTime),
    sa.Column("closed_by", sa.Uuid, sa.ForeignKey("users.id")),
    sa.Column("outcome", sa.Text),
    # Someone's list: their open tasks by day.
    sa.Index("ix_tasks_assignee_status_due", "assignee_id", "status", "due_on"),
    sa.Index("ix_tasks_customer", "customer_id"),
)
