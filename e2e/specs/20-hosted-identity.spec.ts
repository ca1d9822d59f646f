import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import { startMailCatcher } from "@/lib/courier/mail-catcher";
import { absoluteUiUrls, hosted } from "../support/hosted";
import { createProjectViaUi, ensureSignedIn } from "../support/owner";
import type { SpecContext } from "../support/types";

export const name = "hosted pages: register (en, de) → verify by mailed code → sign out → sign in → change password → recover";

type Locale = "en" | "de";
const labels = {
  en: { email: "Email", firstName: "First name", password: "Password", signIn: "Sign in", signUp: "Sign up", invalid: "The provided credentials are invalid", saved: "Your changes have been saved!" },
  de: { email: "E-Mail", firstName: "Vorname", password: "Passwort", signIn: "Anmelden", signUp: "Registrieren", invalid: "Die Anmeldedaten sind ungültig", saved: "Ihre Änderungen wurden gespeichert." },
} as const;

/** A screenshot in light, then the same page in dark (prefers-color-scheme emulated). */
async function both(page: Page, shot: SpecContext["screenshot"], name: string): Promise<void> {
  // Screenshots hide the caret with inline styles: let hydration finish first, or React reports a mismatch.
  await page.waitForLoadState("networkidle");
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
    await shot(page, `hosted-${name}-${scheme}`);
  }
  await page.emulateMedia({ colorScheme: "light" });
}

/** The narrowest supported width (320 CSS px): nothing may overflow horizontally. */
async function narrow(page: Page, shot: SpecContext["screenshot"], name: string): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 720 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${name} overflows a 320px viewport by ${overflow}px`);
  await shot(page, `hosted-${name}-320`);
  if (size) await page.setViewportSize(size);
}

async function signInAs(page: Page, baseUrl: string, slug: string, email: string, password: string): Promise<void> {
  await page.goto(hosted.url(baseUrl, slug, "login"));
  await hosted.at(page, "login");
  await page.locator('input[name="identifier"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await hosted.submit(page, "password");
}

async function journey(browser: Browser, baseUrl: string, slug: string, locale: Locale, ctx: SpecContext, mail: Awaited<ReturnType<typeof startMailCatcher>>): Promise<void> {
  const t = labels[locale];
  const email = `person-${locale}-${Date.now()}@example.test`;
  const passwords = ["first correct horse 1", "second staple battery 2", "third recovered pass 3"];
  const context = await browser.newContext({ locale: locale === "de" ? "de-DE" : "en-US", viewport: { width: 1024, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error on ${page.url()}: ${message.text()}`);
  });
  try {
    // Registration, in the language asked for through ui_locales (OIDC Core §3.1.2.1).
    await page.goto(hosted.url(baseUrl, slug, "registration", `ui_locales=${locale}`));
    const registration = await hosted.at(page, "registration");
    assert.ok(registration.searchParams.get("flow"), "a registration flow was started");
    assert.equal(await page.locator("html").getAttribute("lang"), locale);
    await page.getByRole("heading", { level: 1 }).waitFor();
    assert.ok(await page.getByLabel(t.password, { exact: true }).isVisible(), `the password field is labelled "${t.password}"`);
    assert.equal(await page.locator('input[name="password"]').getAttribute("autocomplete"), "new-password");
    // Schema titles in the page's language; the email reads as on the recovery and verification pages (issue 18 item 6).
    assert.ok(await page.getByLabel(t.firstName, { exact: true }).isVisible(), `the first-name field is labelled "${t.firstName}"`);
    assert.ok(await page.getByLabel(t.email, { exact: true }).first().isVisible(), `the email field is labelled "${t.email}"`);
    await both(page, ctx.screenshot, `registration-${locale}`);
    await narrow(page, ctx.screenshot, `registration-${locale}`);
    const mailsBefore = mail.mails.length;
    await page.locator('input[name="traits.email"]').fill(email);
    await page.locator('input[name="password"]').fill(passwords[0]);
    await hosted.submit(page, "password");

    // Verification with the mailed code.
    const code = await hosted.mailedCode(mail, email, mailsBefore);
    await hosted.at(page, "verification");
    await both(page, ctx.screenshot, `verification-sent-${locale}`);
    await page.locator('input[name="code"]').fill(code);
    await hosted.submit(page, "code");
    await hosted.expectMessage(page, 1080002);
    await both(page, ctx.screenshot, `verification-done-${locale}`);

    // Signed in: the welcome page names the identity; sign out.
    await page.goto(hosted.url(baseUrl, slug, "welcome"));
    assert.equal((await page.getByTestId("welcome-identity").textContent())?.trim(), email);
    await both(page, ctx.screenshot, `welcome-${locale}`);
    await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.getByTestId("sign-out").click()]);
    await page.goto(hosted.url(baseUrl, slug, "welcome"));
    assert.equal(await page.getByTestId("welcome-identity").count(), 0, "signed out");

    // Wrong password: Ory's 4000006, translated; then the right one.
    await signInAs(page, baseUrl, slug, email, "not the password");
    await hosted.expectMessage(page, 4000006);
    assert.ok((await page.locator('[data-message-id="4000006"]').textContent())?.includes(t.invalid));
    await both(page, ctx.screenshot, `login-error-${locale}`);
    await narrow(page, ctx.screenshot, `login-error-${locale}`);
    await signInAs(page, baseUrl, slug, email, passwords[0]);
    await page.goto(hosted.url(baseUrl, slug, "welcome"));
    assert.equal((await page.getByTestId("welcome-identity").textContent())?.trim(), email, "signed in with the password");

    // Settings: change the password (fresh session: privileged).
    await page.goto(hosted.url(baseUrl, slug, "settings"));
    await hosted.at(page, "settings");
    await both(page, ctx.screenshot, `settings-${locale}`);
    await narrow(page, ctx.screenshot, `settings-${locale}`);
    await page.locator('form[data-group="password"] input[name="password"]').fill(passwords[1]);
    await hosted.submit(page, "password", "password");
    await hosted.expectMessage(page, 1050001);
    assert.ok((await page.locator('[data-message-id="1050001"]').textContent())?.includes(t.saved));
    await both(page, ctx.screenshot, `settings-saved-${locale}`);

    // Sign out, then recover the account by mailed code and set a third password.
    await page.goto(hosted.url(baseUrl, slug, "welcome"));
    await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.getByTestId("sign-out").click()]);
    await page.goto(hosted.url(baseUrl, slug, "login"));
    await hosted.at(page, "login");
    await both(page, ctx.screenshot, `login-${locale}`);
    await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.getByTestId("link-recovery").click()]);
    await hosted.at(page, "recovery");
    await both(page, ctx.screenshot, `recovery-${locale}`);
    const beforeRecovery = mail.mails.length;
    await page.locator('input[name="email"]').fill(email);
    await hosted.submit(page, "code");
    const recoveryCode = await hosted.mailedCode(mail, email, beforeRecovery);
    await hosted.expectMessage(page, 1060003);
    await both(page, ctx.screenshot, `recovery-sent-${locale}`);
    await page.locator('input[name="code"]').fill(recoveryCode);
    await hosted.submit(page, "code");
    await hosted.at(page, "settings");
    await page.locator('form[data-group="password"] input[name="password"]').fill(passwords[2]);
    await hosted.submit(page, "password", "password");
    await hosted.expectMessage(page, 1050001);

    // The recovered password works; the old ones do not.
    await page.goto(hosted.url(baseUrl, slug, "welcome"));
    await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.getByTestId("sign-out").click()]);
    await signInAs(page, baseUrl, slug, email, passwords[1]);
    await hosted.expectMessage(page, 4000006);
    await signInAs(page, baseUrl, slug, email, passwords[2]);
    await page.goto(hosted.url(baseUrl, slug, "welcome"));
    assert.equal((await page.getByTestId("welcome-identity").textContent())?.trim(), email);
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
    const project = await createProjectViaUi(ownerPage, baseUrl, `Hosted ${Date.now().toString(36)}`, "dev");
    // Mail goes to the in-process SMTP server: the console API patches courier.smtp.connection_uri.
    const patched = await ownerPage.request.patch(`${baseUrl}/api/console/projects/${project.id}`, {
      headers: { origin: new URL(baseUrl).origin },
      data: [{ op: "add", path: "/services/identity/config/courier/smtp/connection_uri", value: mail.connectionUri }, ...absoluteUiUrls(baseUrl, project.slug)],
    });
    assert.equal(patched.status(), 200, await patched.text());
    log(`project ${project.slug}, mail to ${mail.connectionUri}`);
    for (const locale of ["en", "de"] as const) {
      await journey(browser, baseUrl, project.slug, locale, ctx, mail);
      log(`${locale}: registered, verified, signed out and in, changed and recovered the password`);
    }
  } finally {
    await owner.close();
    await mail.close();
  }
}
