import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { Route, Routes, useLocation } from "react-router";
import type { Schemas } from "../api/client";
import { formatDateTime } from "../format";
import { renderApp, Who } from "../test/render";
import { json, me, mockApi, problem, signedIn, type Call } from "../test/server";
import { Layout } from "../components/Layout";
import { QuarantinePage } from "./Quarantine";

type Entry = Schemas["QuarantinedOut"];

const admin = { ...me, username: "admin", display_name: "Administrator", role: "admin", branch: null };
const auditor = { ...me, username: "audit.sun", display_name: "Sun Li", role: "auditor", branch: null };
const rm = me;

function entryFixture(over: Partial<Entry> = {}): Entry {
  return {
    id: "q0000000-0000-4000-8000-000000000001",
    channel: "teller",
    source_ref: "T-20261203-0007",
    status: "open",
    errors: [{ field: "amount", message: 'must be a decimal string such as "125.00", not a JSON number' }],
    event: {
      source_ref: "T-20261203-0007",
      type: "deposit",
      occurred_at: "2026-12-03T09:30:00+08:00",
      customer: { customer_number: "C0000000042" },
      account_number: "ACC-0001-2345",
      amount: 5000,
      currency: "CNY",
    },
    received_at: "2026-12-03T01:31:00+00:00",
    attempts: 1,
    resolved_at: null,
    resolved_by: null,
    resolution_note: null,
    ...over,
  };
}

// Newest first, as the server lists them: a call that ended without its call id and with a rating out of range, then
// a deposit whose amount was sent as a JSON number.
const call = entryFixture({
  id: "q0000000-0000-4000-8000-000000000002",
  channel: "call-center",
  source_ref: "CALL-5512-END",
  errors: [
    { field: "call_id", message: "is required for this event type" },
    { field: "satisfaction", message: "must be a whole number from 1 to 5" },
  ],
  event: {
    source_ref: "CALL-5512-END",
    type: "call_ended",
    occurred_at: "2026-12-03T10:14:31+08:00",
    customer: { phone: "+8613812345678" },
    satisfaction: 7,
  },
  received_at: "2026-12-03T02:15:00+00:00",
  attempts: 2,
});
const deposit = entryFixture();

function Where() {
  const location = useLocation();
  return <p data-testid="where">{location.pathname + location.search}</p>;
}

type Handler = (call: Call) => Response | Promise<Response>;

function open(
  who: { username: string; role: string },
  {
    url = "/quarantine",
    locale = "en",
    list = () => json({ items: [call, deposit], next_cursor: null }),
    replay = () => problem(500, "internal", "no fake replay"),
    discard = () => problem(500, "internal", "no fake discard"),
  }: { url?: string; locale?: "en" | "zh-CN"; list?: Handler; replay?: Handler; discard?: Handler } = {},
) {
  signedIn(who.username);
  const calls = mockApi({
    "GET /api/v1/auth/me": () => json(who),
    "GET /api/v1/feeds/quarantine": list,
    "POST /api/v1/feeds/quarantine/:id/replay": replay,
    "POST /api/v1/feeds/quarantine/:id/discard": discard,
  });
  renderApp(
    <>
      <Routes>
        <Route element={<Layout />}>
          <Route path="/quarantine" element={<QuarantinePage />} />
          <Route path="/" element={<p>My day</p>} />
        </Route>
      </Routes>
      <Where />
      <Who />
    </>,
    { url, locale },
  );
  return calls;
}

const listed = (calls: Call[]) => calls.filter((c) => c.method === "GET" && c.path === "/api/v1/feeds/quarantine");
const lastAsked = (calls: Call[]) => Object.fromEntries(listed(calls).at(-1)!.search.entries());
const posted = (calls: Call[]) => calls.filter((c) => c.method === "POST");
const row = (e: Entry) =>
  screen.getByTestId("quarantine-list").querySelector(`li[data-entry-id="${e.id}"]`) as HTMLElement;
const reasons = (scope: HTMLElement, label = "Reasons") =>
  within(within(scope).getByRole("list", { name: label }))
    .getAllByRole("listitem")
    .map((li) => [li.getAttribute("data-field"), li.textContent]);

async function openEditor(e: Entry) {
  const user = userEvent.setup();
  await screen.findByTestId("quarantine-list");
  await user.click(within(row(e)).getByRole("button", { name: "Correct or discard…" }));
  return { user, editor: within(row(e)).getByLabelText("Corrected event (JSON)") as HTMLTextAreaElement };
}

describe("the feed quarantine", () => {
  it("lists the open entries newest first, each with its channel, reference, time and its reasons by field", async () => {
    const calls = open(admin);
    const list = await screen.findByRole("list", { name: "Quarantined events" });
    expect(lastAsked(calls)).toEqual({ status: "open", limit: "25" });
    expect(screen.getByLabelText("Status")).toHaveValue("open");
    expect([...list.children].map((li) => li.getAttribute("data-entry-id"))).toEqual([call.id, deposit.id]);

    const first = row(call);
    expect(first).toHaveTextContent("Call center");
    expect(first).toHaveTextContent("CALL-5512-END");
    expect(within(first).getByText("Open")).toHaveAttribute("data-status", "open");
    expect(
      within(first)
        .getByText(/^Received/)
        .closest("time"),
    ).toHaveAttribute("datetime", call.received_at);
    expect(first).toHaveTextContent(`Received ${formatDateTime(call.received_at, "en")} · 2 attempts`);
    expect(reasons(first)).toEqual([
      ["call_id", "call_id is required for this event type"],
      ["satisfaction", "satisfaction must be a whole number from 1 to 5"],
    ]);
    expect(within(first).getByText("call_id")).toHaveClass("reason-field");

    const second = row(deposit);
    expect(second).toHaveTextContent("Teller");
    expect(second).not.toHaveTextContent("attempts");
    expect(reasons(second)).toEqual([
      ["amount", 'amount must be a decimal string such as "125.00", not a JSON number'],
    ]);

    // The stored event, formatted, once the entry is opened.
    await userEvent.setup().click(within(second).getByRole("button", { name: "Correct or discard…" }));
    expect(within(second).getByTestId("stored-event").textContent).toBe(JSON.stringify(deposit.event, null, 2));
    expect(within(second).getByLabelText("Corrected event (JSON)")).toHaveValue(JSON.stringify(deposit.event, null, 2));
    expect(screen.queryByRole("button", { name: "Load older entries" })).toBeNull();
  });

  it("shows a replayed or discarded entry with who resolved it and its note, and no editor", async () => {
    const done = entryFixture({
      status: "discarded",
      resolved_at: "2026-12-03T03:00:00+00:00",
      resolved_by: "admin",
      resolution_note: "test event sent by mistake",
    });
    open(admin, { url: "/quarantine?status=all", list: () => json({ items: [done], next_cursor: null }) });
    await screen.findByTestId("quarantine-list");
    const r = row(done);
    expect(within(r).getByText("Discarded")).toHaveAttribute("data-status", "discarded");
    expect(r).toHaveTextContent(`Discarded by admin on ${formatDateTime(done.resolved_at, "en")}`);
    expect(r).toHaveTextContent("Note: test event sent by mistake");
    expect(r).toHaveTextContent("It had been refused for:amount must be");
    await userEvent.setup().click(within(r).getByRole("button", { name: "Show the event" }));
    expect(within(r).getByTestId("stored-event")).toBeInTheDocument();
    expect(within(r).queryByLabelText("Corrected event (JSON)")).toBeNull();
    expect(within(r).queryByRole("button", { name: "Discard…" })).toBeNull();
  });

  it("sends the filters as query parameters and keeps them in the URL; Load older entries sends the cursor", async () => {
    const user = userEvent.setup();
    const calls = open(admin, {
      list: (c) =>
        c.search.get("cursor")
          ? json({ items: [entryFixture({ id: "q0000000-0000-4000-8000-000000000009" })], next_cursor: null })
          : json({ items: [call, deposit], next_cursor: "page-2" }),
    });
    await screen.findByTestId("quarantine-list");

    await user.selectOptions(screen.getByLabelText("Status"), "All");
    await waitFor(() => expect(lastAsked(calls)).toEqual({ limit: "25" }));
    await user.selectOptions(screen.getByLabelText("Channel"), "Teller");
    await waitFor(() => expect(lastAsked(calls)).toEqual({ channel: "teller", limit: "25" }));
    await user.type(screen.getByLabelText("Reason"), "amount{Enter}");
    await waitFor(() => expect(lastAsked(calls)).toEqual({ channel: "teller", reason: "amount", limit: "25" }));
    await user.type(screen.getByLabelText("Source reference"), "T-20261203-0007");
    await user.selectOptions(screen.getByLabelText("Status"), "Replayed");
    await user.click(screen.getByRole("button", { name: "Show" }));
    await waitFor(() =>
      expect(lastAsked(calls)).toEqual({
        status: "replayed",
        channel: "teller",
        reason: "amount",
        source_ref: "T-20261203-0007",
        limit: "25",
      }),
    );
    expect(screen.getByTestId("where")).toHaveTextContent(
      "/quarantine?status=replayed&channel=teller&reason=amount&source_ref=T-20261203-0007",
    );

    await user.click(await screen.findByRole("button", { name: "Load older entries" }));
    await waitFor(() => expect(lastAsked(calls).cursor).toBe("page-2"));
    await waitFor(() => expect(screen.getByTestId("quarantine-list").children).toHaveLength(3));
    expect(screen.queryByRole("button", { name: "Load older entries" })).toBeNull();
  });

  it("reads the filters from the URL, and says when nothing matches", async () => {
    const calls = open(admin, {
      url: "/quarantine?channel=card&reason=pan&status=bogus",
      list: () => json({ items: [], next_cursor: null }),
    });
    await screen.findByText("No entries match these filters.");
    expect(lastAsked(calls)).toEqual({ status: "open", channel: "card", reason: "pan", limit: "25" });
    expect(screen.getByLabelText("Reason")).toHaveValue("pan");
  });

  it("says where the corrected event is not JSON, and sends nothing", async () => {
    const calls = open(admin);
    const { user, editor } = await openEditor(deposit);
    // A comma forgotten after the amount: the currency's line is where the parser stops.
    const broken = JSON.stringify(deposit.event, null, 2).replace('"amount": 5000,', '"amount": "5000.00"');
    fireEvent.change(editor, { target: { value: broken } });
    await user.click(within(row(deposit)).getByRole("button", { name: "Replay as corrected" }));
    const said = within(row(deposit)).getByTestId("json-problem");
    const line = broken.split("\n").findIndex((l) => l.includes('"currency"')) + 1;
    expect(said).toHaveTextContent(
      `Not valid JSON at line ${line}, column 3: expected a comma or a closing }, found “"”.`,
    );
    expect(said).toHaveAttribute("role", "alert");
    expect(editor).toHaveAttribute("aria-invalid", "true");
    expect(editor).toHaveFocus();
    expect(editor.selectionStart).toBe(broken.indexOf('"currency"'));

    // Not an object, and nothing at all, are said too; typing clears the message.
    fireEvent.change(editor, { target: { value: "[1, 2]" } });
    expect(within(row(deposit)).queryByTestId("json-problem")).toBeNull();
    await user.click(within(row(deposit)).getByRole("button", { name: "Replay as corrected" }));
    expect(within(row(deposit)).getByTestId("json-problem")).toHaveTextContent(
      "The event must be a JSON object {…}, not a list or a single value.",
    );
    fireEvent.change(editor, { target: { value: "  " } });
    await user.click(within(row(deposit)).getByRole("button", { name: "Replay as corrected" }));
    expect(within(row(deposit)).getByTestId("json-problem")).toHaveTextContent("The event is empty");
    expect(posted(calls)).toHaveLength(0);

    // Undo brings back the stored event.
    await user.click(within(row(deposit)).getByRole("button", { name: "Undo my changes" }));
    expect(editor).toHaveValue(JSON.stringify(deposit.event, null, 2));
  });

  it("replays the corrected event; still refused, the entry stays open and the new reasons are marked by field", async () => {
    const corrected = { ...(call.event as Record<string, unknown>), call_id: "5512" };
    const stillOpen = entryFixture({
      ...call,
      event: corrected,
      errors: [
        { field: "satisfaction", message: "must be a whole number from 1 to 5" },
        { field: "ani", message: "is not an E.164 phone number (e.g. +8613812345678)" },
      ],
      attempts: 3,
      received_at: "2026-12-03T03:00:00+00:00",
    });
    const calls = open(admin, {
      replay: () =>
        json({
          entry: stillOpen,
          result: { index: 0, source_ref: call.source_ref, status: "rejected", errors: stillOpen.errors },
        }),
    });
    const { user, editor } = await openEditor(call);
    fireEvent.change(editor, { target: { value: JSON.stringify(corrected, null, 2) } });
    await user.click(within(row(call)).getByRole("button", { name: "Replay as corrected" }));

    const outcome = await within(row(call)).findByTestId("replay-outcome");
    const [sent] = posted(calls);
    expect(sent.path).toBe(`/api/v1/feeds/quarantine/${call.id}/replay`);
    expect(sent.body).toEqual({ event: corrected });
    expect(outcome).toHaveTextContent(
      "Still refused: the entry stays open (attempt 3) with these reasons. Correct them and replay again.",
    );
    expect(reasons(outcome, "The replay's reasons")).toEqual([
      ["satisfaction", "satisfaction must be a whole number from 1 to 5"],
      ["ani", "ani is not an E.164 phone number (e.g. +8613812345678)new"],
    ]);
    expect(within(outcome).getByText("ani").closest("li")).toHaveClass("new");
    expect(within(outcome).getByText("satisfaction").closest("li")).not.toHaveClass("new");
    expect(outcome).toHaveTextContent("No longer refused: call_id.");
    expect(outcome).toHaveFocus();
    // The entry itself now carries the new reasons, and is still open with the editor as typed.
    const r = row(call);
    expect(within(r).getByText("Open")).toHaveAttribute("data-status", "open");
    expect(reasons(r)).toEqual([
      ["satisfaction", "satisfaction must be a whole number from 1 to 5"],
      ["ani", "ani is not an E.164 phone number (e.g. +8613812345678)"],
    ]);
    expect(r).toHaveTextContent("3 attempts");
    expect(within(r).getByLabelText("Corrected event (JSON)")).toHaveValue(JSON.stringify(corrected, null, 2));
  });

  it("replays an event as stored; applied, the entry is marked replayed and the editor is gone", async () => {
    const replayed = entryFixture({
      status: "replayed",
      resolved_at: "2026-12-03T03:05:00+00:00",
      resolved_by: "admin",
      resolution_note: "replayed: accepted",
    });
    const calls = open(admin, {
      replay: () =>
        json({
          entry: replayed,
          result: { index: 0, source_ref: deposit.source_ref, status: "accepted", errors: null },
        }),
    });
    const { user } = await openEditor(deposit);
    await user.click(within(row(deposit)).getByRole("button", { name: "Replay as stored" }));
    const outcome = await within(row(deposit)).findByTestId("replay-outcome");
    expect(posted(calls)[0].body).toEqual({});
    expect(outcome).toHaveTextContent(
      "Applied: the event is in its customer's timeline now, and the entry is marked replayed.",
    );
    expect(outcome).toHaveClass("ok");
    const r = row(deposit);
    expect(within(r).getByText("Replayed")).toHaveAttribute("data-status", "replayed");
    expect(r).toHaveTextContent(`Replayed by admin on ${formatDateTime(replayed.resolved_at, "en")}`);
    expect(within(r).queryByLabelText("Corrected event (JSON)")).toBeNull();
    expect(within(r).getByRole("button", { name: "Show the event" })).toHaveAttribute("aria-expanded", "false");
  });

  it("after a 409 says the entry was already replayed or discarded, and shows it as it is now", async () => {
    const elsewhere = entryFixture({
      status: "replayed",
      resolved_at: "2026-12-03T03:05:00+00:00",
      resolved_by: "key:teller-feed",
      resolution_note: "replayed: accepted",
    });
    const calls = open(admin, {
      list: (c) =>
        c.search.get("source_ref")
          ? json({ items: [elsewhere], next_cursor: null })
          : json({ items: [call, deposit], next_cursor: null }),
      replay: () => problem(409, "conflict", "the entry was already replayed"),
    });
    const { user } = await openEditor(deposit);
    await user.click(within(row(deposit)).getByRole("button", { name: "Replay as corrected" }));
    const outcome = await within(row(deposit)).findByTestId("replay-outcome");
    expect(outcome).toHaveTextContent(
      "This event was already replayed or discarded (by someone else, or by the partner's system): it is shown as it is now.",
    );
    expect(outcome).toHaveTextContent("the entry was already replayed");
    // The entry is read again by its channel and reference, and shown as it is now.
    await waitFor(() =>
      expect(lastAsked(calls)).toEqual({ channel: "teller", source_ref: deposit.source_ref, limit: "100" }),
    );
    await waitFor(() => expect(within(row(deposit)).getByText("Replayed")).toBeInTheDocument());
    expect(row(deposit)).toHaveTextContent("Replayed by key:teller-feed");
    expect(within(row(deposit)).queryByLabelText("Corrected event (JSON)")).toBeNull();
  });

  it("shows any other problem of a replay as the SPA does", async () => {
    open(admin, {
      replay: () =>
        problem(422, "validation-error", "invalid input", [{ field: "body.event", message: "must be an object" }]),
    });
    const { user } = await openEditor(deposit);
    await user.click(within(row(deposit)).getByRole("button", { name: "Replay as corrected" }));
    const alert = await within(row(deposit)).findByRole("alert");
    expect(alert).toHaveTextContent("Some fields are not valid.");
    expect(alert).toHaveTextContent("body.event: must be an object");
    expect(within(row(deposit)).queryByTestId("replay-outcome")).toBeNull();
  });

  it("discards only with a reason, once confirmed", async () => {
    const discarded = entryFixture({
      status: "discarded",
      resolved_at: "2026-12-03T03:10:00+00:00",
      resolved_by: "admin",
      resolution_note: "test event sent by mistake",
    });
    const calls = open(admin, { discard: () => json(discarded) });
    const { user } = await openEditor(deposit);
    const r = row(deposit);
    const reason = within(r).getByLabelText("Why discard it");

    // No reason: the button asks for one, and no confirmation opens.
    await user.click(within(r).getByRole("button", { name: "Discard…" }));
    expect(within(r).getByText("Say why the event is discarded first.")).toHaveAttribute("role", "alert");
    expect(reason).toHaveFocus();
    expect(reason).toHaveAttribute("aria-invalid", "true");
    expect(within(r).queryByRole("alertdialog")).toBeNull();

    // With a reason: the confirmation says what discarding does; Cancel sends nothing.
    await user.type(reason, "test event sent by mistake");
    expect(within(r).queryByText("Say why the event is discarded first.")).toBeNull();
    await user.click(within(r).getByRole("button", { name: "Discard…" }));
    let dialog = within(r).getByRole("alertdialog", { name: "Discard this event?" });
    expect(dialog).toHaveAccessibleDescription(
      "It will never be applied, and the entry leaves the open list. The reason is kept with it: “test event sent by mistake”.",
    );
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(posted(calls)).toHaveLength(0);

    await user.click(within(r).getByRole("button", { name: "Discard…" }));
    dialog = within(r).getByRole("alertdialog", { name: "Discard this event?" });
    await user.click(within(dialog).getByRole("button", { name: "Discard the event" }));
    const outcome = await within(r).findByTestId("replay-outcome");
    expect(posted(calls)).toHaveLength(1);
    expect(posted(calls)[0].path).toBe(`/api/v1/feeds/quarantine/${deposit.id}/discard`);
    expect(posted(calls)[0].body).toEqual({ reason: "test event sent by mistake" });
    expect(outcome).toHaveTextContent("Discarded: the event will not be applied; the reason is kept with it.");
    expect(within(r).getByText("Discarded")).toHaveAttribute("data-status", "discarded");
    expect(r).toHaveTextContent("Note: test event sent by mistake");
  });

  it("a discard refused with 409 says so and shows the entry as it is now", async () => {
    const elsewhere = entryFixture({
      status: "replayed",
      resolved_at: "2026-12-03T03:05:00+00:00",
      resolved_by: "rm.admin2",
    });
    open(admin, {
      list: (c) =>
        c.search.get("source_ref")
          ? json({ items: [elsewhere], next_cursor: null })
          : json({ items: [deposit], next_cursor: null }),
      discard: () => problem(409, "conflict", "the entry was already replayed"),
    });
    const { user } = await openEditor(deposit);
    const r = row(deposit);
    await user.type(within(r).getByLabelText("Why discard it"), "duplicate of T-0006");
    await user.click(within(r).getByRole("button", { name: "Discard…" }));
    await user.click(within(r).getByRole("button", { name: "Discard the event" }));
    const outcome = await within(r).findByTestId("replay-outcome");
    expect(outcome).toHaveTextContent("This event was already replayed or discarded");
    expect(outcome).toHaveTextContent("the entry was already replayed");
    await waitFor(() => expect(within(row(deposit)).getByText("Replayed")).toBeInTheDocument());
    expect(within(row(deposit)).queryByRole("alertdialog")).toBeNull();
  });

  it("in Chinese", async () => {
    open(admin, { locale: "zh-CN" });
    const nav = await screen.findByRole("navigation");
    expect(await within(nav).findByRole("link", { name: "接入隔离区" })).toHaveAttribute("href", "/quarantine");
    await screen.findByRole("heading", { name: "接入隔离区" });
    const r = (await screen.findByTestId("quarantine-list")).firstElementChild as HTMLElement;
    expect(r).toHaveTextContent("客服中心");
    expect(within(r).getByText("待处理")).toBeInTheDocument();
    await userEvent.setup().click(within(r).getByRole("button", { name: "修正或作废…" }));
    const editor = within(r).getByLabelText("修正后的事件（JSON）");
    fireEvent.change(editor, { target: { value: '{"a": 1' } });
    await userEvent.setup().click(within(r).getByRole("button", { name: "按修正重放" }));
    expect(within(r).getByTestId("json-problem")).toHaveTextContent(
      "第 1 行第 8 列不是有效的 JSON：此处应为逗号或右花括号 }，实际是文本结尾。",
    );
  });
});

describe("the feed quarantine's place in the navigation", () => {
  it("is offered to admins", async () => {
    open(admin);
    const nav = await screen.findByRole("navigation", { name: "Main" });
    expect(await within(nav).findByRole("link", { name: "Feed quarantine" })).toHaveAttribute("href", "/quarantine");
  });

  it.each([
    ["an RM", rm],
    ["an auditor", auditor],
    ["marketing", { ...me, username: "mkt.zhao", role: "marketing", branch: null }],
    ["an agent", { ...me, username: "agent.chen", role: "agent", branch: null }],
  ])("is not offered to %s, and the page asks nothing of the API", async (_, who) => {
    const calls = open(who);
    await waitFor(() => expect(screen.getByTestId("who")).toHaveTextContent(who.role));
    const nav = screen.getByRole("navigation", { name: "Main" });
    expect(within(nav).queryByRole("link", { name: "Feed quarantine" })).toBeNull();
    expect(screen.getByText("Only administrators work the feed quarantine.")).toBeInTheDocument();
    expect(listed(calls)).toHaveLength(0);
  });
});
