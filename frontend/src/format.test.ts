import { describe, expect, it } from "vitest";
import { formatExact, formatMoney, formatMoneyChange, formatMoneyCompact, formatShare, sumDecimals } from "./format";

describe("money per locale", () => {
  it("formats CNY in Chinese and English with grouping and two decimals", () => {
    expect(formatMoney("1234567.5", "CNY", "zh-CN")).toBe("¥1,234,567.50");
    expect(formatMoney("1234567.5", "CNY", "en")).toBe("CN¥1,234,567.50");
    expect(formatMoney("-20.00", "USD", "en")).toBe("-$20.00");
  });

  it("keeps every digit of amounts a float would round", () => {
    // 2^53 + 1 has no exact double; formatting from the string must not lose the last digit or the cents.
    expect(formatMoney("9007199254740993.07", "CNY", "zh-CN")).toBe("¥9,007,199,254,740,993.07");
    expect(Number("9007199254740993.07").toFixed(2)).not.toBe("9007199254740993.07");
  });

  it("uses the currency's own minor units", () => {
    expect(formatMoney("1500", "JPY", "en")).toBe("¥1,500");
  });

  it("shows a dash for no amount and leaves non-decimal text alone", () => {
    expect(formatMoney(null, "CNY", "en")).toBe("—");
    expect(formatMoney("n/a", "CNY", "en")).toBe("n/a");
  });

  it("signs a change of money, a fall and a rise alike, nothing for none, every digit kept", () => {
    expect(formatMoneyChange("-1250000.5", "CNY", "en")).toBe("-CN¥1,250,000.50");
    expect(formatMoneyChange("98000.00", "CNY", "zh-CN")).toBe("+¥98,000.00");
    expect(formatMoneyChange("0.00", "CNY", "en")).toBe("CN¥0.00");
    expect(formatMoneyChange("-9007199254740993.07", "CNY", "en")).toBe("-CN¥9,007,199,254,740,993.07");
    expect(formatMoneyChange(null, "CNY", "en")).toBe("—");
  });

  it("compacts large figures in each language's own units", () => {
    expect(formatMoneyCompact("123456789", "CNY", "zh-CN")).toBe("¥1.23亿");
    expect(formatMoneyCompact("123456789", "CNY", "en")).toBe("CN¥123.46M");
  });
});

describe("exact sums of decimal strings", () => {
  it("adds without float error", () => {
    expect(sumDecimals(["0.1", "0.2"])).toBe("0.3");
    expect(sumDecimals(["9007199254740993.01", "0.02"])).toBe("9007199254740993.03");
    expect(sumDecimals(["100.00", "-250.5"])).toBe("-150.50");
    expect(sumDecimals([])).toBe("0");
  });
});

describe("shares and exact decimals", () => {
  it("shows a share from 0 to 1 as a percentage with the server's own digits, never a float's", () => {
    expect(formatShare("0.0912", "en")).toBe("9.12%");
    expect(formatShare("0.0573", "zh-CN")).toBe("5.73%");
    expect(`${Number("0.0573") * 100}%`).toBe("5.7299999999999995%");
    // The server drops trailing zeros: padded back to two places, never rounded.
    expect(formatShare("0.035", "en")).toBe("3.50%");
    expect(formatShare("0.1", "en")).toBe("10.00%");
    expect(formatShare("0", "en")).toBe("0.00%");
    expect(formatShare("0.12345", "en")).toBe("12.345%");
    expect(formatShare("1.6057", "en", { signed: true })).toBe("+160.57%");
    expect(formatShare("-0.05", "en", { signed: true })).toBe("-5.00%");
    expect(formatShare(null, "en")).toBe("—");
  });

  it("keeps a decimal's digits, padded to a minimum, signed when asked", () => {
    expect(formatExact("3.2", "en", { signed: true, minDigits: 2 })).toBe("+3.20");
    expect(formatExact("-4.92", "zh-CN", { signed: true, minDigits: 2 })).toBe("-4.92");
    expect(formatExact("0", "en", { signed: true, minDigits: 2 })).toBe("0.00");
    expect(formatExact("1234.5", "en")).toBe("1,234.5");
    expect(formatExact("101", "en", { minDigits: 1 })).toBe("101.0");
  });
});
