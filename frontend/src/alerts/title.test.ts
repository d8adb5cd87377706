import { describe, expect, it } from "vitest";
import { translator } from "../i18n";
import { callerContextFixture } from "../test/fixtures";
import { alertTitle, type TitledAlert } from "./title";

function alert(kind: string, data: Record<string, unknown>, title = "server title"): TitledAlert {
  return { kind, data, title };
}

describe("alert headlines in the user's language", () => {
  it("words a large outflow with the money formatted per locale", () => {
    const a = alert("large_outflow", { amount: "150451.83", currency: "CNY" });
    expect(alertTitle(a, translator("zh-CN"), "zh-CN")).toBe("大额资金流出：7 天内流出 ¥150,451.83");
    expect(alertTitle(a, translator("en"), "en")).toBe("Large outflow: CN¥150,451.83 left in 7 days");
  });

  it("words a maturity with its amount and date", () => {
    const a = alert("maturity", { balance: "3441.17", currency: "CNY", maturity_date: "2026-12-02" });
    expect(alertTitle(a, translator("zh-CN"), "zh-CN")).toBe("¥3,441.17 将于 2026/12/02 到期");
  });

  it("words a loan falling due as the sum owed, not a negative amount", () => {
    const a = alert("maturity", { balance: "-1370281.54", currency: "CNY", maturity_date: "2026-12-29" });
    expect(alertTitle(a, translator("en"), "en")).toBe("CN¥1,370,281.54 owed, due on 12/29/2026");
    expect(alertTitle(a, translator("zh-CN"), "zh-CN")).toBe("欠款 ¥1,370,281.54 将于 2026/12/29 到期");
  });

  it("words the call-center context's alerts too, and shows the server's title when their figures did not come", () => {
    const [contextAlert] = callerContextFixture().alerts;
    expect(alertTitle(contextAlert, translator("zh-CN"), "zh-CN")).toBe("大额资金流出：7 天内流出 ¥200,000.00");
    const { data: _figures, ...withoutFigures } = contextAlert;
    expect(alertTitle(withoutFigures, translator("zh-CN"), "zh-CN")).toBe(contextAlert.title);
  });

  it("falls back to the server's title when the data lacks what the sentence needs", () => {
    expect(alertTitle(alert("complaint", {}), translator("zh-CN"), "zh-CN")).toBe("server title");
    expect(alertTitle(alert("new_kind", { x: 1 }), translator("en"), "en")).toBe("server title");
  });
});
