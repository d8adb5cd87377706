"""feeds tables: applied event refs, quarantine, reported-balance marks, merge audit

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import adapters.db.types

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")
_TS = adapters.db.types.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "feed_events",
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("source_ref", sa.String(length=128), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("received_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("channel", "source_ref", name=op.f("pk_feed_events")),
    )
    op.create_table(
        "feed_quarantine",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("source_ref", sa.String(length=128), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=True),
        sa.Column("document", _JSON, nullable=True),
        sa.Column("errors", _JSON, nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("received_at", _TS, nullable=False),
        sa.Column("attempts", sa.Integer(), server_default="1", nullable=False),
        sa.Column("resolved_at", _TS, nullable=True),
        sa.Column("resolved_by", sa.String(length=160), nullable=True),
        sa.Column("resolution_note", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feed_quarantine")),
    )
    op.create_index("ix_feed_quarantine_received", "feed_quarantine", ["received_at", "id"], unique=False)
    op.create_index("ix_feed_quarantine_ref", "feed_quarantine", ["channel", "source_ref"], unique=False)
    op.create_table(
        "feed_balance_marks",
        sa.Column("holding_id", sa.Uuid(), nullable=False),
        sa.Column("reported_at", _TS, nullable=False),
        sa.ForeignKeyConstraint(
            ["holding_id"], ["holdings.id"], name=op.f("fk_feed_balance_marks_holding_id_holdings"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("holding_id", name=op.f("pk_feed_balance_marks")),
    )
    op.create_table(
        "customer_merges",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("survivor_id", sa.Uuid(), nullable=False),
        sa.Column("merged_id", sa.Uuid(), nullable=False),
        sa.Column("merged_by", sa.String(length=160), nullable=False),
        sa.Column("merged_at", _TS, nullable=False),
        sa.Column("moved", _JSON, nullable=False),
        sa.ForeignKeyConstraint(
            ["survivor_id"], ["customers.id"], name=op.f("fk_customer_merges_survivor_id_customers")
        ),
        sa.ForeignKeyConstraint(["merged_id"], ["customers.id"], name=op.f("fk_customer_merges_merged_id_customers")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer_merges")),
        sa.UniqueConstraint("merged_id", name=op.f("uq_customer_merges_merged_id")),
    )
    op.create_index("ix_customer_merges_survivor", "customer_merges", ["survivor_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_customer_merges_survivor", table_name="customer_merges")
    op.drop_table("customer_merges")
    op.drop_table("feed_balance_marks")
    op.drop_index("ix_feed_quarantine_ref", table_name="feed_quarantine")
    op.drop_index("ix_feed_quarantine_received", table_name="feed_quarantine")
    op.drop_table("feed_quarantine")
    op.drop_table("feed_events")
