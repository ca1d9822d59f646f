import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { startMailCatcher, type MailCatcher } from "@/lib/courier/mail-catcher";
import { absoluteUiUrls, hosted } from "../support/hosted";
import { createProjectViaUi, ensureSignedIn } from "../support/owner";
import type { SpecContext } from "../support/types";

export const name = "passwordless: console switches code login and identifier-first → sign up by mailed code → sign out → identifier first → sign in by code (en, de)";

async function shots(page: Page, ctx: SpecContext, name: string): Promise<void> {
  await page.waitForLoadState("networkidle");
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
    await ctx.screenshot(page, `passwordless-${name}-${scheme}`, { fullPage: true });
  }
  await page.emulateMedia({ colorScheme: "light" });
  const size = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 720 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${name} overflows a 320px viewport by ${overflow}px`);
  if (size) await page.setViewportSize(size);
}

/** Clicks a submit button by name and value (`resend=code`, `method=code`) and waits for the 303 to land. */
async function press(page: Page, name: string, value: string): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.locator(`button[type="submit"][name="${name}"][value="${value}"]`).first().click()]);
}

async function journey(ctx: SpecContext, slug: string, mail: MailCatcher, locale: "en" | "de"): Promise<void> {
  const { browser, baseUrl } = ctx;
  const context = await browser.newContext({ locale: locale === "de" ? "de-DE" : "en-US", viewport: { width: 1024, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  const email = `passwordless-${locale}-${Date.now()}@example.test`;
  try {
    // Sign up with a code: the traits, "Send sign up code" (the password field must not block it), then the code.
    await page.goto(hosted.url(baseUrl, slug, "registration", `ui_locales=${locale}`));
    await hosted.at(page, "registration");
    await page.locator('input[name="traits.email"]').fill(email);
    let before = mail.mails.length;
    await hosted.submit(page, "code");
    await hosted.at(page, "registration");
    await hosted.expectMessage(page, 1040005);
    assert.equal(await page.locator('input[name="password"]').count(), 0, "only the code step is shown");
    if (locale === "en") await shots(page, ctx, "registration-code");
    await page.locator('input[name="code"]').fill(await hosted.mailedCode(mail, email, before));
    await hosted.submit(page, "code");
    await page.goto(hosted.url(baseUrl, slug, "welcome"));
    assert.equal((await page.getByTestId("welcome-identity").textContent())?.trim(), email, "signed up and in without a password");
    await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.getByTestId("sign-out").click()]);

    // Identifier first: the identifier, then only what this account has (a code, no password).
    await page.goto(hosted.url(baseUrl, slug, "login", `ui_locales=${locale}`));
    await hosted.at(page, "login");
    assert.equal(await page.locator('input[name="password"]').count(), 0, "the first step asks only the identifier");
    if (locale === "en") await shots(page, ctx, "login-identifier");
    await page.locator('input[name="identifier"]').fill(email);
    await hosted.submit(page, "identifier_first");
    await hosted.at(page, "login");
    assert.equal(await page.locator('input[name="password"]').count(), 0, "a code-only account is offered no password");
    if (locale === "en") await shots(page, ctx, "login-methods");
    before = mail.mails.length;
    await hosted.submit(page, "code");
    await hosted.expectMessage(page, 1010014);
    const first = await hosted.mailedCode(mail, email, before);
    // Resend: a new code, the first one no longer works.
    before = mail.mails.length;
    await press(page, "resend", "code");
    const second = await hosted.mailedCode(mail, email, before);
    if (first !== second) {
      await page.locator('input[name="code"]').fill(first);
      await hosted.submit(page, "code");
      await page.locator('[data-message-id="4010008"]').first().waitFor();
    }
    if (locale === "en") await shots(page, ctx, "login-code");
    // Keyboard: the code, then Enter.
    await page.locator('input[name="code"]').fill(second);
    await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.locator('input[name="code"]').press("Enter")]);
    await page.goto(hosted.url(baseUrl, slug, "welcome"));
    assert.equal((await page.getByTestId("welcome-identity").textContent())?.trim(), email, "signed in by code");
    assert.deepEqual(problems, [], "no script errors on the hosted pages");
  } finally {
    await context.close();
  }
}

export async function run(ctx: SpecContext): Promise<void> {
  const { browser, baseUrl, log } = ctx;
  const mail = await startMailCatcher();
  const owner = await browser.newContext({ locale: "en-US" });
  try {
    const ownerPage = await owner.newPage();
    await ensureSignedIn(ownerPage, baseUrl);
    const project = await createProjectViaUi(ownerPage, baseUrl, `Passwordless ${Date.now().toString(36)}`, "dev");
    const patched = await ownerPage.request.patch(`${baseUrl}/api/console/projects/${project.id}`, {
      headers: { origin: new URL(baseUrl).origin },
      data: [{ op: "add", path: "/services/identity/config/courier/smtp/connection_uri", value: mail.connectionUri }, ...absoluteUiUrls(baseUrl, project.slug)],
    });
    assert.equal(patched.status(), 200, await patched.text());

    // The console's Authentication page switches code login on and the login page to identifier-first.
    await ownerPage.goto(`${baseUrl}/console/projects/${project.id}/authentication`);
    await ownerPage.getByTestId("passwordless-settings").waitFor();
    await ownerPage.locator("#method-passwordless").check();
    await ownerPage.locator('select[name="loginStyle"]').selectOption("identifier_first");
    await ctx.screenshot(ownerPage, "passwordless-console", { fullPage: true });
    await ownerPage.getByTestId("authentication-form").locator('button[type="submit"]').click();
    await ownerPage.getByText("Authentication settings saved.").first().waitFor();
    log(`project ${project.slug}: passwordless and identifier-first switched on in the console`);

    for (const locale of ["en", "de"] as const) {
      await journey(ctx, project.slug, mail, locale);
      log(`${locale}: signed up by code, signed in identifier-first by code`);
    }
  } finally {
    await owner.close();
    await mail.close();
  }
}
