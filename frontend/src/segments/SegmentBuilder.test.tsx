import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { SegmentBuilder } from "../pages/Segments";
import { renderApp } from "../test/render";
import { json, mockApi, problem, signedIn } from "../test/server";
import { problemsOf, toRuleJson } from "./rules";

const mkt = { id: "u-m", username: "mkt.zhao", display_name: "Zhao", role: "marketing", branch: null };

describe("segment rule builder", () => {
  it("turns the rows into the server's JSON rule, previews the count, and saves", async () => {
    signedIn("mkt.zhao");
    const calls = mockApi({
      "GET /api/v1/auth/me": () => json(mkt),
      "POST /api/v1/segments/preview": () => json({ count: 1234, rule_json: {} }),
      "POST /api/v1/segments": (c) =>
        json({ id: "seg-1", member_count: 1234, ...(c.body as object), created_at: "2026-11-23T00:00:00Z" }, 201),
    });
    const onSaved = vi.fn();
    renderApp(<SegmentBuilder onSaved={onSaved} />);
    const user = userEvent.setup();

    await user.type(screen.getByLabelText("Segment name"), "Key savers");
    await user.selectOptions(screen.getByLabelText("Rule 1 Field"), "tier");
    await user.selectOptions(screen.getByLabelText("Rule 1 Value"), "key");
    await user.click(screen.getByRole("button", { name: "+ Add rule" }));
    await user.selectOptions(screen.getByLabelText("Rule 2 Field"), "aum");
    await user.selectOptions(screen.getByLabelText("Rule 2 Condition"), "between");
    await user.type(screen.getByLabelText("Rule 2 Value"), "100000");
    await user.type(screen.getByLabelText("Rule 2 Value (to)"), "500000.50");
    await user.click(screen.getByRole("button", { name: "+ Add rule" }));
    await user.selectOptions(screen.getByLabelText("Rule 3 Field"), "holds");
    await user.selectOptions(screen.getByLabelText("Rule 3 Condition"), "not_holds");
    await user.selectOptions(screen.getByLabelText("Rule 3 Value"), "credit_card");
    await user.click(screen.getByRole("button", { name: "Preview count" }));

    expect(await screen.findByTestId("preview-count")).toHaveTextContent("1,234 customers match");
    const expected = {
      and: [
        { attr: "tier", op: "=", value: "key" },
        { attr: "aum", op: "between", value: ["100000", "500000.50"] },
        { not: { holds: "credit_card" } },
      ],
    };
    expect(calls.find((c) => c.path === "/api/v1/segments/preview")!.body).toEqual({ rule_json: expected });

    await user.click(screen.getByRole("button", { name: "Save segment" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith("seg-1"));
    expect(calls.find((c) => c.method === "POST" && c.path === "/api/v1/segments")!.body).toEqual({
      code: "key-savers",
      name: "Key savers",
      kind: "rule",
      description: null,
      rule_json: expected,
    });
  });

  it("refuses a value that is not a number before asking the server", async () => {
    signedIn("mkt.zhao");
    const calls = mockApi({ "GET /api/v1/auth/me": () => json(mkt) });
    renderApp(<SegmentBuilder onSaved={vi.fn()} />, { locale: "zh-CN" });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("规则 1 值"), "lots");
    await user.click(screen.getByRole("button", { name: "预览人数" }));
    expect(await screen.findByText("请输入数字，如 500000 或 0.5。")).toBeInTheDocument();
    expect(screen.getByLabelText("规则 1 值")).toHaveAttribute("aria-invalid", "true");
    expect(calls.some((c) => c.path === "/api/v1/segments/preview")).toBe(false);
  });

  it("shows the server's rule error with the field it names", async () => {
    signedIn("mkt.zhao");
    mockApi({
      "GET /api/v1/auth/me": () => json(mkt),
      "POST /api/v1/segments/preview": () =>
        problem(422, "validation-error", "at rule.attr: unknown attribute", [
          { field: "rule", message: "at rule.attr: unknown attribute 'aum'" },
        ]),
    });
    renderApp(<SegmentBuilder onSaved={vi.fn()} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Rule 1 Value"), "5");
    await user.click(screen.getByRole("button", { name: "Preview count" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Some fields are not valid.");
    expect(alert).toHaveTextContent("at rule.attr: unknown attribute 'aum'");
  });
});

describe("rule model", () => {
  it("a single rule stands alone; 'any' joins with or", () => {
    expect(toRuleJson({ match: "and", rows: [{ field: "age", op: ">=", value: " 30 ", value2: "" }] })).toEqual({
      attr: "age",
      op: ">=",
      value: "30",
    });
    expect(
      toRuleJson({
        match: "or",
        rows: [
          { field: "holds", op: "=", value: "fund", value2: "" },
          { field: "churn_risk", op: ">", value: "0.5", value2: "" },
        ],
      }),
    ).toEqual({ or: [{ holds: "fund" }, { attr: "churn_risk", op: ">", value: "0.5" }] });
  });

  it("finds whole-number, date and order mistakes", () => {
    expect(problemsOf({ match: "and", rows: [{ field: "age", op: "=", value: "30.5", value2: "" }] })).toEqual([
      { row: 0, message: "integer" },
    ]);
    expect(
      problemsOf({ match: "and", rows: [{ field: "birth_date", op: "<", value: "1990/01/01", value2: "" }] }),
    ).toEqual([{ row: 0, message: "date" }]);
    expect(problemsOf({ match: "and", rows: [{ field: "aum", op: "between", value: "9", value2: "1" }] })).toEqual([
      { row: 0, message: "order" },
    ]);
  });
});
