"""Tables of the access area: the append-only audit log."""

from __future__ import annotations

import sqlalchemy as sa

from adapters.db.tables import metadata
from adapters.db.types import JSONDoc, UTCDateTime

_BIGID = sa.BigInteger().with_variant(sa.Integer, "sqlite")

audit_log = sa.Table(
    "audit_log",
    metadata,
    sa.Column("id", _BIGID, primary_key=True, autoincrement=True),
    sa.Column("at", UTCDateTime, nullable=False),
    sa.Column("actor_kind", sa.String(16), nullable=False),
    sa.Column("actor", sa.String(160), nullable=False),
    sa.Column("actor_id", sa.String(64)),
    sa.Column("role", sa.String(32)),
    sa.Column("action", sa.String(16), nullable=False),
    sa.Column("view", sa.String(128), nullable=False),
    sa.Column("method", sa.String(8)),
    sa.Column("path", sa.String(512)),
    # The one customer an entry is about; entries about several (a search) list them in audit_log_customers.
    sa.Column("customer_id", sa.Uuid),
    sa.Column("fields", JSONDoc, nullable=False),
    sa.Column("detail", JSONDoc, nullable=False),
    sa.Column("ip", sa.String(64)),
    sa.Column("outcome", sa.Integer, nullable=False),
    sa.Column("request_id", sa.String(64)),
    sa.Index("ix_audit_log_at", "at"),
    sa.Index("ix_audit_log_customer", "customer_id", "id"),
    sa.Index("ix_audit_log_actor", "actor", "id"),
)

# Every customer an entry touched (one row per customer a search returned), so "who saw customer X" is one query.
audit_log_customers = sa.Table(
    "audit_log_customers",
    metadata,
    sa.Column("audit_id", _BIGID, sa.ForeignKey("audit_log.id"), primary_key=True),
    sa.Column("customer_id", sa.Uuid, primary_key=True),
    sa.Index("ix_audit_log_customers_customer", "customer_id", "audit_id"),
)

APPEND_ONLY_TABLES = ("audit_log", "audit_log_customers")

# The database itself refuses to change or delete audit rows (TRUNCATE by an operator is still possible on
# PostgreSQL: row triggers do not fire for it, and revoking it is a deployment's GRANT decision).
POSTGRES_APPEND_ONLY_DDL = [
    """
    CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger AS $$
    BEGIN
        RAISE EXCEPTION 'the audit log is append-only: % on % refused', TG_OP, TG_TABLE_NAME
            USING ERRCODE = 'insufficient_privilege';
    END;
    $$ LANGUAGE plpgsql
    """,
    *(
        f"CREATE TRIGGER {t}_append_only BEFORE UPDATE OR DELETE ON {t} "
        "FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()"
        for t in APPEND_ONLY_TABLES
    ),
]
POSTGRES_DROP_DDL = [
    *(f"DROP TRIGGER IF EXISTS {t}_append_only ON {t}" for t in APPEND_ONLY_TABLES),
    "DROP FUNCTION IF EXISTS audit_log_refuse_change()",
]


def sqlite_append_only_ddl() -> list[str]:
    return [
        f"CREATE TRIGGER {t}_no_{op.lower()} BEFORE {op} ON {t} "
        f"BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
        for t in APPEND_ONLY_TABLES
        for op in ("UPDATE", "DELETE")
    ]


def sqlite_drop_ddl() -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {t}_no_{op}" for t in APPEND_ONLY_TABLES for op in ("update", "delete")]
