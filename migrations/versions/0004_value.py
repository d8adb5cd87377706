"""value tables

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

import adapters.db.types  # noqa: F401
from sqlalchemy.dialects import postgresql

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "alerts",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("cause_key", sa.String(length=160), nullable=False),
        sa.Column("severity", sa.String(length=16), nullable=False),
        sa.Column("title", sa.String(length=256), nullable=False),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("assigned_to", sa.Uuid(), nullable=True),
        sa.Column("data", sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"), nullable=False),
        sa.Column("raised_at", adapters.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("acknowledged_at", adapters.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("resolved_at", adapters.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("resolution_note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["assigned_to"], ["users.id"], name=op.f("fk_alerts_assigned_to_users")),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"], name=op.f("fk_alerts_customer_id_customers")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alerts")),
        sa.UniqueConstraint("customer_id", "kind", "cause_key", name=op.f("uq_alerts_customer_id_kind_cause_key")),
    )
    op.create_index("ix_alerts_assignee_status", "alerts", ["assigned_to", "status"])
    op.create_index("ix_alerts_customer_status", "alerts", ["customer_id", "status"])
    op.create_table(
        "customer_scores",
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("aum", adapters.db.types.Amount(), nullable=False),
        sa.Column("aum_3m_ago", adapters.db.types.Amount(), nullable=False),
        sa.Column("deposit_balance", adapters.db.types.Amount(), nullable=False),
        sa.Column("loan_balance", adapters.db.types.Amount(), nullable=False),
        sa.Column("contribution_monthly", adapters.db.types.Amount(), nullable=False),
        sa.Column("rfm_recency_days", sa.Integer(), nullable=True),
        sa.Column("rfm_frequency", sa.Integer(), nullable=False),
        sa.Column("rfm_monetary", adapters.db.types.Amount(), nullable=False),
        sa.Column("churn_risk", sa.Numeric(precision=5, scale=4), nullable=False),
        sa.Column("churn_drivers", sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"), nullable=False),
        sa.Column("value_drivers", sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"), nullable=False),
        sa.Column("tier_reason", sa.Text(), nullable=True),
        sa.Column("lifecycle_reason", sa.Text(), nullable=True),
        sa.Column("scored_at", adapters.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("tier", sa.String(length=16), server_default="ordinary", nullable=False),
        sa.Column("lifecycle_stage", sa.String(length=16), server_default="prospect", nullable=False),
        sa.Column("active_products", sa.Integer(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"], name=op.f("fk_customer_scores_customer_id_customers"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("customer_id", name=op.f("pk_customer_scores")),
    )
    op.create_index("ix_customer_scores_churn", "customer_scores", ["churn_risk"])
    op.create_index("ix_customer_scores_contribution", "customer_scores", ["contribution_monthly"])
    op.create_table(
        "value_parameters",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Numeric(precision=14, scale=6), nullable=False),
        sa.Column("updated_at", adapters.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(["updated_by"], ["users.id"], name=op.f("fk_value_parameters_updated_by_users")),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_value_parameters")),
    )
    op.create_table(
        "value_state",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("amount", adapters.db.types.Amount(), nullable=True),
        sa.Column("computed_at", adapters.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_value_state")),
    )
    op.create_table(
        "tier_changes",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False),
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("from_tier", sa.String(length=16), nullable=True),
        sa.Column("to_tier", sa.String(length=16), nullable=False),
        sa.Column("changed_at", adapters.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"], name=op.f("fk_tier_changes_customer_id_customers"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tier_changes")),
    )
    op.create_index("ix_tier_changes_customer", "tier_changes", ["customer_id", "changed_at"])
    op.create_table(
        "segment_details",
        sa.Column("segment_id", sa.Uuid(), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("rule_text", sa.Text(), nullable=True),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("updated_at", adapters.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("refreshed_at", adapters.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"], name=op.f("fk_segment_details_created_by_users")),
        sa.ForeignKeyConstraint(["segment_id"], ["segments.id"], name=op.f("fk_segment_details_segment_id_segments"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("segment_id", name=op.f("pk_segment_details")),
    )


def downgrade() -> None:
    op.drop_table("segment_details")
    op.drop_index("ix_tier_changes_customer", table_name="tier_changes")
    op.drop_table("tier_changes")
    op.drop_table("value_state")
    op.drop_table("value_parameters")
    op.drop_table("customer_scores")
    op.drop_table("alerts")
