import type { Schemas } from "../api/client";

export function customerFixture(over: Partial<Schemas["CustomerDetailOut"]> = {}): Schemas["CustomerDetailOut"] {
  return {
    id: "11111111-1111-4111-8111-111111111111",
    customer_number: "C0000000042",
    kind: "individual",
    display_name: "王芳 (Wang Fang)",
    name_zh: "王芳",
    name_latin: "Wang Fang",
    birth_date: "1988-04-12",
    gender: "female",
    id_document: { type: "resident_id", number: "1101**********1234" },
    phones: ["+86138****5678"],
    masked_phone: "+86138****5678",
    emails: ["wf@example.com"],
    address: null,
    occupation: "Teacher",
    education: "bachelor",
    income_band: "150k_300k",
    risk_preference: "balanced",
    preferred_language: "zh-CN",
    marketing_consent: {},
    home_branch: "BJ001",
    relationship_manager: null,
    lifecycle_stage: "growing",
    tier: "potential",
    segments: [],
    provisional: false,
    merged_into: null,
    version: 3,
    created_at: "2026-01-05T08:00:00Z",
    updated_at: "2026-11-20T08:00:00Z",
    relations: [],
    identities: [],
    ...over,
  } as Schemas["CustomerDetailOut"];
}

const CALLER_ID = "3f2b8c1e-5d4a-4e2b-9c1d-7a6b5c4d3e2f";

/** A call-center interaction as the context and the stream send it. */
export function interactionFixture(n: number, over: Partial<Schemas["ContextInteractionOut"]> = {}) {
  const day = String(28 - n).padStart(2, "0");
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    channel: "card",
    type: "purchase",
    direction: "outbound",
    occurred_at: `2026-11-${day}T09:12:00+00:00`,
    actor: null,
    summary: `Purchase ${n}`,
    outcome: "approved",
    amount: "424.21",
    currency: "CNY",
    source_ref: `CARD-${n}`,
    details: {},
    ...over,
  } as Schemas["ContextInteractionOut"];
}

/** GET /contact-center/context for one caller (api/schemas/contact_center.py's example, 10 interactions). */
export function callerContextFixture(over: Partial<Schemas["UniqueContextOut"]> = {}): Schemas["UniqueContextOut"] {
  return {
    match: "unique",
    customer: {
      id: CALLER_ID,
      customer_number: "C0000012345",
      kind: "individual",
      display_name: "王芳 (Wang Fang)",
      name_zh: "王芳",
      name_latin: "Wang Fang",
      masked_phone: "+86138****5678",
      phones: ["+86138****5678"],
      id_document: { type: "resident_id", number: "110***********1234" },
      birth_year: 1988,
      age_band: "35_44",
      income_band: "150k_300k",
      risk_preference: "balanced",
      preferred_language: "zh-CN",
      marketing_consent: { phone: true, sms: false },
      home_branch: "BJ001",
      tier: "potential",
      segments: ["young_professionals"],
      segment_names: { young_professionals: "Young professionals" },
      lifecycle_stage: "growing",
      provisional: false,
      relationship_manager: {
        id: "9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d",
        username: "li.na",
        display_name: "Li Na",
        phone: "+861065551234",
        email: "li.na@bank.example",
        branch: "BJ001",
      },
    },
    value: {
      currency: "CNY",
      aum: "385000.0000",
      deposit_balance: "285000.0000",
      loan_balance: "0.0000",
      contribution_monthly: "412.5000",
      churn_risk: "0.4200",
      churn_drivers: [{ driver: "balance_outflow", weight: "0.31", text: "balances fell 28% over three months" }],
      value_drivers: [],
      tier_reason: null,
      lifecycle_reason: null,
      scored_at: "2026-11-23T02:00:00+00:00",
    },
    holdings: [
      {
        id: "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
        account_number: "****3445",
        product_code: "TD-12M",
        product_name: "12-month time deposit",
        product_name_zh: "一年期定期存款",
        category: "time_deposit",
        status: "active",
        balance: "100000.0000",
        currency: "CNY",
        credit_limit: null,
        rate: "0.017500",
        opened_on: "2025-12-10",
        maturity_date: "2026-12-10",
        days_to_maturity: 17,
        balance_as_of: "2026-11-22T16:00:00+00:00",
      },
      {
        id: "1c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
        account_number: "****0100",
        product_code: "CUR-CNY",
        product_name: "Current Account",
        product_name_zh: "活期储蓄账户",
        category: "current",
        status: "active",
        balance: "90071992547409.9900",
        currency: "CNY",
        credit_limit: null,
        rate: "0.001000",
        opened_on: "2021-04-27",
        maturity_date: null,
        days_to_maturity: null,
        balance_as_of: "2026-11-22T16:00:00+00:00",
      },
    ],
    recent_interactions: [
      interactionFixture(1, {
        channel: "call_center",
        type: "call_ended",
        direction: "inbound",
        actor: "agent-042",
        summary: "Asked about card limit",
        outcome: "resolved",
        amount: null,
        currency: null,
        details: { disposition: "resolved", notes: "Raised limit request", satisfaction: 4 },
      }),
      ...Array.from({ length: 9 }, (_, i) => interactionFixture(i + 2)),
    ],
    open_cases: [
      {
        id: "7b8c9d0e-1f2a-4b3c-9d4e-5f6a7b8c9d0e",
        kind: "complaint",
        status: "open",
        subject: "Charged twice for annual card fee",
        channel: "call_center",
        opened_at: "2026-11-19T08:00:00+00:00",
        sla_due_at: "2026-11-21T08:00:00+00:00",
        overdue: true,
        closed_at: null,
        resolution: null,
        satisfaction: null,
        opened_by_username: null,
      },
    ],
    alerts: [
      {
        id: "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
        kind: "large_outflow",
        severity: "high",
        title: "Large outflow: 200000.00 CNY left in 7 days",
        detail: null,
        status: "open",
        raised_at: "2026-11-22T10:00:00+00:00",
        data: {
          amount: "200000.00",
          currency: "CNY",
          window_start: "2026-11-22",
          usual_monthly_outflow: "12000.00",
        },
      },
    ],
    // Out of the server's order (most urgent first), for the page to sort; each as the server words it.
    next_best_actions: [
      {
        kind: "offer_product",
        priority: "low",
        title: "Offer Steady Income Fund",
        reason:
          "46% of 1180 similar customers (same tier, age and income band) hold a fund product and this customer " +
          "has none; risk level R3 suits the customer's balanced risk preference; the customer consents to phone offers",
        refs: {
          product_code: "FUND-BAL",
          category: "fund",
          product_name: "Steady Income Fund",
          product_name_zh: "稳健收益基金",
          peer_share_pct: "46",
          peers: "1180",
          risk_level: "3",
          risk_preference: "balanced",
        },
      },
      {
        kind: "roll_over_maturity",
        priority: "medium",
        title: "Offer to roll over 12-month time deposit ****3445",
        reason: "12-month time deposit ****3445 (CNY 100,000.00) matures on 2026-12-10, in 17 days",
        refs: { holding_id: "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", product_code: "TD-12M" },
      },
      {
        kind: "acknowledge_complaint",
        priority: "high",
        title: "Acknowledge the recent complaint",
        reason:
          "complaint of 2026-11-19 (Charged twice for annual card fee) is still open, past its service-level due " +
          "time 2026-11-21T08:00+00:00",
        refs: { case_id: "7b8c9d0e-1f2a-4b3c-9d4e-5f6a7b8c9d0e" },
      },
      {
        kind: "address_alert",
        priority: "high",
        title: "Address alert: Large outflow: 200000.00 CNY left in 7 days",
        reason: "open large_outflow alert raised 2026-11-22",
        refs: { alert_id: "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d" },
      },
    ],
    ...over,
  };
}

/** A case as GET /cases sends it: an open complaint past its due time unless told otherwise. */
export function caseFixture(over: Partial<Schemas["CaseOut"]> = {}): Schemas["CaseOut"] {
  return {
    id: "7b8c9d0e-1f2a-4b3c-9d4e-5f6a7b8c9d0e",
    customer: {
      id: "11111111-1111-4111-8111-111111111111",
      customer_number: "C0000000042",
      display_name: "王芳 (Wang Fang)",
    },
    kind: "complaint",
    status: "open",
    subject: "Charged twice for annual card fee",
    channel: "call_center",
    opened_at: "2026-11-19T08:00:00+00:00",
    // A complaint comes through the call-center feed: nobody opened it by hand.
    opened_by: null,
    opened_by_username: null,
    sla_due_at: "2026-11-21T08:00:00+00:00",
    overdue: true,
    closed_at: null,
    closed_by: null,
    closed_by_username: null,
    resolution: null,
    satisfaction: null,
    source_ref: "CC-20261119-0042",
    ...over,
  };
}

/** A case as the context lists it and the stream sends it: a complaint the call center's feed just opened,
 * due in two days. */
export function contextCaseFixture(over: Partial<Schemas["ContextCaseOut"]> = {}): Schemas["ContextCaseOut"] {
  return {
    id: "6c6c6c6c-0000-4000-8000-000000000001",
    kind: "complaint",
    status: "open",
    subject: "Charged twice for one transfer",
    channel: "call_center",
    opened_at: "2026-11-28T10:00:00+00:00",
    sla_due_at: "2026-11-30T10:00:00+00:00",
    overdue: false,
    closed_at: null,
    resolution: null,
    satisfaction: null,
    opened_by_username: null,
    ...over,
  };
}

/** A campaign as GET /campaigns lists it: active, launched a week ago, with contacts left for the reader. */
export function campaignFixture(over: Partial<Schemas["CampaignOut"]> = {}): Schemas["CampaignOut"] {
  return {
    id: "ca000000-0000-4000-8000-000000000001",
    name: "Year-end time deposit drive",
    description: "Offer the 12-month time deposit to wealth prospects before the year ends.",
    status: "active",
    product: { code: "TD-12M", name: "Time Deposit 12 Months", name_zh: "一年期定期存款", category: "time_deposit" },
    segment: { id: "5e000000-0000-4000-8000-000000000001", code: "wealth-prospects", name: "Wealth prospects" },
    channel: "phone",
    control_pct: 10,
    starts_on: "2026-11-20",
    ends_on: "2026-12-31",
    created_at: "2026-11-18T09:00:00+00:00",
    created_by_username: "mkt.zhao",
    launched_at: "2026-11-20T08:00:00+00:00",
    closed_at: null,
    excluded: { no_consent: 41, unsuitable: 7, already_holds: 12 },
    targets: 180,
    controls: 20,
    responded: 64,
    to_contact: 9,
    ...over,
  };
}

/** A campaign's effect as the server measures it (domain/campaigns.py's measure of 228 of 2,500 against 7 of 200,
 * its interval Newcombe's) and sends it (decimal strings without trailing zeros): significant, with enough data, so
 * far (the campaign runs on). */
export function effectFixture(over: Partial<Schemas["EffectOut"]> = {}): Schemas["EffectOut"] {
  return {
    as_of: "2026-12-03",
    final: false,
    target: {
      customers: 2500,
      converted: 228,
      conversion_rate: "0.0912",
      converted_balances: [
        { amount: "8200000.00", currency: "CNY" },
        { amount: "15000.00", currency: "USD" },
      ],
    },
    control: { customers: 200, converted: 7, conversion_rate: "0.035", converted_balances: [] },
    uplift_pp: "5.62",
    ci95_low_pp: "1.92",
    ci95_high_pp: "7.77",
    p_value: "0.0067",
    enough_data: true,
    significant: true,
    incremental_conversions: "140.5",
    relative_lift: "1.6057",
    responses: { contacted: 20, interested: 25, declined: 12, unreachable: 7, none: 2436 },
    converted_by_response: { contacted: 3, interested: 14, declined: 0, unreachable: 1, none: 210 },
    ...over,
  };
}

/** One campaign with its effect, as GET /campaigns/{id} answers. */
export function campaignDetailFixture(over: Partial<Schemas["CampaignDetailOut"]> = {}): Schemas["CampaignDetailOut"] {
  return { ...campaignFixture(), effect: effectFixture(), ...over };
}

/** A campaign's customer as GET /campaigns/{id}/members lists them: a target customer not contacted yet. */
export function memberFixture(
  n: number,
  over: Partial<Schemas["api__campaigns__MemberOut"]> = {},
): Schemas["api__campaigns__MemberOut"] {
  return {
    customer: {
      id: `cc000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
      customer_number: `C${String(n).padStart(10, "0")}`,
      display_name: `Customer ${n}`,
    },
    tier: "potential",
    group: "target",
    response: null,
    responded_at: null,
    responded_by_username: null,
    note: null,
    converted_on: null,
    rm_username: "rm.li",
    rm_name: "Li Ming",
    ...over,
  };
}

/** A campaign a customer is in, as GET /customers/{id}/campaigns lists it: the running year-end drive, the customer a
 * target not contacted yet. */
export function customerCampaignFixture(
  over: Partial<Schemas["CustomerCampaignOut"]> = {},
  campaign: Partial<Schemas["CampaignRefOut"]> = {},
): Schemas["CustomerCampaignOut"] {
  const c = campaignFixture();
  return {
    campaign: {
      id: c.id,
      name: c.name,
      status: c.status,
      product: c.product,
      channel: c.channel,
      starts_on: c.starts_on,
      ends_on: c.ends_on,
      ...campaign,
    },
    group: "target",
    response: null,
    responded_at: null,
    responded_by_username: null,
    note: null,
    converted_on: null,
    ...over,
  };
}

/** One RM's row of GET /analytics/rm-performance, as the server writes it (money to two places at least, other
 * decimals without trailing zeros): a busy RM of BJ001 whose portfolio grew. */
export function rmPerformanceFixture(over: Partial<Schemas["RmPerformanceOut"]> = {}): Schemas["RmPerformanceOut"] {
  return {
    rm: { id: "00000000-0000-4000-8000-000000000001", username: "rm.li", display_name: "Li Ming", branch: "BJ001" },
    customers: 142,
    key_customers: 18,
    aum: "48250000.00",
    aum_change_3m: "1250000.50",
    contribution_monthly: "186400.25",
    alerts_open: 3,
    alerts_resolved: 12,
    alert_median_hours: "5.5",
    cases_closed: 13,
    cases_closed_in_time: 12,
    sla_rate: "0.9231",
    satisfaction_avg: "4.25",
    cases_overdue: 1,
    campaign_targets: 40,
    campaign_contacted: 15,
    campaign_contact_rate: "0.375",
    campaign_converted: 4,
    visits: 6,
    ...over,
  };
}

/** GET /analytics/rm-performance: the period's bounds and the RMs, the best monthly contribution first. */
export function rmPerformanceReportFixture(
  rms: Schemas["RmPerformanceOut"][] = [rmPerformanceFixture()],
  days = 90,
): Schemas["RmPerformanceReportOut"] {
  const until = new Date("2026-12-03T09:00:00+00:00");
  const since = new Date(until.getTime() - days * 86_400_000);
  return { currency: "CNY", since: since.toISOString(), until: until.toISOString(), rms };
}

/** A running campaign's offer among the caller's next best actions, as the server words it (domain/contact_center.py):
 * the year-end drive's product, the customer not contacted yet unless told otherwise. */
export function campaignOfferActionFixture(
  refs: Record<string, string> = {},
): Schemas["UniqueContextOut"]["next_best_actions"][number] {
  const c = campaignFixture();
  return {
    kind: "campaign_offer",
    priority: "medium",
    title: `Offer ${c.product.name} (${c.name})`,
    reason:
      `The customer is in the target group of the campaign ${c.name}, running until ${c.ends_on}, and has not been ` +
      "contacted yet; the customer consents to phone offers. Record their answer.",
    refs: {
      campaign_id: c.id,
      campaign_name: c.name,
      product_code: c.product.code,
      product_name: c.product.name,
      product_name_zh: c.product.name_zh ?? "",
      category: c.product.category,
      ends_on: c.ends_on,
      response: "",
      ...refs,
    },
  };
}

/** A task as GET /tasks lists it: open, rm.li's own, about a customer of hers, due on 2 December 2026. */
export function taskFixture(over: Partial<Schemas["TaskOut"]> = {}): Schemas["TaskOut"] {
  return {
    id: "7a5c0000-0000-4000-8000-000000000001",
    title: "Call about the maturing time deposit",
    note: null,
    customer: {
      id: "11111111-1111-4111-8111-111111111111",
      customer_number: "C0000000042",
      display_name: "王芳 (Wang Fang)",
    },
    assignee: { id: "00000000-0000-4000-8000-000000000001", username: "rm.li", display_name: "Li Ming" },
    due_on: "2026-12-02",
    overdue: false,
    status: "open",
    created_at: "2026-11-28T09:00:00+00:00",
    created_by_username: "rm.li",
    closed_at: null,
    closed_by_username: null,
    outcome: null,
    ...over,
  };
}

/** An entry of the audit log as GET /audit lists it: rm.li read a customer's profile on the 360 view. */
export function auditEntryFixture(over: Partial<Schemas["AuditEntryOut"]> = {}): Schemas["AuditEntryOut"] {
  const entry = {
    id: 1042,
    at: "2026-12-02T09:15:30+00:00",
    actor_kind: "user",
    actor: "rm.li",
    actor_id: "00000000-0000-4000-8000-000000000001",
    role: "rm",
    action: "read",
    view: "customers-get",
    method: "GET",
    path: "/api/v1/customers/11111111-1111-4111-8111-111111111111",
    customer_ids: ["11111111-1111-4111-8111-111111111111"],
    fields: [],
    detail: {},
    ip: "10.1.2.3",
    outcome: 200,
    request_id: "5f0c2a9e1b7d4c3a8e6f0a1b2c3d4e5f",
    ...over,
  };
  // The customers by number too; unless given, none is on record any more (the link shows the id's start).
  return { ...entry, customers: over.customers ?? entry.customer_ids.map((id) => ({ id, customer_number: null })) };
}
