"""Benchmark: how well churn risk finds the demo's quietly-leaving customers.

    .venv/bin/python -m bench.churn.run [--customers 20000] [--months 12] [--seed 7]
        [--database postgresql://postgres@127.0.0.1:5432/crm_bench_churn] [--fresh]

The demo generator decides which customers quietly leave (balances drain to another bank, salary stops,
fewer visits, a complaint, a maturity paid out). It does not store that: `leaving_customer_numbers(seed,
customers)` recomputes the labels here, after scoring. The scorer reads only the database.

Prints precision at the top decile of churn risk (the share of leaving customers among the 10% scored
riskiest), the base rate, recall in that decile, and the AUC (the chance a leaving customer is scored above
a staying one, ties counted half). Aim: precision 0.6 or more.
"""

from __future__ import annotations

import argparse
import asyncio
from decimal import Decimal

import asyncpg

from bench.rescore.run import prepare, run_rescore

DEFAULT_DSN = "postgresql://postgres@127.0.0.1:5432/crm_bench_churn"


def auc(scores: list[tuple[Decimal, bool]]) -> float:
    """Mann-Whitney AUC with average ranks for ties."""
    ordered = sorted(scores, key=lambda s: s[0])
    rank_sum = 0.0
    positives = sum(1 for _, p in ordered if p)
    negatives = len(ordered) - positives
    i = 0
    while i < len(ordered):
        j = i
        while j < len(ordered) and ordered[j][0] == ordered[i][0]:
            j += 1
        average = (i + 1 + j) / 2
        rank_sum += average * sum(1 for k in range(i, j) if ordered[k][1])
        i = j
    if positives == 0 or negatives == 0:
        return float("nan")
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


async def scores(dsn: str) -> list[tuple[str, Decimal]]:
    conn = await asyncpg.connect(dsn)
    try:
        rows = await conn.fetch(
            "SELECT c.customer_number, s.churn_risk FROM customers c JOIN customer_scores s ON s.customer_id = c.id "
            "WHERE c.merged_into IS NULL"
        )
    finally:
        await conn.close()
    return [(r["customer_number"], r["churn_risk"]) for r in rows]


def main() -> None:
    from adapters.demo.generator import leaving_customer_numbers

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", default=DEFAULT_DSN)
    parser.add_argument("--customers", type=int, default=20_000)
    parser.add_argument("--months", type=int, default=12)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--fresh", action="store_true")
    args = parser.parse_args()
    asyncio.run(prepare(args.database, args.customers, args.months, args.seed, args.fresh))
    elapsed, report = run_rescore(args.database)
    print(f"crm rescore: {report}")
    scored = asyncio.run(scores(args.database))
    leaving = leaving_customer_numbers(args.seed, args.customers)  # read only now, after scoring
    # Riskiest first; ties broken by customer number so the figure is reproducible.
    ranked = sorted(scored, key=lambda s: (-s[1], s[0]))
    decile = max(1, len(ranked) // 10)
    top = ranked[:decile]
    hits = sum(1 for number, _ in top if number in leaving)
    labelled = [(risk, number in leaving) for number, risk in scored]
    print(
        f"customers scored: {len(scored):,}; quietly leaving (generator's labels): {len(leaving):,} "
        f"(base rate {len(leaving) / len(scored):.3f})"
    )
    ceiling = min(1.0, len(leaving) / decile)
    print(
        f"precision at top decile ({decile:,} riskiest): {hits / decile:.3f}   (aim: 0.6 or more; the best "
        f"possible here is {ceiling:.3f}, as only {len(leaving):,} customers leave)"
    )
    print(f"recall in top decile: {hits / max(1, len(leaving)):.3f}")
    top_k = ranked[: len(leaving)]
    k_hits = sum(1 for number, _ in top_k if number in leaving)
    print(f"precision at the top {len(leaving):,} (as many as leave): {k_hits / max(1, len(top_k)):.3f}")
    print(f"AUC: {auc(labelled):.3f}")


if __name__ == "__main__":
    main()
