import type { ReactNode } from "react";
import { useI18n } from "../i18n";
import { readableError } from "../problem";

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <p className="status loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {label ?? t("common.loading")}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="status empty">{children}</p>;
}

/** What just arrived on the Caller page's live stream, marked for a while (with the `fresh` class on its row). */
export function NewMark() {
  const { t } = useI18n();
  return <span className="tag new">{t("caller.new")}</span>;
}

/** An API error as the user reads it: a sentence in their language, the fields to fix, the server's detail. */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const e = readableError(error, t);
  return (
    <div className="status error" role="alert">
      <p className="error-message">{e.message}</p>
      {e.fields.length > 0 && (
        <>
          <p>{t("error.fieldList")}</p>
          <ul className="field-errors">
            {e.fields.map((f) => (
              <li key={f.field + f.message}>
                <code>{f.field}</code>: {f.message}
              </li>
            ))}
          </ul>
        </>
      )}
      {e.detail && e.fields.length === 0 && <p className="error-detail">{e.detail}</p>}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t("common.retry")}
        </button>
      )}
    </div>
  );
}

export function Panel({
  title,
  children,
  id,
  actions,
}: {
  title: string;
  children: ReactNode;
  id?: string;
  actions?: ReactNode;
}) {
  const headingId = `${id ?? title.replace(/\W+/g, "-")}-h`;
  return (
    <section className="panel" aria-labelledby={headingId} id={id}>
      <header className="panel-head">
        <h2 id={headingId}>{title}</h2>
        {actions}
      </header>
      {children}
    </section>
  );
}

/** One term and its value in a definition list (an em dash when there is none). */
export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{term}</dt>
      <dd>{children ?? "—"}</dd>
    </div>
  );
}

/** The next page of a list read page by page (TanStack Query's infinite query); nothing when there is none. */
export function MoreButton({
  pages,
  label,
}: {
  pages: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
  label?: string;
}) {
  const { t } = useI18n();
  if (!pages.hasNextPage) return null;
  return (
    <button type="button" className="more" disabled={pages.isFetchingNextPage} onClick={() => pages.fetchNextPage()}>
      {pages.isFetchingNextPage ? t("common.loadingMore") : (label ?? t("common.more"))}
    </button>
  );
}
