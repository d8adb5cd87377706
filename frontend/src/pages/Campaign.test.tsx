import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { Route, Routes, useLocation } from "react-router";
import { renderApp } from "../test/render";
import { campaignDetailFixture, effectFixture, memberFixture } from "../test/fixtures";
import { formatDate, formatDateTime } from "../format";
import { json, me, mockApi, problem, signedIn, type Call } from "../test/server";
import { CampaignPage } from "./Campaign";

const marketing = { ...me, username: "mkt.zhao", display_name: "Zhao Min", role: "marketing", branch: null };
const auditor = { ...me, username: "audit.sun", display_name: "Sun Li", role: "auditor", branch: null };

const active = campaignDetailFixture();
const ID = active.id;
const draft = campaignDetailFixture({
  status: "draft",
  launched_at: null,
  excluded: null,
  targets: 0,
  controls: 0,
  responded: 0,
  to_contact: 0,
  effect: null,
});

function Where() {
  const location = useLocation();
  return <p data-testid="where">{location.pathname + location.search}</p>;
}

function renderCampaign(url = `/campaigns/${ID}`, locale: "en" | "zh-CN" = "en") {
  return renderApp(
    <>
      <Routes>
        <Route path="/campaigns/:campaignId" element={<CampaignPage />} />
      </Routes>
      <Where />
    </>,
    { url, locale },
  );
}

const detailCalls = (calls: Call[]) => calls.filter((c) => c.method === "GET" && c.path === `/api/v1/campaigns/${ID}`);
const memberCalls = (calls: Call[]) => calls.filter((c) => c.path === `/api/v1/campaigns/${ID}/members`);
const asked = (call: Call) => Object.fromEntries(call.search.entries());
const memberRow = (n: number) => screen.getByRole("link", { name: `Customer ${n}` }).closest("tr") as HTMLElement;

describe("launching a campaign", () => {
  it("asks first, launches only once confirmed, then shows who is in it, who was left out and why, and the effect", async () => {
    signedIn("mkt.zhao");
    let launched = false;
    const calls = mockApi({
      "GET /api/v1/auth/me": () => json(marketing),
      "GET /api/v1/campaigns/:id": () => json(launched ? active : draft),
      "POST /api/v1/campaigns/:id/launch": () => ((launched = true), json(active)),
      "GET /api/v1/campaigns/:id/members": () => json({ items: [memberFixture(1)], next_cursor: null }),
    });
    renderCampaign();
    const user = userEvent.setup();
    expect(await screen.findByRole("heading", { name: /Year-end time deposit drive/ })).toHaveTextContent("Draft");
    expect(screen.getByText("A draft: nobody is in it until it is launched.")).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "Effect" })).toBeNull();
    // A draft has no members to ask for.
    expect(memberCalls(calls)).toHaveLength(0);

    await user.click(screen.getByRole("button", { name: "Launch…" }));
    const dialog = screen.getByRole("alertdialog", { name: "Launch this campaign?" });
    expect(dialog).toHaveAccessibleDescription(/a control group of 10% left alone\. It cannot be undone\./);
    expect(within(dialog).getByRole("button", { name: "Launch now" })).toHaveFocus();
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(calls.some((c) => c.method === "POST")).toBe(false);
    expect(screen.getByRole("button", { name: "Launch…" })).toHaveFocus();

    await user.click(screen.getByRole("button", { name: "Launch…" }));
    await user.click(screen.getByRole("button", { name: "Launch now" }));
    const said = await screen.findByTestId("campaign-step-result");
    expect(said).toHaveTextContent("Launched: 180 customers to contact, 20 held out.");
    await waitFor(() => expect(said).toHaveFocus());
    expect(calls.filter((c) => c.method === "POST").map((c) => c.path)).toEqual([`/api/v1/campaigns/${ID}/launch`]);
    expect(screen.getByRole("heading", { name: /Year-end time deposit drive/ })).toHaveTextContent("Active");
    expect(screen.getByRole("button", { name: "Close…" })).toBeInTheDocument();

    // Who was left out at launch, and why, in words.
    const left = screen.getByRole("table", { name: "Left out at launch" });
    const reasons = within(left)
      .getAllByRole("row")
      .slice(1)
      .map((r) => r.textContent);
    expect(reasons).toEqual([
      "Have not agreed to offers by phone41",
      "The product's risk is above their risk preference7",
      "Already hold the product12",
      "Left out in all60",
    ]);
    const facts = screen.getByTestId("campaign-facts");
    expect(facts).toHaveTextContent("Targets180");
    expect(facts).toHaveTextContent("Controls20");
    expect(facts).not.toHaveTextContent("Yours to contact");
    expect(await screen.findByRole("region", { name: "Effect" })).toBeInTheDocument();
    // Marketing records nothing: the contacts are listed without the Record column.
    await screen.findByTestId("campaign-members");
    expect(screen.queryByRole("columnheader", { name: "Record" })).toBeNull();
    expect(asked(memberCalls(calls)[0])).toEqual({ limit: "25" });
  });

  it("says so when nobody in the segment may be offered the product, and in Chinese", async () => {
    signedIn("mkt.zhao");
    mockApi({
      "GET /api/v1/auth/me": () => json(marketing),
      "GET /api/v1/campaigns/:id": () => json(draft),
      "POST /api/v1/campaigns/:id/launch": () =>
        problem(422, "validation-error", "nobody in the segment may be offered the product (12 no consent)", [
          { field: "segment_id", message: "nobody in the segment may be offered the product (12 no consent)" },
        ]),
    });
    renderCampaign(`/campaigns/${ID}`, "zh-CN");
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "启动…" }));
    await user.click(screen.getByRole("button", { name: "立即启动" }));
    const error = await screen.findByRole("alert");
    expect(error).toHaveTextContent("客群中没有可以推荐该产品的客户，活动未启动。");
    expect(error).toHaveTextContent("(12 no consent)");
    expect(screen.getByRole("heading", { name: /Year-end time deposit drive/ })).toHaveTextContent("草稿");
  });

  it("closes an active campaign once confirmed, and says so when someone else closed it meanwhile", async () => {
    signedIn("mkt.zhao");
    let closedElsewhere = false;
    const calls = mockApi({
      "GET /api/v1/auth/me": () => json(marketing),
      "GET /api/v1/campaigns/:id": () =>
        json(closedElsewhere ? { ...active, status: "closed", effect: effectFixture({ final: true }) } : active),
      "POST /api/v1/campaigns/:id/close": () => (
        (closedElsewhere = true),
        problem(409, "conflict", "campaign is closed: only a active one can be closed")
      ),
      "GET /api/v1/campaigns/:id/members": () => json({ items: [], next_cursor: null }),
    });
    renderCampaign();
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Close…" }));
    const dialog = screen.getByRole("alertdialog", { name: "Close this campaign?" });
    expect(dialog).toHaveAccessibleDescription(
      "Closing ends it: responses can no longer be recorded, and its effect becomes final.",
    );
    await user.click(within(dialog).getByRole("button", { name: "Close now" }));
    const said = await screen.findByTestId("campaign-step-result");
    expect(said).toHaveTextContent("The campaign could not be closed; it is shown as it is now.");
    // The server's own words say why.
    expect(said).toHaveTextContent("campaign is closed: only a active one can be closed");
    await waitFor(() => expect(detailCalls(calls).length).toBeGreaterThanOrEqual(2));
    await waitFor(() =>
      expect(screen.getByRole("heading", { name: /Year-end time deposit drive/ })).toHaveTextContent("Closed"),
    );
    expect(screen.getByTestId("effect-when")).toHaveTextContent("Final");
    expect(screen.queryByRole("button", { name: /Close…|Launch…/ })).toBeNull();
  });
});

describe("the effect panel", () => {
  function show(effect: ReturnType<typeof effectFixture>, locale: "en" | "zh-CN" = "en") {
    signedIn("audit.sun");
    mockApi({
      "GET /api/v1/auth/me": () => json(auditor),
      "GET /api/v1/campaigns/:id": () => json({ ...active, effect }),
      "GET /api/v1/campaigns/:id/members": () => json({ items: [], next_cursor: null }),
    });
    renderCampaign(`/campaigns/${ID}`, locale);
  }

  it("says a significant uplift is likely the campaign's, with the rates from the server's digits", async () => {
    show(effectFixture());
    const panel = await screen.findByRole("region", { name: "Effect" });
    expect(within(panel).getByTestId("effect-when")).toHaveTextContent(
      `So far, as of ${formatDate("2026-12-03", "en")}`,
    );
    expect(within(panel).getByTestId("effect-verdict")).toHaveTextContent(
      "Significant Likely caused by the campaign (p = 0.0067)",
    );
    const groups = within(panel).getByRole("table", { name: "Target and control" });
    const rows = within(groups)
      .getAllByRole("row")
      .map((r) =>
        within(r)
          .queryAllByRole("cell")
          .map((c) => c.textContent),
      );
    expect(rows.slice(1)).toEqual([
      ["2,500", "200"],
      ["228", "7"],
      // "0.0912" is 9.12%, every digit the server sent; "0.035" (its trailing zero dropped) is 3.50%.
      ["9.12%", "3.50%"],
      ["CN¥8,200,000.00$15,000.00", "—"],
    ]);
    const facts = within(panel).getByTestId("effect-facts");
    expect(facts).toHaveTextContent("Uplift+5.62 percentage points95% interval: +1.92 to +7.77 percentage points");
    expect(facts).toHaveTextContent("Incremental conversions+140.5 customers");
    expect(facts).toHaveTextContent("Relative lift+160.57%");
    const funnel = within(panel).getByRole("table", { name: "Responses of the target group" });
    expect(
      within(funnel)
        .getAllByRole("row")
        .slice(1)
        .map((r) => r.textContent),
    ).toEqual(["Contacted203", "Interested2514", "Declined120", "Unreachable71", "Not contacted yet2,436210"]);
  });

  it("says an uplift that may be chance is not distinguishable from it, final once the campaign is over", async () => {
    // 26 of 450 against 5 of 120, as the server measures them: enough data, p = 0.4893.
    show(
      effectFixture({
        final: true,
        target: { customers: 450, converted: 26, conversion_rate: "0.0578", converted_balances: [] },
        control: { customers: 120, converted: 5, conversion_rate: "0.0417", converted_balances: [] },
        uplift_pp: "1.61",
        ci95_low_pp: "-3.91",
        ci95_high_pp: "5.1",
        p_value: "0.4893",
        enough_data: true,
        significant: false,
        incremental_conversions: "7.2",
        relative_lift: "0.3867",
      }),
    );
    const panel = await screen.findByRole("region", { name: "Effect" });
    expect(within(panel).getByTestId("effect-when")).toHaveTextContent(/^Final$/);
    expect(within(panel).getByTestId("effect-verdict")).toHaveTextContent(
      "Not significant Not distinguishable from chance (p = 0.4893)",
    );
    expect(within(panel).queryByTestId("effect-too-few")).toBeNull();
    // A float would show 0.0578 × 100 as 5.779999999999999.
    expect(Number("0.0578") * 100).not.toBe(5.78);
    expect(within(panel).getByRole("table", { name: "Target and control" })).toHaveTextContent("5.78%");
    // The server's "5.1" (its trailing zero dropped) is +5.10.
    expect(within(panel).getByTestId("effect-facts")).toHaveTextContent(
      "95% interval: -3.91 to +5.10 percentage points",
    );
  });

  // 24 of 420 against 2 of 46, as the server measures them: the control group would expect 2.6 conversions, under
  // the 5 the test needs, so the server calls nothing significant (enough_data false), whatever the p-value.
  const tooFew = {
    target: { customers: 420, converted: 24, conversion_rate: "0.0571", converted_balances: [] },
    control: { customers: 46, converted: 2, conversion_rate: "0.0435", converted_balances: [] },
    uplift_pp: "1.37",
    ci95_low_pp: "-8.98",
    ci95_high_pp: "5.48",
    p_value: "0.7015",
    enough_data: false,
    significant: false,
    incremental_conversions: "5.7",
    relative_lift: "0.3143",
  };

  it("says when there are too few customers or conversions to tell, not that it may be chance, and quotes no p", async () => {
    show(effectFixture(tooFew));
    const panel = await screen.findByRole("region", { name: "Effect" });
    const verdict = within(panel).getByTestId("effect-verdict");
    expect(verdict).toHaveTextContent(/^Too little data Too few customers or conversions to tell yet$/);
    expect(verdict).not.toHaveTextContent(/chance|p =|Significant/);
    expect(within(panel).getByTestId("effect-too-few")).toHaveTextContent(
      "The test needs at least 5 expected conversions and 5 expected non-conversions in each group",
    );
    // The figures are still shown, with the interval that says how little is known.
    expect(within(panel).getByTestId("effect-facts")).toHaveTextContent(
      "Uplift+1.37 percentage points95% interval: -8.98 to +5.48 percentage points",
    );
  });

  it("says it without 'yet' once final, and in Chinese", async () => {
    show(effectFixture({ ...tooFew, final: true }), "zh-CN");
    const panel = await screen.findByRole("region", { name: "活动效果" });
    expect(within(panel).getByTestId("effect-verdict")).toHaveTextContent(/^数据不足 客户或转化太少，无法判断$/);
    expect(within(panel).getByTestId("effect-too-few")).toHaveTextContent("每组预期转化与预期未转化各至少 5 位客户");
  });

  it("says it in Chinese, 'yet' while the campaign runs", async () => {
    show(effectFixture({ p_value: "0.0731", significant: false, uplift_pp: "2.1" }), "zh-CN");
    const panel = await screen.findByRole("region", { name: "活动效果" });
    expect(within(panel).getByTestId("effect-verdict")).toHaveTextContent(
      "不显著 目前尚无法与偶然波动区分（p = 0.0731）",
    );
    expect(within(panel).getByTestId("effect-when")).toHaveTextContent(
      `截至 ${formatDate("2026-12-03", "zh-CN")} 的阶段结果`,
    );
    expect(within(panel).getByTestId("effect-facts")).toHaveTextContent("+2.10 个百分点");
  });

  it("says a p-value the server's four places round to nothing as below them", async () => {
    show(effectFixture({ p_value: "0" }));
    expect(await screen.findByTestId("effect-verdict")).toHaveTextContent("Likely caused by the campaign (p < 0.0001)");
  });

  it("says plainly when nothing can be measured yet", async () => {
    show(
      effectFixture({
        control: { customers: 0, converted: 0, conversion_rate: "0", converted_balances: [] },
        uplift_pp: null,
        ci95_low_pp: null,
        ci95_high_pp: null,
        p_value: null,
        significant: false,
        incremental_conversions: null,
        relative_lift: null,
      }),
    );
    const verdict = await screen.findByTestId("effect-verdict");
    expect(verdict).toHaveTextContent(/^Not measurable yet: the target or the control group has no customers\.$/);
    expect(screen.getByTestId("effect-facts")).toHaveTextContent("Uplift—");
  });
});

describe("the contacts of a campaign", () => {
  const contacts = [memberFixture(1), memberFixture(2, { tier: "key", converted_on: "2026-11-28" })];

  it("lists an RM's contacts still to make by default, and records a response in place", async () => {
    signedIn();
    const calls = mockApi({
      "GET /api/v1/auth/me": () => json(me),
      "GET /api/v1/campaigns/:id": () => json(active),
      "GET /api/v1/campaigns/:id/members": () => json({ items: contacts, next_cursor: null }),
      "PUT /api/v1/campaigns/:id/members/:cid/response": (call) =>
        json({
          ...contacts[0],
          response: (call.body as { response: string }).response,
          note: (call.body as { note?: string }).note ?? null,
          responded_at: "2026-12-03T10:15:00+00:00",
          responded_by_username: "rm.li",
        }),
    });
    renderCampaign();
    const user = userEvent.setup();
    const table = await screen.findByTestId("campaign-members");
    expect(asked(memberCalls(calls)[0])).toEqual({ group: "target", response: "none", limit: "25" });
    expect(screen.getByTestId("campaign-facts")).toHaveTextContent("Yours to contact9");
    expect(screen.getByLabelText("Group")).toHaveDisplayValue("Target");
    expect(screen.getByLabelText("Response", { selector: "#m-response" })).toHaveDisplayValue("Not contacted yet");
    expect(within(table).getAllByRole("row")).toHaveLength(3);
    expect(memberRow(2)).toHaveTextContent(`Opened it on ${formatDate("2026-11-28", "en")}`);
    expect(memberRow(1)).toHaveTextContent("Not contacted yet");

    const row = memberRow(1);
    const form = within(row).getByRole("form", { name: "Record the response of Customer 1" });
    expect(within(form).getByRole("button", { name: "Save" })).toBeDisabled();
    await user.selectOptions(within(form).getByLabelText("Response"), "Interested");
    await user.type(within(form).getByLabelText("Note"), "Call back after payday");
    const detailsBefore = detailCalls(calls).length;
    await user.click(within(form).getByRole("button", { name: "Save" }));

    expect(await within(row).findByText("Response saved.")).toBeInTheDocument();
    const put = calls.find((c) => c.method === "PUT")!;
    expect(put.path).toBe(`/api/v1/campaigns/${ID}/members/${contacts[0].customer.id}/response`);
    expect(put.body).toEqual({ response: "interested", note: "Call back after payday" });
    // The row shows what was said, by whom and when, where it was: the list is not read again to lose it.
    const response = row.querySelector(".member-response") as HTMLElement;
    expect(response).toHaveTextContent("Interested");
    expect(response).toHaveTextContent(`rm.li, ${formatDateTime("2026-12-03T10:15:00+00:00", "en")}`);
    expect(response).toHaveTextContent("Call back after payday");
    expect(memberRow(1)).toBe(row);
    expect(memberCalls(calls)).toHaveLength(1);
    // The campaign's counts and effect are read again.
    await waitFor(() => expect(detailCalls(calls).length).toBeGreaterThan(detailsBefore));
  });

  it("shows control-group customers held out, with nothing to record, and keeps the filters in the URL", async () => {
    signedIn();
    const calls = mockApi({
      "GET /api/v1/auth/me": () => json(me),
      "GET /api/v1/campaigns/:id": () => json(active),
      "GET /api/v1/campaigns/:id/members": (call) =>
        json({
          items:
            call.search.get("group") === "control"
              ? [memberFixture(3, { group: "control" })]
              : [memberFixture(1), memberFixture(3, { group: "control" })],
          next_cursor: null,
        }),
    });
    renderCampaign(`/campaigns/${ID}?group=all&response=all`);
    const user = userEvent.setup();
    await screen.findByTestId("campaign-members");
    expect(asked(memberCalls(calls)[0])).toEqual({ limit: "25" });
    const held = memberRow(3);
    expect(held).toHaveTextContent("Control");
    expect(held).toHaveTextContent("Held out: not contacted, so the campaign's effect can be measured.");
    expect(within(held).queryByRole("form")).toBeNull();
    expect(within(held).queryByRole("combobox")).toBeNull();
    expect(within(held).queryByRole("button")).toBeNull();
    expect(within(memberRow(1)).getByRole("form")).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText("Group"), "Control");
    await waitFor(() => expect(asked(memberCalls(calls).at(-1)!)).toEqual({ group: "control", limit: "25" }));
    expect(screen.getByTestId("where")).toHaveTextContent(`/campaigns/${ID}?group=control&response=all`);
    await waitFor(() => expect(screen.queryByRole("link", { name: "Customer 1" })).toBeNull());

    // Back to the default (target, not contacted yet): the URL no longer says it.
    await user.selectOptions(screen.getByLabelText("Group"), "Target");
    await user.selectOptions(screen.getByLabelText("Response", { selector: "#m-response" }), "Not contacted yet");
    await waitFor(() => expect(screen.getByTestId("where")).toHaveTextContent(new RegExp(`^/campaigns/${ID}$`)));
    expect(asked(memberCalls(calls).at(-1)!)).toEqual({ group: "target", response: "none", limit: "25" });
  });

  it("says when the campaign closed meanwhile, and offers no recording on a closed campaign", async () => {
    signedIn();
    let closed = false;
    mockApi({
      "GET /api/v1/auth/me": () => json(me),
      "GET /api/v1/campaigns/:id": () => json(closed ? { ...active, status: "closed" } : active),
      "GET /api/v1/campaigns/:id/members": () => json({ items: [memberFixture(1)], next_cursor: null }),
      "PUT /api/v1/campaigns/:id/members/:cid/response": () => (
        (closed = true),
        problem(409, "campaign-not-active", "campaign is closed: responses are recorded only while it is active")
      ),
    });
    renderCampaign();
    const user = userEvent.setup();
    await screen.findByTestId("campaign-members");
    const form = within(memberRow(1)).getByRole("form");
    await user.selectOptions(within(form).getByLabelText("Response"), "Declined");
    await user.click(within(form).getByRole("button", { name: "Save" }));
    const said = await screen.findByTestId("members-refused");
    expect(said).toHaveTextContent("The campaign is no longer active: responses cannot be recorded.");
    expect(said).toHaveAttribute("data-refusal", "notActive");
    await waitFor(() => expect(said).toHaveFocus());
    // The campaign is read again and shown closed: no Record column, nothing to save.
    await waitFor(() =>
      expect(screen.getByRole("heading", { name: /Year-end time deposit drive/ })).toHaveTextContent("Closed"),
    );
    await waitFor(() => expect(screen.queryByRole("columnheader", { name: "Record" })).toBeNull());
    expect(screen.queryByRole("button", { name: "Save" })).toBeNull();
  });

  it("says when the customer is held out in the control group, a refusal of its own, and reads the contacts again", async () => {
    signedIn();
    let heldOut = false;
    const calls = mockApi({
      "GET /api/v1/auth/me": () => json(me),
      "GET /api/v1/campaigns/:id": () => json(active),
      "GET /api/v1/campaigns/:id/members": () =>
        json({ items: [memberFixture(1, heldOut ? { group: "control" } : {})], next_cursor: null }),
      "PUT /api/v1/campaigns/:id/members/:cid/response": () => (
        (heldOut = true),
        problem(409, "customer-held-out", "the customer is in the control group of the campaign")
      ),
    });
    renderCampaign();
    const user = userEvent.setup();
    await screen.findByTestId("campaign-members");
    const form = within(memberRow(1)).getByRole("form");
    await user.selectOptions(within(form).getByLabelText("Response"), "Interested");
    await user.click(within(form).getByRole("button", { name: "Save" }));
    const said = await screen.findByTestId("members-refused");
    expect(said).toHaveTextContent(
      "Not recorded: this customer is held out in the campaign's control group, so they are not contacted and no " +
        "response is recorded for them.",
    );
    expect(said).toHaveAttribute("data-refusal", "heldOut");
    expect(said).not.toHaveTextContent("no longer active");
    // The contacts are read again: the customer shows held out, with nothing to record; the campaign still runs.
    await waitFor(() => expect(memberCalls(calls)).toHaveLength(2));
    await waitFor(() => expect(within(memberRow(1)).queryByRole("form")).toBeNull());
    expect(memberRow(1)).toHaveTextContent("Held out: not contacted, so the campaign's effect can be measured.");
    expect(screen.getByRole("heading", { name: /Year-end time deposit drive/ })).not.toHaveTextContent("Closed");
    expect(screen.getByRole("columnheader", { name: "Record" })).toBeInTheDocument();
  });

  it("says a conflict it does not know by its type as the server words it, beside the form", async () => {
    signedIn();
    mockApi({
      "GET /api/v1/auth/me": () => json(me),
      "GET /api/v1/campaigns/:id": () => json(active),
      "GET /api/v1/campaigns/:id/members": () => json({ items: [memberFixture(1)], next_cursor: null }),
      "PUT /api/v1/campaigns/:id/members/:cid/response": () => problem(409, "conflict", "something else clashed"),
    });
    renderCampaign();
    const user = userEvent.setup();
    await screen.findByTestId("campaign-members");
    const form = within(memberRow(1)).getByRole("form");
    await user.selectOptions(within(form).getByLabelText("Response"), "Contacted");
    await user.click(within(form).getByRole("button", { name: "Save" }));
    const alert = await within(form).findByRole("alert");
    expect(alert).toHaveTextContent("This conflicts with existing data.");
    expect(alert).toHaveTextContent("something else clashed");
    expect(screen.queryByTestId("members-refused")).toBeNull();
  });

  it("lets an auditor read the contacts but record nothing", async () => {
    signedIn("audit.sun");
    const calls = mockApi({
      "GET /api/v1/auth/me": () => json(auditor),
      "GET /api/v1/campaigns/:id": () => json(active),
      "GET /api/v1/campaigns/:id/members": (call) =>
        call.search.get("cursor") === "p2"
          ? json({ items: [memberFixture(3)], next_cursor: null })
          : json({ items: contacts, next_cursor: "p2" }),
    });
    renderCampaign();
    const user = userEvent.setup();
    await screen.findByTestId("campaign-members");
    expect(asked(memberCalls(calls)[0])).toEqual({ limit: "25" });
    expect(screen.queryByRole("form", { name: /Record the response/ })).toBeNull();
    expect(screen.queryByRole("columnheader", { name: "Record" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "More contacts" }));
    await waitFor(() => expect(asked(memberCalls(calls).at(-1)!)).toEqual({ limit: "25", cursor: "p2" }));
    // The next page is appended.
    expect(await screen.findByRole("link", { name: "Customer 3" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Customer 1" })).toBeInTheDocument();
  });
});

describe("changing and deleting a draft", () => {
  // A draft whose last day has passed: it cannot be launched until it has new dates.
  const stale = { ...draft, starts_on: "2020-01-01", ends_on: "2020-01-31" };

  function openDraft(routes: Record<string, (call: Call) => Response> = {}, campaign = () => stale) {
    signedIn("mkt.zhao");
    return mockApi({
      "GET /api/v1/auth/me": () => json(marketing),
      "GET /api/v1/campaigns/:id": () => json(campaign()),
      // Neither its product nor its segment need be in the pickers' lists: the draft's own are offered.
      "GET /api/v1/products": () => json({ items: [], next_cursor: null }),
      "GET /api/v1/segments": () => json({ items: [], next_cursor: null }),
      ...routes,
    });
  }
  const patches = (calls: Call[]) => calls.filter((c) => c.method === "PATCH");

  it("says a draft past its last day needs new dates, and sends only the dates changed", async () => {
    let current = stale;
    const calls = openDraft(
      { "PATCH /api/v1/campaigns/:id": (c) => json((current = { ...stale, ...(c.body as object) })) },
      () => current,
    );
    renderCampaign();
    const user = userEvent.setup();
    expect(await screen.findByTestId("campaign-past-end")).toHaveTextContent(
      "Its last day has passed: give it new dates (Edit) before launching it.",
    );
    await user.click(screen.getByRole("button", { name: "Edit" }));
    const form = await screen.findByRole("form", { name: "Change the draft" });
    const name = within(form).getByLabelText("Name");
    await waitFor(() => expect(name).toHaveFocus());
    expect(name).toHaveValue("Year-end time deposit drive");
    expect(within(form).getByLabelText("Product")).toHaveValue("TD-12M");
    expect(within(form).getByLabelText("Segment")).toHaveValue("5e000000-0000-4000-8000-000000000001");
    expect(within(form).getByLabelText("Control group (%)")).toHaveValue(10);
    expect(within(form).getByLabelText("First day")).toHaveValue("2020-01-01");
    expect(within(form).getByLabelText("Last day")).toHaveValue("2020-01-31");
    await user.clear(within(form).getByLabelText("First day"));
    await user.type(within(form).getByLabelText("First day"), "2099-01-01");
    await user.clear(within(form).getByLabelText("Last day"));
    await user.type(within(form).getByLabelText("Last day"), "2099-02-28");
    await user.click(within(form).getByRole("button", { name: "Save changes" }));

    const said = await screen.findByTestId("campaign-step-result");
    expect(said).toHaveTextContent("Draft saved.");
    await waitFor(() => expect(said).toHaveFocus());
    expect(patches(calls)).toHaveLength(1);
    expect(patches(calls)[0].path).toBe(`/api/v1/campaigns/${ID}`);
    expect(patches(calls)[0].body).toEqual({ starts_on: "2099-01-01", ends_on: "2099-02-28" });
    expect(screen.queryByRole("form", { name: "Change the draft" })).toBeNull();
    expect(screen.getByTestId("campaign-facts")).toHaveTextContent(
      `${formatDate("2099-01-01", "en")} – ${formatDate("2099-02-28", "en")}`,
    );
    expect(screen.queryByTestId("campaign-past-end")).toBeNull();
  });

  it("sends nothing when nothing was changed, an emptied description as none, and cancels", async () => {
    const calls = openDraft({ "PATCH /api/v1/campaigns/:id": () => json(stale) });
    renderCampaign();
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Edit" }));
    const form = await screen.findByRole("form", { name: "Change the draft" });
    await user.click(within(form).getByRole("button", { name: "Save changes" }));
    expect(await within(form).findByText("Nothing has been changed.")).toBeInTheDocument();
    expect(patches(calls)).toHaveLength(0);

    await user.clear(within(form).getByLabelText("Description"));
    await user.click(within(form).getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(patches(calls)).toHaveLength(1));
    expect(patches(calls)[0].body).toEqual({ description: null });

    await user.click(await screen.findByRole("button", { name: "Edit" }));
    await user.click(within(await screen.findByRole("form")).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("form")).toBeNull();
    await waitFor(() => expect(screen.getByRole("button", { name: "Edit" })).toHaveFocus());
  });

  it("puts the server's objection beside its field (422), and says so when launched meanwhile (409)", async () => {
    let launched = false;
    openDraft({
      "PATCH /api/v1/campaigns/:id": (c) =>
        (c.body as { name?: string }).name === "Later"
          ? ((launched = true), problem(409, "conflict", "campaign is active, not a draft"))
          : problem(422, "validation-error", "ends before it starts", [
              { field: "body.ends_on", message: "ends before it starts" },
            ]),
    });
    renderCampaign();
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Edit" }));
    const form = await screen.findByRole("form", { name: "Change the draft" });
    await user.clear(within(form).getByLabelText("Last day"));
    await user.type(within(form).getByLabelText("Last day"), "2020-02-15");
    await user.click(within(form).getByRole("button", { name: "Save changes" }));
    const last = within(form).getByLabelText("Last day");
    await waitFor(() => expect(last).toHaveAttribute("aria-invalid", "true"));
    expect(last).toHaveAccessibleDescription(/ends before it starts/);

    await user.clear(within(form).getByLabelText("Name"));
    await user.type(within(form).getByLabelText("Name"), "Later");
    await user.click(within(form).getByRole("button", { name: "Save changes" }));
    expect(await screen.findByTestId("campaign-step-result")).toHaveTextContent(
      "The campaign can no longer be changed (it has been launched meanwhile); it is shown as it is now.",
    );
    expect(launched).toBe(true);
    expect(screen.queryByRole("form", { name: "Change the draft" })).toBeNull();
  });

  it("deletes a draft only once confirmed, then goes back to the campaigns", async () => {
    const calls = openDraft({ "DELETE /api/v1/campaigns/:id": () => new Response(null, { status: 204 }) });
    renderCampaign();
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Delete draft…" }));
    const dialog = screen.getByRole("alertdialog", { name: "Delete this draft?" });
    expect(dialog).toHaveAccessibleDescription(
      "The draft is deleted for good. Nobody is in it yet, so no customer is affected.",
    );
    expect(within(dialog).getByRole("button", { name: "Delete now" })).toHaveFocus();
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(calls.some((c) => c.method === "DELETE")).toBe(false);

    await user.click(screen.getByRole("button", { name: "Delete draft…" }));
    await user.click(screen.getByRole("button", { name: "Delete now" }));
    await waitFor(() => expect(screen.getByTestId("where")).toHaveTextContent(/^\/campaigns$/));
    expect(calls.filter((c) => c.method === "DELETE").map((c) => c.path)).toEqual([`/api/v1/campaigns/${ID}`]);
  });

  it("says so when the draft was launched before it could be deleted (409), in Chinese", async () => {
    openDraft({
      "DELETE /api/v1/campaigns/:id": () => problem(409, "conflict", "campaign is active, not a draft"),
    });
    renderCampaign(`/campaigns/${ID}`, "zh-CN");
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "删除草稿…" }));
    await user.click(screen.getByRole("button", { name: "立即删除" }));
    const said = await screen.findByTestId("campaign-step-result");
    expect(said).toHaveTextContent("活动已无法删除（已被启动）；显示的是其当前状态。");
    expect(said).toHaveTextContent("campaign is active, not a draft");
    expect(screen.getByTestId("where")).toHaveTextContent(`/campaigns/${ID}`);
  });

  it("offers neither to a launched campaign, nor to a role that does not manage campaigns", async () => {
    signedIn("mkt.zhao");
    mockApi({
      "GET /api/v1/auth/me": () => json(marketing),
      "GET /api/v1/campaigns/:id": () => json(active),
      "GET /api/v1/campaigns/:id/members": () => json({ items: [], next_cursor: null }),
    });
    renderCampaign();
    await screen.findByRole("button", { name: "Close…" });
    expect(screen.queryByRole("button", { name: "Edit" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Delete draft…" })).toBeNull();
  });

  it("offers no editing to an auditor reading a draft", async () => {
    signedIn("audit.sun");
    mockApi({
      "GET /api/v1/auth/me": () => json(auditor),
      "GET /api/v1/campaigns/:id": () => json(stale),
    });
    renderCampaign();
    await screen.findByText("A draft: nobody is in it until it is launched.");
    expect(screen.queryByRole("button", { name: "Edit" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Delete draft…" })).toBeNull();
  });
});
