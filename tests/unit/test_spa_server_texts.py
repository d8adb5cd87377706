"""Every sentence template the server writes in English is known to the SPA, which words it in the user's language.

The SPA (frontend/src/serverText.ts) matches a server text against these templates to show it in Chinese; a
template changed here without the SPA would silently fall back to English for Chinese users.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from domain.value import alerts, churn, lifecycle, tiers

SPA_TEXTS = Path(__file__).resolve().parents[2] / "frontend" / "src" / "serverText.ts"

TEMPLATES = (
    [d.text for d in churn.DRIVERS]
    + [tiers.KEY_REASON, tiers.POTENTIAL_GROWTH, tiers.POTENTIAL_WALLET, tiers.POTENTIAL_YOUNG, tiers.ORDINARY_REASON]
    + list(lifecycle.REASONS.values())
    + list(alerts.DETAILS.values())
    + [alerts.CREDIT_MATURITY_DETAIL]
)


@pytest.mark.parametrize("template", TEMPLATES)
def test_the_spa_knows_the_template(template: str) -> None:
    source = SPA_TEXTS.read_text(encoding="utf-8")
    # prettier may fold a long string literal onto its own line, but never splits it
    assert f'"{template}"' in source, f"frontend/src/serverText.ts lacks the server template {template!r}"
