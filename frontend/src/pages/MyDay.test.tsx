import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderApp } from "../test/render";
import { json, me, mockApi, problem, signedIn } from "../test/server";
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
    // Nothing went out before /auth/me said who is signed in.
    expect(calls[0].path).toBe("/api/v1/auth/me");
  });
});
