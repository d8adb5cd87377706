import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditFiltersFrom, auditQuery, detailLine, localDayStart, outcomeKind } from "./api";

describe("local days as RFC 3339 with the browser's offset", () => {
  let zone: string | undefined;
  beforeEach(() => {
    zone = process.env.TZ;
  });
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it("in Beijing, +08:00", () => {
    process.env.TZ = "Asia/Shanghai";
    expect(localDayStart("2026-11-30")).toBe("2026-11-30T00:00:00+08:00");
    // The day after the last: the month and the year roll over.
    expect(localDayStart("2026-12-31", 1)).toBe("2027-01-01T00:00:00+08:00");
  });

  it("west of Greenwich, with the offset of the day asked about (summer time or not)", () => {
    process.env.TZ = "America/New_York";
    expect(localDayStart("2026-07-01")).toBe("2026-07-01T00:00:00-04:00");
    expect(localDayStart("2026-12-01")).toBe("2026-12-01T00:00:00-05:00");
    expect(Date.parse(localDayStart("2026-12-01"))).toBe(Date.parse("2026-12-01T05:00:00Z"));
  });

  it("in a zone half an hour off the hour", () => {
    process.env.TZ = "Asia/Kolkata";
    expect(localDayStart("2026-11-30", 1)).toBe("2026-12-01T00:00:00+05:30");
  });

  it("the filters become since (the From day's start) and until (the start of the day after To)", () => {
    process.env.TZ = "Asia/Shanghai";
    const filters = auditFiltersFrom(new URLSearchParams("from=2026-11-01&to=2026-11-30&action=reveal&actor=rm.li"));
    expect(auditQuery(filters)).toEqual({
      customer_id: undefined,
      actor: "rm.li",
      action: "reveal",
      since: "2026-11-01T00:00:00+08:00",
      until: "2026-12-01T00:00:00+08:00",
    });
  });
});

describe("the filters in the URL", () => {
  it("leave out what the server would refuse", () => {
    expect(auditFiltersFrom(new URLSearchParams("action=peek&from=yesterday&to=2026-13-45"))).toEqual({
      customer: "",
      actor: "",
      action: "",
      from: "",
      to: "",
    });
  });
});

describe("an entry in a line", () => {
  it("words the detail and the outcome", () => {
    expect(detailLine({ filters: { action: "read", since: "2026-11-01T00:00:00+08:00" } })).toBe(
      "filters: action=read, since=2026-11-01T00:00:00+08:00",
    );
    expect(detailLine({ reason: "locked", call_id: "CALL-1" })).toBe("reason: locked; call_id: CALL-1");
    expect(detailLine({ note: "x".repeat(300) }, 20)).toHaveLength(20);
    expect([200, 204, 401, 403, 404, 422, 500].map(outcomeKind)).toEqual([
      "ok",
      "ok",
      "refused",
      "refused",
      "notFound",
      "rejected",
      "failed",
    ]);
  });
});
