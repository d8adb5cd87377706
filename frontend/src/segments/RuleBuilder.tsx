import { useI18n, type MessageKey } from "../i18n";
import {
  ATTRIBUTES,
  emptyRow,
  HOLDS,
  opsFor,
  PRODUCT_CATEGORIES,
  type Op,
  type RowProblem,
  type RuleDraft,
  type RuleRow,
} from "./rules";

const OP_KEYS: Record<Op, MessageKey | null> = {
  "=": null,
  "!=": null,
  "<": null,
  "<=": null,
  ">": null,
  ">=": null,
  between: "segments.between",
  not_holds: "common.no",
};

const PROBLEM_KEYS: Record<RowProblem["message"], MessageKey> = {
  required: "rule.required",
  number: "rule.number",
  integer: "rule.integer",
  date: "rule.date",
  order: "rule.order",
};

export function RuleBuilder({
  draft,
  onChange,
  problems,
}: {
  draft: RuleDraft;
  onChange: (d: RuleDraft) => void;
  problems: RowProblem[];
}) {
  const { t, label } = useI18n();
  const fieldLabel = (name: string) => (name === HOLDS ? t("segments.holds") : label("attr", name));
  const opLabel = (field: string, op: Op) => {
    if (field === HOLDS) return op === "not_holds" ? t("rule.notHolds") : t("rule.holds");
    const key = OP_KEYS[op];
    return key ? t(key) : op;
  };

  function setRow(i: number, row: RuleRow) {
    onChange({ ...draft, rows: draft.rows.map((r, j) => (j === i ? row : r)) });
  }

  return (
    <fieldset className="rule-builder">
      <legend className="visually-hidden">{t("segments.builder")}</legend>
      <div className="field inline">
        <label htmlFor="rule-match">{t("segments.match")}</label>
        <select
          id="rule-match"
          value={draft.match}
          onChange={(e) => onChange({ ...draft, match: e.target.value as "and" | "or" })}
        >
          <option value="and">{t("segments.matchAll")}</option>
          <option value="or">{t("segments.matchAny")}</option>
        </select>
      </div>
      {draft.rows.map((r, i) => {
        const attr = ATTRIBUTES.find((a) => a.name === r.field);
        const choices = r.field === HOLDS ? PRODUCT_CATEGORIES : attr?.values;
        const problem = problems.find((p) => p.row === i);
        const n = i + 1;
        const inputType = attr?.type === "date" ? "date" : "text";
        const valueLabel = `${t("segments.ruleN", { n })} ${t("segments.value")}`;
        return (
          <div className="rule" key={i} data-testid={`rule-${n}`}>
            <div className="field">
              <label htmlFor={`rule-${n}-field`}>
                {t("segments.ruleN", { n })} {t("segments.field")}
              </label>
              <select id={`rule-${n}-field`} value={r.field} onChange={(e) => setRow(i, emptyRow(e.target.value))}>
                {ATTRIBUTES.map((a) => (
                  <option key={a.name} value={a.name}>
                    {fieldLabel(a.name)}
                  </option>
                ))}
                <option value={HOLDS}>{fieldLabel(HOLDS)}</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor={`rule-${n}-op`}>
                {t("segments.ruleN", { n })} {t("segments.op")}
              </label>
              <select id={`rule-${n}-op`} value={r.op} onChange={(e) => setRow(i, { ...r, op: e.target.value as Op })}>
                {opsFor(r.field).map((op) => (
                  <option key={op} value={op}>
                    {opLabel(r.field, op)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`rule-${n}-value`}>{valueLabel}</label>
              {choices ? (
                <select
                  id={`rule-${n}-value`}
                  value={r.value}
                  onChange={(e) => setRow(i, { ...r, value: e.target.value })}
                >
                  {choices.map((v) => (
                    <option key={v} value={v}>
                      {r.field === HOLDS
                        ? label("category", v)
                        : label(r.field === "kind" ? "kind" : r.field === "lifecycle_stage" ? "lifecycle" : r.field, v)}
                    </option>
                  ))}
                </select>
              ) : (
                <div className="between">
                  <input
                    id={`rule-${n}-value`}
                    type={inputType}
                    inputMode={attr?.type === "money" || attr?.type === "number" ? "decimal" : undefined}
                    value={r.value}
                    aria-invalid={!!problem}
                    aria-describedby={problem ? `rule-${n}-problem` : undefined}
                    onChange={(e) => setRow(i, { ...r, value: e.target.value })}
                  />
                  {r.op === "between" && (
                    <>
                      <span>{t("segments.valueTo")}</span>
                      <input
                        aria-label={`${valueLabel} (${t("segments.valueTo")})`}
                        type={inputType}
                        value={r.value2}
                        onChange={(e) => setRow(i, { ...r, value2: e.target.value })}
                      />
                    </>
                  )}
                </div>
              )}
              {problem && (
                <small className="field-problem" id={`rule-${n}-problem`} role="alert">
                  {t(PROBLEM_KEYS[problem.message])}
                </small>
              )}
            </div>
            <button
              type="button"
              className="secondary"
              disabled={draft.rows.length === 1}
              aria-label={`${t("segments.removeRule")} ${n}`}
              onClick={() => onChange({ ...draft, rows: draft.rows.filter((_, j) => j !== i) })}
            >
              ✕
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="secondary"
        onClick={() => onChange({ ...draft, rows: [...draft.rows, emptyRow("tier")] })}
      >
        + {t("segments.addRule")}
      </button>
    </fieldset>
  );
}
