import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { Route, Routes } from "react-router";
import { renderApp, Who } from "../test/render";
import { caseFixture, customerCampaignFixture, customerFixture, memberFixture } from "../test/fixtures";
import { formatDate, formatDateTime } from "../format";
import { json, me, mockApi, problem, signedIn, type Call } from "../test/server";
import { Customer360Page } from "./Customer360";

const SPOUSE = "22222222-2222-4222-8222-222222222222";
const CHILD = "33333333-3333-4333-8333-333333333333";

function page(locale: "en" | "zh-CN" = "en") {
  signedIn();
  const customer = customerFixture({
    relations: [
      { related_customer_id: SPOUSE, type: "spouse", since: null },
      { related_customer_id: CHILD, type: "child", since: null },
    ],
  });
  mockApi({
    "GET /api/v1/auth/me": () => json(me),
    "GET /api/v1/customers/:id": (call) => {
      if (call.path.endsWith(customer.id)) return json(customer, 200, { ETag: '"v3"' });
      // The child is in the reader's portfolio; the spouse is another RM's customer: 404, as the API scopes it.
      if (call.path.endsWith(CHILD))
        return json(customerFixture({ id: CHILD, display_name: "王小明 (Wang Xiaoming)" }), 200, { ETag: '"v1"' });
      return problem(404, "not-found", `customer ${SPOUSE} not found`);
    },
    "GET /api/v1/customers/:id/holdings": () => json({ items: [] }),
    "GET /api/v1/customers/:id/timeline": () => json({ items: [], next_cursor: null }),
    "GET /api/v1/cases": () => json({ items: [], next_cursor: null }),
    "GET /api/v1/tasks": () => json({ items: [], next_cursor: null }),
    "GET /api/v1/customers/:id/campaigns": () => json([]),
  });
  renderApp(
    <Routes>
      <Route path="/customers/:customerId" element={<Customer360Page />} />
    </Routes>,
    { url: `/customers/${customer.id}`, locale },
  );
}

describe("related customers on the 360 view", () => {
  it("names the relation and links a relative in the portfolio, and says when one is outside it", async () => {
    page();
    const panel = await screen.findByRole("region", { name: "Relations" });
    expect(await within(panel).findByRole("link", { name: "王小明 (Wang Xiaoming)" })).toHaveAttribute(
      "href",
      `/customers/${CHILD}`,
    );
    expect(await within(panel).findByText("a customer outside your portfolio")).toBeInTheDocument();
    expect(within(panel).getByText("spouse")).toBeInTheDocument();
    expect(within(panel).getByText("child")).toBeInTheDocument();
    expect(within(panel).queryByText(/^22222222/)).not.toBeInTheDocument();
  });

  it("in Chinese", async () => {
    page("zh-CN");
    expect(await screen.findByText("不在您名下的客户")).toBeInTheDocument();
    expect(screen.getByText("配偶")).toBeInTheDocument();
    expect(screen.getByText("子女")).toBeInTheDocument();
  });
});

describe("the cases panel on the 360 view", () => {
  const customer = customerFixture();
  const casesCalls = (calls: Call[]) => calls.filter((c) => c.path === "/api/v1/cases");

  function open(role: string, whoAmI: () => Response | Promise<Response> = () => json({ ...me, role })) {
    signedIn();
    const calls = mockApi({
      "GET /api/v1/auth/me": whoAmI,
      "GET /api/v1/customers/:id": () => json(customer, 200, { ETag: '"v3"' }),
      "GET /api/v1/customers/:id/holdings": () => json({ items: [] }),
      "GET /api/v1/customers/:id/timeline": () => json({ items: [], next_cursor: null }),
      "GET /api/v1/alerts": () => json({ items: [], next_cursor: null }),
      "GET /api/v1/cases": () => json({ items: [caseFixture()], next_cursor: null }),
      "GET /api/v1/tasks": () => json({ items: [], next_cursor: null }),
      "GET /api/v1/customers/:id/campaigns": () => json([]),
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

  it("lists the customer's cases for an RM, with the Close button", async () => {
    const calls = open("rm");
    const panel = await screen.findByRole("region", { name: "Complaints and service requests" });
    expect(await within(panel).findByText("Charged twice for annual card fee")).toBeInTheDocument();
    expect(within(panel).getByText("Overdue")).toBeInTheDocument();
    expect(within(panel).getByRole("button", { name: "Close case…" })).toBeInTheDocument();
    expect(casesCalls(calls)[0].search.get("customer_id")).toBe(customer.id);
    expect(casesCalls(calls)[0].search.get("limit")).toBe("50");
  });

  it("shows an auditor the cases without the Close button", async () => {
    open("auditor");
    const panel = await screen.findByRole("region", { name: "Complaints and service requests" });
    expect(await within(panel).findByText("Charged twice for annual card fee")).toBeInTheDocument();
    expect(within(panel).queryByRole("button", { name: /Close case/ })).toBeNull();
  });

  it("asks nothing for marketing, who may not read cases", async () => {
    const calls = open("marketing");
    await screen.findByRole("heading", { name: customer.display_name });
    await waitFor(() => expect(screen.getByTestId("who")).toHaveTextContent("marketing"));
    await waitFor(() => expect(calls.some((c) => c.path.endsWith("/timeline"))).toBe(true));
    expect(screen.queryByRole("region", { name: "Complaints and service requests" })).toBeNull();
    expect(casesCalls(calls)).toHaveLength(0);
  });

  it("asks nothing before the role is known, and then asks", async () => {
    let answer!: (r: Response) => void;
    const calls = open("rm", () => new Promise<Response>((resolve) => (answer = resolve)));
    await screen.findByRole("heading", { name: customer.display_name });
    await waitFor(() => expect(calls.some((c) => c.path.endsWith("/timeline"))).toBe(true));
    expect(screen.getByTestId("who")).toBeEmptyDOMElement();
    expect(casesCalls(calls)).toHaveLength(0);
    answer(json({ ...me, role: "rm" }));
    expect(await screen.findByText("Charged twice for annual card fee")).toBeInTheDocument();
    expect(casesCalls(calls)).toHaveLength(1);
  });
});

describe("segments on the 360 view", () => {
  function openWith(customer: ReturnType<typeof customerFixture>, locale: "en" | "zh-CN" = "en") {
    signedIn();
    mockApi({
      "GET /api/v1/auth/me": () => json(me),
      "GET /api/v1/customers/:id": () => json(customer, 200, { ETag: '"v3"' }),
      "GET /api/v1/customers/:id/holdings": () => json({ items: [] }),
      "GET /api/v1/customers/:id/timeline": () => json({ items: [], next_cursor: null }),
      "GET /api/v1/alerts": () => json({ items: [], next_cursor: null }),
      "GET /api/v1/cases": () => json({ items: [], next_cursor: null }),
      "GET /api/v1/tasks": () => json({ items: [], next_cursor: null }),
      "GET /api/v1/customers/:id/campaigns": () => json([]),
    });
    renderApp(
      <Routes>
        <Route path="/customers/:customerId" element={<Customer360Page />} />
      </Routes>,
      { url: `/customers/${customer.id}`, locale },
    );
  }

  it("shows each segment by the name marketing gave it, and by its code when the server sent no name", async () => {
    openWith(
      customerFixture({
        segments: ["young_professionals", "hk_movers", "legacy_q3"],
        segment_names: { young_professionals: "Young professionals", hk_movers: "大湾区往来客户" },
      }),
    );
    await screen.findByRole("heading", { name: "王芳 (Wang Fang)" });
    const segments = screen.getByTestId("c360-segments");
    expect(segments).toHaveTextContent(/^Young professionals, 大湾区往来客户, legacy_q3$/);
    expect(screen.queryByText(/young_professionals|hk_movers/)).toBeNull();
    // The code stays at hand, as the title.
    expect(within(segments).getByText("Young professionals")).toHaveAttribute("title", "young_professionals");
  });

  it("shows no segments part when the customer is in none", async () => {
    openWith(customerFixture({ segments: [], segment_names: {} }));
    await screen.findByRole("heading", { name: "王芳 (Wang Fang)" });
    expect(screen.queryByTestId("c360-segments")).toBeNull();
  });
});

describe("the campaigns panel on the 360 view", () => {
  const customer = customerFixture();
  const CLOSED = "ca000000-0000-4000-8000-000000000002";
  const SPRING = "ca000000-0000-4000-8000-000000000003";
  // The server's order, the newest first: the running drive (a target not contacted yet), a spring card campaign
  // that holds the customer out, and last autumn's, closed, where the customer said yes and converted.
  const running = customerCampaignFixture();
  const heldOut = customerCampaignFixture(
    { group: "control" },
    {
      id: SPRING,
      name: "Card upgrade",
      product: { code: "CARD-PLAT", name: "Platinum Card", name_zh: "白金信用卡", category: "credit_card" },
      channel: "sms",
      starts_on: "2026-11-01",
      ends_on: "2026-12-20",
    },
  );
  const autumn = customerCampaignFixture(
    {
      response: "interested",
      responded_at: "2026-10-08T06:30:00+00:00",
      responded_by_username: "rm.wang",
      note: "Wants the rate sheet first",
      converted_on: "2026-10-15",
    },
    {
      id: CLOSED,
      name: "Autumn wealth drive",
      status: "closed",
      product: { code: "FUND-BAL", name: "Steady Income Fund", name_zh: "稳健收益基金", category: "fund" },
      starts_on: "2026-09-01",
      ends_on: "2026-10-31",
    },
  );
  const campaignCalls = (calls: Call[]) => calls.filter((c) => c.path === `/api/v1/customers/${customer.id}/campaigns`);
  const entry = (name: string) => screen.getByRole("listitem", { name: new RegExp(`^${name}`) });

  function open(
    role: string,
    routes: Record<string, (call: Call) => Response | Promise<Response>> = {},
    locale: "en" | "zh-CN" = "en",
  ) {
    signedIn();
    const calls = mockApi({
      "GET /api/v1/auth/me": () => json({ ...me, role }),
      "GET /api/v1/customers/:id": () => json(customer, 200, { ETag: '"v3"' }),
      "GET /api/v1/customers/:id/holdings": () => json({ items: [] }),
      "GET /api/v1/customers/:id/timeline": () => json({ items: [], next_cursor: null }),
      "GET /api/v1/alerts": () => json({ items: [], next_cursor: null }),
      "GET /api/v1/cases": () => json({ items: [], next_cursor: null }),
      "GET /api/v1/tasks": () => json({ items: [], next_cursor: null }),
      "GET /api/v1/customers/:id/campaigns": () => json([running, heldOut, autumn]),
      ...routes,
    });
    renderApp(
      <>
        <Who />
        <Routes>
          <Route path="/customers/:customerId" element={<Customer360Page />} />
        </Routes>
      </>,
      { url: `/customers/${customer.id}`, locale },
    );
    return calls;
  }

  it("lists the customer's campaigns as the server orders them: what, when, the group, the response and conversion", async () => {
    const calls = open("auditor");
    const panel = await screen.findByRole("region", { name: "Campaigns" });
    const list = await within(panel).findByTestId("customer-campaigns");
    const names = within(list)
      .getAllByRole("heading", { level: 3 })
      .map((h) => within(h).getByRole("link").textContent);
    expect(names).toEqual(["Year-end time deposit drive", "Card upgrade", "Autumn wealth drive"]);
    expect(within(panel).getByRole("link", { name: "Autumn wealth drive" })).toHaveAttribute(
      "href",
      `/campaigns/${CLOSED}`,
    );
    expect(campaignCalls(calls)).toHaveLength(1);

    const first = entry("Year-end time deposit drive");
    expect(first).toHaveTextContent("Active");
    expect(first).toHaveTextContent(
      `Time Deposit 12 Months TD-12M · Phone · ${formatDate("2026-11-20", "en")} – ${formatDate("2026-12-31", "en")}`,
    );
    expect(within(first).getByTestId("campaign-group")).toHaveTextContent("Target To be offered the product.");
    expect(within(first).getByTestId("campaign-response")).toHaveTextContent(/^Not contacted yet$/);
    expect(within(first).queryByTestId("campaign-converted")).toBeNull();

    // Held out: said in words, with no response to show.
    const held = entry("Card upgrade");
    expect(within(held).getByTestId("campaign-group")).toHaveTextContent(
      "Held out In the control group: not to be contacted about this campaign, so that its effect can be measured.",
    );
    expect(within(held).queryByTestId("campaign-response")).toBeNull();

    const closed = entry("Autumn wealth drive");
    expect(closed).toHaveTextContent("Closed");
    const response = within(closed).getByTestId("campaign-response");
    expect(response).toHaveTextContent("Interested");
    expect(response).toHaveTextContent(`rm.wang, ${formatDateTime("2026-10-08T06:30:00+00:00", "en")}`);
    expect(response).toHaveTextContent("Wants the rate sheet first");
    expect(within(closed).getByTestId("campaign-converted")).toHaveTextContent(
      `Converted on ${formatDate("2026-10-15", "en")}`,
    );
    // An auditor records nothing.
    expect(within(panel).queryByRole("form")).toBeNull();
  });

  it("lets an RM record a target's response on an active campaign in place; none on a closed one or a held-out customer", async () => {
    const calls = open("rm", {
      "PUT /api/v1/campaigns/:id/members/:cid/response": (call) =>
        json(
          memberFixture(1, {
            customer: {
              id: customer.id,
              customer_number: customer.customer_number,
              display_name: customer.display_name,
            },
            response: (call.body as { response: "interested" }).response,
            note: (call.body as { note?: string }).note ?? null,
            responded_at: "2026-12-03T10:15:00+00:00",
            responded_by_username: "rm.li",
          }),
        ),
      "GET /api/v1/campaigns": () => json({ items: [], next_cursor: null }),
      "GET /api/v1/campaigns/:id": () => problem(404, "not-found", "not asked in this test"),
    });
    const user = userEvent.setup();
    await screen.findByTestId("customer-campaigns");
    expect(within(entry("Card upgrade")).queryByRole("form")).toBeNull();
    expect(within(entry("Autumn wealth drive")).queryByRole("form")).toBeNull();
    const first = entry("Year-end time deposit drive");
    const form = within(first).getByRole("form", {
      name: "Record the customer's response to Year-end time deposit drive",
    });
    expect(within(form).getByRole("button", { name: "Save" })).toBeDisabled();
    await user.selectOptions(within(form).getByLabelText("Response"), "Declined");
    await user.type(within(form).getByLabelText("Note"), "Keeps savings at another bank");
    await user.click(within(form).getByRole("button", { name: "Save" }));

    expect(await within(first).findByText("Response saved.")).toBeInTheDocument();
    const put = calls.find((c) => c.method === "PUT")!;
    expect(put.path).toBe(`/api/v1/campaigns/${running.campaign.id}/members/${customer.id}/response`);
    expect(put.body).toEqual({ response: "declined", note: "Keeps savings at another bank" });
    // Shown in place, by whom and when; the list is not read again.
    const response = within(first).getByTestId("campaign-response");
    await waitFor(() => expect(response).toHaveTextContent("Declined"));
    expect(response).toHaveTextContent(`rm.li, ${formatDateTime("2026-12-03T10:15:00+00:00", "en")}`);
    expect(response).toHaveTextContent("Keeps savings at another bank");
    expect(campaignCalls(calls)).toHaveLength(1);
  });

  it("says when the campaign closed meanwhile, and offers no more recording", async () => {
    let closed = false;
    const calls = open("agent", {
      "GET /api/v1/customers/:id/campaigns": () =>
        json([closed ? { ...running, campaign: { ...running.campaign, status: "closed" } } : running]),
      "PUT /api/v1/campaigns/:id/members/:cid/response": () => (
        (closed = true),
        problem(409, "campaign-not-active", "campaign is closed: responses are recorded only while it is active")
      ),
      "GET /api/v1/campaigns/:id": () => problem(404, "not-found", "not asked in this test"),
    });
    const user = userEvent.setup();
    await screen.findByTestId("customer-campaigns");
    const first = entry("Year-end time deposit drive");
    await user.selectOptions(within(first).getByLabelText("Response"), "Unreachable");
    await user.click(within(first).getByRole("button", { name: "Save" }));
    const notice = await within(first).findByTestId("campaign-refused");
    expect(notice).toHaveTextContent("The campaign is no longer active: responses cannot be recorded.");
    await waitFor(() => expect(notice).toHaveFocus());
    await waitFor(() => expect(campaignCalls(calls)).toHaveLength(2));
    await waitFor(() => expect(within(entry("Year-end time deposit drive")).queryByRole("form")).toBeNull());
    expect(entry("Year-end time deposit drive")).toHaveTextContent("Closed");
    // Closed, never contacted: no "yet".
    expect(within(entry("Year-end time deposit drive")).getByTestId("campaign-response")).toHaveTextContent(
      /^Not contacted$/,
    );
  });

  it("says quietly when the customer is in no campaign, in Chinese too", async () => {
    open("rm", { "GET /api/v1/customers/:id/campaigns": () => json([]) }, "zh-CN");
    const panel = await screen.findByRole("region", { name: "营销活动" });
    expect(await within(panel).findByText("未参加任何营销活动。")).toBeInTheDocument();
    expect(within(panel).queryByRole("list")).toBeNull();
  });

  it("says a held-out customer is not to be contacted in Chinese", async () => {
    open("rm", { "GET /api/v1/customers/:id/campaigns": () => json([heldOut]) }, "zh-CN");
    const list = await screen.findByTestId("customer-campaigns");
    expect(within(list).getByTestId("campaign-group")).toHaveTextContent(
      "不联系 对照组：此活动中不要联系该客户，以便衡量活动效果。",
    );
    expect(within(list).queryByRole("form")).toBeNull();
  });

  it("asks nothing before the role is known", async () => {
    let answer!: (r: Response) => void;
    const calls = open("rm", { "GET /api/v1/auth/me": () => new Promise<Response>((resolve) => (answer = resolve)) });
    await screen.findByRole("heading", { name: customer.display_name });
    await waitFor(() => expect(calls.some((c) => c.path.endsWith("/timeline"))).toBe(true));
    expect(campaignCalls(calls)).toHaveLength(0);
    expect(screen.queryByRole("region", { name: "Campaigns" })).toBeNull();
    answer(json({ ...me, role: "rm" }));
    await screen.findByTestId("customer-campaigns");
    expect(campaignCalls(calls)).toHaveLength(1);
  });
});
