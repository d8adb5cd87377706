// The segment rule builder's model, and the JSON AST it sends (domain/value/segments_rules.py):
// {"and"|"or": [...]}, {"attr", "op", "value"}, {"holds": "credit_card"}. Numbers travel as decimal strings.

export type AttrType = "number" | "money" | "date" | "text";

export interface AttributeSpec {
  name: string;
  type: AttrType;
  values?: readonly string[];
  integer?: boolean;
}

const TIER = ["key", "potential", "ordinary"];
const LIFECYCLE = ["prospect", "new", "growing", "mature", "declining", "dormant", "churned"];
const GENDER = ["female", "male", "other", "undisclosed"];
const INCOME = ["under_60k", "60k_150k", "150k_300k", "300k_1m", "over_1m"];
const EDUCATION = ["secondary", "vocational", "bachelor", "master", "doctorate", "other"];
const RISK = ["conservative", "moderately_conservative", "balanced", "growth", "aggressive"];
export const PRODUCT_CATEGORIES = [
  "current",
  "savings",
  "time_deposit",
  "loan",
  "mortgage",
  "credit_card",
  "wealth_product",
  "fund",
  "insurance",
];

/** The attributes the server's rule language knows (segments_rules.ATTRIBUTES). */
export const ATTRIBUTES: AttributeSpec[] = [
  { name: "tier", type: "text", values: TIER },
  { name: "lifecycle_stage", type: "text", values: LIFECYCLE },
  { name: "aum", type: "money" },
  { name: "aum_3m_ago", type: "money" },
  { name: "deposit_balance", type: "money" },
  { name: "loan_balance", type: "money" },
  { name: "contribution", type: "money" },
  { name: "churn_risk", type: "number" },
  { name: "age", type: "number", integer: true },
  { name: "gender", type: "text", values: GENDER },
  { name: "income_band", type: "text", values: INCOME },
  { name: "education", type: "text", values: EDUCATION },
  { name: "risk_preference", type: "text", values: RISK },
  { name: "occupation", type: "text" },
  { name: "home_branch", type: "text" },
  { name: "kind", type: "text", values: ["individual", "business"] },
  { name: "active_products", type: "number", integer: true },
  { name: "rfm_recency_days", type: "number", integer: true },
  { name: "rfm_frequency", type: "number", integer: true },
  { name: "rfm_monetary", type: "money" },
  { name: "birth_date", type: "date" },
  { name: "customer_since", type: "date" },
];

/** "holds" is the one function: a holding (not closed) of a product category. */
export const HOLDS = "holds";

export type Op = "=" | "!=" | "<" | "<=" | ">" | ">=" | "between" | "not_holds";

export function opsFor(field: string): Op[] {
  if (field === HOLDS) return ["=", "not_holds"];
  const a = ATTRIBUTES.find((x) => x.name === field);
  if (!a || a.type === "text") return ["=", "!="];
  return [">=", ">", "<=", "<", "=", "!=", "between"];
}

export interface RuleRow {
  field: string;
  op: Op;
  value: string;
  /** The upper bound for "between". */
  value2: string;
}

export interface RuleDraft {
  match: "and" | "or";
  rows: RuleRow[];
}

export function emptyRow(field = "aum"): RuleRow {
  const a = ATTRIBUTES.find((x) => x.name === field);
  return {
    field,
    op: opsFor(field)[0],
    value: a?.values?.[0] ?? (field === HOLDS ? PRODUCT_CATEGORIES[0] : ""),
    value2: "",
  };
}

export interface RowProblem {
  row: number;
  message: "required" | "number" | "integer" | "date" | "order";
}

const NUMBER = /^-?\d+(\.\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkValue(a: AttributeSpec, v: string): RowProblem["message"] | null {
  const s = v.trim();
  if (s === "") return "required";
  if (a.type === "number" || a.type === "money") {
    if (!NUMBER.test(s)) return "number";
    if (a.integer && s.includes(".")) return "integer";
  }
  if (a.type === "date" && !DATE.test(s)) return "date";
  return null;
}

/** What is wrong with the draft, row by row, before anything is sent. */
export function problemsOf(draft: RuleDraft): RowProblem[] {
  const out: RowProblem[] = [];
  draft.rows.forEach((r, i) => {
    if (r.field === HOLDS) {
      if (!r.value) out.push({ row: i, message: "required" });
      return;
    }
    const a = ATTRIBUTES.find((x) => x.name === r.field);
    if (!a) return out.push({ row: i, message: "required" });
    const p = checkValue(a, r.value) ?? (r.op === "between" ? checkValue(a, r.value2) : null);
    if (p) return out.push({ row: i, message: p });
    if (r.op === "between" && a.type !== "date" && Number(r.value) > Number(r.value2))
      out.push({ row: i, message: "order" });
  });
  return out;
}

type Node = Record<string, unknown>;

function nodeOf(r: RuleRow): Node {
  if (r.field === HOLDS) return r.op === "not_holds" ? { not: { holds: r.value } } : { holds: r.value };
  if (r.op === "between") return { attr: r.field, op: "between", value: [r.value.trim(), r.value2.trim()] };
  return { attr: r.field, op: r.op, value: r.value.trim() };
}

/** The JSON AST of the draft; one rule stands alone, several are joined by and/or. */
export function toRuleJson(draft: RuleDraft): Node {
  const nodes = draft.rows.map(nodeOf);
  return nodes.length === 1 ? nodes[0] : { [draft.match]: nodes };
}
