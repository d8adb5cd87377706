"""timeline without foreign keys on PostgreSQL: a delete guard instead of a row lock per stored event

Revision ID: 0007
Revises: 0006
"""

from alembic import op

from adapters.db.tables import POSTGRES_TIMELINE_GUARD_DDL, POSTGRES_TIMELINE_GUARD_DROP_DDL, TIMELINE_FOREIGN_KEYS

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # SQLite keeps the foreign keys (adapters/db/tables.py says why PostgreSQL does not)
    for name in TIMELINE_FOREIGN_KEYS:
        op.drop_constraint(name, "interactions", type_="foreignkey")
    for statement in POSTGRES_TIMELINE_GUARD_DDL:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in POSTGRES_TIMELINE_GUARD_DROP_DDL:
        op.execute(statement)
    op.create_foreign_key(TIMELINE_FOREIGN_KEYS[0], "interactions", "customers", ["customer_id"], ["id"])
    op.create_foreign_key(TIMELINE_FOREIGN_KEYS[1], "interactions", "holdings", ["holding_id"], ["id"])
