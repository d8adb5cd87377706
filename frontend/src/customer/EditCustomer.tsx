// Editing with optimistic concurrency: PATCH with If-Match; on 412 read the record again and show the other
// person's change beside ours, and let the user choose, instead of a blank error.
import { useState, type FormEvent } from "react";
import { api, ApiError, unwrapWithResponse, type Schemas } from "../api/client";
import { formatDateTime } from "../format";
import { useI18n, type MessageKey } from "../i18n";
import { ErrorMessage } from "../components/Status";

export type Customer = Schemas["CustomerDetailOut"];
type Patch = Schemas["CustomerPatch"];

export const EDITABLE = [
  "name_latin",
  "occupation",
  "emails",
  "education",
  "income_band",
  "risk_preference",
  "preferred_language",
] as const;
export type EditableField = (typeof EDITABLE)[number];

const LABELS: Record<EditableField, MessageKey> = {
  name_latin: "c360.nameLatin",
  occupation: "c360.occupation",
  emails: "c360.emails",
  education: "c360.education",
  income_band: "c360.incomeBand",
  risk_preference: "c360.riskPreference",
  preferred_language: "c360.language",
};

const CHOICES: Partial<Record<EditableField, readonly string[]>> = {
  education: ["secondary", "vocational", "bachelor", "master", "doctorate", "other"],
  income_band: ["under_60k", "60k_150k", "150k_300k", "300k_1m", "over_1m"],
  risk_preference: ["conservative", "moderately_conservative", "balanced", "growth", "aggressive"],
  preferred_language: ["zh-CN", "en"],
};

type FormValues = Record<EditableField, string>;

/** The form's text for a field of a customer record. */
export function fieldText(c: Customer, f: EditableField): string {
  if (f === "emails") return c.emails.join(", ");
  const v = c[f];
  return v === null || v === undefined ? "" : String(v);
}

function valuesOf(c: Customer): FormValues {
  return Object.fromEntries(EDITABLE.map((f) => [f, fieldText(c, f)])) as FormValues;
}

/** The PATCH body for the fields that differ from the base record. */
export function patchOf(base: FormValues, edited: FormValues): Patch {
  const patch: Record<string, unknown> = {};
  for (const f of EDITABLE) {
    if (edited[f] === base[f]) continue;
    const v = edited[f].trim();
    if (f === "emails")
      patch.emails = v
        .split(/[,;\s]+/)
        .map((s) => s.trim())
        .filter(Boolean);
    else if (f === "preferred_language") patch[f] = v || "zh-CN";
    else patch[f] = v === "" ? null : v;
  }
  return patch as Patch;
}

interface Conflict {
  mine: FormValues;
  base: FormValues;
  theirs: Customer;
  theirsEtag: string;
}

export function EditCustomer({
  customer,
  etag,
  onSaved,
  onCancel,
}: {
  customer: Customer;
  etag: string;
  onSaved: (c: Customer, etag: string) => void;
  onCancel: () => void;
}) {
  const { t, label, locale } = useI18n();
  const [base, setBase] = useState<FormValues>(() => valuesOf(customer));
  const [baseEtag, setBaseEtag] = useState(etag);
  const [values, setValues] = useState<FormValues>(() => valuesOf(customer));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);

  async function send(patch: Patch, ifMatch: string, mine: FormValues, from: FormValues) {
    setBusy(true);
    setError(null);
    try {
      const { data, response } = await unwrapWithResponse(
        api.PATCH("/api/v1/customers/{customer_id}", {
          params: { path: { customer_id: customer.id }, header: { "If-Match": ifMatch } },
          body: patch,
        }),
      );
      setConflict(null);
      onSaved(data, response.headers.get("ETag") ?? `"v${data.version}"`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        try {
          const { data: theirs, response } = await unwrapWithResponse(
            api.GET("/api/v1/customers/{customer_id}", { params: { path: { customer_id: customer.id } } }),
          );
          setConflict({ mine, base: from, theirs, theirsEtag: response.headers.get("ETag") ?? `"v${theirs.version}"` });
        } catch (again) {
          setError(again);
        }
      } else {
        setError(e);
      }
    } finally {
      setBusy(false);
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const patch = patchOf(base, values);
    if (Object.keys(patch).length === 0) return onCancel();
    void send(patch, baseEtag, values, base);
  }

  function keepTheirs() {
    if (!conflict) return;
    const theirs = valuesOf(conflict.theirs);
    setBase(theirs);
    setValues(theirs);
    setBaseEtag(conflict.theirsEtag);
    setConflict(null);
    onSaved(conflict.theirs, conflict.theirsEtag);
  }

  function applyMine() {
    if (!conflict) return;
    const theirs = valuesOf(conflict.theirs);
    // Only the fields this user changed go over the current record; the other person's other changes stay.
    const patch = patchOf(conflict.base, conflict.mine);
    setBase(theirs);
    setBaseEtag(conflict.theirsEtag);
    void send(patch, conflict.theirsEtag, conflict.mine, theirs);
  }

  const show = (f: EditableField, v: string) =>
    v === "" ? "—" : CHOICES[f] && f !== "preferred_language" ? label(f, v) : v;

  if (conflict) {
    const theirs = valuesOf(conflict.theirs);
    const rows = EDITABLE.filter((f) => conflict.mine[f] !== conflict.base[f] || theirs[f] !== conflict.base[f]);
    return (
      <div className="conflict" role="alertdialog" aria-labelledby="conflict-h" aria-describedby="conflict-d">
        <h3 id="conflict-h">{t("conflict.title")}</h3>
        <p id="conflict-d">
          {t("conflict.explain")}{" "}
          {t("conflict.changedBy", { when: formatDateTime(conflict.theirs.updated_at, locale) })}
        </p>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("conflict.field")}</th>
                <th scope="col">{t("conflict.original")}</th>
                <th scope="col">{t("conflict.yours")}</th>
                <th scope="col">{t("conflict.theirs")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((f) => (
                <tr key={f} data-field={f}>
                  <th scope="row">{t(LABELS[f])}</th>
                  <td>{show(f, conflict.base[f])}</td>
                  <td className={conflict.mine[f] !== conflict.base[f] ? "changed mine" : undefined}>
                    {show(f, conflict.mine[f])}
                  </td>
                  <td className={theirs[f] !== conflict.base[f] ? "changed theirs" : undefined}>
                    {show(f, theirs[f])}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {error !== null && <ErrorMessage error={error} />}
        <div className="actions">
          <button type="button" onClick={applyMine} disabled={busy}>
            {busy ? t("common.saving") : t("conflict.applyMine")}
          </button>
          <button type="button" className="secondary" onClick={keepTheirs} disabled={busy}>
            {t("conflict.keepTheirs")}
          </button>
        </div>
      </div>
    );
  }

  return (
    <form className="edit-form" onSubmit={submit} aria-label={t("c360.edit")}>
      {error !== null && <ErrorMessage error={error} />}
      <div className="grid-form">
        {EDITABLE.map((f) => {
          const id = `edit-${f}`;
          const choices = CHOICES[f];
          return (
            <div className="field" key={f}>
              <label htmlFor={id}>{t(LABELS[f])}</label>
              {choices ? (
                <select id={id} value={values[f]} onChange={(e) => setValues({ ...values, [f]: e.target.value })}>
                  {f !== "preferred_language" && <option value="">—</option>}
                  {choices.map((c) => (
                    <option key={c} value={c}>
                      {f === "preferred_language" ? (c === "en" ? "English" : "中文") : label(f, c)}
                    </option>
                  ))}
                </select>
              ) : (
                <input id={id} value={values[f]} onChange={(e) => setValues({ ...values, [f]: e.target.value })} />
              )}
            </div>
          );
        })}
      </div>
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? t("common.saving") : t("common.save")}
        </button>
        <button type="button" className="secondary" onClick={onCancel} disabled={busy}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
