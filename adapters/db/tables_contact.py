"""Tables of the contact area (kept apart so areas evolve without stepping on each other)."""

from __future__ import annotations

import sqlalchemy as sa

from adapters.db.tables import metadata
from adapters.db.types import UTCDateTime

# Customer cases (BIAN "Customer Case"): complaints and service requests, with their service-level due time.
# A call-center complaint interaction opens one; `interaction_id` is unique, so opening stays idempotent.
cases = sa.Table(
    "cases",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    sa.Column("customer_id", sa.Uuid, sa.ForeignKey("customers.id"), nullable=False),
    sa.Column("kind", sa.String(32), nullable=False),  # complaint, service_request
    sa.Column("status", sa.String(16), nullable=False),  # open, closed
    sa.Column("subject", sa.String(256), nullable=False),
    sa.Column("channel", sa.String(32), nullable=False),
    sa.Column("opened_at", UTCDateTime, nullable=False),
    sa.Column("sla_due_at", UTCDateTime),
    sa.Column("closed_at", UTCDateTime),
    sa.Column("interaction_id", sa.Uuid, sa.ForeignKey("interactions.id"), unique=True),
    sa.Column("source_ref", sa.String(128)),
    sa.Column("satisfaction", sa.Integer),
    # Who opened it by hand (a feed's complaint has none), who closed it and what was done (migration 0009).
    sa.Column("opened_by", sa.Uuid, sa.ForeignKey("users.id")),
    sa.Column("closed_by", sa.Uuid, sa.ForeignKey("users.id")),
    sa.Column("resolution", sa.Text),
    sa.Index("ix_cases_customer_status", "customer_id", "status", "opened_at"),
    # The work queue: open cases by how soon they are due.
    sa.Index("ix_cases_status_due", "status", "sla_due_at", "id"),
)

# How often customers like one another hold each product category: the look-alike behind product offers.
# A cohort is (tier, age band, income band); recomputed set-based in one statement (adapters/db/context.py).
peer_product_rates = sa.Table(
    "peer_product_rates",
    metadata,
    sa.Column("tier", sa.String(16), primary_key=True),
    sa.Column("age_band", sa.String(16), primary_key=True),
    sa.Column("income_band", sa.String(32), primary_key=True),
    sa.Column("category", sa.String(32), primary_key=True),
    sa.Column("peers", sa.Integer, nullable=False),
    sa.Column("holders", sa.Integer, nullable=False),
    sa.Column("computed_at", UTCDateTime, nullable=False),
)
