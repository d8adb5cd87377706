// Preparing a campaign (marketing, admins): what is offered, to whom, how, when, and how many are held out to measure
// the effect against. It is saved as a draft; nobody is in it until it is launched. The same form changes a draft,
// filled with its values, sending only the fields changed.
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { api, unwrap } from "../api/client";
import { useI18n, type MessageKey } from "../i18n";
import { ErrorMessage, Loading } from "../components/Status";
import { FieldProblem } from "../cases/FieldProblem";
import {
  changedFields,
  CHANNELS,
  CONTROL_PCT_DEFAULT,
  CONTROL_PCT_MAX,
  createFieldProblems,
  DESCRIPTION_MAX,
  NAME_MAX,
  isConflict,
  productName,
  useCreateCampaign,
  useUpdateCampaign,
  type CampaignDetail,
  type CampaignInput,
  type Channel,
  type CreateField,
} from "./api";
import { bankDate } from "../bankDay";

const PROBLEM_TEXT: Record<CreateField, MessageKey> = {
  name: "campaigns.invalid.name",
  description: "campaigns.invalid.description",
  product_code: "campaigns.invalid.product_code",
  segment_id: "campaigns.invalid.segment_id",
  channel: "campaigns.invalid.channel",
  control_pct: "campaigns.invalid.control_pct",
  starts_on: "campaigns.invalid.starts_on",
  ends_on: "campaigns.invalid.ends_on",
};

/** What the form holds, as its inputs hold it (the control share as typed). */
type Draft = Record<CreateField, string>;

/** The products on sale, for the picker. */
function useProductsOnSale() {
  return useQuery({
    queryKey: ["products", "on-sale"],
    queryFn: () => unwrap(api.GET("/api/v1/products", { params: { query: { limit: 500 } } })),
    select: (page) => page.items.filter((p) => p.active),
  });
}

/** The segments, for the picker (the same list the Segments page reads). */
function useSegments() {
  return useQuery({
    queryKey: ["segments", "list"],
    queryFn: () => unwrap(api.GET("/api/v1/segments", { params: { query: { limit: 200 } } })),
  });
}

/** What the form holds for a draft: its values as the inputs hold them. */
function draftOf(c: CampaignDetail): Draft {
  return {
    name: c.name,
    description: c.description ?? "",
    product_code: c.product.code,
    segment_id: c.segment.id,
    channel: c.channel,
    control_pct: String(c.control_pct),
    starts_on: c.starts_on,
    ends_on: c.ends_on,
  };
}

const inputOf = (d: Draft): CampaignInput => ({
  name: d.name,
  description: d.description,
  product_code: d.product_code,
  segment_id: d.segment_id,
  channel: d.channel as Channel,
  control_pct: Number(d.control_pct),
  starts_on: d.starts_on,
  ends_on: d.ends_on,
});

/**
 * The form that prepares a campaign; `onCreated` hears of the draft the server made. Given `campaign` (a draft), it
 * changes that draft instead: `onSaved` hears of it as it is now, `onConflict` of a 409 (launched meanwhile), and
 * `onCancel` of giving up.
 */
export function CampaignForm({
  onCreated,
  campaign,
  onSaved,
  onConflict,
  onCancel,
}: {
  onCreated?: (created: CampaignDetail) => void;
  campaign?: CampaignDetail;
  onSaved?: (saved: CampaignDetail) => void;
  onConflict?: () => void;
  onCancel?: () => void;
}) {
  const { t, label, locale } = useI18n();
  const products = useProductsOnSale();
  const segments = useSegments();
  const create = useCreateCampaign();
  const update = useUpdateCampaign(campaign?.id ?? "");
  const editing = !!campaign;
  const mutation = editing ? update : create;
  const [initial] = useState<Draft>(() =>
    campaign
      ? draftOf(campaign)
      : {
          name: "",
          description: "",
          product_code: "",
          segment_id: "",
          channel: "phone",
          control_pct: String(CONTROL_PCT_DEFAULT),
          starts_on: bankDate(),
          ends_on: bankDate(30),
        },
  );
  const [draft, setDraft] = useState<Draft>(initial);
  // Editing: nothing was changed, so nothing was sent.
  const [unchanged, setUnchanged] = useState(false);
  // The server's objection holds for what it was sent, not for what has been typed since.
  const [sent, setSent] = useState<Draft | null>(null);
  const first = useRef<HTMLInputElement>(null);
  // The name is where the form starts, once the pickers' lists are read and the form is shown.
  const ready = products.isSuccess && segments.isSuccess;
  useEffect(() => {
    if (ready) first.current?.focus();
  }, [ready]);

  const problems = createFieldProblems(mutation.error);
  const about = (field: CreateField) =>
    sent && sent[field] === draft[field] ? problems.filter((p) => p.field === field).map((p) => p.message) : [];
  // Anything not about one of the fields (a 403, the network) is said beneath the form; a 409 by the page.
  const other = mutation.error && problems.length === 0 && !isConflict(mutation.error) ? mutation.error : null;

  const set = (field: CreateField) => (e: { target: { value: string } }) => {
    setUnchanged(false);
    setDraft((d) => ({ ...d, [field]: e.target.value }));
  };

  function submit(e: FormEvent) {
    e.preventDefault();
    setSent(draft);
    if (!editing) {
      create.mutate(inputOf(draft), { onSuccess: (c) => onCreated?.(c) });
      return;
    }
    const changes = changedFields(inputOf(initial), inputOf(draft));
    if (Object.keys(changes).length === 0) {
      update.reset();
      setUnchanged(true);
      return;
    }
    update.mutate(changes, {
      onSuccess: (c) => onSaved?.(c),
      onError: (e) => {
        if (isConflict(e)) onConflict?.();
      },
    });
  }

  /** The props that tie a field to its hint and to the server's objection beside it. */
  function described(field: CreateField, hint?: string) {
    const messages = about(field);
    const ids = [hint, messages.length > 0 ? `cmp-${field}-problem` : undefined].filter(Boolean).join(" ");
    return {
      id: `cmp-${field}`,
      value: draft[field],
      onChange: set(field),
      "aria-invalid": messages.length > 0,
      "aria-describedby": ids || undefined,
    };
  }
  const problem = (field: CreateField) => (
    <FieldProblem id={`cmp-${field}-problem`} text={t(PROBLEM_TEXT[field])} messages={about(field)} />
  );

  if (products.isPending || segments.isPending) return <Loading />;
  if (products.isError) return <ErrorMessage error={products.error} onRetry={() => products.refetch()} />;
  if (segments.isError) return <ErrorMessage error={segments.error} onRetry={() => segments.refetch()} />;

  return (
    <form
      className="campaign-form"
      aria-label={editing ? t("campaigns.editTitle") : t("campaigns.create")}
      onSubmit={submit}
    >
      <p className="muted-text">{editing ? t("campaigns.editHint") : t("campaigns.createHint")}</p>
      <div className="grid-form">
        <div className="field wide">
          <label htmlFor="cmp-name">{t("campaigns.name")}</label>
          <input
            {...described("name", "cmp-name-hint")}
            ref={first}
            type="text"
            required
            autoComplete="off"
            maxLength={NAME_MAX}
          />
          <small id="cmp-name-hint">{t("campaigns.nameHint")}</small>
          {problem("name")}
        </div>
        <div className="field wide">
          <label htmlFor="cmp-description">{t("campaigns.description")}</label>
          <textarea {...described("description", "cmp-description-hint")} rows={2} maxLength={DESCRIPTION_MAX} />
          <small id="cmp-description-hint">{t("campaigns.descriptionHint")}</small>
          {problem("description")}
        </div>
        <div className="field">
          <label htmlFor="cmp-product_code">{t("campaigns.product")}</label>
          <select {...described("product_code", "cmp-product_code-hint")} required>
            <option value="">{t("campaigns.chooseProduct")}</option>
            {/* A draft's product no longer on sale stays choosable as it is (the server says if it may not be). */}
            {campaign && !products.data.some((p) => p.code === campaign.product.code) && (
              <option value={campaign.product.code}>
                {productName(campaign.product, locale)} ({campaign.product.code})
              </option>
            )}
            {products.data.map((p) => (
              <option key={p.code} value={p.code}>
                {productName(p, locale)} ({p.code})
              </option>
            ))}
          </select>
          <small id="cmp-product_code-hint">{t("campaigns.productHint")}</small>
          {problem("product_code")}
        </div>
        <div className="field">
          <label htmlFor="cmp-segment_id">{t("campaigns.segment")}</label>
          <select {...described("segment_id", "cmp-segment_id-hint")} required>
            <option value="">{t("campaigns.chooseSegment")}</option>
            {campaign && !segments.data.items.some((s) => s.id === campaign.segment.id) && (
              <option value={campaign.segment.id}>{campaign.segment.name}</option>
            )}
            {segments.data.items.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <small id="cmp-segment_id-hint">
            {segments.data.items.length === 0 ? t("campaigns.noSegments") : t("campaigns.segmentHint")}
          </small>
          {problem("segment_id")}
        </div>
        <div className="field">
          <label htmlFor="cmp-channel">{t("campaigns.channel")}</label>
          <select {...described("channel", "cmp-channel-hint")}>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {label("campaignChannel", c)}
              </option>
            ))}
          </select>
          <small id="cmp-channel-hint">{t("campaigns.channelHint")}</small>
          {problem("channel")}
        </div>
        <div className="field">
          <label htmlFor="cmp-control_pct">{t("campaigns.controlPct")}</label>
          <input
            {...described("control_pct", "cmp-control_pct-hint")}
            type="number"
            inputMode="numeric"
            required
            min={0}
            max={CONTROL_PCT_MAX}
            step={1}
          />
          <small id="cmp-control_pct-hint">{t("campaigns.controlPctHint")}</small>
          {problem("control_pct")}
        </div>
        <div className="field">
          <label htmlFor="cmp-starts_on">{t("campaigns.startsOn")}</label>
          <input {...described("starts_on")} type="date" required />
          {problem("starts_on")}
        </div>
        <div className="field">
          <label htmlFor="cmp-ends_on">{t("campaigns.endsOn")}</label>
          <input
            {...described("ends_on", "cmp-ends_on-hint")}
            type="date"
            required
            min={draft.starts_on || undefined}
          />
          <small id="cmp-ends_on-hint">{t("campaigns.endsOnHint")}</small>
          {problem("ends_on")}
        </div>
      </div>
      <div className="actions">
        <button type="submit" disabled={mutation.isPending}>
          {editing
            ? mutation.isPending
              ? t("common.saving")
              : t("campaigns.saveChanges")
            : mutation.isPending
              ? t("campaigns.creating")
              : t("campaigns.createSubmit")}
        </button>
        {editing && onCancel && (
          <button type="button" className="secondary" disabled={mutation.isPending} onClick={onCancel}>
            {t("common.cancel")}
          </button>
        )}
      </div>
      <div aria-live="polite">{unchanged && <p className="status notice">{t("campaigns.noChanges")}</p>}</div>
      {other !== null && <ErrorMessage error={other} />}
    </form>
  );
}
