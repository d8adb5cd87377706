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
    sa.Column("kind", sa.String(32), nullable=False),  # large_outflow, maturity, complaint, ...
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

# The latest scores of each customer (written by scoring, read by the 360 view and the call-center context).
customer_scores = sa.Table(
    "customer_scores",
    metadata,
    sa.Column("customer_id", sa.Uuid, sa.ForeignKey("customers.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("currency", sa.String(3), nullable=False),
    sa.Column("aum", Amount, nullable=False),
    sa.Column("aum_3m_ago", Amount, nullable=False),
    sa.Column("deposit_balance", Amount, nullable=False),
    sa.Column("loan_balance", Amount, nullable=False),
    sa.Column("contribution_monthly", Amount, nullable=False),
    sa.Column("rfm_recency_days", sa.Integer),
    sa.Column("rfm_frequency", sa.Integer, nullable=False),
    sa.Column("rfm_monetary", Amount, nullable=False),
    sa.Column("churn_risk", sa.Numeric(5, 4), nullable=False),
    sa.Column("churn_drivers", JSONDoc, nullable=False),  # [{"driver": "...", "weight": "0.31", "text": "..."}]
    sa.Column("value_drivers", JSONDoc, nullable=False),
    sa.Column("tier_reason", sa.Text),
    sa.Column("lifecycle_reason", sa.Text),
    sa.Column("scored_at", UTCDateTime, nullable=False),
    sa.Index("ix_customer_scores_churn", "churn_risk"),
)
