import { createHash } from "node:crypto";
import { createRemoteJWKSet, jwtVerify } from "jose";
import * as oidc from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLoginApp, type LoginApp } from "../testing/login-app";
import { startOAuth2Harness, type OAuth2Harness } from "../testing/harness";
import { TestUserAgent } from "../testing/user-agent";

/** OIDC Core §3.2.2 (implicit) and §3.3 (hybrid) as an explicit per-client opt-in (Hydra's response_types). */

const REDIRECT = "https://rp.example/cb";
type Client = { client_id: string; client_secret?: string };
let h: OAuth2Harness;
let app: LoginApp;
let implicit: Client;
let hybrid: Client;
let codeOnly: Client;

beforeAll(async () => {
  app = await startLoginApp();
  h = await startOAuth2Harness({ services: { oauth2: { config: { urls: { login: `${app.url}/login`, consent: `${app.url}/consent` } } } } });
  app.connect(h.issuer(h.a), h.a.apiKey);
  const create = async (body: object) => (await (await h.admin(h.a, "POST", "/admin/clients", { redirect_uris: [REDIRECT], ...body })).json()) as Client;
  implicit = await create({ grant_types: ["implicit"], response_types: ["id_token", "token id_token"], token_endpoint_auth_method: "none", scope: "openid email profile offline_access" });
  hybrid = await create({ grant_types: ["authorization_code", "implicit", "refresh_token"], response_types: ["code", "code id_token", "code token", "id_token token code"], scope: "openid email profile offline_access" });
  codeOnly = await create({ grant_types: ["authorization_code"], scope: "openid email" });
});
afterAll(async () => {
  await h?.close();
  await app?.close();
});

const atRp = (u: URL) => u.origin === "https://rp.example";
const fragment = (url: URL) => Object.fromEntries(new URLSearchParams(url.hash.slice(1)));
const halfHash = (value: string) => createHash("sha256").update(value, "ascii").digest().subarray(0, 16).toString("base64url");
const jwks = () => createRemoteJWKSet(new URL(`${h.issuer(h.a)}/.well-known/jwks.json`));

async function authorize(client: Client, params: Record<string, string>) {
  const url = new URL(`${h.issuer(h.a)}/oauth2/auth`);
  for (const [k, v] of Object.entries({ client_id: client.client_id, redirect_uri: REDIRECT, scope: "openid email offline_access", state: "st-12345", ...params })) url.searchParams.set(k, v);
  const { url: callback } = await new TestUserAgent().navigate(url.toString(), atRp);
  return callback;
}

const rpConfig = (client: Client, ...execute: ((c: oidc.Configuration) => void)[]) =>
  oidc.discovery(new URL(h.issuer(h.a)), client.client_id, undefined, client.client_secret ? oidc.ClientSecretBasic(client.client_secret) : oidc.None(), { execute: [oidc.allowInsecureRequests, ...execute] });

describe("implicit and hybrid response types", () => {
  it("advertises them in discovery, with code still the only default", async () => {
    const metadata = (await rpConfig(codeOnly)).serverMetadata();
    expect(metadata.response_types_supported).toEqual(["code", "id_token", "id_token token", "code id_token", "code token", "code id_token token"]);
    expect(metadata.grant_types_supported).toContain("implicit");
    const denied = await authorize(codeOnly, { response_type: "code id_token", nonce: "n-1" });
    expect(fragment(denied)).toMatchObject({ error: "unauthorized_client", state: "st-12345" });
  });

  it("id_token: openid-client validates the ID token; the scope's claims are in it; no access or refresh token", async () => {
    const config = await rpConfig(implicit, oidc.useIdTokenResponseType);
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(config, { redirect_uri: REDIRECT, scope: "openid email offline_access", nonce, state: "st-12345" });
    const { url: callback } = await new TestUserAgent().navigate(url.toString(), atRp);
    expect(callback.search).toBe(""); // fragment by default, never query
    const claims = await oidc.implicitAuthentication(config, callback, nonce, { expectedState: "st-12345" });
    expect(claims).toMatchObject({ sub: "user-1", nonce, email: "user@example.com", email_verified: true, acr: "1" });
    expect(claims.at_hash).toBeUndefined();
    expect(claims.name).toBeUndefined(); // profile was not requested
    expect(Object.keys(fragment(callback)).sort()).toEqual(["id_token", "iss", "scope", "state"]);
  });

  it("requires a nonce (OIDC Core §3.2.2.1) and refuses response_mode=query for tokens", async () => {
    expect(fragment(await authorize(implicit, { response_type: "id_token" }))).toMatchObject({ error: "invalid_request", state: "st-12345" });
    expect(fragment(await authorize(implicit, { response_type: "id_token", nonce: "n-1", response_mode: "query" }))).toMatchObject({ error: "invalid_request" });
    expect(fragment(await authorize(implicit, { response_type: "id_token", nonce: "n-1", scope: "email" }))).toMatchObject({ error: "invalid_request" });
  });

  it("id_token token: at_hash binds the access token, which works at userinfo; no refresh token", async () => {
    const callback = await authorize(implicit, { response_type: "token id_token", nonce: "n-2" });
    const response = fragment(callback);
    expect(response).toMatchObject({ token_type: "bearer", state: "st-12345" });
    expect(response.refresh_token).toBeUndefined();
    expect(response.code).toBeUndefined();
    const { payload } = await jwtVerify(response.id_token!, jwks(), { issuer: h.issuer(h.a), audience: implicit.client_id });
    expect(payload).toMatchObject({ nonce: "n-2", at_hash: halfHash(response.access_token!) });
    const info = await (await fetch(`${h.issuer(h.a)}/userinfo`, { headers: { authorization: `Bearer ${response.access_token}` } })).json();
    expect(info).toMatchObject({ sub: "user-1", email: "user@example.com" });
  });

  it("code id_token: openid-client checks c_hash and redeems the code; the refresh token comes from the token endpoint only", async () => {
    const config = await rpConfig(hybrid, oidc.useCodeIdTokenResponseType);
    const nonce = oidc.randomNonce();
    const verifier = oidc.randomPKCECodeVerifier();
    const url = oidc.buildAuthorizationUrl(config, { redirect_uri: REDIRECT, scope: "openid email offline_access", nonce, state: "st-12345", code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: "S256" });
    const { url: callback } = await new TestUserAgent().navigate(url.toString(), atRp);
    const front = fragment(callback);
    expect(front.access_token).toBeUndefined();
    expect(front.refresh_token).toBeUndefined();
    const { payload } = await jwtVerify(front.id_token!, jwks(), { issuer: h.issuer(h.a), audience: hybrid.client_id });
    expect(payload).toMatchObject({ nonce, c_hash: halfHash(front.code!) });
    const tokens = await oidc.authorizationCodeGrant(config, callback, { pkceCodeVerifier: verifier, expectedNonce: nonce, expectedState: "st-12345" });
    expect(tokens.refresh_token).toBeTruthy();
    expect(tokens.claims()).toMatchObject({ sub: "user-1", nonce });
  });

  it("code token and code id_token token: c_hash and at_hash over what was returned beside them", async () => {
    const both = fragment(await authorize(hybrid, { response_type: "code id_token token", nonce: "n-3" }));
    expect(both.refresh_token).toBeUndefined();
    const { payload } = await jwtVerify(both.id_token!, jwks(), { issuer: h.issuer(h.a), audience: hybrid.client_id });
    expect(payload).toMatchObject({ nonce: "n-3", c_hash: halfHash(both.code!), at_hash: halfHash(both.access_token!) });

    const codeToken = fragment(await authorize(hybrid, { response_type: "token code", nonce: "n-4" }));
    expect(codeToken).toMatchObject({ token_type: "bearer" });
    expect(codeToken.id_token).toBeUndefined();
    const redeemed = await (await fetch(`${h.issuer(h.a)}/oauth2/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Basic ${Buffer.from(`${hybrid.client_id}:${hybrid.client_secret}`).toString("base64")}` },
      body: new URLSearchParams({ grant_type: "authorization_code", code: codeToken.code!, redirect_uri: REDIRECT }),
    })).json();
    expect(redeemed.refresh_token).toBeTruthy();
    const { payload: fromToken } = await jwtVerify(redeemed.id_token, jwks(), { issuer: h.issuer(h.a), audience: hybrid.client_id });
    expect(fromToken.nonce).toBe("n-4");
  });

  it("a hybrid client without the nonce is refused; its plain code flow still works", async () => {
    expect(fragment(await authorize(hybrid, { response_type: "code id_token" }))).toMatchObject({ error: "invalid_request" });
    const callback = await authorize(hybrid, { response_type: "code" });
    expect(callback.searchParams.get("code")).toBeTruthy();
  });
});
