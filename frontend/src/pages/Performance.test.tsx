import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { Route, Routes, useLocation } from "react-router";
import { renderApp, Who } from "../test/render";
import { rmPerformanceFixture, rmPerformanceReportFixture } from "../test/fixtures";
import { formatDate } from "../format";
import { json, me, mockApi, signedIn, type Call } from "../test/server";
import { Layout } from "../components/Layout";
import { PerformancePage } from "./Performance";

const manager = { ...me, username: "bm.bj001", display_name: "Zhou Hua", role: "branch_manager" };
const li = rmPerformanceFixture();
// rm.wang's portfolio shrank; nothing resolved, closed or rated in the period; 57 of 995 targets contacted.
const wang = rmPerformanceFixture({
  rm: { id: "00000000-0000-4000-8000-000000000002", username: "rm.wang", display_name: "Wang Lei", branch: "BJ001" },
  customers: 96,
  key_customers: 4,
  aum: "12040000.00",
  aum_change_3m: "-320000.00",
  contribution_monthly: "40210.80",
  alerts_open: 2,
  alerts_resolved: 0,
  alert_median_hours: null,
  cases_closed: 0,
  cases_closed_in_time: 0,
  sla_rate: null,
  satisfaction_avg: null,
  cases_overdue: 0,
  campaign_targets: 995,
  campaign_contacted: 57,
  campaign_contact_rate: "0.0573",
  campaign_converted: 2,
  visits: 0,
});

function Where() {
  const location = useLocation();
  return <p data-testid="where">{location.pathname + location.search}</p>;
}

function open(
  who: { username: string; role: string; branch: string | null },
  { url = "/performance", locale = "en", rms }: { url?: string; locale?: "en" | "zh-CN"; rms?: (typeof li)[] } = {},
) {
  signedIn(who.username);
  const calls = mockApi({
    "GET /api/v1/auth/me": () => json(who),
    "GET /api/v1/analytics/rm-performance": (call) =>
      json(rmPerformanceReportFixture(rms ?? [li, wang], Number(call.search.get("days") ?? 90))),
  });
  renderApp(
    <>
      <Routes>
        <Route element={<Layout />}>
          <Route path="/performance" element={<PerformancePage />} />
        </Route>
      </Routes>
      <Where />
      <Who />
    </>,
    { url, locale },
  );
  return calls;
}

const asked = (calls: Call[]) => calls.filter((c) => c.path === "/api/v1/analytics/rm-performance");
const row = (username: string) =>
  screen.getByTestId("rm-performance").querySelector(`tr[data-username="${username}"]`) as HTMLElement;
const cells = (username: string) =>
  within(row(username))
    .getAllByRole("cell")
    .map((c) => c.textContent);

describe("the RM performance page", () => {
  it("shows a branch manager one row per RM in the server's order, with a caption, header cells, money and rates", async () => {
    const calls = open(manager);
    const nav = await screen.findByRole("navigation", { name: "Main" });
    expect(await within(nav).findByRole("link", { name: "RM performance" })).toHaveAttribute("href", "/performance");
    const table = await screen.findByRole("table", { name: /^RM performance over the last 90 days/ });
    expect(Object.fromEntries(asked(calls)[0].search)).toEqual({ days: "90" });
    const report = rmPerformanceReportFixture([li, wang], 90);
    expect(table.querySelector("caption")).toHaveTextContent(
      `RM performance over the last 90 days (${formatDate(report.since, "en")} – ${formatDate(report.until, "en")}), the portfolio as of today; the highest monthly contribution first`,
    );
    // Header cells: the groups, then each figure.
    for (const name of ["Portfolio today", "Alerts", "Their customers' cases", "Campaign contacts"])
      expect(within(table).getByRole("columnheader", { name })).toHaveAttribute("scope", "colgroup");
    for (const name of ["Relationship manager", "AUM", "AUM change, 3 months", "Within service level", "Visits"])
      expect(within(table).getByRole("columnheader", { name })).toHaveAttribute("scope", "col");
    // One row per RM, named by its row header, in the server's order.
    expect(
      within(table)
        .getAllByRole("rowheader")
        .map((th) => th.textContent),
    ).toEqual(["Li Ming rm.liBJ001", "Wang Lei rm.wangBJ001"]);

    expect(cells("rm.li")).toEqual([
      "142",
      "18",
      "CN¥48,250,000.00",
      "+CN¥1,250,000.50",
      "CN¥186,400.25",
      "3",
      "12",
      "5.5 h",
      "13",
      "92.31%12 of 13",
      "4.25 / 5",
      "1",
      "40",
      "15",
      "37.50%",
      "4",
      "6",
    ]);
    // A fall in AUM is signed, and marked (the sign says it, the colour repeats it).
    const change = within(row("rm.wang")).getByTestId("aum-change");
    expect(change).toHaveTextContent(/^-CN¥320,000\.00$/);
    expect(change).toHaveClass("negative");
    expect(within(row("rm.li")).getByTestId("aum-change")).not.toHaveClass("negative");
    // "0.0573" is 5.73%, from the server's digits: a float would make it 5.7299999999999995.
    expect(Number("0.0573") * 100).not.toBe(5.73);
    expect(within(row("rm.wang")).getByTestId("contact-rate")).toHaveTextContent(/^5\.73%$/);
  });

  it("shows a figure the server could not work out as a dash that says why", async () => {
    open(manager);
    await screen.findByTestId("rm-performance");
    const r = row("rm.wang");
    // Nothing to take a median of, no cases closed, nobody rated: a dash, heard as the reason, never 0%.
    expect(within(r).getByRole("cell", { name: "none resolved" })).toBe(within(r).getByTestId("alert-median"));
    expect(within(r).getByRole("cell", { name: "none closed" })).toBe(within(r).getByTestId("sla-rate"));
    expect(within(r).getByRole("cell", { name: "none rated" })).toBe(within(r).getByTestId("satisfaction"));
    for (const id of ["alert-median", "sla-rate", "satisfaction"]) {
      const cell = within(r).getByTestId(id);
      expect(within(cell).getByText("—")).toHaveAttribute("aria-hidden", "true");
      expect(cell).not.toHaveTextContent("%");
    }
    // An RM with no campaign targets has no contact rate either.
    expect(screen.queryByRole("cell", { name: "no campaign targets" })).toBeNull();
  });

  it("keeps the period in the URL, asks the server for it, and reads it back on a reload", async () => {
    const user = userEvent.setup();
    const calls = open(manager, { url: "/performance?days=30" });
    const period = await screen.findByLabelText("Period");
    await screen.findByRole("table", { name: /^RM performance over the last 30 days/ });
    expect(period).toHaveDisplayValue("Last 30 days");
    expect(asked(calls).map((c) => c.search.get("days"))).toEqual(["30"]);

    await user.selectOptions(period, "Last 365 days");
    await waitFor(() => expect(screen.getByTestId("where")).toHaveTextContent(/^\/performance\?days=365$/));
    await screen.findByRole("table", { name: /^RM performance over the last 365 days/ });
    expect(asked(calls).at(-1)!.search.get("days")).toBe("365");

    // Back to the default: the URL no longer says it.
    await user.selectOptions(period, "Last 90 days");
    await waitFor(() => expect(screen.getByTestId("where")).toHaveTextContent(/^\/performance$/));
    await screen.findByRole("table", { name: /^RM performance over the last 90 days/ });
    expect(asked(calls).at(-1)!.search.get("days")).toBe("90");
    expect(
      within(period)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["Last 30 days", "Last 90 days", "Last 180 days", "Last 365 days"]);
  });

  it("reads a period it does not offer as the default", async () => {
    const calls = open(manager, { url: "/performance?days=12" });
    await screen.findByRole("table", { name: /^RM performance over the last 90 days/ });
    expect(asked(calls).map((c) => c.search.get("days"))).toEqual(["90"]);
    expect(screen.getByLabelText("Period")).toHaveDisplayValue("Last 90 days");
  });

  it.each([
    ["marketing", { ...me, username: "mkt.zhao", role: "marketing", branch: null }],
    ["agent", { ...me, username: "agent.chen", role: "agent", branch: null }],
  ])("asks nothing for %s, who the server refuses, and offers no nav item", async (role, who) => {
    const calls = open(who, { url: "/performance" });
    await waitFor(() => expect(screen.getByTestId("who")).toHaveTextContent(role));
    expect(await screen.findByText("Your role does not see RM performance.")).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "RM performance" })).toBeNull();
    expect(screen.queryByLabelText("Period")).toBeNull();
    await new Promise((r) => setTimeout(r, 50));
    expect(asked(calls)).toHaveLength(0);
    expect(calls.map((c) => c.path)).toEqual(["/api/v1/auth/me"]);
  });

  it("asks nothing before the role is known", async () => {
    signedIn();
    let answer!: (r: Response) => void;
    const calls = mockApi({
      "GET /api/v1/auth/me": () => new Promise<Response>((resolve) => (answer = resolve)),
      "GET /api/v1/analytics/rm-performance": () => json(rmPerformanceReportFixture([li])),
    });
    renderApp(
      <Routes>
        <Route path="/performance" element={<PerformancePage />} />
      </Routes>,
      { url: "/performance" },
    );
    await screen.findByRole("heading", { name: "RM performance" });
    await new Promise((r) => setTimeout(r, 50));
    expect(asked(calls)).toHaveLength(0);
    answer(json(me));
    await screen.findByTestId("rm-performance");
    expect(asked(calls)).toHaveLength(1);
  });
});

describe("an RM's own figures", () => {
  it("says the RM's figures in sentences above their row", async () => {
    open(me, { rms: [li] });
    const summary = await screen.findByRole("region", { name: "Your figures" });
    expect(within(summary).getByTestId("summary-portfolio")).toHaveTextContent(
      "Portfolio: 142 customers (18 key), CN¥48,250,000.00 under management, +CN¥1,250,000.50 over three months; a monthly contribution of CN¥186,400.25.",
    );
    expect(within(summary).getByTestId("summary-alerts")).toHaveTextContent(
      "Alerts: 12 resolved, half of them within 5.5 hours; 3 open now.",
    );
    expect(within(summary).getByTestId("summary-cases")).toHaveTextContent(
      "Your customers' cases: 12 of 13 closed within their service level (92.31%); 1 overdue now. Customers rated them 4.25 out of 5 on average.",
    );
    expect(within(summary).getByTestId("summary-campaigns")).toHaveTextContent(
      "Campaigns: 15 of 40 target customers contacted (37.50%); 4 converted.",
    );
    expect(within(summary).getByTestId("summary-visits")).toHaveTextContent("Visits: 6 customer visits.");
    // And their one row in the table.
    expect(within(screen.getByTestId("rm-performance")).getAllByRole("rowheader")).toHaveLength(1);
  });

  it("says what there was none of, and a fall in AUM, in Chinese too", async () => {
    const own = rmPerformanceFixture({ ...wang, rm: li.rm, campaign_targets: 0, campaign_contacted: 0 });
    open(me, { rms: [{ ...own, campaign_contact_rate: null }], locale: "zh-CN" });
    const summary = await screen.findByRole("region", { name: "您的业绩" });
    expect(within(summary).getByTestId("summary-portfolio")).toHaveTextContent("近三个月变动 -¥320,000.00");
    expect(within(summary).getByTestId("summary-alerts")).toHaveTextContent(/^预警：无已处理预警；当前未处理 2 条。$/);
    expect(within(summary).getByTestId("summary-cases")).toHaveTextContent(
      /^名下客户工单：无已结工单；当前逾期 0 件。$/,
    );
    expect(within(summary).getByTestId("summary-campaigns")).toHaveTextContent("期间内没有营销活动目标客户。");
    const r = row("rm.li");
    expect(within(r).getByRole("cell", { name: "无已结工单" })).toBeInTheDocument();
    expect(within(r).getByRole("cell", { name: "无活动目标客户" })).toBeInTheDocument();
    expect(screen.getByRole("table", { name: /^最近 90 天/ })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "客户经理业绩" })).toBeInTheDocument();
  });
});
