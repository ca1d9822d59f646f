import * as oidc from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLoginApp, type LoginApp } from "../testing/login-app";
import { startOAuth2Harness, type OAuth2Harness } from "../testing/harness";
import { TestUserAgent } from "../testing/user-agent";

let h: OAuth2Harness;
let app: LoginApp;

beforeAll(async () => {
  app = await startLoginApp();
  h = await startOAuth2Harness({ services: { oauth2: { config: { device: { interval: 1 }, urls: { login: `${app.url}/login`, consent: `${app.url}/consent`, device: { verification: "https://device-ui.example/enter", success: "https://device-ui.example/done" } } } } } });
  app.connect(h.issuer(h.a), h.a.apiKey);
});
afterAll(async () => {
  await h?.close();
  await app?.close();
});

describe("device authorization grant (RFC 8628)", () => {
  it("polls pending, slows down, and issues tokens once the user approved in a browser", async () => {
    const c = await (await h.admin(h.a, "POST", "/admin/clients", { grant_types: ["urn:ietf:params:oauth:grant-type:device_code", "refresh_token"], token_endpoint_auth_method: "none", scope: "openid offline_access" })).json();
    const config = await oidc.discovery(new URL(h.issuer(h.a)), c.client_id, undefined, oidc.None(), { execute: [oidc.allowInsecureRequests] });
    const device = await oidc.initiateDeviceAuthorization(config, { scope: "openid offline_access" });
    expect(device.user_code).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
    const poll = (code = device.device_code) => fetch(`${h.issuer(h.a)}/oauth2/token`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ grant_type: "urn:ietf:params:oauth:grant-type:device_code", device_code: code, client_id: c.client_id }) });
    expect((await (await poll()).json()).error).toBe("authorization_pending");
    expect((await (await poll()).json()).error).toBe("slow_down");

    // The user's browser: verification URI → code entry page (device challenge) → accept → login → consent.
    const ua = new TestUserAgent();
    const { url: entry } = await ua.navigate(device.verification_uri_complete!, (u) => u.origin === "https://device-ui.example");
    expect(entry.searchParams.get("user_code")).toBe(device.user_code);
    const challenge = entry.searchParams.get("device_challenge")!;
    const { oauth2 } = h.sdk(h.a);
    await expect(oauth2.acceptUserCodeRequest({ deviceChallenge: challenge, acceptDeviceUserCodeRequest: { user_code: "BCDF-GHJK" } })).rejects.toMatchObject({ response: { status: 404 } });
    const { redirect_to } = await oauth2.acceptUserCodeRequest({ deviceChallenge: challenge, acceptDeviceUserCodeRequest: { user_code: device.user_code.toLowerCase() } });
    const { url: done } = await ua.navigate(redirect_to, (u) => u.origin === "https://device-ui.example");
    expect(done.pathname).toBe("/done");

    await new Promise((r) => setTimeout(r, 1100));
    const tokens = await oidc.pollDeviceAuthorizationGrant(config, { ...device, interval: 1 });
    expect(tokens.access_token).toBeTruthy();
    expect(tokens.refresh_token).toBeTruthy();
    expect(tokens.claims()?.sub).toBe("user-1");
    expect((await (await poll()).json()).error).toBe("invalid_grant");
  });
});
