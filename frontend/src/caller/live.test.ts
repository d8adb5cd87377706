import { describe, expect, it } from "vitest";
import { callerContextFixture, interactionFixture } from "../test/fixtures";
import { isNews, type Shown } from "./live";

function shown(): Shown {
  const c = callerContextFixture();
  return { interactions: c.recent_interactions, alerts: c.alerts, holdings: c.holdings };
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

  it("ignores what it cannot read", () => {
    expect(isNews(shown(), "interaction", { summary: "no id" })).toBe(false);
    expect(isNews(shown(), "something-else", { id: "x" })).toBe(false);
  });
});
