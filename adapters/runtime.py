"""Settings of the Python runtime for long-running processes (servers, the broker consumer)."""

from __future__ import annotations

import gc

# The cycle collector's first generation is collected every this many net new container objects (Python's
# default: 700). A feed batch of a thousand events allocates hundreds of thousands of short-lived dicts and
# objects, nearly all freed by reference counting as they go, so the default ran a collection every few events:
# 10-15% of a batch's time in-process (bench/ingest/README.md). Garbage in cycles waits a little longer before
# it is freed: a few MB at most.
GC_THRESHOLDS = (100_000, 50, 50)


def tune_cycle_collector() -> None:
    gc.set_threshold(*GC_THRESHOLDS)
