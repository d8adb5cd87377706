"""The one schema, for SQLite and PostgreSQL alike. Tables are not domain entities: repositories map."""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa

from adapters.db.types import Amount, JSONDoc, UTCDateTime

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

branches = sa.Table(
    "branches",
    metadata,
    sa.Column("code", sa.String(16), primary_key=True),
    sa.Column("name", sa.String(128), nullable=False),
    sa.Column("name_zh", sa.String(128)),
    sa.Column("city", sa.String(64)),
)

users = sa.Table(
    "users",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    sa.Column("username", sa.String(64), nullable=False, unique=True),
    sa.Column("password_hash", sa.String(255), nullable=False),
    sa.Column("display_name", sa.String(128)),
    sa.Column("role", sa.String(32), nullable=False),
    sa.Column("branch_code", sa.String(16), sa.ForeignKey("branches.code")),
    sa.Column("email", sa.String(255)),
    sa.Column("phone", sa.String(20)),
    sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
    sa.Column("failed_logins", sa.Integer, nullable=False, server_default="0"),
    sa.Column("locked_until", UTCDateTime),
    sa.Column("created_at", UTCDateTime, nullable=False),
)

api_keys = sa.Table(
    "api_keys",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    sa.Column("name", sa.String(128), nullable=False),
    sa.Column("prefix", sa.String(16), nullable=False, unique=True),
    sa.Column("key_hash", sa.String(128), nullable=False),
    sa.Column("scopes", JSONDoc, nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("last_used_at", UTCDateTime),
    sa.Column("revoked_at", UTCDateTime),
)

customers = sa.Table(
    "customers",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    sa.Column("customer_number", sa.String(32), nullable=False, unique=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("name_zh", sa.String(128)),
    sa.Column("name_latin", sa.String(128)),
    sa.Column("birth_date", sa.Date),
    sa.Column("gender", sa.String(16)),
    sa.Column("id_type", sa.String(32)),
    sa.Column("id_number", sa.String(64)),
    sa.Column("phones", JSONDoc, nullable=False),
    sa.Column("emails", JSONDoc, nullable=False),
    sa.Column("address", JSONDoc),
    sa.Column("occupation", sa.String(64)),
    sa.Column("education", sa.String(32)),
    sa.Column("income_band", sa.String(32)),
    sa.Column("risk_preference", sa.String(32)),
    sa.Column("preferred_language", sa.String(16), nullable=False),
    sa.Column("marketing_consent", JSONDoc, nullable=False),
    sa.Column("home_branch", sa.String(16), sa.ForeignKey("branches.code")),
    sa.Column("relationship_manager_id", sa.Uuid, sa.ForeignKey("users.id")),
    sa.Column("lifecycle_stage", sa.String(16), nullable=False),
    sa.Column("tier", sa.String(16), nullable=False),
    sa.Column("provisional", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("merged_into", sa.Uuid, sa.ForeignKey("customers.id")),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False),
    sa.Index("ix_customers_rm_name", "relationship_manager_id", "name_latin"),
    sa.Index("ix_customers_branch", "home_branch"),
    sa.Index("ix_customers_name_latin", "name_latin"),
    sa.Index("ix_customers_name_zh", "name_zh"),
    sa.Index("ix_customers_tier", "tier"),
    # Merged customers point at their survivor: following merges (cases, lookups) reads these few rows.
    sa.Index(
        "ix_customers_merged_into",
        "merged_into",
        postgresql_where=sa.text("merged_into IS NOT NULL"),
        sqlite_where=sa.text("merged_into IS NOT NULL"),
    ),
)

customer_identities = sa.Table(
    "customer_identities",
    metadata,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True, autoincrement=True),
    sa.Column("customer_id", sa.Uuid, sa.ForeignKey("customers.id", ondelete="CASCADE"), nullable=False),
    sa.Column("source", sa.String(32), nullable=False),
    sa.Column("key", sa.String(160), nullable=False),
    sa.UniqueConstraint("source", "key", "customer_id"),
    sa.Index("ix_customer_identities_customer", "customer_id"),
)

customer_relations = sa.Table(
    "customer_relations",
    metadata,
    sa.Column("customer_id", sa.Uuid, sa.ForeignKey("customers.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("related_customer_id", sa.Uuid, sa.ForeignKey("customers.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("type", sa.String(32), primary_key=True),
    sa.Column("since", sa.Date),
)

products = sa.Table(
    "products",
    metadata,
    sa.Column("code", sa.String(32), primary_key=True),
    sa.Column("name", sa.String(128), nullable=False),
    sa.Column("name_zh", sa.String(128)),
    sa.Column("category", sa.String(32), nullable=False),
    sa.Column("currency", sa.String(3), nullable=False),
    sa.Column("rate", sa.Numeric(8, 6)),
    sa.Column("term_months", sa.Integer),
    sa.Column("minimum_amount", Amount),
    sa.Column("risk_level", sa.Integer, nullable=False),
    sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
)

holdings = sa.Table(
    "holdings",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    sa.Column("customer_id", sa.Uuid, sa.ForeignKey("customers.id"), nullable=False),
    sa.Column("account_number", sa.String(34), nullable=False, unique=True),
    sa.Column("product_code", sa.String(32), sa.ForeignKey("products.code"), nullable=False),
    sa.Column("category", sa.String(32), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("opened_on", sa.Date),
    sa.Column("closed_on", sa.Date),
    sa.Column("balance", Amount, nullable=False),
    sa.Column("currency", sa.String(3), nullable=False),
    sa.Column("credit_limit", Amount),
    sa.Column("rate", sa.Numeric(8, 6)),
    sa.Column("maturity_date", sa.Date),
    sa.Column("balance_as_of", UTCDateTime),
    sa.Index("ix_holdings_customer", "customer_id"),
    sa.Index("ix_holdings_maturity", "maturity_date"),
)

balance_history = sa.Table(
    "balance_history",
    metadata,
    sa.Column("holding_id", sa.Uuid, sa.ForeignKey("holdings.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("as_of", sa.Date, primary_key=True),
    sa.Column("balance", Amount, nullable=False),
)

# The timeline's references to customers and holdings are foreign keys here and on SQLite. On PostgreSQL,
# migration 0007 drops them: checking them cost a row lock on the customer for every event a feed stores (half
# of COPY's speed into this table). Every writer inserts only customers and holdings it has just read or created
# in the same transaction, nothing deletes either, and `POSTGRES_TIMELINE_GUARD_DDL` refuses to delete or re-key
# one the timeline still names.
TIMELINE_FOREIGN_KEYS = ("fk_interactions_customer_id_customers", "fk_interactions_holding_id_holdings")
POSTGRES_TIMELINE_GUARD_DDL = [
    """
    CREATE OR REPLACE FUNCTION timeline_refuse_orphans() RETURNS trigger AS $$
    BEGIN
        IF EXISTS (SELECT 1 FROM interactions WHERE
                   (TG_TABLE_NAME = 'customers' AND customer_id = OLD.id)
                   OR (TG_TABLE_NAME = 'holdings' AND holding_id = OLD.id)) THEN
            RAISE EXCEPTION '% of %.id=% refused: the timeline refers to it', TG_OP, TG_TABLE_NAME, OLD.id
                USING ERRCODE = 'foreign_key_violation';
        END IF;
        RETURN OLD;
    END;
    $$ LANGUAGE plpgsql
    """,
    *(
        f"CREATE TRIGGER {t}_timeline_guard BEFORE DELETE OR UPDATE OF id ON {t} "
        "FOR EACH ROW EXECUTE FUNCTION timeline_refuse_orphans()"
        for t in ("customers", "holdings")
    ),
]
POSTGRES_TIMELINE_GUARD_DROP_DDL = [
    *(f"DROP TRIGGER IF EXISTS {t}_timeline_guard ON {t}" for t in ("customers", "holdings")),
    "DROP FUNCTION IF EXISTS timeline_refuse_orphans()",
]

interactions = sa.Table(
    "interactions",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    sa.Column("customer_id", sa.Uuid, sa.ForeignKey("customers.id"), nullable=False),
    sa.Column("channel", sa.String(32), nullable=False),
    sa.Column("type", sa.String(64), nullable=False),
    sa.Column("direction", sa.String(16), nullable=False),
    sa.Column("occurred_at", UTCDateTime, nullable=False),
    sa.Column("actor", sa.String(128)),
    sa.Column("summary", sa.Text),
    sa.Column("outcome", sa.String(128)),
    sa.Column("amount", Amount),
    sa.Column("currency", sa.String(3)),
    sa.Column("holding_id", sa.Uuid, sa.ForeignKey("holdings.id")),
    sa.Column("source_ref", sa.String(128)),
    sa.Column("payload", JSONDoc, nullable=False),
    # When the bank-crm learned of it (occurred_at is when it happened): a feed may bring an event days late, and
    # an open stream still owes it to the agent (adapters/db/context.py: StreamCursor). Null for rows loaded
    # before the column was added.
    sa.Column("recorded_at", UTCDateTime, default=lambda: datetime.now(UTC)),
    sa.Index("ix_interactions_customer_time", "customer_id", "occurred_at", "id"),
    sa.Index("ix_interactions_holding", "holding_id"),
    # The call-center complaints, which open cases (adapters/db/cases.py): a few probes per changed customer
    # instead of reading all their interactions.
    sa.Index(
        "ix_interactions_complaints",
        "customer_id",
        "occurred_at",
        "id",
        postgresql_where=sa.text("channel = 'call_center' AND type = 'complaint'"),
        sqlite_where=sa.text("channel = 'call_center' AND type = 'complaint'"),
    ),
)

segments = sa.Table(
    "segments",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    sa.Column("code", sa.String(64), nullable=False, unique=True),
    sa.Column("name", sa.String(128), nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),  # "rule" or "static"
    sa.Column("rule", JSONDoc),
    sa.Column("created_at", UTCDateTime, nullable=False),
)

segment_members = sa.Table(
    "segment_members",
    metadata,
    sa.Column("segment_id", sa.Uuid, sa.ForeignKey("segments.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("customer_id", sa.Uuid, sa.ForeignKey("customers.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("since", UTCDateTime, nullable=False),
    sa.Index("ix_segment_members_customer", "customer_id"),
)
