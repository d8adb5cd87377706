import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { AlertsPage } from "../pages/Alerts";
import { renderApp } from "../test/render";
import { colleague, json, me, mockApi, problem, signedIn } from "../test/server";

function alert(id: string, status: string) {
  return {
    id,
    customer: { id: "c-1", customer_number: "C1", display_name: "王芳 (Wang Fang)" },
    kind: "large_outflow",
    cause_key: "k",
    severity: "high",
    title: "Large outflow: 150000.00 CNY left in 7 days",
    detail: null,
    status,
    assigned_to: null,
    assigned_to_username: null,
    data: {},
    raised_at: "2026-11-23T08:00:00Z",
    acknowledged_at: null,
    resolved_at: null,
    resolution_note: null,
  };
}

describe("alerts inbox", () => {
  it("acknowledges an open alert and reads the inbox again", async () => {
    signedIn();
    let status = "open";
    const calls = mockApi({
      "GET /api/v1/auth/me": () => json(me),
      "GET /api/v1/alerts": (c) =>
        json({ items: c.search.get("status") === status ? [alert("a-1", status)] : [], next_cursor: null }),
      "POST /api/v1/alerts/:id/acknowledge": () => {
        status = "acknowledged";
        return json(alert("a-1", "acknowledged"));
      },
    });
    renderApp(<AlertsPage />, { url: "/alerts" });
    const user = userEvent.setup();
    const row = (await screen.findByText(/Large outflow: 150000/)).closest("li")!;
    expect(within(row).getByText("Open")).toBeInTheDocument();
    await user.click(within(row).getByRole("button", { name: "Acknowledge" }));
    expect(await screen.findByText("No alerts match.")).toBeInTheDocument();
    expect(calls.some((c) => c.method === "POST" && c.path === "/api/v1/alerts/a-1/acknowledge")).toBe(true);
    await user.selectOptions(screen.getByLabelText("Status"), "acknowledged");
    expect(await screen.findByText("Acknowledged", { selector: "[data-status]" })).toHaveAttribute(
      "data-status",
      "acknowledged",
    );
  });

  it("resolves with a note, and shows a refusal in words", async () => {
    signedIn();
    const calls = mockApi({
      "GET /api/v1/auth/me": () => json(me),
      "GET /api/v1/alerts": () => json({ items: [alert("a-2", "acknowledged")], next_cursor: null }),
      "POST /api/v1/alerts/:id/resolve": () => problem(409, "conflict", "the alert is already resolved"),
    });
    renderApp(<AlertsPage />, { url: "/alerts?status=acknowledged" });
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Resolve…" }));
    await user.type(screen.getByLabelText("Resolution note"), "Called; funds moved to a mortgage.");
    await user.click(screen.getByRole("button", { name: "Resolve" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("This conflicts with existing data.");
    expect(calls.find((c) => c.path === "/api/v1/alerts/a-2/resolve")!.body).toEqual({
      note: "Called; funds moved to a mortgage.",
    });
  });

  it("assigns to a colleague picked from the staff directory, and words the detail in Chinese", async () => {
    signedIn();
    const calls = mockApi({
      "GET /api/v1/auth/me": () => json(me),
      "GET /api/v1/staff": () =>
        json({ items: [{ ...me, branch_name: "Beijing Chaoyang" }, colleague], next_cursor: null }),
      "GET /api/v1/alerts": () =>
        json({
          items: [
            {
              ...alert("a-3", "open"),
              assigned_to: me.id,
              assigned_to_username: "rm.li",
              detail:
                "150000.00 CNY left in 7 days from 2026-11-16; usual monthly outflow 8000.00 CNY, AUM now 20000.00 CNY",
            },
          ],
          next_cursor: null,
        }),
      "POST /api/v1/alerts/:id/assign": (c) =>
        json({ ...alert("a-3", "open"), assigned_to: (c.body as { user_id: string }).user_id }),
    });
    renderApp(<AlertsPage />, { url: "/alerts", locale: "zh-CN" });
    const user = userEvent.setup();
    expect(
      await screen.findByText("2026/11/16 起 7 天内流出 ¥150,000.00；平时月均流出 ¥8,000.00，当前资产 ¥20,000.00"),
    ).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "指派…" }));
    const picker = screen.getByLabelText("指派给");
    // the alert's own assignee is not offered; the directory was asked for who works alerts and sees the customer
    await within(picker).findByRole("option", { name: "Wang Lei (rm.wang) · Beijing Chaoyang" });
    expect(within(picker).queryByRole("option", { name: /rm\.li/ })).toBeNull();
    const asked = calls.find((c) => c.path === "/api/v1/staff")!.search;
    expect(asked.getAll("role")).toEqual(["rm", "branch_manager", "admin"]);
    expect(asked.get("for_customer")).toBe("c-1");
    await user.selectOptions(picker, colleague.id);
    await user.click(screen.getByRole("button", { name: "指派" }));
    await vi.waitFor(() =>
      expect(calls.find((c) => c.path === "/api/v1/alerts/a-3/assign")?.body).toEqual({ user_id: colleague.id }),
    );
  });
});
