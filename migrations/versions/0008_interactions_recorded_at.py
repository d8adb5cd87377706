"""interactions.recorded_at: when bank-crm learned of an interaction, so that an open stream sends late ones

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

import adapters.db.types

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nullable and without a default in the database: instant on a large table (rows already there are old news).
    op.add_column("interactions", sa.Column("recorded_at", adapters.db.types.UTCDateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("interactions") as batch:
        batch.drop_column("recorded_at")
