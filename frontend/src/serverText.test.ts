import { describe, expect, it } from "vitest";
import { translator } from "./i18n";
import { serverText } from "./serverText";

const zh = translator("zh-CN");
const en = translator("en");

describe("server-written sentences", () => {
  it("reads churn drivers and tier reasons in Chinese, numbers and money formatted", () => {
    expect(serverText("balances fell 37% over three months", zh, "zh-CN")).toBe("三个月内余额下降 37%");
    expect(serverText("the monthly salary stopped arriving", zh, "zh-CN")).toBe("每月代发工资已中断");
    expect(
      serverText("key: among the customers making the top 80% of contribution (12345.60 CNY a month)", zh, "zh-CN"),
    ).toBe("重点：属于贡献度前 80% 的客户（月贡献 ¥12,345.60）");
    expect(serverText("an active, settled relationship", zh, "zh-CN")).toBe("关系活跃且稳定");
  });

  it("formats money in English too, and keeps its own currency for a maturity", () => {
    expect(
      serverText("key: among the customers making the top 80% of contribution (12345.60 CNY a month)", en, "en"),
    ).toBe("key: among the customers making the top 80% of contribution (CN¥12,345.60 a month)");
    expect(serverText("50000.00 USD in 3M Time Deposit matures on 2026-12-01: offer a renewal", zh, "zh-CN")).toBe(
      "3M Time Deposit 中的 US$50,000.00 将于 2026/12/01 到期：建议续作",
    );
  });

  it("reads a loan falling due as the sum outstanding", () => {
    expect(
      serverText(
        "1370281.54 CNY outstanding on Small Business Loan falls due on 2026-12-29: discuss repayment or renewal",
        zh,
        "zh-CN",
      ),
    ).toBe("Small Business Loan 尚欠 ¥1,370,281.54，将于 2026/12/29 到期：请与客户商议还款或续贷");
  });

  it("shows a text no template knows (a customer's own words) as it came", () => {
    expect(serverText("客户投诉柜台排队太久", zh, "zh-CN")).toBe("客户投诉柜台排队太久");
    expect(serverText("balances fell a lot", zh, "zh-CN")).toBe("balances fell a lot");
    expect(serverText(null, zh, "zh-CN")).toBe("");
  });
});
