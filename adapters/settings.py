"""Settings from the environment (CRM_*), read once by the composition root."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from domain.calendar import DEFAULT_BANK_ZONE, zone_named

DEV_SECRET = "dev-only-secret-change-me-dev-only-secret-change-me"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CRM_", env_file=".env", extra="ignore")

    environment: Literal["development", "test", "production"] = "development"
    database_url: str = "sqlite+aiosqlite:///./bank-crm.db"
    database_pool_size: int = Field(default=10, ge=1, le=200)
    database_echo: bool = False
    # The call-center context (PostgreSQL): a statement of the hot read that runs or waits for a lock longer than
    # this is cancelled and the caller told to retry (503), rather than an agent's screen waiting on, say, a
    # long merge holding the customer. 0: no limit.
    database_hot_read_timeout_ms: int = Field(default=5000, ge=0, le=600_000)
    # Scoring follows the feeds (adapters/scorer.py): while feeds keep coming, two scoring passes start at least
    # this far apart, and a pass is followed by a rest at least as long as itself; everything queued meanwhile
    # is scored together. Longer: less database time spent re-scoring busy customers, scores further behind.
    scoring_min_gap_s: float = Field(default=2.0, ge=0, le=3600)

    jwt_secret: str = DEV_SECRET
    jwt_algorithm: Literal["HS256", "HS384", "HS512"] = "HS256"
    access_token_ttl_s: int = Field(default=8 * 3600, ge=60, le=7 * 24 * 3600)
    card_token_key: str = "dev-only-card-token-key-change-me"

    cors_origins: list[str] = ["http://127.0.0.1:5173", "http://localhost:5173"]
    # Requests a minute per user and per API key (a token bucket in each process's memory; 0 turns it off).
    rate_limit_per_minute: int = Field(default=600, ge=0, le=1_000_000)
    rate_limit_burst: int | None = Field(default=None, ge=1, description="Defaults to the per-minute figure")
    # Systems (API keys) have their own limit: one call-center key serves every agent on the floor (the context
    # read is built for 1,500 requests a second), one feed key a partner's whole pipeline, so a person's limit
    # would throttle them at an ordinary peak. Per process, like the other.
    rate_limit_system_per_minute: int = Field(default=60_000, ge=0, le=10_000_000)
    # Sign-in: after `login_free_failures` wrong passwords each further one waits twice as long (from
    # `login_delay_s`), and `login_max_failures` lock the username for `login_lockout_s`.
    login_free_failures: int = Field(default=2, ge=0)
    login_delay_s: float = Field(default=1.0, ge=0)
    login_max_failures: int = Field(default=5, ge=1)
    login_lockout_s: int = Field(default=900, ge=1)
    # Strict-Transport-Security max-age when served behind HTTPS (0: no header).
    hsts_seconds: int = Field(default=0, ge=0)
    serve_frontend: bool = True
    # The bank's time zone (IANA name): every date (due, overdue, days to maturity, opened on, age) is the
    # bank's local date, while instants stay UTC (domain/calendar.py).
    bank_timezone: str = DEFAULT_BANK_ZONE
    # Customer value (domain/value/*): the share of contribution that makes the key tier, the AUM growth that
    # marks potential, and the abnormal-outflow and dormancy thresholds behind alerts.
    value_key_tier_share: Decimal = Field(default=Decimal("0.80"), gt=0, le=1)
    value_potential_growth_share: Decimal = Field(default=Decimal("0.10"), gt=0, le=10)
    value_outflow_multiple: Decimal = Field(default=Decimal("3"), gt=0, le=100)
    value_outflow_aum_share: Decimal = Field(default=Decimal("0.50"), gt=0, le=1)
    value_outflow_min_cny: Decimal = Field(default=Decimal("50000"), ge=0)
    value_dormant_days: int = Field(default=180, ge=30, le=3650)

    @field_validator("bank_timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        zone_named(value)
        return value

    @property
    def dialect(self) -> str:
        return "postgresql" if self.database_url.startswith("postgresql") else "sqlite"

    def check_production_safety(self) -> None:
        """Refuse to run in production with default or short secrets ("test" is a development mode too)."""
        if self.environment == "production":
            if self.jwt_secret == DEV_SECRET or len(self.jwt_secret) < 32:
                raise RuntimeError("CRM_JWT_SECRET must be set to a secret of at least 32 characters")
            if self.card_token_key.startswith("dev-only") or len(self.card_token_key) < 32:
                raise RuntimeError("CRM_CARD_TOKEN_KEY must be set to a secret of at least 32 characters")


@lru_cache
def get_settings() -> Settings:
    return Settings()
