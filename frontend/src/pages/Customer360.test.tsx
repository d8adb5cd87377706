import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Route, Routes } from "react-router";
import { renderApp, Who } from "../test/render";
import { caseFixture, customerFixture } from "../test/fixtures";
import { json, me, mockApi, problem, signedIn, type Call } from "../test/server";
import { Customer360Page } from "./Customer360";

const SPOUSE = "22222222-2222-4222-8222-222222222222";
const CHILD = "33333333-3333-4333-8333-333333333333";

function page(locale: "en" | "zh-CN" = "en") {
  signedIn();
  const customer = customerFixture({
    relations: [
      { related_customer_id: SPOUSE, type: "spouse", since: null },
      { related_customer_id: CHILD, type: "child", since: null },
    ],
  });
  mockApi({
    "GET /api/v1/auth/me": () => json(me),
    "GET /api/v1/customers/:id": (call) => {
      if (call.path.endsWith(customer.id)) return json(customer, 200, { ETag: '"v3"' });
      // The child is in the reader's portfolio; the spouse is another RM's customer: 404, as the API scopes it.
      if (call.path.endsWith(CHILD))
        return json(customerFixture({ id: CHILD, display_name: "王小明 (Wang Xiaoming)" }), 200, { ETag: '"v1"' });
      return problem(404, "not-found", `customer ${SPOUSE} not found`);
    },
    "GET /api/v1/customers/:id/holdings": () => json({ items: [] }),
    "GET /api/v1/customers/:id/timeline": () => json({ items: [], next_cursor: null }),
    "GET /api/v1/cases": () => json({ items: [], next_cursor: null }),
  });
  renderApp(
    <Routes>
      <Route path="/customers/:customerId" element={<Customer360Page />} />
    </Routes>,
    { url: `/customers/${customer.id}`, locale },
  );
}

describe("related customers on the 360 view", () => {
  it("names the relation and links a relative in the portfolio, and says when one is outside it", async () => {
    page();
    const panel = await screen.findByRole("region", { name: "Relations" });
    expect(await within(panel).findByRole("link", { name: "王小明 (Wang Xiaoming)" })).toHaveAttribute(
      "href",
      `/customers/${CHILD}`,
    );
    expect(await within(panel).findByText("a customer outside your portfolio")).toBeInTheDocument();
    expect(within(panel).getByText("spouse")).toBeInTheDocument();
    expect(within(panel).getByText("child")).toBeInTheDocument();
    expect(within(panel).queryByText(/^22222222/)).not.toBeInTheDocument();
  });

  it("in Chinese", async () => {
    page("zh-CN");
    expect(await screen.findByText("不在您名下的客户")).toBeInTheDocument();
    expect(screen.getByText("配偶")).toBeInTheDocument();
    expect(screen.getByText("子女")).toBeInTheDocument();
  });
});

describe("the cases panel on the 360 view", () => {
  const customer = customerFixture();
  const casesCalls = (calls: Call[]) => calls.filter((c) => c.path === "/api/v1/cases");

  function open(role: string, whoAmI: () => Response | Promise<Response> = () => json({ ...me, role })) {
    signedIn();
    const calls = mockApi({
      "GET /api/v1/auth/me": whoAmI,
      "GET /api/v1/customers/:id": () => json(customer, 200, { ETag: '"v3"' }),
      "GET /api/v1/customers/:id/holdings": () => json({ items: [] }),
      "GET /api/v1/customers/:id/timeline": () => json({ items: [], next_cursor: null }),
      "GET /api/v1/alerts": () => json({ items: [], next_cursor: null }),
      "GET /api/v1/cases": () => json({ items: [caseFixture()], next_cursor: null }),
    });
    renderApp(
      <>
        <Who />
        <Routes>
          <Route path="/customers/:customerId" element={<Customer360Page />} />
        </Routes>
      </>,
      { url: `/customers/${customer.id}` },
    );
    return calls;
  }

  it("lists the customer's cases for an RM, with the Close button", async () => {
    const calls = open("rm");
    const panel = await screen.findByRole("region", { name: "Complaints and service requests" });
    expect(await within(panel).findByText("Charged twice for annual card fee")).toBeInTheDocument();
    expect(within(panel).getByText("Overdue")).toBeInTheDocument();
    expect(within(panel).getByRole("button", { name: "Close case…" })).toBeInTheDocument();
    expect(casesCalls(calls)[0].search.get("customer_id")).toBe(customer.id);
    expect(casesCalls(calls)[0].search.get("limit")).toBe("50");
  });

  it("shows an auditor the cases without the Close button", async () => {
    open("auditor");
    const panel = await screen.findByRole("region", { name: "Complaints and service requests" });
    expect(await within(panel).findByText("Charged twice for annual card fee")).toBeInTheDocument();
    expect(within(panel).queryByRole("button", { name: /Close case/ })).toBeNull();
  });

  it("asks nothing for marketing, who may not read cases", async () => {
    const calls = open("marketing");
    await screen.findByRole("heading", { name: customer.display_name });
    await waitFor(() => expect(screen.getByTestId("who")).toHaveTextContent("marketing"));
    await waitFor(() => expect(calls.some((c) => c.path.endsWith("/timeline"))).toBe(true));
    expect(screen.queryByRole("region", { name: "Complaints and service requests" })).toBeNull();
    expect(casesCalls(calls)).toHaveLength(0);
  });

  it("asks nothing before the role is known, and then asks", async () => {
    let answer!: (r: Response) => void;
    const calls = open("rm", () => new Promise<Response>((resolve) => (answer = resolve)));
    await screen.findByRole("heading", { name: customer.display_name });
    await waitFor(() => expect(calls.some((c) => c.path.endsWith("/timeline"))).toBe(true));
    expect(screen.getByTestId("who")).toBeEmptyDOMElement();
    expect(casesCalls(calls)).toHaveLength(0);
    answer(json({ ...me, role: "rm" }));
    expect(await screen.findByText("Charged twice for annual card fee")).toBeInTheDocument();
    expect(casesCalls(calls)).toHaveLength(1);
  });
});

describe("segments on the 360 view", () => {
  function openWith(customer: ReturnType<typeof customerFixture>, locale: "en" | "zh-CN" = "en") {
    signedIn();
    mockApi({
      "GET /api/v1/auth/me": () => json(me),
      "GET /api/v1/customers/:id": () => json(customer, 200, { ETag: '"v3"' }),
      "GET /api/v1/customers/:id/holdings": () => json({ items: [] }),
      "GET /api/v1/customers/:id/timeline": () => json({ items: [], next_cursor: null }),
      "GET /api/v1/alerts": () => json({ items: [], next_cursor: null }),
      "GET /api/v1/cases": () => json({ items: [], next_cursor: null }),
    });
    renderApp(
      <Routes>
        <Route path="/customers/:customerId" element={<Customer360Page />} />
      </Routes>,
      { url: `/customers/${customer.id}`, locale },
    );
  }

  it("shows each segment by the name marketing gave it, and by its code when the server sent no name", async () => {
    openWith(
      customerFixture({
        segments: ["young_professionals", "hk_movers", "legacy_q3"],
        segment_names: { young_professionals: "Young professionals", hk_movers: "大湾区往来客户" },
      }),
    );
    await screen.findByRole("heading", { name: "王芳 (Wang Fang)" });
    const segments = screen.getByTestId("c360-segments");
    expect(segments).toHaveTextContent(/^Young professionals, 大湾区往来客户, legacy_q3$/);
    expect(screen.queryByText(/young_professionals|hk_movers/)).toBeNull();
    // The code stays at hand, as the title.
    expect(within(segments).getByText("Young professionals")).toHaveAttribute("title", "young_professionals");
  });

  it("shows no segments part when the customer is in none", async () => {
    openWith(customerFixture({ segments: [], segment_names: {} }));
    await screen.findByRole("heading", { name: "王芳 (Wang Fang)" });
    expect(screen.queryByTestId("c360-segments")).toBeNull();
  });
});
