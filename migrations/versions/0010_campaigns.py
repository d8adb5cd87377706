"""campaigns: an offer to a segment, its frozen target and control members and their responses

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import adapters.db.types

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

JSONDoc = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "campaigns",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("product_code", sa.String(32), nullable=False),
        sa.Column("segment_id", sa.Uuid(), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("control_pct", sa.Integer(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("created_at", adapters.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("launched_by", sa.Uuid(), nullable=True),
        sa.Column("launched_at", adapters.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("excluded", JSONDoc, nullable=True),
        sa.Column("closed_by", sa.Uuid(), nullable=True),
        sa.Column("closed_at", adapters.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["product_code"], ["products.code"], name="fk_campaigns_product_code_products"),
        sa.ForeignKeyConstraint(["segment_id"], ["segments.id"], name="fk_campaigns_segment_id_segments"),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"], name="fk_campaigns_created_by_users"),
        sa.ForeignKeyConstraint(["launched_by"], ["users.id"], name="fk_campaigns_launched_by_users"),
        sa.ForeignKeyConstraint(["closed_by"], ["users.id"], name="fk_campaigns_closed_by_users"),
        sa.PrimaryKeyConstraint("id", name="pk_campaigns"),
    )
    op.create_index("ix_campaigns_status_created", "campaigns", ["status", "created_at"])
    op.create_table(
        "campaign_members",
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("grp", sa.String(8), nullable=False),
        sa.Column("response", sa.String(16), nullable=True),
        sa.Column("responded_at", adapters.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("responded_by", sa.Uuid(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["campaign_id"], ["campaigns.id"], name="fk_campaign_members_campaign_id_campaigns"),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"], name="fk_campaign_members_customer_id_customers"),
        sa.ForeignKeyConstraint(["responded_by"], ["users.id"], name="fk_campaign_members_responded_by_users"),
        sa.PrimaryKeyConstraint("campaign_id", "customer_id", name="pk_campaign_members"),
    )
    op.create_index("ix_campaign_members_customer", "campaign_members", ["customer_id", "campaign_id"])


def downgrade() -> None:
    op.drop_index("ix_campaign_members_customer", table_name="campaign_members")
    op.drop_table("campaign_members")
    op.drop_index("ix_campaigns_status_created", table_name="campaigns")
    op.drop_table("campaigns")
