// The one HTTP client: typed from openapi.yaml (schema.d.ts), bearer token added here, 401 reported here.
import createClient, { type Middleware } from "openapi-fetch";
import type { components, paths } from "./schema";

export type Schemas = components["schemas"];

export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem details, as the API sends them. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: FieldError[] | null;
  [extra: string]: unknown;
}

/** A failed call: the HTTP status and the problem body when there is one (null for network failures). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;
  constructor(status: number, problem: Problem | null) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.name = "ApiError";
    this.status = status;
    this.problem = problem;
  }
}

type TokenSource = () => string | null;
let currentToken: TokenSource = () => null;
let unauthorized: () => void = () => undefined;

/** The auth provider tells the client where the token is and what to do when the server says 401. */
export function connectSession(token: TokenSource, onUnauthorized: () => void): void {
  currentToken = token;
  unauthorized = onUnauthorized;
}

const session: Middleware = {
  onRequest({ request }) {
    const token = currentToken();
    if (token) request.headers.set("Authorization", `Bearer ${token}`);
    return request;
  },
  onResponse({ request, response }) {
    // A 401 on sign-in is a wrong password; anywhere else the session has expired or been revoked.
    if (response.status === 401 && !request.url.includes("/api/v1/auth/token")) unauthorized();
    return response;
  },
};

function origin(): string {
  return typeof window !== "undefined" && window.location ? window.location.origin : "http://127.0.0.1";
}

// fetch is looked up per call so tests can replace it at the network boundary.
export const api = createClient<paths>({ baseUrl: origin(), fetch: (req: Request) => globalThis.fetch(req) });
api.use(session);

/**
 * A plain fetch of an API path with the session's bearer token, for what the typed client cannot read (a
 * server-sent event stream: EventSource cannot send the Authorization header). A 401 ends the session here too.
 */
export async function fetchWithSession(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const token = currentToken();
  if (token) headers.set("Authorization", `Bearer ${token}`);
  const response = await globalThis.fetch(new URL(path, origin()).toString(), { ...init, headers });
  if (response.status === 401) unauthorized();
  return response;
}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of a successful call, or an ApiError carrying the problem. */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  const { data } = await unwrapWithResponse(call);
  return data;
}

export async function unwrapWithResponse<T>(call: Promise<FetchResult<T>>): Promise<{ data: T; response: Response }> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch (e) {
    throw new ApiError(0, null);
  }
  const { data, error, response } = result;
  if (!response.ok) {
    const problem = error && typeof error === "object" ? (error as Problem) : null;
    throw new ApiError(response.status, problem ? { ...problem, status: problem.status ?? response.status } : null);
  }
  return { data: data as T, response };
}
