"""Render the app's OpenAPI document as YAML, the same bytes every time."""

from __future__ import annotations

import yaml

from adapters.settings import Settings


def render() -> str:
    from api.app import create_app

    app = create_app(Settings(serve_frontend=False))
    return yaml.safe_dump(app.openapi(), sort_keys=False, allow_unicode=True, width=100)
