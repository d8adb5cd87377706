import { describe, expect, it } from "vitest";
import { formatDateTime, type Locale } from "../format";
import { translator } from "../i18n";
import { callerContextFixture, campaignOfferActionFixture } from "../test/fixtures";
import { stillToDo, wordAction, type ActionFacts, type NextBestAction } from "./actions";

const context = callerContextFixture();
const facts: ActionFacts = context;
const action = (kind: NextBestAction["kind"]) => context.next_best_actions.find((a) => a.kind === kind)!;
const word = (a: NextBestAction, locale: Locale, f: ActionFacts = facts) =>
  wordAction(a, f, translator(locale), locale);

const DEPOSIT = context.holdings[0];
const LOAN = {
  ...DEPOSIT,
  id: "2c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
  account_number: "6222020200118899", // as an admin sees it: the action shows its last four digits only
  product_code: "LOAN-PERS",
  product_name: "Personal loan",
  product_name_zh: "个人消费贷款",
  category: "loan",
  balance: "-90071992547409.9900",
  maturity_date: "2026-12-01",
  days_to_maturity: 3,
};
const withHoldings = (...holdings: ActionFacts["holdings"]): ActionFacts => ({ ...facts, holdings });
const rollOver = (holding_id: string): NextBestAction => ({ ...action("roll_over_maturity"), refs: { holding_id } });

describe("a maturity, in the user's language", () => {
  it("offers to roll a deposit over, its amount and date as the locale writes them", () => {
    expect(word(action("roll_over_maturity"), "en")).toEqual({
      title: "Offer to roll over 12-month time deposit ****3445",
      reason: "12-month time deposit ****3445 (CN¥100,000.00) matures on 12/10/2026, in 17 days",
    });
    expect(word(action("roll_over_maturity"), "zh-CN")).toEqual({
      title: "建议续作：一年期定期存款 ****3445",
      reason: "一年期定期存款 ****3445（¥100,000.00）将于 2026/12/10 到期，还有 17 天",
    });
  });

  it("says today and in 1 day", () => {
    const today = withHoldings({ ...DEPOSIT, days_to_maturity: 0 });
    expect(word(action("roll_over_maturity"), "en", today).reason).toMatch(/, today$/);
    expect(word(action("roll_over_maturity"), "zh-CN", today).reason).toMatch(/到期，即今天$/);
    const tomorrow = withHoldings({ ...DEPOSIT, days_to_maturity: 1 });
    expect(word(action("roll_over_maturity"), "en", tomorrow).reason).toMatch(/, in 1 day$/);
    expect(word(action("roll_over_maturity"), "zh-CN", tomorrow).reason).toMatch(/到期，还有 1 天$/);
  });

  it("words a loan falling due as the sum owed, to the cent and without a minus sign", () => {
    const loan = withHoldings(DEPOSIT, LOAN);
    const en = word(rollOver(LOAN.id), "en", loan);
    expect(en).toEqual({
      title: "Discuss repaying or renewing Personal loan ****8899",
      reason: "Personal loan ****8899 (CN¥90,071,992,547,409.99 outstanding) falls due on 12/01/2026, in 3 days",
    });
    const zh = word(rollOver(LOAN.id), "zh-CN", loan);
    expect(zh).toEqual({
      title: "商议还款或续贷：个人消费贷款 ****8899",
      reason: "个人消费贷款 ****8899（尚欠 ¥90,071,992,547,409.99）将于 2026/12/01 到期，还有 3 天",
    });
    expect(en.reason + zh.reason).not.toMatch(/-|−/);
  });

  it("shows the server's words when the holding is not in the context, or the action names none", () => {
    const server = { title: action("roll_over_maturity").title, reason: action("roll_over_maturity").reason };
    expect(word(action("roll_over_maturity"), "zh-CN", withHoldings(context.holdings[1]))).toEqual(server);
    expect(word({ ...action("roll_over_maturity"), refs: {} }, "zh-CN")).toEqual(server);
    // No days to maturity to say "in N days" with.
    expect(word(action("roll_over_maturity"), "zh-CN", withHoldings({ ...DEPOSIT, days_to_maturity: null }))).toEqual(
      server,
    );
  });
});

describe("an alert to address, in the user's language", () => {
  it("heads it with the alert's own headline and says what kind of alert was raised when", () => {
    expect(word(action("address_alert"), "en")).toEqual({
      title: "Address alert: Large outflow: CN¥200,000.00 left in 7 days",
      reason: "Large outflow alert raised 11/22/2026",
    });
    expect(word(action("address_alert"), "zh-CN")).toEqual({
      title: "处理预警：大额资金流出：7 天内流出 ¥200,000.00",
      reason: "大额资金流出预警，2026/11/22 触发",
    });
  });

  it("shows the server's words when the alert is not in the context", () => {
    expect(word(action("address_alert"), "zh-CN", { ...facts, alerts: [] })).toEqual({
      title: "Address alert: Large outflow: 200000.00 CNY left in 7 days",
      reason: "open large_outflow alert raised 2026-11-22",
    });
    expect(word({ ...action("address_alert"), refs: {} }, "zh-CN").reason).toBe(
      "open large_outflow alert raised 2026-11-22",
    );
  });
});

describe("the actions still to take", () => {
  const [alert] = context.alerts;
  const kinds = (f: ActionFacts) => stillToDo(context.next_best_actions, f).map((a) => a.kind);

  it("stops proposing to address an alert resolved meanwhile, and keeps one acknowledged", () => {
    expect(kinds(facts)).toEqual(context.next_best_actions.map((a) => a.kind));
    expect(kinds({ ...facts, alerts: [{ ...alert, status: "acknowledged" }] })).toContain("address_alert");
    const resolved = kinds({ ...facts, alerts: [{ ...alert, status: "resolved" }] });
    expect(resolved).not.toContain("address_alert");
    expect(resolved).toHaveLength(context.next_best_actions.length - 1);
    // Another alert resolved: this one is still to address.
    expect(
      kinds({
        ...facts,
        alerts: [alert, { ...alert, id: "0f0f0f0f-0000-4000-8000-000000000001", status: "resolved" }],
      }),
    ).toContain("address_alert");
  });
});

describe("a complaint to acknowledge, in the user's language", () => {
  const [complaint] = context.open_cases;
  const withCase = (over: Partial<typeof complaint>): ActionFacts => ({
    ...facts,
    open_cases: [{ ...complaint, ...over }],
  });

  it("quotes the customer's words as they are and says when its service level ran out", () => {
    expect(word(action("acknowledge_complaint"), "en")).toEqual({
      title: "Acknowledge the recent complaint",
      reason:
        "complaint of 11/19/2026 (Charged twice for annual card fee) is still open, past its service-level due " +
        `time ${formatDateTime("2026-11-21T08:00:00+00:00", "en")}`,
    });
    expect(word(action("acknowledge_complaint"), "zh-CN")).toEqual({
      title: "回应客户近期的投诉",
      reason: `2026/11/19 的投诉（Charged twice for annual card fee）仍未办结，已超过服务时限 ${formatDateTime(
        "2026-11-21T08:00:00+00:00",
        "zh-CN",
      )}`,
    });
  });

  it("leaves the due time out when not overdue, and says a closed complaint is closed", () => {
    const notDue = withCase({ overdue: false, subject: "年费重复扣收" });
    expect(word(action("acknowledge_complaint"), "en", notDue).reason).toBe(
      "complaint of 11/19/2026 (年费重复扣收) is still open",
    );
    expect(word(action("acknowledge_complaint"), "zh-CN", notDue).reason).toBe(
      "2026/11/19 的投诉（年费重复扣收）仍未办结",
    );
    const closed = withCase({ status: "closed", overdue: false, closed_at: "2026-11-20T08:00:00+00:00" });
    expect(word(action("acknowledge_complaint"), "en", closed).reason).toBe(
      "complaint of 11/19/2026 (Charged twice for annual card fee) is closed",
    );
    expect(word(action("acknowledge_complaint"), "zh-CN", closed).reason).toBe(
      "2026/11/19 的投诉（Charged twice for annual card fee）已办结",
    );
  });

  it("shows the server's words when the case is not in the context", () => {
    const { title, reason } = action("acknowledge_complaint");
    expect(word(action("acknowledge_complaint"), "zh-CN", { ...facts, open_cases: [] })).toEqual({ title, reason });
    expect(word({ ...action("acknowledge_complaint"), refs: {} }, "zh-CN")).toEqual({ title, reason });
  });
});

describe("an offer, in the user's language", () => {
  const offer = action("offer_product");
  const withRefs = (refs: Record<string, string>): NextBestAction => ({ ...offer, refs: { ...offer.refs, ...refs } });

  it("names the product in the user's language and gives the facts of the reason", () => {
    expect(word(offer, "en")).toEqual({
      title: "Offer Steady Income Fund",
      reason:
        "46% of 1,180 similar customers (same tier, age and income band) hold a product in the Fund category and " +
        "this customer has none; risk level R3 suits the customer's C3 Balanced risk preference; the customer " +
        "consents to phone offers",
    });
    expect(word(offer, "zh-CN")).toEqual({
      title: "推荐产品：稳健收益基金",
      reason:
        "同分层、同年龄段、同收入区间的 1,180 位同类客户中，46% 持有基金，该客户尚未持有；" +
        "产品风险等级 R3，与客户的风险偏好（C3 平衡型）相符；客户已同意接受电话营销",
    });
  });

  it("words each risk preference the server knows (domain/customers.py), and one not assessed", () => {
    for (const preference of ["conservative", "moderately_conservative", "balanced", "growth", "aggressive"])
      expect(word(withRefs({ risk_preference: preference }), "zh-CN").reason).toMatch(
        /与客户的风险偏好（C\d .+型）相符/,
      );
    expect(word(withRefs({ risk_preference: "growth", risk_level: "4" }), "zh-CN").reason).toContain(
      "产品风险等级 R4，与客户的风险偏好（C4 成长型）相符",
    );
    expect(word(withRefs({ risk_preference: "moderately_conservative", risk_level: "2" }), "en").reason).toContain(
      "risk level R2 suits the customer's C2 Moderately conservative risk preference",
    );
    const unassessed = withRefs({ risk_preference: "unassessed", risk_level: "1", category: "wealth_product" });
    expect(word(unassessed, "en").reason).toContain(
      "hold a product in the Wealth product category and this customer has none; risk level R1 suits a customer " +
        "whose risk preference is not assessed yet;",
    );
    expect(word(unassessed, "zh-CN").reason).toContain(
      "46% 持有理财产品，该客户尚未持有；产品风险等级 R1，适合尚未做风险评估的客户；",
    );
  });

  it("names the product in English when it has no Chinese name", () => {
    expect(word(withRefs({ product_name_zh: "" }), "zh-CN").title).toBe("推荐产品：Steady Income Fund");
  });

  it("shows the server's words when a fact of the reason is missing or has no words here", () => {
    const server = { title: offer.title, reason: offer.reason };
    // An older server: the product code only.
    expect(word({ ...offer, refs: { product_code: "FUND-BAL" } }, "zh-CN")).toEqual(server);
    const noPeers = { ...offer.refs };
    delete noPeers.peers;
    expect(word({ ...offer, refs: noPeers }, "zh-CN")).toEqual(server);
    expect(word(withRefs({ risk_preference: "speculative" }), "zh-CN")).toEqual(server);
    expect(word(withRefs({ category: "crypto" }), "zh-CN")).toEqual(server);
    expect(word(withRefs({ peer_share_pct: "" }), "zh-CN")).toEqual(server);
  });
});

describe("a campaign's offer, in the user's language", () => {
  const offer = campaignOfferActionFixture();
  const withRefs = (refs: Record<string, string>) => campaignOfferActionFixture(refs);

  it("names the product and the campaign, until when it runs and that the customer was not contacted yet", () => {
    expect(word(offer, "en")).toEqual({
      title: "Offer Time Deposit 12 Months — Year-end time deposit drive",
      reason:
        "The customer is in the target group of the campaign Year-end time deposit drive, running until 12/31/2026, " +
        "and has not been contacted yet; the customer consents to phone offers. Record their answer.",
    });
    expect(word(offer, "zh-CN")).toEqual({
      title: "推荐产品：一年期定期存款（Year-end time deposit drive）",
      reason:
        "客户在营销活动“Year-end time deposit drive”的目标客群中，活动持续至 2026/12/31，客户尚未被联系；" +
        "客户已同意接受电话营销。请记录客户的答复。",
    });
  });

  it("says what the customer said so far", () => {
    expect(word(withRefs({ response: "contacted" }), "en").reason).toContain(
      "and was told of the offer and has not answered yet;",
    );
    expect(word(withRefs({ response: "interested" }), "en").reason).toContain("and said they were interested;");
    expect(word(withRefs({ response: "unreachable" }), "en").reason).toContain("and could not be reached before;");
    expect(word(withRefs({ response: "interested" }), "zh-CN").reason).toContain("客户表示有兴趣；");
    expect(word(withRefs({ response: "contacted" }), "zh-CN").reason).toContain("客户已获告知，尚未答复；");
    expect(word(withRefs({ response: "unreachable" }), "zh-CN").reason).toContain("客户此前未能联系上；");
  });

  it("leaves braces in the campaign's name alone, and names the product in English when it has no Chinese name", () => {
    expect(word(withRefs({ campaign_name: "Drive {date}" }), "en").reason).toContain("campaign Drive {date},");
    expect(word(withRefs({ product_name_zh: "" }), "zh-CN").title).toBe(
      "推荐产品：Time Deposit 12 Months（Year-end time deposit drive）",
    );
  });

  it("shows the server's words when a fact is missing or has no words here", () => {
    const server = { title: offer.title, reason: offer.reason };
    expect(word(withRefs({ response: "declined" }), "zh-CN")).toEqual(server);
    expect(word(withRefs({ response: "maybe" }), "zh-CN")).toEqual(server);
    expect(word(withRefs({ ends_on: "" }), "zh-CN")).toEqual(server);
    expect(word(withRefs({ campaign_name: "" }), "zh-CN")).toEqual(server);
    expect(word({ ...offer, refs: { campaign_id: offer.refs.campaign_id } }, "zh-CN")).toEqual(server);
  });

  it("is labelled as a campaign's offer", () => {
    expect(translator("en")("nbaKind.campaign_offer")).toBe("Campaign offer");
    expect(translator("zh-CN")("nbaKind.campaign_offer")).toBe("营销活动");
  });
});
