import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { Route, Routes } from "react-router";
import type { Schemas } from "../api/client";
import { renderApp } from "../test/render";
import {
  campaignOfferActionFixture,
  caseFixture,
  customerCampaignFixture,
  customerFixture,
  memberFixture,
} from "../test/fixtures";
import { json, me, mockApi, problem, signedIn, type Call } from "../test/server";
import { Customer360Page } from "../pages/Customer360";

type Action = Schemas["NextBestActionOut"];

const customer = customerFixture();
const CID = customer.id;
const HOLDING_ID = "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
const ALERT_ID = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
const CASE_ID = caseFixture().id;
const OFFER = campaignOfferActionFixture();
const CAMPAIGN_ID = OFFER.refs.campaign_id;

// As GET /customers/{id}/holdings lists it for an RM: the account masked, maturing in 10 days.
const deposit: Schemas["HoldingOut"] = {
  id: HOLDING_ID,
  account_number: "****2222",
  product_code: "TD-12M",
  product_name: "Time Deposit 12 Months",
  product_name_zh: "一年期定期存款",
  category: "time_deposit",
  status: "active",
  opened_on: "2025-12-10",
  closed_on: null,
  balance: "50000.0000",
  currency: "CNY",
  credit_limit: null,
  rate: "0.017500",
  maturity_date: "2026-12-13",
  days_to_maturity: 10,
  balance_history: [],
};

const outflow: Schemas["AlertOut"] = {
  id: ALERT_ID,
  customer: { id: CID, customer_number: customer.customer_number, display_name: customer.display_name },
  kind: "large_outflow",
  cause_key: "large_outflow:2026-11-22",
  severity: "high",
  title: "CNY 200,000.00 moved out in one day",
  detail: null,
  status: "open",
  data: { amount: "200000.00", currency: "CNY", window_start: "2026-11-22" },
  raised_at: "2026-11-22T10:00:00+00:00",
  acknowledged_at: null,
  assigned_to: null,
  assigned_to_username: null,
  resolved_at: null,
  resolution_note: null,
};

// The server's actions for the customer (api/next_best.py), in its order: service first, then the campaign's offer.
const ACTIONS: Action[] = [
  {
    kind: "address_alert",
    priority: "high",
    title: "Address alert: CNY 200,000.00 moved out in one day",
    reason: "open large_outflow alert raised 2026-11-22",
    refs: { alert_id: ALERT_ID },
  },
  {
    kind: "acknowledge_complaint",
    priority: "high",
    title: "Acknowledge the recent complaint",
    reason: "complaint of 2026-11-19 (Charged twice for annual card fee) is still open",
    refs: { case_id: CASE_ID },
  },
  {
    kind: "roll_over_maturity",
    priority: "medium",
    title: "Offer to roll over Time Deposit 12 Months ****2222",
    reason: "Time Deposit 12 Months ****2222 (CNY 50,000.00) matures on 2026-12-13, in 10 days",
    refs: { holding_id: HOLDING_ID, product_code: "TD-12M" },
  },
  OFFER,
];

function open({
  role = "rm",
  actions = () => json(ACTIONS),
  locale = "en",
  respond = () => problem(500, "unexpected", "no answer is recorded in this test"),
}: {
  role?: string;
  actions?: () => Response;
  locale?: "en" | "zh-CN";
  respond?: (call: Call) => Response;
} = {}): Call[] {
  signedIn();
  const calls = mockApi({
    "GET /api/v1/auth/me": () => json({ ...me, role }),
    "GET /api/v1/customers/:id": () => json(customer, 200, { ETag: '"v3"' }),
    "GET /api/v1/customers/:id/next-best-actions": actions,
    "GET /api/v1/customers/:id/holdings": () => json({ items: [deposit], next_cursor: null }),
    "GET /api/v1/customers/:id/timeline": () => json({ items: [], next_cursor: null }),
    "GET /api/v1/customers/:id/campaigns": () => json([customerCampaignFixture()]),
    "GET /api/v1/alerts": () => json({ items: [outflow], next_cursor: null }),
    "GET /api/v1/cases": () => json({ items: [caseFixture()], next_cursor: null }),
    "GET /api/v1/tasks": () => json({ items: [], next_cursor: null }),
    "PUT /api/v1/campaigns/:id/members/:customer/response": respond,
  });
  renderApp(
    <Routes>
      <Route path="/customers/:customerId" element={<Customer360Page />} />
    </Routes>,
    { url: `/customers/${CID}`, locale },
  );
  return calls;
}

const panel = () => screen.findByRole("region", { name: /^(Next best actions|推荐行动)$/ });
const titles = (region: HTMLElement) =>
  within(region)
    .getAllByRole("listitem")
    .map((li) => li.querySelector(".nba-title")!.textContent);
const offerItem = () => document.querySelector<HTMLElement>(`#customer-nba li[data-campaign-id="${CAMPAIGN_ID}"]`);
const nbaCalls = (calls: Call[]) => calls.filter((c) => c.path === `/api/v1/customers/${CID}/next-best-actions`);

describe("next best actions on the 360 view", () => {
  it("words each action from the holdings, alerts and cases the page reads, most urgent first", async () => {
    const calls = open();
    const region = await panel();
    await waitFor(() => expect(within(region).getAllByRole("listitem")).toHaveLength(4));
    expect(titles(region)).toEqual([
      "Address alert: Large outflow: CN¥200,000.00 left in 7 days",
      "Acknowledge the recent complaint",
      "Offer to roll over Time Deposit 12 Months ****2222",
      "Offer Time Deposit 12 Months — Year-end time deposit drive",
    ]);
    const roll = within(region).getAllByRole("listitem")[2];
    expect(roll).toHaveTextContent("Medium priority");
    expect(roll).toHaveTextContent("Roll-over");
    expect(roll).toHaveTextContent("Time Deposit 12 Months ****2222 (CN¥50,000.00) matures on");
    expect(roll).toHaveTextContent("in 10 days");
    expect(region).toHaveTextContent("past its service-level due time");
    // The RM records the customer's answer beside the campaign's offer, as the Caller page lets an agent.
    expect(within(offerItem()!).getByRole("form", { name: /Year-end time deposit drive/ })).toBeInTheDocument();
    expect(nbaCalls(calls)).toHaveLength(1);
  });

  it("in Chinese", async () => {
    open({ locale: "zh-CN" });
    const region = await panel();
    await waitFor(() => expect(within(region).getAllByRole("listitem")).toHaveLength(4));
    expect(titles(region)).toEqual([
      "处理预警：大额资金流出：7 天内流出 ¥200,000.00",
      "回应客户近期的投诉",
      "建议续作：一年期定期存款 ****2222",
      "推荐产品：一年期定期存款（Year-end time deposit drive）",
    ]);
    expect(within(region).getAllByRole("listitem")[2]).toHaveTextContent("还有 10 天");
  });

  it("takes a declined offer away, says so, and reads the actions again", async () => {
    let declined = false;
    const calls = open({
      actions: () => json(declined ? ACTIONS.slice(0, 3) : ACTIONS),
      respond: () => {
        declined = true;
        return json(
          memberFixture(1, {
            customer: { id: CID, customer_number: customer.customer_number, display_name: customer.display_name },
            response: "declined",
            responded_at: "2026-12-03T09:00:00+00:00",
            responded_by_username: "rm.li",
          }),
        );
      },
    });
    const region = await panel();
    await waitFor(() => expect(offerItem()).not.toBeNull());
    const user = userEvent.setup();
    await user.selectOptions(within(offerItem()!).getByLabelText("Response"), "declined");
    await user.click(within(offerItem()!).getByRole("button", { name: "Save" }));

    const said = await within(region).findByTestId("nba-offer-result");
    expect(said).toHaveTextContent(
      "Declined recorded for Year-end time deposit drive: the offer is no longer proposed.",
    );
    expect(said).toHaveFocus();
    expect(offerItem()).toBeNull();
    const put = calls.find((c) => c.method === "PUT")!;
    expect(put.path).toBe(`/api/v1/campaigns/${CAMPAIGN_ID}/members/${CID}/response`);
    expect(put.body).toEqual({ response: "declined" });
    await waitFor(() => expect(nbaCalls(calls)).toHaveLength(2));
    expect(within(region).getAllByRole("listitem")).toHaveLength(3);
  });

  it("reads the actions again when the answer is recorded in the Campaigns panel", async () => {
    let answered = "";
    const calls = open({
      actions: () => json([...ACTIONS.slice(0, 3), campaignOfferActionFixture({ response: answered })]),
      respond: (call) => {
        answered = (call.body as { response: string }).response;
        return json(
          memberFixture(1, {
            customer: { id: CID, customer_number: customer.customer_number, display_name: customer.display_name },
            response: "interested",
            responded_at: "2026-12-03T09:00:00+00:00",
            responded_by_username: "rm.li",
          }),
        );
      },
    });
    await panel();
    await waitFor(() => expect(offerItem()).toHaveTextContent("and has not been contacted yet;"));
    const campaigns = await screen.findByRole("region", { name: "Campaigns" });
    const form = await within(campaigns).findByRole("form");
    const user = userEvent.setup();
    await user.selectOptions(within(form).getByLabelText("Response"), "interested");
    await user.click(within(form).getByRole("button", { name: "Save" }));

    await waitFor(() => expect(nbaCalls(calls)).toHaveLength(2));
    await waitFor(() => expect(offerItem()).toHaveTextContent("and said they were interested;"));
  });

  it("says when there is nothing to do", async () => {
    open({ actions: () => json([]) });
    const region = await panel();
    expect(await within(region).findByText("Nothing in particular to do for this customer now.")).toBeInTheDocument();
    expect(within(region).queryByRole("listitem")).not.toBeInTheDocument();
  });

  it("shows an auditor the actions without a form to record answers", async () => {
    open({ role: "auditor" });
    const region = await panel();
    await waitFor(() => expect(within(region).getAllByRole("listitem")).toHaveLength(4));
    expect(titles(region)[0]).toBe("Address alert: Large outflow: CN¥200,000.00 left in 7 days");
    expect(within(region).queryByRole("form")).not.toBeInTheDocument();
  });

  it("keeps the server's words for marketing where it may not read what they are worded from", async () => {
    const calls = open({ role: "marketing" });
    const region = await panel();
    await waitFor(() => expect(within(region).getAllByRole("listitem")).toHaveLength(4));
    // Marketing reads neither alerts nor cases (it is not asked to).
    expect(titles(region).slice(0, 3)).toEqual([
      "Address alert: CNY 200,000.00 moved out in one day",
      "Acknowledge the recent complaint",
      "Offer to roll over Time Deposit 12 Months ****2222",
    ]);
    expect(calls.some((c) => c.path === "/api/v1/alerts" || c.path === "/api/v1/cases")).toBe(false);
    expect(within(region).queryByRole("form")).not.toBeInTheDocument();
  });

  it("says a failed read in words, with a retry", async () => {
    let failed = false;
    open({
      actions: () => {
        if (failed) return json([]);
        failed = true;
        return problem(503, "not-ready", "the database is busy");
      },
    });
    const region = await panel();
    const retry = await within(region).findByRole("button", { name: /retry|try again/i });
    await userEvent.setup().click(retry);
    expect(await within(region).findByText("Nothing in particular to do for this customer now.")).toBeInTheDocument();
  });
});
