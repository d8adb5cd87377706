"""Fill a PostgreSQL database for the call-center context benchmark, set-based (generate_series), in minutes.

100,000 customers (2% share a household phone with a neighbour), 3-4 holdings each with some maturing soon,
50 interactions each on six channels over a year (5,000,000 in all), open alerts, cases, scores, segments, a
running campaign and the look-alike rates. Deterministic: ids are md5 of their ordinal, so every run builds the
same bank.

    .venv/bin/python -m bench.context.load postgresql://postgres@127.0.0.1:5432/crm_bench_context
"""

from __future__ import annotations

import asyncio
import sys
import time

import asyncpg

CUSTOMERS = 100_000
INTERACTIONS_PER_CUSTOMER = 50

# A running campaign over the second segment (a sixth of the customers), a tenth of them held out, some
# contacted: the context reads its offer for the customers in its target group.
CAMPAIGNS_SQL = """
INSERT INTO campaigns (id, name, product_code, segment_id, channel, control_pct, starts_on, ends_on, status,
  created_at, launched_at, excluded)
SELECT md5('camp1')::uuid, 'Year-end time deposit drive', 'TD-12M', md5('s2')::uuid,
  'phone', 10, current_date - 7, current_date + 23, 'active', now(), now(), '{}'::jsonb;
INSERT INTO campaign_members (campaign_id, customer_id, grp, response)
SELECT md5('camp1')::uuid, m.customer_id,
  CASE WHEN get_byte(decode(md5(m.customer_id::text), 'hex'), 0) < 26 THEN 'control' ELSE 'target' END,
  CASE WHEN get_byte(decode(md5(m.customer_id::text), 'hex'), 0) >= 26
        AND get_byte(decode(md5(m.customer_id::text), 'hex'), 1) < 64 THEN 'contacted' END
FROM segment_members m WHERE m.segment_id = md5('s2')::uuid;
"""

STEPS: list[tuple[str, str]] = [
    (
        "branches and RMs",
        """
INSERT INTO branches (code, name, city)
SELECT 'BR' || lpad(b::text, 3, '0'), 'Branch ' || b, 'Beijing' FROM generate_series(1, 20) b;
INSERT INTO users (id, username, password_hash, display_name, role, branch_code, email, phone, active,
                   failed_logins, created_at)
SELECT md5('rm' || r)::uuid, 'rm' || r, 'x', 'RM ' || r, 'rm', 'BR' || lpad((1 + r % 20)::text, 3, '0'),
       'rm' || r || '@bank.example', '+86106555' || lpad(r::text, 4, '0'), true, 0, now()
FROM generate_series(1, 200) r;
""",
    ),
    (
        "products",
        """
INSERT INTO products (code, name, category, currency, rate, term_months, risk_level, active) VALUES
 ('CUR', 'Current account', 'current', 'CNY', 0.0010, NULL, 1, true),
 ('SAV', 'Savings account', 'savings', 'CNY', 0.0025, NULL, 1, true),
 ('TD-12M', '12-month time deposit', 'time_deposit', 'CNY', 0.0175, 12, 1, true),
 ('WM-R2', 'Steady wealth plan', 'wealth_product', 'CNY', 0.0300, 6, 2, true),
 ('FUND-BAL', 'Balanced fund', 'fund', 'CNY', NULL, NULL, 3, true),
 ('FUND-EQ', 'Equity growth fund', 'fund', 'CNY', NULL, NULL, 4, true),
 ('CC-GOLD', 'Gold credit card', 'credit_card', 'CNY', NULL, NULL, 1, true),
 ('LOAN-P', 'Personal loan', 'loan', 'CNY', 0.0450, 36, 1, true),
 ('INS-LIFE', 'Term life insurance', 'insurance', 'CNY', NULL, NULL, 2, true);
""",
    ),
    (
        "customers",
        f"""
INSERT INTO customers (id, customer_number, kind, name_zh, name_latin, birth_date, gender, id_type, id_number,
  phones, emails, preferred_language, marketing_consent, home_branch, relationship_manager_id, lifecycle_stage,
  tier, income_band, risk_preference, provisional, version, created_at, updated_at)
SELECT md5('c' || i)::uuid, 'C' || lpad(i::text, 10, '0'), 'individual', '客户' || i, 'Customer ' || i,
  date '1950-01-01' + (i * 7919 % 20000), CASE WHEN i % 2 = 0 THEN 'female' ELSE 'male' END,
  'resident_id', lpad((110101000000000000 + i)::text, 18, '0'),
  jsonb_build_array('+8613' || lpad((CASE WHEN i % 50 = 0 THEN i - 1 ELSE i END)::text, 9, '0')),
  '[]'::jsonb, 'zh-CN',
  jsonb_build_object('phone', i % 3 <> 0, 'sms', true),
  'BR' || lpad((1 + i % 20)::text, 3, '0'), md5('rm' || (1 + i % 200))::uuid,
  (ARRAY['new','growing','mature','declining'])[1 + i % 4],
  (ARRAY['ordinary','ordinary','ordinary','potential','key'])[1 + i % 5],
  (ARRAY['under_60k','60k_150k','150k_300k','300k_1m','over_1m'])[1 + (i / 7) % 5],
  (ARRAY['conservative','moderately_conservative','balanced','growth','aggressive'])[1 + (i / 3) % 5],
  false, 1, now(), now()
FROM generate_series(1, {CUSTOMERS}) i;
""",
    ),
    (
        "identities",
        f"""
INSERT INTO customer_identities (customer_id, source, key)
SELECT md5('c' || i)::uuid, 'customer_number', 'C' || lpad(i::text, 10, '0') FROM generate_series(1, {CUSTOMERS}) i
UNION ALL
SELECT md5('c' || i)::uuid, 'id_document', 'resident_id:' || lpad((110101000000000000 + i)::text, 18, '0')
FROM generate_series(1, {CUSTOMERS}) i
UNION ALL
SELECT md5('c' || i)::uuid, 'phone', '+8613' || lpad((CASE WHEN i % 50 = 0 THEN i - 1 ELSE i END)::text, 9, '0')
FROM generate_series(1, {CUSTOMERS}) i
UNION ALL
SELECT md5('c' || i)::uuid, 'card_token', 'tok_' || md5('card' || i) FROM generate_series(1, {CUSTOMERS}) i;
""",
    ),
    (
        "holdings",
        f"""
INSERT INTO holdings (id, customer_id, account_number, product_code, category, status, opened_on, balance,
  currency, credit_limit, rate, maturity_date, balance_as_of)
SELECT md5('h' || i || '-' || k)::uuid, md5('c' || i)::uuid, '6222' || lpad((i * 10 + k)::text, 12, '0'),
  p.code, p.category, 'active', date '2024-01-01' + (i % 600),
  CASE WHEN p.category = 'credit_card' THEN -((i * 37) % 20000) ELSE (i * 7919 % 500000) + 100 END,
  'CNY', CASE WHEN p.category = 'credit_card' THEN 50000 END, p.rate,
  CASE WHEN p.category IN ('time_deposit', 'wealth_product') THEN current_date + (i * 13 % 400) - 30 END,
  now() - interval '1 day'
FROM generate_series(1, {CUSTOMERS}) i
CROSS JOIN LATERAL (SELECT k FROM generate_series(1, 3 + i % 2) k) ks
JOIN LATERAL (SELECT code, category, rate FROM products
              ORDER BY code OFFSET ((i + k * 3) % 9) LIMIT 1) p ON true
ON CONFLICT DO NOTHING;
""",
    ),
    (
        "interactions (5,000,000)",
        f"""
ALTER TABLE interactions DROP CONSTRAINT IF EXISTS fk_interactions_customer_id_customers;
ALTER TABLE interactions DROP CONSTRAINT IF EXISTS fk_interactions_holding_id_holdings;
DROP INDEX IF EXISTS ix_interactions_customer_time;
DROP INDEX IF EXISTS ix_interactions_holding;
INSERT INTO interactions (id, customer_id, channel, type, direction, occurred_at, summary, amount, currency,
  source_ref, payload)
SELECT md5('i' || i || '-' || j)::uuid, md5('c' || i)::uuid,
  (ARRAY['teller','card','pos','atm','call_center','online_banking'])[1 + (i + j) % 6],
  (ARRAY['deposit','purchase','pos_purchase','atm_withdrawal','call_ended','login'])[1 + (i + j) % 6],
  'inbound', now() - ((j * 7 + i % 7) || ' days')::interval - ((i * j) % 86400 || ' seconds')::interval,
  'event ' || j, ((i * j) % 100000) / 100.0, 'CNY', 'B-' || i || '-' || j, '{{}}'::jsonb
FROM generate_series(1, {CUSTOMERS}) i, generate_series(1, {INTERACTIONS_PER_CUSTOMER}) j;
CREATE INDEX ix_interactions_customer_time ON interactions (customer_id, occurred_at, id);
CREATE INDEX ix_interactions_holding ON interactions (holding_id);
ALTER TABLE interactions ADD CONSTRAINT fk_interactions_customer_id_customers
  FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
ALTER TABLE interactions ADD CONSTRAINT fk_interactions_holding_id_holdings
  FOREIGN KEY (holding_id) REFERENCES holdings (id) NOT VALID;
""",
    ),
    (
        "scores, alerts, cases, segments",
        f"""
INSERT INTO customer_scores (customer_id, currency, aum, aum_3m_ago, deposit_balance, loan_balance,
  contribution_monthly, rfm_recency_days, rfm_frequency, rfm_monetary, churn_risk, churn_drivers, value_drivers,
  tier_reason, scored_at)
SELECT md5('c' || i)::uuid, 'CNY', i * 7919 % 900000, i * 7919 % 950000, i * 7919 % 500000, 0, (i % 900) + 0.5,
  i % 40, 50, 10000, ((i * 31) % 1000) / 1000.0,
  jsonb_build_array(jsonb_build_object('driver', 'aum_decline', 'weight', '0.31', 'text', 'AUM fell in 3 months')),
  '[]'::jsonb, 'AUM band', now()
FROM generate_series(1, {CUSTOMERS}) i;
INSERT INTO alerts (id, customer_id, kind, cause_key, severity, title, status, data, raised_at)
SELECT md5('a' || i)::uuid, md5('c' || i)::uuid, 'large_outflow', 'bench-' || i, 'high',
  'Large outflow', 'open', '{{}}'::jsonb, now() - interval '2 days'
FROM generate_series(1, {CUSTOMERS}, 10) i;
INSERT INTO cases (id, customer_id, kind, status, subject, channel, opened_at, sla_due_at)
SELECT md5('k' || i)::uuid, md5('c' || i)::uuid, 'complaint', 'open', 'Fee charged twice', 'call_center',
  now() - interval '3 days', now() - interval '1 day'
FROM generate_series(1, {CUSTOMERS}, 25) i;
INSERT INTO segments (id, code, name, kind, created_at) VALUES
  (md5('s1')::uuid, 'young_professionals', 'Young professionals', 'rule', now()),
  (md5('s2')::uuid, 'mass_affluent', 'Mass affluent', 'rule', now());
INSERT INTO segment_members (segment_id, customer_id, since)
SELECT md5('s' || (1 + i % 2))::uuid, md5('c' || i)::uuid, now() FROM generate_series(1, {CUSTOMERS}, 3) i;
""",
    ),
    ("campaigns", CAMPAIGNS_SQL),
    ("analyze", "ANALYZE;"),
]


async def main(dsn: str) -> None:
    conn = await asyncpg.connect(dsn)
    try:
        have = await conn.fetchval("SELECT count(*) FROM customers")
        if have:
            print(f"{have} customers already there: nothing to load")
            return
        for name, sql in STEPS:
            started = time.perf_counter()
            await conn.execute(sql)
            print(f"{name}: {time.perf_counter() - started:.1f} s", flush=True)
    finally:
        await conn.close()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))
