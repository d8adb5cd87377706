"""Tables of the value area (kept apart so areas evolve without stepping on each other)."""

from __future__ import annotations

import sqlalchemy as sa

from adapters.db.tables import metadata
from adapters.db.types import Amount, JSONDoc, UTCDateTime

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
    # Added by the value area: the computed tier and stage (mirrored into customers.tier/lifecycle_stage).
    sa.Column("tier", sa.String(16), nullable=False, server_default="ordinary"),
    sa.Column("lifecycle_stage", sa.String(16), nullable=False, server_default="prospect"),
    sa.Column("active_products", sa.Integer, nullable=False, server_default="0"),
    sa.Index("ix_customer_scores_churn", "churn_risk"),
    sa.Index("ix_customer_scores_contribution", "contribution_monthly"),
)

# Pricing parameters of contribution (domain/value/contribution.py documents each and its default).
# A parameter absent here takes its default.
value_parameters = sa.Table(
    "value_parameters",
    metadata,
    sa.Column("name", sa.String(64), primary_key=True),
    sa.Column("value", sa.Numeric(14, 6), nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False),
    sa.Column("updated_by", sa.Uuid, sa.ForeignKey("users.id")),
)

# Population-wide figures kept between runs: the key-tier contribution cutoff of the last full rescore.
value_state = sa.Table(
    "value_state",
    metadata,
    sa.Column("name", sa.String(64), primary_key=True),
    sa.Column("amount", Amount),
    sa.Column("computed_at", UTCDateTime, nullable=False),
)

# Every change of a customer's tier, with when and why.
tier_changes = sa.Table(
    "tier_changes",
    metadata,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True, autoincrement=True),
    sa.Column("customer_id", sa.Uuid, sa.ForeignKey("customers.id", ondelete="CASCADE"), nullable=False),
    sa.Column("from_tier", sa.String(16)),
    sa.Column("to_tier", sa.String(16), nullable=False),
    sa.Column("changed_at", UTCDateTime, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Index("ix_tier_changes_customer", "customer_id", "changed_at"),
)

# What a segment is beyond segments/segment_members (core tables, read by customer search): its text
# rule as written, description, owner and when its members were last refreshed.
segment_details = sa.Table(
    "segment_details",
    metadata,
    sa.Column("segment_id", sa.Uuid, sa.ForeignKey("segments.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("description", sa.Text),
    sa.Column("rule_text", sa.Text),
    sa.Column("created_by", sa.Uuid, sa.ForeignKey("users.id")),
    sa.Column("updated_at", UTCDateTime, nullable=False),
    sa.Column("refreshed_at", UTCDateTime),
)

# Customers whose scores, tiers, alerts and rule segments are due for recomputation: a feed's transaction
# appends the customers it changed and commits; the scorer (adapters/scorer.py) takes what is queued, scores
# it set-based and deletes it in one transaction, so nothing queued is lost if scoring fails. A customer may be
# queued many times between two passes; a pass scores each once.
rescore_queue = sa.Table(
    "rescore_queue",
    metadata,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True, autoincrement=True),
    sa.Column("customer_id", sa.Uuid, nullable=False),
    sa.Column("queued_at", UTCDateTime, nullable=False),
)

# When the scorer's next paced pass may start (one row, id 1): shared by every process's scorer, so that while
# feeds keep coming, passes are spaced out across all of them (adapters/scorer.py).
scoring_pace = sa.Table(
    "scoring_pace",
    metadata,
    sa.Column("id", sa.SmallInteger, primary_key=True, autoincrement=False),
    sa.Column("next_pass_at", UTCDateTime, nullable=False),
)
