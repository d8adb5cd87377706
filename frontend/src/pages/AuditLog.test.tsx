import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, onTestFinished } from "vitest";
import { Route, Routes, useLocation } from "react-router";
import { renderApp, Who } from "../test/render";
import { auditEntryFixture, customerFixture } from "../test/fixtures";
import { formatDateTime } from "../format";
import { json, me, mockApi, problem, signedIn, type Call } from "../test/server";
import { Layout } from "../components/Layout";
import { AuditLogPage } from "./AuditLog";
import { Customer360Page } from "./Customer360";

const auditor = { ...me, username: "audit.sun", display_name: "Sun Li", role: "auditor", branch: null };
const admin = { ...me, username: "admin", display_name: "Administrator", role: "admin", branch: null };
const rm = me;

const WANG = customerFixture();
const LIU_ID = "22222222-2222-4222-8222-222222222222";

// Newest first, as the server lists them: the auditor's own read of the log, rm.wang refused a customer outside his
// portfolio, rm.li revealing the phone, rm.li reading the profile, and a search naming five customers.
const ownRead = auditEntryFixture({
  id: 1046,
  at: "2026-12-02T10:00:00+00:00",
  actor: "audit.sun",
  role: "auditor",
  action: "audit_read",
  view: "audit-list",
  path: "/api/v1/audit",
  customer_ids: [],
  detail: { filters: { action: "read" } },
});
const refused = auditEntryFixture({
  id: 1045,
  at: "2026-12-02T09:40:00+00:00",
  actor: "rm.wang",
  action: "denied",
  outcome: 404,
});
const reveal = auditEntryFixture({
  id: 1044,
  at: "2026-12-02T09:20:00+00:00",
  action: "reveal",
  fields: ["id_number", "phone"],
});
const profileRead = auditEntryFixture({ id: 1043 });
const search = auditEntryFixture({
  id: 1042,
  at: "2026-12-02T09:00:00+00:00",
  view: "customers-search",
  path: "/api/v1/customers",
  customer_ids: [
    WANG.id,
    LIU_ID,
    ...[3, 4, 5].map((n) => `${n}${n}${n}${n}${n}${n}${n}${n}-0000-4000-8000-000000000000`),
  ],
});
// The server names each customer by number too (the others are no longer on record).
search.customers = search.customer_ids.map((id, i) => ({ id, customer_number: i < 2 ? `C000000100${i + 1}` : null }));
const firstPage = [ownRead, refused, reveal, profileRead, search];

function Where() {
  const location = useLocation();
  return <p data-testid="where">{location.pathname + location.search}</p>;
}

function open(
  who: { username: string; role: string },
  {
    url = "/audit",
    locale = "en",
    audit = () => json({ items: firstPage, next_cursor: null }),
  }: { url?: string; locale?: "en" | "zh-CN"; audit?: (call: Call) => Response | Promise<Response> } = {},
) {
  signedIn(who.username);
  const calls = mockApi({
    "GET /api/v1/auth/me": () => json(who),
    "GET /api/v1/audit": audit,
    "GET /api/v1/customers/:id": () => json(WANG, 200, { ETag: '"v3"' }),
    "GET /api/v1/customers/:id/holdings": () => json({ items: [] }),
    "GET /api/v1/customers/:id/timeline": () => json({ items: [], next_cursor: null }),
    "GET /api/v1/customers/:id/value": () => problem(404, "not-found", "not scored yet"),
    "GET /api/v1/customers/:id/campaigns": () => json([]),
    "GET /api/v1/alerts": () => json({ items: [], next_cursor: null }),
    "GET /api/v1/cases": () => json({ items: [], next_cursor: null }),
    "GET /api/v1/tasks": () => json({ items: [], next_cursor: null }),
  });
  renderApp(
    <>
      <Routes>
        <Route element={<Layout />}>
          <Route path="/audit" element={<AuditLogPage />} />
          <Route path="/customers/:customerId" element={<Customer360Page />} />
        </Route>
      </Routes>
      <Where />
      <Who />
    </>,
    { url, locale },
  );
  return calls;
}

const asked = (calls: Call[]) => calls.filter((c) => c.method === "GET" && c.path === "/api/v1/audit");
const lastAsked = (calls: Call[]) => Object.fromEntries(asked(calls).at(-1)!.search.entries());
const row = (id: number) =>
  screen.getByTestId("audit-entries").querySelector(`tr[data-audit-id="${id}"]`) as HTMLElement;
const cells = (id: number) =>
  within(row(id))
    .getAllByRole("cell")
    .map((c) => c.textContent);

describe("the audit log", () => {
  it("lists the entries newest first: when, who with their role, what in words, the customers linked, the outcome", async () => {
    const calls = open(auditor);
    const table = await screen.findByRole("table", { name: "Audit log" });
    expect(lastAsked(calls)).toEqual({ limit: "50" });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((th) => th.textContent),
    ).toEqual(["When", "Who", "What", "Customers", "Outcome", "Detail"]);
    expect([...table.querySelectorAll("tbody tr")].map((tr) => tr.getAttribute("data-audit-id"))).toEqual([
      "1046",
      "1045",
      "1044",
      "1043",
      "1042",
    ]);

    const read = row(1043);
    expect(cells(1043).slice(0, 5)).toEqual([
      formatDateTime(profileRead.at, "en"),
      "rm.lirelationship manager",
      "ReadCustomer profile",
      "11111111…",
      "200 done",
    ]);
    expect(within(read).getByText(formatDateTime(profileRead.at, "en")).closest("time")).toHaveAttribute(
      "datetime",
      profileRead.at,
    );
    // Who acted narrows the log to them; the customer leads to their 360 view.
    expect(within(read).getByRole("link", { name: "rm.li" })).toHaveAttribute("href", "/audit?actor=rm.li");
    expect(within(read).getByRole("link", { name: "11111111…" })).toHaveAttribute("href", `/customers/${WANG.id}`);
    expect(within(read).getByText("Customer profile")).toHaveAttribute("title", "customers-get");
    expect(read).toHaveTextContent("GET /api/v1/customers/11111111-1111-4111-8111-111111111111 · 10.1.2.3");

    expect(cells(1045).slice(1, 5)).toEqual([
      "rm.wangrelationship manager",
      "RefusedCustomer profile",
      "11111111…",
      "404 not found",
    ]);
    expect(within(row(1044)).getByText("Fields: id_number, phone")).toBeInTheDocument();
    expect(cells(1044)[2]).toBe("Revealed in fullCustomer profile");
    expect(cells(1046).slice(1, 5)).toEqual(["audit.sunauditor", "Read the audit logAudit log", "—", "200 done"]);
    expect(within(row(1046)).getByText("filters: action=read")).toBeInTheDocument();
    // A search names a page of customers: three shown, the rest folded away.
    const found = row(1042);
    expect(within(found).getByText("Customer search")).toBeInTheDocument();
    expect(within(found).getByRole("link", { name: "C0000001001" })).toHaveAttribute("href", `/customers/${WANG.id}`);
    expect(within(found).getByRole("link", { name: "C0000001002" })).toHaveAttribute("title", LIU_ID);
    expect(within(found).getAllByRole("link", { name: /…$/ })).toHaveLength(3);
    expect(within(found).getByText("2 more").tagName).toBe("SUMMARY");
    expect(screen.queryByRole("button", { name: "Load older entries" })).toBeNull();
  });

  it("sends the filters as query parameters: who, the action, the days as RFC 3339 with the browser's offset", async () => {
    const zone = process.env.TZ;
    process.env.TZ = "Asia/Shanghai"; // the browser's time zone, east of Greenwich
    onTestFinished(() => {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    });
    const user = userEvent.setup();
    const calls = open(auditor);
    await screen.findByTestId("audit-entries");

    await user.selectOptions(screen.getByLabelText("Action"), "Refused");
    await waitFor(() => expect(lastAsked(calls)).toEqual({ action: "denied", limit: "50" }));

    await user.type(screen.getByLabelText("Who"), "rm.wang{Enter}");
    await waitFor(() => expect(lastAsked(calls)).toEqual({ action: "denied", actor: "rm.wang", limit: "50" }));

    fireEvent.change(screen.getByLabelText("From"), { target: { value: "2026-11-01" } });
    fireEvent.change(screen.getByLabelText("To"), { target: { value: "2026-11-30" } });
    await waitFor(() => expect(lastAsked(calls).until).toBeDefined());
    const { since, until } = lastAsked(calls);
    // The start of the first day and of the day after the last (until is exclusive), each with its offset.
    expect(since).toBe("2026-11-01T00:00:00+08:00");
    expect(until).toBe("2026-12-01T00:00:00+08:00");
    expect(screen.getByTestId("where")).toHaveTextContent(
      "/audit?action=denied&actor=rm.wang&from=2026-11-01&to=2026-11-30",
    );

    // The filters are all cleared at once.
    await user.click(screen.getByRole("button", { name: "Clear filters" }));
    await waitFor(() => expect(lastAsked(calls)).toEqual({ limit: "50" }));
    expect(screen.getByLabelText("Who")).toHaveValue("");
  });

  it("asks nothing for a To day before the From day, nor for what is not a customer id", async () => {
    const calls = open(auditor, { url: "/audit?from=2026-11-30&to=2026-11-01" });
    expect(await screen.findByText("The To date is before the From date: nothing to show.")).toBeInTheDocument();
    await new Promise((r) => setTimeout(r, 50));
    expect(asked(calls)).toHaveLength(0);
  });

  it("says so of a customer filter that is neither a number nor an id, and asks nothing", async () => {
    const calls = open(auditor, { url: "/audit?customer=wang%20fang" });
    expect(await screen.findByText(/Not a customer number/)).toBeInTheDocument();
    expect(screen.getByLabelText("Customer")).toHaveAttribute("aria-invalid", "true");
    await new Promise((r) => setTimeout(r, 50));
    expect(asked(calls)).toHaveLength(0);
  });

  it("asks by customer number when given one", async () => {
    const calls = open(auditor, { url: "/audit?customer=C0000000042" });
    await screen.findByTestId("audit-entries");
    expect(lastAsked(calls)).toEqual({ customer_number: "C0000000042", limit: "50" });
    expect(screen.getByLabelText("Customer")).toHaveAttribute("aria-invalid", "false");
  });

  it("loads older entries with the cursor of the page before", async () => {
    const user = userEvent.setup();
    const older = auditEntryFixture({
      id: 1001,
      at: "2026-11-30T08:00:00+00:00",
      actor: "bm.bj001",
      role: "branch_manager",
    });
    const calls = open(auditor, {
      url: `/audit?action=read`,
      audit: (call) =>
        call.search.get("cursor") === "page-2"
          ? json({ items: [older], next_cursor: null })
          : json({ items: firstPage, next_cursor: "page-2" }),
    });
    await screen.findByTestId("audit-entries");
    await user.click(screen.getByRole("button", { name: "Load older entries" }));
    await waitFor(() => expect(row(1001)).not.toBeNull());
    expect(asked(calls).map((c) => Object.fromEntries(c.search))).toEqual([
      { action: "read", limit: "50" },
      { action: "read", limit: "50", cursor: "page-2" },
    ]);
    expect(cells(1001)[1]).toBe("bm.bj001branch manager");
    expect(screen.getByTestId("audit-entries").querySelectorAll("tbody tr")).toHaveLength(6);
    expect(screen.queryByRole("button", { name: "Load older entries" })).toBeNull();
  });

  it("shows the server's refusal as the SPA shows problems", async () => {
    const calls = open(admin, {
      audit: () => problem(403, "forbidden", "only auditors and admins read the audit log"),
    });
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Your role is not allowed to do this.");
    expect(alert).toHaveTextContent("only auditors and admins read the audit log");
    expect(asked(calls)).toHaveLength(1);
    expect(screen.queryByTestId("audit-entries")).toBeNull();
  });

  it("in Chinese", async () => {
    open(auditor, { locale: "zh-CN" });
    await screen.findByRole("table", { name: "审计日志" });
    expect(cells(1043).slice(1, 5)).toEqual(["rm.li客户经理", "查看客户资料", "11111111…", "200 成功"]);
    expect(cells(1045)[2]).toBe("被拒绝客户资料");
    expect(screen.getByRole("button", { name: "查询" })).toBeInTheDocument();
  });
});

describe("who finds the audit log", () => {
  it.each([
    ["auditor", auditor],
    ["admin", admin],
  ])("the %s, in the navigation", async (_role, who) => {
    open(who, { url: `/customers/${WANG.id}` });
    const nav = await screen.findByRole("navigation", { name: "Main" });
    const link = await within(nav).findByRole("link", { name: "Audit log" });
    expect(link).toHaveAttribute("href", "/audit");
    await userEvent.setup().click(link);
    expect(await screen.findByRole("heading", { name: "Audit log" })).toBeInTheDocument();
    expect(screen.getByTestId("where")).toHaveTextContent(/^\/audit$/);
  });

  it("not an RM, who is told so on the page and asks nothing", async () => {
    const calls = open(rm);
    await waitFor(() => expect(screen.getByTestId("who")).toHaveTextContent("rm"));
    expect(await screen.findByText("Only auditors and administrators read the audit log.")).toBeInTheDocument();
    expect(
      within(screen.getByRole("navigation", { name: "Main" })).queryByRole("link", { name: "Audit log" }),
    ).toBeNull();
    await new Promise((r) => setTimeout(r, 50));
    expect(asked(calls)).toHaveLength(0);
  });

  it("an auditor follows a customer's Audit trail from the 360 view, and the log names the customer", async () => {
    const user = userEvent.setup();
    const calls = open(auditor, { url: `/customers/${WANG.id}` });
    await screen.findByRole("heading", { name: WANG.display_name });
    const link = await screen.findByRole("link", { name: "Audit trail" });
    expect(link).toHaveAttribute("href", `/audit?customer=${WANG.id}`);
    await user.click(link);

    await screen.findByTestId("audit-entries");
    expect(screen.getByTestId("where")).toHaveTextContent(`/audit?customer=${WANG.id}`);
    expect(lastAsked(calls)).toEqual({ customer_id: WANG.id, limit: "50" });
    expect(screen.getByLabelText("Customer")).toHaveValue(WANG.id);
    const named = screen.getByTestId("audit-customer");
    expect(named).toHaveTextContent(`${WANG.display_name} ${WANG.customer_number}`);
    expect(within(named).getByRole("link", { name: WANG.display_name })).toHaveAttribute(
      "href",
      `/customers/${WANG.id}`,
    );
    // The rows name the customer too; others by their numbers.
    expect(within(row(1043)).getByRole("link", { name: WANG.display_name })).toBeInTheDocument();
    expect(within(row(1042)).getByRole("link", { name: "C0000001002" })).toBeInTheDocument();

    // Narrowed further to one person, the customer stays named.
    await user.click(within(row(1045)).getByRole("link", { name: "rm.wang" }));
    await waitFor(() => expect(lastAsked(calls)).toEqual({ customer_id: WANG.id, actor: "rm.wang", limit: "50" }));
    expect(screen.getByTestId("audit-customer")).toHaveTextContent(WANG.customer_number);
  });

  it("an RM gets no Audit trail link on the 360 view", async () => {
    open(rm, { url: `/customers/${WANG.id}` });
    await screen.findByRole("heading", { name: WANG.display_name });
    await waitFor(() => expect(screen.getByTestId("who")).toHaveTextContent("rm"));
    expect(screen.getByRole("link", { name: "Back to customers" })).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Audit trail" })).toBeNull();
  });
});
