"""The migrations and the models describe the same schema, on both databases; openapi.yaml is current."""

from __future__ import annotations

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from adapters.container import Container
from adapters.db.schema import metadata
from api.openapi_export import render
from tests.conftest import ROOT


def _diff(sync_conn: Any) -> list[Any]:
    ctx = MigrationContext.configure(sync_conn, opts={"compare_type": True, "target_metadata": metadata})
    return list(compare_metadata(ctx, metadata))


async def test_migrations_match_the_models(container: Container) -> None:
    async with container.engine.connect() as conn:
        diff = await conn.run_sync(_diff)
    assert diff == [], f"models and migrations differ: {diff}"


def test_committed_openapi_is_what_the_app_serves() -> None:
    committed = (ROOT / "openapi.yaml").read_text(encoding="utf-8")
    assert committed == render(), "openapi.yaml is stale: run `crm export-openapi`"
