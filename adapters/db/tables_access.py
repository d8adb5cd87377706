"""Tables of the access area (kept apart so areas evolve without stepping on each other)."""

from __future__ import annotations

import sqlalchemy as sa  # noqa: F401

from adapters.db.tables import metadata  # noqa: F401
from adapters.db.types import Amount, JSONDoc, UTCDateTime  # noqa: F401
