// Tasks (api/tasks.py): what someone will do, by when, often about a customer; moved while open, then done with what
// came of it or cancelled with why.
import {
  useInfiniteQuery,
  useMutation,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
} from "@tanstack/react-query";
import { api, ApiError, unwrap, type Schemas } from "../api/client";
import { problemsAbout } from "../cases/api";
import { bankDate } from "../bankDay";

export type Task = Schemas["TaskOut"];

/** The server's limits (domain/tasks.py). */
export const TITLE_MAX = 200;
export const NOTE_MAX = 2000;
/** How far ahead a task may be due (domain/tasks.py's LATEST_DUE_DAYS). */
export const LATEST_DUE_DAYS = 366;
/** How many tasks a list reads at once. */
export const TASK_PAGE = 20;

/** The latest day a task may be due, `LATEST_DUE_DAYS` from today. */
export function latestDue(now: Date = new Date()): string {
  return bankDate(LATEST_DUE_DAYS, now);
}

/** The signed-in person's open tasks, soonest due first (the server's order for status=open), a page at a time. */
export function useMyOpenTasks(assigneeId: string | undefined, enabled: boolean) {
  return useInfiniteQuery({
    enabled: enabled && !!assigneeId,
    queryKey: ["tasks", "mine", assigneeId ?? null],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/v1/tasks", {
          params: {
            query: { status: "open", assignee_id: assigneeId, limit: TASK_PAGE, cursor: pageParam ?? undefined },
          },
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

/** One customer's open tasks (soonest first), every page of them. */
export function useCustomerOpenTasks(customerId: string) {
  return useInfiniteQuery({
    queryKey: ["tasks", "customer", customerId, "open"],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/v1/tasks", {
          params: { query: { status: "open", customer_id: customerId, limit: 50, cursor: pageParam ?? undefined } },
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

/** One customer's closed tasks (done or cancelled), the latest closed first (the server's order for status=closed),
 * a few at a time. */
export function useCustomerClosedTasks(customerId: string) {
  return useInfiniteQuery({
    queryKey: ["tasks", "customer", customerId, "closed"],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/v1/tasks", {
          params: { query: { status: "closed", customer_id: customerId, limit: 10, cursor: pageParam ?? undefined } },
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

export interface NewTask {
  title: string;
  due_on: string;
  note?: string;
  customer_id?: string;
  assignee_id?: string;
}

type TaskPages = InfiniteData<Schemas["Page_TaskOut_"], string | null>;

const refreshTasks = (queryClient: QueryClient) => queryClient.invalidateQueries({ queryKey: ["tasks"] });

/** Put a task as the server now has it in place in every list already showing it (without reading them again, so a
 * task just done stays where it was, saying so, until the list is next read). */
function replaceTask(queryClient: QueryClient, task: Task) {
  queryClient.setQueriesData<TaskPages>({ queryKey: ["tasks"] }, (data) =>
    data?.pages
      ? { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.map((x) => (x.id === task.id ? task : x)) })) }
      : data,
  );
}

/** Create a task; every task list is read again afterwards. */
export function useCreateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewTask) => {
      const body: Schemas["TaskIn"] = { title: input.title, due_on: input.due_on };
      if (input.note) body.note = input.note;
      if (input.customer_id) body.customer_id = input.customer_id;
      if (input.assignee_id) body.assignee_id = input.assignee_id;
      return unwrap(api.POST("/api/v1/tasks", { body }));
    },
    onSuccess: () => void refreshTasks(queryClient),
  });
}

/** What is changed of an open task's wording: only the fields given are sent (an empty note removes it). */
export interface TaskWording {
  title?: string;
  note?: string;
}

export type TaskAction =
  { kind: "done" | "cancel"; outcome: string } | { kind: "move"; due_on: string } | ({ kind: "edit" } & TaskWording);

/**
 * Mark a task done or cancelled (with what came of it, or why), move it to another day, or say better what it is
 * (its title and note). A task done, cancelled or reworded is put in place, as the server now has it, in every list
 * that shows it; after a move (its place in the day order changes) or a 409 (it was closed meanwhile) the lists are
 * read again.
 */
export function useTaskAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: TaskAction }) => {
      const path = { params: { path: { task_id: id } } };
      if (action.kind === "move")
        return unwrap(api.PATCH("/api/v1/tasks/{task_id}", { ...path, body: { due_on: action.due_on } }));
      if (action.kind === "edit") {
        const body: Schemas["TaskPatchIn"] = {};
        if (action.title !== undefined) body.title = action.title;
        if (action.note !== undefined) body.note = action.note;
        return unwrap(api.PATCH("/api/v1/tasks/{task_id}", { ...path, body }));
      }
      if (action.kind === "done")
        return unwrap(api.POST("/api/v1/tasks/{task_id}/done", { ...path, body: { outcome: action.outcome } }));
      return unwrap(api.POST("/api/v1/tasks/{task_id}/cancel", { ...path, body: { outcome: action.outcome } }));
    },
    onSuccess: (task, { action }) => {
      if (action.kind === "move") void refreshTasks(queryClient);
      else replaceTask(queryClient, task);
    },
    onError: (e) => {
      if (isNotOpen(e)) void refreshTasks(queryClient);
    },
  });
}

/** 409: the task is no longer open (done or cancelled meanwhile). */
export const isNotOpen = (e: unknown) => e instanceof ApiError && e.status === 409;

export type TaskField = "title" | "note" | "due_on" | "customer_id" | "assignee_id" | "outcome";
const TASK_FIELDS: readonly TaskField[] = ["title", "note", "due_on", "customer_id", "assignee_id", "outcome"];

/** The server's objections (422) to a task form's fields, each with the field it names. */
export const taskFieldProblems = (e: unknown) => problemsAbout(e, TASK_FIELDS);
