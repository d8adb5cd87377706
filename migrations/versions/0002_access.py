"""access tables: the append-only audit log

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import adapters.db.types
from adapters.db.tables_access import (
    POSTGRES_APPEND_ONLY_DDL,
    POSTGRES_DROP_DDL,
    sqlite_append_only_ddl,
    sqlite_drop_ddl,
)

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")
_BIGID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", _BIGID, autoincrement=True, nullable=False),
        sa.Column("at", adapters.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("actor_kind", sa.String(length=16), nullable=False),
        sa.Column("actor", sa.String(length=160), nullable=False),
        sa.Column("actor_id", sa.String(length=64), nullable=True),
        sa.Column("role", sa.String(length=32), nullable=True),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("view", sa.String(length=128), nullable=False),
        sa.Column("method", sa.String(length=8), nullable=True),
        sa.Column("path", sa.String(length=512), nullable=True),
        sa.Column("customer_id", sa.Uuid(), nullable=True),
        sa.Column("fields", _JSON, nullable=False),
        sa.Column("detail", _JSON, nullable=False),
        sa.Column("ip", sa.String(length=64), nullable=True),
        sa.Column("outcome", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    op.create_index("ix_audit_log_at", "audit_log", ["at"], unique=False)
    op.create_index("ix_audit_log_customer", "audit_log", ["customer_id", "id"], unique=False)
    op.create_index("ix_audit_log_actor", "audit_log", ["actor", "id"], unique=False)
    op.create_table(
        "audit_log_customers",
        sa.Column("audit_id", _BIGID, nullable=False),
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(["audit_id"], ["audit_log.id"], name=op.f("fk_audit_log_customers_audit_id_audit_log")),
        sa.PrimaryKeyConstraint("audit_id", "customer_id", name=op.f("pk_audit_log_customers")),
    )
    op.create_index("ix_audit_log_customers_customer", "audit_log_customers", ["customer_id", "audit_id"], unique=False)
    dialect = op.get_bind().dialect.name
    ddl = POSTGRES_APPEND_ONLY_DDL if dialect == "postgresql" else sqlite_append_only_ddl()
    for statement in ddl:
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for statement in POSTGRES_DROP_DDL if dialect == "postgresql" else sqlite_drop_ddl():
        op.execute(statement)
    op.drop_index("ix_audit_log_customers_customer", table_name="audit_log_customers")
    op.drop_table("audit_log_customers")
    op.drop_index("ix_audit_log_actor", table_name="audit_log")
    op.drop_index("ix_audit_log_customer", table_name="audit_log")
    op.drop_index("ix_audit_log_at", table_name="audit_log")
    op.drop_table("audit_log")
