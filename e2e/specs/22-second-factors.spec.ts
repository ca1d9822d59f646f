import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { Secret, TOTP } from "otpauth";
import { absoluteUiUrls, hosted } from "../support/hosted";
import { createProjectViaUi, ensureSignedIn } from "../support/owner";
import type { SpecContext } from "../support/types";

export const name = "second factors: enrol TOTP and recovery codes in settings → sign out → password then TOTP → step up with a recovery code (en, de)";

const password = "second factor horse 42";
/** Codes computed as the authenticator app would; `offset` steps of 30 s from now (the server accepts ±1). */
const code = (secret: string, offset = 0) => new TOTP({ secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 }).generate({ timestamp: Date.now() + offset * 30_000 });

async function shots(page: Page, ctx: SpecContext, name: string): Promise<void> {
  await page.waitForLoadState("networkidle");
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
    await ctx.screenshot(page, `mfa-${name}-${scheme}`, { fullPage: true });
  }
  await page.emulateMedia({ colorScheme: "light" });
  const size = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 780 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${name} overflows a phone viewport by ${overflow}px`);
  await ctx.screenshot(page, `mfa-${name}-phone`, { fullPage: true });
  if (size) await page.setViewportSize(size);
}

async function passwordSignIn(page: Page, baseUrl: string, slug: string, email: string, query = ""): Promise<void> {
  await page.goto(hosted.url(baseUrl, slug, "login", query));
  await hosted.at(page, "login");
  await page.locator('input[name="identifier"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await hosted.submit(page, "password");
}

export async function run(ctx: SpecContext): Promise<void> {
  const { browser, baseUrl } = ctx;
  const owner = await browser.newPage();
  await ensureSignedIn(owner, baseUrl);
  const project = await createProjectViaUi(owner, baseUrl, `MFA ${Date.now().toString(36)}`, "dev");
  const methods = "/services/identity/config/selfservice/methods";
  const patched = await owner.request.patch(`${baseUrl}/api/console/projects/${project.id}`, {
    headers: { origin: new URL(baseUrl).origin },
    data: [
      ...absoluteUiUrls(baseUrl, project.slug),
      { op: "add", path: `${methods}/totp`, value: { enabled: true, config: { issuer: "MFA spec" } } },
      { op: "add", path: `${methods}/lookup_secret`, value: { enabled: true } },
      { op: "add", path: "/services/identity/config/selfservice/flows/verification/enabled", value: false },
    ],
  });
  assert.equal(patched.status(), 200, await patched.text());
  const slug = project.slug;

  const context = await browser.newContext({ locale: "en-US", viewport: { width: 1024, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  try {
    const email = `mfa-${Date.now()}@example.test`;
    await page.goto(hosted.url(baseUrl, slug, "registration"));
    await hosted.at(page, "registration");
    await page.locator('input[name="traits.email"]').fill(email);
    await page.locator('input[name="password"]').fill(password);
    await hosted.submit(page, "password");

    // Enrol TOTP: QR code with alternative text, the secret as text, the first code confirms it.
    await page.goto(hosted.url(baseUrl, slug, "settings"));
    await hosted.at(page, "settings");
    const qr = page.getByRole("img", { name: "Authenticator app QR code" });
    await qr.waitFor();
    const secret = ((await page.getByTestId("text-totp_secret_key").textContent()) ?? "").trim();
    assert.match(secret, /^[A-Z2-7]{32}$/);
    await shots(page, ctx, "settings-enrol");
    const totpForm = page.locator('form[data-group="totp"]');
    await totpForm.locator('input[name="totp_code"]').fill(code(secret));
    await hosted.submit(page, "totp", "totp");
    await hosted.expectMessage(page, 1050001);
    assert.equal(await page.locator('button[name="totp_unlink"]').count(), 1, "TOTP is linked");

    // Recovery codes: generate (shown once, with copy and download), confirm.
    await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.locator('button[name="lookup_secret_regenerate"]').click()]);
    const codes = (await page.getByTestId("recovery-codes").locator("li").allTextContents()).map((c) => c.trim());
    assert.equal(codes.length, 12);
    await page.getByTestId("recovery-codes-download").waitFor();
    await shots(page, ctx, "settings-codes");
    await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.locator('button[name="lookup_secret_confirm"]').click()]);
    await hosted.expectMessage(page, 1050001);

    // Sign out, then sign in: the password leads on to the second factor.
    await page.goto(hosted.url(baseUrl, slug, "welcome"));
    await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.getByTestId("sign-out").click()]);
    await passwordSignIn(page, baseUrl, slug, email);
    const stepUp = await hosted.at(page, "login");
    assert.ok(stepUp.searchParams.get("flow"));
    await page.getByRole("heading", { level: 1, name: "Two-step verification" }).waitFor();
    assert.equal(await page.locator('input[name="password"]').count(), 0, "the second step asks no password");
    await shots(page, ctx, "login-second-factor");
    // Keyboard: the code field, then its button.
    await page.locator('input[name="totp_code"]').focus();
    await page.keyboard.type(code(secret, 1));
    await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.keyboard.press("Enter")]);
    await page.goto(hosted.url(baseUrl, slug, "welcome"));
    assert.equal((await page.getByTestId("welcome-identity").textContent())?.trim(), email, "signed in at aal2");

    // Step up again (refresh) with a recovery code instead of the app.
    await page.goto(`${baseUrl}/p/${slug}/self-service/login/browser?aal=aal2&refresh=true`);
    await hosted.at(page, "login");
    await page.locator('input[name="lookup_secret"]').fill(codes[0]!);
    await hosted.submit(page, "lookup_secret");
    await page.goto(hosted.url(baseUrl, slug, "welcome"));
    assert.equal((await page.getByTestId("welcome-identity").textContent())?.trim(), email);

    // German: the second step in another language.
    const german = await browser.newContext({ locale: "de-DE", viewport: { width: 1024, height: 900 } });
    const dePage = await german.newPage();
    await passwordSignIn(dePage, baseUrl, slug, email, "ui_locales=de");
    await hosted.at(dePage, "login");
    await dePage.getByRole("heading", { level: 1, name: "Bestätigung in zwei Schritten" }).waitFor();
    await shots(dePage, ctx, "login-second-factor-de");
    await dePage.locator('input[name="lookup_secret"]').fill(codes[1]!);
    await hosted.submit(dePage, "lookup_secret");
    await german.close();
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await owner.close();
  }
}
