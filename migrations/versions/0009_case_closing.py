"""cases: who opened a case by hand and who closed it with what was done; the open cases by due time

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("opened_by", sa.Uuid(), nullable=True))
        batch.add_column(sa.Column("closed_by", sa.Uuid(), nullable=True))
        batch.add_column(sa.Column("resolution", sa.Text(), nullable=True))
        batch.create_foreign_key("fk_cases_opened_by_users", "users", ["opened_by"], ["id"])
        batch.create_foreign_key("fk_cases_closed_by_users", "users", ["closed_by"], ["id"])
    op.create_index("ix_cases_status_due", "cases", ["status", "sla_due_at", "id"])


def downgrade() -> None:
    op.drop_index("ix_cases_status_due", table_name="cases")
    with op.batch_alter_table("cases") as batch:
        batch.drop_constraint("fk_cases_closed_by_users", type_="foreignkey")
        batch.drop_constraint("fk_cases_opened_by_users", type_="foreignkey")
        batch.drop_column("resolution")
        batch.drop_column("closed_by")
        batch.drop_column("opened_by")
