"""contact tables

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

import adapters.db.types  # noqa: F401

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cases",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("subject", sa.String(length=256), nullable=False),
        sa.Column("channel", sa.String(length=32), nullable=False),
        sa.Column("opened_at", adapters.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("sla_due_at", adapters.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("closed_at", adapters.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("interaction_id", sa.Uuid(), nullable=True),
        sa.Column("source_ref", sa.String(length=128), nullable=True),
        sa.Column("satisfaction", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"], name=op.f("fk_cases_customer_id_customers")),
        sa.ForeignKeyConstraint(
            ["interaction_id"], ["interactions.id"], name=op.f("fk_cases_interaction_id_interactions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cases")),
        sa.UniqueConstraint("interaction_id", name=op.f("uq_cases_interaction_id")),
    )
    op.create_index("ix_cases_customer_status", "cases", ["customer_id", "status", "opened_at"])
    op.create_table(
        "peer_product_rates",
        sa.Column("tier", sa.String(length=16), nullable=False),
        sa.Column("age_band", sa.String(length=16), nullable=False),
        sa.Column("income_band", sa.String(length=32), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("peers", sa.Integer(), nullable=False),
        sa.Column("holders", sa.Integer(), nullable=False),
        sa.Column("computed_at", adapters.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("tier", "age_band", "income_band", "category", name=op.f("pk_peer_product_rates")),
    )


def downgrade() -> None:
    op.drop_table("peer_product_rates")
    op.drop_index("ix_cases_customer_status", table_name="cases")
    op.drop_table("cases")
