import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { Route, Routes, useLocation } from "react-router";
import { renderApp } from "../test/render";
import { caseFixture } from "../test/fixtures";
import { json, me, mockApi, problem, signedIn, type Call } from "../test/server";
import { Layout } from "../components/Layout";
import { CasesPage } from "./Cases";

const agent = { ...me, username: "agent.chen", display_name: "Chen Jing", role: "agent", branch: null };
const auditor = { ...me, username: "audit.sun", display_name: "Sun Li", role: "auditor", branch: null };
const marketing = { ...me, username: "mkt.zhao", display_name: "Zhao Min", role: "marketing", branch: null };

const WANG = {
  id: "11111111-1111-4111-8111-111111111111",
  customer_number: "C0000000042",
  display_name: "王芳 (Wang Fang)",
};
const LIU = {
  id: "22222222-2222-4222-8222-222222222222",
  customer_number: "C0000000077",
  display_name: "刘洋 (Liu Yang)",
};

// As the server holds them. Its open queue is the soonest due first; with All, the newest opened first, which the page
// keeps (sorted as on the 360 view, the open ones would come first and the closed one last).
const feeComplaint = caseFixture({
  id: "a0000000-0000-4000-8000-000000000001",
  customer: WANG,
  subject: "Charged twice for annual card fee",
  opened_at: "2026-11-19T08:00:00+00:00",
  sla_due_at: "2026-11-21T08:00:00+00:00",
  overdue: true,
});
const statementRequest = caseFixture({
  id: "a0000000-0000-4000-8000-000000000002",
  customer: LIU,
  kind: "service_request",
  subject: "Paper statement for October",
  channel: "teller",
  opened_at: "2026-11-25T10:00:00+00:00",
  sla_due_at: "2026-11-30T10:00:00+00:00",
  overdue: false,
  opened_by_username: "rm.li",
  source_ref: null,
});
const cardComplaint = caseFixture({
  id: "a0000000-0000-4000-8000-000000000003",
  customer: WANG,
  subject: "Card blocked abroad",
  opened_at: "2026-11-18T09:30:00+00:00",
  sla_due_at: "2026-12-02T09:30:00+00:00",
  overdue: false,
});
const closedComplaint = caseFixture({
  id: "a0000000-0000-4000-8000-000000000004",
  customer: LIU,
  status: "closed",
  subject: "ATM kept the card",
  channel: "atm",
  opened_at: "2026-11-28T08:00:00+00:00",
  sla_due_at: "2026-11-30T08:00:00+00:00",
  overdue: false,
  closed_at: "2026-11-29T12:00:00+00:00",
  closed_by_username: "agent.chen",
  resolution: "Card returned at the branch.",
});

function Where() {
  const location = useLocation();
  return <p data-testid="where">{location.pathname + location.search}</p>;
}

function renderCasesPage(url = "/cases", locale: "en" | "zh-CN" = "en") {
  return renderApp(
    <Routes>
      <Route element={<Layout />}>
        <Route
          path="/cases"
          element={
            <>
              <CasesPage />
              <Where />
            </>
          }
        />
      </Route>
    </Routes>,
    { url, locale },
  );
}

const casesCalls = (calls: Call[]) => calls.filter((c) => c.method === "GET" && c.path === "/api/v1/cases");
const lastAsked = (calls: Call[]) => Object.fromEntries(casesCalls(calls).at(-1)!.search.entries());
const titles = () =>
  within(screen.getByTestId("cases"))
    .getAllByRole("listitem")
    .map((li) => li.querySelector(".alert-title")!.textContent);
const row = (subject: string) => screen.getByText(subject, { selector: ".alert-title" }).closest("li")!;
const navLinks = () =>
  within(screen.getByRole("navigation", { name: "Main" }))
    .getAllByRole("link")
    .map((a) => a.textContent);

/** The server's answer for a query: what it holds that matches, in its order (a work queue soonest due first,
 * otherwise the newest opened first). */
function answer(call: Call) {
  const status = call.search.get("status");
  const kind = call.search.get("kind");
  const overdue = call.search.get("overdue");
  const queue = status === "open" || overdue === "true";
  const all = queue
    ? [feeComplaint, statementRequest, cardComplaint, closedComplaint]
    : [closedComplaint, statementRequest, feeComplaint, cardComplaint];
  const items = all.filter(
    (c) =>
      (!status || c.status === status) &&
      (!kind || c.kind === kind) &&
      (overdue !== "true" || c.overdue) &&
      (overdue !== "false" || !c.overdue),
  );
  return json({ items, next_cursor: null });
}

describe("the Cases page", () => {
  it("shows the open queue in the server's order, each case naming its customer with a link to the 360 view", async () => {
    signedIn("agent.chen");
    const calls = mockApi({
      "GET /api/v1/auth/me": () => json(agent),
      "GET /api/v1/cases": answer,
    });
    renderCasesPage();
    expect(await screen.findByRole("heading", { name: "Cases" })).toBeInTheDocument();
    await screen.findByTestId("cases");
    expect(titles()).toEqual([
      "Charged twice for annual card fee",
      "Paper statement for October",
      "Card blocked abroad",
    ]);
    expect(lastAsked(calls)).toEqual({ status: "open", limit: "25" });

    const fee = row("Charged twice for annual card fee");
    expect(within(fee).getByRole("link", { name: "王芳 (Wang Fang)" })).toHaveAttribute(
      "href",
      `/customers/${WANG.id}`,
    );
    expect(fee).toHaveTextContent("C0000000042");
    expect(fee).toHaveTextContent("Overdue");
    const statement = row("Paper statement for October");
    expect(within(statement).getByRole("link", { name: "刘洋 (Liu Yang)" })).toHaveAttribute(
      "href",
      `/customers/${LIU.id}`,
    );
    expect(statement).toHaveTextContent("C0000000077");
    expect(statement).toHaveTextContent("Service request");
    // An agent works the queue: each open case can be closed here.
    expect(within(fee).getByRole("button", { name: "Close case…" })).toBeInTheDocument();
    expect(screen.getByLabelText("Status")).toHaveDisplayValue("Open");
    expect(screen.getByLabelText("Kind")).toHaveDisplayValue("All");
    expect(screen.getByLabelText("Overdue only")).not.toBeChecked();
    // The agent's nav leads here.
    expect(navLinks()).toContain("Cases");
  });

  it("puts each filter in the request and in the URL", async () => {
    signedIn();
    const calls = mockApi({
      "GET /api/v1/auth/me": () => json(me),
      "GET /api/v1/cases": answer,
    });
    renderCasesPage();
    const user = userEvent.setup();
    await screen.findByTestId("cases");
    expect(screen.getByTestId("where")).toHaveTextContent(/^\/cases$/);

    await user.selectOptions(screen.getByLabelText("Status"), "Closed");
    await waitFor(() => expect(lastAsked(calls)).toEqual({ status: "closed", limit: "25" }));
    expect(screen.getByTestId("where")).toHaveTextContent("/cases?status=closed");
    await waitFor(() => expect(titles()).toEqual(["ATM kept the card"]));
    // A closed case is never overdue: the box does not apply.
    expect(screen.getByLabelText("Overdue only")).toBeDisabled();

    await user.selectOptions(screen.getByLabelText("Status"), "All");
    await waitFor(() => expect(lastAsked(calls)).toEqual({ limit: "25" }));
    expect(screen.getByTestId("where")).toHaveTextContent("/cases?status=all");
    // The newest opened first, as the server sent them: not the open ones first.
    await waitFor(() =>
      expect(titles()).toEqual([
        "ATM kept the card",
        "Paper statement for October",
        "Charged twice for annual card fee",
        "Card blocked abroad",
      ]),
    );

    await user.click(screen.getByLabelText("Overdue only"));
    await waitFor(() => expect(lastAsked(calls)).toEqual({ overdue: "true", limit: "25" }));
    expect(screen.getByTestId("where")).toHaveTextContent("/cases?status=all&overdue=true");
    await waitFor(() => expect(titles()).toEqual(["Charged twice for annual card fee"]));

    await user.click(screen.getByLabelText("Overdue only"));
    await user.selectOptions(screen.getByLabelText("Kind"), "Service requests");
    await waitFor(() => expect(lastAsked(calls)).toEqual({ kind: "service_request", limit: "25" }));
    expect(screen.getByTestId("where")).toHaveTextContent("/cases?status=all&kind=service_request");
    await waitFor(() => expect(titles()).toEqual(["Paper statement for October"]));

    // Back to the open queue: the default, so the URL no longer says it.
    await user.selectOptions(screen.getByLabelText("Status"), "Open");
    await waitFor(() => expect(lastAsked(calls)).toEqual({ status: "open", kind: "service_request", limit: "25" }));
    expect(screen.getByTestId("where")).toHaveTextContent(/^\/cases\?kind=service_request$/);
  });

  it("reads its filters from the URL, so a link or a reload keeps them", async () => {
    signedIn();
    const calls = mockApi({
      "GET /api/v1/auth/me": () => json(me),
      "GET /api/v1/cases": answer,
    });
    renderCasesPage("/cases?status=all&kind=complaint&overdue=true");
    await screen.findByTestId("cases");
    expect(casesCalls(calls)).toHaveLength(1);
    expect(lastAsked(calls)).toEqual({ kind: "complaint", overdue: "true", limit: "25" });
    expect(titles()).toEqual(["Charged twice for annual card fee"]);
    expect(screen.getByLabelText("Status")).toHaveDisplayValue("All");
    expect(screen.getByLabelText("Kind")).toHaveDisplayValue("Complaints");
    expect(screen.getByLabelText("Overdue only")).toBeChecked();
  });

  it("appends the next page under the first with More, and offers no More after the last", async () => {
    signedIn();
    const calls = mockApi({
      "GET /api/v1/auth/me": () => json(me),
      "GET /api/v1/cases": (call) =>
        call.search.get("cursor") === "page-2"
          ? json({ items: [cardComplaint], next_cursor: null })
          : json({ items: [feeComplaint, statementRequest], next_cursor: "page-2" }),
    });
    renderCasesPage();
    const user = userEvent.setup();
    await screen.findByTestId("cases");
    expect(titles()).toEqual(["Charged twice for annual card fee", "Paper statement for October"]);
    await user.click(screen.getByRole("button", { name: "More" }));
    await waitFor(() => expect(titles()).toHaveLength(3));
    expect(titles()).toEqual([
      "Charged twice for annual card fee",
      "Paper statement for October",
      "Card blocked abroad",
    ]);
    expect(lastAsked(calls)).toEqual({ status: "open", limit: "25", cursor: "page-2" });
    expect(screen.queryByRole("button", { name: "More" })).toBeNull();
  });

  it("lets an auditor read the queue but close nothing", async () => {
    signedIn("audit.sun");
    mockApi({
      "GET /api/v1/auth/me": () => json(auditor),
      "GET /api/v1/cases": answer,
    });
    renderCasesPage();
    await screen.findByText(/\(auditor\)/);
    await screen.findByTestId("cases");
    expect(titles()).toHaveLength(3);
    expect(within(screen.getByTestId("cases")).getAllByRole("link")).toHaveLength(3);
    expect(screen.queryByRole("button", { name: /Close case/ })).toBeNull();
    expect(navLinks()).toContain("Cases");
  });

  it("gives marketing no Cases link, and asks nothing when they open it anyway", async () => {
    signedIn("mkt.zhao");
    const calls = mockApi({
      "GET /api/v1/auth/me": () => json(marketing),
      "GET /api/v1/cases": answer,
    });
    renderCasesPage();
    await screen.findByText(/\(marketing\)/);
    expect(await screen.findByText("Your role does not read complaints and service requests.")).toBeInTheDocument();
    expect(navLinks()).not.toContain("Cases");
    await new Promise((r) => setTimeout(r, 50)); // what a request would have had to arrive
    expect(casesCalls(calls)).toHaveLength(0);
  });

  it("says so when nothing matches, and words a failure in a sentence, in Chinese too", async () => {
    signedIn();
    let fail = false;
    mockApi({
      "GET /api/v1/auth/me": () => json(me),
      "GET /api/v1/cases": () => (fail ? problem(500, "internal", "boom") : json({ items: [], next_cursor: null })),
    });
    const { unmount } = renderCasesPage();
    expect(await screen.findByText("No open cases: nothing is waiting for an answer.")).toBeInTheDocument();
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText("Kind"), "Complaints");
    expect(await screen.findByText("No cases match these filters.")).toBeInTheDocument();
    unmount();

    fail = true;
    renderCasesPage("/cases", "zh-CN");
    const error = await screen.findByRole("alert");
    expect(error).toHaveTextContent("服务器出现问题，已记录，请稍后重试。");
    expect(within(error).getByRole("button", { name: "重试" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "工单" })).toBeInTheDocument();
  });

  it("says a case closed in the open queue has left it, once the queue is read again without it", async () => {
    signedIn("agent.chen");
    let closed = false;
    const calls = mockApi({
      "GET /api/v1/auth/me": () => json(agent),
      "GET /api/v1/cases": () =>
        json({ items: closed ? [statementRequest] : [feeComplaint, statementRequest], next_cursor: null }),
      "POST /api/v1/cases/:id/close": () => (
        (closed = true),
        json({ ...feeComplaint, status: "closed", overdue: false, resolution: "Refunded the second fee." })
      ),
    });
    renderCasesPage();
    const user = userEvent.setup();
    await screen.findByTestId("cases");
    const fee = row("Charged twice for annual card fee");
    await user.click(within(fee).getByRole("button", { name: "Close case…" }));
    await user.type(within(fee).getByLabelText("Resolution"), "Refunded the second fee.");
    await user.click(within(fee).getByRole("button", { name: "Close case" }));

    const note = await screen.findByTestId("cases-closed-note");
    expect(note).toHaveTextContent("Case closed, so it has left this list: Charged twice for annual card fee");
    await waitFor(() => expect(casesCalls(calls)).toHaveLength(2));
    await waitFor(() => expect(titles()).toEqual(["Paper statement for October"]));
    expect(note).toHaveFocus();
  });
});
