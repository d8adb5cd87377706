"""The whole schema: every table module, so alembic and tests see all of `metadata`."""

from __future__ import annotations

from adapters.db import (  # noqa: F401
    tables,
    tables_access,
    tables_campaigns,
    tables_contact,
    tables_feeds,
    tables_value,
)
from adapters.db.tables import metadata

__all__ = ["metadata"]
