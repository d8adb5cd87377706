"""The whole schema: every table module, so alembic and tests see all of `metadata`."""

from __future__ import annotations

from adapters.db import tables, tables_access, tables_contact, tables_feeds, tables_value  # noqa: F401
from adapters.db.tables import metadata

__all__ = ["metadata"]
