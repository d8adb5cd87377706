// A new task: what to do, by when (today unless changed), an optional note; about a customer when given one. A branch
// manager may give it to someone of the branch (who can see the customer, when there is one); an agent's task about a
// customer goes to the customer's RM; anyone else's is their own.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useAuth } from "../auth";
import { useI18n, type MessageKey } from "../i18n";
import { ErrorMessage } from "../components/Status";
import { FieldProblem } from "../cases/FieldProblem";
import { staffName, useStaff } from "../staff";
import { NOTE_MAX, taskFieldProblems, TITLE_MAX, latestDue, useCreateTask, type Task, type TaskField } from "./api";
import { bankDate } from "../bankDay";

const PROBLEM_TEXT: Partial<Record<TaskField, MessageKey>> = {
  title: "task.invalid.title",
  due_on: "task.invalid.dueOn",
  note: "task.invalid.note",
  assignee_id: "task.invalid.assignee",
};
const FORM_FIELDS = ["title", "due_on", "note", "assignee_id"] as const;

export function NewTaskForm({
  customerId,
  idPrefix,
  onDone,
}: {
  customerId?: string;
  idPrefix: string;
  /** The form is done with: the task created, or nothing (given up). */
  onDone: (created?: Task) => void;
}) {
  const { t } = useI18n();
  const { me } = useAuth();
  const create = useCreateTask();
  const picksAssignee = me?.role === "branch_manager";
  const staff = useStaff(["rm", "branch_manager"], { enabled: picksAssignee, forCustomer: customerId });
  const [values, setValues] = useState({ title: "", due_on: bankDate(), note: "", assignee_id: "" });
  const [sent, setSent] = useState<typeof values | null>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  useEffect(() => titleRef.current?.focus(), []);

  const problems = taskFieldProblems(create.error);
  const about = (field: (typeof FORM_FIELDS)[number]) =>
    sent && sent[field] === values[field] ? problems.filter((p) => p.field === field).map((p) => p.message) : [];
  const known = problems.filter((p) => (FORM_FIELDS as readonly string[]).includes(p.field));
  const other = create.error && known.length === 0 ? create.error : null;
  const id = (f: string) => `${idPrefix}-${f}`;
  const set = (field: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: e.target.value }));
  const others = (staff.data?.items ?? []).filter((s) => s.id !== me?.id);

  function submit(e: FormEvent) {
    e.preventDefault();
    setSent(values);
    create.mutate(
      {
        title: values.title.trim(),
        due_on: values.due_on,
        note: values.note.trim() || undefined,
        customer_id: customerId,
        assignee_id: values.assignee_id || undefined,
      },
      { onSuccess: (task) => onDone(task) },
    );
  }

  function describe(field: (typeof FORM_FIELDS)[number], hint?: string) {
    const ids = [hint, about(field).length > 0 ? id(`${field}-problem`) : undefined].filter(Boolean);
    return ids.length > 0 ? ids.join(" ") : undefined;
  }

  function problem(field: (typeof FORM_FIELDS)[number]) {
    return <FieldProblem id={id(`${field}-problem`)} text={t(PROBLEM_TEXT[field]!)} messages={about(field)} />;
  }

  return (
    <form
      className="case-log task-new"
      aria-label={customerId ? t("task.newAbout") : t("task.new")}
      onSubmit={submit}
      id={idPrefix}
    >
      <div className="field">
        <label htmlFor={id("title")}>{t("task.form.title")}</label>
        <input
          id={id("title")}
          ref={titleRef}
          required
          maxLength={TITLE_MAX}
          value={values.title}
          onChange={set("title")}
          aria-invalid={about("title").length > 0}
          aria-describedby={describe("title")}
        />
        {problem("title")}
      </div>
      <div className="field">
        <label htmlFor={id("due_on")}>{t("task.form.due")}</label>
        <input
          id={id("due_on")}
          type="date"
          required
          min={bankDate()}
          max={latestDue()}
          value={values.due_on}
          onChange={set("due_on")}
          aria-invalid={about("due_on").length > 0}
          aria-describedby={describe("due_on")}
        />
        {problem("due_on")}
      </div>
      {picksAssignee && (
        <div className="field">
          <label htmlFor={id("assignee_id")}>{t("task.form.assignee")}</label>
          <select
            id={id("assignee_id")}
            value={values.assignee_id}
            disabled={staff.isPending}
            onChange={set("assignee_id")}
            aria-invalid={about("assignee_id").length > 0}
            aria-describedby={describe("assignee_id")}
          >
            <option value="">{t("task.form.me")}</option>
            {others.map((s) => (
              <option key={s.id} value={s.id}>
                {staffName(s)}
              </option>
            ))}
          </select>
          {staff.isError && <ErrorMessage error={staff.error} onRetry={() => staff.refetch()} />}
          {problem("assignee_id")}
        </div>
      )}
      <div className="field">
        <label htmlFor={id("note")}>{t("task.form.note")}</label>
        <textarea
          id={id("note")}
          rows={2}
          maxLength={NOTE_MAX}
          value={values.note}
          onChange={set("note")}
          aria-invalid={about("note").length > 0}
          aria-describedby={describe("note")}
        />
        {problem("note")}
      </div>
      {me?.role === "agent" && <p className="muted-text">{t("task.form.toRm")}</p>}
      <div className="actions tight">
        <button type="submit" disabled={create.isPending}>
          {create.isPending ? t("task.form.adding") : t("task.form.submit")}
        </button>
        <button type="button" className="secondary" disabled={create.isPending} onClick={() => onDone()}>
          {t("common.cancel")}
        </button>
      </div>
      {other !== null && <ErrorMessage error={other} />}
    </form>
  );
}
