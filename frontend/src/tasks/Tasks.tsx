// The tasks card on My day (the signed-in person's open tasks, soonest first) and the tasks panel of the 360 view
// (the customer's open tasks, then the latest closed ones, done or cancelled); each with a new-task form for those who
// work tasks.
import { useRef, useState } from "react";
import { useAuth } from "../auth";
import { useI18n } from "../i18n";
import { mayWorkTasks } from "../roles";
import { Empty, ErrorMessage, Loading, MoreButton, Panel } from "../components/Status";
import { NewTaskForm } from "./NewTaskForm";
import { TaskList } from "./TaskList";
import { useCustomerClosedTasks, useCustomerOpenTasks, useMyOpenTasks, type Task } from "./api";

/** The New task button, its form, and what became of the last one. */
function NewTask({ customerId, idPrefix }: { customerId?: string; idPrefix: string }) {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<Task | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const { me } = useAuth();
  function done(created?: Task) {
    setAdding(false);
    setAdded(created ?? null);
    if (!created) window.setTimeout(() => opener.current?.focus());
  }
  return (
    <div className="task-new-area">
      {!adding && (
        <button type="button" ref={opener} onClick={() => (setAdded(null), setAdding(true))}>
          {customerId ? t("task.newAbout") : t("task.new")}
        </button>
      )}
      {adding && <NewTaskForm customerId={customerId} idPrefix={idPrefix} onDone={done} />}
      <div aria-live="polite">
        {added && (
          <p className="status ok" data-testid="task-added">
            {added.assignee.username === me?.username
              ? t("task.added")
              : t("task.addedFor", { who: added.assignee.display_name || added.assignee.username })}
          </p>
        )}
      </div>
    </div>
  );
}

/** My day's Tasks card. Mount it only for a role that works tasks, once the signed-in person is known. */
export function MyTasks() {
  const { t } = useI18n();
  const { me } = useAuth();
  const tasks = useMyOpenTasks(me?.id, !!me);
  return (
    <Panel title={t("task.title")} id="day-tasks">
      <NewTask idPrefix="day-new-task" />
      {tasks.isPending ? (
        <Loading />
      ) : tasks.isError ? (
        <ErrorMessage error={tasks.error} onRetry={() => tasks.refetch()} />
      ) : tasks.data.pages[0].items.length === 0 ? (
        <Empty>{t("task.none")}</Empty>
      ) : (
        <>
          <TaskList tasks={tasks.data.pages.flatMap((p) => p.items)} showCustomer testId="my-tasks" />
          <MoreButton pages={tasks} label={t("task.more")} />
        </>
      )}
    </Panel>
  );
}

/** The 360 view's Tasks panel. Mount it only for a role that reads tasks. */
export function CustomerTasks({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const { me } = useAuth();
  const open = useCustomerOpenTasks(customerId);
  const closed = useCustomerClosedTasks(customerId);
  const openTasks = open.data?.pages.flatMap((p) => p.items) ?? [];
  // A task just done or cancelled here stays in its place among the open ones (saying so) until they are read again.
  const shownOpen = new Set(openTasks.map((x) => x.id));
  const closedTasks = (closed.data?.pages.flatMap((p) => p.items) ?? []).filter((x) => !shownOpen.has(x.id));
  return (
    <Panel title={t("task.title")} id="customer-tasks">
      {mayWorkTasks(me?.role) && <NewTask customerId={customerId} idPrefix="customer-new-task" />}
      <h3>{t("task.openHeading")}</h3>
      {open.isPending ? (
        <Loading />
      ) : open.isError ? (
        <ErrorMessage error={open.error} onRetry={() => open.refetch()} />
      ) : openTasks.length === 0 ? (
        <Empty>{t("task.customerNone")}</Empty>
      ) : (
        <>
          <TaskList tasks={openTasks} testId="customer-open-tasks" />
          <MoreButton pages={open} label={t("task.more")} />
        </>
      )}
      <h3>{t("task.closedHeading")}</h3>
      {closed.isPending ? (
        <Loading />
      ) : closed.isError ? (
        <ErrorMessage error={closed.error} onRetry={() => closed.refetch()} />
      ) : closedTasks.length === 0 && !closed.hasNextPage ? (
        <Empty>{t("task.customerNoneClosed")}</Empty>
      ) : (
        <>
          {closedTasks.length > 0 && <TaskList tasks={closedTasks} testId="customer-closed-tasks" />}
          <MoreButton pages={closed} label={t("task.older")} />
        </>
      )}
    </Panel>
  );
}
