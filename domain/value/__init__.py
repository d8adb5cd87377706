"""Customer value: contribution, AUM and RFM, tiers, lifecycle, churn risk, abnormal movements, segments.

The rules live here as data and pure functions; the database adapter (`adapters/db/scoring.py`) runs them
set-based over the whole population, with the thresholds and weights defined in these modules.
"""
