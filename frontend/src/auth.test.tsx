import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { AppRoutes } from "./App";
import { bankZone, setBankZone } from "./bankDay";
import { renderApp } from "./test/render";
import { json, me, mockApi, problem, signedIn } from "./test/server";

const emptyPage = { items: [], next_cursor: null };

describe("session", () => {
  it("sends a signed-out visitor to sign-in, then back where they were going", async () => {
    const calls = mockApi({
      "POST /api/v1/auth/token": () => json({ access_token: "tok-1", token_type: "bearer", expires_in: 3600 }),
      "GET /api/v1/auth/me": () => json(me),
      "GET /api/v1/customers": () => json(emptyPage),
    });
    renderApp(<AppRoutes />, { url: "/customers?tier=key" });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText("Username"), "rm.li");
    await user.type(screen.getByLabelText("Password"), "demo-pass-2026");
    await user.click(screen.getByRole("button", { name: "Sign in" }));

    expect(await screen.findByRole("heading", { name: "Customers" })).toBeInTheDocument();
    const login = calls.find((c) => c.path === "/api/v1/auth/token")!;
    expect(String(login.body)).toBe("username=rm.li&password=demo-pass-2026");
    // The search goes out once the page has mounted: wait for it rather than assume it is already out.
    await waitFor(() => expect(calls.some((c) => c.path === "/api/v1/customers")).toBe(true));
    const search = calls.find((c) => c.path === "/api/v1/customers")!;
    expect(search.headers.get("Authorization")).toBe("Bearer tok-1");
    expect(search.search.get("tier")).toBe("key");
    // The session survives a reload: it is in sessionStorage.
    expect(JSON.parse(sessionStorage.getItem("crm.session")!).token).toBe("tok-1");
    // Dates are counted on the bank's calendar from now on, whatever the browser's zone.
    await waitFor(() => expect(bankZone()).toBe("Asia/Shanghai"));
    setBankZone(undefined);
  });

  it("takes a call-center agent to the Caller page on signing in, and an RM to My day", async () => {
    for (const [role, username, heading] of [
      ["agent", "agent.chen", "Caller"],
      ["rm", "rm.li", "My day"],
    ] as const) {
      sessionStorage.clear();
      mockApi({
        "POST /api/v1/auth/token": () => json({ access_token: "tok-1", token_type: "bearer", expires_in: 3600 }),
        "GET /api/v1/auth/me": () => json({ ...me, username, role, branch: role === "rm" ? "BJ001" : null }),
        "GET /api/v1/alerts": () => json(emptyPage),
        "GET /api/v1/analytics/tiers": () =>
          json({ currency: "CNY", customers: 0, aum: "0", contribution_monthly: "0", tiers: [] }),
      });
      const { unmount } = renderApp(<AppRoutes />, { url: "/" });
      const user = userEvent.setup();
      await user.type(await screen.findByLabelText("Username"), username);
      await user.type(screen.getByLabelText("Password"), "demo-pass-2026");
      await user.click(screen.getByRole("button", { name: "Sign in" }));
      expect(await screen.findByRole("heading", { name: heading, level: 1 })).toBeInTheDocument();
      unmount();
    }
  });

  it("shows a wrong password as a readable message, not a redirect", async () => {
    mockApi({ "POST /api/v1/auth/token": () => problem(401, "bad-credentials", "wrong username or password") });
    renderApp(<AppRoutes />, { url: "/login", locale: "zh-CN" });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("用户名"), "rm.li");
    await user.type(screen.getByLabelText("密码"), "nope");
    await user.click(screen.getByRole("button", { name: "登录" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("用户名或密码错误。");
  });

  it("returns to sign-in with a message when any call answers 401 (expired token)", async () => {
    signedIn();
    mockApi({
      "GET /api/v1/auth/me": () => json(me),
      "GET /api/v1/customers": () => problem(401, "http-error", "token expired"),
    });
    renderApp(<AppRoutes />, { url: "/customers" });
    expect(await screen.findByRole("heading", { name: "Sign in" })).toBeInTheDocument();
    expect(screen.getByText("Your session has expired. Please sign in again.")).toBeInTheDocument();
    expect(sessionStorage.getItem("crm.session")).toBeNull();
  });

  it("logs out on request and forgets the token", async () => {
    signedIn();
    mockApi({ "GET /api/v1/auth/me": () => json(me), "GET /api/v1/customers": () => json(emptyPage) });
    renderApp(<AppRoutes />, { url: "/customers" });
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Log out" }));
    expect(await screen.findByRole("heading", { name: "Sign in" })).toBeInTheDocument();
    expect(screen.queryByText(/session has expired/)).toBeNull();
    expect(screen.getByText("You have signed out.")).toBeInTheDocument();
    expect(sessionStorage.getItem("crm.session")).toBeNull();
  });
});
