import { cleanup, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderApp } from "../test/render";
import { campaignFixture, caseFixture } from "../test/fixtures";
import { formatDateTime } from "../format";
import { json, me, mockApi, problem, signedIn, type Call } from "../test/server";
import { MyDayPage } from "./MyDay";

const tiers = {
  currency: "CNY",
  customers: 13,
  aum: "7282471.91",
  contribution_monthly: "15595.98",
  tiers: [
    {
      tier: "key",
      customers: 5,
      aum: "6733291.40",
      contribution_monthly: "14920.15",
      share_of_customers: "0.3846",
      share_of_contribution: "0.9567",
    },
    {
      tier: "potential",
      customers: 2,
      aum: "326915.33",
      contribution_monthly: "500.00",
      share_of_customers: "0.1538",
      share_of_contribution: "0.0320",
    },
    {
      tier: "ordinary",
      customers: 6,
      aum: "222265.18",
      contribution_monthly: "175.83",
      share_of_customers: "0.4615",
      share_of_contribution: "0.0113",
    },
  ],
};

function maturity(id: string, date: string, balance: string) {
  return {
    id,
    customer: { id: `c-${id}`, customer_number: `C${id}`, display_name: `Customer ${id}` },
    kind: "maturity",
    cause_key: id,
    severity: "low",
    title: `Time Deposit matures on ${date}`,
    detail: null,
    status: "open",
    assigned_to: null,
    assigned_to_username: null,
    data: { maturity_date: date, balance, currency: "CNY" },
    raised_at: "2026-11-23T08:00:00Z",
    acknowledged_at: null,
    resolved_at: null,
    resolution_note: null,
  };
}

describe("My day", () => {
  it("shows the portfolio in Chinese units and the maturities soonest first", async () => {
    signedIn();
    mockApi({
      "GET /api/v1/auth/me": () => json(me),
      "GET /api/v1/analytics/tiers": () => json(tiers),
      "GET /api/v1/cases": () => json({ items: [], next_cursor: null }),
      "GET /api/v1/tasks": () => json({ items: [], next_cursor: null }),
      "GET /api/v1/campaigns": () => json({ items: [], next_cursor: null }),
      "GET /api/v1/alerts": (c) =>
        c.search.get("kind") === "maturity"
          ? json({
              items: [
                maturity("2", "2026-12-20", "50000.00"),
                maturity("1", "2026-12-02", "3441.17"),
                maturity("3", "2026-12-29", "-1370281.54"),
              ],
              next_cursor: null,
            })
          : json({ items: [], next_cursor: null }),
    });
    renderApp(<MyDayPage />, { locale: "zh-CN" });
    const figures = await screen.findByTestId("portfolio-figures");
    expect(figures).toHaveTextContent("¥728.25万");
    expect(figures).toHaveTextContent("¥7,282,471.91");
    expect(figures).toHaveTextContent("重点客户 5");
    expect(await screen.findByText("没有待处理的预警。")).toBeInTheDocument();
    const items = within(document.querySelector(".maturities") as HTMLElement).getAllByRole("listitem");
    expect(items[0]).toHaveTextContent("Customer 1");
    expect(items[0]).toHaveTextContent("¥3,441.17");
    expect(items[1]).toHaveTextContent("Customer 2");
    // A loan falling due: the sum owed, not a negative amount.
    expect(items[2]).toHaveTextContent("Customer 3");
    expect(items[2]).toHaveTextContent("欠款 ¥1,370,281.54");
    expect(items[2]).not.toHaveTextContent("-¥");
  });

  it("shows the same figures in English units", async () => {
    signedIn();
    mockApi({
      "GET /api/v1/auth/me": () => json(me),
      "GET /api/v1/analytics/tiers": () => json(tiers),
      "GET /api/v1/cases": () => json({ items: [], next_cursor: null }),
      "GET /api/v1/tasks": () => json({ items: [], next_cursor: null }),
      "GET /api/v1/campaigns": () => json({ items: [], next_cursor: null }),
      "GET /api/v1/alerts": () => json({ items: [], next_cursor: null }),
    });
    renderApp(<MyDayPage />, { locale: "en" });
    const figures = await screen.findByTestId("portfolio-figures");
    expect(figures).toHaveTextContent("CN¥7.28M");
    expect(figures).toHaveTextContent("CN¥7,282,471.91");
    expect(await screen.findByText("No holdings mature in the next 30 days.")).toBeInTheDocument();
  });

  it("does not ask for an agent's portfolio figures (agents may not read analytics), nor anything before the role is known", async () => {
    signedIn("agent.chen");
    const calls = mockApi({
      "GET /api/v1/auth/me": () => json({ ...me, username: "agent.chen", role: "agent", branch: null }),
      "GET /api/v1/analytics/tiers": () => problem(403, "forbidden", "agents do not read analytics"),
      "GET /api/v1/alerts": () => json({ items: [], next_cursor: null }),
    });
    renderApp(<MyDayPage />, { locale: "en" });
    expect(await screen.findByText("No open alerts. Nothing to act on.")).toBeInTheDocument();
    expect(screen.queryByTestId("portfolio-figures")).toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(calls.some((c) => c.path === "/api/v1/analytics/tiers")).toBe(false);
    // Overdue cases are an RM's or a branch manager's day, not an agent's (who works them on the Caller page).
    expect(screen.queryByRole("region", { name: "Overdue cases" })).toBeNull();
    expect(calls.some((c) => c.path === "/api/v1/cases")).toBe(false);
    // Nor campaign contacts: an agent contacts customers from the Caller page and the Campaigns page.
    expect(calls.some((c) => c.path === "/api/v1/campaigns")).toBe(false);
    // Nothing went out before /auth/me said who is signed in.
    expect(calls[0].path).toBe("/api/v1/auth/me");
  });
});

describe("overdue cases on My day", () => {
  const overdue = [
    caseFixture({
      id: "a0000000-0000-4000-8000-000000000001",
      customer: { id: "c-1", customer_number: "C1", display_name: "王芳 (Wang Fang)" },
      subject: "Charged twice for annual card fee",
      sla_due_at: "2026-11-21T08:00:00+00:00",
    }),
    caseFixture({
      id: "a0000000-0000-4000-8000-000000000002",
      customer: { id: "c-2", customer_number: "C2", display_name: "李雷 (Li Lei)" },
      kind: "service_request",
      subject: "Paper statement for October",
      sla_due_at: "2026-11-24T10:00:00+00:00",
    }),
  ];

  function day(role: string, items: unknown[], locale: "en" | "zh-CN" = "en"): Call[] {
    signedIn();
    const calls = mockApi({
      "GET /api/v1/auth/me": () => json({ ...me, role }),
      "GET /api/v1/analytics/tiers": () => json(tiers),
      "GET /api/v1/alerts": () => json({ items: [], next_cursor: null }),
      "GET /api/v1/cases": () => json({ items, next_cursor: null }),
      "GET /api/v1/tasks": () => json({ items: [], next_cursor: null }),
      "GET /api/v1/campaigns": () => json({ items: [], next_cursor: null }),
    });
    renderApp(<MyDayPage />, { locale });
    return calls;
  }

  it("lists an RM's overdue cases in the server's order, each linking to the customer's 360 view", async () => {
    const calls = day("rm", overdue);
    const panel = await screen.findByRole("region", { name: "Overdue cases" });
    const items = await within(panel).findAllByRole("listitem");
    expect(items).toHaveLength(2);
    expect(within(items[0]).getByRole("link", { name: "王芳 (Wang Fang)" })).toHaveAttribute("href", "/customers/c-1");
    expect(items[0]).toHaveTextContent("Complaint");
    expect(items[0]).toHaveTextContent("Charged twice for annual card fee");
    expect(items[0]).toHaveTextContent(`Due ${formatDateTime("2026-11-21T08:00:00+00:00", "en")}`);
    expect(within(items[1]).getByRole("link", { name: "李雷 (Li Lei)" })).toHaveAttribute("href", "/customers/c-2");
    expect(items[1]).toHaveTextContent("Service request");
    const asked = calls.find((c) => c.path === "/api/v1/cases")!.search;
    expect(asked.get("overdue")).toBe("true");
    expect(asked.get("limit")).toBe("10");
    expect(asked.get("customer_id")).toBeNull();
  });

  it("tells a branch manager when nothing is overdue, in Chinese", async () => {
    day("branch_manager", [], "zh-CN");
    const panel = await screen.findByRole("region", { name: "超时工单" });
    expect(await within(panel).findByText("没有超时工单，所有未结工单均在服务时限内。")).toBeInTheDocument();
  });

  it("is not part of an auditor's day", async () => {
    const calls = day("auditor", overdue);
    expect(await screen.findByText("No open alerts. Nothing to act on.")).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "Overdue cases" })).toBeNull();
    expect(calls.some((c) => c.path === "/api/v1/cases")).toBe(false);
  });
});

describe("campaign contacts on My day", () => {
  const yearEnd = campaignFixture();
  const done = campaignFixture({ id: "ca000000-0000-4000-8000-000000000009", name: "Card upgrade", to_contact: 0 });

  function day(role: string, items: unknown[], locale: "en" | "zh-CN" = "en"): Call[] {
    signedIn();
    const calls = mockApi({
      "GET /api/v1/auth/me": () => json({ ...me, role }),
      "GET /api/v1/analytics/tiers": () => json(tiers),
      "GET /api/v1/alerts": () => json({ items: [], next_cursor: null }),
      "GET /api/v1/cases": () => json({ items: [], next_cursor: null }),
      "GET /api/v1/tasks": () => json({ items: [], next_cursor: null }),
      "GET /api/v1/campaigns": () => json({ items, next_cursor: null }),
    });
    renderApp(<MyDayPage />, { locale });
    return calls;
  }

  it("lists the active campaigns with contacts left for the RM, each linking to those contacts", async () => {
    const calls = day("rm", [yearEnd, done]);
    const panel = await screen.findByRole("region", { name: "Campaign contacts" });
    const items = await within(panel).findAllByRole("listitem");
    expect(items).toHaveLength(1);
    expect(within(items[0]).getByRole("link", { name: "Year-end time deposit drive" })).toHaveAttribute(
      "href",
      `/campaigns/${yearEnd.id}?group=target&response=none`,
    );
    expect(items[0]).toHaveTextContent("9 to contact");
    expect(items[0]).toHaveTextContent("Time Deposit 12 Months · Phone · until");
    expect(within(panel).queryByText("Card upgrade")).toBeNull();
    const asked = calls.find((c) => c.path === "/api/v1/campaigns")!.search;
    expect(asked.get("status")).toBe("active");
  });

  it("says quietly, in Chinese, when there is nobody to contact", async () => {
    day("branch_manager", [done], "zh-CN");
    const panel = await screen.findByRole("region", { name: "营销活动待联系" });
    expect(await within(panel).findByText("没有待联系的营销活动客户。")).toBeInTheDocument();
    expect(within(panel).queryByRole("alert")).toBeNull();
  });

  it("is not part of the day of those who contact nobody (marketing, auditors)", async () => {
    for (const role of ["marketing", "auditor"]) {
      const calls = day(role, [yearEnd]);
      expect(await screen.findByTestId("portfolio-figures")).toBeInTheDocument();
      expect(screen.queryByRole("region", { name: "Campaign contacts" })).toBeNull();
      expect(calls.some((c) => c.path === "/api/v1/campaigns")).toBe(false);
      cleanup();
    }
  });
});
