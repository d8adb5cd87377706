import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ApiError } from "./api/client";
import { ErrorMessage } from "./components/Status";
import { I18nProvider } from "./i18n";
import { translator } from "./i18n";
import { readableError } from "./problem";

const invalid = new ApiError(422, {
  type: "/problems/validation-error",
  title: "Invalid input",
  status: 422,
  detail: "phones[0]: not an E.164 phone number (and 1 more)",
  errors: [
    { field: "phones[0]", message: "'123' is not an E.164 phone number" },
    { field: "emails[1]", message: "not an email address" },
  ],
});

describe("problem+json reaches the user in their language", () => {
  it("names every field the server rejected, in English", () => {
    render(
      <I18nProvider locale="en">
        <ErrorMessage error={invalid} />
      </I18nProvider>,
    );
    expect(screen.getByRole("alert")).toHaveTextContent("Some fields are not valid.");
    expect(screen.getByText("phones[0]")).toBeInTheDocument();
    expect(screen.getByText(/not an E.164 phone number/)).toBeInTheDocument();
    expect(screen.getByText("emails[1]")).toBeInTheDocument();
  });

  it("says the same in Chinese", () => {
    render(
      <I18nProvider locale="zh-CN">
        <ErrorMessage error={invalid} />
      </I18nProvider>,
    );
    expect(screen.getByRole("alert")).toHaveTextContent("部分字段无效。");
    expect(screen.getByRole("alert")).toHaveTextContent("需要修改的字段：");
  });

  it("maps statuses and types to sentences, and keeps the server's detail beneath", () => {
    const t = translator("en");
    const notFound = readableError(
      new ApiError(404, { status: 404, type: "/problems/not-found", detail: "no customer x" }),
      t,
    );
    expect(notFound.message).toMatch(/outside your portfolio/);
    expect(notFound.detail).toBe("no customer x");
    expect(readableError(new ApiError(403, { status: 403, detail: "role rm may not" }), t).message).toBe(
      "Your role is not allowed to do this.",
    );
    expect(readableError(new ApiError(0, null), translator("zh-CN")).message).toBe(
      "无法连接服务器，请检查网络后重试。",
    );
    expect(readableError(new ApiError(418, null), t).message).toBe("Something went wrong (HTTP 418).");
    expect(readableError(new ApiError(502, null), t).message).toMatch(/server had a problem/);
  });
});
