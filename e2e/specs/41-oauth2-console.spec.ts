import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import type { BrowserContext, Page } from "playwright-core";
import { hosted } from "../support/hosted";
import { createProjectViaUi, ensureSignedIn } from "../support/owner";
import type { SpecContext } from "../support/types";

export const name = "console: OAuth2 clients (preset, secret once, rotate, try it, edit, lifespans, private_key_jwt keys, CORS origins, delete), keys, consent, settings — light/dark × desktop/mobile";

async function shots(page: Page, shot: SpecContext["screenshot"], name: string, device: "desktop" | "mobile"): Promise<void> {
  await page.waitForLoadState("networkidle");
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
    // Buttons animate their colours (transition-colors): let the scheme switch settle before capturing.
    await page.waitForTimeout(300);
    await shot(page, `oauth2-${name}-${scheme}-${device}`);
  }
  await page.emulateMedia({ colorScheme: "light" });
}

/** Nothing may make a phone-width page scroll sideways. */
async function assertNoSidewaysScroll(page: Page, label: string): Promise<void> {
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    return Array.from(document.querySelectorAll<HTMLElement>("body *"))
      .filter((el) => el.getBoundingClientRect().right > width + 1 && el.getClientRects().length > 0)
      .slice(0, 8)
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)} → ${Math.round(el.getBoundingClientRect().right)}px`);
  });
  assert.deepEqual(overflow, [], `${label} scrolls sideways`);
}

/**
 * The machine client's editor: its own access token lifespan (seen in the try-it token's exp), then a switch to
 * private_key_jwt — a pasted private key is refused, a public one saved — and an allowed CORS origin.
 */
async function editMachineClient(page: Page, shot: SpecContext["screenshot"], secret: string): Promise<void> {
  const lifespan = page.getByTestId("client-lifespans-form").getByLabel("Access token", { exact: true });
  await lifespan.fill("10 minutes");
  await page.getByRole("button", { name: "Save lifespans" }).click();
  await page.getByText("Use a duration like 1h, 30m or 720h.").waitFor();
  assert.equal(await lifespan.evaluate((el) => el === document.activeElement), true, "focus moves to the refused lifespan");
  await lifespan.fill("10m");
  await page.getByRole("button", { name: "Save lifespans" }).click();
  await page.getByTestId("status-region").getByText("Lifespans saved.").waitFor();
  await page.reload();
  assert.equal(await lifespan.inputValue(), "10m");
  await page.getByLabel("Client secret").fill(secret);
  await page.getByRole("button", { name: "Request a token" }).click();
  const claims = JSON.parse((await page.getByTestId("token-claims").textContent()) ?? "{}") as { exp: number; iat: number };
  assert.equal(claims.exp - claims.iat, 600, "the token lives as long as the client's lifespan says");

  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwks = (key: typeof publicKey) => JSON.stringify({ keys: [{ ...key.export({ format: "jwk" }), kid: "batch-1", alg: "ES256" }] }, null, 2);
  await page.getByLabel("Token endpoint authentication").selectOption("private_key_jwt");
  await page.getByLabel("JWK Set (JSON)").fill(jwks(privateKey));
  await page.getByRole("button", { name: "Save client" }).click();
  await page.getByText("Paste public keys only").waitFor();
  await shots(page, shot, "client-keys-refused", "desktop");
  await page.getByLabel("JWK Set (JSON)").fill(jwks(publicKey));
  await page.getByRole("button", { name: "Add origin" }).click();
  await page.getByLabel("Origin 1", { exact: true }).fill("https://batch.example.test/");
  await page.getByRole("button", { name: "Save client" }).click();
  await page.getByText("Enter each origin as scheme://host[:port]").waitFor();
  await page.getByLabel("Origin 1", { exact: true }).fill("https://batch.example.test");
  await page.getByRole("button", { name: "Save client" }).click();
  await page.getByTestId("status-region").getByText("Client saved.").waitFor();
  await page.reload();
  assert.equal(await page.getByLabel("Token endpoint authentication").inputValue(), "private_key_jwt");
  assert.match(await page.getByLabel("JWK Set (JSON)").inputValue(), /"kid": "batch-1"/);
  assert.equal(await page.getByLabel("Origin 1", { exact: true }).inputValue(), "https://batch.example.test");
  assert.ok(!(await page.content()).includes('"d":'), "no private key material in the page");
  await shots(page, shot, "client-editor", "desktop");
}

async function closeSecretDialog(page: Page): Promise<string> {
  const dialog = page.getByRole("dialog");
  const secret = await dialog.getByTestId("new-client-secret").inputValue();
  assert.ok(secret.length >= 32, "a generated secret");
  await dialog.getByRole("button", { name: "I have copied it" }).click();
  await dialog.waitFor({ state: "hidden" });
  return secret;
}

export async function run({ browser, baseUrl, screenshot, log }: SpecContext): Promise<void> {
  const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  let mobile: BrowserContext | undefined;
  try {
    await ensureSignedIn(page, baseUrl);
    const project = await createProjectViaUi(page, baseUrl, `Connect ${Date.now().toString(36)}`, "dev");
    const base = `${baseUrl}/console/projects/${project.id}/oauth2`;
    // A user of the project, to sign in through the authorization URL and consent.
    const key = await page.request.post(`${baseUrl}/api/console/projects/${project.id}/tokens`, { headers: { origin: new URL(baseUrl).origin }, data: { name: "oauth2 console e2e" } });
    assert.equal(key.status(), 201, await key.text());
    const email = `lin-${Date.now().toString(36)}@example.test`;
    const password = "a consent passphrase for lin 4";
    const created = await fetch(`${baseUrl}/p/${project.slug}/admin/identities`, {
      method: "POST",
      headers: { authorization: `Bearer ${((await key.json()) as { value: string }).value}`, "content-type": "application/json" },
      body: JSON.stringify({ schema_id: "preset://email", traits: { email }, credentials: { password: { config: { password } } } }),
    });
    assert.equal(created.status, 201, await created.text());
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console error on ${page.url()}: ${message.text()}`);
    });

    // Navigation entry and the empty list.
    await page.goto(`${baseUrl}/console/projects/${project.id}`);
    await page.getByRole("navigation").getByRole("link", { name: "OAuth2" }).first().click();
    await page.waitForURL(base);
    await page.getByText("No OAuth2 clients yet").waitFor();
    await shots(page, screenshot, "clients-empty", "desktop");

    // A machine client: the secret once, then client_credentials in the try-it panel.
    await page.getByRole("link", { name: "Create client" }).first().click();
    await page.waitForURL(`${base}/clients/new`);
    await page.getByLabel(/^Machine/).check();
    await page.getByLabel("Name").fill("Nightly batch");
    await page.getByLabel("Scopes").fill("reports.read");
    await page.getByRole("button", { name: "Create client" }).click();
    const machineSecret = await closeSecretDialog(page);
    await page.waitForURL(/\/oauth2\/clients\/[^/?]+\?created=1$/);
    const machineUrl = page.url().split("?")[0];
    assert.ok(!(await page.content()).includes(machineSecret), "the secret is not in the client page");
    await page.getByLabel("Client secret").fill(machineSecret);
    await page.getByRole("button", { name: "Request a token" }).click();
    const claims = (await page.getByTestId("token-claims").textContent()) ?? "";
    assert.match(claims, /"active": true/);
    assert.match(claims, /"scope": "reports.read"/);
    await shots(page, screenshot, "client-machine-try", "desktop");

    // A web app from its preset: bad redirect first, then the secret once.
    await page.goto(`${base}/clients/new`);
    await page.getByLabel("Name").fill("Storefront");
    await page.getByLabel("Redirect URIs").fill("not a uri");
    await page.getByRole("button", { name: "Create client" }).click();
    await page.getByText("Enter absolute URIs without a fragment").waitFor();
    await page.getByLabel("Redirect URIs").fill("https://shop.example.test/callback");
    await shots(page, screenshot, "client-new", "desktop");
    await page.getByRole("button", { name: "Create client" }).click();
    await page.getByRole("dialog").getByTestId("new-client-secret").waitFor();
    await shots(page, screenshot, "client-secret", "desktop");
    const firstSecret = await closeSecretDialog(page);
    await page.waitForURL(/\/oauth2\/clients\/[^/?]+\?created=1$/);
    const clientUrl = page.url().split("?")[0];
    assert.ok(!(await page.content()).includes(firstSecret), "the secret is shown once only");

    // Rotate: a new secret, shown once.
    await page.getByTestId("rotate-secret").click();
    await page.getByRole("dialog").getByRole("button", { name: "Rotate secret" }).click();
    await page.getByRole("dialog").getByTestId("new-client-secret").waitFor();
    const rotated = await closeSecretDialog(page);
    assert.notEqual(rotated, firstSecret);

    // Try it: an authorization URL with PKCE S256, state and nonce.
    await page.getByRole("button", { name: "Build authorization URL" }).click();
    const authUrl = new URL((await page.getByTestId("authorization-url").textContent()) ?? "");
    assert.equal(authUrl.pathname, `/p/${project.slug}/oauth2/auth`);
    assert.equal(authUrl.searchParams.get("code_challenge_method"), "S256");
    assert.equal(authUrl.searchParams.get("redirect_uri"), "https://shop.example.test/callback");
    assert.ok(authUrl.searchParams.get("state") && authUrl.searchParams.get("nonce"));
    // Open it: sign in on the hosted login, allow on the consent page, back to the (unreachable) redirect URI.
    const popup = page.waitForEvent("popup");
    await page.getByRole("link", { name: /^Open/ }).click();
    const opened = await popup;
    await hosted.at(opened, "login");
    await opened.locator('input[name="identifier"]').fill(email);
    await opened.locator('input[name="password"]').fill(password);
    await hosted.submit(opened, "password");
    await hosted.at(opened, "consent");
    const callback = opened.waitForRequest((request) => request.url().startsWith("https://shop.example.test/callback?"));
    await opened.getByTestId("consent-allow").click();
    const returned = new URL((await callback).url());
    assert.equal(returned.searchParams.get("state"), authUrl.searchParams.get("state"));
    assert.ok(returned.searchParams.get("code"), "an authorization code for the redirect URI");
    await opened.close();

    // Edit: a bad logout URL is refused, then the change is saved and kept.
    await page.getByLabel("Back-channel logout URI").fill("ftp://nope");
    await page.getByRole("button", { name: "Save client" }).click();
    await page.getByText("Enter an absolute http(s) URL, or leave this empty.").waitFor();
    await page.getByLabel("Back-channel logout URI").fill("https://shop.example.test/bc-logout");
    await page.getByLabel("Name", { exact: true }).fill("Storefront web");
    await page.getByLabel("Post-logout redirect URIs").fill("https://shop.example.test/bye");
    await page.getByLabel("Skip the consent screen").check();
    await page.getByRole("button", { name: "Save client" }).click();
    await page.getByTestId("status-region").getByText("Client saved.").waitFor();
    await page.reload();
    assert.equal(await page.getByLabel("Name", { exact: true }).inputValue(), "Storefront web");
    assert.equal(await page.getByLabel("Post-logout redirect URIs").inputValue(), "https://shop.example.test/bye");
    assert.equal(await page.getByLabel("Skip the consent screen").isChecked(), true);
    await page.getByRole("button", { name: "Build authorization URL" }).click();
    await shots(page, screenshot, "client-detail", "desktop");

    await page.goto(machineUrl);
    await editMachineClient(page, screenshot, machineSecret);

    await page.goto(base);
    assert.equal(await page.getByTestId("clients-table").getByRole("link").count(), 2);
    await shots(page, screenshot, "clients", "desktop");

    // Keys: a set's first key is current, the second next; rotation promotes it.
    await page.goto(`${base}/keys`);
    await page.getByText("No keys yet").waitFor();
    for (let i = 0; i < 2; i++) {
      await page.getByRole("button", { name: "Add key" }).click();
      await page.getByTestId("status-region").getByText(/^Key .+ created\.$/).waitFor();
    }
    const set = page.getByTestId("key-set").first();
    await set.getByText("Current", { exact: true }).waitFor();
    await set.getByText("Next", { exact: true }).waitFor();
    await page.getByTestId("rotate-hydra.openid.id-token").click();
    await page.getByRole("dialog").getByRole("button", { name: "Rotate now" }).click();
    await page.getByTestId("status-region").getByText("hydra.openid.id-token rotated.").waitFor();
    await set.getByText("Retired", { exact: true }).waitFor();
    assert.ok(!(await page.content()).includes('"d":'), "no private key material in the page");
    await shots(page, screenshot, "keys", "desktop");

    // Consent sessions: the user's consent to the web app, found by email, revoked.
    await page.goto(`${base}/consent`);
    await shots(page, screenshot, "consent-start", "desktop");
    await page.getByLabel("Identity ID, email or name").fill(email.slice(0, 8));
    await page.getByRole("button", { name: "Look up" }).click();
    const grant = page.getByTestId("consent-subject").getByRole("row").filter({ hasText: "Storefront web" });
    await grant.getByText("openid", { exact: true }).waitFor();
    await shots(page, screenshot, "consent", "desktop");
    await grant.getByRole("button", { name: "Revoke consent to Storefront web" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke", exact: true }).click();
    await page.getByTestId("status-region").getByText("Consent revoked.").waitFor();
    await page.getByText("No consent sessions").waitFor();

    // Settings: invalid values are explained; a valid save is a new revision and survives a reload.
    await page.goto(`${base}/settings`);
    await page.getByLabel("Login URL").fill("javascript:alert(1)");
    await page.getByLabel("Access token lifespan").fill("5s");
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByText("This is too short: use at least 1m.").waitFor();
    await page.getByText("Enter an absolute http(s) URL, or a path").waitFor();
    const stale = await context.newPage();
    await stale.goto(`${base}/settings`);
    await page.getByLabel("Login URL").fill("/ui/login");
    await page.getByLabel("Access token lifespan").fill("15m");
    await page.getByLabel("Access token format").selectOption("jwt");
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByTestId("status-region").getByText("Settings saved.").waitFor();
    await page.reload();
    assert.equal(await page.getByLabel("Access token lifespan").inputValue(), "15m");
    assert.equal(await page.getByLabel("Access token format").inputValue(), "jwt");
    // A page opened before that save refuses to overwrite it (the revision moved on).
    await stale.getByLabel("Refresh token lifespan").fill("24h");
    await stale.getByRole("button", { name: "Save settings" }).click();
    await stale.getByRole("alert").filter({ hasText: "Someone changed the project since you opened this page" }).waitFor();
    await stale.close();
    await shots(page, screenshot, "settings", "desktop");

    // Phone width: the same pages, no sideways scroll.
    mobile = await browser.newContext({ locale: "en-US", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, storageState: await context.storageState() });
    const phone = await mobile.newPage();
    for (const [path, shotName] of [["", "clients"], [clientUrl.slice(base.length), "client-detail"], [machineUrl.slice(base.length), "client-editor"], ["/clients/new", "client-new"], ["/keys", "keys"], ["/consent", "consent-start"], ["/settings", "settings"]] as const) {
      await phone.goto(`${base}${path}`);
      await assertNoSidewaysScroll(phone, `oauth2${path || "/"}`);
      await shots(phone, screenshot, shotName, "mobile");
    }

    // Delete with confirmation.
    await page.goto(clientUrl);
    await page.getByTestId("delete-client").click();
    await Promise.all([page.waitForURL(/\/oauth2\?deleted=1$/), page.getByRole("dialog").getByRole("button", { name: "Delete client" }).click()]);
    assert.equal(await page.getByTestId("clients-table").getByRole("link").count(), 1);
    assert.deepEqual(problems, [], "no script errors on the console pages");
    log(`project ${project.slug}: machine and web clients created, secret shown once and rotated, tried, edited, deleted; keys rotated; settings saved`);
  } finally {
    await mobile?.close();
    await context.close();
  }
}
