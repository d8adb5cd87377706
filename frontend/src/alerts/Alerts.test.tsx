import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { AlertsPage } from "../pages/Alerts";
import { renderApp } from "../test/render";
import { json, me, mockApi, problem, signedIn } from "../test/server";

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
});
