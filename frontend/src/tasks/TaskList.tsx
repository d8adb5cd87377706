// Tasks as a list: each with what is to be done, by when (an overdue one says so in words), the customer it is about
// (linking to their 360 view), who left it and the note; an open one is marked done (with what came of it),
// cancelled (with why), moved to another day, or reworded (its title and note), right there, by a role that works
// tasks.
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { Link } from "react-router";
import { useAuth } from "../auth";
import { formatDate, formatDateTime } from "../format";
import { useI18n, type MessageKey } from "../i18n";
import { mayWorkTasks } from "../roles";
import { ErrorMessage } from "../components/Status";
import { FieldProblem } from "../cases/FieldProblem";
import {
  isNotOpen,
  NOTE_MAX,
  taskFieldProblems,
  latestDue,
  TITLE_MAX,
  useTaskAction,
  type Task,
  type TaskAction,
  type TaskWording,
} from "./api";
import { bankDate } from "../bankDay";

type ActionMode = "done" | "cancel" | "move";
type Mode = ActionMode | "edit";
const MODES: readonly Mode[] = ["done", "cancel", "move", "edit"];

const FORM_TEXT: Record<ActionMode, { form: MessageKey; field: MessageKey; submit: MessageKey; problem: MessageKey }> =
  {
    done: {
      form: "task.doneForm",
      field: "task.outcomeDone",
      submit: "task.markDone",
      problem: "task.invalid.outcome",
    },
    cancel: {
      form: "task.cancelForm",
      field: "task.outcomeCancel",
      submit: "task.confirmCancel",
      problem: "task.invalid.why",
    },
    move: { form: "task.moveForm", field: "task.newDate", submit: "task.moveSubmit", problem: "task.invalid.dueOn" },
  };

function ActionForm({
  task,
  mode,
  busy,
  error,
  onSubmit,
  onClose,
}: {
  task: Task;
  mode: ActionMode;
  busy: boolean;
  error: unknown;
  onSubmit: (action: TaskAction) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [value, setValue] = useState(mode === "move" ? task.due_on : "");
  // The server's objection holds for what it was sent, not for what has been typed since.
  const [sent, setSent] = useState<string | null>(null);
  const input = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const field = mode === "move" ? "due_on" : "outcome";
  const problems = taskFieldProblems(error);
  const messages = sent === value ? problems.filter((p) => p.field === field).map((p) => p.message) : [];
  const other = error && problems.length === 0 && !isNotOpen(error) ? error : null;
  const text = FORM_TEXT[mode];
  const ids = {
    form: `task-${task.id}-${mode}-form`,
    field: `task-${task.id}-${mode}`,
    problem: `task-${task.id}-${mode}-problem`,
  };

  function submit(e: FormEvent) {
    e.preventDefault();
    setSent(value);
    onSubmit(mode === "move" ? { kind: "move", due_on: value } : { kind: mode, outcome: value });
  }

  function escape(e: KeyboardEvent) {
    if (e.key === "Escape" && !busy) {
      e.stopPropagation();
      onClose();
    }
  }

  return (
    <form
      id={ids.form}
      className="case-close task-form"
      aria-label={t(text.form, { title: task.title })}
      onSubmit={submit}
      onKeyDown={escape}
    >
      <div className="field">
        <label htmlFor={ids.field}>{t(text.field)}</label>
        {mode === "move" ? (
          <input
            id={ids.field}
            ref={input}
            type="date"
            required
            min={bankDate()}
            max={latestDue()}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            aria-invalid={messages.length > 0}
            aria-describedby={messages.length > 0 ? ids.problem : undefined}
          />
        ) : (
          <textarea
            id={ids.field}
            ref={input}
            required
            rows={2}
            maxLength={NOTE_MAX}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            aria-invalid={messages.length > 0}
            aria-describedby={messages.length > 0 ? ids.problem : undefined}
          />
        )}
        <FieldProblem id={ids.problem} text={t(text.problem)} messages={messages} />
      </div>
      <div className="actions tight">
        <button type="submit" disabled={busy}>
          {busy ? t("common.saving") : t(text.submit)}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={onClose}>
          {t("task.back")}
        </button>
      </div>
      {other !== null && <ErrorMessage error={other} />}
    </form>
  );
}

type EditField = "title" | "note";
const EDIT_PROBLEM_TEXT: Record<EditField, MessageKey> = { title: "task.invalid.title", note: "task.invalid.note" };

/** Say better what an open task is: its title and note, sending only what changed (nothing changed, nothing sent; an
 * emptied note removes it). The server's objection (422) is said beside its field. */
function EditForm({
  task,
  busy,
  error,
  onSubmit,
  onClose,
}: {
  task: Task;
  busy: boolean;
  error: unknown;
  onSubmit: (action: TaskAction) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [values, setValues] = useState<Record<EditField, string>>({ title: task.title, note: task.note ?? "" });
  const [sent, setSent] = useState<Record<EditField, string> | null>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  useEffect(() => titleRef.current?.focus(), []);
  const problems = taskFieldProblems(error);
  const about = (field: EditField) =>
    sent && sent[field] === values[field] ? problems.filter((p) => p.field === field).map((p) => p.message) : [];
  const known = problems.filter((p) => p.field === "title" || p.field === "note");
  const other = error && known.length === 0 && !isNotOpen(error) ? error : null;
  const id = (part: string) => `task-${task.id}-edit${part}`;
  const set = (field: EditField) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: e.target.value }));

  function submit(e: FormEvent) {
    e.preventDefault();
    const change: TaskWording = {};
    const title = values.title.trim();
    const note = values.note.trim();
    if (title !== task.title) change.title = title;
    if (note !== (task.note ?? "")) change.note = note;
    if (change.title === undefined && change.note === undefined) return onClose();
    setSent(values);
    onSubmit({ kind: "edit", ...change });
  }

  function escape(e: KeyboardEvent) {
    if (e.key === "Escape" && !busy) {
      e.stopPropagation();
      onClose();
    }
  }

  function field(name: EditField) {
    const messages = about(name);
    return {
      id: id(`-${name}`),
      value: values[name],
      onChange: set(name),
      "aria-invalid": messages.length > 0,
      "aria-describedby": messages.length > 0 ? id(`-${name}-problem`) : undefined,
    };
  }

  return (
    <form
      id={id("-form")}
      className="case-close task-form"
      aria-label={t("task.editForm", { title: task.title })}
      onSubmit={submit}
      onKeyDown={escape}
    >
      <div className="field">
        <label htmlFor={id("-title")}>{t("task.form.title")}</label>
        <input ref={titleRef} required maxLength={TITLE_MAX} {...field("title")} />
        <FieldProblem id={id("-title-problem")} text={t(EDIT_PROBLEM_TEXT.title)} messages={about("title")} />
      </div>
      <div className="field">
        <label htmlFor={id("-note")}>{t("task.form.note")}</label>
        <textarea rows={2} maxLength={NOTE_MAX} {...field("note")} />
        <FieldProblem id={id("-note-problem")} text={t(EDIT_PROBLEM_TEXT.note)} messages={about("note")} />
      </div>
      <div className="actions tight">
        <button type="submit" disabled={busy}>
          {busy ? t("common.saving") : t("common.save")}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={onClose}>
          {t("task.back")}
        </button>
      </div>
      {other !== null && <ErrorMessage error={other} />}
    </form>
  );
}

type Result = "done" | "cancelled" | "moved" | "edited" | "conflict";
const RESULT_TEXT: Record<Result, MessageKey> = {
  done: "task.doneNow",
  cancelled: "task.cancelledNow",
  moved: "task.movedNow",
  edited: "task.editedNow",
  conflict: "task.alreadyClosed",
};
const RESULT_OF: Record<TaskAction["kind"], Result> = {
  done: "done",
  cancel: "cancelled",
  move: "moved",
  edit: "edited",
};

function TaskRow({ task, canWork, showCustomer }: { task: Task; canWork: boolean; showCustomer: boolean }) {
  const { t, locale } = useI18n();
  const { me } = useAuth();
  const action = useTaskAction();
  const [mode, setMode] = useState<Mode | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [movedTo, setMovedTo] = useState("");
  const resultRef = useRef<HTMLParagraphElement>(null);
  const openers = useRef<Partial<Record<Mode, HTMLButtonElement | null>>>({});
  const open = task.status === "open";
  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  function start(m: Mode) {
    action.reset();
    setResult(null);
    setMode(m);
  }

  function close() {
    const was = mode;
    setMode(null);
    action.reset();
    if (was) window.setTimeout(() => openers.current[was]?.focus());
  }

  function submit(a: TaskAction) {
    action.mutate(
      { id: task.id, action: a },
      {
        onSuccess: () => {
          setMode(null);
          if (a.kind === "move") setMovedTo(a.due_on);
          setResult(RESULT_OF[a.kind]);
        },
        onError: (e) => {
          if (!isNotOpen(e)) return;
          setMode(null);
          setResult("conflict");
        },
      },
    );
  }

  const due = formatDate(task.due_on, locale);
  const dueText = !open
    ? t("task.wasDue", { date: due })
    : task.overdue
      ? t("task.overdueSince", { date: due })
      : task.due_on === bankDate()
        ? t("task.dueToday")
        : t("task.dueOn", { date: due });
  const mine = me?.username === task.assignee.username;
  const leftByOther = task.created_by_username && task.created_by_username !== task.assignee.username;
  const classes = ["task-row", task.overdue ? "overdue" : "", open ? "" : "closed"].filter(Boolean).join(" ");

  return (
    <li className={classes} data-task-id={task.id}>
      <div className="case-head">
        <div className="alert-main">
          {task.overdue && open && <span className="tag bad">{t("task.overdue")}</span>}
          {!open && (
            <span data-status={task.status} className={`case-status status-${task.status}`}>
              {t(task.status === "done" ? "task.status.done" : "task.status.cancelled")}
            </span>
          )}
          <strong className="alert-title">{task.title}</strong>
          <span className="alert-meta">
            <time dateTime={task.due_on} className={task.overdue && open ? "overdue-due" : undefined}>
              {dueText}
            </time>
            {showCustomer && task.customer && (
              <>
                {" "}
                · <Link to={`/customers/${task.customer.id}`}>{task.customer.display_name}</Link>{" "}
                <span className="mono">{task.customer.customer_number}</span>
              </>
            )}
            {!mine && <> · {t("task.for", { who: task.assignee.display_name || task.assignee.username })}</>}
            {leftByOther && (
              <>
                {" "}
                ·{" "}
                {t("task.leftBy", {
                  who: task.created_by_username ?? "",
                  when: formatDateTime(task.created_at, locale),
                })}
              </>
            )}
          </span>
          {task.note && <span className="alert-detail task-note">{t("task.noteShown", { text: task.note })}</span>}
          {!open && (
            <>
              {task.outcome && (
                <span className="alert-detail task-outcome">
                  {t(task.status === "done" ? "task.outcomeShown" : "task.whyShown", { text: task.outcome })}
                </span>
              )}
              <span className="alert-meta task-closed">
                {task.closed_by_username
                  ? t("task.closedBy", { who: task.closed_by_username, when: formatDateTime(task.closed_at, locale) })
                  : t("task.closedAt", { when: formatDateTime(task.closed_at, locale) })}
              </span>
            </>
          )}
        </div>
        {canWork && open && (
          <div className="alert-actions">
            {MODES.map((m) => (
              <button
                key={m}
                type="button"
                className="secondary"
                ref={(el) => void (openers.current[m] = el)}
                aria-expanded={mode === m}
                aria-controls={mode === m ? `task-${task.id}-${m}-form` : undefined}
                aria-label={t(`task.${m}Label`, { title: task.title })}
                onClick={() => (mode === m ? close() : start(m))}
              >
                {t(`task.${m}`)}
              </button>
            ))}
          </div>
        )}
      </div>
      {mode === "edit" && open && (
        <EditForm task={task} busy={action.isPending} error={action.error} onSubmit={submit} onClose={close} />
      )}
      {mode && mode !== "edit" && open && (
        <ActionForm
          key={mode}
          task={task}
          mode={mode}
          busy={action.isPending}
          error={action.error}
          onSubmit={submit}
          onClose={close}
        />
      )}
      <div className="case-result" aria-live="polite">
        {result && (
          <p
            ref={resultRef}
            tabIndex={-1}
            className={result === "conflict" ? "status notice" : "status ok"}
            data-testid="task-result"
          >
            {t(RESULT_TEXT[result], { date: formatDate(movedTo, locale) })}
          </p>
        )}
      </div>
    </li>
  );
}

/** Tasks in the order given; `showCustomer` names each one's customer (a list of many customers' tasks). */
export function TaskList({
  tasks,
  showCustomer = false,
  testId = "task-list",
}: {
  tasks: readonly Task[];
  showCustomer?: boolean;
  testId?: string;
}) {
  const { me } = useAuth();
  const canWork = mayWorkTasks(me?.role);
  return (
    <ul className="case-list task-list" data-testid={testId}>
      {tasks.map((task) => (
        <TaskRow key={task.id} task={task} canWork={canWork} showCustomer={showCustomer} />
      ))}
    </ul>
  );
}
