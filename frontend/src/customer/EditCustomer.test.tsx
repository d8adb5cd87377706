import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderApp } from "../test/render";
import { customerFixture } from "../test/fixtures";
import { json, mockApi, problem, signedIn } from "../test/server";
import { EditCustomer } from "./EditCustomer";

describe("editing a customer someone else changed (412)", () => {
  it("shows their change beside mine, and saves mine over theirs with the new ETag", async () => {
    signedIn();
    const base = customerFixture({ occupation: "Teacher", version: 3 });
    // Meanwhile a colleague changed the occupation and the income band.
    const theirs = customerFixture({ occupation: "Doctor", income_band: "300k_1m", version: 4 });
    let patches = 0;
    const calls = mockApi({
      "GET /api/v1/auth/me": () => json({ id: "u", username: "rm.li", display_name: "Li", role: "rm", branch: null }),
      "PATCH /api/v1/customers/:id": (call) => {
        patches += 1;
        if (call.headers.get("If-Match") === '"v3"')
          return problem(
            412,
            "stale-version",
            "customer changed since version 3; read it again and reapply your change",
          );
        return json({ ...theirs, ...(call.body as object), version: 5 }, 200, { ETag: '"v5"' });
      },
      "GET /api/v1/customers/:id": () => json(theirs, 200, { ETag: '"v4"' }),
    });
    const onSaved = vi.fn();
    renderApp(<EditCustomer customer={base} etag='"v3"' onSaved={onSaved} onCancel={() => undefined} />);
    const user = userEvent.setup();

    const occupation = screen.getByLabelText("Occupation");
    await user.clear(occupation);
    await user.type(occupation, "Engineer");
    await user.click(screen.getByRole("button", { name: "Save" }));

    const dialog = await screen.findByRole("alertdialog");
    expect(dialog).toHaveTextContent("Someone else changed this customer while you were editing");
    const occupationRow = within(dialog).getByRole("row", { name: /Occupation/ });
    expect(occupationRow).toHaveTextContent("Teacher"); // when I opened it
    expect(occupationRow).toHaveTextContent("Engineer"); // mine
    expect(occupationRow).toHaveTextContent("Doctor"); // theirs
    // Their other change is shown too, so I know what I would be saving over.
    expect(within(dialog).getByRole("row", { name: /Income band/ })).toHaveTextContent("300k–1M");
    expect(onSaved).not.toHaveBeenCalled();

    await user.click(within(dialog).getByRole("button", { name: "Save my changes over theirs" }));
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalled());
    const retry = calls.filter((c) => c.method === "PATCH")[1];
    expect(patches).toBe(2);
    expect(retry.headers.get("If-Match")).toBe('"v4"');
    // Only my field goes over; their income band stays.
    expect(retry.body).toEqual({ occupation: "Engineer" });
    expect(onSaved.mock.calls[0][0].occupation).toBe("Engineer");
    expect(onSaved.mock.calls[0][0].income_band).toBe("300k_1m");
    expect(onSaved.mock.calls[0][1]).toBe('"v5"');
  });

  it("keeps theirs when I choose to discard mine", async () => {
    signedIn();
    const theirs = customerFixture({ occupation: "Doctor", version: 4 });
    mockApi({
      "GET /api/v1/auth/me": () => json({ id: "u", username: "rm.li", display_name: "Li", role: "rm", branch: null }),
      "PATCH /api/v1/customers/:id": () => problem(412, "stale-version", "stale"),
      "GET /api/v1/customers/:id": () => json(theirs, 200, { ETag: '"v4"' }),
    });
    const onSaved = vi.fn();
    renderApp(<EditCustomer customer={customerFixture()} etag='"v3"' onSaved={onSaved} onCancel={() => undefined} />);
    const user = userEvent.setup();
    await user.clear(screen.getByLabelText("Occupation"));
    await user.type(screen.getByLabelText("Occupation"), "Engineer");
    await user.click(screen.getByRole("button", { name: "Save" }));
    await user.click(await screen.findByRole("button", { name: "Discard mine, keep theirs" }));
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ occupation: "Doctor" }), '"v4"');
  });

  it("shows the fields the server rejects (422) in the form", async () => {
    signedIn();
    mockApi({
      "GET /api/v1/auth/me": () => json({ id: "u", username: "rm.li", display_name: "Li", role: "rm", branch: null }),
      "PATCH /api/v1/customers/:id": () =>
        problem(422, "validation-error", "emails[0]: not an email address", [
          { field: "emails[0]", message: "not an email address" },
        ]),
    });
    renderApp(<EditCustomer customer={customerFixture()} etag='"v3"' onSaved={vi.fn()} onCancel={() => undefined} />, {
      locale: "zh-CN",
    });
    const user = userEvent.setup();
    const emails = screen.getByLabelText("邮箱");
    await user.clear(emails);
    await user.type(emails, "not-an-email");
    await user.click(screen.getByRole("button", { name: "保存" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("部分字段无效。");
    expect(alert).toHaveTextContent("emails[0]");
  });
});
