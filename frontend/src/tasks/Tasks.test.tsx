import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { Route, Routes } from "react-router";
import { renderApp, Who } from "../test/render";
import { customerFixture, taskFixture } from "../test/fixtures";
import { colleague, json, me, mockApi, problem, signedIn, type Call } from "../test/server";
import { formatDate } from "../format";
import { MyDayPage } from "../pages/MyDay";
import { Customer360Page } from "../pages/Customer360";
import { bankDate, setBankZone } from "../bankDay";

// The signed-in user's /auth/me names the bank's zone: the days the tests expect are days in it.
setBankZone(me.bank_timezone);

/** A day `n` days from today, as the API writes it. */
function inDays(n: number): string {
  const d = new Date();
  d.setDate(d.getDate() + n);
  return bankDate(0, d);
}

const empty = { items: [], next_cursor: null };
const tasksCalls = (calls: Call[], method = "GET") =>
  calls.filter((c) => c.path.startsWith("/api/v1/tasks") && c.method === method);

const overdue = taskFixture({
  id: "7a5c0000-0000-4000-8000-000000000001",
  title: "Send the fund prospectus",
  due_on: "2026-11-30",
  overdue: true,
});
const callBack = taskFixture({
  id: "7a5c0000-0000-4000-8000-000000000002",
  title: "Call back about the mortgage rate",
  customer: { id: "c-2", customer_number: "C0000000007", display_name: "李雷 (Li Lei)" },
  due_on: bankDate(),
  note: "Asked about fixing the rate for five years",
  created_by_username: "agent.chen",
});
const later = taskFixture({
  id: "7a5c0000-0000-4000-8000-000000000003",
  title: "Review the portfolio",
  customer: null,
  due_on: "2099-01-15",
});

function myDay(
  role: string,
  routes: Record<string, (c: Call) => Response | Promise<Response>> = {},
  locale: "en" | "zh-CN" = "en",
) {
  signedIn();
  const calls = mockApi({
    "GET /api/v1/auth/me": () => json({ ...me, role }),
    "GET /api/v1/analytics/tiers": () => problem(403, "forbidden", "not in this test"),
    "GET /api/v1/alerts": () => json(empty),
    "GET /api/v1/cases": () => json(empty),
    "GET /api/v1/campaigns": () => json(empty),
    "GET /api/v1/tasks": () => json({ items: [overdue, callBack, later], next_cursor: null }),
    ...routes,
  });
  renderApp(
    <>
      <Who />
      <MyDayPage />
    </>,
    { locale },
  );
  return calls;
}

const row = (panel: HTMLElement, title: string) => within(panel).getByText(title).closest("li") as HTMLElement;

describe("the Tasks card on My day", () => {
  it("lists the RM's open tasks soonest first, the overdue one said in words, with customer, who left it and the note", async () => {
    const calls = myDay("rm");
    const panel = await screen.findByRole("region", { name: "Tasks" });
    const items = await within(panel).findAllByRole("listitem");
    expect(items.map((li) => within(li).getByText(/Send|Call back|Review/).textContent)).toEqual([
      "Send the fund prospectus",
      "Call back about the mortgage rate",
      "Review the portfolio",
    ]);
    expect(items[0]).toHaveTextContent("Overdue");
    expect(items[0]).toHaveTextContent(`overdue: was due ${formatDate("2026-11-30", "en")}`);
    expect(within(items[0]).getByRole("link", { name: "王芳 (Wang Fang)" })).toHaveAttribute(
      "href",
      "/customers/11111111-1111-4111-8111-111111111111",
    );
    expect(items[1]).not.toHaveTextContent("Overdue");
    expect(items[1]).toHaveTextContent("due today");
    expect(items[1]).toHaveTextContent("left by agent.chen");
    expect(items[1]).toHaveTextContent("Note: Asked about fixing the rate for five years");
    expect(items[0]).not.toHaveTextContent("left by");
    expect(items[2]).toHaveTextContent(`due ${formatDate("2099-01-15", "en")}`);
    for (const name of [/^Done: /, /^Cancel: /, /^Move: /, /^Edit: /])
      expect(within(items[0]).getByRole("button", { name })).toBeInTheDocument();
    const asked = tasksCalls(calls)[0].search;
    expect(asked.get("status")).toBe("open");
    expect(asked.get("assignee_id")).toBe(me.id);
  });

  it("marks a task done with what came of it, and the row says so in place", async () => {
    const outcome = "Rate fixed for five years; she signs on Friday.";
    const calls = myDay("rm", {
      "POST /api/v1/tasks/:id/done": () =>
        json({
          ...callBack,
          status: "done",
          outcome,
          closed_at: "2026-12-02T10:00:00+00:00",
          closed_by_username: "rm.li",
        }),
    });
    const user = userEvent.setup();
    const panel = await screen.findByRole("region", { name: "Tasks" });
    await within(panel).findAllByRole("listitem");
    await user.click(within(panel).getByRole("button", { name: "Done: Call back about the mortgage rate" }));
    const form = within(panel).getByRole("form", { name: "Mark “Call back about the mortgage rate” done" });
    await user.type(within(form).getByLabelText("What came of it"), outcome);
    await user.click(within(form).getByRole("button", { name: "Mark done" }));
    expect(await within(panel).findByTestId("task-result")).toHaveTextContent("Done.");
    const li = row(panel, "Call back about the mortgage rate");
    expect(li).toHaveTextContent(`What came of it: ${outcome}`);
    expect(within(li).getByText("Done")).toBeInTheDocument();
    expect(within(li).queryByRole("button", { name: /^Done: / })).toBeNull();
    const posted = tasksCalls(calls, "POST");
    expect(posted).toHaveLength(1);
    expect(posted[0].path).toBe(`/api/v1/tasks/${callBack.id}/done`);
    expect(posted[0].body).toEqual({ outcome });
    // The other tasks are as they were, and the list was not read again (the done one would vanish).
    expect(within(panel).getAllByRole("listitem")).toHaveLength(3);
    expect(tasksCalls(calls)).toHaveLength(1);
  });

  it("shows the server's objection to the outcome beside the field", async () => {
    myDay("rm", {
      "POST /api/v1/tasks/:id/cancel": () =>
        problem(422, "validation", "invalid request", [
          { field: "body.outcome", message: "must contain a written word" },
        ]),
    });
    const user = userEvent.setup();
    const panel = await screen.findByRole("region", { name: "Tasks" });
    await within(panel).findAllByRole("listitem");
    await user.click(within(panel).getByRole("button", { name: "Cancel: Send the fund prospectus" }));
    const field = within(panel).getByLabelText("Why it is cancelled");
    await user.type(field, "...");
    await user.click(within(panel).getByRole("button", { name: "Cancel the task" }));
    const objection = await within(panel).findByText("must contain a written word");
    expect(objection.closest(".field")).toBe(field.closest(".field"));
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect(field.getAttribute("aria-describedby")).toBe(objection.closest(".field-problem")!.id);
    expect(within(panel).getByRole("alert")).toHaveTextContent("Say why it is cancelled");
    // Still open: the buttons are there, nothing said done.
    expect(within(panel).queryByTestId("task-result")).toBeNull();
  });

  it("moves a task to another day", async () => {
    const calls = myDay("rm", {
      "PATCH /api/v1/tasks/:id": () => json({ ...overdue, due_on: inDays(30), overdue: false }),
    });
    const user = userEvent.setup();
    const panel = await screen.findByRole("region", { name: "Tasks" });
    await within(panel).findAllByRole("listitem");
    await user.click(within(panel).getByRole("button", { name: "Move: Send the fund prospectus" }));
    const date = within(panel).getByLabelText("New date");
    await user.clear(date);
    await user.type(date, inDays(30));
    await user.click(within(panel).getByRole("button", { name: "Move" }));
    expect(await within(panel).findByTestId("task-result")).toHaveTextContent(
      `Moved to ${formatDate(inDays(30), "en")}.`,
    );
    expect(tasksCalls(calls, "PATCH")[0].body).toEqual({ due_on: inDays(30) });
    // Its place in the day order changes: the list is read again.
    await waitFor(() => expect(tasksCalls(calls)).toHaveLength(2));
  });

  it("says better what a task is: only the title and note changed are sent, and the row shows them in place", async () => {
    let stored = callBack;
    const calls = myDay("rm", {
      "PATCH /api/v1/tasks/:id": (c) => {
        const { title, note } = c.body as { title?: string; note?: string };
        stored = {
          ...stored,
          ...(title !== undefined && { title }),
          ...(note !== undefined && { note: note || null }),
        };
        return json(stored);
      },
    });
    const user = userEvent.setup();
    const panel = await screen.findByRole("region", { name: "Tasks" });
    await within(panel).findAllByRole("listitem");
    await user.click(within(panel).getByRole("button", { name: "Edit: Call back about the mortgage rate" }));
    const form = within(panel).getByRole("form", { name: "Edit “Call back about the mortgage rate”" });
    const title = within(form).getByLabelText("What to do");
    // The form starts from the task as it is, the title to be typed over.
    expect(title).toHaveValue("Call back about the mortgage rate");
    expect(title).toHaveFocus();
    expect(within(form).getByLabelText("Note (optional)")).toHaveValue("Asked about fixing the rate for five years");
    await user.clear(title);
    await user.type(title, "  Call back about fixing the rate ");
    await user.click(within(form).getByRole("button", { name: "Save" }));

    const result = await within(panel).findByTestId("task-result");
    expect(result).toHaveTextContent("Saved.");
    await waitFor(() => expect(result).toHaveFocus());
    const li = row(panel, "Call back about fixing the rate");
    expect(li).toHaveTextContent("Note: Asked about fixing the rate for five years");
    expect(within(panel).queryByText("Call back about the mortgage rate")).toBeNull();
    const patched = tasksCalls(calls, "PATCH");
    expect(patched).toHaveLength(1);
    expect(patched[0].path).toBe(`/api/v1/tasks/${callBack.id}`);
    expect(patched[0].body).toEqual({ title: "Call back about fixing the rate" });
    // In place: the order of the day does not change, so the list is not read again.
    expect(within(panel).getAllByRole("listitem")).toHaveLength(3);
    expect(tasksCalls(calls)).toHaveLength(1);

    // An emptied note is sent empty (the server removes it); nothing changed, nothing sent.
    await user.click(within(panel).getByRole("button", { name: "Edit: Call back about fixing the rate" }));
    await user.clear(within(panel).getByLabelText("Note (optional)"));
    await user.click(within(panel).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(tasksCalls(calls, "PATCH")).toHaveLength(2));
    expect(tasksCalls(calls, "PATCH")[1].body).toEqual({ note: "" });
    await waitFor(() => expect(li).not.toHaveTextContent("Note:"));
    const edit = within(panel).getByRole("button", { name: "Edit: Call back about fixing the rate" });
    await user.click(edit);
    await user.click(within(panel).getByRole("button", { name: "Save" }));
    expect(within(panel).queryByRole("form", { name: /^Edit / })).toBeNull();
    await waitFor(() => expect(edit).toHaveFocus());
    expect(tasksCalls(calls, "PATCH")).toHaveLength(2);
  });

  it("says the server's objection to a new title beside it, and a refusal or a task closed meanwhile in words", async () => {
    let answer: () => Response = () =>
      problem(422, "validation-error", "invalid request", [
        { field: "title", message: "write it out (not only spaces), on one line, without control characters" },
      ]);
    const calls = myDay("rm", { "PATCH /api/v1/tasks/:id": () => answer() });
    const user = userEvent.setup();
    const panel = await screen.findByRole("region", { name: "Tasks" });
    await within(panel).findAllByRole("listitem");
    await user.click(within(panel).getByRole("button", { name: "Edit: Send the fund prospectus" }));
    const form = within(panel).getByRole("form", { name: "Edit “Send the fund prospectus”" });
    const title = within(form).getByLabelText("What to do");
    await user.type(title, " (the new one)");
    await user.click(within(form).getByRole("button", { name: "Save" }));
    const objection = await within(form).findByText(/without control characters/);
    expect(objection.closest(".field")).toBe(title.closest(".field"));
    expect(title).toHaveAttribute("aria-invalid", "true");
    expect(title.getAttribute("aria-describedby")).toBe(objection.closest(".field-problem")!.id);
    expect(within(form).getByRole("alert")).toHaveTextContent("Say what is to be done, on one line");
    // Typing again: the objection was about what was sent.
    await user.type(title, "!");
    expect(title).toHaveAttribute("aria-invalid", "false");

    answer = () => problem(403, "forbidden", "an agent changes only the tasks they left");
    await user.click(within(form).getByRole("button", { name: "Save" }));
    const refused = await within(form).findByRole("alert");
    expect(refused).toHaveTextContent("Your role is not allowed to do this.");
    expect(refused).toHaveTextContent("an agent changes only the tasks they left");

    answer = () => problem(409, "conflict", `task ${overdue.id} is already done: it cannot be changed`);
    await user.click(within(form).getByRole("button", { name: "Save" }));
    expect(await within(panel).findByTestId("task-result")).toHaveTextContent(
      "Someone closed this task meanwhile; it is shown as it is now.",
    );
    expect(within(panel).queryByRole("form", { name: /^Edit / })).toBeNull();
    await waitFor(() => expect(tasksCalls(calls)).toHaveLength(2));
  });

  it("adds a new task due today unless another day is chosen, and reads the list again", async () => {
    const calls = myDay("rm", {
      "POST /api/v1/tasks": (c) => json(taskFixture({ ...(c.body as object), id: "new" }), 201),
    });
    const user = userEvent.setup();
    const panel = await screen.findByRole("region", { name: "Tasks" });
    await within(panel).findAllByRole("listitem");
    await user.click(within(panel).getByRole("button", { name: "New task" }));
    const form = within(panel).getByRole("form", { name: "New task" });
    expect(within(form).getByLabelText("Due on")).toHaveValue(bankDate());
    // An RM's tasks are their own: no one else to pick.
    expect(within(form).queryByLabelText("For")).toBeNull();
    await user.type(within(form).getByLabelText("What to do"), "Prepare the year-end review");
    await user.type(within(form).getByLabelText("Note (optional)"), "Bring the fund figures");
    await user.click(within(form).getByRole("button", { name: "Add task" }));
    expect(await within(panel).findByTestId("task-added")).toHaveTextContent("Task added.");
    expect(tasksCalls(calls, "POST")[0].body).toEqual({
      title: "Prepare the year-end review",
      due_on: bankDate(),
      note: "Bring the fund figures",
    });
    await waitFor(() => expect(tasksCalls(calls)).toHaveLength(2));
  });

  it("lets a branch manager give a new task to someone of the branch, and says a refused date beside it, in Chinese", async () => {
    let attempt = 0;
    const calls = myDay(
      "branch_manager",
      {
        "GET /api/v1/staff": () => json({ items: [colleague], next_cursor: null }),
        "POST /api/v1/tasks": (c) =>
          ++attempt === 1
            ? problem(422, "validation", "invalid request", [{ field: "body.due_on", message: "today or later" }])
            : json(
                taskFixture({
                  title: "Visit the client",
                  assignee: { id: colleague.id, username: colleague.username, display_name: colleague.display_name },
                  created_by_username: "rm.li",
                  ...(c.body as object),
                }),
                201,
              ),
      },
      "zh-CN",
    );
    const user = userEvent.setup();
    const panel = await screen.findByRole("region", { name: "待办" });
    await user.click(within(panel).getByRole("button", { name: "新建待办" }));
    const form = within(panel).getByRole("form", { name: "新建待办" });
    await user.type(within(form).getByLabelText("要做的事"), "Visit the client");
    const picker = within(form).getByLabelText("交给");
    await waitFor(() => expect(within(picker).getAllByRole("option")).toHaveLength(2));
    await user.selectOptions(picker, colleague.id);
    await user.click(within(form).getByRole("button", { name: "添加待办" }));
    expect(await within(form).findByText("today or later")).toBeInTheDocument();
    expect(within(form).getByRole("alert")).toHaveTextContent("请选择今天或以后的日期。");
    expect(within(form).getByLabelText("到期日")).toHaveAttribute("aria-invalid", "true");
    await user.click(within(form).getByRole("button", { name: "添加待办" }));
    expect(await within(panel).findByTestId("task-added")).toHaveTextContent("已为 Wang Lei 添加待办。");
    expect(tasksCalls(calls, "POST")[1].body).toEqual({
      title: "Visit the client",
      due_on: bankDate(),
      assignee_id: colleague.id,
    });
  });

  it("is not part of the day of agents, auditors or marketing, who are asked nothing about tasks", async () => {
    for (const role of ["agent", "auditor", "marketing"]) {
      const calls = myDay(role);
      await waitFor(() => expect(screen.getByTestId("who")).toHaveTextContent(role));
      await waitFor(() => expect(calls.some((c) => c.path !== "/api/v1/auth/me")).toBe(true));
      expect(screen.queryByRole("region", { name: "Tasks" })).toBeNull();
      expect(tasksCalls(calls)).toHaveLength(0);
      cleanup();
    }
  });
});

describe("the Tasks panel of the 360 view", () => {
  const customer = customerFixture();
  const doneOne = taskFixture({
    id: "7a5c0000-0000-4000-8000-000000000009",
    title: "Send the new card",
    due_on: "2026-11-20",
    status: "done",
    outcome: "Posted by registered mail",
    closed_at: "2026-11-20T09:00:00+00:00",
    closed_by_username: "rm.li",
  });
  const cancelledOne = taskFixture({
    id: "7a5c0000-0000-4000-8000-000000000010",
    title: "Visit at home",
    due_on: "2026-11-25",
    status: "cancelled",
    outcome: "She came to the branch instead",
    closed_at: "2026-11-24T15:00:00+00:00",
    closed_by_username: "rm.li",
  });
  const olderOne = taskFixture({
    id: "7a5c0000-0000-4000-8000-000000000011",
    title: "Renew the ID copy",
    status: "done",
    outcome: "Scanned",
    closed_at: "2026-10-01T08:00:00+00:00",
  });
  const openOne = taskFixture({ title: "Call about the maturing time deposit", due_on: "2099-01-01" });

  function view(role: string) {
    signedIn();
    const calls = mockApi({
      "GET /api/v1/auth/me": () => json({ ...me, role }),
      "GET /api/v1/customers/:id": () => json(customer, 200, { ETag: '"v3"' }),
      "GET /api/v1/customers/:id/holdings": () => json({ items: [] }),
      "GET /api/v1/customers/:id/timeline": () => json(empty),
      "GET /api/v1/customers/:id/value": () => problem(404, "not-found", "none"),
      "GET /api/v1/alerts": () => json(empty),
      "GET /api/v1/cases": () => json(empty),
      "GET /api/v1/customers/:id/campaigns": () => json([]),
      "GET /api/v1/tasks": (c) =>
        json(
          c.search.get("status") === "open"
            ? { items: [openOne], next_cursor: null }
            : c.search.get("status") !== "closed"
              ? problem(422, "validation-error", "the panel asks for the closed ones")
              : c.search.get("cursor") === "closed-2"
                ? { items: [olderOne], next_cursor: null }
                : { items: [cancelledOne, doneOne], next_cursor: "closed-2" },
        ),
      "POST /api/v1/tasks": (c) => json(taskFixture({ ...(c.body as object), id: "new" }), 201),
    });
    renderApp(
      <>
        <Who />
        <Routes>
          <Route path="/customers/:customerId" element={<Customer360Page />} />
        </Routes>
      </>,
      { url: `/customers/${customer.id}` },
    );
    return calls;
  }

  it("lists the customer's open tasks, then the latest closed, and adds one about this customer", async () => {
    const calls = view("rm");
    const panel = await screen.findByRole("region", { name: "Tasks" });
    const open = await within(panel).findByTestId("customer-open-tasks");
    const closed = await within(panel).findByTestId("customer-closed-tasks");
    expect(within(open).getAllByRole("listitem")).toHaveLength(1);
    expect(open).toHaveTextContent("Call about the maturing time deposit");
    // The closed ones as the server sends them for status=closed, done and cancelled, the latest closed first.
    const closedTitles = () =>
      within(closed)
        .getAllByRole("listitem")
        .map((li) => li.querySelector("strong")!.textContent);
    expect(closedTitles()).toEqual(["Visit at home", "Send the new card"]);
    expect(closed).toHaveTextContent("Why cancelled: She came to the branch instead");
    expect(closed).toHaveTextContent("What came of it: Posted by registered mail");
    expect(within(closed).queryByRole("button")).toBeNull();
    expect(open.compareDocumentPosition(closed) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    for (const c of tasksCalls(calls)) expect(c.search.get("customer_id")).toBe(customer.id);
    expect(
      tasksCalls(calls)
        .map((c) => c.search.get("status"))
        .sort(),
    ).toEqual(["closed", "open"]);
    // Older ones a page at a time, after the latest.
    const user = userEvent.setup();
    await user.click(within(panel).getByRole("button", { name: "Older tasks" }));
    await waitFor(() => expect(closedTitles()).toEqual(["Visit at home", "Send the new card", "Renew the ID copy"]));
    expect(tasksCalls(calls).at(-1)!.search.get("cursor")).toBe("closed-2");
    expect(tasksCalls(calls).at(-1)!.search.get("status")).toBe("closed");

    await user.click(within(panel).getByRole("button", { name: "New task about this customer" }));
    const form = within(panel).getByRole("form", { name: "New task about this customer" });
    await user.type(within(form).getByLabelText("What to do"), "Send the rate sheet");
    await user.click(within(form).getByRole("button", { name: "Add task" }));
    expect(await within(panel).findByTestId("task-added")).toBeInTheDocument();
    expect(tasksCalls(calls, "POST")[0].body).toEqual({
      title: "Send the rate sheet",
      due_on: bankDate(),
      customer_id: customer.id,
    });
  });

  it("shows an auditor the tasks with nothing to do to them", async () => {
    view("auditor");
    const panel = await screen.findByRole("region", { name: "Tasks" });
    expect(await within(panel).findByText("Call about the maturing time deposit")).toBeInTheDocument();
    await within(panel).findByTestId("customer-closed-tasks");
    // Only the paging of the closed ones.
    expect(
      within(panel)
        .getAllByRole("button")
        .map((b) => b.textContent),
    ).toEqual(["Older tasks"]);
  });

  it("asks nothing for marketing, who may not read tasks", async () => {
    const calls = view("marketing");
    await screen.findByRole("heading", { name: customer.display_name });
    await waitFor(() => expect(screen.getByTestId("who")).toHaveTextContent("marketing"));
    await waitFor(() => expect(calls.some((c) => c.path.endsWith("/timeline"))).toBe(true));
    expect(screen.queryByRole("region", { name: "Tasks" })).toBeNull();
    expect(tasksCalls(calls)).toHaveLength(0);
  });
});
