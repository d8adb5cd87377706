import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { Route, Routes } from "react-router";
import { formatDateTime } from "../format";
import { renderApp, Who } from "../test/render";
import { callerContextFixture, caseFixture, customerFixture } from "../test/fixtures";
import { json, me, mockApi, problem, signedIn, type Call } from "../test/server";
import { Customer360Page } from "../pages/Customer360";
import { CallerPage } from "../pages/Caller";

const customer = customerFixture();
const agent = { ...me, username: "agent.chen", display_name: "Chen Jing", role: "agent", branch: null };
const PHONE = "+8613812345678";
const SUBJECT = "Replacement debit card, the old one is worn";

/** The service request as the server answers POST /cases: opened now by whoever logged it, due in 5 days. */
function logged(over: Partial<Parameters<typeof caseFixture>[0]> = {}) {
  return caseFixture({
    id: "c0000000-0000-4000-8000-000000000001",
    customer: { id: customer.id, customer_number: customer.customer_number, display_name: customer.display_name },
    kind: "service_request",
    subject: SUBJECT,
    channel: "teller",
    opened_at: "2026-11-28T09:00:00+00:00",
    opened_by: me.id,
    opened_by_username: "rm.li",
    sla_due_at: "2026-12-03T09:00:00+00:00",
    overdue: false,
    source_ref: null,
    ...over,
  });
}

const casesCalls = (calls: Call[]) => calls.filter((c) => c.method === "GET" && c.path === "/api/v1/cases");
const posts = (calls: Call[]) => calls.filter((c) => c.method === "POST");

/** The 360 view of one customer, with no cases to begin with; `post` answers POST /cases. */
function open360(post: (call: Call) => Response, { role = "rm", locale = "en" as "en" | "zh-CN" } = {}) {
  signedIn();
  let saved: ReturnType<typeof caseFixture> | null = null;
  const calls = mockApi({
    "GET /api/v1/auth/me": () => json({ ...me, role }),
    "GET /api/v1/customers/:id": () => json(customer, 200, { ETag: '"v3"' }),
    "GET /api/v1/customers/:id/holdings": () => json({ items: [] }),
    "GET /api/v1/customers/:id/timeline": () => json({ items: [], next_cursor: null }),
    "GET /api/v1/alerts": () => json({ items: [], next_cursor: null }),
    "GET /api/v1/cases": () => json({ items: saved ? [saved] : [], next_cursor: null }),
    "POST /api/v1/cases": (call) => {
      const answer = post(call);
      if (answer.status === 201) saved = logged();
      return answer;
    },
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

async function casesPanel(name = "Complaints and service requests") {
  const panel = await screen.findByRole("region", { name });
  return panel;
}

describe("logging a service request on the 360 view", () => {
  it("sends the subject and where the customer asked, then shows the request and when it is due", async () => {
    const calls = open360(() => json(logged(), 201));
    const user = userEvent.setup();
    const panel = await casesPanel();
    expect(await within(panel).findByText("No complaints or service requests for this customer.")).toBeInTheDocument();
    const opener = within(panel).getByRole("button", { name: "Log a service request or complaint" });
    await user.click(opener);
    expect(opener).toHaveAttribute("aria-expanded", "true");
    const form = within(panel).getByRole("form", { name: "Log a service request" });
    const subject = within(form).getByLabelText("What the customer asked for");
    expect(subject).toHaveFocus();
    expect(subject).toBeRequired();
    expect(subject).toHaveAttribute("maxLength", "256");
    // A service request unless a complaint is chosen; at a branch the customer most often asks at the counter.
    expect(within(form).getByRole("radio", { name: "Service request" })).toBeChecked();
    expect(within(form).getByRole("radio", { name: "Complaint" })).not.toBeChecked();
    const channel = within(form).getByLabelText("Where they asked");
    expect(channel).toHaveDisplayValue("Teller");
    expect(
      within(channel)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["Teller", "Call center", "Online banking", "RM visit", "Phone", "Email"]);
    await user.type(subject, SUBJECT);
    await user.click(within(form).getByRole("button", { name: "Save" }));

    const said = await within(panel).findByTestId("case-logged");
    expect(said).toHaveTextContent(
      `Service request logged. It is due ${formatDateTime("2026-12-03T09:00:00+00:00", "en")}.`,
    );
    expect(said).toHaveFocus();
    expect(said.closest("[aria-live]")).toHaveAttribute("aria-live", "polite");
    expect(within(panel).queryByRole("form")).toBeNull();
    expect(posts(calls)).toHaveLength(1);
    expect(posts(calls)[0].path).toBe("/api/v1/cases");
    expect(posts(calls)[0].body).toEqual({
      customer_id: customer.id,
      kind: "service_request",
      subject: SUBJECT,
      channel: "teller",
    });
    // The list was read again and shows it, as the server has it.
    await waitFor(() => expect(casesCalls(calls)).toHaveLength(2));
    const item = (await within(panel).findByText(SUBJECT)).closest("li")!;
    expect(item).toHaveTextContent("Service request");
    expect(item).toHaveTextContent("Teller");
    expect(item).toHaveTextContent(`Opened ${formatDateTime("2026-11-28T09:00:00+00:00", "en")} by rm.li`);
    expect(within(item).getByText("Open")).toHaveAttribute("data-status", "open");
  });

  it("sends the channel chosen, and cancels without sending", async () => {
    const calls = open360((call) => json(logged({ channel: (call.body as { channel: string }).channel }), 201));
    const user = userEvent.setup();
    const panel = await casesPanel();
    const opener = await within(panel).findByRole("button", { name: "Log a service request or complaint" });
    await user.click(opener);
    await user.type(within(panel).getByLabelText("What the customer asked for"), "Will not be sent");
    await user.click(within(panel).getByRole("button", { name: "Cancel" }));
    expect(within(panel).queryByRole("form")).toBeNull();
    expect(opener).toHaveFocus();
    expect(opener).toHaveAttribute("aria-expanded", "false");

    // Opened again: empty, and Escape closes it too.
    await user.click(opener);
    expect(within(panel).getByLabelText("What the customer asked for")).toHaveValue("");
    await user.keyboard("{Escape}");
    expect(within(panel).queryByRole("form")).toBeNull();
    expect(posts(calls)).toHaveLength(0);

    await user.click(opener);
    await user.type(within(panel).getByLabelText("What the customer asked for"), SUBJECT);
    await user.selectOptions(within(panel).getByLabelText("Where they asked"), "Phone");
    await user.click(within(panel).getByRole("button", { name: "Save" }));
    await within(panel).findByTestId("case-logged");
    expect(posts(calls)).toHaveLength(1);
    expect(posts(calls)[0].body).toMatchObject({ subject: SUBJECT, channel: "phone" });
  });

  it("puts the server's objection beside the subject (422), in the user's language, until it is changed", async () => {
    const calls = open360(
      () =>
        problem(422, "validation-error", "subject: say what the customer asked for", [
          { field: "body.subject", message: "say what the customer asked for" },
        ]),
      { locale: "zh-CN" },
    );
    const user = userEvent.setup();
    const panel = await casesPanel("投诉与服务请求");
    await user.click(await within(panel).findByRole("button", { name: "登记服务请求或投诉" }));
    const subject = within(panel).getByLabelText("客户的请求");
    await user.type(subject, "   ");
    await user.click(within(panel).getByRole("button", { name: "保存" }));

    await waitFor(() => expect(subject).toHaveAttribute("aria-invalid", "true"));
    expect(subject).toHaveAccessibleDescription(
      /必填，最多 256 字。.*请填写客户的请求，最多 256 字。.*say what the customer asked for/,
    );
    expect(within(panel).getByRole("alert")).toHaveTextContent("请填写客户的请求，最多 256 字。");
    expect(within(panel).getByLabelText("受理渠道")).toHaveAttribute("aria-invalid", "false");
    // Still the form; nothing said it was logged; the list was not read again.
    expect(within(panel).getByRole("form")).toBeInTheDocument();
    expect(within(panel).queryByTestId("case-logged")).toBeNull();
    expect(casesCalls(calls)).toHaveLength(1);

    await user.type(subject, "补办借记卡");
    expect(subject).toHaveAttribute("aria-invalid", "false");
    expect(within(panel).queryByRole("alert")).toBeNull();
  });

  it("words any other refusal in a sentence beneath the form", async () => {
    open360(() => problem(404, "not-found", `customer ${customer.id} not found`));
    const user = userEvent.setup();
    const panel = await casesPanel();
    await user.click(await within(panel).findByRole("button", { name: "Log a service request or complaint" }));
    await user.type(within(panel).getByLabelText("What the customer asked for"), SUBJECT);
    await user.click(within(panel).getByRole("button", { name: "Save" }));
    expect(await within(panel).findByRole("alert")).toHaveTextContent(
      "Not found. It may not exist, or it is outside your portfolio.",
    );
    expect(within(panel).getByLabelText("What the customer asked for")).toHaveAttribute("aria-invalid", "false");
    expect(within(panel).getByRole("form")).toBeInTheDocument();
  });

  it("logs a complaint when chosen: its own words, due within 48 hours, and the RM's alerts read again", async () => {
    const complaint = logged({
      kind: "complaint",
      subject: "Rude service at the counter",
      sla_due_at: "2026-11-30T09:00:00+00:00",
    });
    const calls = open360(() => json(complaint, 201));
    const user = userEvent.setup();
    const panel = await casesPanel();
    await user.click(await within(panel).findByRole("button", { name: "Log a service request or complaint" }));
    await user.click(within(panel).getByRole("radio", { name: "Complaint" }));
    const form = within(panel).getByRole("form", { name: "Log a complaint" });
    expect(within(form).getByRole("group", { name: "What is it?" })).toHaveAccessibleDescription(
      "A service request is due within 5 days; a complaint within 48 hours, goes on the customer's timeline and alerts their RM.",
    );
    expect(within(form).queryByLabelText("What the customer asked for")).toBeNull();
    await user.type(within(form).getByLabelText("What the customer complains about"), "Rude service at the counter");
    const alertReads = calls.filter((c) => c.path === "/api/v1/alerts").length;
    await user.click(within(form).getByRole("button", { name: "Save" }));

    const said = await within(panel).findByTestId("case-logged");
    expect(said).toHaveTextContent(
      `Complaint logged. It is due ${formatDateTime("2026-11-30T09:00:00+00:00", "en")}; the customer's RM is alerted.`,
    );
    expect(said).toHaveFocus();
    expect(posts(calls)[0].body).toEqual({
      customer_id: customer.id,
      kind: "complaint",
      subject: "Rude service at the counter",
      channel: "teller",
    });
    await waitFor(() => expect(calls.filter((c) => c.path === "/api/v1/alerts").length).toBeGreaterThan(alertReads));
  });

  it("words the complaint form and its refusal in Chinese", async () => {
    open360(
      () => problem(422, "validation-error", "subject: too long", [{ field: "body.subject", message: "too long" }]),
      { locale: "zh-CN" },
    );
    const user = userEvent.setup();
    const panel = await casesPanel("投诉与服务请求");
    await user.click(await within(panel).findByRole("button", { name: "登记服务请求或投诉" }));
    await user.click(within(panel).getByRole("radio", { name: "投诉" }));
    const form = within(panel).getByRole("form", { name: "登记投诉" });
    const subject = within(form).getByLabelText("客户投诉的内容");
    await user.type(subject, "柜台服务态度差");
    await user.click(within(form).getByRole("button", { name: "保存" }));
    await waitFor(() => expect(subject).toHaveAttribute("aria-invalid", "true"));
    expect(within(panel).getByRole("alert")).toHaveTextContent("请写明客户投诉的内容，最多 256 字。");
  });

  it("is not offered to an auditor, who reads cases but does not work them", async () => {
    open360(() => json(logged(), 201), { role: "auditor" });
    const panel = await casesPanel();
    await waitFor(() => expect(screen.getByTestId("who")).toHaveTextContent("auditor"));
    expect(await within(panel).findByText("No complaints or service requests for this customer.")).toBeInTheDocument();
    expect(within(panel).queryByRole("button", { name: "Log a service request or complaint" })).toBeNull();
  });
});

describe("logging a service request on the Caller page", () => {
  it("presets the call center, and lists the request at once and after the caller is read again", async () => {
    signedIn("agent.chen");
    const context = callerContextFixture();
    const request = caseFixture({
      id: "c0000000-0000-4000-8000-000000000002",
      customer: {
        id: context.customer.id,
        customer_number: context.customer.customer_number,
        display_name: context.customer.display_name,
      },
      kind: "service_request",
      subject: "Send a copy of the October statement",
      channel: "call_center",
      opened_at: "2026-11-28T09:00:00+00:00",
      opened_by: agent.id,
      opened_by_username: "agent.chen",
      sla_due_at: "2026-12-03T09:00:00+00:00",
      overdue: false,
      source_ref: null,
    });
    let saved = false;
    // The caller's second read is held until the test lets it answer: the request must show before it.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const calls = mockApi({
      "GET /api/v1/auth/me": () => json(agent),
      "GET /api/v1/contact-center/context": async () => {
        if (saved) await held;
        return json(
          saved
            ? callerContextFixture({
                open_cases: [
                  ...context.open_cases,
                  {
                    id: request.id,
                    kind: "service_request" as const,
                    status: "open",
                    subject: request.subject,
                    channel: request.channel,
                    opened_at: request.opened_at,
                    sla_due_at: request.sla_due_at,
                    overdue: false,
                    closed_at: null,
                    resolution: null,
                    satisfaction: null,
                    opened_by_username: request.opened_by_username,
                  },
                ],
              })
            : context,
        );
      },
      "GET /api/v1/contact-center/stream": () => new Response(null, { status: 503 }),
      "POST /api/v1/cases": () => ((saved = true), json(request, 201)),
    });
    renderApp(
      <Routes>
        <Route path="/call" element={<CallerPage />} />
      </Routes>,
      { url: `/call?phone=${encodeURIComponent(PHONE)}` },
    );
    const user = userEvent.setup();
    const panel = await screen.findByRole("region", { name: "Open cases and complaints" });
    await within(panel).findByText("Charged twice for annual card fee");
    await user.click(within(panel).getByRole("button", { name: "Log a service request or complaint" }));
    expect(within(panel).getByLabelText("Where they asked")).toHaveDisplayValue("Call center");
    await user.type(
      within(panel).getByLabelText("What the customer asked for"),
      "Send a copy of the October statement",
    );
    await user.click(within(panel).getByRole("button", { name: "Save" }));

    expect(await within(panel).findByTestId("case-logged")).toHaveTextContent(
      `Service request logged. It is due ${formatDateTime("2026-12-03T09:00:00+00:00", "en")}.`,
    );
    expect(posts(calls)[0].body).toEqual({
      customer_id: context.customer.id,
      kind: "service_request",
      subject: "Send a copy of the October statement",
      channel: "call_center",
    });
    // Shown from the server's answer, while the caller is being read again.
    const list = within(panel).getByTestId("caller-cases");
    const item = within(list).getByText("Send a copy of the October statement").closest("li")!;
    expect(item).toHaveTextContent("Service request");
    expect(item).toHaveTextContent("Call center");
    expect(item).toHaveTextContent("by agent.chen");
    expect(within(item).getByText("Open")).toHaveAttribute("data-status", "open");
    await waitFor(() => expect(calls.filter((c) => c.path === "/api/v1/contact-center/context")).toHaveLength(2));
    expect(within(list).getAllByRole("listitem")).toHaveLength(2);
    // The caller read again lists it too: still listed once, beside the complaint, still saying who logged it.
    release();
    await waitFor(() => expect(screen.getByTestId("caller-cases")).toHaveTextContent("Send a copy"));
    await new Promise((r) => setTimeout(r, 50)); // the second read's answer, rendered
    const after = screen.getByTestId("caller-cases");
    expect(within(after).getAllByRole("listitem")).toHaveLength(2);
    expect(within(after).getAllByText("Send a copy of the October statement")).toHaveLength(1);
    expect(within(after).getByText("Charged twice for annual card fee")).toBeInTheDocument();
    expect(within(after).getByText("Send a copy of the October statement").closest("li")).toHaveTextContent(
      "by agent.chen",
    );
  });
});
