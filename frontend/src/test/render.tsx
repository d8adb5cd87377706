import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { MemoryRouter } from "react-router";
import { makeQueryClient, Providers } from "../App";
import { useAuth } from "../auth";
import type { Locale } from "../format";

/** Render inside the app's providers, at a URL, in a language. */
export function renderApp(ui: ReactElement, { url = "/", locale = "en" }: { url?: string; locale?: Locale } = {}) {
  localStorage.setItem("crm.locale", locale);
  const client = makeQueryClient();
  client.setDefaultOptions({ queries: { ...client.getDefaultOptions().queries, retry: false } });
  return render(
    <Providers client={client}>
      <MemoryRouter initialEntries={[url]}>{ui}</MemoryRouter>
    </Providers>,
  );
}

/** The signed-in role as the app knows it (empty until /auth/me answers), for a test to wait on. */
export function Who() {
  const { me } = useAuth();
  return <p data-testid="who">{me?.role ?? ""}</p>;
}
