import { describe, expect, it } from "vitest";
import { callerContextFixture, contextCaseFixture, interactionFixture } from "../test/fixtures";
import {
  arrive,
  isNews,
  NO_ARRIVALS,
  openAlerts,
  withAlerts,
  withCases,
  type ContextAlert,
  type ContextCase,
  type Shown,
} from "./live";

function shown(): Shown {
  const c = callerContextFixture();
  return { interactions: c.recent_interactions, alerts: c.alerts, holdings: c.holdings, cases: c.open_cases };
}

describe("telling news from the stream's replay", () => {
  it("knows interactions and alerts on the screen by their ids", () => {
    const s = shown();
    expect(isNews(s, "interaction", s.interactions[3])).toBe(false);
    expect(isNews(s, "interaction", interactionFixture(500))).toBe(true);
    expect(isNews(s, "alert", s.alerts[0])).toBe(false);
    expect(isNews(s, "alert", { ...s.alerts[0], id: "9f9f9f9f-0000-4000-8000-000000000001" })).toBe(true);
  });

  it("compares balances as amounts, not as text, and notices a closed holding", () => {
    const s = shown();
    const h = s.holdings[0];
    expect(isNews(s, "balance", { ...h, balance: `${h.balance}00` })).toBe(false);
    expect(isNews(s, "balance", { ...h, balance: "0.01" })).toBe(true);
    expect(isNews(s, "balance", { ...h, status: "closed" })).toBe(true);
    expect(isNews(s, "balance", { ...h, id: "8e8e8e8e-0000-4000-8000-000000000002" })).toBe(true);
    expect(isNews(s, "balance", { ...h, id: "8e8e8e8e-0000-4000-8000-000000000003", status: "closed" })).toBe(false);
  });

  it("tells a case opened or closed meanwhile from the replay's open cases already on the screen", () => {
    const s = shown();
    const [open] = s.cases as ContextCase[];
    // Replayed as it is shown (open): not news.
    expect(isNews(s, "case", open)).toBe(false);
    // The same case, now closed (by another agent, by the RM): news.
    expect(isNews(s, "case", closedCase(open))).toBe(true);
    // A case the screen does not show (the complaint the call just logged): news.
    expect(isNews(s, "case", newComplaint())).toBe(true);
    // Once the screen shows it closed, the same close told again is not.
    expect(isNews({ ...s, cases: [closedCase(open)] }, "case", closedCase(open))).toBe(false);
  });

  it("tells an alert acknowledged or resolved meanwhile from the same alert replayed as it is shown", () => {
    const s = shown();
    const [open] = s.alerts;
    // Replayed as it is shown (open): not news.
    expect(isNews(s, "alert", { ...open })).toBe(false);
    // The same alert, taken by an RM or resolved: news.
    expect(isNews(s, "alert", { ...open, status: "acknowledged" })).toBe(true);
    expect(isNews(s, "alert", { ...open, status: "resolved" })).toBe(true);
    // Once the screen has it so, the same change told again is not.
    expect(isNews({ ...s, alerts: [{ ...open, status: "resolved" }] }, "alert", { ...open, status: "resolved" })).toBe(
      false,
    );
    // An alert the screen never showed, already resolved: nothing to show or take away.
    expect(isNews(s, "alert", { ...open, id: "9f9f9f9f-0000-4000-8000-000000000002", status: "resolved" })).toBe(false);
  });

  it("ignores what it cannot read", () => {
    expect(isNews(shown(), "interaction", { summary: "no id" })).toBe(false);
    expect(isNews(shown(), "something-else", { id: "x" })).toBe(false);
  });
});

const NEW_CASE_ID = contextCaseFixture().id;
const newComplaint = (over: Partial<ContextCase> = {}): ContextCase => contextCaseFixture(over);

function closedCase(c: ContextCase): ContextCase {
  return {
    ...c,
    status: "closed",
    overdue: false,
    closed_at: "2026-11-28T11:00:00+00:00",
    resolution: "Refunded the second fee",
    satisfaction: 4,
  };
}

describe("cases from the stream", () => {
  it("keeps the latest event of each case, newest first", () => {
    const [read] = callerContextFixture().open_cases;
    let a = arrive(NO_ARRIVALS, "case", newComplaint());
    a = arrive(a, "case", read);
    expect(a.cases.map((c) => c.id)).toEqual([read.id, NEW_CASE_ID]);
    // The new complaint closed: one entry for it, now closed, on top.
    a = arrive(a, "case", closedCase(newComplaint()));
    expect(a.cases.map((c) => [c.id, c.status])).toEqual([
      [NEW_CASE_ID, "closed"],
      [read.id, "open"],
    ]);
    expect(a.cases[0].resolution).toBe("Refunded the second fee");
    // The other kinds are left as they were; an event without an id changes nothing.
    expect(a.interactions).toEqual([]);
    expect(arrive(a, "case", { subject: "no id" })).toBe(a);
  });

  it("replaces a case read with the one that arrived, and adds a case first heard of on the stream", () => {
    const [read] = callerContextFixture().open_cases;
    // The case as the cases list reads it, with what the context's cases do not carry.
    const logged = { ...read, opened_by_username: "agent.chen", source_ref: "CC-20261119-0042" };
    const cases = withCases([logged], [newComplaint(), closedCase({ ...read, opened_by_username: "agent.chen" })]);
    expect(cases).toHaveLength(2);
    expect(cases[0]).toMatchObject({
      id: read.id,
      status: "closed",
      resolution: "Refunded the second fee",
      opened_by_username: "agent.chen",
      source_ref: "CC-20261119-0042", // what only the read one said is kept
    });
    expect(cases[1]).toEqual(newComplaint());
    expect(withCases([read], [])).toEqual([read]);
  });
});

describe("alerts from the stream", () => {
  const [read] = callerContextFixture().alerts;
  const raised = (over: Partial<ContextAlert> = {}): ContextAlert => ({
    ...read,
    id: "2a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
    kind: "complaint",
    title: "Complaint to the call center on 2026-11-28",
    raised_at: "2026-11-28T10:00:05+00:00",
    data: {},
    ...over,
  });

  it("keeps the latest event of each alert where its first one stood", () => {
    let a = arrive(NO_ARRIVALS, "alert", { ...read, status: "acknowledged" });
    a = arrive(a, "alert", raised());
    expect(a.alerts.map((x) => [x.id, x.status])).toEqual([
      [raised().id, "open"],
      [read.id, "acknowledged"],
    ]);
    a = arrive(a, "alert", { ...read, status: "resolved" });
    expect(a.alerts.map((x) => [x.id, x.status])).toEqual([
      [raised().id, "open"],
      [read.id, "resolved"],
    ]);
  });

  it("replaces an alert read in place, puts one raised meanwhile on top, and lists the unresolved", () => {
    const other = { ...read, id: "1a2b3c4d-0000-4000-8000-000000000009" };
    const { data, ...noFigures } = read; // an older server's event: no figures
    const alerts = withAlerts([read, other], [raised(), { ...noFigures, status: "acknowledged" } as ContextAlert]);
    expect(alerts.map((x) => [x.id, x.status])).toEqual([
      [raised().id, "open"],
      [read.id, "acknowledged"],
      [other.id, "open"],
    ]);
    expect(alerts[1].data).toEqual(data); // what only the read one said is kept
    const resolved = withAlerts([read, other], [{ ...read, status: "resolved" }]);
    expect(resolved).toHaveLength(2);
    expect(openAlerts(resolved).map((x) => x.id)).toEqual([other.id]);
  });
});
