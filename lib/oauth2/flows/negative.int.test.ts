import * as oidc from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformDb } from "@/lib/db";
import { startLoginApp, type LoginApp } from "../testing/login-app";
import { startOAuth2Harness, type OAuth2Harness } from "../testing/harness";
import { TestUserAgent } from "../testing/user-agent";

let h: OAuth2Harness;
let app: LoginApp;
const REDIRECT = "https://rp.example/cb";
type Client = { client_id: string; client_secret: string };
let web: Client;
let other: Client;

beforeAll(async () => {
  app = await startLoginApp();
  h = await startOAuth2Harness({ services: { oauth2: { config: { urls: { login: `${app.url}/login`, consent: `${app.url}/consent` } } } } });
  app.connect(h.issuer(h.a), h.a.apiKey);
  const create = async (body: object) => (await (await h.admin(h.a, "POST", "/admin/clients", body)).json()) as Client;
  web = await create({ redirect_uris: [REDIRECT], grant_types: ["authorization_code", "refresh_token"], scope: "openid offline_access" });
  other = await create({ redirect_uris: [REDIRECT], grant_types: ["authorization_code", "refresh_token"], scope: "openid offline_access" });
});
afterAll(async () => {
  await h?.close();
  await app?.close();
});

const token = (client: Client, body: Record<string, string>) =>
  fetch(`${h.issuer(h.a)}/oauth2/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Basic ${Buffer.from(`${client.client_id}:${client.client_secret}`).toString("base64")}` },
    body: new URLSearchParams(body),
  });

async function code(client: Client, extra: Record<string, string> = {}) {
  const verifier = oidc.randomPKCECodeVerifier();
  const url = new URL(`${h.issuer(h.a)}/oauth2/auth`);
  const params = { client_id: client.client_id, response_type: "code", redirect_uri: REDIRECT, scope: "openid offline_access", state: "st-1", code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: "S256", ...extra };
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  const { url: callback, response } = await new TestUserAgent().navigate(url.toString(), (u) => u.origin === "https://rp.example" || u.pathname.endsWith("/ui/error"));
  return { code: callback.searchParams.get("code"), callback, verifier, response };
}

describe("negative cases answer per the RFCs and change nothing", () => {
  it("never redirects to an unregistered redirect_uri", async () => {
    // A browser is sent to the project's error page (Hydra's urls.error), never to the unverified redirect_uri.
    const result = await code(web, { redirect_uri: "https://evil.example/cb" });
    expect(result.callback.origin).not.toBe("https://evil.example");
    expect(result.callback.pathname).toBe(`/p/${h.a.slug}/ui/error`);
    expect(result.callback.searchParams.get("error")).toBe("invalid_request");
    expect(result.callback.searchParams.get("error_description")).toMatch(/redirect_uri/);
    const unknown = await code({ client_id: "nope", client_secret: "" });
    expect(unknown.callback.pathname).toBe(`/p/${h.a.slug}/ui/error`);
    // A machine client gets the JSON error (RFC 6749 §4.1.2.1 forbids the redirect either way).
    const json = await fetch(`${h.issuer(h.a)}/oauth2/auth?client_id=nope&response_type=code`, { redirect: "manual" });
    expect(json.status).toBe(400);
    expect((await json.json()).error).toBe("invalid_client");
  });

  it("rejects a missing or wrong PKCE verifier without consuming the code", async () => {
    const c = await code(web);
    expect((await (await token(web, { grant_type: "authorization_code", code: c.code!, redirect_uri: REDIRECT })).json()).error).toBe("invalid_grant");
    expect((await (await token(web, { grant_type: "authorization_code", code: c.code!, redirect_uri: REDIRECT, code_verifier: oidc.randomPKCECodeVerifier() })).json()).error).toBe("invalid_grant");
    expect((await (await token(web, { grant_type: "authorization_code", code: c.code!, redirect_uri: "https://rp.example/other" , code_verifier: c.verifier })).json()).error).toBe("invalid_grant");
    expect((await (await token(other, { grant_type: "authorization_code", code: c.code!, redirect_uri: REDIRECT, code_verifier: c.verifier })).json()).error).toBe("invalid_grant");
    const ok = await token(web, { grant_type: "authorization_code", code: c.code!, redirect_uri: REDIRECT, code_verifier: c.verifier });
    expect(ok.status).toBe(200);
  });

  it("a reused code fails and revokes what it issued", async () => {
    const c = await code(web);
    const first = await (await token(web, { grant_type: "authorization_code", code: c.code!, redirect_uri: REDIRECT, code_verifier: c.verifier })).json();
    const again = await token(web, { grant_type: "authorization_code", code: c.code!, redirect_uri: REDIRECT, code_verifier: c.verifier });
    expect(again.status).toBe(400);
    expect((await again.json()).error).toBe("invalid_grant");
    expect((await h.sdk(h.a).oauth2.introspectOAuth2Token({ token: first.access_token })).active).toBe(false);
    expect((await (await token(web, { grant_type: "refresh_token", refresh_token: first.refresh_token })).json()).error).toBe("invalid_grant");
  });

  it("an expired code fails", async () => {
    const c = await code(web);
    const db = await platformDb();
    await db.oAuth2Token.updateMany({ where: { projectId: h.a.projectId, kind: "authorization_code", usedAt: null }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const res = await token(web, { grant_type: "authorization_code", code: c.code!, redirect_uri: REDIRECT, code_verifier: c.verifier });
    expect((await res.json()).error).toBe("invalid_grant");
  });

  it("a refresh token of another client fails and stays valid for its own", async () => {
    const c = await code(web);
    const first = await (await token(web, { grant_type: "authorization_code", code: c.code!, redirect_uri: REDIRECT, code_verifier: c.verifier })).json();
    expect((await (await token(other, { grant_type: "refresh_token", refresh_token: first.refresh_token })).json()).error).toBe("invalid_grant");
    expect((await token(web, { grant_type: "refresh_token", refresh_token: first.refresh_token })).status).toBe(200);
  });

  it("requires S256 PKCE for public clients and refuses unknown response types and request_uri", async () => {
    const pub = (await (await h.admin(h.a, "POST", "/admin/clients", { redirect_uris: [REDIRECT], token_endpoint_auth_method: "none", scope: "openid" })).json()) as Client;
    const noPkce = await code(pub, { scope: "openid", code_challenge: "", code_challenge_method: "" });
    expect(noPkce.callback.searchParams.get("error")).toBe("invalid_request");
    const plain = await code(pub, { scope: "openid", code_challenge_method: "plain" });
    expect(plain.callback.searchParams.get("error")).toBe("invalid_request");
    const token = await code(web, { response_type: "token" });
    // A response type that would return tokens gets its error in the fragment (Multiple Response Type Encoding §2.1).
    expect(new URLSearchParams(token.callback.hash.slice(1)).get("error")).toBe("unsupported_response_type");
    const requestUri = await code(web, { request_uri: "https://rp.example/req.jwt" });
    expect(requestUri.callback.searchParams.get("error")).toBe("request_uri_not_supported");
    const scope = await code(web, { scope: "openid admin" });
    expect(scope.callback.searchParams.get("error")).toBe("invalid_scope");
    expect(scope.callback.searchParams.get("state")).toBe("st-1");
  });

  it("accepts an unsigned request object whose members supersede the query", async () => {
    const verifier = oidc.randomPKCECodeVerifier();
    const claims = { client_id: web.client_id, response_type: "code", redirect_uri: REDIRECT, scope: "openid", state: "from-object", code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: "S256" };
    const jwt = `${Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url")}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.`;
    const url = `${h.issuer(h.a)}/oauth2/auth?client_id=${web.client_id}&response_type=code&scope=openid&request=${jwt}`;
    const { url: callback } = await new TestUserAgent().navigate(url, (u) => u.origin === "https://rp.example");
    expect(callback.searchParams.get("state")).toBe("from-object");
    expect(callback.searchParams.get("code")).toBeTruthy();
  });
});
