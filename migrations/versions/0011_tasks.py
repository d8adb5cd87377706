"""tasks: what a relationship manager will do, by when, often about one customer

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

import adapters.db.types

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "tasks",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("customer_id", sa.Uuid(), nullable=True),
        sa.Column("assignee_id", sa.Uuid(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("created_at", adapters.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("closed_at", adapters.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("closed_by", sa.Uuid(), nullable=True),
        sa.Column("outcome", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"], name="fk_tasks_customer_id_customers"),
        sa.ForeignKeyConstraint(["assignee_id"], ["users.id"], name="fk_tasks_assignee_id_users"),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"], name="fk_tasks_created_by_users"),
        sa.ForeignKeyConstraint(["closed_by"], ["users.id"], name="fk_tasks_closed_by_users"),
        sa.PrimaryKeyConstraint("id", name="pk_tasks"),
    )
    op.create_index("ix_tasks_assignee_status_due", "tasks", ["assignee_id", "status", "due_on"])
    op.create_index("ix_tasks_customer", "tasks", ["customer_id"])


def downgrade() -> None:
    op.drop_index("ix_tasks_customer", table_name="tasks")
    op.drop_index("ix_tasks_assignee_status_due", table_name="tasks")
    op.drop_table("tasks")
