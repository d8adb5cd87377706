"""Tables of the value area (kept apart so areas evolve without stepping on each other)."""

from __future__ import annotations

import sqlalchemy as sa  # noqa: F401

from adapters.db.tables import metadata  # noqa: F401
from adapters.db.types import Amount, JSONDoc, UTCDateTime  # noqa: F401

# Alerts for relationship managers. Shared by the value area (which raises them), the call-center context
# and the SPA (which show them). One alert per cause: (customer_id, kind, cause_key) is unique.
alerts = sa.Table(
    "alerts",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    sa.Column("customer_id", sa.Uuid, sa.ForeignKey("customers.id"), nullable=False),
    sa.Column(
        "kind", sa.String(32), nullable=False
    ),  # large_outflow, maturity, complaint, ...
    sa.Column("cause_key", sa.String(160), nullable=False),  # what makes two alerts "the same cause"
    sa.Column("severity", sa.String(16), nullable=False),  # low, medium, high
    sa.Column("title", sa.String(256), nullable=False),
    sa.Column("detail", sa.Text),
    sa.Column("status", sa.String(16), nullable=False),  # open, acknowledged, resolved
    sa.Column("assigned_to", sa.Uuid, sa.ForeignKey("users.id")),
    sa.Column("data", JSONDoc, nullable=False),
    sa.Column("raised_at", UTCDateTime, nullable=False),
    sa.Column("acknowledged_at", UTCDateTime),
    sa.Column("resolved_at", UTCDateTime),
    sa.Column("resolution_note", sa.Text),
    sa.UniqueConstraint("customer_id", "kind", "cause_key"),
    sa.Index("ix_alerts_assignee_status", "assigned_to", "status"),
    sa.Index("ix_alerts_customer_status", "customer_id", "status"),
)
