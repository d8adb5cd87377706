import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { Route, Routes, useParams } from "react-router";
import { renderApp } from "../test/render";
import { colleague, json, me, mockApi, signedIn } from "../test/server";
import { CustomersPage } from "./Customers";

function row(n: number) {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    customer_number: `C${String(n).padStart(10, "0")}`,
    display_name: `Customer ${n}`,
    kind: "individual",
    masked_phone: "+86138****0000",
    tier: "ordinary",
    lifecycle_stage: "mature",
    home_branch: "BJ001",
    relationship_manager: null,
    provisional: false,
  };
}

function Opened() {
  const { customerId } = useParams();
  return <p>opened {customerId}</p>;
}

describe("customer search", () => {
  it("pages with the cursor, and opens a customer with / ↓ ↓ Enter", async () => {
    signedIn();
    const calls = mockApi({
      "GET /api/v1/auth/me": () => json(me),
      "GET /api/v1/customers": (c) =>
        c.search.get("cursor") === "page-2"
          ? json({ items: [row(3)], next_cursor: null })
          : json({ items: [row(1), row(2)], next_cursor: "page-2" }),
    });
    renderApp(
      <Routes>
        <Route path="/customers" element={<CustomersPage />} />
        <Route path="/customers/:customerId" element={<Opened />} />
      </Routes>,
      { url: "/customers" },
    );
    const user = userEvent.setup();
    expect(await screen.findByText("Customer 1")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "More" }));
    expect(await screen.findByText("Customer 3")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "More" })).toBeNull();
    expect(
      calls
        .filter((c) => c.path === "/api/v1/customers")
        .at(-1)!
        .search.get("cursor"),
    ).toBe("page-2");

    await user.click(document.body);
    await user.keyboard("/");
    const search = screen.getByLabelText("Search by name, number or phone");
    expect(search).toHaveFocus();
    await user.type(search, "Wang");
    await waitFor(() =>
      expect(calls.some((c) => c.path === "/api/v1/customers" && c.search.get("q") === "Wang")).toBe(true),
    );
    // Arrow keys in a filter select stay the select's own.
    screen.getByLabelText("Tier").focus();
    await user.keyboard("{ArrowDown}");
    expect(document.querySelector("tr.active")).toBeNull();
    search.focus();
    await user.keyboard("{ArrowDown}{ArrowDown}{Enter}");
    expect(await screen.findByText(`opened ${row(2).id}`)).toBeInTheDocument();
  });

  it("says so when nothing matches", async () => {
    signedIn();
    mockApi({
      "GET /api/v1/auth/me": () => json(me),
      "GET /api/v1/customers": () => json({ items: [], next_cursor: null }),
    });
    renderApp(<CustomersPage />, { url: "/customers?q=zzz", locale: "zh-CN" });
    expect(await screen.findByText("没有符合条件的客户。")).toBeInTheDocument();
  });

  it("does not ask an agent's segments (agents may not read them): the segment filter is typed instead", async () => {
    signedIn("agent.chen");
    const calls = mockApi({
      "GET /api/v1/auth/me": () => json({ ...me, username: "agent.chen", role: "agent", branch: null }),
      "GET /api/v1/segments": () => json({ title: "Forbidden", status: 403 }, 403),
      "GET /api/v1/staff": () => json({ items: [colleague], next_cursor: null }),
      "GET /api/v1/customers": () => json({ items: [row(1)], next_cursor: null }),
    });
    renderApp(<CustomersPage />, { url: "/customers" });
    expect(await screen.findByText("Customer 1")).toBeInTheDocument();
    expect(screen.getByLabelText("Segment").tagName).toBe("INPUT");
    expect(calls.some((c) => c.path === "/api/v1/segments")).toBe(false);
  });

  it("lets a branch manager filter by an RM of their branch, picked by name", async () => {
    signedIn("bm.bj001");
    const calls = mockApi({
      "GET /api/v1/auth/me": () => json({ ...me, username: "bm.bj001", role: "branch_manager" }),
      "GET /api/v1/segments": () => json({ items: [], next_cursor: null }),
      "GET /api/v1/staff": () =>
        json({
          items: [colleague],
          next_cursor: null,
        }),
      "GET /api/v1/customers": (c) =>
        json({ items: c.search.get("relationship_manager") === "rm.wang" ? [row(7)] : [row(1)], next_cursor: null }),
    });
    renderApp(<CustomersPage />, { url: "/customers" });
    const user = userEvent.setup();
    expect(await screen.findByText("Customer 1")).toBeInTheDocument();
    await screen.findByRole("option", { name: "Wang Lei (rm.wang) · Beijing Chaoyang" });
    await user.selectOptions(screen.getByLabelText("Relationship manager"), "rm.wang");
    expect(await screen.findByText("Customer 7")).toBeInTheDocument();
    expect(calls.find((c) => c.path === "/api/v1/staff")!.search.getAll("role")).toEqual(["rm"]);
  });

  it("searches the RMs as the name is typed when the bank has more than one page of them", async () => {
    signedIn("head.office");
    const lin = {
      ...colleague,
      id: "00000000-0000-4000-8000-000000000777",
      username: "rm.lin",
      display_name: "Lin Na",
    };
    const calls = mockApi({
      "GET /api/v1/auth/me": () => json({ ...me, username: "head.office", role: "admin", branch: null }),
      "GET /api/v1/segments": () => json({ items: [], next_cursor: null }),
      "GET /api/v1/staff": (c) =>
        c.search.get("q")
          ? json({ items: [lin], next_cursor: null })
          : json({ items: [colleague], next_cursor: "more" }),
      "GET /api/v1/customers": (c) =>
        json({ items: c.search.get("relationship_manager") === "rm.lin" ? [row(9)] : [row(1)], next_cursor: null }),
    });
    renderApp(<CustomersPage />, { url: "/customers" });
    const user = userEvent.setup();
    expect(await screen.findByText("Customer 1")).toBeInTheDocument();
    const field = await screen.findByRole("combobox", { name: "Relationship manager" });
    expect(field.tagName).toBe("INPUT"); // not a list cut short at the first page
    await user.type(field, "rm.l");
    await waitFor(() =>
      expect(calls.some((c) => c.path === "/api/v1/staff" && c.search.get("q") === "rm.l")).toBe(true),
    );
    const matches = screen.getByTestId("rm-matches");
    await waitFor(() => expect(matches.querySelector('option[value="rm.lin"]')).not.toBeNull());
    expect(matches.querySelector('option[value="rm.wang"]')).toBeNull();
    await user.type(field, "in");
    expect(await screen.findByText("Customer 9")).toBeInTheDocument();
  });
});
