"""rescore queue: scoring leaves the feed's transaction; indexes for complaints and merged customers

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

import adapters.db.types

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rescore_queue",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False),
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("queued_at", adapters.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rescore_queue")),
    )
    op.create_table(
        "scoring_pace",
        sa.Column("id", sa.SmallInteger(), autoincrement=False, nullable=False),
        sa.Column("next_pass_at", adapters.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scoring_pace")),
    )
    complaints = sa.text("channel = 'call_center' AND type = 'complaint'")
    op.create_index(
        "ix_interactions_complaints",
        "interactions",
        ["customer_id", "occurred_at", "id"],
        postgresql_where=complaints,
        sqlite_where=complaints,
    )
    merged = sa.text("merged_into IS NOT NULL")
    op.create_index(
        "ix_customers_merged_into", "customers", ["merged_into"], postgresql_where=merged, sqlite_where=merged
    )


def downgrade() -> None:
    op.drop_index("ix_customers_merged_into", table_name="customers")
    op.drop_index("ix_interactions_complaints", table_name="interactions")
    op.drop_table("scoring_pace")
    op.drop_table("rescore_queue")
