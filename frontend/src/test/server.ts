// A fake network for component tests: fetch is replaced at the boundary, and each route answers like the API.
import { vi } from "vitest";

export interface Call {
  method: string;
  path: string;
  search: URLSearchParams;
  headers: Headers;
  body: unknown;
}

type Handler = (call: Call) => Response | Promise<Response>;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": status >= 400 ? "application/problem+json" : "application/json", ...headers },
  });
}

export function problem(status: number, slug: string, detail: string, errors?: { field: string; message: string }[]) {
  return json({ type: `/problems/${slug}`, title: slug, status, detail, ...(errors ? { errors } : {}) }, status);
}

/** Install routes like {"GET /api/v1/customers": handler}; path params written as :name. Returns the calls seen. */
export function mockApi(routes: Record<string, Handler>): Call[] {
  const calls: Call[] = [];
  const compiled = Object.entries(routes).map(([key, handler]) => {
    const [method, pattern] = key.split(" ");
    const re = new RegExp(`^${pattern.replace(/:[a-z_]+/g, "[^/]+")}$`);
    return { method, re, handler };
  });
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: Request | string, init?: RequestInit) => {
      const req = typeof input === "string" ? new Request(new URL(input, "http://localhost"), init) : input;
      const url = new URL(req.url);
      const text = req.method === "GET" ? "" : await req.clone().text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        /* form bodies stay text */
      }
      const call: Call = {
        method: req.method,
        path: url.pathname,
        search: url.searchParams,
        headers: req.headers,
        body,
      };
      calls.push(call);
      const route = compiled.find((r) => r.method === req.method && r.re.test(url.pathname));
      if (!route) return problem(404, "not-found", `no fake route for ${req.method} ${url.pathname}`);
      return route.handler(call);
    }),
  );
  return calls;
}

export function signedIn(username = "rm.li"): void {
  sessionStorage.setItem(
    "crm.session",
    JSON.stringify({ token: "test-token", expiresAt: Date.now() + 3_600_000, username }),
  );
}

export const me = {
  id: "00000000-0000-4000-8000-000000000001",
  username: "rm.li",
  display_name: "Li Ming",
  role: "rm",
  branch: "BJ001",
};

/** Another RM of the signed-in user's branch, as the staff directory lists them. */
export const colleague = {
  id: "00000000-0000-4000-8000-000000000002",
  username: "rm.wang",
  display_name: "Wang Lei",
  role: "rm",
  branch: "BJ001",
  branch_name: "Beijing Chaoyang",
};
