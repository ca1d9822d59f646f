import * as oidc from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLoginApp, type LoginApp } from "../testing/login-app";
import { startOAuth2Harness, type OAuth2Harness } from "../testing/harness";
import { TestUserAgent } from "../testing/user-agent";

let h: OAuth2Harness;
let app: LoginApp;
let config: oidc.Configuration;
const REDIRECT = "https://rp.example/callback";
const LOGOUT_REDIRECT = "https://rp.example/logged-out";
let clientId: string;
let clientSecret: string;

beforeAll(async () => {
  app = await startLoginApp();
  h = await startOAuth2Harness({ services: { oauth2: { config: { urls: { login: `${app.url}/login`, consent: `${app.url}/consent`, logout: `${app.url}/logout` } } } } });
  app.connect(h.issuer(h.a), h.a.apiKey);
  const created = await (await h.admin(h.a, "POST", "/admin/clients", {
    client_name: "rp",
    redirect_uris: [REDIRECT],
    post_logout_redirect_uris: [LOGOUT_REDIRECT],
    grant_types: ["authorization_code", "refresh_token"],
    scope: "openid offline_access profile email",
  })).json();
  clientId = created.client_id;
  clientSecret = created.client_secret;
  config = await oidc.discovery(new URL(h.issuer(h.a)), clientId, undefined, oidc.ClientSecretBasic(clientSecret), { execute: [oidc.allowInsecureRequests] });
});
afterAll(async () => {
  await h?.close();
  await app?.close();
});

const rpOrigin = (url: URL) => url.origin === "https://rp.example";

async function authorize(ua: TestUserAgent, extra: Record<string, string> = {}) {
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT,
    scope: "openid offline_access profile email",
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
    nonce,
    ...extra,
  });
  const { url: callback } = await ua.navigate(url.toString(), rpOrigin);
  return { callback, verifier, state, nonce };
}

describe("authorization code flow with a custom login/consent app", () => {
  it("discovers the issuer and completes code + PKCE; the RP library validates the ID token", async () => {
    expect(config.serverMetadata().issuer).toBe(h.issuer(h.a));
    const ua = new TestUserAgent();
    const { callback, verifier, state, nonce } = await authorize(ua);
    expect(callback.searchParams.get("iss")).toBe(h.issuer(h.a));
    const tokens = await oidc.authorizationCodeGrant(config, callback, { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce });
    const claims = tokens.claims()!;
    expect(claims.sub).toBe("user-1");
    expect(claims.email).toBe("user@example.com");
    expect(claims.auth_time).toBeTypeOf("number");
    expect(claims.sid).toBeTruthy();
    expect(claims.at_hash).toBeTruthy();
    expect(claims.amr).toEqual(["pwd"]);
    expect(tokens.refresh_token).toBeTruthy();

    const info = await oidc.fetchUserInfo(config, tokens.access_token, "user-1");
    expect(info.email).toBe("user@example.com");
    expect(info.name).toBe("User One");

    const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token!);
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    expect(refreshed.claims()!.sub).toBe("user-1");

    // Refresh token reuse: the old token is rejected and the whole grant is revoked.
    await expect(oidc.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({ error: "invalid_grant" });
    await expect(oidc.refreshTokenGrant(config, refreshed.refresh_token!)).rejects.toMatchObject({ error: "invalid_grant" });
    const introspected = await (await fetch(`${h.issuer(h.a)}/admin/oauth2/introspect`, { method: "POST", headers: { authorization: `Bearer ${h.a.apiKey}`, "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ token: refreshed.access_token }) })).json();
    expect(introspected.active).toBe(false);
  });

  it("reuses the remembered login and consent (skip), honours prompt=none and max_age", async () => {
    const ua = new TestUserAgent();
    await authorize(ua);
    app.seen.loginSkip.length = 0;
    app.seen.consentSkip.length = 0;
    const again = await authorize(ua);
    expect(again.callback.searchParams.get("code")).toBeTruthy();
    expect(app.seen.loginSkip).toEqual([true]);
    expect(app.seen.consentSkip).toEqual([true]);
    const silent = await authorize(ua, { prompt: "none" });
    expect(silent.callback.searchParams.get("code")).toBeTruthy();
    const fresh = await authorize(new TestUserAgent(), { prompt: "none" });
    expect(fresh.callback.searchParams.get("error")).toBe("login_required");
    expect(fresh.callback.searchParams.get("state")).toBe(fresh.state);
    app.seen.loginSkip.length = 0;
    await new Promise((r) => setTimeout(r, 1100));
    await authorize(ua, { max_age: "0" });
    expect(app.seen.loginSkip).toEqual([false]);
    app.seen.loginSkip.length = 0;
    await authorize(ua, { prompt: "login" });
    expect(app.seen.loginSkip).toEqual([false]);
  });

  it("delivers rejections to the client, with the response mode asked for", async () => {
    app.behaviour.consent = "reject";
    try {
      const { callback, state } = await authorize(new TestUserAgent(), { response_mode: "fragment" });
      const params = new URLSearchParams(callback.hash.slice(1));
      expect(params.get("error")).toBe("access_denied");
      expect(params.get("state")).toBe(state);
    } finally {
      app.behaviour.consent = "accept";
    }
    const ua = new TestUserAgent();
    const url = oidc.buildAuthorizationUrl(config, { redirect_uri: REDIRECT, scope: "openid", response_mode: "form_post", state: "s1", code_challenge: await oidc.calculatePKCECodeChallenge(oidc.randomPKCECodeVerifier()), code_challenge_method: "S256" });
    const { response } = await ua.navigate(url.toString(), rpOrigin);
    const html = await response!.text();
    expect(html).toContain('action="https://rp.example/callback"');
    expect(html).toContain('name="code"');
    expect(html).toContain('value="s1"');
  });

  it("RP-initiated logout ends the session and returns to the registered URI with state", async () => {
    const ua = new TestUserAgent();
    const { callback, verifier, state, nonce } = await authorize(ua);
    const tokens = await oidc.authorizationCodeGrant(config, callback, { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce });
    const end = oidc.buildEndSessionUrl(config, { id_token_hint: tokens.id_token!, post_logout_redirect_uri: LOGOUT_REDIRECT, state: "bye" });
    const { url } = await ua.navigate(end.toString(), rpOrigin);
    expect(url.toString()).toBe(`${LOGOUT_REDIRECT}?state=bye`);
    app.seen.loginSkip.length = 0;
    await authorize(ua);
    expect(app.seen.loginSkip).toEqual([false]);
    const bad = new URL(end);
    bad.searchParams.set("post_logout_redirect_uri", "https://evil.example/");
    const { url: landed } = await ua.navigate(bad.toString(), (url) => rpOrigin(url) || url.pathname.endsWith("/ui/error"));
    expect(landed.pathname).toMatch(/\/ui\/error$/);
    expect(landed.searchParams.get("error")).toBe("invalid_request");
  });
});
