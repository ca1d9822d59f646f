import assert from "node:assert/strict";
import type { BrowserContext, Page } from "playwright-core";
import { absoluteUiUrls, hosted } from "../support/hosted";
import { createProjectViaUi, ensureSignedIn } from "../support/owner";
import type { SpecContext } from "../support/types";

export const name = "passkeys and security keys: sign up with a passkey → sign out → sign in with it (autofill, button); a password account adds a security key and steps up to aal2 (Chromium virtual authenticator)";

const password = "passkey spec horse 42";

/** Chromium's virtual authenticator (CDP WebAuthn domain): a platform authenticator with resident keys and user verification. */
async function virtualAuthenticator(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable", { enableUI: false });
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
}

async function shots(page: Page, ctx: SpecContext, name: string): Promise<void> {
  await page.waitForLoadState("networkidle");
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
    await ctx.screenshot(page, `passkey-${name}-${scheme}`, { fullPage: true });
  }
  await page.emulateMedia({ colorScheme: "light" });
}

/** Clicks a webauthn.js trigger (once the script defined its functions) and waits for the form it posts to land. */
async function trigger(page: Page, name: string): Promise<void> {
  await page.waitForFunction(() => typeof (window as unknown as { oryPasskeyLogin?: unknown }).oryPasskeyLogin === "function");
  await Promise.all([page.waitForNavigation({ waitUntil: "load", timeout: 30_000 }), page.locator(`button[name="${name}"]`).first().click()]);
}

async function welcomeIdentity(page: Page, base: string, slug: string): Promise<string> {
  await page.goto(hosted.url(base, slug, "welcome"));
  return ((await page.getByTestId("welcome-identity").textContent()) ?? "").trim();
}

async function signOut(page: Page, base: string, slug: string): Promise<void> {
  await page.goto(hosted.url(base, slug, "welcome"));
  await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.getByTestId("sign-out").click()]);
}

export async function run(ctx: SpecContext): Promise<void> {
  const { browser, baseUrl } = ctx;
  // WebAuthn needs a domain as RP ID (not an IP address): the hosted pages are visited on localhost.
  const base = baseUrl.replace("127.0.0.1", "localhost");
  const owner = await browser.newPage();
  await ensureSignedIn(owner, baseUrl);
  const project = await createProjectViaUi(owner, baseUrl, `Passkeys ${Date.now().toString(36)}`, "dev");
  const methods = "/services/identity/config/selfservice/methods";
  const patched = await owner.request.patch(`${baseUrl}/api/console/projects/${project.id}`, {
    headers: { origin: new URL(baseUrl).origin },
    data: [
      ...absoluteUiUrls(base, project.slug),
      { op: "add", path: `${methods}/passkey`, value: { enabled: true, config: { rp: { display_name: "Passkey spec" } } } },
      { op: "add", path: `${methods}/webauthn`, value: { enabled: true } },
      { op: "add", path: "/services/identity/config/selfservice/flows/verification/enabled", value: false },
    ],
  });
  assert.equal(patched.status(), 200, await patched.text());
  const slug = project.slug;

  const context = await browser.newContext({ locale: "en-US", viewport: { width: 1024, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  await virtualAuthenticator(context, page);
  // The virtual authenticator answers conditional UI (autofill) requests at once: every login page would sign the
  // passkey in by itself. Conditional requests stay pending unless a step switches them on for its tab.
  await context.addInitScript(() => {
    const credentials = navigator.credentials;
    if (!credentials) return;
    const get = credentials.get.bind(credentials);
    // A conditional request left pending (as if the person never picked the autofill entry) unless switched on.
    credentials.get = (options?: CredentialRequestOptions) => {
      let on = false;
      try {
        on = sessionStorage.getItem("pc-autofill") === "on";
      } catch {
        // about:blank has no storage
      }
      return options?.mediation === "conditional" && !on ? new Promise<Credential | null>(() => undefined) : get(options);
    };
  });
  try {
    // Sign up with a passkey: traits, then "Sign up with passkey" (no password typed).
    const email = `passkey-${Date.now()}@example.test`;
    await page.goto(hosted.url(base, slug, "registration"));
    await hosted.at(page, "registration");
    await page.locator('input[name="traits.email"]').fill(email);
    await shots(page, ctx, "registration");
    await trigger(page, "passkey_register_trigger");
    assert.equal(await welcomeIdentity(page, base, slug), email, "signed up with a passkey");

    // Sign out, sign in with the "Sign in with passkey" button (conditional UI off: the init script above).
    await signOut(page, base, slug);
    await page.goto(hosted.url(base, slug, "login"));
    await hosted.at(page, "login");
    assert.equal(await page.locator('input[name="identifier"]').getAttribute("autocomplete"), "username webauthn", "the identifier offers passkeys (autofill)");
    await shots(page, ctx, "login");
    await trigger(page, "passkey_login_trigger");
    assert.equal(await welcomeIdentity(page, base, slug), email, "signed in with the passkey");
    await signOut(page, base, slug);

    // Autofill: with conditional UI on, opening the login page offers the passkey, which the virtual authenticator
    // (user present and verified) accepts at once — signed in without a click.
    await hosted.at(page, "login"); // signed out: the sign-out landed on the login page, which did not sign in
    await page.evaluate(() => sessionStorage.setItem("pc-autofill", "on"));
    await page.goto(hosted.url(base, slug, "login"));
    await page.waitForURL((url) => url.pathname.endsWith("/ui/welcome"), { waitUntil: "load", timeout: 30_000 });
    assert.equal(((await page.getByTestId("welcome-identity").textContent()) ?? "").trim(), email, "signed in by passkey autofill");
    await page.evaluate(() => sessionStorage.removeItem("pc-autofill"));
    await signOut(page, base, slug);

    // A password account adds a security key in settings, then a password login steps up with it.
    const other = `key-${Date.now()}@example.test`;
    await page.goto(hosted.url(base, slug, "registration"));
    await hosted.at(page, "registration");
    await page.locator('input[name="traits.email"]').fill(other);
    await page.locator('input[name="password"]').fill(password);
    await hosted.submit(page, "password");
    await page.goto(hosted.url(base, slug, "settings"));
    await hosted.at(page, "settings");
    await page.locator('form[data-group="webauthn"] input[name="webauthn_register_displayname"]').fill("Desk key");
    await trigger(page, "webauthn_register_trigger");
    await hosted.expectMessage(page, 1050001);
    await page.locator('button[name="webauthn_remove"]').first().waitFor();
    await shots(page, ctx, "settings");
    await signOut(page, base, slug);

    await page.goto(hosted.url(base, slug, "login"));
    await hosted.at(page, "login");
    await page.locator('input[name="identifier"]').fill(other);
    await page.locator('input[name="password"]').fill(password);
    await hosted.submit(page, "password");
    await hosted.at(page, "login");
    await page.getByRole("heading", { level: 1, name: "Two-step verification" }).waitFor();
    assert.equal(await page.locator('input[name="password"]').count(), 0, "the second step asks no password");
    await shots(page, ctx, "login-second-factor");
    await trigger(page, "webauthn_login_trigger");
    assert.equal(await welcomeIdentity(page, base, slug), other, "stepped up to aal2 with the security key");
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await owner.close();
  }
}
