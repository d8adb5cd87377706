import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { formatDateTime } from "../format";
import { renderApp, Who } from "../test/render";
import { caseFixture } from "../test/fixtures";
import { json, me, mockApi, problem, signedIn, type Call } from "../test/server";
import { CustomerAlerts } from "../customer/CustomerAlerts";
import { CustomerCases } from "./CustomerCases";

const CUSTOMER = "11111111-1111-4111-8111-111111111111";
const agent = { ...me, username: "agent.chen", display_name: "Chen Jing", role: "agent", branch: null };
const auditor = { ...me, username: "audit.sun", display_name: "Sun Li", role: "auditor", branch: null };

// In the server's order (newest opened first): the page puts the open ones first, the soonest due first.
const soon = caseFixture({
  id: "a0000000-0000-4000-8000-000000000001",
  subject: "Card blocked abroad",
  opened_at: "2026-11-25T09:30:00+00:00",
  sla_due_at: "2026-11-27T09:30:00+00:00",
  overdue: false,
});
const statement = caseFixture({
  id: "a0000000-0000-4000-8000-000000000002",
  kind: "service_request",
  status: "closed",
  subject: "Paper statement for October",
  channel: "online_banking",
  opened_at: "2026-11-20T10:00:00+00:00",
  sla_due_at: "2026-11-25T10:00:00+00:00",
  overdue: false,
  opened_by: me.id,
  opened_by_username: "rm.li",
  closed_at: "2026-11-21T15:45:00+00:00",
  closed_by: agent.id,
  closed_by_username: "agent.chen",
  resolution: "Sent the statement by post.",
  satisfaction: 4,
});
const overdue = caseFixture({ id: "a0000000-0000-4000-8000-000000000003" });
const old = caseFixture({
  id: "a0000000-0000-4000-8000-000000000004",
  status: "closed",
  subject: "ATM kept the card",
  channel: "atm",
  opened_at: "2026-11-01T08:00:00+00:00",
  sla_due_at: "2026-11-03T08:00:00+00:00",
  overdue: false,
  closed_at: "2026-11-02T12:00:00+00:00",
  resolution: "Card returned at the branch.",
});

const casesCalls = (calls: Call[]) => calls.filter((c) => c.method === "GET" && c.path === "/api/v1/cases");
const rows = () => within(screen.getByTestId("case-list")).getAllByRole("listitem");
const row = (subject: string) => screen.getByText(subject).closest("li")!;

function renderCases(locale: "en" | "zh-CN" = "en") {
  return renderApp(<CustomerCases customerId={CUSTOMER} />, { locale });
}

describe("a customer's cases", () => {
  it("lists open cases soonest due first, then closed ones latest closed first, with what was done", async () => {
    signedIn();
    const calls = mockApi({
      "GET /api/v1/auth/me": () => json(me),
      "GET /api/v1/cases": () => json({ items: [soon, statement, overdue, old], next_cursor: null }),
    });
    renderCases();
    await screen.findByText("Charged twice for annual card fee");
    expect(rows().map((r) => r.querySelector(".alert-title")!.textContent)).toEqual([
      "Charged twice for annual card fee",
      "Card blocked abroad",
      "Paper statement for October",
      "ATM kept the card",
    ]);
    const asked = casesCalls(calls)[0].search;
    expect(asked.get("customer_id")).toBe(CUSTOMER);
    expect(asked.get("limit")).toBe("50");

    // The overdue one says so, beside its due time; the other open one does not.
    const late = row("Charged twice for annual card fee");
    expect(within(late).getByText("Overdue")).toHaveClass("tag");
    expect(late).toHaveClass("overdue");
    expect(late).toHaveTextContent(`Due ${formatDateTime(overdue.sla_due_at, "en")}`);
    expect(late).toHaveTextContent("Complaint");
    expect(late).toHaveTextContent("Call center");
    expect(late).toHaveTextContent(`Opened ${formatDateTime(overdue.opened_at, "en")}`);
    expect(late).not.toHaveTextContent(" by ");
    expect(within(late).getByText("Open")).toHaveAttribute("data-status", "open");
    expect(within(row("Card blocked abroad")).queryByText("Overdue")).toBeNull();

    const done = row("Paper statement for October");
    expect(done).toHaveTextContent("Service request");
    expect(done).toHaveTextContent("Online banking");
    expect(done).toHaveTextContent(`Opened ${formatDateTime(statement.opened_at, "en")} by rm.li`);
    expect(within(done).getByText("Closed")).toHaveAttribute("data-status", "closed");
    expect(done).toHaveTextContent("What was done: Sent the statement by post.");
    expect(done).toHaveTextContent(`Closed by agent.chen on ${formatDateTime(statement.closed_at, "en")}`);
    expect(done).toHaveTextContent("Satisfaction 4 / 5 (Satisfied)");
    expect(done).not.toHaveTextContent("Due");
    expect(within(done).queryByRole("button")).toBeNull();

    // Closed by nobody the server names, the customer not asked.
    const returned = row("ATM kept the card");
    expect(returned).toHaveTextContent(`Closed on ${formatDateTime(old.closed_at, "en")}`);
    expect(returned).toHaveTextContent("Satisfaction not asked");
  });

  it("in Chinese", async () => {
    signedIn();
    mockApi({
      "GET /api/v1/auth/me": () => json(me),
      "GET /api/v1/cases": () => json({ items: [statement, overdue], next_cursor: null }),
    });
    renderCases("zh-CN");
    const late = (await screen.findByText("Charged twice for annual card fee")).closest("li")!;
    expect(late).toHaveTextContent("投诉");
    expect(late).toHaveTextContent("已超时");
    expect(late).toHaveTextContent("客服中心");
    expect(within(late).getByRole("button", { name: "办结工单…" })).toBeInTheDocument();
    const done = row("Paper statement for October");
    expect(done).toHaveTextContent("服务请求");
    expect(done).toHaveTextContent("网上银行");
    expect(done).toHaveTextContent(`rm.li 于 ${formatDateTime(statement.opened_at, "zh-CN")} 登记`);
    expect(done).toHaveTextContent("已办结");
    expect(done).toHaveTextContent("处理结果：Sent the statement by post.");
    expect(done).toHaveTextContent("满意度 4 / 5（满意）");
  });

  it("says when the customer has none", async () => {
    signedIn();
    mockApi({
      "GET /api/v1/auth/me": () => json(me),
      "GET /api/v1/cases": () => json({ items: [], next_cursor: null }),
    });
    renderCases();
    expect(await screen.findByText("No complaints or service requests for this customer.")).toBeInTheDocument();
  });

  it("lets an auditor read the cases but not close them", async () => {
    signedIn("audit.sun");
    mockApi({
      "GET /api/v1/auth/me": () => json(auditor),
      "GET /api/v1/cases": () => json({ items: [overdue, soon], next_cursor: null }),
    });
    renderApp(
      <>
        <Who />
        <CustomerCases customerId={CUSTOMER} />
      </>,
    );
    await screen.findByText("Charged twice for annual card fee");
    // Once the role is known (an RM's list has its Close buttons by then), the auditor's has none.
    await waitFor(() => expect(screen.getByTestId("who")).toHaveTextContent("auditor"));
    expect(rows()).toHaveLength(2);
    expect(screen.queryByRole("button", { name: /Close case/ })).toBeNull();
    expect(screen.queryByRole("form")).toBeNull();
  });
});

describe("closing a case", () => {
  it("sends what was done and the satisfaction, then shows the case closed and the complaint's alert resolved", async () => {
    signedIn();
    let closed = false;
    const complaintAlert = (status: string) => ({
      id: "b0000000-0000-4000-8000-000000000001",
      customer: overdue.customer,
      kind: "complaint",
      cause_key: "k",
      severity: "medium",
      title: "Complaint to the call center on 2026-11-19",
      detail: null,
      status,
      assigned_to: null,
      assigned_to_username: null,
      data: {},
      raised_at: "2026-11-19T08:05:00Z",
      acknowledged_at: null,
      resolved_at: null,
      resolution_note: null,
    });
    const closedCase = () =>
      caseFixture({
        id: overdue.id,
        status: "closed",
        overdue: false,
        closed_at: "2026-11-28T10:00:00+00:00",
        closed_by: me.id,
        closed_by_username: "rm.li",
        resolution: "Refunded the second fee; apologised.",
        satisfaction: 4,
      });
    const calls = mockApi({
      "GET /api/v1/auth/me": () => json(me),
      "GET /api/v1/cases": () => json({ items: [closed ? closedCase() : overdue], next_cursor: null }),
      "GET /api/v1/alerts": () => json({ items: [complaintAlert(closed ? "resolved" : "open")], next_cursor: null }),
      "POST /api/v1/cases/:id/close": () => ((closed = true), json(closedCase())),
    });
    renderApp(
      <>
        <CustomerCases customerId={CUSTOMER} />
        <CustomerAlerts customerId={CUSTOMER} />
      </>,
    );
    const user = userEvent.setup();
    const item = (await screen.findByText("Charged twice for annual card fee")).closest("li")!;
    const alertRow = async () => (await screen.findByText(/^Complaint/, { selector: ".alert-title" })).closest("li")!;
    expect(within(await alertRow()).getByText("Open")).toHaveAttribute("data-status", "open");
    const toggle = within(item).getByRole("button", { name: "Close case…" });
    await user.click(toggle);
    expect(toggle).toHaveAttribute("aria-expanded", "true");
    const form = within(item).getByRole("form", { name: "Close the case: Charged twice for annual card fee" });
    const resolution = within(form).getByLabelText("Resolution");
    expect(resolution).toHaveFocus();
    await user.type(resolution, "Refunded the second fee; apologised.");
    await user.selectOptions(within(form).getByLabelText("Customer satisfaction"), "4 – Satisfied");
    await user.click(within(form).getByRole("button", { name: "Close case" }));

    expect(await within(item).findByText("Case closed.")).toHaveFocus();
    const post = calls.find((c) => c.method === "POST")!;
    expect(post.path).toBe(`/api/v1/cases/${overdue.id}/close`);
    expect(post.body).toEqual({ resolution: "Refunded the second fee; apologised.", satisfaction: 4 });
    // The list was read again and shows the case as the server has it now.
    await waitFor(() => expect(casesCalls(calls)).toHaveLength(2));
    expect(await within(item).findByText("Closed")).toHaveAttribute("data-status", "closed");
    expect(item).toHaveTextContent("What was done: Refunded the second fee; apologised.");
    expect(item).toHaveTextContent("Closed by rm.li");
    expect(item).toHaveTextContent("Satisfaction 4 / 5 (Satisfied)");
    expect(item).not.toHaveTextContent("Overdue");
    expect(within(item).queryByRole("button", { name: "Close case…" })).toBeNull();
    expect(within(item).queryByRole("form")).toBeNull();
    // Closing the complaint resolved its alert for the RM: the alerts were read again too.
    await waitFor(async () =>
      expect(within(await alertRow()).getByText("Resolved")).toHaveAttribute("data-status", "resolved"),
    );
    expect(calls.filter((c) => c.path === "/api/v1/alerts")).toHaveLength(2);
  });

  it("leaves the satisfaction out when the customer was not asked, and cancels without sending", async () => {
    signedIn("agent.chen");
    const calls = mockApi({
      "GET /api/v1/auth/me": () => json(agent),
      "GET /api/v1/cases": () => json({ items: [overdue, soon], next_cursor: null }),
      "POST /api/v1/cases/:id/close": () => json(caseFixture({ id: soon.id, status: "closed" })),
    });
    renderCases();
    const user = userEvent.setup();
    const first = (await screen.findByText("Charged twice for annual card fee")).closest("li")!;
    await user.click(within(first).getByRole("button", { name: "Close case…" }));
    await user.type(within(first).getByLabelText("Resolution"), "Will not be sent");
    await user.click(within(first).getByRole("button", { name: "Cancel" }));
    expect(within(first).queryByRole("form")).toBeNull();
    expect(within(first).getByRole("button", { name: "Close case…" })).toHaveFocus();

    const second = row("Card blocked abroad");
    await user.click(within(second).getByRole("button", { name: "Close case…" }));
    expect(within(second).getByLabelText("Customer satisfaction")).toHaveDisplayValue("Not asked");
    await user.type(within(second).getByLabelText("Resolution"), "Unblocked the card for travel.");
    await user.click(within(second).getByRole("button", { name: "Close case" }));
    await within(second).findByText("Case closed.");
    const posts = calls.filter((c) => c.method === "POST");
    expect(posts).toHaveLength(1);
    expect(posts[0].path).toBe(`/api/v1/cases/${soon.id}/close`);
    expect(posts[0].body).toEqual({ resolution: "Unblocked the card for travel." });
  });

  it("does not send an empty resolution", async () => {
    signedIn();
    const calls = mockApi({
      "GET /api/v1/auth/me": () => json(me),
      "GET /api/v1/cases": () => json({ items: [overdue], next_cursor: null }),
    });
    renderCases();
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Close case…" }));
    const resolution = screen.getByLabelText("Resolution");
    expect(resolution).toBeRequired();
    await user.click(screen.getByRole("button", { name: "Close case" }));
    expect(resolution).toBeInvalid();
    await new Promise((r) => setTimeout(r, 50)); // what a sent request would have had to arrive
    expect(calls.some((c) => c.method === "POST")).toBe(false);
    expect(screen.getByRole("form")).toBeInTheDocument();
  });

  it("puts the server's objection beside the resolution (422), in the user's language, until it is changed", async () => {
    signedIn();
    const calls = mockApi({
      "GET /api/v1/auth/me": () => json(me),
      "GET /api/v1/cases": () => json({ items: [overdue], next_cursor: null }),
      "POST /api/v1/cases/:id/close": () =>
        problem(422, "validation-error", "resolution: say what was done for the customer", [
          { field: "resolution", message: "say what was done for the customer" },
        ]),
    });
    renderCases("zh-CN");
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "办结工单…" }));
    const resolution = screen.getByLabelText("处理结果");
    await user.type(resolution, "   ");
    await user.click(screen.getByRole("button", { name: "办结工单" }));

    await waitFor(() => expect(resolution).toHaveAttribute("aria-invalid", "true"));
    expect(resolution).toHaveAccessibleDescription(
      /请填写为客户做了哪些处理，最多 2000 字。.*say what was done for the customer/,
    );
    expect(screen.getByRole("alert")).toHaveTextContent("请填写为客户做了哪些处理，最多 2000 字。");
    expect(screen.getByLabelText("客户满意度")).toHaveAttribute("aria-invalid", "false");
    // Still open, still the form: the list was not read again, nothing said it was closed.
    expect(screen.getByRole("form")).toBeInTheDocument();
    expect(screen.queryByTestId("case-result")).toBeNull();
    expect(casesCalls(calls)).toHaveLength(1);

    await user.type(resolution, "已退还重复扣取的年费");
    expect(resolution).toHaveAttribute("aria-invalid", "false");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("says someone else closed it already (409), and shows it as it is now", async () => {
    signedIn();
    let reads = 0;
    const calls = mockApi({
      "GET /api/v1/auth/me": () => json(me),
      "GET /api/v1/cases": () => {
        reads += 1;
        const now =
          reads === 1
            ? overdue
            : caseFixture({
                id: overdue.id,
                status: "closed",
                overdue: false,
                closed_at: "2026-11-28T09:59:00+00:00",
                closed_by_username: "agent.chen",
                resolution: "Refunded by the card center.",
                satisfaction: 5,
              });
        return json({ items: [now], next_cursor: null });
      },
      "POST /api/v1/cases/:id/close": () => problem(409, "conflict", `case ${overdue.id} is already closed`),
    });
    renderCases();
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Close case…" }));
    await user.type(screen.getByLabelText("Resolution"), "Refunded the second fee.");
    await user.click(screen.getByRole("button", { name: "Close case" }));

    expect(await screen.findByTestId("case-result")).toHaveTextContent(
      "Someone else closed this case already; it is shown as it is now.",
    );
    expect(screen.queryByText("Case closed.")).toBeNull();
    expect(screen.queryByRole("form")).toBeNull();
    await waitFor(() => expect(casesCalls(calls)).toHaveLength(2));
    const item = row("Charged twice for annual card fee");
    expect(await within(item).findByText("Closed")).toHaveAttribute("data-status", "closed");
    expect(item).toHaveTextContent("Closed by agent.chen");
    expect(item).toHaveTextContent("What was done: Refunded by the card center.");
    expect(within(item).queryByRole("button", { name: "Close case…" })).toBeNull();
  });

  it("words any other refusal in a sentence beneath the form", async () => {
    signedIn();
    mockApi({
      "GET /api/v1/auth/me": () => json(me),
      "GET /api/v1/cases": () => json({ items: [overdue], next_cursor: null }),
      "POST /api/v1/cases/:id/close": () => problem(404, "not-found", `case ${overdue.id} not found`),
    });
    renderCases();
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Close case…" }));
    await user.type(screen.getByLabelText("Resolution"), "Refunded.");
    await user.click(screen.getByRole("button", { name: "Close case" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Not found. It may not exist, or it is outside your portfolio.",
    );
    expect(screen.getByRole("form")).toBeInTheDocument();
  });
});
