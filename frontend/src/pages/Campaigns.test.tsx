import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { Route, Routes, useLocation } from "react-router";
import { renderApp } from "../test/render";
import { campaignDetailFixture, campaignFixture } from "../test/fixtures";
import { json, me, mockApi, problem, signedIn, type Call } from "../test/server";
import { Layout } from "../components/Layout";
import { CampaignsPage } from "./Campaigns";
import { NewCampaignPage } from "./NewCampaign";
import { bankDate, setBankZone } from "../bankDay";

// The signed-in user's /auth/me names the bank's zone: the days the tests expect are days in it.
setBankZone(me.bank_timezone);

const marketing = { ...me, username: "mkt.zhao", display_name: "Zhao Min", role: "marketing", branch: null };

const yearEnd = campaignFixture();
const autumn = campaignFixture({
  id: "ca000000-0000-4000-8000-000000000002",
  name: "Autumn wealth drive",
  status: "closed",
  product: { code: "WM-90", name: "Steady Wealth 90 Days", name_zh: "稳盈90天理财", category: "wealth_product" },
  channel: "sms",
  starts_on: "2026-09-01",
  ends_on: "2026-10-31",
  closed_at: "2026-11-01T08:00:00+00:00",
  targets: 410,
  controls: 45,
  responded: 388,
  to_contact: 0,
});
const spring = campaignFixture({
  id: "ca000000-0000-4000-8000-000000000003",
  name: "Spring card push",
  status: "draft",
  launched_at: null,
  excluded: null,
  targets: 0,
  controls: 0,
  responded: 0,
  to_contact: 0,
});

function Where() {
  const location = useLocation();
  return <p data-testid="where">{location.pathname + location.search}</p>;
}

function renderPages(url: string, locale: "en" | "zh-CN" = "en") {
  return renderApp(
    <Routes>
      <Route element={<Layout />}>
        <Route path="/campaigns" element={<CampaignsPage />} />
        <Route path="/campaigns/new" element={<NewCampaignPage />} />
        <Route path="/campaigns/:campaignId" element={<h1>Campaign page</h1>} />
      </Route>
      <Route path="*" element={null} />
    </Routes>,
    { url, locale },
  );
}

function renderWithWhere(url: string) {
  return renderApp(
    <>
      <Routes>
        <Route element={<Layout />}>
          <Route path="/campaigns" element={<CampaignsPage />} />
          <Route path="/campaigns/new" element={<NewCampaignPage />} />
          <Route path="/campaigns/:campaignId" element={<h1>Campaign page</h1>} />
        </Route>
      </Routes>
      <Where />
    </>,
    { url },
  );
}

const listCalls = (calls: Call[]) => calls.filter((c) => c.method === "GET" && c.path === "/api/v1/campaigns");
const lastAsked = (calls: Call[]) => Object.fromEntries(listCalls(calls).at(-1)!.search.entries());
const names = () =>
  within(screen.getByTestId("campaigns"))
    .getAllByRole("rowheader")
    .map((th) => th.textContent);

function answer(call: Call) {
  const status = call.search.get("status");
  return json({ items: [spring, yearEnd, autumn].filter((c) => !status || c.status === status), next_cursor: null });
}

describe("the Campaigns list", () => {
  it("lists every campaign with what it offers, to whom, when, and its counts; the caller's contacts link to them", async () => {
    signedIn();
    const calls = mockApi({ "GET /api/v1/auth/me": () => json(me), "GET /api/v1/campaigns": answer });
    renderPages("/campaigns");
    expect(await screen.findByRole("heading", { name: "Campaigns" })).toBeInTheDocument();
    await screen.findByTestId("campaigns");
    expect(names()).toEqual(["Spring card push", "Year-end time deposit drive", "Autumn wealth drive"]);
    expect(lastAsked(calls)).toEqual({ limit: "25" });

    const row = screen.getByRole("rowheader", { name: "Year-end time deposit drive" }).closest("tr")!;
    const cells = within(row)
      .getAllByRole("cell")
      .map((td) => td.textContent);
    expect(cells).toEqual([
      "Time Deposit 12 Months TD-12M",
      "Wealth prospects",
      "Phone",
      "11/20/2026 – 12/31/2026",
      "Active",
      "180",
      "20",
      "64",
      "9",
    ]);
    expect(within(row).getByRole("link", { name: "Year-end time deposit drive" })).toHaveAttribute(
      "href",
      `/campaigns/${yearEnd.id}`,
    );
    expect(within(row).getByRole("link", { name: "Year-end time deposit drive: 9 to contact" })).toHaveAttribute(
      "href",
      `/campaigns/${yearEnd.id}?group=target&response=none`,
    );
    // Nothing to contact on a closed campaign: a number, not a link.
    const closed = screen.getByRole("rowheader", { name: "Autumn wealth drive" }).closest("tr")!;
    expect(within(closed).getAllByRole("link")).toHaveLength(1);
    expect(closed).toHaveTextContent("Closed");
    // An RM does not prepare campaigns; the nav names the page for every role.
    expect(screen.queryByRole("link", { name: "New campaign" })).toBeNull();
    expect(
      within(screen.getByRole("navigation", { name: "Main" })).getByRole("link", { name: "Campaigns" }),
    ).toHaveAttribute("href", "/campaigns");
  });

  it("keeps the status filter in the URL, asks the server for it, and reads it back on a reload", async () => {
    signedIn();
    const calls = mockApi({ "GET /api/v1/auth/me": () => json(me), "GET /api/v1/campaigns": answer });
    const { unmount } = renderWithWhere("/campaigns");
    const user = userEvent.setup();
    await screen.findByTestId("campaigns");
    await user.selectOptions(screen.getByLabelText("Status"), "Active");
    await waitFor(() => expect(lastAsked(calls)).toEqual({ status: "active", limit: "25" }));
    expect(screen.getByTestId("where")).toHaveTextContent(/^\/campaigns\?status=active$/);
    await waitFor(() => expect(names()).toEqual(["Year-end time deposit drive"]));

    // Back to all, the default: the URL no longer says it (and the list read first is shown again).
    await user.selectOptions(screen.getByLabelText("Status"), "All");
    expect(screen.getByTestId("where")).toHaveTextContent(/^\/campaigns$/);
    await waitFor(() => expect(names()).toHaveLength(3));
    unmount();

    const again = mockApi({ "GET /api/v1/auth/me": () => json(me), "GET /api/v1/campaigns": answer });
    renderWithWhere("/campaigns?status=closed");
    await screen.findByTestId("campaigns");
    expect(listCalls(again)).toHaveLength(1);
    expect(lastAsked(again)).toEqual({ status: "closed", limit: "25" });
    expect(screen.getByLabelText("Status")).toHaveDisplayValue("Closed");
    expect(names()).toEqual(["Autumn wealth drive"]);
  });

  it("appends the next page with More, and says so when a filter matches nothing, in Chinese too", async () => {
    signedIn();
    const calls = mockApi({
      "GET /api/v1/auth/me": () => json(me),
      "GET /api/v1/campaigns": (call) =>
        call.search.get("status") === "draft"
          ? json({ items: [], next_cursor: null })
          : call.search.get("cursor") === "p2"
            ? json({ items: [autumn], next_cursor: null })
            : json({ items: [spring, yearEnd], next_cursor: "p2" }),
    });
    const { unmount } = renderPages("/campaigns");
    const user = userEvent.setup();
    await screen.findByTestId("campaigns");
    await user.click(screen.getByRole("button", { name: "More" }));
    await waitFor(() => expect(names()).toHaveLength(3));
    expect(lastAsked(calls)).toEqual({ limit: "25", cursor: "p2" });
    expect(screen.queryByRole("button", { name: "More" })).toBeNull();
    unmount();

    renderPages("/campaigns?status=draft", "zh-CN");
    expect(await screen.findByText("没有符合条件的营销活动。")).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "营销活动" })).toBeInTheDocument();
  });

  it("offers marketing a New campaign button, and no column of contacts to make (marketing contacts nobody)", async () => {
    signedIn("mkt.zhao");
    mockApi({ "GET /api/v1/auth/me": () => json(marketing), "GET /api/v1/campaigns": answer });
    renderPages("/campaigns");
    expect(await screen.findByRole("link", { name: "New campaign" })).toHaveAttribute("href", "/campaigns/new");
    await screen.findByTestId("campaigns");
    expect(screen.getByRole("columnheader", { name: "Responded" })).toBeInTheDocument();
    expect(screen.queryByRole("columnheader", { name: "Yours to contact" })).toBeNull();
  });
});

const products = [
  {
    code: "TD-12M",
    name: "Time Deposit 12 Months",
    name_zh: "一年期定期存款",
    category: "time_deposit",
    currency: "CNY",
    rate: "0.0175",
    term_months: 12,
    minimum_amount: "50.00",
    risk_level: 1,
    active: true,
  },
  {
    code: "TD-OLD",
    name: "Retired Deposit",
    name_zh: null,
    category: "time_deposit",
    currency: "CNY",
    rate: null,
    term_months: 6,
    minimum_amount: null,
    risk_level: 1,
    active: false,
  },
];
const segments = [
  {
    id: "5e000000-0000-4000-8000-000000000001",
    code: "wealth-prospects",
    name: "Wealth prospects",
    kind: "rule",
    description: null,
    rule: null,
    rule_json: null,
    member_count: 120,
    created_at: "2026-11-01T08:00:00Z",
    updated_at: null,
    refreshed_at: null,
  },
];

describe("preparing a campaign", () => {
  function openForm(post: (call: Call) => Response) {
    signedIn("mkt.zhao");
    const calls = mockApi({
      "GET /api/v1/auth/me": () => json(marketing),
      "GET /api/v1/products": () => json({ items: products, next_cursor: null }),
      "GET /api/v1/segments": () => json({ items: segments, next_cursor: null }),
      "POST /api/v1/campaigns": post,
    });
    renderWithWhere("/campaigns/new");
    return calls;
  }

  async function fill(user: ReturnType<typeof userEvent.setup>) {
    const form = await screen.findByRole("form", { name: "Prepare a campaign" });
    // The form starts at the name.
    await waitFor(() => expect(within(form).getByLabelText("Name")).toHaveFocus());
    await user.type(within(form).getByLabelText("Name"), "Year-end time deposit drive");
    await user.selectOptions(within(form).getByLabelText("Product"), "Time Deposit 12 Months (TD-12M)");
    await user.selectOptions(within(form).getByLabelText("Segment"), "Wealth prospects");
    return form;
  }

  it("shows the server's objection beside the field it names; once fixed, the draft's page opens", async () => {
    let answerWith = problem(422, "validation-error", "no product on sale has code 'TD-12M'", [
      { field: "product_code", message: "no product on sale has code 'TD-12M'" },
    ]);
    const calls = openForm(() => answerWith);
    const user = userEvent.setup();
    const form = await fill(user);
    // Only the products on sale are offered.
    expect(
      within(within(form).getByLabelText("Product"))
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["Choose a product…", "Time Deposit 12 Months (TD-12M)"]);
    expect(within(form).getByLabelText("Channel")).toHaveDisplayValue("Phone");
    expect(within(form).getByLabelText("Control group (%)")).toHaveValue(10);
    await user.click(within(form).getByRole("button", { name: "Create draft" }));

    const product = within(form).getByLabelText("Product");
    await waitFor(() => expect(product).toHaveAttribute("aria-invalid", "true"));
    const said = within(product.closest(".field") as HTMLElement).getByRole("alert");
    expect(said).toHaveTextContent("Choose a product that is on sale.");
    expect(said).toHaveTextContent("no product on sale has code 'TD-12M'");
    expect(product).toHaveAttribute("aria-describedby", expect.stringContaining(said.id));
    expect(within(form).getByLabelText("Name")).toHaveAttribute("aria-invalid", "false");
    // Not said again beneath the form.
    expect(within(form).getAllByRole("alert")).toHaveLength(1);

    const posted = calls.find((c) => c.method === "POST")!;
    expect(posted.body).toEqual({
      name: "Year-end time deposit drive",
      product_code: "TD-12M",
      segment_id: segments[0].id,
      channel: "phone",
      control_pct: 10,
      starts_on: bankDate(),
      ends_on: bankDate(30),
    });
    expect(screen.getByTestId("where")).toHaveTextContent("/campaigns/new");

    // Fixed: the draft is made and its page opens.
    answerWith = json(campaignDetailFixture({ status: "draft", effect: null }), 201);
    await user.clear(within(form).getByLabelText("Control group (%)"));
    await user.type(within(form).getByLabelText("Control group (%)"), "20");
    // Another field changed: the objection to the product still stands.
    expect(product).toHaveAttribute("aria-invalid", "true");
    await user.type(within(form).getByLabelText("Description"), "  ");
    await user.click(within(form).getByRole("button", { name: "Create draft" }));
    await waitFor(() =>
      expect(screen.getByTestId("where")).toHaveTextContent(`/campaigns/${campaignDetailFixture().id}`),
    );
    expect(await screen.findByRole("heading", { name: "Campaign page" })).toBeInTheDocument();
    const second = calls.filter((c) => c.method === "POST")[1];
    // A description of only spaces is no description.
    expect(second.body).toMatchObject({ control_pct: 20 });
    expect(second.body).not.toHaveProperty("description");
  });

  it("says in Chinese beside the dates what a last day must be", async () => {
    signedIn("mkt.zhao");
    mockApi({
      "GET /api/v1/auth/me": () => json(marketing),
      "GET /api/v1/products": () => json({ items: products, next_cursor: null }),
      "GET /api/v1/segments": () => json({ items: segments, next_cursor: null }),
      "POST /api/v1/campaigns": () =>
        problem(422, "validation-error", "the campaign would be over before it is launched", [
          { field: "ends_on", message: "the campaign would be over before it is launched" },
        ]),
    });
    renderPages("/campaigns/new", "zh-CN");
    const user = userEvent.setup();
    const form = await screen.findByRole("form", { name: "新建营销活动" });
    await user.type(within(form).getByLabelText("名称"), "年末定期存款营销");
    await user.selectOptions(within(form).getByLabelText("产品"), "一年期定期存款 (TD-12M)");
    await user.selectOptions(within(form).getByLabelText("客群"), "Wealth prospects");
    await user.click(within(form).getByRole("button", { name: "创建草稿" }));
    const ends = within(form).getByLabelText("结束日期");
    await waitFor(() => expect(ends).toHaveAttribute("aria-invalid", "true"));
    expect(within(ends.closest(".field") as HTMLElement).getByRole("alert")).toHaveTextContent(
      "结束日期须不早于开始日期、不能已经过去，且距开始日期不超过 366 天。",
    );
  });

  it("asks nothing of a role that does not prepare campaigns", async () => {
    signedIn();
    const calls = mockApi({ "GET /api/v1/auth/me": () => json(me) });
    renderPages("/campaigns/new");
    expect(await screen.findByText("Your role does not prepare campaigns.")).toBeInTheDocument();
    await new Promise((r) => setTimeout(r, 50));
    expect(calls.map((c) => c.path)).toEqual(["/api/v1/auth/me"]);
  });
});
