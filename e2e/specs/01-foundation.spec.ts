import assert from "node:assert/strict";
import type { SpecContext } from "../support/types";
import { atConsoleLogin, completeSetup, createProjectViaUi, OWNER, signIn } from "../support/owner";

export const name = "setup → console → project → API key works → revoke → 401";

const whoami = (baseUrl: string, slug: string, key?: string) =>
  fetch(`${baseUrl}/p/${slug}/admin/whoami`, { headers: key ? { authorization: `Bearer ${key}` } : {} });

export async function run({ browser, baseUrl, screenshot, log }: SpecContext): Promise<void> {
  const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    // First start: the home page sends a newcomer to the setup.
    await page.goto(baseUrl);
    assert.equal(new URL(page.url()).pathname, "/setup");
    assert.equal(await page.locator("h1").textContent(), "Set up Portcullis");

    // Field-level errors, announced and focused.
    await page.getByLabel("Email address").fill("not-an-email");
    await page.getByRole("button", { name: "Create owner and workspace" }).click();
    await page.getByRole("alert").filter({ hasText: /correct the 3 fields/ }).waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute("name") === "email");
    assert.match((await page.locator("#field-email-error").textContent()) ?? "", /valid email/);
    assert.equal(await page.getByLabel("Email address").getAttribute("aria-describedby"), "field-email-error");
    await screenshot(page, "flow-setup-errors");

    await completeSetup(page, baseUrl);
    log("owner created, signed in");
    // Setup lands in the new workspace, whose empty state points at the first project.
    await page.getByRole("heading", { level: 1, name: OWNER.workspace }).waitFor();
    await page.getByRole("link", { name: "Create your first project" }).waitFor();
    // The setup also signed the owner in on the platform project: "Account and password" opens without a sign-in.
    const account = await page.getByTestId("console-account").first().getAttribute("href");
    const accountPage = await context.newPage();
    await accountPage.goto(new URL(account!, baseUrl).toString());
    assert.match(new URL(accountPage.url()).pathname, /^\/p\/console\/ui\/settings$/);
    await accountPage.locator('input[name="password"]').first().waitFor();
    await accountPage.close();

    const project = await createProjectViaUi(page, baseUrl, "Storefront", "stage");
    log(`project ${project.slug}`);
    assert.match(project.slug, /^[a-z0-9-]+$/);
    assert.equal(await page.getByTestId("project-base-url").textContent(), `${baseUrl}/p/${project.slug}`);
    assert.equal((await fetch(`${baseUrl}/p/${project.slug}/health/alive`)).status, 200);
    await page.getByTestId("health-status").getByText("OK").first().waitFor();

    // Create a key: shown once in a dialog.
    await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "API keys" }).click();
    await page.waitForURL(`${baseUrl}/console/projects/${project.id}/api-keys`);
    await page.getByText("No API keys").waitFor();
    await page.getByLabel("Key name").fill("e2e key");
    await page.getByRole("button", { name: "Create key" }).click();
    const dialog = page.getByRole("dialog", { name: /API key “e2e key” created/ });
    await dialog.waitFor();
    const token = await dialog.getByTestId("new-api-key").inputValue();
    assert.match(token, /^pc_pat_[A-Za-z0-9_-]{20,}$/);
    await screenshot(page, "flow-key-created");
    await dialog.getByRole("button", { name: "I have copied it" }).click();
    await dialog.waitFor({ state: "hidden" });
    assert.equal(await page.evaluate(() => document.activeElement?.id), "api-key-name");
    const row = page.getByRole("row").filter({ hasText: "e2e key" });
    await row.waitFor();
    assert.match((await row.textContent()) ?? "", new RegExp(token.slice(0, 13)));
    assert.equal(await page.getByTestId("new-api-key").count(), 0, "the token is not on the page any more");

    // The key works on its project's admin API.
    const ok = await whoami(baseUrl, project.slug, token);
    assert.equal(ok.status, 200);
    const body = (await ok.json()) as { project_id: string; project_slug: string };
    assert.equal(body.project_slug, project.slug);
    assert.equal(body.project_id, project.id);
    assert.equal((await whoami(baseUrl, project.slug)).status, 401);

    // Revoke with confirmation.
    await row.getByRole("button", { name: "Revoke API key e2e key" }).click();
    const confirm = page.getByRole("dialog", { name: /Revoke “e2e key”\?/ });
    await confirm.waitFor();
    await confirm.getByRole("button", { name: "Revoke key" }).click();
    await page.getByRole("status").filter({ hasText: "API key “e2e key” revoked" }).waitFor();
    await row.waitFor({ state: "detached" });
    // The console action (Next) and the fast path (server.ts) share one key cache (globalThis), so the
    // revocation applies at once.
    assert.equal((await whoami(baseUrl, project.slug, token)).status, 401, "a revoked key is refused immediately");
    log("revoked key rejected with 401 at once");

    // The audit log shows what happened.
    await page.goto(`${baseUrl}/console/projects/${project.id}/audit`);
    const audit = page.getByTestId("audit-table");
    for (const action of ["Project created", "API key created", "API key revoked"]) await audit.getByText(action, { exact: true }).waitFor();
    await audit.getByText(OWNER.email).first().waitFor();

    // Sign out; console pages need a session and come back after sign-in (return_to through the handoff).
    // The sign-in is the platform project's hosted login page, dressed as the console.
    await page.getByRole("button", { name: "Sign out" }).click();
    await atConsoleLogin(page);
    await page.goto(`${baseUrl}/console/projects/${project.id}/members`);
    await atConsoleLogin(page);
    assert.equal(await page.locator("h1").textContent(), "Sign in");
    await page.getByText("Portcullis", { exact: true }).first().waitFor();
    assert.equal(await page.getByTestId("link-registration").count(), 0, "nobody signs up to the console");
    assert.ok(await page.getByTestId("link-recovery").isVisible(), "Forgot password? leads to the hosted recovery");
    // Wrong password and unknown account: the same generic message (no account enumeration).
    for (const [email, password] of [[OWNER.email, "wrong password"], ["nobody@example.test", "wrong password"]]) {
      await Promise.all([page.waitForNavigation({ waitUntil: "load" }), signIn(page, email, password)]);
      await page.locator('[data-message-id="4000006"]').first().waitFor();
    }
    await signIn(page);
    await page.waitForURL(`${baseUrl}/console/projects/${project.id}/members`);
    await page.getByRole("cell", { name: OWNER.email }).waitFor();
    log("signed in through the platform project's hosted login, back on the members page");

    // The account (email, name, password) is the platform project's hosted settings page.
    await page.locator('[data-testid="console-account"]:visible').click();
    await page.waitForURL((url) => url.pathname === "/p/console/ui/settings" && url.searchParams.has("flow"), { waitUntil: "load" });
    assert.equal(await page.locator('input[name="traits.email"]').inputValue(), OWNER.email);
    await page.goto(`${baseUrl}/console/projects/${project.id}/members`);

    // Signing out of the console ends the platform session too: the next visit asks for the password again.
    await page.getByRole("button", { name: "Sign out" }).click();
    await atConsoleLogin(page);
    await page.goto(`${baseUrl}/console`);
    await atConsoleLogin(page);

    // An open redirect through return_to is refused (the handoff only follows console paths).
    await page.goto(`${baseUrl}/console/login?return_to=${encodeURIComponent("//evil.example/console")}`);
    await atConsoleLogin(page);
    await signIn(page);
    await page.waitForURL(`${baseUrl}/console`);
    await page.goto(`${baseUrl}/p/console/ui/console-handoff?return_to=${encodeURIComponent("https://evil.example/")}`);
    await page.waitForURL(`${baseUrl}/console`);

    // Setup happens once.
    await page.goto(`${baseUrl}/setup`);
    assert.equal(new URL(page.url()).pathname, "/console");
  } finally {
    await context.close();
  }
}
