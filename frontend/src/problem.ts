// problem+json -> a message in the user's language, with the fields the server named.
import { ApiError, type FieldError } from "./api/client";
import type { MessageKey, Translate } from "./i18n";

export interface ReadableError {
  message: string;
  /** The server's own words (English), shown beneath as detail. */
  detail: string | null;
  fields: FieldError[];
}

const KNOWN = new Set([400, 401, 403, 404, 409, 412, 422, 428, 429, 500, 503]);

// Problem types the UI words more precisely than the status alone.
const BY_TYPE: Record<string, MessageKey> = {
  "/problems/stale-version": "error.412",
  "/problems/bad-credentials": "error.401",
  "/problems/locked": "error.429",
  "/problems/if-match-required": "error.428",
  "/problems/not-found": "error.404",
  "/problems/validation-error": "error.422",
};

export function readableError(err: unknown, t: Translate): ReadableError {
  if (!(err instanceof ApiError)) {
    return {
      message: t("error.other", { status: "?" }),
      detail: err instanceof Error ? err.message : null,
      fields: [],
    };
  }
  if (err.status === 0) return { message: t("error.network"), detail: null, fields: [] };
  const p = err.problem;
  let key: MessageKey | null = p?.type ? (BY_TYPE[p.type] ?? null) : null;
  if (!key)
    key = KNOWN.has(err.status) ? (`error.${err.status}` as MessageKey) : err.status >= 500 ? "error.500" : null;
  let message = key ? t(key) : t("error.other", { status: err.status });
  const retry = p?.["retry_after"];
  if (err.status === 429 && typeof retry === "number") message += ` ${t("error.retryAfter", { seconds: retry })}`;
  const detail = p?.detail && p.detail !== message ? p.detail : null;
  return { message, detail, fields: Array.isArray(p?.errors) ? p.errors : [] };
}
