import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { absoluteUiUrls } from "../support/hosted";
import { createProjectViaUi, ensureSignedIn } from "../support/owner";
import type { SpecContext } from "../support/types";

export const name = "console: identities (create from schema, search, edit, recovery link, delete), settings, branding with live preview, courier";

async function shots(page: Page, shot: SpecContext["screenshot"], name: string): Promise<void> {
  // Screenshots hide the caret with inline styles: let hydration finish first, or React reports a mismatch.
  await page.waitForLoadState("networkidle");
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
    await shot(page, `console-${name}-${scheme}`);
  }
  await page.emulateMedia({ colorScheme: "light" });
}

export async function run({ browser, baseUrl, screenshot, log }: SpecContext): Promise<void> {
  const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    await ensureSignedIn(page, baseUrl);
    const project = await createProjectViaUi(page, baseUrl, `People ${Date.now().toString(36)}`, "dev");
    const base = `${baseUrl}/console/projects/${project.id}`;
    const patched = await page.request.patch(`${baseUrl}/api/console/projects/${project.id}`, { headers: { origin: new URL(baseUrl).origin }, data: absoluteUiUrls(baseUrl, project.slug) });
    assert.equal(patched.status(), 200, await patched.text());
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console error on ${page.url()}: ${message.text()}`);
    });

    // Create an identity through the form generated from the default schema.
    await page.goto(`${base}/identities`);
    await page.getByRole("link", { name: "Create identity" }).click();
    await page.waitForURL(`${base}/identities/new`);
    await page.locator('input[name="traits.email"]').fill("grace@example.test");
    // The console applies the project's password policy (the admin API keeps Kratos' import semantics).
    await page.getByLabel("Password (optional)").fill("abc");
    await page.getByRole("button", { name: "Create identity" }).click();
    await page.getByRole("alert").filter({ hasText: "password policy" }).waitFor();
    assert.match(page.url(), /\/identities\/new$/);
    await page.locator('input[name="traits.email"]').fill("grace@example.test");
    await page.getByLabel("Password (optional)").fill("a long and unusual passphrase 7");
    await shots(page, screenshot, "identity-new");
    await Promise.all([page.waitForURL(/\/identities\/[0-9a-f-]{36}\?created=1$/), page.getByRole("button", { name: "Create identity" }).click()]);
    const identityUrl = page.url().split("?")[0];
    assert.equal(await page.locator('input[name="traits.email"]').inputValue(), "grace@example.test");

    // A duplicate is refused with a readable error.
    await page.goto(`${base}/identities/new`);
    await page.locator('input[name="traits.email"]').fill("grace@example.test");
    await page.getByRole("button", { name: "Create identity" }).click();
    await page.getByRole("alert").filter({ hasText: "exists already" }).waitFor();

    // Search by email prefix finds it; a miss says so.
    await page.goto(`${base}/identities?q=grac`);
    assert.equal(await page.getByTestId("identities-table").getByRole("link", { name: "grace@example.test" }).count(), 1);
    await shots(page, screenshot, "identities-list");
    await page.goto(`${base}/identities?q=nobody`);
    await page.getByText("No identity matches").waitFor();

    // Recovery link for the identity.
    await page.goto(identityUrl);
    await page.getByTestId("create-recovery-link").click();
    const link = (await page.getByTestId("recovery-link").textContent()) ?? "";
    assert.match(link, new RegExp(`/p/${project.slug}/self-service/recovery\\?flow=.+&token=`));
    await shots(page, screenshot, "identity-recovery-link");
    await page.getByRole("dialog").getByRole("button", { name: "Close" }).click();
    await shots(page, screenshot, "identity-detail");

    // Password and session settings.
    await page.goto(`${base}/identities/settings`);
    await page.getByLabel("Minimum password length").fill("12");
    await page.getByLabel("Session lifespan").fill("1d");
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByText("Use a duration like 72h").waitFor();
    await page.getByLabel("Session lifespan").fill("48h");
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByTestId("status-region").getByText("Settings saved.").waitFor();
    await page.reload();
    assert.equal(await page.getByLabel("Minimum password length").inputValue(), "12");
    assert.equal(await page.getByLabel("Session lifespan").inputValue(), "48h");
    await shots(page, screenshot, "identity-settings");

    // Branding: a low-contrast text colour warns live; a good one saves and themes the hosted page.
    await page.goto(`${base}/branding`);
    await page.getByLabel("Display name").fill("Grace Bank");
    await page.locator('input[name="light.text"]').fill("#b0b0b0");
    await page.getByTestId("contrast-warnings").getByText(/^Text on the card/).waitFor();
    await shots(page, screenshot, "branding-warning");
    await page.locator('input[name="light.text"]').fill("#1a1a2e");
    await page.locator('input[name="light.primary"]').fill("#0f766e");
    await page.getByTestId("contrast-warnings").getByText("All text meets WCAG contrast").waitFor();
    const previewButton = page.getByTestId("branding-preview-light").locator('button[type="submit"]').first();
    assert.equal(await previewButton.evaluate((el) => getComputedStyle(el).backgroundColor), "rgb(15, 118, 110)");
    await page.getByRole("button", { name: "Save branding" }).click();
    await page.getByTestId("status-region").getByText("Branding saved.").waitFor();
    await shots(page, screenshot, "branding");

    const visitor = await browser.newContext({ locale: "en-US", colorScheme: "light" });
    const hostedPage = await visitor.newPage();
    await hostedPage.goto(`${baseUrl}/p/${project.slug}/ui/login`);
    await hostedPage.waitForURL(/\/ui\/login\?flow=/);
    await hostedPage.getByText("Grace Bank").first().waitFor();
    const submit = hostedPage.locator('button[name="method"][value="password"]');
    assert.equal(await submit.evaluate((el) => getComputedStyle(el).backgroundColor), "rgb(15, 118, 110)");
    await screenshot(hostedPage, "console-branded-login-light");

    // Courier: a recovery code requested on the hosted page is kept (no SMTP configured) and listed.
    await hostedPage.goto(`${baseUrl}/p/${project.slug}/ui/recovery`);
    await hostedPage.waitForURL(/\/ui\/recovery\?flow=/);
    await hostedPage.locator('input[name="email"]').fill("grace@example.test");
    await Promise.all([hostedPage.waitForNavigation(), hostedPage.locator('button[name="method"][value="code"]').click()]);
    await hostedPage.locator('[data-message-id="1060003"]').waitFor();
    await visitor.close();
    await page.goto(`${base}/courier`);
    const row = page.getByTestId("courier-table").getByRole("row").filter({ hasText: "grace@example.test" });
    await row.waitFor();
    await shots(page, screenshot, "courier");
    await row.getByRole("link").click();
    await page.waitForURL(/\/courier\/[0-9a-f-]{36}$/);
    assert.match((await page.getByTestId("courier-body").textContent()) ?? "", /\d{6}/, "the message body carries the code");
    await shots(page, screenshot, "courier-message");

    // Delete with confirmation.
    await page.goto(identityUrl);
    await page.getByTestId("delete-identity").click();
    await Promise.all([page.waitForURL(/\/identities\?deleted=1$/), page.getByRole("dialog").getByRole("button", { name: "Delete identity" }).click()]);
    await page.goto(`${base}/identities?q=grace`);
    await page.getByText("No identity matches").waitFor();
    assert.deepEqual(problems, [], "no script errors on the console pages");
    log(`project ${project.slug}: identity created, found, linked for recovery, deleted; settings and branding saved`);
  } finally {
    await context.close();
  }
}
