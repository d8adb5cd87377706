// End-to-end: the built SPA served by the real API server (SQLite with demo data), driven in Debian's chromium
// through playwright-core. Prints "N passed, N failed" and exits non-zero on any failure.
//   npm run build && npm run e2e        (CHROMIUM_PATH, CRM_BIN, E2E_PORT override the defaults)
import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const frontend = resolve(here, "..");
const repo = resolve(frontend, "..");
const crm = process.env.CRM_BIN ?? join(repo, ".venv/bin/crm");
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// A free port in 8141-8149 unless one is given (another run may hold the first).
async function freePort() {
  if (process.env.E2E_PORT) return Number(process.env.E2E_PORT);
  for (let p = 8141; p <= 8149; p++) {
    const free = await new Promise((ok) => {
      const probe = createServer().once("error", () => ok(false));
      probe.listen(p, "127.0.0.1", () => probe.close(() => ok(true)));
    });
    if (free) return p;
  }
  throw new Error("no free port in 8141-8149");
}
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const shots = join(frontend, "test-results/screenshots");
const PASSWORD = "demo-pass-2026";

if (!existsSync(join(frontend, "dist/index.html"))) {
  console.error("frontend/dist is missing: run `npm run build` first");
  process.exit(2);
}
mkdirSync(shots, { recursive: true });

// ---- the real server, on a throwaway SQLite database with the demo bank ----
const work = mkdtempSync(join(tmpdir(), "crm-e2e-"));
const env = {
  ...process.env,
  CRM_DATABASE_URL: `sqlite+aiosqlite:///${join(work, "crm.db")}`,
  CRM_ENVIRONMENT: "development",
  CRM_SERVE_FRONTEND: "true",
};
const run = (args) => execFileSync(crm, args, { env, cwd: repo, stdio: ["ignore", "pipe", "inherit"] }).toString();
run(["migrate"]);
run(["demo", "--customers", "300"]);
// Scores, tiers and alerts come from the value area's rescore (when this build of the server has it).
if (run(["--help"]).includes("rescore")) run(["rescore"]);
const server = spawn(crm, ["serve", "--port", String(port)], { env, cwd: repo, stdio: ["ignore", "pipe", "pipe"] });
let serverLog = "";
server.stdout.on("data", (d) => (serverLog += d));
server.stderr.on("data", (d) => (serverLog += d));

async function waitReady() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/readyz`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not come up on ${base}\n${serverLog}`);
}

// ---- the API, for finding data and for a colleague's concurrent change ----
async function token(username) {
  const r = await fetch(`${base}/api/v1/auth/token`, {
    method: "POST",
    body: new URLSearchParams({ username, password: PASSWORD }),
  });
  if (!r.ok) throw new Error(`sign-in ${username}: ${r.status}`);
  return (await r.json()).access_token;
}
async function apiGet(tok, path) {
  const r = await fetch(base + path, { headers: { Authorization: `Bearer ${tok}` } });
  return { status: r.status, etag: r.headers.get("ETag"), body: await r.json() };
}
async function hasPath(path) {
  const spec = await (await fetch(`${base}/openapi.json`)).json();
  return path in spec.paths;
}

// ---- a tiny runner ----
const results = [];
async function test(name, fn) {
  const started = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`  ok    ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    results.push({ name, ok: false });
    console.log(
      `  FAIL  ${name}\n        ${String(e?.stack ?? e)
        .split("\n")
        .slice(0, 4)
        .join("\n        ")}`,
    );
    try {
      await page?.screenshot({ path: join(shots, `FAILED-${name.replace(/\W+/g, "-")}.png`), fullPage: true });
    } catch {
      /* no page */
    }
  }
}
function skip(name, why) {
  results.push({ name, ok: true, skipped: true });
  console.log(`  SKIP  ${name}: ${why}`);
}
function expect(cond, message) {
  if (!cond) throw new Error(message);
}
async function shot(name) {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

let browser;
let page;
let exitCode = 1;
try {
  await waitReady();
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  // Each context is a fresh profile (playwright gives every context its own storage).
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: "en-US" });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const pageErrors = [];
  page.on("pageerror", (e) => pageErrors.push(String(e)));

  const liToken = await token("rm.li");
  const liCustomers = (await apiGet(liToken, "/api/v1/customers?limit=50")).body.items;
  expect(liCustomers.length > 0, "rm.li has no customers in the demo data");
  const target = liCustomers.find((c) => c.display_name.includes("(")) ?? liCustomers[0];

  async function signIn(username) {
    await page.goto(`${base}/login`);
    await page.evaluate(() => sessionStorage.removeItem("crm.session"));
    await page.goto(`${base}/login`);
    await page.getByLabel(/Username|用户名/).fill(username);
    await page.getByLabel(/Password|密码/).fill(PASSWORD);
    await page.getByRole("button", { name: /^(Sign in|登录)$/ }).click();
  }

  await test("sign in as rm.li lands on My day", async () => {
    await page.goto(base + "/");
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    await page.evaluate(() => localStorage.setItem("crm.locale", "en"));
    await page.reload();
    await shot("01-login");
    await signIn("rm.li");
    await page.getByRole("link", { name: "My day" }).waitFor();
    await page.getByText(/Signed in as .*\(relationship manager\)/).waitFor();
    await page.waitForLoadState("networkidle");
    await shot("02-my-day");
  });

  await test("find a customer by name and open the 360 view with the keyboard", async () => {
    await page.getByRole("link", { name: "Customers" }).click();
    await page.getByRole("heading", { name: "Customers" }).waitFor();
    await page.locator("#customer-results").waitFor();
    await page.keyboard.press("/");
    const search = page.getByLabel("Search by name, number or phone");
    expect(await search.evaluate((el) => el === document.activeElement), "/ did not focus the search box");
    const name = target.display_name.split(" (")[0];
    await search.fill(name);
    // The search is debounced into the URL; wait for the answer to that query before moving through it.
    await page.waitForURL((url) => url.searchParams.get("q") === name);
    await page.waitForLoadState("networkidle");
    await page.locator("#customer-results tbody tr", { hasText: target.customer_number }).waitFor();
    const shown = await page.locator("#customer-results tbody tr").allTextContents();
    expect(
      shown.every((r) => r.includes(name)),
      `rows not matching ${name}: ${shown.length}`,
    );
    await shot("03-customers");
    // Move to the row of our customer and open it with Enter.
    const rows = await page.locator("#customer-results tbody tr").allTextContents();
    const index = rows.findIndex((r) => r.includes(target.customer_number));
    for (let i = 0; i <= index; i++) await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.waitForURL(`**/customers/${target.id}`);
    await page.getByRole("heading", { name: target.display_name }).waitFor();
  });

  await test("the 360 view shows the timeline and the AUM chart", async () => {
    await page.locator("[data-testid=timeline] ol.events li").first().waitFor();
    const events = await page.locator("[data-testid=timeline] ol.events li").count();
    expect(events > 0, "no timeline entries");
    await page.locator("[data-testid=aum-chart] svg .recharts-area-area").waitFor();
    await page.getByRole("table", { name: "Holdings" }).waitFor();
    if (await hasPath("/api/v1/customers/{customer_id}/value")) {
      await page.locator("[data-testid=value-panel] [data-testid=churn-risk]").waitFor();
    }
    // Filter the timeline to one channel: every entry shown is on that channel.
    const firstChannel = await page.locator("[data-testid=timeline] .event-channel").first().textContent();
    await page.locator("[data-testid=timeline] .chips label", { hasText: firstChannel }).click();
    await page.locator("[data-testid=timeline] .chips label.on").waitFor();
    await page.locator("[data-testid=timeline] ol.events li").first().waitFor();
    const channels = await page.locator("[data-testid=timeline] .event-channel").allTextContents();
    expect(channels.length > 0 && channels.every((c) => c === firstChannel), `filter leaked: ${channels.join(",")}`);
    await shot("04-customer-360");
  });

  await test("reveal shows the phone in full, and the server audits it", async () => {
    const phoneFact = page.locator(".fact", { hasText: "Phones" });
    expect((await phoneFact.textContent()).includes("*"), "phone was not masked to begin with");
    await page.getByRole("button", { name: "Reveal", exact: true }).click();
    await page.getByText("Shown in full (recorded)").waitFor();
    await page.waitForFunction(() => {
      const fact = [...document.querySelectorAll(".fact")].find((f) => f.textContent.startsWith("Phones"));
      return fact && /\+\d{8,}/.test(fact.textContent) && !fact.textContent.includes("*");
    });
    const auditor = await token("audit.sun");
    const audit = await apiGet(auditor, `/api/v1/audit?customer_id=${target.id}&action=reveal&limit=50`);
    expect(audit.status === 200, `audit answered ${audit.status}`);
    expect(
      audit.body.items.some((e) => e.actor === "rm.li"),
      "no reveal by rm.li in the audit log",
    );
  });

  await test("edit a field; the change is saved and survives a reload", async () => {
    const occupation = `Engineer ${Date.now() % 100000}`;
    await page.getByRole("button", { name: "Edit profile" }).click();
    await page.getByLabel("Occupation").fill(occupation);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByText("Saved.", { exact: true }).waitFor();
    await page.reload();
    await page.getByRole("heading", { name: target.display_name }).waitFor();
    await page.locator(".fact", { hasText: occupation }).waitFor();
    const fresh = await apiGet(liToken, `/api/v1/customers/${target.id}`);
    expect(fresh.body.occupation === occupation, `server has ${fresh.body.occupation}`);
  });

  await test("a stale edit shows the colleague's change beside mine (412)", async () => {
    await page.getByRole("button", { name: "Edit profile" }).click();
    // A colleague saves first, through the API.
    const current = await apiGet(liToken, `/api/v1/customers/${target.id}`);
    const r = await fetch(`${base}/api/v1/customers/${target.id}`, {
      method: "PATCH",
      headers: { Authorization: `Bearer ${liToken}`, "If-Match": current.etag, "Content-Type": "application/json" },
      body: JSON.stringify({ occupation: "Colleague's value" }),
    });
    expect(r.ok, `colleague's PATCH failed ${r.status}`);
    await page.getByLabel("Occupation").fill("My value");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    const dialog = page.getByRole("alertdialog");
    await dialog.waitFor();
    const row = dialog.getByRole("row", { name: /Occupation/ });
    await row.getByText("My value").waitFor();
    await row.getByText("Colleague's value").waitFor();
    await shot("05-edit-conflict");
    await dialog.getByRole("button", { name: "Save my changes over theirs" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByText("Saved.", { exact: true }).waitFor();
    const fresh = await apiGet(liToken, `/api/v1/customers/${target.id}`);
    expect(
      fresh.body.occupation === "My value",
      `server has ${fresh.body.occupation} v${fresh.body.version}\n${serverLog
        .split("\n")
        .filter((l) => l.includes(target.id) && !l.includes("/timeline") && !l.includes("/holdings"))
        .slice(-10)
        .join("\n")}`,
    );
  });

  if (await hasPath("/api/v1/alerts")) {
    await test("acknowledge an alert in the inbox", async () => {
      await page.getByRole("link", { name: "Alerts" }).click();
      await page.getByRole("heading", { name: "Alerts" }).waitFor();
      await page.waitForLoadState("networkidle");
      const ack = page.getByRole("button", { name: "Acknowledge" }).first();
      await ack.waitFor();
      const row = page.locator("[data-alert-id]", { has: ack }).first();
      const id = await row.getAttribute("data-alert-id");
      await shot("06-alerts");
      await ack.click();
      // It leaves the open inbox and shows among the acknowledged ones.
      await page.locator(`[data-alert-id="${id}"]`).waitFor({ state: "detached" });
      await page.getByLabel("Status").selectOption("acknowledged");
      await page.locator(`[data-alert-id="${id}"] [data-status="acknowledged"]`).waitFor();
      const list = await apiGet(liToken, `/api/v1/alerts?status=acknowledged&limit=500`);
      const alert = list.body.items.find((a) => a.id === id);
      expect(alert && alert.status === "acknowledged", `alert ${id} is ${alert?.status}`);
      // Then resolve it with a note.
      const row2 = page.locator(`[data-alert-id="${id}"]`);
      await row2.getByRole("button", { name: "Resolve…" }).click();
      await row2.getByLabel("Resolution note").fill("Called the customer; all in order.");
      await row2.getByRole("button", { name: "Resolve", exact: true }).click();
      await row2.waitFor({ state: "detached" });
      const after = await apiGet(liToken, `/api/v1/alerts?status=resolved&limit=500`);
      const resolved = after.body.items.find((a) => a.id === id);
      expect(resolved?.resolution_note === "Called the customer; all in order.", `alert ${id} not resolved`);
    });

    await test("hand an open alert to the branch manager, picked by name", async () => {
      await page.getByLabel("Status").selectOption("open");
      await page.waitForLoadState("networkidle");
      const open = await apiGet(liToken, `/api/v1/alerts?status=open&limit=1`);
      const id = open.body.items[0]?.id;
      expect(id, "rm.li has no open alert left to hand over");
      const row = page.locator(`[data-alert-id="${id}"]`);
      await row.getByRole("button", { name: "Assign…" }).click();
      const picker = row.getByLabel("Assign to");
      const option = picker.locator("option", { hasText: "(bm.bj001)" });
      await option.waitFor({ state: "attached" });
      // rm.wang cannot see rm.li's customer, so is not offered
      const offered = await picker.locator("option").allTextContents();
      expect(!offered.some((o) => o.includes("rm.wang")), `rm.wang offered: ${offered.join(" | ")}`);
      await picker.selectOption({ label: (await option.textContent()).trim() });
      await row.getByRole("button", { name: "Assign", exact: true }).click();
      await row.getByText(/Assigned to: bm\.bj001/).waitFor();
      const bm = await token("bm.bj001");
      const theirs = await apiGet(bm, `/api/v1/alerts?assigned_to=me&limit=500`);
      expect(
        theirs.body.items.some((a) => a.id === id),
        `alert ${id} is not in bm.bj001's inbox`,
      );
    });
  } else {
    skip("acknowledge an alert in the inbox", "the server has no /api/v1/alerts yet");
  }

  if (await hasPath("/api/v1/cases")) {
    await test("close an open case on the 360 view with what was done and the satisfaction", async () => {
      // Whichever case of rm.li's is open now (the demo closes the complaints its follow-up calls answered).
      const queue = await apiGet(liToken, "/api/v1/cases?status=open&limit=50");
      expect(queue.status === 200, `cases answered ${queue.status}`);
      const open = queue.body.items[0];
      expect(open, "rm.li has no open case in the demo data");
      await page.goto(`${base}/customers/${open.customer.id}`);
      await page.getByRole("heading", { name: open.customer.display_name }).waitFor();
      const panel = page.getByRole("region", { name: "Complaints and service requests" });
      const row = panel.locator(`[data-case-id="${open.id}"]`);
      await row.locator('[data-status="open"]').waitFor();
      await row.getByText(open.subject, { exact: true }).waitFor();
      await row.getByRole("button", { name: "Close case…" }).click();
      const resolution = `E2E: called back, refunded the fee and apologised (${Date.now() % 100000})`;
      await row.getByLabel("Resolution").fill(resolution);
      await row.getByLabel("Customer satisfaction").selectOption({ label: "4 – Satisfied" });
      await shot("15-case-close-form");
      await row.getByRole("button", { name: "Close case", exact: true }).click();
      await row.getByText("Case closed.").waitFor();
      await row.locator('[data-status="closed"]').waitFor();
      await row.getByText(`What was done: ${resolution}`).waitFor();
      await row.getByText(/^Closed by rm\.li on /).waitFor();
      await row.getByText("Satisfaction 4 / 5 (Satisfied)").waitFor();
      expect(!(await row.getByRole("button", { name: "Close case…" }).count()), "a closed case offers Close");
      await shot("16-case-closed");
      const stored = (await apiGet(liToken, `/api/v1/cases/${open.id}`)).body;
      expect(
        stored.status === "closed" && stored.resolution === resolution && stored.satisfaction === 4,
        `server has ${stored.status} ${JSON.stringify(stored.resolution)} ${stored.satisfaction}`,
      );
      // Read afresh, it is still shown closed, with what was done.
      await page.reload();
      await page.getByRole("heading", { name: open.customer.display_name }).waitFor();
      await row.locator('[data-status="closed"]').waitFor();
      await row.getByText(`What was done: ${resolution}`).waitFor();
    });
  } else {
    skip("close an open case on the 360 view", "the server has no /api/v1/cases yet");
  }

  if (await hasPath("/api/v1/segments")) {
    await test("marketing builds a segment rule, previews its count, saves it and sees its members", async () => {
      await signIn("mkt.zhao");
      await page.getByText(/Signed in as .*\(marketing\)/).waitFor();
      await page.getByRole("link", { name: "Segments" }).click();
      await page.getByRole("heading", { name: "Segments", exact: true }).waitFor();
      const name = `E2E key savers ${Date.now() % 100000}`;
      await page.getByLabel("Segment name").fill(name);
      await page.getByLabel("Rule 1 Field").selectOption("tier");
      await page.getByLabel("Rule 1 Value").selectOption("key");
      await page.getByRole("button", { name: "+ Add rule" }).click();
      await page.getByLabel("Rule 2 Field").selectOption("aum");
      await page.getByLabel("Rule 2 Condition").selectOption(">=");
      await page.getByLabel("Rule 2 Value").fill("abc");
      await page.getByRole("button", { name: "Preview count" }).click();
      await page.getByText("Enter a number, like 500000 or 0.5.").waitFor();
      await page.getByLabel("Rule 2 Value").fill("100000");
      await page.getByRole("button", { name: "Preview count" }).click();
      const count = page.getByTestId("preview-count");
      await count.waitFor();
      const shownCount = Number((await count.textContent()).replace(/[^0-9]/g, ""));
      const mkt = await token("mkt.zhao");
      const r = await fetch(`${base}/api/v1/segments/preview`, {
        method: "POST",
        headers: { Authorization: `Bearer ${mkt}`, "Content-Type": "application/json" },
        body: JSON.stringify({ rule: "tier = 'key' and aum >= 100000" }),
      });
      const expected = (await r.json()).count;
      expect(shownCount === expected, `preview shows ${shownCount}, the API counts ${expected}`);
      await shot("07-segment-builder");
      await page.getByRole("button", { name: "Save segment" }).click();
      await page.waitForURL(/\/segments\/[0-9a-f-]{36}$/);
      await page.getByRole("heading", { name: `Members: ${name}` }).waitFor();
      if (expected > 0) await page.getByRole("table", { name: "Members" }).locator("tbody tr").first().waitFor();
      else await page.getByText("No customers in this segment.").waitFor();
      await shot("08-segment-members");
    });
  } else {
    skip("segments page builds a rule and previews its count", "the server has no /api/v1/segments yet");
  }

  if (await hasPath("/api/v1/campaigns")) {
    // Dates as the form's date inputs hold them, in this machine's time zone (the browser's).
    const day = (offset) => {
      const d = new Date();
      d.setDate(d.getDate() + offset);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
    };

    await test("marketing prepares a campaign for the Wealth prospects segment, launches it, and sees its groups and effect", async () => {
      await signIn("mkt.zhao");
      await page.getByText(/Signed in as .*\(marketing\)/).waitFor();
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Campaigns" }).click();
      await page.waitForURL((url) => url.pathname === "/campaigns");
      await page.getByRole("heading", { name: "Campaigns", exact: true }).waitFor();
      // The demo bank's campaigns, the closed one with its measured effect among them.
      const list = page.getByTestId("campaigns");
      await list.getByRole("link", { name: "Year-end time deposit drive", exact: true }).waitFor();
      await list.getByRole("link", { name: "Autumn wealth drive", exact: true }).waitFor();
      await shot("21-campaigns");
      // The closed one: its effect final, judged in words as the server measured it.
      await list.getByRole("link", { name: "Autumn wealth drive", exact: true }).click();
      await page.getByRole("heading", { level: 1, name: "Autumn wealth drive" }).waitFor();
      const autumnId = new URL(page.url()).pathname.split("/").at(-1);
      const autumn = (await apiGet(await token("mkt.zhao"), `/api/v1/campaigns/${autumnId}`)).body;
      const closedEffect = page.getByRole("region", { name: "Effect" });
      await closedEffect.getByTestId("effect-when").getByText("Final", { exact: true }).waitFor();
      const verdict = (await closedEffect.getByTestId("effect-verdict").textContent()).trim();
      expect(
        autumn.effect.significant
          ? /^Significant Likely (caused by the campaign|a real drop)/.test(verdict)
          : autumn.effect.enough_data
            ? /^Not significant Not distinguishable from chance \(/.test(verdict)
            : /^Too little data Too few customers or conversions to tell$/.test(verdict),
        `verdict "${verdict}" for ${JSON.stringify({ p: autumn.effect.p_value, enough_data: autumn.effect.enough_data, significant: autumn.effect.significant })}`,
      );
      await shot("21b-campaign-closed-effect");
      await page.getByRole("link", { name: "All campaigns" }).click();
      await page.waitForURL((url) => url.pathname === "/campaigns");

      await page.getByRole("link", { name: "New campaign" }).click();
      await page.waitForURL((url) => url.pathname === "/campaigns/new");
      const form = page.getByRole("form", { name: "Prepare a campaign" });
      const name = `E2E wealth prospects time deposit (${Date.now().toString(36)})`;
      await form.getByLabel("Name").fill(name);
      await form.getByLabel("Product").selectOption({ label: "Time Deposit 12 Months (TD-12M)" });
      await form.getByLabel("Segment").selectOption({ label: "Wealth prospects" });
      await form.getByLabel("Channel").selectOption("phone");
      await form.getByLabel("Control group (%)").fill("10");
      await form.getByLabel("First day").fill(day(0));
      await form.getByLabel("Last day").fill(day(30));
      await shot("22-campaign-form");
      await form.getByRole("button", { name: "Create draft" }).click();
      await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}$/);
      const id = new URL(page.url()).pathname.split("/").at(-1);
      const heading = page.getByRole("heading", { level: 1, name });
      await heading.waitFor();
      await heading.locator('[data-status="draft"]').waitFor();
      await page.getByText("A draft: nobody is in it until it is launched.").waitFor();

      // Launched only once confirmed.
      await page.getByRole("button", { name: "Launch…" }).click();
      const dialog = page.getByRole("alertdialog", { name: "Launch this campaign?" });
      await dialog.getByText(/a control group of 10% left alone/).waitFor();
      await shot("23-campaign-launch-confirm");
      await dialog.getByRole("button", { name: "Launch now" }).click();
      await page
        .getByTestId("campaign-step-result")
        .getByText(/^Launched: /)
        .waitFor();
      await heading.locator('[data-status="active"]').waitFor();
      const mkt = await token("mkt.zhao");
      const stored = (await apiGet(mkt, `/api/v1/campaigns/${id}`)).body;
      expect(
        stored.status === "active" && stored.product.code === "TD-12M" && stored.channel === "phone",
        `server has ${JSON.stringify({ status: stored.status, product: stored.product, channel: stored.channel })}`,
      );
      expect(stored.targets > 0, "nobody to contact in the launched campaign");
      const n = (v) => v.toLocaleString("en-US");
      const said = await page.getByTestId("campaign-step-result").textContent();
      expect(
        said === `Launched: ${n(stored.targets)} customers to contact, ${n(stored.controls)} held out.`,
        `said: ${said}`,
      );
      const facts = page.getByTestId("campaign-facts");
      await facts.getByText(`Targets${n(stored.targets)}`).waitFor();
      const factsText = await facts.textContent();
      expect(factsText.includes(`Controls${n(stored.controls)}`), `facts: ${factsText}`);
      // Who was left out at launch and why, and the effect so far: target against control.
      await page.getByRole("region", { name: "Left out at launch" }).waitFor();
      const effect = page.getByRole("region", { name: "Effect" });
      const groups = effect.getByRole("table", { name: "Target and control" });
      const customersRow = groups.getByRole("row", { name: /^Customers/ });
      const cells = await customersRow.getByRole("cell").allTextContents();
      expect(
        cells[0] === n(stored.effect.target.customers) && cells[1] === n(stored.effect.control.customers),
        `customers shown ${cells.join(" / ")}`,
      );
      expect((await effect.getByTestId("effect-verdict").textContent()).trim().length > 0, "the effect has no verdict");
      await effect
        .getByTestId("effect-when")
        .getByText(/^So far, as of /)
        .waitFor();
      await effect.getByRole("table", { name: "Responses of the target group" }).waitFor();
      await page.getByRole("region", { name: "Contacts" }).waitFor();
      await shot("24-campaign-launched");
    });

    await test("rm.li opens an active campaign from My day's Campaign contacts, records 'interested', and it stays after a reload", async () => {
      await signIn("rm.li");
      await page.getByText(/Signed in as .*\(relationship manager\)/).waitFor();
      const card = page.getByRole("region", { name: "Campaign contacts" });
      const link = card.getByRole("link", { name: "Year-end time deposit drive", exact: true });
      await link.waitFor();
      await shot("25-my-day-campaign-contacts");
      await link.click();
      await page.waitForURL(
        (url) =>
          /^\/campaigns\/[0-9a-f-]{36}$/.test(url.pathname) &&
          url.searchParams.get("group") === "target" &&
          url.searchParams.get("response") === "none",
      );
      const id = new URL(page.url()).pathname.split("/").at(-1);
      await page.getByRole("heading", { level: 1, name: "Year-end time deposit drive" }).waitFor();
      const table = page.getByTestId("campaign-members");
      const first = table.locator("tbody tr").first();
      await first.waitFor();
      const customerId = await first.getAttribute("data-customer-id");
      const before = await apiGet(liToken, `/api/v1/campaigns/${id}/members?group=target&response=none&limit=1`);
      expect(
        before.body.items[0]?.customer.id === customerId,
        "the first row is not the server's first contact to make",
      );

      const note = `E2E: wants the rate sheet (${Date.now().toString(36)})`;
      const form = first.getByRole("form", { name: /^Record the response of / });
      await form.getByLabel("Response").selectOption({ label: "Interested" });
      await form.getByLabel("Note").fill(note);
      await form.getByRole("button", { name: "Save" }).click();
      await first.getByText("Response saved.").waitFor();
      // Updated in place: the same row, now interested, by rm.li.
      const answered = first.locator('.member-response[data-response="interested"]');
      await answered.getByText("Interested", { exact: true }).waitFor();
      await answered.getByText(/^rm\.li, /).waitFor();
      expect((await first.getAttribute("data-customer-id")) === customerId, "another row took the first place");
      await shot("26-campaign-response-recorded");
      const stored = await apiGet(
        liToken,
        `/api/v1/campaigns/${id}/members?group=target&response=interested&limit=500`,
      );
      const member = stored.body.items.find((m) => m.customer.id === customerId);
      expect(
        member && member.responded_by_username === "rm.li" && member.note === note,
        `server has ${JSON.stringify(member)}`,
      );

      // Read afresh: no longer a contact to make, and shown interested among the interested.
      await page.reload();
      await table.locator("tbody tr").first().waitFor();
      expect(
        (await table.locator(`tr[data-customer-id="${customerId}"]`).count()) === 0,
        "the customer is still listed among the contacts to make",
      );
      await page.locator("#m-response").selectOption("interested");
      await page.waitForURL((url) => url.searchParams.get("response") === "interested");
      const row = table.locator(`tr[data-customer-id="${customerId}"]`);
      await row
        .locator('.member-response[data-response="interested"]')
        .getByText("Interested", { exact: true })
        .waitFor();
      await row.getByText(note).waitFor();
      await row.getByText(/^rm\.li, /).waitFor();
    });
  } else {
    skip(
      "marketing prepares and launches a campaign; rm.li records a response",
      "the server has no /api/v1/campaigns yet",
    );
  }

  if (await hasPath("/api/v1/customers/{customer_id}/next-best-actions")) {
    await test("rm.li sees a customer's next best actions on the 360 view: a maturity naming the account masked, and a campaign's offer that goes away once she records it declined", async () => {
      // From the API: a customer of hers with a deposit to roll over, and a target of the running year-end drive not
      // contacted yet whose actions offer it (the same customer when one has both).
      const mkt = await token("mkt.zhao");
      const drive = (await apiGet(mkt, "/api/v1/campaigns?status=active&limit=50")).body.items.find(
        (c) => c.name === "Year-end time deposit drive",
      );
      expect(drive, "no active 'Year-end time deposit drive' in the demo");
      const actionsOf = async (id) => {
        const r = await apiGet(liToken, `/api/v1/customers/${id}/next-best-actions`);
        expect(r.status === 200, `next-best-actions of ${id} answered ${r.status}`);
        return r.body;
      };
      const isRollOver = (a) => a.kind === "roll_over_maturity";
      const isOffer = (a) => a.kind === "campaign_offer" && a.refs.campaign_id === drive.id && a.refs.response === "";
      const targets = [];
      for (let cursor = null, pages = 0; pages < 10; pages++) {
        const members = await apiGet(
          mkt,
          `/api/v1/campaigns/${drive.id}/members?group=target&response=none&limit=100` +
            (cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""),
        );
        targets.push(...members.body.items.filter((m) => m.rm_username === "rm.li").map((m) => m.customer.id));
        cursor = members.body.next_cursor;
        if (!cursor) break;
      }
      let offered = null;
      let maturing = null;
      for (const id of targets) {
        const actions = await actionsOf(id);
        if (!actions.some(isOffer)) continue;
        offered ??= { id, actions };
        if (actions.some(isRollOver)) {
          offered = maturing = { id, actions };
          break;
        }
      }
      expect(offered, "no customer of rm.li in the drive's target group is offered it");
      const mine = (await apiGet(liToken, "/api/v1/customers?limit=500")).body.items;
      for (const c of mine) {
        if (maturing) break;
        const actions = await actionsOf(c.id);
        if (actions.some(isRollOver)) maturing = { id: c.id, actions };
      }
      expect(maturing, "no customer of rm.li has a maturity to roll over");

      // The maturity, worded by the page from the holding it names: the product and the account's last four digits.
      const roll = maturing.actions.find(isRollOver);
      const holdings = (await apiGet(liToken, `/api/v1/customers/${maturing.id}/holdings?limit=200`)).body.items;
      const holding = holdings.find((h) => h.id === roll.refs.holding_id);
      expect(holding && /^\*{4}\d{4}$/.test(holding.account_number), `the holding is ${JSON.stringify(holding)}`);
      const owed = ["loan", "mortgage"].includes(holding.category);
      const worded = `${owed ? "Discuss repaying or renewing" : "Offer to roll over"} ${holding.product_name} ${holding.account_number}`;
      await page.goto(`${base}/customers/${maturing.id}`);
      const panel = page.getByRole("region", { name: "Next best actions" });
      const rollItem = panel.locator('li[data-kind="roll_over_maturity"]', { hasText: worded });
      await rollItem.locator(".nba-title").getByText(worded, { exact: true }).waitFor();
      await rollItem.getByText("Roll-over", { exact: true }).waitFor();
      const days = holding.days_to_maturity;
      await rollItem.getByText(days === 0 ? /, today$/ : days === 1 ? /, in 1 day$/ : `, in ${days} days`).waitFor();
      await shot("26b-customer-360-next-best-actions");

      // The campaign's offer: recorded declined beside it, it goes away with a sentence saying so.
      if (offered.id !== maturing.id) await page.goto(`${base}/customers/${offered.id}`);
      const offerItem = panel.locator(`li[data-campaign-id="${drive.id}"]`);
      await offerItem.getByText("Campaign offer", { exact: true }).waitFor();
      await offerItem.getByText(/running until .*, and has not been contacted yet;/).waitFor();
      const form = offerItem.getByRole("form", {
        name: "Record the customer's response to Year-end time deposit drive",
      });
      await form.getByLabel("Response").selectOption({ label: "Declined" });
      await form.getByLabel("Note").fill("E2E: keeps her savings in the current account");
      await form.getByRole("button", { name: "Save", exact: true }).click();
      await panel
        .getByText("Declined recorded for Year-end time deposit drive: the offer is no longer proposed.")
        .waitFor();
      await offerItem.waitFor({ state: "detached" });
      // The Campaigns panel of the same page shows it declined.
      await page
        .locator(`#customer-campaigns [data-campaign-id="${drive.id}"] [data-response="declined"]`)
        .getByText("Declined", { exact: true })
        .waitFor();
      await shot("26c-customer-360-offer-declined");
      const member = (
        await apiGet(mkt, `/api/v1/campaigns/${drive.id}/members?group=target&response=declined&limit=500`)
      ).body.items.find((m) => m.customer.id === offered.id);
      expect(member && member.responded_by_username === "rm.li", `server has ${JSON.stringify(member)}`);
      expect(!(await actionsOf(offered.id)).some(isOffer), "the server still offers it");
      // Read afresh: not offered again.
      await page.reload();
      await panel.locator("li.nba-item, .status.empty").first().waitFor();
      expect((await offerItem.count()) === 0, "the declined offer is shown again after a reload");

      // Each read is in the audit log as rm.li's read of that customer.
      const audit = await apiGet(
        await token("audit.sun"),
        `/api/v1/audit?customer_id=${offered.id}&actor=rm.li&action=read&limit=100`,
      );
      expect(
        audit.body.items.some((e) => e.view === "customers-next-best-actions" && e.outcome === 200),
        "no audited read of the next best actions by rm.li",
      );
    });
  } else {
    skip("rm.li sees a customer's next best actions on the 360 view", "the server has no next-best-actions yet");
  }

  if (await hasPath("/api/v1/analytics/rm-performance")) {
    await test("bm.bj001 opens RM performance from the nav, sees rm.li and rm.wang, and the 30-day period stays in the URL", async () => {
      await signIn("bm.bj001");
      await page.getByText(/Signed in as .*\(branch manager\)/).waitFor();
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "RM performance" }).click();
      await page.waitForURL((url) => url.pathname === "/performance");
      await page.getByRole("heading", { level: 1, name: "RM performance" }).waitFor();
      const table = page.getByRole("table", { name: /^RM performance over the last 90 days/ });
      await table.waitFor();
      for (const username of ["rm.li", "rm.wang"])
        await table.locator(`tbody tr[data-username="${username}"]`).waitFor();
      // The branch's RMs, in the server's order (the best monthly contribution first).
      const bm = await token("bm.bj001");
      const report = await apiGet(bm, "/api/v1/analytics/rm-performance?days=90");
      expect(report.status === 200, `rm-performance answered ${report.status}`);
      const shown = await table.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.dataset.username));
      const expected = report.body.rms.map((r) => r.rm.username);
      expect(shown.join() === expected.join(), `shown ${shown.join()}, the server sends ${expected.join()}`);
      expect(
        report.body.rms.every((r) => r.rm.branch === "BJ001"),
        `an RM of another branch: ${report.body.rms.map((r) => `${r.rm.username}@${r.rm.branch}`).join()}`,
      );
      await shot("27-rm-performance");

      await page.getByLabel("Period", { exact: true }).selectOption({ label: "Last 30 days" });
      await page.waitForURL((url) => url.pathname === "/performance" && url.searchParams.get("days") === "30");
      const month = page.getByRole("table", { name: /^RM performance over the last 30 days/ });
      await month.waitFor();
      await month.locator('tbody tr[data-username="rm.li"]').waitFor();
      await month.locator('tbody tr[data-username="rm.wang"]').waitFor();
      // A reload keeps the period.
      await page.reload();
      await page.getByRole("table", { name: /^RM performance over the last 30 days/ }).waitFor();
      expect(
        (await page.getByLabel("Period", { exact: true }).inputValue()) === "30",
        "the period was lost on a reload",
      );
      expect(new URL(page.url()).searchParams.get("days") === "30", `the URL is ${page.url()}`);
    });
  } else {
    skip("a branch manager reads RM performance", "the server has no /api/v1/analytics/rm-performance yet");
  }

  if (await hasPath("/api/v1/tasks")) {
    await test("rm.li finds the agent's call-back among her tasks on My day, says better what it is (title and note), marks it done with what came of it; after a reload it is no longer open, and the customer's 360 view lists it among the latest closed", async () => {
      const liId = (await apiGet(liToken, "/api/v1/auth/me")).body.id;
      const open = (await apiGet(liToken, `/api/v1/tasks?status=open&assignee_id=${liId}&limit=100`)).body.items;
      const callBack = open.find((x) => x.created_by_username === "agent.chen");
      expect(callBack, `rm.li has no open task left by agent.chen: ${JSON.stringify(open.map((x) => x.title))}`);

      await signIn("rm.li");
      await page.getByText(/Signed in as .*\(relationship manager\)/).waitFor();
      const card = page.getByRole("region", { name: "Tasks", exact: true });
      const row = card.locator(`li[data-task-id="${callBack.id}"]`);
      await row.getByText(callBack.title, { exact: true }).waitFor();
      await row.getByText(/left by agent\.chen/).waitFor();
      if (callBack.note) await row.getByText(callBack.note, { exact: false }).waitFor();
      if (callBack.customer)
        await row.getByRole("link", { name: callBack.customer.display_name, exact: true }).waitFor();
      // The soonest first: nothing listed above it is due later.
      const dues = await card.locator("li[data-task-id] time").evaluateAll((ts) => ts.map((t) => t.dateTime));
      expect(
        dues.every((d, i) => i === 0 || dues[i - 1] <= d),
        `the tasks are not the soonest first: ${dues.join(", ")}`,
      );
      await shot("29-my-day-tasks");

      // Say better what it is: a new title and note, saved in place.
      const title = `Call back about fixing the mortgage rate (${Date.now().toString(36)})`;
      const note = "Prefers calls after 6 pm; has the bank's offer of 3.1% for five years.";
      await row.getByRole("button", { name: `Edit: ${callBack.title}` }).click();
      const edit = row.getByRole("form", { name: `Edit “${callBack.title}”` });
      await edit.getByLabel("What to do").fill(title);
      await edit.getByLabel("Note (optional)").fill(note);
      await edit.getByRole("button", { name: "Save" }).click();
      await row.getByTestId("task-result").getByText("Saved.").waitFor();
      await row.getByText(title, { exact: true }).waitFor();
      await row.getByText(`Note: ${note}`).waitFor();
      expect((await edit.count()) === 0, "the edit form is still open");
      const edited = (await apiGet(liToken, `/api/v1/tasks/${callBack.id}`)).body;
      expect(
        edited.title === title && edited.note === note && edited.status === "open" && edited.due_on === callBack.due_on,
        `server has ${JSON.stringify(edited)}`,
      );
      await shot("29b-my-day-task-edited");

      await row.getByRole("button", { name: `Done: ${title}` }).click();
      const outcome = `E2E: called back, she keeps the floating rate (${Date.now().toString(36)})`;
      const form = row.getByRole("form", { name: `Mark “${title}” done` });
      await form.getByLabel("What came of it").fill(outcome);
      await form.getByRole("button", { name: "Mark done" }).click();
      await row
        .getByTestId("task-result")
        .getByText(/^Done\./)
        .waitFor();
      // Updated in place: the same row, now done, with what came of it.
      await row.getByText(`What came of it: ${outcome}`).waitFor();
      expect((await row.getByRole("button", { name: /^Done: / }).count()) === 0, "the Done button is still there");
      const stored = (await apiGet(liToken, `/api/v1/tasks/${callBack.id}`)).body;
      expect(
        stored.status === "done" && stored.outcome === outcome && stored.closed_by_username === "rm.li",
        `server has ${JSON.stringify(stored)}`,
      );
      await shot("30-my-day-task-done");

      await page.reload();
      await card.locator('[data-testid="my-tasks"], .status.empty').first().waitFor();
      expect((await row.count()) === 0, "the call-back is still among rm.li's open tasks after a reload");

      // The customer's 360 view: among the latest closed (status=closed), first, with its new title.
      if (callBack.customer) {
        await page.goto(`${base}/customers/${callBack.customer.id}`);
        const panel = page.locator("#customer-tasks");
        const closed = panel.getByTestId("customer-closed-tasks");
        await closed.locator(`li[data-task-id="${callBack.id}"]`).getByText(title, { exact: true }).waitFor();
        const first = await closed.locator("li[data-task-id]").first().getAttribute("data-task-id");
        expect(first === callBack.id, `the latest closed is ${first}, not the call-back just done`);
        await closed.locator(`li[data-task-id="${callBack.id}"]`).getByText(`What came of it: ${outcome}`).waitFor();
        expect(
          (await panel.getByTestId("customer-open-tasks").locator(`li[data-task-id="${callBack.id}"]`).count()) === 0,
          "the call-back is still among the customer's open tasks",
        );
        await shot("30b-customer-360-latest-closed");
      }
    });
  } else {
    skip("rm.li marks the agent's call-back done on My day", "the server has no /api/v1/tasks yet");
  }

  if (await hasPath("/api/v1/contact-center/context")) {
    // A caller with a phone of their own (not a household's shared one), found as admin, who sees phones in full.
    const adminToken = await token("admin");
    const agentToken = await token("agent.chen");
    let caller = null;
    let callerPhone = null;
    for (const c of (await apiGet(adminToken, "/api/v1/customers?limit=40")).body.items) {
      const detail = (await apiGet(adminToken, `/api/v1/customers/${c.id}`)).body;
      const phone = detail.phones?.[0];
      if (!phone || phone.includes("*")) continue;
      const context = await apiGet(agentToken, `/api/v1/contact-center/context?phone=${encodeURIComponent(phone)}`);
      if (context.status !== 200 || context.body.match !== "unique") continue;
      if (!caller || context.body.next_best_actions.length > caller.next_best_actions.length) {
        caller = context.body;
        callerPhone = phone;
      }
      if (caller.next_best_actions.length > 0) break;
    }

    await test("an agent opens the Caller page from the nav and looks a caller up by phone", async () => {
      expect(caller, "no demo customer with a phone of their own");
      const refused = [];
      const onResponse = (r) => r.status() === 403 && refused.push(r.url());
      page.on("response", onResponse);
      await signIn("agent.chen");
      await page.getByText(/Signed in as .*\(call-center agent\)/).waitFor();
      // An agent lands on the Caller page (My day is an RM's portfolio), and nothing asked answers 403.
      await page.getByRole("heading", { name: "Caller", exact: true }).waitFor();
      await page.waitForLoadState("networkidle");
      page.off("response", onResponse);
      expect(refused.length === 0, `answered 403: ${refused.join(", ")}`);
      const nav = await page.getByRole("navigation", { name: "Main" }).getByRole("link").allTextContents();
      expect(nav[0] === "Caller", `the agent's nav starts with ${nav[0]}`);
      await page.getByRole("link", { name: "Caller" }).click();
      await page.getByRole("heading", { name: "Caller", exact: true }).waitFor();
      await page.getByLabel("Identify by").selectOption("phone");
      await page.getByLabel("Phone", { exact: true }).fill(callerPhone);
      await page.getByRole("button", { name: "Look up" }).click();
      await page.waitForURL((url) => url.pathname === "/call" && url.searchParams.get("phone") === callerPhone);
      await page.getByRole("heading", { name: caller.customer.display_name }).waitFor();
      const card = page.getByTestId("caller-card");
      await card.getByText(caller.customer.customer_number).waitFor();
      expect(!(await card.textContent()).includes(callerPhone), "an agent sees the caller's phone in full");
      for (const name of [
        "Next best actions",
        "Open alerts",
        "Open cases and complaints",
        "Value",
        "Holdings",
        "Latest interactions",
      ])
        await page.getByRole("region", { name }).waitFor();
      if (caller.next_best_actions.length > 0) {
        // The page words each action itself; in English as the server does, but for an alert's headline, which
        // reads as on the Alerts page (its amount and date formatted, not the server's title).
        const [first] = caller.next_best_actions;
        const title = first.kind === "address_alert" ? "Address alert: " : first.title;
        await page.locator("#caller-nba .nba-title").first().getByText(title).waitFor();
      }
      const rows = page.getByRole("table", { name: "Holdings" }).locator("tbody tr");
      expect((await rows.count()) === caller.holdings.length, `holdings shown: ${await rows.count()}`);
      const shown = page.locator("[data-testid=caller-interactions] > li");
      expect((await shown.count()) === caller.recent_interactions.length, `interactions: ${await shown.count()}`);
      await page.getByTestId("live-status").getByText("Live", { exact: true }).waitFor();
      await page.evaluate(() => document.fonts.ready);
      await shot("13-caller");
    });

    // The call-center feed's key, made as a deployment makes it (the secret is the last line printed), once.
    let feedKey;
    const callCenterKey = () =>
      (feedKey ??= run(["api-key", "create", "--name", "e2e-feed", "--scope", "feeds:write"])
        .trim()
        .split("\n")
        .at(-1));

    await test("a call ended on the call-center feed appears on the open Caller page without a reload", async () => {
      const key = callCenterKey();
      // The page listens before the call ends (the stream is open and live).
      await page.getByTestId("live-status").getByText("Live", { exact: true }).waitFor();
      await page.evaluate(() => (window.__notReloaded = true));
      const stamp = Date.now();
      // Not the bare 13-digit stamp: a run of 13-19 digits that passes the Luhn check reads as a card number, and the
      // feed masks it in free text (one time in ten: this test's only flake, seen twice in CI).
      const notes = `E2E: asked to raise the card limit (ref ${stamp.toString(36)})`;
      const r = await fetch(`${base}/api/v1/feeds/call-center`, {
        method: "POST",
        headers: { "X-API-Key": key, "Content-Type": "application/json" },
        body: JSON.stringify({
          events: [
            {
              source_ref: `E2E-CALL-${stamp}`,
              type: "call_ended",
              occurred_at: new Date().toISOString(),
              customer: { customer_number: caller.customer.customer_number },
              call_id: `e2e-${stamp}`,
              ani: callerPhone,
              agent_id: "agent.chen",
              queue: "cards",
              duration_s: 185,
              disposition: "resolved",
              notes,
              satisfaction: 5,
            },
          ],
        }),
      });
      const answer = await r.json();
      expect(r.ok && answer.accepted === 1, `feed answered ${r.status} ${JSON.stringify(answer)}`);
      const first = page.locator("[data-testid=caller-interactions] > li").first();
      try {
        await first.getByText(notes).waitFor();
      } catch (e) {
        // Say what the page showed instead: the stream's state and the latest interaction.
        const status = await page.getByTestId("live-status").textContent();
        const top = await first.textContent();
        throw new Error(`${e.message.split("\n")[0]}; live status: ${status}; top interaction: ${top}`);
      }
      await first.getByText("New", { exact: true }).waitFor();
      expect((await first.textContent()).includes("Satisfaction 5/5"), `details: ${await first.textContent()}`);
      const count = await page.locator("[data-testid=caller-interactions] > li").count();
      expect(count <= 10, `${count} interactions listed`);
      expect(await page.evaluate(() => window.__notReloaded === true), "the page was reloaded");
      await shot("14-caller-live");
    });

    await test("a complaint on the call-center feed opens a case that appears on the open Caller page", async () => {
      const key = callCenterKey();
      await page.getByTestId("live-status").getByText("Live", { exact: true }).waitFor();
      await page.evaluate(() => (window.__notReloaded = true));
      const stamp = Date.now();
      // The case's subject is the agent's notes (not a bare run of digits: the feed masks what reads as a card).
      const notes = `E2E: charged twice for one transfer (ref ${stamp.toString(36)})`;
      const r = await fetch(`${base}/api/v1/feeds/call-center`, {
        method: "POST",
        headers: { "X-API-Key": key, "Content-Type": "application/json" },
        body: JSON.stringify({
          events: [
            {
              source_ref: `E2E-COMPLAINT-${stamp}`,
              type: "complaint",
              occurred_at: new Date().toISOString(),
              customer: { customer_number: caller.customer.customer_number },
              call_id: `e2e-c-${stamp}`,
              agent_id: "agent.chen",
              notes,
            },
          ],
        }),
      });
      const answer = await r.json();
      expect(r.ok && answer.accepted === 1, `feed answered ${r.status} ${JSON.stringify(answer)}`);
      const panel = page.getByRole("region", { name: "Open cases and complaints" });
      const row = panel.locator("[data-testid=caller-cases] > li", { hasText: notes });
      try {
        await row.waitFor();
      } catch (e) {
        const status = await page.getByTestId("live-status").textContent();
        const listed = await panel.textContent();
        throw new Error(`${e.message.split("\n")[0]}; live status: ${status}; cases panel: ${listed}`);
      }
      await row.getByText("Complaint", { exact: true }).waitFor();
      await row.locator('[data-status="open"]').waitFor();
      await row.getByText("New", { exact: true }).waitFor();
      // The case the server opened for the complaint.
      const stored = await apiGet(agentToken, `/api/v1/cases?customer_id=${caller.customer.id}&status=open&limit=50`);
      const opened = stored.body.items.find((c) => c.subject === notes);
      expect(opened && opened.kind === "complaint", `server has ${JSON.stringify(opened)}`);
      expect((await row.getAttribute("data-case-id")) === opened.id, "the row is not the case the server opened");
      expect(await page.evaluate(() => window.__notReloaded === true), "the page was reloaded");
      await shot("14b-caller-live-case");
    });

    await test("a /call?phone= link opens the caller directly, and a reload shows the same caller", async () => {
      await page.goto(`${base}/call?phone=${encodeURIComponent(callerPhone)}`);
      await page.getByRole("heading", { name: caller.customer.display_name }).waitFor();
      expect(
        (await page.getByLabel("Phone", { exact: true }).inputValue()) === callerPhone,
        "the field lost the phone",
      );
      await page.reload();
      await page.getByRole("heading", { name: caller.customer.display_name }).waitFor();
      await page.getByTestId("live-status").getByText("Live", { exact: true }).waitFor();
      await page.getByRole("link", { name: "Open the full customer view" }).click();
      await page.waitForURL(`**/customers/${caller.customer.id}`);
      await page.getByRole("heading", { name: caller.customer.display_name }).waitFor();
    });

    if (await hasPath("/api/v1/cases")) {
      await test("an agent sees the open cases queue, logs a caller's service request, and finds it in the queue", async () => {
        expect(caller, "no demo customer with a phone of their own");
        // The queue as the server has it for an agent (everyone's): the demo's open complaints (the leavers').
        const queue = await apiGet(agentToken, "/api/v1/cases?status=open&limit=25");
        expect(queue.status === 200, `cases answered ${queue.status}`);
        expect(
          queue.body.items.some((c) => c.kind === "complaint"),
          "no open complaint in the demo data",
        );
        await signIn("agent.chen");
        await page.getByText(/Signed in as .*\(call-center agent\)/).waitFor();
        await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Cases" }).click();
        await page.waitForURL((url) => url.pathname === "/cases");
        await page.getByRole("heading", { name: "Cases", exact: true }).waitFor();
        const list = page.getByTestId("cases");
        const [first] = queue.body.items;
        const firstRow = list.locator(`[data-case-id="${first.id}"]`);
        await firstRow.waitFor();
        // In the server's order (the soonest due first), each naming its customer and linking to the 360 view.
        const shown = await list.locator(":scope > li").evaluateAll((lis) => lis.map((li) => li.dataset.caseId));
        const expected = queue.body.items.map((c) => c.id);
        expect(
          shown.join() === expected.join(),
          `shown ${shown.length} cases in another order than the server's ${expected.length}`,
        );
        const customerLink = firstRow.getByRole("link", { name: first.customer.display_name, exact: true });
        expect(
          (await customerLink.getAttribute("href")) === `/customers/${first.customer.id}`,
          "the case does not link to its customer",
        );
        await firstRow.getByText("Complaint", { exact: true }).first().waitFor();
        await firstRow.getByRole("button", { name: "Close case…" }).waitFor();
        await shot("17-cases-queue");

        // A caller asks for something: logged on the Caller page while they are on the line.
        await page.goto(`${base}/call?phone=${encodeURIComponent(callerPhone)}`);
        await page.getByRole("heading", { name: caller.customer.display_name }).waitFor();
        const panel = page.getByRole("region", { name: "Open cases and complaints" });
        await panel.getByRole("button", { name: "Log a service request" }).click();
        const subject = `E2E: replacement debit card, the old one is worn (${Date.now().toString(36)})`;
        await panel.getByLabel("What the customer asked for").fill(subject);
        expect(
          (await panel.getByLabel("Where they asked").inputValue()) === "call_center",
          "the channel is not preset to the call center",
        );
        await shot("18-service-request-form");
        await panel.getByRole("button", { name: "Save", exact: true }).click();
        await panel.getByText(/^Service request logged\. It is due /).waitFor();
        const logged = panel.locator("[data-testid=caller-cases] > li", { hasText: subject });
        await logged.waitFor();
        await logged.getByText("Service request", { exact: true }).waitFor();
        await logged.locator('[data-status="open"]').waitFor();
        await shot("19-service-request-logged");
        const stored = await apiGet(
          agentToken,
          `/api/v1/cases?customer_id=${caller.customer.id}&kind=service_request&limit=50`,
        );
        const request = stored.body.items.find((c) => c.subject === subject);
        expect(
          request && request.channel === "call_center" && request.opened_by_username === "agent.chen",
          `server has ${JSON.stringify(request)}`,
        );

        // And in the queue, with service requests chosen.
        await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Cases" }).click();
        await page.getByRole("heading", { name: "Cases", exact: true }).waitFor();
        await page.getByLabel("Kind").selectOption({ label: "Service requests" });
        await page.waitForURL((url) => url.pathname === "/cases" && url.searchParams.get("kind") === "service_request");
        const row = page.locator(`[data-testid=cases] > li[data-case-id="${request.id}"]`);
        await row.getByText(subject, { exact: true }).waitFor();
        await row.getByRole("link", { name: caller.customer.display_name, exact: true }).waitFor();
        const kinds = await page.locator("[data-testid=cases] > li .tag").allTextContents();
        expect(!kinds.includes("Complaint"), "a complaint is listed among the service requests");
        await shot("20-cases-service-requests");
      });
    } else {
      skip("an agent logs a service request and finds it in the Cases queue", "the server has no /api/v1/cases yet");
    }

    if (await hasPath("/api/v1/campaigns")) {
      await test("agent.chen looks up a caller with a campaign offer, sees it worded, records 'interested', and sees it shown", async () => {
        // A target of the running year-end drive not contacted yet, whose context offers it (they consent to phone
        // offers and do not hold the product yet).
        const mkt = await token("mkt.zhao");
        const campaigns = await apiGet(mkt, "/api/v1/campaigns?status=active&limit=50");
        const drive = campaigns.body.items.find((c) => c.name === "Year-end time deposit drive");
        expect(drive, "no active 'Year-end time deposit drive' in the demo");
        let customerNumber = null;
        let offer = null;
        let cursor = null;
        for (let pages = 0; !offer && pages < 10; pages++) {
          const members = await apiGet(
            mkt,
            `/api/v1/campaigns/${drive.id}/members?group=target&response=none&limit=50` +
              (cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""),
          );
          for (const m of members.body.items) {
            const number = m.customer.customer_number;
            const context = await apiGet(
              agentToken,
              `/api/v1/contact-center/context?customer_number=${encodeURIComponent(number)}`,
            );
            if (context.status !== 200 || context.body.match !== "unique") continue;
            offer = context.body.next_best_actions.find(
              (a) => a.kind === "campaign_offer" && a.refs.campaign_id === drive.id,
            );
            if (offer) {
              customerNumber = number;
              break;
            }
          }
          cursor = members.body.next_cursor;
          if (!cursor) break;
        }
        expect(offer, "no target of the drive whose context offers it");

        await signIn("agent.chen");
        await page.getByText(/Signed in as .*\(call-center agent\)/).waitFor();
        await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Caller" }).click();
        await page.getByRole("heading", { name: "Caller", exact: true }).waitFor();
        await page.getByLabel("Identify by").selectOption("customer_number");
        await page.getByLabel("Customer number", { exact: true }).fill(customerNumber);
        await page.getByRole("button", { name: "Look up" }).click();
        await page.getByTestId("caller-card").getByText(customerNumber).waitFor();

        // Worded by the page from the offer's refs: the product and the campaign, until when, not contacted yet.
        const item = page.locator(`#caller-nba li[data-campaign-id="${drive.id}"]`);
        await item.getByText("Campaign offer", { exact: true }).waitFor();
        await item
          .locator(".nba-title")
          .getByText(`Offer ${offer.refs.product_name} — Year-end time deposit drive`, { exact: true })
          .waitFor();
        await item.getByText(/running until .*, and has not been contacted yet;/).waitFor();
        await shot("27-caller-campaign-offer");

        const form = item.getByRole("form", { name: "Record the customer's response to Year-end time deposit drive" });
        await form.getByLabel("Response").selectOption({ label: "Interested" });
        await form.getByRole("button", { name: "Save", exact: true }).click();
        await item.getByText("Response saved.").waitFor();
        await item.getByText(/, and said they were interested;/).waitFor();
        await shot("28-caller-campaign-interested");

        const stored = await apiGet(
          mkt,
          `/api/v1/campaigns/${drive.id}/members?group=target&response=interested&limit=500`,
        );
        const member = stored.body.items.find((m) => m.customer.customer_number === customerNumber);
        expect(member && member.responded_by_username === "agent.chen", `server has ${JSON.stringify(member)}`);
        // Read afresh, the caller's offer says what they said.
        await page.reload();
        await page.getByTestId("caller-card").getByText(customerNumber).waitFor();
        await item.getByText(/, and said they were interested;/).waitFor();
        expect(
          (await item.getByLabel("Response", { exact: true }).inputValue()) === "interested",
          "the form does not start from it",
        );
      });
    } else {
      skip("an agent records a campaign offer's answer on the Caller page", "the server has no /api/v1/campaigns yet");
    }
  } else {
    skip("an agent looks a caller up on the Caller page", "the server has no /api/v1/contact-center/context yet");
  }

  if (await hasPath("/api/v1/feeds/quarantine")) {
    await test("admin corrects a refused call-center event in the Feed quarantine, replays it, and it is applied", async () => {
      const adminToken = await token("admin");
      const customer = (await apiGet(adminToken, "/api/v1/customers?limit=1")).body.items[0];
      expect(customer, "no demo customer");
      const stamp = Date.now().toString(36);
      const ref = `E2E-QUARANTINE-${stamp}`;
      // A call that ended, sent without its call id and with a rating out of range: refused, and quarantined.
      const event = {
        source_ref: ref,
        type: "call_ended",
        occurred_at: new Date().toISOString(),
        customer: { customer_number: customer.customer_number },
        agent_id: "agent.chen",
        queue: "cards",
        duration_s: 95,
        disposition: "resolved",
        notes: `E2E: refused, corrected and replayed (ref ${stamp})`,
        satisfaction: 9,
      };
      const r = await fetch(`${base}/api/v1/feeds/call-center`, {
        method: "POST",
        headers: { Authorization: `Bearer ${adminToken}`, "Content-Type": "application/json" },
        body: JSON.stringify({ events: [event] }),
      });
      const answer = await r.json();
      expect(r.ok && answer.rejected === 1, `feed answered ${r.status} ${JSON.stringify(answer)}`);
      const refused = answer.results[0].errors.map((e) => e.field);
      expect(refused.includes("call_id") && refused.includes("satisfaction"), `refused for ${refused.join(", ")}`);

      await signIn("admin");
      await page.getByText(/Signed in as .*\(administrator\)/).waitFor();
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Feed quarantine" }).click();
      await page.getByRole("heading", { name: "Feed quarantine" }).waitFor();
      await page.getByLabel("Source reference").fill(ref);
      await page.getByRole("button", { name: "Show", exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get("source_ref") === ref);
      const row = page.locator("[data-testid=quarantine-list] > li", { hasText: ref });
      await row.locator('li[data-field="call_id"]').waitFor();
      await row.locator('li[data-field="satisfaction"]').waitFor();
      await row.getByRole("button", { name: "Correct or discard…" }).click();
      const editor = row.getByLabel("Corrected event (JSON)");
      const stored = JSON.parse(await editor.inputValue());
      expect(stored.source_ref === ref && stored.satisfaction === 9, `the editor holds ${JSON.stringify(stored)}`);

      // A slip first (a comma left after the last field): caught in the page, nothing sent.
      const corrected = { ...stored, call_id: `e2e-q-${stamp}`, satisfaction: 5 };
      const text = JSON.stringify(corrected, null, 2);
      await editor.fill(text.replace(/\n}$/, ",\n}"));
      const replays = [];
      const onRequest = (req) => req.url().includes("/replay") && replays.push(req.url());
      page.on("request", onRequest);
      await row.getByRole("button", { name: "Replay as corrected" }).click();
      await row
        .getByTestId("json-problem")
        .getByText(/^Not valid JSON at line \d+, column 1: expected a field name in double quotes, found “}”\.$/)
        .waitFor();
      expect(replays.length === 0, "invalid JSON was sent");
      await shot("quarantine-invalid-json");

      await editor.fill(text);
      await row.getByRole("button", { name: "Replay as corrected" }).click();
      await row
        .getByTestId("replay-outcome")
        .getByText("Applied: the event is in its customer's timeline now, and the entry is marked replayed.")
        .waitFor();
      page.off("request", onRequest);
      expect(replays.length === 1, `replays sent: ${replays.length}`);
      await row.getByText("Replayed", { exact: true }).waitFor();
      await row.getByText(/Replayed by admin on /).waitFor();
      await shot("quarantine-replayed");

      // The server agrees: the entry is replayed, and the call is in the customer's timeline.
      const entries = (await apiGet(adminToken, `/api/v1/feeds/quarantine?channel=call-center&source_ref=${ref}`)).body
        .items;
      expect(entries.length === 1 && entries[0].status === "replayed", `entries: ${JSON.stringify(entries)}`);
      const timeline = (await apiGet(adminToken, `/api/v1/customers/${customer.id}/timeline?limit=50`)).body.items;
      expect(
        timeline.some((i) => i.source_ref === ref),
        "the replayed call is not in the customer's timeline",
      );
    });
  } else {
    skip("admin corrects and replays a refused event in the Feed quarantine", "the server has no quarantine yet");
  }

  await test("switch language to Chinese; it persists across a reload", async () => {
    await signIn("rm.li");
    await page.getByText(/Signed in as .*\(relationship manager\)/).waitFor();
    await page.getByRole("link", { name: "My day" }).click();
    await page.getByLabel("Language").selectOption("zh-CN");
    await page.getByRole("link", { name: "我的一天" }).waitFor();
    await page.reload();
    await page.getByRole("link", { name: "客户", exact: true }).waitFor();
    expect((await page.getAttribute("html", "lang")) === "zh-CN", "html lang is not zh-CN");
    await page.getByTestId("portfolio-figures").waitFor();
    await page.waitForLoadState("networkidle");
    await shot("09-my-day-zh");
    await page.goto(`${base}/customers/${target.id}`);
    await page.getByRole("heading", { name: "全渠道时间线" }).waitFor();
    await page.locator("[data-testid=aum-chart] svg").waitFor();
    // The server's English reasons (tier, lifecycle, churn drivers) read in Chinese too.
    const panel = page.getByTestId("value-panel");
    await panel.waitFor();
    const words = await panel.innerText();
    expect(!/\b(key|potential|ordinary): /.test(words), `tier reason left in English: ${words}`);
    expect(/重点：|潜力：|普通：/.test(words), `no Chinese tier reason in: ${words}`);
    await shot("10-customer-360-zh");
    // Tablet portrait.
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.waitForTimeout(300);
    await shot("11-customer-360-tablet");
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.getByLabel("语言").selectOption("en");
  });

  await test("an expired session returns to sign-in with a message", async () => {
    await page.evaluate(() => {
      const s = JSON.parse(sessionStorage.getItem("crm.session"));
      sessionStorage.setItem("crm.session", JSON.stringify({ ...s, token: "expired.or.revoked" }));
    });
    await page.goto(`${base}/customers`);
    await page.getByText("Your session has expired. Please sign in again.").waitFor();
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
  });

  await test("another RM opening rm.li's customer by URL sees not found", async () => {
    await signIn("rm.wang");
    await page.getByText(/Signed in as .*\(relationship manager\)/).waitFor();
    const wangToken = await token("rm.wang");
    expect((await apiGet(wangToken, `/api/v1/customers/${target.id}`)).status === 404, "API did not answer 404");
    await page.goto(`${base}/customers/${target.id}`);
    await page.getByRole("heading", { name: /Customer not found/ }).waitFor();
    expect(!(await page.getByText(target.customer_number).count()), "the customer number leaked");
    await shot("12-other-rm-not-found");
  });

  await test("audit.sun follows a customer's Audit trail from the 360 view and sees who read the customer, and when", async () => {
    // rm.li read the customer's 360 view above, and rm.wang was refused it just now.
    await signIn("audit.sun");
    await page.getByText(/Signed in as .*\(auditor\)/).waitFor();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).waitFor();
    await page.goto(`${base}/customers/${target.id}`);
    await page.getByRole("heading", { name: target.display_name }).waitFor();
    await page.getByRole("link", { name: "Audit trail" }).click();
    await page.waitForURL((url) => url.pathname === "/audit" && url.searchParams.get("customer") === target.id);
    await page.getByRole("heading", { name: "Audit log" }).waitFor();
    // The filter names the customer the link came from.
    await page.getByTestId("audit-customer").getByText(target.customer_number).waitFor();
    const rows = page.locator("[data-testid=audit-entries] tbody tr");
    // The auditor's own read of the profile a moment ago, the newest of its kind...
    const ownRead = rows.filter({ hasText: "audit.sun" }).filter({ hasText: "Customer profile" }).first();
    await ownRead.waitFor();
    expect((await ownRead.innerText()).includes("auditor"), "audit.sun's read does not give the role");
    expect((await ownRead.innerText()).includes(target.display_name), "the read does not name the customer");
    // ...rm.wang's refusal, and rm.li's earlier read, each in the newest-first order.
    const texts = await rows.allInnerTexts();
    const first = (re) => texts.findIndex((t) => re.test(t));
    const own = first(/audit\.sun[\s\S]*Customer profile/);
    const refused = first(/rm\.wang[\s\S]*Refused/);
    const liRead = first(/rm\.li[\s\S]*Read[\s\S]*Customer profile/);
    expect(own >= 0 && refused > own, `rm.wang's refusal not listed after audit.sun's read (${own}, ${refused})`);
    expect(liRead > refused, `rm.li's read not listed after rm.wang's refusal (${refused}, ${liRead})`);
    await shot("13-audit-trail");

    // Narrowed to today's refusals (the day as RFC 3339 with the browser's offset), rm.wang's is among them.
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
    });
    await page.getByLabel("Action", { exact: true }).selectOption("denied");
    await page.getByLabel("From", { exact: true }).fill(today);
    await page.getByLabel("To", { exact: true }).fill(today);
    await page.waitForURL((url) => url.searchParams.get("to") === today && url.searchParams.get("action") === "denied");
    await page.waitForLoadState("networkidle");
    await rows.filter({ hasText: "rm.wang" }).first().waitFor();
    const refusals = await rows.allInnerTexts();
    expect(
      refusals.every((t) => t.includes("Refused")),
      `not only refusals: ${refusals.join(" | ")}`,
    );
    expect(!(await page.getByRole("alert").count()), "the server refused the filters");
  });

  await test("no uncaught errors in the page", async () => {
    expect(pageErrors.length === 0, pageErrors.join("\n"));
  });
  exitCode = results.some((r) => !r.ok) ? 1 : 0;
} catch (e) {
  console.error("e2e setup failed:", e);
  exitCode = 1;
} finally {
  await browser?.close().catch(() => undefined);
  server.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 300));
  rmSync(work, { recursive: true, force: true });
}
const passed = results.filter((r) => r.ok && !r.skipped).length;
const failed = results.filter((r) => !r.ok).length;
if (failed) {
  // What the server said, for a failure that does not repeat: its warnings, errors and tracebacks.
  const noted = serverLog.split("\n").filter((l) => /WARNING|ERROR|Traceback|Error|Exception|^\s+File /.test(l));
  if (noted.length) console.log(`server log (warnings and errors, the last 60 lines):\n${noted.slice(-60).join("\n")}`);
}
const skipped = results.filter((r) => r.skipped).length;
console.log(
  `browser e2e: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""} (screenshots in frontend/test-results/screenshots/)`,
);
process.exit(exitCode || (results.length === 0 ? 1 : 0));
