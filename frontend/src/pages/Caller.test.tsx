import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { Route, Routes, useLocation } from "react-router";
import { formatDateTime } from "../format";
import { renderApp } from "../test/render";
import {
  callerContextFixture,
  campaignOfferActionFixture,
  caseFixture,
  contextCaseFixture,
  interactionFixture,
  memberFixture,
} from "../test/fixtures";
import { eventStreams, json, me, mockApi, problem, signedIn, type Call } from "../test/server";
import { Layout } from "../components/Layout";
import { CallerPage } from "./Caller";

const agent = { ...me, username: "agent.chen", display_name: "Chen Jing", role: "agent", branch: null };
const PHONE = "+8613812345678";

function Where() {
  const location = useLocation();
  return <p data-testid="where">{location.pathname + location.search}</p>;
}

function renderCaller(url: string, locale: "en" | "zh-CN" = "en") {
  return renderApp(
    <Routes>
      <Route
        path="/call"
        element={
          <>
            <CallerPage />
            <Where />
          </>
        }
      />
    </Routes>,
    { url, locale },
  );
}

/** The agent signed in, one caller to find (the fixture), and no live stream (503): the page without its updates. */
function mockCaller(): Call[] {
  return mockApi({
    "GET /api/v1/auth/me": () => json(agent),
    "GET /api/v1/contact-center/context": () => json(callerContextFixture()),
    "GET /api/v1/contact-center/stream": () => new Response(null, { status: 503 }),
  });
}

const shownCases = () =>
  within(screen.getByTestId("caller-cases"))
    .getAllByRole("listitem")
    .map((li) => li.getAttribute("data-case-id"));

/** A case event as the stream sends it: the complaint the call center's feed just opened, due in two days. */
const NEW_CASE = contextCaseFixture();
const openedComplaint = (over: Record<string, unknown> = {}) => ({ ...NEW_CASE, ...over });
/** The same case, closed: what was done and how satisfied the customer was, filled. */
const closedComplaint = <C extends { id: string }>(c: C) => ({
  ...c,
  status: "closed",
  overdue: false,
  closed_at: "2026-11-28T11:00:00+00:00",
  resolution: "Refunded the second annual fee.",
  satisfaction: 4,
});

/** An alert event as the stream sends it: raised on the complaint the call center's feed just logged. */
const RAISED = {
  id: "2a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
  kind: "complaint",
  severity: "medium",
  title: "Complaint to the call center on 2026-11-28",
  detail: null,
  status: "open",
  raised_at: "2026-11-28T10:00:05+00:00",
  data: {},
};

const contextCalls = (calls: Call[]) => calls.filter((c) => c.path === "/api/v1/contact-center/context");
const shownInteractions = () =>
  within(screen.getByTestId("caller-interactions"))
    .getAllByRole("listitem")
    .map((li) => li.getAttribute("data-interaction-id"));

describe("the Caller page", () => {
  it("shows a unique caller at a glance: actions by priority, holdings, the 10 latest interactions", async () => {
    signedIn("agent.chen");
    const streams = eventStreams();
    const calls = mockApi({
      "GET /api/v1/auth/me": () => json(agent),
      "GET /api/v1/contact-center/context": () => json(callerContextFixture()),
      "GET /api/v1/contact-center/stream": (c) => streams.open(c),
    });
    renderCaller(`/call?phone=${encodeURIComponent(PHONE)}`);

    expect(await screen.findByRole("heading", { name: "王芳 (Wang Fang)" })).toBeInTheDocument();
    expect(contextCalls(calls)[0].search.get("phone")).toBe(PHONE);
    expect(screen.getByLabelText("Phone")).toHaveValue(PHONE);
    const card = screen.getByTestId("caller-card");
    expect(card).toHaveTextContent("C0000012345");
    expect(card).toHaveTextContent("+86138****5678");
    expect(card).toHaveTextContent("Resident ID 110***********1234");
    expect(card).toHaveTextContent("35–44");
    expect(card).toHaveTextContent("Potential");
    expect(card).toHaveTextContent("Young professionals"); // the segment by its name, not its code
    expect(card).not.toHaveTextContent("young_professionals");
    expect(card).toHaveTextContent("Agrees to: phone");
    expect(within(card).getByRole("link", { name: "Transfer to +861065551234" })).toHaveAttribute(
      "href",
      "tel:+861065551234",
    );
    expect(within(card).getByRole("link", { name: "Open the full customer view" })).toHaveAttribute(
      "href",
      "/customers/3f2b8c1e-5d4a-4e2b-9c1d-7a6b5c4d3e2f",
    );

    // Service before sales: the open complaint first, the offer last, each with its reason.
    const actions = within(document.getElementById("caller-nba")!).getAllByRole("listitem");
    expect(actions.map((a) => a.querySelector(".nba-title")!.textContent)).toEqual([
      "Acknowledge the recent complaint",
      "Address alert: Large outflow: CN¥200,000.00 left in 7 days",
      "Offer to roll over 12-month time deposit ****3445",
      "Offer Steady Income Fund",
    ]);
    expect(actions[0]).toHaveTextContent("High priority");
    expect(actions[0]).toHaveTextContent("is still open");
    expect(actions[2]).toHaveTextContent(
      "12-month time deposit ****3445 (CN¥100,000.00) matures on 12/10/2026, in 17 days",
    );

    const cases = screen.getByTestId("caller-cases");
    expect(within(cases).getByText("Overdue")).toBeInTheDocument();
    expect(cases.querySelector("li.overdue")).toHaveTextContent("Charged twice for annual card fee");
    expect(screen.getByTestId("caller-alerts")).toHaveTextContent("Large outflow: CN¥200,000.00 left in 7 days");

    // Money from the decimal strings, to the cent (a float would make this ...409.98).
    const holdings = screen.getByRole("table", { name: "Holdings" });
    expect(within(holdings).getByText("CN¥100,000.00")).toBeInTheDocument();
    expect(within(holdings).getByText("CN¥90,071,992,547,409.99")).toBeInTheDocument();
    expect(within(holdings).getByText("17 days")).toBeInTheDocument();
    expect(screen.getByTestId("caller-value")).toHaveTextContent("CN¥385,000.00");
    expect(screen.getByTestId("caller-value")).toHaveTextContent("42%");

    expect(shownInteractions()).toHaveLength(10);
    const call = within(screen.getByTestId("caller-interactions")).getAllByRole("listitem")[0];
    expect(call).toHaveTextContent("Call center");
    expect(call).toHaveTextContent("Call ended");
    expect(call).toHaveTextContent("Asked about card limit");
    expect(call).toHaveTextContent("Satisfaction 4/5");
    expect(call).toHaveTextContent("Notes: Raised limit request");

    // The stream of this customer is open, with the session's token.
    expect(await screen.findByText("Live")).toBeInTheDocument();
    expect(streams.opened).toHaveLength(1);
    expect(streams.opened[0].call.search.get("customer_id")).toBe("3f2b8c1e-5d4a-4e2b-9c1d-7a6b5c4d3e2f");
    expect(streams.opened[0].call.headers.get("Authorization")).toBe("Bearer test-token");
  });

  it("reads the server's sentences in Chinese where it has their template", async () => {
    signedIn("agent.chen");
    mockCaller();
    renderCaller("/call?customer_number=C0000012345", "zh-CN");
    const value = await screen.findByTestId("caller-value");
    expect(value).toHaveTextContent("三个月内余额下降 28%");
    expect(value).toHaveTextContent("¥385,000.00");
    expect(screen.getByTestId("caller-card")).toHaveTextContent("居民身份证");
    expect(screen.getByLabelText("客户号")).toHaveValue("C0000012345");
    expect(screen.getByRole("table", { name: "持有产品" })).toHaveTextContent("一年期定期存款");
  });

  it("words the next best actions and the alerts in Chinese, from their facts", async () => {
    signedIn("agent.chen");
    mockCaller();
    renderCaller("/call?customer_number=C0000012345", "zh-CN");
    await screen.findByRole("heading", { name: "王芳 (Wang Fang)" });
    const actions = within(document.getElementById("caller-nba")!).getAllByRole("listitem");
    const worded = actions.map((a) => [
      a.querySelector(".nba-title")!.textContent,
      a.querySelector(".nba-reason")!.textContent,
    ]);
    // The order and the priority badges are the server's, as before.
    expect(actions.map((a) => a.querySelector(".nba-tags")!.textContent)).toEqual([
      "高优先级 投诉",
      "高优先级 预警",
      "中优先级 到期续作",
      "低优先级 产品推荐",
    ]);
    expect(worded).toEqual([
      [
        "回应客户近期的投诉",
        `2026/11/19 的投诉（Charged twice for annual card fee）仍未办结，已超过服务时限 ${formatDateTime(
          "2026-11-21T08:00:00+00:00",
          "zh-CN",
        )}`,
      ],
      ["处理预警：大额资金流出：7 天内流出 ¥200,000.00", "大额资金流出预警，2026/11/22 触发"],
      ["建议续作：一年期定期存款 ****3445", "一年期定期存款 ****3445（¥100,000.00）将于 2026/12/10 到期，还有 17 天"],
      [
        "推荐产品：稳健收益基金",
        "同分层、同年龄段、同收入区间的 1,180 位同类客户中，46% 持有基金，该客户尚未持有；" +
          "产品风险等级 R3，与客户的风险偏好（C3 平衡型）相符；客户已同意接受电话营销",
      ],
    ]);
    const alert = within(screen.getByTestId("caller-alerts")).getByRole("listitem");
    expect(alert.querySelector(".alert-title")).toHaveTextContent("大额资金流出：7 天内流出 ¥200,000.00");
    expect(alert).not.toHaveTextContent("Large outflow");
  });

  it("lists the customers sharing a phone, and looks the chosen one up by customer number", async () => {
    signedIn("agent.chen");
    const calls = mockApi({
      "GET /api/v1/auth/me": () => json(agent),
      "GET /api/v1/contact-center/context": (c) =>
        c.search.get("phone")
          ? json({
              match: "ambiguous",
              candidates: [
                {
                  id: "3f2b8c1e-5d4a-4e2b-9c1d-7a6b5c4d3e2f",
                  customer_number: "C0000012345",
                  display_name: "王芳 (Wang Fang)",
                  masked_phone: "+86138****5678",
                  birth_year: 1988,
                  home_branch: "BJ001",
                  provisional: false,
                },
                {
                  id: "6d5c4b3a-2f1e-4d0c-9b8a-7f6e5d4c3b2a",
                  customer_number: "C0000067890",
                  display_name: "王磊 (Wang Lei)",
                  masked_phone: "+86138****5678",
                  birth_year: 2012,
                  home_branch: "BJ001",
                  provisional: true,
                },
              ],
            })
          : json(
              callerContextFixture({
                customer: {
                  ...callerContextFixture().customer,
                  id: "6d5c4b3a-2f1e-4d0c-9b8a-7f6e5d4c3b2a",
                  customer_number: "C0000067890",
                  display_name: "王磊 (Wang Lei)",
                },
              }),
            ),
      "GET /api/v1/contact-center/stream": () => new Response(null, { status: 503 }),
    });
    renderCaller(`/call?phone=${encodeURIComponent(PHONE)}&call_id=CALL-1`);
    const user = userEvent.setup();
    expect(await screen.findByRole("heading", { name: "2 customers share this phone. Who is calling?" })).toBeVisible();
    const choice = screen.getByRole("button", { name: /王磊 \(Wang Lei\) C0000067890 .* born 2012 .* Provisional/ });
    expect(screen.getByRole("button", { name: /王芳 \(Wang Fang\) C0000012345/ })).toBeInTheDocument();
    await user.click(choice);

    expect(await screen.findByRole("heading", { name: "王磊 (Wang Lei)" })).toHaveFocus();
    const asked = contextCalls(calls).at(-1)!;
    expect(asked.search.get("customer_number")).toBe("C0000067890");
    expect(asked.search.get("phone")).toBeNull();
    expect(asked.search.get("call_id")).toBe("CALL-1");
    expect(screen.getByTestId("where")).toHaveTextContent("/call?customer_number=C0000067890&call_id=CALL-1");
  });

  it("says nobody was found for the number, in the words of the identifier asked by", async () => {
    signedIn("agent.chen");
    mockApi({
      "GET /api/v1/auth/me": () => json(agent),
      "GET /api/v1/contact-center/context": () => problem(404, "not-found", "no customer is known by this phone"),
    });
    renderCaller(`/call?phone=${encodeURIComponent("+8613800000000")}`);
    expect(await screen.findByTestId("caller-not-found")).toHaveTextContent("No customer found for this phone.");
    expect(screen.queryByRole("heading", { level: 2 })).toBeNull();
  });

  it("puts the server's objection beside the field, and keeps the query in the URL", async () => {
    signedIn("agent.chen");
    const calls = mockApi({
      "GET /api/v1/auth/me": () => json(agent),
      "GET /api/v1/contact-center/context": (c) =>
        problem(422, "validation-error", "not E.164", [
          { field: "phone", message: `'${c.search.get("phone")}' is not an E.164 phone number (e.g. +8613812345678)` },
        ]),
    });
    renderCaller("/call");
    const user = userEvent.setup();
    expect(await screen.findByText(/Look the caller up by the phone number/)).toBeInTheDocument();
    const field = screen.getByLabelText("Phone");
    expect(field).toHaveFocus();
    await user.type(field, "138 1234-5678{Enter}");

    await waitFor(() => expect(field).toHaveAttribute("aria-invalid", "true"));
    expect(contextCalls(calls)[0].search.get("phone")).toBe("13812345678");
    expect(screen.getByTestId("where")).toHaveTextContent("/call?phone=13812345678");
    expect(field).toHaveAccessibleDescription(/This phone number is not valid\..*is not an E\.164 phone number/);
    expect(screen.getByRole("alert")).toHaveTextContent("This phone number is not valid.");

    // Typing again takes the objection away until the server is asked again.
    await user.clear(field);
    await user.type(field, "+8613812345678");
    expect(field).toHaveAttribute("aria-invalid", "false");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("keeps an ID number out of the address bar, typed or in a link, and still shows the caller", async () => {
    signedIn("agent.chen");
    const ID = "110101199003071234";
    const calls = mockCaller();
    // From call-center software: the link names the ID number; the page takes it out of the URL at once.
    renderCaller(`/call?id_number=${ID}&call_id=CALL-9`);
    expect(await screen.findByRole("heading", { name: "王芳 (Wang Fang)" })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId("where")).toHaveTextContent(/^\/call\?call_id=CALL-9$/));
    expect(contextCalls(calls)).toHaveLength(1); // moving it did not ask again
    expect(contextCalls(calls)[0].search.get("id_number")).toBe(ID);
    expect(contextCalls(calls)[0].search.get("call_id")).toBe("CALL-9");

    // Typed by hand: asked for, never in the URL.
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText("Identify by"), "id_number");
    await user.type(screen.getByLabelText("ID number"), "E12345678{Enter}");
    await waitFor(() => expect(contextCalls(calls).at(-1)!.search.get("id_number")).toBe("E12345678"));
    expect(screen.getByTestId("where")).toHaveTextContent(/^\/call$/);
  });

  it("tells a role that does not look callers up, without asking the server", async () => {
    signedIn();
    const calls = mockApi({ "GET /api/v1/auth/me": () => json(me) });
    renderCaller(`/call?phone=${encodeURIComponent(PHONE)}`);
    expect(await screen.findByText(/The Caller page is for call-center agents/)).toBeInTheDocument();
    expect(contextCalls(calls)).toHaveLength(0);
  });
});

describe("closing a case while the customer is on the line", () => {
  it("lets the agent close the open complaint; it shows as closed with what was done, and the caller is read again", async () => {
    signedIn("agent.chen");
    const [open] = callerContextFixture().open_cases;
    let closed = false;
    const calls = mockApi({
      "GET /api/v1/auth/me": () => json(agent),
      "GET /api/v1/contact-center/context": () =>
        json(
          callerContextFixture(
            closed
              ? {
                  // Read again: the complaint is closed (still listed: it is recent) and no longer to acknowledge.
                  open_cases: [
                    {
                      ...open,
                      status: "closed",
                      overdue: false,
                      closed_at: "2026-11-28T10:00:00+00:00",
                      resolution: "Refunded the second annual fee while on the call.",
                      satisfaction: 5,
                    },
                  ],
                  next_best_actions: callerContextFixture().next_best_actions.filter(
                    (a) => a.kind !== "acknowledge_complaint",
                  ),
                }
              : {},
          ),
        ),
      "GET /api/v1/contact-center/stream": () => new Response(null, { status: 503 }),
      "POST /api/v1/cases/:id/close": (c) => {
        closed = true;
        const body = c.body as { resolution: string; satisfaction?: number };
        return json(
          caseFixture({
            id: open.id,
            customer: {
              id: "3f2b8c1e-5d4a-4e2b-9c1d-7a6b5c4d3e2f",
              customer_number: "C0000012345",
              display_name: "王芳 (Wang Fang)",
            },
            status: "closed",
            overdue: false,
            closed_at: "2026-11-28T10:00:00+00:00",
            closed_by: agent.id,
            closed_by_username: "agent.chen",
            resolution: body.resolution,
            satisfaction: body.satisfaction ?? null,
          }),
        );
      },
    });
    renderCaller(`/call?phone=${encodeURIComponent(PHONE)}`);
    const user = userEvent.setup();
    const cases = await screen.findByTestId("caller-cases");
    const item = within(cases).getByText("Charged twice for annual card fee").closest("li")!;
    expect(within(item).getByText("Open")).toHaveAttribute("data-status", "open");
    await user.click(within(item).getByRole("button", { name: "Close case…" }));
    await user.type(within(item).getByLabelText("Resolution"), "Refunded the second annual fee while on the call.");
    await user.selectOptions(within(item).getByLabelText("Customer satisfaction"), "5 – Very satisfied");
    await user.click(within(item).getByRole("button", { name: "Close case" }));

    expect(await within(item).findByText("Case closed.")).toBeInTheDocument();
    expect(calls.find((c) => c.method === "POST")!.path).toBe(`/api/v1/cases/${open.id}/close`);
    expect(calls.find((c) => c.method === "POST")!.body).toEqual({
      resolution: "Refunded the second annual fee while on the call.",
      satisfaction: 5,
    });
    expect(within(item).getByText("Closed")).toHaveAttribute("data-status", "closed");
    expect(item).toHaveTextContent("What was done: Refunded the second annual fee while on the call.");
    expect(item).toHaveTextContent("Closed by agent.chen");
    expect(item).toHaveTextContent("Satisfaction 5 / 5 (Very satisfied)");
    expect(item).not.toHaveTextContent("Overdue");
    expect(within(item).queryByRole("button", { name: "Close case…" })).toBeNull();
    // The caller is read again: the complaint is no longer an action to take.
    await waitFor(() => expect(contextCalls(calls)).toHaveLength(2));
    await waitFor(() => expect(screen.queryByText("Acknowledge the recent complaint")).toBeNull());
    expect(screen.getByTestId("caller-cases")).toHaveTextContent("What was done: Refunded the second annual fee");
  });
});

describe("the Caller link", () => {
  function navLinks() {
    return within(screen.getByRole("navigation", { name: "Main" }))
      .getAllByRole("link")
      .map((a) => a.textContent);
  }

  it("comes first for an agent, last for an admin, and not at all for an RM", async () => {
    for (const [role, shownAs, expected] of [
      ["agent", "call-center agent", ["Caller", "Customers", "Alerts", "Cases", "Campaigns"]],
      [
        "admin",
        "administrator",
        [
          "My day",
          "Customers",
          "Alerts",
          "Cases",
          "Segments",
          "Campaigns",
          "RM performance",
          "Audit log",
          "Feed quarantine",
          "Caller",
        ],
      ],
      [
        "rm",
        "relationship manager",
        ["My day", "Customers", "Alerts", "Cases", "Segments", "Campaigns", "RM performance"],
      ],
    ] as const) {
      signedIn();
      mockApi({ "GET /api/v1/auth/me": () => json({ ...me, role }) });
      const { unmount } = renderApp(
        <Routes>
          <Route element={<Layout />}>
            <Route path="/" element={<p>home</p>} />
          </Route>
        </Routes>,
      );
      await screen.findByText(new RegExp(`\\(${shownAs}\\)`)); // the role, in words
      expect(navLinks()).toEqual(expected);
      unmount();
    }
  });
});

describe("the caller, live", () => {
  async function openLive(locale: "en" | "zh-CN" = "en") {
    signedIn("agent.chen");
    const streams = eventStreams();
    let reads = 0;
    const calls = mockApi({
      "GET /api/v1/auth/me": () => json(agent),
      "GET /api/v1/contact-center/context": () => (reads++, json(callerContextFixture())),
      "GET /api/v1/contact-center/stream": (c) => streams.open(c),
    });
    renderCaller(`/call?phone=${encodeURIComponent(PHONE)}`, locale);
    await screen.findByText(locale === "en" ? "Live" : "实时");
    return { streams, calls, reads: () => reads };
  }

  it("puts an interaction from the stream on top of the latest list, once, still 10 long", async () => {
    const { streams } = await openLive();
    const before = shownInteractions();
    const arrived = interactionFixture(99, {
      channel: "call_center",
      type: "complaint",
      occurred_at: "2026-11-28T10:00:00+00:00",
      summary: "Charged twice for one transfer",
      outcome: "complaint_logged",
      amount: null,
      currency: null,
      details: { disposition: "complaint_logged", satisfaction: 1 },
    });
    // Cut mid-frame, with a heartbeat before it, as a network may deliver it.
    const frame = `: heartbeat\n\nevent: interaction\nid: ${arrived.id}\ndata: ${JSON.stringify(arrived)}\n\n`;
    streams.opened[0].write(frame.slice(0, 40));
    streams.opened[0].write(frame.slice(40));

    const top = await screen.findByText("Charged twice for one transfer");
    const item = top.closest("li")!;
    expect(shownInteractions()[0]).toBe(arrived.id);
    expect(item).toHaveClass("fresh");
    expect(within(item).getByText("New")).toBeInTheDocument();
    expect(item).toHaveTextContent("Satisfaction 1/5");
    expect(shownInteractions()).toEqual([arrived.id, ...before.slice(0, 9)]);
    expect(screen.getByTestId("arrivals")).toHaveTextContent(
      "New interaction: Call center · Complaint · Charged twice for one transfer",
    );

    // The same event again (a resent frame) is not listed twice.
    streams.opened[0].send("interaction", arrived);
    streams.opened[0].send("interaction", interactionFixture(100, { summary: "Second arrival" }));
    await screen.findByText("Second arrival");
    expect(shownInteractions()).toEqual([interactionFixture(100).id, arrived.id, ...before.slice(0, 8)]);
  });

  it("asks the stream to replay the current state first, and shows only what the context did not have", async () => {
    const { streams } = await openLive();
    expect(streams.opened[0].call.search.get("replay")).toBe("true");
    const context = callerContextFixture();
    const before = shownInteractions();
    // The replay: what the context read already showed (the latest interactions oldest first, the alerts,
    // every balance, in the server's formatting) ...
    for (const i of [...context.recent_interactions].reverse()) streams.opened[0].send("interaction", i);
    for (const a of context.alerts) streams.opened[0].send("alert", a);
    for (const h of context.holdings) streams.opened[0].send("balance", { ...h, balance: `${h.balance}00` });
    // ... and one interaction committed between the context read and the stream's start.
    const between = interactionFixture(77, { summary: "Paid in at the counter meanwhile" });
    streams.opened[0].send("interaction", between);

    const item = (await screen.findByText("Paid in at the counter meanwhile")).closest("li")!;
    expect(within(item).getByText("New")).toBeInTheDocument();
    expect(shownInteractions()).toEqual([between.id, ...before.slice(0, 9)]);
    expect(screen.getAllByText("New")).toHaveLength(1);
    expect(screen.getByTestId("arrivals")).toHaveTextContent("Paid in at the counter meanwhile");
  });

  it("adds a new alert on top and updates a holding's balance from the stream", async () => {
    const { streams } = await openLive();
    streams.opened[0].send("alert", {
      id: "2a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
      kind: "complaint",
      severity: "medium",
      title: "Complaint to the call center on 2026-11-28",
      detail: null,
      status: "open",
      raised_at: "2026-11-28T10:00:05+00:00",
    });
    const alert = (await screen.findByText("Complaint to the call center on 2026-11-28")).closest("li")!;
    expect(within(screen.getByTestId("caller-alerts")).getAllByRole("listitem")[0]).toBe(alert);
    expect(within(alert).getByText("New")).toBeInTheDocument();

    const deposit = callerContextFixture().holdings[0];
    streams.opened[0].send("balance", { ...deposit, balance: "99500.5000", balance_as_of: "2026-11-28T10:00:06Z" });
    const row = await screen.findByText("CN¥99,500.50");
    expect(row.closest("tr")).toHaveAttribute("data-holding-id", deposit.id);
    expect(screen.queryByText("CN¥100,000.00")).toBeNull();
    expect(screen.getByRole("table", { name: "Holdings" }).querySelectorAll("tbody tr")).toHaveLength(2);
  });

  it("takes an alert resolved meanwhile off the list and out of the actions, and says so", async () => {
    const { streams } = await openLive();
    const [read] = callerContextFixture().alerts;
    // A second alert raised meanwhile, so that the list is not left empty.
    streams.opened[0].send("alert", RAISED);
    await screen.findByText("Complaint to the call center on 2026-11-28");
    const nba = document.getElementById("caller-nba")!;
    expect(nba).toHaveTextContent("Address alert: Large outflow: CN¥200,000.00 left in 7 days");

    // Resolved by the RM on the alerts page.
    streams.opened[0].send("alert", { ...read, status: "resolved" });
    await waitFor(() =>
      expect(screen.getByTestId("arrivals")).toHaveTextContent(
        "Alert resolved: Large outflow: CN¥200,000.00 left in 7 days",
      ),
    );
    const alerts = screen.getByTestId("caller-alerts");
    expect(
      within(alerts)
        .getAllByRole("listitem")
        .map((li) => li.getAttribute("data-alert-id")),
    ).toEqual([RAISED.id]);
    expect(alerts).not.toHaveTextContent("Large outflow");
    expect(nba).not.toHaveTextContent("Address alert");
    expect(within(nba).getAllByRole("listitem")).toHaveLength(3);

    // Told again (a resent frame): not announced again.
    streams.opened[0].send("alert", { ...read, status: "resolved" });
    streams.opened[0].send("interaction", interactionFixture(100, { summary: "Second arrival" }));
    await waitFor(() => expect(screen.getByTestId("arrivals")).toHaveTextContent("Second arrival"));
    expect(screen.queryByText("Large outflow: CN¥200,000.00 left in 7 days")).toBeNull();
  });

  it("shows an alert an RM acknowledged meanwhile as acknowledged, in place, in Chinese too", async () => {
    const { streams } = await openLive("zh-CN");
    const [read] = callerContextFixture().alerts;
    streams.opened[0].send("alert", RAISED);
    await screen.findByText("Complaint to the call center on 2026-11-28");
    const ids = () =>
      within(screen.getByTestId("caller-alerts"))
        .getAllByRole("listitem")
        .map((li) => li.getAttribute("data-alert-id"));
    expect(ids()).toEqual([RAISED.id, read.id]);
    const item = screen.getByTestId("caller-alerts").querySelector<HTMLElement>(`[data-alert-id="${read.id}"]`)!;
    expect(within(item).queryByText("已确认")).toBeNull();

    streams.opened[0].send("alert", { ...read, status: "acknowledged" });
    await waitFor(() =>
      expect(screen.getByTestId("arrivals")).toHaveTextContent("预警已确认：大额资金流出：7 天内流出 ¥200,000.00"),
    );
    const updated = screen.getByTestId("caller-alerts").querySelector<HTMLElement>(`[data-alert-id="${read.id}"]`)!;
    expect(within(updated).getByText("已确认")).toBeInTheDocument();
    expect(within(updated).getByText("新")).toBeInTheDocument();
    expect(ids()).toEqual([RAISED.id, read.id]); // in place, not moved on top
    // Still to address: the action stays.
    expect(document.getElementById("caller-nba")).toHaveTextContent("处理预警：大额资金流出：7 天内流出 ¥200,000.00");

    streams.opened[0].send("alert", { ...read, status: "resolved" });
    await waitFor(() =>
      expect(screen.getByTestId("arrivals")).toHaveTextContent("预警已解决：大额资金流出：7 天内流出 ¥200,000.00"),
    );
    expect(ids()).toEqual([RAISED.id]);
    expect(document.getElementById("caller-nba")).not.toHaveTextContent("处理预警");
  });

  it("after a drop, takes away an alert heard of before it that the caller read again no longer lists", async () => {
    const { streams, reads } = await openLive();
    const [read] = callerContextFixture().alerts;
    streams.opened[0].send("alert", RAISED);
    await screen.findByText("Complaint to the call center on 2026-11-28");
    // Resolved while the stream is down: not replayed, and the context read again lists only open ones.
    streams.opened[0].write("retry: 30\n\n");
    streams.opened[0].end();
    await waitFor(() => expect(streams.opened).toHaveLength(2));
    streams.opened[1].send("alert", read);
    await waitFor(() => expect(reads()).toBe(2));
    await waitFor(() => expect(screen.queryByText("Complaint to the call center on 2026-11-28")).toBeNull());
    expect(screen.getByTestId("caller-alerts")).toHaveTextContent("Large outflow");
  });

  it("lists a complaint case the call center opened meanwhile, marked new and announced, in due order", async () => {
    const { streams } = await openLive();
    const [read] = callerContextFixture().open_cases;
    // The feed's complaint: the interaction, then (same commit) the case it opened, due in two days.
    const complaint = interactionFixture(99, {
      channel: "call_center",
      type: "complaint",
      occurred_at: "2026-11-28T10:00:00+00:00",
      summary: "Charged twice for one transfer",
      amount: null,
      currency: null,
    });
    streams.opened[0].send("interaction", complaint);
    streams.opened[0].send("case", openedComplaint());

    const cases = screen.getByTestId("caller-cases");
    const item = (await within(cases).findByText("Charged twice for one transfer")).closest("li")!;
    expect(item).toHaveAttribute("data-case-id", NEW_CASE.id);
    expect(within(item).getByText("Complaint")).toBeInTheDocument();
    expect(within(item).getByText("Open")).toHaveAttribute("data-status", "open");
    expect(within(item).getByText("New")).toBeInTheDocument();
    expect(item).toHaveClass("fresh");
    expect(item).toHaveTextContent(`Due ${formatDateTime("2026-11-30T10:00:00+00:00", "en")}`);
    expect(within(item).getByRole("button", { name: "Close case…" })).toBeInTheDocument();
    // Open ones the soonest due first: the overdue complaint read before it stays on top, and is not marked.
    expect(shownCases()).toEqual([read.id, NEW_CASE.id]);
    expect(within(cases).getAllByText("New")).toHaveLength(1);
    expect(screen.getByTestId("arrivals")).toHaveTextContent("New case: Complaint · Charged twice for one transfer");

    // Told again (a replay after it, a resent frame): listed once, and the overdue one is not news either.
    streams.opened[0].send("case", read);
    streams.opened[0].send("case", openedComplaint());
    streams.opened[0].send("interaction", interactionFixture(100, { summary: "Second arrival" }));
    await screen.findByText("Second arrival");
    expect(shownCases()).toEqual([read.id, NEW_CASE.id]);
    expect(within(cases).getAllByText("New")).toHaveLength(1);
  });

  it("shows an open case closed meanwhile as closed, with what was done, in place", async () => {
    const { streams } = await openLive();
    const [read] = callerContextFixture().open_cases;
    const cases = screen.getByTestId("caller-cases");
    const before = within(cases).getByText("Charged twice for annual card fee").closest("li")!;
    expect(within(before).getByText("Overdue")).toBeInTheDocument();
    // A new complaint after it, so that the closed one has somewhere to move to.
    streams.opened[0].send("case", openedComplaint());
    await within(cases).findByText("Charged twice for one transfer");
    expect(shownCases()).toEqual([read.id, NEW_CASE.id]);

    // Closed by the RM on the 360 view.
    streams.opened[0].send("case", closedComplaint(read));
    await waitFor(() => expect(screen.getByTestId("arrivals")).toHaveTextContent(/^Case closed/));
    expect(screen.getByTestId("arrivals")).toHaveTextContent(
      "Case closed: Complaint · Charged twice for annual card fee · What was done: Refunded the second annual fee.",
    );
    const item = within(cases).getByText("Charged twice for annual card fee").closest("li")!;
    expect(within(item).getByText("Closed")).toHaveAttribute("data-status", "closed");
    expect(item).toHaveTextContent("What was done: Refunded the second annual fee.");
    expect(item).toHaveTextContent("Satisfaction 4 / 5 (Satisfied)");
    expect(item).not.toHaveTextContent("Overdue");
    expect(within(item).queryByRole("button", { name: "Close case…" })).toBeNull();
    expect(within(item).getByText("New")).toBeInTheDocument();
    // Replaced, not listed twice; closed ones after the open ones.
    expect(shownCases()).toEqual([NEW_CASE.id, read.id]);
    // The complaint to acknowledge is worded as closed now.
    expect(document.getElementById("caller-nba")).toHaveTextContent(
      "complaint of 11/19/2026 (Charged twice for annual card fee) is closed",
    );
  });

  it("announces a case that arrives in Chinese", async () => {
    const { streams } = await openLive("zh-CN");
    const [read] = callerContextFixture().open_cases;
    streams.opened[0].send("case", openedComplaint());
    await within(screen.getByTestId("caller-cases")).findByText("Charged twice for one transfer");
    expect(screen.getByTestId("arrivals")).toHaveTextContent("新工单：投诉 · Charged twice for one transfer");
    streams.opened[0].send("case", closedComplaint(read));
    await waitFor(() =>
      expect(screen.getByTestId("arrivals")).toHaveTextContent(
        "工单已办结：投诉 · Charged twice for annual card fee · 处理结果：Refunded the second annual fee.",
      ),
    );
    const item = screen.getByText("Charged twice for annual card fee").closest("li")!;
    expect(within(item).getByText("已办结")).toHaveAttribute("data-status", "closed");
    expect(within(item).getByText("新")).toBeInTheDocument();
  });

  it("does not mark as new the close of a case the agent closed right here", async () => {
    signedIn("agent.chen");
    const streams = eventStreams();
    const [read] = callerContextFixture().open_cases;
    const closed = { ...closedComplaint(read), resolution: "Refunded while on the call." };
    mockApi({
      "GET /api/v1/auth/me": () => json(agent),
      "GET /api/v1/contact-center/context": () => json(callerContextFixture()),
      "GET /api/v1/contact-center/stream": (c) => streams.open(c),
      "POST /api/v1/cases/:id/close": () =>
        json(caseFixture({ ...closed, closed_by: agent.id, closed_by_username: "agent.chen" })),
    });
    renderCaller(`/call?phone=${encodeURIComponent(PHONE)}`);
    await screen.findByText("Live");
    const user = userEvent.setup();
    const item = within(screen.getByTestId("caller-cases"))
      .getByText("Charged twice for annual card fee")
      .closest("li")!;
    await user.click(within(item).getByRole("button", { name: "Close case…" }));
    await user.type(within(item).getByLabelText("Resolution"), "Refunded while on the call.");
    await user.click(within(item).getByRole("button", { name: "Close case" }));
    expect(await within(item).findByText("Case closed.")).toBeInTheDocument();

    // The stream tells of the same close (the server's event for it): already on the screen.
    streams.opened[0].send("case", closed);
    streams.opened[0].send("interaction", interactionFixture(100, { summary: "Second arrival" }));
    await screen.findByText("Second arrival");
    expect(item).toHaveTextContent("Closed by agent.chen");
    expect(within(item).queryByText("New")).toBeNull();
    expect(screen.getByTestId("arrivals")).not.toHaveTextContent("Case closed");
  });

  it("after a drop, shows the cases as the caller read again says, not as heard before the drop", async () => {
    const { streams, reads } = await openLive();
    const [read] = callerContextFixture().open_cases;
    // A service request heard of open; it is closed while the stream is down (a closed case is not replayed, and
    // the caller's context lists only open ones and complaints).
    const request = openedComplaint({ kind: "service_request", subject: "Replacement debit card" });
    streams.opened[0].send("case", request);
    await within(screen.getByTestId("caller-cases")).findByText("Replacement debit card");
    streams.opened[0].write("retry: 30\n\n");
    streams.opened[0].end();
    await waitFor(() => expect(streams.opened).toHaveLength(2));
    // The replay: the open cases (the one read), and what is open now.
    streams.opened[1].send("case", read);
    await waitFor(() => expect(reads()).toBe(2));
    await waitFor(() => expect(screen.queryByText("Replacement debit card")).toBeNull());
    expect(shownCases()).toEqual([read.id]);
    expect(within(screen.getByTestId("caller-cases")).queryByText("New")).toBeNull();
  });

  it("shows a dropped stream, reconnects after the server's retry time and reads the caller again", async () => {
    const { streams, reads } = await openLive();
    expect(reads()).toBe(1);
    streams.opened[0].write("retry: 30\n\n");
    streams.opened[0].end();
    expect(await screen.findByText("Connection lost: reconnecting…")).toBeInTheDocument();
    await waitFor(() => expect(streams.opened).toHaveLength(2));
    expect(await screen.findByText("Live")).toBeInTheDocument();
    // The replay brings interactions, alerts and balances back; the context is read again for the rest
    // (value, cases, next best actions).
    await waitFor(() => expect(reads()).toBe(2));
  });

  it("stops reading a caller's stream when another caller is opened", async () => {
    const { streams, calls } = await openLive();
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText("Identify by"), "customer_number");
    await user.type(screen.getByLabelText("Customer number"), "C0000099999{Enter}");
    await waitFor(() => expect(streams.opened[0].cancelled).toBe(true));
    expect(contextCalls(calls).at(-1)!.search.get("customer_number")).toBe("C0000099999");
  });
});

describe("a campaign's offer on the call", () => {
  const OFFER = campaignOfferActionFixture();
  const CAMPAIGN_ID = OFFER.refs.campaign_id;
  const CUSTOMER_ID = callerContextFixture().customer.id;
  const withOffer = (refs: Record<string, string> = {}) =>
    callerContextFixture({
      next_best_actions: [...callerContextFixture().next_best_actions, campaignOfferActionFixture(refs)],
    });
  const offerItem = () => document.querySelector<HTMLElement>(`#caller-nba li[data-campaign-id="${CAMPAIGN_ID}"]`);
  const recorded = (response: string) =>
    memberFixture(1, {
      customer: { id: CUSTOMER_ID, customer_number: "C0000012345", display_name: "王芳 (Wang Fang)" },
      response: response as "interested",
      responded_at: "2026-12-03T09:00:00+00:00",
      responded_by_username: "agent.chen",
    });

  it("words the offer after the service actions, before the look-alike offer, in English and Chinese", async () => {
    signedIn("agent.chen");
    mockApi({
      "GET /api/v1/auth/me": () => json(agent),
      "GET /api/v1/contact-center/context": () => json(withOffer({ response: "contacted" })),
      "GET /api/v1/contact-center/stream": () => new Response(null, { status: 503 }),
    });
    renderCaller(`/call?phone=${encodeURIComponent(PHONE)}`, "zh-CN");
    await screen.findByRole("heading", { name: "王芳 (Wang Fang)" });
    const titles = within(document.getElementById("caller-nba")!)
      .getAllByRole("listitem")
      .map((a) => a.querySelector(".nba-title")!.textContent);
    expect(titles.slice(-2)).toEqual([
      "推荐产品：一年期定期存款（Year-end time deposit drive）",
      "推荐产品：稳健收益基金",
    ]);
    expect(offerItem()).toHaveTextContent("营销活动");
    expect(offerItem()).toHaveTextContent("活动持续至 2026/12/31，客户已获告知，尚未答复");
    // The answer so far is where the form starts.
    expect(within(offerItem()!).getByLabelText("反馈")).toHaveValue("contacted");
  });

  it("records the customer's answer, shows it at once and reads the caller again", async () => {
    signedIn("agent.chen");
    let answered = "";
    const calls = mockApi({
      "GET /api/v1/auth/me": () => json(agent),
      "GET /api/v1/contact-center/context": () => json(withOffer({ response: answered })),
      "GET /api/v1/contact-center/stream": () => new Response(null, { status: 503 }),
      "PUT /api/v1/campaigns/:id/members/:customer/response": (c) => {
        answered = (c.body as { response: string }).response;
        return json(recorded(answered));
      },
    });
    renderCaller(`/call?phone=${encodeURIComponent(PHONE)}`);
    await screen.findByRole("heading", { name: "王芳 (Wang Fang)" });
    expect(offerItem()).toHaveTextContent("Offer Time Deposit 12 Months — Year-end time deposit drive");
    expect(offerItem()).toHaveTextContent("and has not been contacted yet;");
    const form = within(offerItem()!).getByRole("form", {
      name: "Record the customer's response to Year-end time deposit drive",
    });
    const user = userEvent.setup();
    await user.selectOptions(within(form).getByLabelText("Response"), "interested");
    await user.type(within(form).getByLabelText("Note"), "  Call back after payday ");
    await user.click(within(form).getByRole("button", { name: "Save" }));

    expect(await within(offerItem()!).findByText("Response saved.")).toBeInTheDocument();
    const put = calls.find((c) => c.method === "PUT")!;
    expect(put.path).toBe(`/api/v1/campaigns/${CAMPAIGN_ID}/members/${CUSTOMER_ID}/response`);
    expect(put.body).toEqual({ response: "interested", note: "Call back after payday" });
    expect(offerItem()).toHaveTextContent("and said they were interested;");
    await waitFor(() => expect(contextCalls(calls)).toHaveLength(2));
    expect(offerItem()).toHaveTextContent("and said they were interested;");
  });

  it("takes a declined offer away and says so", async () => {
    signedIn("agent.chen");
    let declined = false;
    const calls = mockApi({
      "GET /api/v1/auth/me": () => json(agent),
      "GET /api/v1/contact-center/context": () => json(declined ? callerContextFixture() : withOffer()),
      "GET /api/v1/contact-center/stream": () => new Response(null, { status: 503 }),
      "PUT /api/v1/campaigns/:id/members/:customer/response": () => {
        declined = true;
        return json(recorded("declined"));
      },
    });
    renderCaller(`/call?phone=${encodeURIComponent(PHONE)}`);
    await screen.findByRole("heading", { name: "王芳 (Wang Fang)" });
    const user = userEvent.setup();
    await user.selectOptions(within(offerItem()!).getByLabelText("Response"), "declined");
    await user.click(within(offerItem()!).getByRole("button", { name: "Save" }));

    const said = await screen.findByTestId("nba-offer-result");
    expect(said).toHaveTextContent(
      "Declined recorded for Year-end time deposit drive: the offer is no longer proposed.",
    );
    expect(said).toHaveFocus();
    expect(offerItem()).toBeNull();
    await waitFor(() => expect(contextCalls(calls)).toHaveLength(2));
    expect(offerItem()).toBeNull();
    expect(within(document.getElementById("caller-nba")!).getAllByRole("listitem")).toHaveLength(4);
  });

  it("says in words that the campaign closed meanwhile (409), and reads the caller again", async () => {
    signedIn("agent.chen");
    let closed = false;
    const calls = mockApi({
      "GET /api/v1/auth/me": () => json(agent),
      "GET /api/v1/contact-center/context": () => json(closed ? callerContextFixture() : withOffer()),
      "GET /api/v1/contact-center/stream": () => new Response(null, { status: 503 }),
      "PUT /api/v1/campaigns/:id/members/:customer/response": () => {
        closed = true;
        return problem(
          409,
          "campaign-not-active",
          "campaign is closed: responses are recorded only while it is active",
        );
      },
    });
    renderCaller(`/call?phone=${encodeURIComponent(PHONE)}`);
    await screen.findByRole("heading", { name: "王芳 (Wang Fang)" });
    const user = userEvent.setup();
    await user.selectOptions(within(offerItem()!).getByLabelText("Response"), "contacted");
    await user.click(within(offerItem()!).getByRole("button", { name: "Save" }));
    const said = await screen.findByTestId("nba-offer-result");
    expect(said).toHaveTextContent(
      "The answer could not be recorded for Year-end time deposit drive: the campaign has closed meanwhile. The " +
        "actions are read again.",
    );
    expect(said).not.toHaveTextContent("held out");
    await waitFor(() => expect(contextCalls(calls)).toHaveLength(2));
    await waitFor(() => expect(offerItem()).toBeNull());
  });

  it("says in words that the customer is held out in the campaign's control group (409 of its own type), in Chinese too", async () => {
    signedIn("agent.chen");
    let heldOut = false;
    const calls = mockApi({
      "GET /api/v1/auth/me": () => json(agent),
      "GET /api/v1/contact-center/context": () => json(heldOut ? callerContextFixture() : withOffer()),
      "GET /api/v1/contact-center/stream": () => new Response(null, { status: 503 }),
      "PUT /api/v1/campaigns/:id/members/:customer/response": () => {
        heldOut = true;
        return problem(409, "customer-held-out", "the customer is in the control group of the campaign");
      },
    });
    renderCaller(`/call?phone=${encodeURIComponent(PHONE)}`, "zh-CN");
    await screen.findByRole("heading", { name: "王芳 (Wang Fang)" });
    const user = userEvent.setup();
    await user.selectOptions(within(offerItem()!).getByLabelText("反馈"), "contacted");
    await user.click(within(offerItem()!).getByRole("button", { name: "保存" }));
    const said = await screen.findByTestId("nba-offer-result");
    expect(said).toHaveTextContent(
      "未能记录客户对“Year-end time deposit drive”的答复：客户属于该活动的对照组，不向其推荐。正在重新读取建议。",
    );
    await waitFor(() => expect(said).toHaveFocus());
    await waitFor(() => expect(contextCalls(calls)).toHaveLength(2));
    await waitFor(() => expect(offerItem()).toBeNull());
  });

  it("lets an admin record the answer too", async () => {
    signedIn("agent.chen");
    mockApi({
      "GET /api/v1/auth/me": () => json({ ...agent, role: "admin" }),
      "GET /api/v1/contact-center/context": () => json(withOffer()),
      "GET /api/v1/contact-center/stream": () => new Response(null, { status: 503 }),
    });
    renderCaller(`/call?phone=${encodeURIComponent(PHONE)}`);
    await screen.findByRole("heading", { name: "王芳 (Wang Fang)" });
    expect(within(offerItem()!).getByRole("form")).toBeInTheDocument();
  });
});
