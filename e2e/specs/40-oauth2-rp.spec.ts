import assert from "node:assert/strict";
import { exportJWK, generateKeyPair } from "jose";
import * as oidc from "openid-client";
import type { Browser, Page } from "playwright-core";
import { hosted } from "../support/hosted";
import { createProjectViaUi, ensureSignedIn } from "../support/owner";
import { discover, startRelyingParty, type RelyingPartyServer } from "../support/relying-party";
import type { SpecContext } from "../support/types";

export const name = "OAuth2/OIDC provider with openid-client: code + PKCE through hosted login and consent, refresh rotation, userinfo, account chooser, RP logout, client_credentials, private_key_jwt, device flow";

const password = "an oauth2 passphrase for grace 9";
const email = `grace-${Date.now().toString(36)}@example.test`;

/** Light and dark screenshots of the page as it is, and one at 320 CSS px, where nothing may overflow. */
async function both(page: Page, shot: SpecContext["screenshot"], name: string): Promise<void> {
  await page.waitForLoadState("networkidle");
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
    await shot(page, `oauth2-${name}-${scheme}`);
  }
  await page.emulateMedia({ colorScheme: "light" });
  const size = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 720 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${name} overflows a 320px viewport by ${overflow}px`);
  await shot(page, `oauth2-${name}-320`);
  if (size) await page.setViewportSize(size);
}

/** The hosted login page reached through a login challenge: sign in with the password. */
async function signInWithChallenge(page: Page, shot: SpecContext["screenshot"] | undefined, name: string): Promise<void> {
  const login = await hosted.at(page, "login");
  assert.ok(login.searchParams.get("flow"), "the login challenge started a login flow");
  if (shot) await both(page, shot, name);
  // A refresh login (prompt=login, max_age) knows who it is: the identifier is a hidden field then.
  const identifier = page.locator('input[name="identifier"]');
  if (await identifier.isVisible()) await identifier.fill(email);
  await page.locator('input[name="password"]').fill(password);
  await hosted.submit(page, "password");
}

async function allowConsent(page: Page, shot: SpecContext["screenshot"] | undefined, name: string, until: (url: URL) => boolean): Promise<void> {
  await hosted.at(page, "consent");
  if (shot) await both(page, shot, name);
  await Promise.all([page.waitForURL(until, { waitUntil: "load" }), page.getByTestId("consent-allow").click()]);
}

interface Setup {
  issuer: string;
  admin(path: string, body: unknown): Promise<Record<string, unknown>>;
}

async function setUp(browser: Browser, baseUrl: string): Promise<Setup> {
  const owner = await browser.newContext({ locale: "en-US" });
  try {
    const page = await owner.newPage();
    await ensureSignedIn(page, baseUrl);
    const project = await createProjectViaUi(page, baseUrl, `OAuth2 ${Date.now().toString(36)}`, "dev");
    const key = await page.request.post(`${baseUrl}/api/console/projects/${project.id}/tokens`, { headers: { origin: new URL(baseUrl).origin }, data: { name: "oauth2 e2e" } });
    assert.equal(key.status(), 201, await key.text());
    const token = ((await key.json()) as { value: string }).value;
    const issuer = `${baseUrl}/p/${project.slug}`;
    const admin = async (path: string, body: unknown) => {
      const response = await fetch(`${issuer}${path}`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) });
      const json = (await response.json()) as Record<string, unknown>;
      assert.equal(response.status, 201, JSON.stringify(json));
      return json;
    };
    return { issuer, admin };
  } finally {
    await owner.close();
  }
}

/** Authorization code + PKCE (RFC 7636) with nonce and state, through the hosted login and consent pages. */
async function codeFlow(ctx: SpecContext, setup: Setup, rp: RelyingPartyServer, clientId: string, clientSecret: string, identityId: string): Promise<void> {
  const { browser, screenshot, log } = ctx;
  const config = await discover(setup.issuer, clientId, clientSecret);
  assert.equal(config.serverMetadata().issuer, setup.issuer, "discovery from the project base URL names it as the issuer");
  const context = await browser.newContext({ locale: "en-US", viewport: { width: 1024, height: 900 } });
  const page = await context.newPage();
  try {
    const verifier = oidc.randomPKCECodeVerifier();
    const nonce = oidc.randomNonce();
    const state = oidc.randomState();
    const authorize = async (extra: Record<string, string> = {}, cfg = config) =>
      oidc.buildAuthorizationUrl(cfg, { redirect_uri: rp.callback, scope: "openid offline_access email profile", code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: "S256", nonce, state, ...extra }).toString();
    const atRp = (url: URL) => url.origin === rp.origin;

    await page.goto(await authorize());
    await hosted.at(page, "login");
    await page.getByText("to continue to Storefront").waitFor(); // the hosted login names the app (oauth2_login_request)
    await signInWithChallenge(page, screenshot, "login-challenge");
    await allowConsent(page, screenshot, "consent", atRp);
    const tokens = await oidc.authorizationCodeGrant(config, new URL(page.url()), { pkceCodeVerifier: verifier, expectedNonce: nonce, expectedState: state, idTokenExpected: true });
    const claims = tokens.claims()!;
    assert.equal(claims.sub, identityId);
    assert.equal(claims.email, email, "the email scope released the email claim");
    assert.ok(tokens.refresh_token, "offline_access granted a refresh token");
    log("code + PKCE: ID token validated by openid-client (nonce, iss, aud, signature)");

    const info = await oidc.fetchUserInfo(config, tokens.access_token, identityId);
    assert.equal(info.email, email);

    // Refresh token rotation: the new one works, the old one is refused afterwards (reuse).
    const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token!);
    assert.ok(refreshed.refresh_token && refreshed.refresh_token !== tokens.refresh_token, "a new refresh token");
    assert.equal(refreshed.claims()?.sub, identityId);
    await assert.rejects(oidc.refreshTokenGrant(config, tokens.refresh_token!), (error: unknown) => (error as { error?: string }).error === "invalid_grant");
    log("refresh rotated; the old refresh token is refused");

    // Signed in and consent remembered: straight back to the app, no form.
    await page.goto(await authorize());
    await page.waitForURL(atRp);
    assert.ok(new URL(page.url()).searchParams.get("code"), "remembered login and consent skip both pages");

    // prompt=select_account: the chooser names the signed-in account; continuing (by keyboard) skips the forms.
    await page.goto(await authorize({ prompt: "select_account" }));
    await hosted.at(page, "login");
    await both(page, screenshot, "select-account");
    await page.getByRole("button", { name: `Continue as ${email}` }).focus();
    await Promise.all([page.waitForURL(atRp), page.keyboard.press("Enter")]);
    assert.ok(new URL(page.url()).searchParams.get("code"), "the chooser continued with the signed-in account");

    // prompt=login forces a new authentication, then continues.
    await page.goto(await authorize({ prompt: "login" }));
    await signInWithChallenge(page, screenshot, "login-refresh");
    await page.waitForURL(atRp);
    assert.ok(new URL(page.url()).searchParams.get("code"));

    // RP-initiated logout: confirmation page, identity session ends, back to post_logout_redirect_uri with state.
    const logoutState = oidc.randomState();
    await page.goto(oidc.buildEndSessionUrl(config, { id_token_hint: refreshed.id_token ?? tokens.id_token!, post_logout_redirect_uri: rp.loggedOut, state: logoutState }).toString());
    await hosted.at(page, "logout");
    await both(page, screenshot, "logout");
    await Promise.all([page.waitForURL((url) => url.origin === rp.origin, { waitUntil: "load" }), page.getByTestId("logout-confirm").click()]);
    const landed = new URL(page.url());
    assert.equal(`${landed.origin}${landed.pathname}`, rp.loggedOut);
    assert.equal(landed.searchParams.get("state"), logoutState);
    const whoami = await page.request.get(`${setup.issuer}/sessions/whoami`);
    assert.equal(whoami.status(), 401, "the identity session ended with the logout");

    // prompt=none without a session answers login_required to the client (OIDC Core §3.1.2.6).
    await page.goto(await authorize({ prompt: "none" }));
    await page.waitForURL(atRp);
    assert.equal(new URL(page.url()).searchParams.get("error"), "login_required");
    log("RP-initiated logout ended the identity session; prompt=none then answers login_required");
  } finally {
    await context.close();
  }
}

/** A first-party client (skip_consent) never shows the consent page. */
async function firstParty(ctx: SpecContext, setup: Setup, rp: RelyingPartyServer, clientId: string): Promise<void> {
  const config = await discover(setup.issuer, clientId, undefined, oidc.None());
  const context = await ctx.browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  try {
    const verifier = oidc.randomPKCECodeVerifier();
    const url = oidc.buildAuthorizationUrl(config, { redirect_uri: rp.callback, scope: "openid email", code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: "S256", state: "first-party-state" });
    await page.goto(url.toString());
    await signInWithChallenge(page, undefined, "");
    await page.waitForURL((u) => u.origin === rp.origin);
    const tokens = await oidc.authorizationCodeGrant(config, new URL(page.url()), { pkceCodeVerifier: verifier, expectedState: "first-party-state" });
    assert.ok(tokens.id_token, "no consent page for a skip_consent client");
  } finally {
    await context.close();
  }
}

/** RFC 8628: the device asks, a second browser enters the code at /ui/device, signs in, consents; polling gets tokens. */
async function deviceFlow(ctx: SpecContext, setup: Setup, clientId: string, identityId: string): Promise<void> {
  const config = await discover(setup.issuer, clientId, undefined, oidc.None());
  const response = await oidc.initiateDeviceAuthorization(config, { scope: "openid offline_access" });
  const abort = new AbortController();
  const polling = oidc.pollDeviceAuthorizationGrant(config, response, undefined, { signal: abort.signal });
  polling.catch(() => undefined); // awaited below; a failure in the browser part must not leave it unhandled
  const context = await ctx.browser.newContext({ locale: "en-US", viewport: { width: 1024, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(response.verification_uri);
    await hosted.at(page, "device");
    await page.locator('input[name="user_code"]').fill(response.user_code);
    await both(page, ctx.screenshot, "device");
    await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.getByRole("button", { name: "Continue" }).click()]);
    await signInWithChallenge(page, undefined, "");
    await allowConsent(page, undefined, "", (url) => url.pathname.endsWith("/ui/device/success"));
    await both(page, ctx.screenshot, "device-success");
    const tokens = await polling;
    assert.equal(tokens.claims()?.sub, identityId);
    assert.ok(tokens.refresh_token, "offline_access on the device grant");
  } finally {
    abort.abort();
    await context.close();
  }
}

export async function run(ctx: SpecContext): Promise<void> {
  const { browser, baseUrl, log } = ctx;
  const rp = await startRelyingParty();
  try {
    const setup = await setUp(browser, baseUrl);
    const identity = await setup.admin("/admin/identities", { schema_id: "preset://email", traits: { email }, credentials: { password: { config: { password } } } });
    const identityId = String(identity.id);
    const web = await setup.admin("/admin/clients", {
      client_name: "Storefront", redirect_uris: [rp.callback], post_logout_redirect_uris: [rp.loggedOut], grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"], scope: "openid offline_access email profile", token_endpoint_auth_method: "client_secret_post",
    });
    log(`project issuer ${setup.issuer}, client ${String(web.client_id)}`);
    await codeFlow(ctx, setup, rp, String(web.client_id), String(web.client_secret), identityId);

    const first = await setup.admin("/admin/clients", { client_name: "Own app", redirect_uris: [rp.callback], grant_types: ["authorization_code"], scope: "openid email", token_endpoint_auth_method: "none", skip_consent: true });
    await firstParty(ctx, setup, rp, String(first.client_id));
    log("skip_consent client: no consent page");

    const m2m = await setup.admin("/admin/clients", { client_name: "Worker", grant_types: ["client_credentials"], scope: "jobs:read", token_endpoint_auth_method: "client_secret_basic" });
    const m2mConfig = await discover(setup.issuer, String(m2m.client_id), String(m2m.client_secret), oidc.ClientSecretBasic(String(m2m.client_secret)));
    const m2mTokens = await oidc.clientCredentialsGrant(m2mConfig, { scope: "jobs:read" });
    assert.equal(m2mTokens.scope, "jobs:read");

    const { publicKey, privateKey } = await generateKeyPair("ES256");
    const jwk = { ...(await exportJWK(publicKey)), kid: "e2e-1", alg: "ES256", use: "sig" };
    const signed = await setup.admin("/admin/clients", { client_name: "Signed worker", grant_types: ["client_credentials"], scope: "jobs:read", token_endpoint_auth_method: "private_key_jwt", token_endpoint_auth_signing_alg: "ES256", jwks: { keys: [jwk] } });
    const signedConfig = await discover(setup.issuer, String(signed.client_id), undefined, oidc.PrivateKeyJwt({ key: privateKey, kid: "e2e-1" }));
    assert.ok((await oidc.clientCredentialsGrant(signedConfig, { scope: "jobs:read" })).access_token);
    log("client_credentials with client_secret_basic and with private_key_jwt");

    const device = await setup.admin("/admin/clients", { client_name: "Smart TV", grant_types: ["urn:ietf:params:oauth:grant-type:device_code", "refresh_token"], scope: "openid offline_access", token_endpoint_auth_method: "none" });
    await deviceFlow(ctx, setup, String(device.client_id), identityId);
    log("device flow: code entered in a second browser, signed in, consented; polling got tokens");
  } finally {
    await rp.close();
  }
}
