"""Rate limits per API key and per user: a token bucket per caller, in this process's memory.

Each server process keeps its own buckets, so with N processes a caller may get up to N times the limit;
put a shared limiter (a gateway, or Redis) in front when that matters.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class _Bucket:
    tokens: float
    updated: float


class RateLimiter:
    """`per_minute` requests a minute on average, bursts of up to `burst` at once."""

    def __init__(
        self, per_minute: int, burst: int | None = None, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.per_minute = per_minute
        self.capacity = float(burst if burst is not None else per_minute)
        self.rate = per_minute / 60.0
        self._clock = clock
        self._buckets: dict[str, _Bucket] = {}
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return self.per_minute > 0

    def take(self, caller: str) -> float:
        """Spend one token for `caller`: 0.0 when allowed, else the seconds to wait before the next try."""
        if not self.enabled:
            return 0.0
        now = self._clock()
        with self._lock:
            bucket = self._buckets.get(caller)
            if bucket is None:
                if len(self._buckets) >= 100_000:  # forget idle callers so memory stays bounded
                    self._buckets = {k: b for k, b in self._buckets.items() if now - b.updated < 120}
                bucket = self._buckets[caller] = _Bucket(self.capacity, now)
            bucket.tokens = min(self.capacity, bucket.tokens + (now - bucket.updated) * self.rate)
            bucket.updated = now
            if bucket.tokens >= 1.0:
                bucket.tokens -= 1.0
                return 0.0
            return (1.0 - bucket.tokens) / self.rate

    @staticmethod
    def retry_after(wait_s: float) -> str:
        return str(max(1, math.ceil(wait_s)))
