import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import type { UseMutationResult } from "@tanstack/react-query";
import { ApiError } from "../api/client";
import { useI18n } from "../i18n";
import { ErrorMessage } from "../components/Status";
import { isConflict } from "./api";

/** What a step did, said above the page's panels (it outlives the step's button: a launched campaign offers Close).
 * `detail` is the server's own words, for a step it refused. */
export interface News {
  ok: boolean;
  text: string;
  detail?: string | null;
}

/** What a confirm step says: its button, the confirmation's title and explanation, and its confirm button (idle and
 * while the step runs). */
export interface ConfirmWords {
  open: string;
  title: string;
  explain: string;
  now: string;
  busy: string;
}

/**
 * A step on a campaign that is taken only once confirmed: the button opens a short confirmation saying what the step
 * does (focus on its confirm button; Escape or Cancel, unless the step is running, close it and focus the button
 * again). A 409 closes it and is told through `onNews` as `conflict`, with the server's own words; any other error is
 * shown beneath, by `renderError` when given.
 */
export function ConfirmStep<TData, TVariables>({
  id,
  words,
  mutation,
  variables,
  onDone,
  conflict,
  onNews,
  openClassName,
  confirmClassName,
  renderError = (error) => <ErrorMessage error={error} />,
}: {
  /** Prefix of the confirmation's title and explanation ids. */
  id: string;
  words: ConfirmWords;
  mutation: UseMutationResult<TData, Error, TVariables>;
  variables: TVariables;
  /** After the step succeeded; `close` closes the confirmation. */
  onDone: (data: TData, close: () => void) => void;
  /** What to say after a 409. */
  conflict: string;
  onNews: (news: News | null) => void;
  openClassName?: string;
  confirmClassName?: string;
  renderError?: (error: Error) => ReactNode;
}) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirm.current?.focus();
  }, [confirming]);

  function start() {
    mutation.reset();
    onNews(null);
    setConfirming(true);
  }
  function cancel() {
    setConfirming(false);
    window.setTimeout(() => opener.current?.focus());
  }
  function go() {
    mutation.mutate(variables, {
      onSuccess: (done) => onDone(done, () => setConfirming(false)),
      onError: (e) => {
        if (!isConflict(e)) return;
        setConfirming(false);
        onNews({
          ok: false,
          text: conflict,
          detail: e instanceof ApiError ? (e.problem?.detail ?? null) : null,
        });
      },
    });
  }
  function escape(e: KeyboardEvent) {
    if (e.key === "Escape" && !mutation.isPending) {
      e.stopPropagation();
      cancel();
    }
  }

  const error = mutation.error && !isConflict(mutation.error) ? mutation.error : null;
  return (
    <div className="campaign-step">
      {!confirming && (
        <button type="button" ref={opener} className={openClassName} onClick={start}>
          {words.open}
        </button>
      )}
      {confirming && (
        <div
          className="confirm"
          role="alertdialog"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-explain`}
          onKeyDown={escape}
        >
          <h2 id={`${id}-title`}>{words.title}</h2>
          <p id={`${id}-explain`}>{words.explain}</p>
          <div className="actions tight">
            <button type="button" ref={confirm} className={confirmClassName} disabled={mutation.isPending} onClick={go}>
              {mutation.isPending ? words.busy : words.now}
            </button>
            <button type="button" className="secondary" disabled={mutation.isPending} onClick={cancel}>
              {t("common.cancel")}
            </button>
          </div>
        </div>
      )}
      {error !== null && renderError(error)}
    </div>
  );
}
