import http from "node:http";
import type { AddressInfo } from "node:net";
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import * as oidc from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetConfig } from "@/lib/config";
import { startLoginApp, type LoginApp } from "../testing/login-app";
import { startOAuth2Harness, type OAuth2Harness } from "../testing/harness";
import { TestUserAgent } from "../testing/user-agent";

const REDIRECT = "https://rp.example/callback";
const LOGOUT_REDIRECT = "https://rp.example/logged-out";

/** A relying party's back-channel logout endpoint that fails its first delivery (to see the OP retry). */
function startReceiver() {
  const received: string[] = [];
  let calls = 0;
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      calls++;
      if (calls === 1) {
        res.statusCode = 503;
        res.end();
        return;
      }
      received.push(new URLSearchParams(body).get("logout_token") ?? "");
      res.statusCode = 200;
      res.end();
    });
  });
  return new Promise<{ url: string; received: string[]; calls: () => number; close: () => Promise<void> }>((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/backchannel`,
        received,
        calls: () => calls,
        close: () => new Promise((r) => server.close(() => r())),
      }),
    ),
  );
}

let h: OAuth2Harness;
let app: LoginApp;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let config: oidc.Configuration;
let clientId: string;

beforeAll(async () => {
  process.env.GATEWAY_OUTBOUND_ALLOW = "127.0.0.0/8"; // the logout receiver is on loopback (SSRF guard)
  resetConfig();
  app = await startLoginApp();
  receiver = await startReceiver();
  h = await startOAuth2Harness({ services: { oauth2: { config: { urls: { login: `${app.url}/login`, consent: `${app.url}/consent`, logout: `${app.url}/logout` } } } } });
  app.connect(h.issuer(h.a), h.a.apiKey);
  const created = await (await h.admin(h.a, "POST", "/admin/clients", {
    redirect_uris: [REDIRECT],
    post_logout_redirect_uris: [LOGOUT_REDIRECT],
    grant_types: ["authorization_code", "refresh_token"],
    scope: "openid profile email",
    userinfo_signed_response_alg: "RS256",
    backchannel_logout_uri: receiver.url,
    backchannel_logout_session_required: true,
  })).json();
  clientId = created.client_id;
  config = await oidc.discovery(new URL(h.issuer(h.a)), clientId, undefined, oidc.ClientSecretBasic(created.client_secret), { execute: [oidc.allowInsecureRequests] });
});
afterAll(async () => {
  delete process.env.GATEWAY_OUTBOUND_ALLOW;
  resetConfig();
  await h?.close();
  await app?.close();
  await receiver?.close();
});

async function signIn(ua: TestUserAgent) {
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, { redirect_uri: REDIRECT, scope: "openid profile email", code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: "S256", state, nonce });
  const { url: callback } = await ua.navigate(url.toString(), (u) => u.origin === "https://rp.example");
  return oidc.authorizationCodeGrant(config, callback, { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce });
}

describe("signed userinfo and back-channel logout", () => {
  it("answers userinfo as an RS256 JWT with iss and aud when the client registered userinfo_signed_response_alg (OIDC Core §5.3.2)", async () => {
    const tokens = await signIn(new TestUserAgent());
    const response = await fetch(`${h.issuer(h.a)}/userinfo`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(response.headers.get("content-type")).toMatch(/^application\/jwt/);
    const jwt = await response.text();
    expect(decodeProtectedHeader(jwt).alg).toBe("RS256");
    const { payload } = await jwtVerify(jwt, createRemoteJWKSet(new URL(`${h.issuer(h.a)}/.well-known/jwks.json`)), { issuer: h.issuer(h.a), audience: clientId });
    expect(payload).toMatchObject({ sub: "user-1", email: "user@example.com" });
    // openid-client accepts the signed response too.
    expect((await oidc.fetchUserInfo(config, tokens.access_token, "user-1")).email).toBe("user@example.com");
  });

  it("POSTs a signed logout token to the client, retrying a failed delivery (OIDC Back-Channel Logout §2.4–2.8)", async () => {
    const ua = new TestUserAgent();
    const tokens = await signIn(ua);
    const sid = tokens.claims()!.sid;
    const end = oidc.buildEndSessionUrl(config, { id_token_hint: tokens.id_token!, post_logout_redirect_uri: LOGOUT_REDIRECT, state: "s" });
    const { url } = await ua.navigate(end.toString(), (u) => u.origin === "https://rp.example");
    expect(url.toString()).toBe(`${LOGOUT_REDIRECT}?state=s`);
    await expect.poll(() => receiver.received.length, { timeout: 8000, interval: 100 }).toBe(1);
    expect(receiver.calls()).toBe(2);
    const { payload, protectedHeader } = await jwtVerify(receiver.received[0]!, createRemoteJWKSet(new URL(`${h.issuer(h.a)}/.well-known/jwks.json`)), { issuer: h.issuer(h.a), audience: clientId });
    expect(protectedHeader.typ).toBe("logout+jwt");
    expect(payload.events).toEqual({ "http://schemas.openid.net/event/backchannel-logout": {} });
    expect(payload.sid).toBe(sid);
    expect(payload.sub).toBe("user-1");
    expect(payload.nonce).toBeUndefined();
    expect(payload.jti).toBeTypeOf("string");
  });
});
