import { afterEach, describe, expect, it } from "vitest";

import { bankDate, bankZone, setBankZone } from "./bankDay";
import { latestDue } from "./tasks/api";

const NIGHT = new Date("2026-12-03T17:00:00Z"); // 01:00 on 4 December in Beijing, still the 3rd in UTC

describe("the bank's day", () => {
  afterEach(() => setBankZone(undefined));

  it("is the date in the bank's zone, not the browser's", () => {
    setBankZone("Asia/Shanghai");
    expect(bankZone()).toBe("Asia/Shanghai");
    expect(bankDate(0, NIGHT)).toBe("2026-12-04");
    expect(bankDate(28, NIGHT)).toBe("2027-01-01");
    expect(bankDate(-4, NIGHT)).toBe("2026-11-30");
    setBankZone("America/New_York");
    expect(bankDate(0, NIGHT)).toBe("2026-12-03");
  });

  it("bounds the latest day a task may be due", () => {
    setBankZone("Asia/Shanghai");
    expect(latestDue(NIGHT)).toBe("2027-12-05");
  });

  it("keeps the browser's zone until told a known one", () => {
    const local = new Date(2026, 11, 3, 12, 0); // noon, browser time
    expect(bankDate(0, local)).toBe("2026-12-03");
    setBankZone("Mars/Olympus_Mons");
    expect(bankZone()).toBeUndefined();
    expect(bankDate(0, local)).toBe("2026-12-03");
  });
});
