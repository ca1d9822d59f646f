import { exportJWK, generateKeyPair } from "jose";
import * as oidc from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectDb } from "@/lib/db";
import { startOAuth2Harness, type OAuth2Harness } from "../testing/harness";

let h: OAuth2Harness;
beforeAll(async () => {
  h = await startOAuth2Harness();
});
afterAll(async () => h?.close());

const post = (issuer: string, path: string, body: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(issuer + path, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", ...headers }, body: new URLSearchParams(body) });
const basic = (id: string, secret: string) => ({ authorization: `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString("base64")}` });

async function machineClient(extra: Record<string, unknown> = {}) {
  return (await (await h.admin(h.a, "POST", "/admin/clients", { grant_types: ["client_credentials"], scope: "read write", audience: ["https://api.example"], ...extra })).json()) as { client_id: string; client_secret: string };
}

describe("client_credentials", () => {
  it("issues JWT and opaque access tokens that introspect and revoke (openid-client + Ory SDK)", async () => {
    const { oauth2 } = h.sdk(h.a);
    for (const strategy of ["jwt", "opaque"]) {
      const c = await machineClient({ access_token_strategy: strategy });
      const config = await oidc.discovery(new URL(h.issuer(h.a)), c.client_id, undefined, oidc.ClientSecretBasic(c.client_secret), { execute: [oidc.allowInsecureRequests] });
      const tokens = await oidc.clientCredentialsGrant(config, { scope: "read", audience: "https://api.example" });
      expect(tokens.token_type).toBe("bearer");
      expect(tokens.scope).toBe("read");
      if (strategy === "jwt") {
        const [header, payload] = tokens.access_token.split(".").slice(0, 2).map((p) => JSON.parse(Buffer.from(p, "base64url").toString()));
        expect(header).toMatchObject({ typ: "at+jwt", alg: "ES256" });
        expect(payload).toMatchObject({ iss: h.issuer(h.a), sub: c.client_id, client_id: c.client_id, scope: "read", aud: ["https://api.example"] });
      } else {
        expect(tokens.access_token.startsWith("pc_at_")).toBe(true);
      }
      const active = await oauth2.introspectOAuth2Token({ token: tokens.access_token });
      expect(active).toMatchObject({ active: true, client_id: c.client_id, scope: "read", token_use: "access_token" });
      expect((await oauth2.introspectOAuth2Token({ token: tokens.access_token, scope: "write" })).active).toBe(false);
      await oidc.tokenRevocation(config, tokens.access_token);
      expect((await oauth2.introspectOAuth2Token({ token: tokens.access_token })).active).toBe(false);
    }
  });

  it("answers RFC 6749 errors and changes nothing", async () => {
    const c = await machineClient();
    const iss = h.issuer(h.a);
    const wrong = await post(iss, "/oauth2/token", { grant_type: "client_credentials" }, basic(c.client_id, "wrong-secret-wrong-secret"));
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("www-authenticate")).toContain("Basic");
    expect(wrong.headers.get("cache-control")).toBe("no-store");
    expect(await wrong.json()).toMatchObject({ error: "invalid_client" });
    const grant = await post(iss, "/oauth2/token", { grant_type: "password", username: "u", password: "p" }, basic(c.client_id, c.client_secret));
    expect(await grant.json()).toMatchObject({ error: "unsupported_grant_type" });
    const notAllowed = await post(iss, "/oauth2/token", { grant_type: "authorization_code", code: "x" }, basic(c.client_id, c.client_secret));
    expect(await notAllowed.json()).toMatchObject({ error: "unauthorized_client" });
    const scope = await post(iss, "/oauth2/token", { grant_type: "client_credentials", scope: "admin" }, basic(c.client_id, c.client_secret));
    expect(scope.status).toBe(400);
    expect(await scope.json()).toMatchObject({ error: "invalid_scope" });
    const audience = await post(iss, "/oauth2/token", { grant_type: "client_credentials", audience: "https://other.example" }, basic(c.client_id, c.client_secret));
    expect(await audience.json()).toMatchObject({ error: "invalid_request" });
    const twoMethods = await post(iss, "/oauth2/token", { grant_type: "client_credentials", client_id: c.client_id, client_secret: c.client_secret }, basic(c.client_id, c.client_secret));
    expect(await twoMethods.json()).toMatchObject({ error: "invalid_request" });
    const postMethod = await post(iss, "/oauth2/token", { grant_type: "client_credentials", client_id: c.client_id, client_secret: c.client_secret });
    expect(await postMethod.json()).toMatchObject({ error: "invalid_client" });
    const rows = await (await h.admin(h.a, "GET", `/admin/clients/${c.client_id}`)).json();
    expect(rows.client_id).toBe(c.client_id);
  });

  it("keeps tokens of project A away from project B", async () => {
    const c = await machineClient({ access_token_strategy: "jwt" });
    const token = (await (await post(h.issuer(h.a), "/oauth2/token", { grant_type: "client_credentials" }, basic(c.client_id, c.client_secret))).json()).access_token;
    const inB = await (await fetch(`${h.issuer(h.b)}/admin/oauth2/introspect`, { method: "POST", headers: { authorization: `Bearer ${h.b.apiKey}`, "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ token }) })).json();
    expect(inB.active).toBe(false);
    const clientInB = await post(h.issuer(h.b), "/oauth2/token", { grant_type: "client_credentials" }, basic(c.client_id, c.client_secret));
    expect(clientInB.status).toBe(401);
    const withKeyOfB = await fetch(`${h.issuer(h.a)}/admin/oauth2/introspect`, { method: "POST", headers: { authorization: `Bearer ${h.b.apiKey}`, "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ token }) });
    expect(withKeyOfB.status).toBe(401);
    expect((await fetch(`${h.issuer(h.b)}/userinfo`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
  });

  it("revokes every token of a client with DELETE /admin/oauth2/tokens", async () => {
    const c = await machineClient();
    const token = (await (await post(h.issuer(h.a), "/oauth2/token", { grant_type: "client_credentials" }, basic(c.client_id, c.client_secret))).json()).access_token;
    await h.sdk(h.a).oauth2.deleteOAuth2Token({ clientId: c.client_id });
    expect((await h.sdk(h.a).oauth2.introspectOAuth2Token({ token })).active).toBe(false);
  });

  it("keeps client_credentials JWTs stateless: active without a row, inactive once the client is deleted", async () => {
    const c = await machineClient({ access_token_strategy: "jwt" });
    const token = (await (await post(h.issuer(h.a), "/oauth2/token", { grant_type: "client_credentials", scope: "read" }, basic(c.client_id, c.client_secret))).json()).access_token as string;
    const introspected = await h.sdk(h.a).oauth2.introspectOAuth2Token({ token });
    expect(introspected).toMatchObject({ active: true, client_id: c.client_id, sub: c.client_id, scope: "read" });
    const db = await projectDb(h.a.projectId);
    expect(await db.oAuth2Token.count({ where: { clientId: c.client_id } })).toBe(0);
    await h.sdk(h.a).oauth2.deleteOAuth2Client({ id: c.client_id });
    expect((await h.sdk(h.a).oauth2.introspectOAuth2Token({ token })).active).toBe(false);
  });

  it("does not accept a row-less JWT whose subject is not its client (only client_credentials tokens are stateless)", async () => {
    const c = await machineClient({ access_token_strategy: "jwt" });
    const token = (await (await post(h.issuer(h.a), "/oauth2/token", { grant_type: "client_credentials" }, basic(c.client_id, c.client_secret))).json()).access_token as string;
    const [header, payload] = token.split(".");
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString()) as Record<string, unknown>;
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: "someone-else" })).toString("base64url")}.${token.split(".")[2]}`;
    expect((await h.sdk(h.a).oauth2.introspectOAuth2Token({ token: forged })).active).toBe(false);
  });
});

describe("private_key_jwt (RFC 7523)", () => {
  it("authenticates with a signed assertion and refuses a replayed one", async () => {
    const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), kid: "k1", alg: "ES256", use: "sig" };
    const c = await (await h.admin(h.a, "POST", "/admin/clients", { grant_types: ["client_credentials"], scope: "read", token_endpoint_auth_method: "private_key_jwt", jwks: { keys: [jwk] } })).json();
    expect(c.client_secret).toBeUndefined();
    let assertion = "";
    const config = await oidc.discovery(new URL(h.issuer(h.a)), c.client_id, undefined, oidc.PrivateKeyJwt({ key: privateKey, kid: "k1" }, { [oidc.modifyAssertion]: (_h, payload) => void (assertion = String(payload.jti)) }), { execute: [oidc.allowInsecureRequests] });
    const tokens = await oidc.clientCredentialsGrant(config, { scope: "read" });
    expect(tokens.access_token).toBeTruthy();
    expect(assertion).toBeTruthy();
    // replay: the same assertion twice
    const { SignJWT } = await import("jose");
    const jwt = await new SignJWT({ jti: "fixed-jti" }).setProtectedHeader({ alg: "ES256", kid: "k1" }).setIssuer(c.client_id).setSubject(c.client_id).setAudience(h.issuer(h.a)).setIssuedAt().setExpirationTime("2m").sign(privateKey);
    const form = { grant_type: "client_credentials", client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", client_assertion: jwt };
    expect((await post(h.issuer(h.a), "/oauth2/token", form)).status).toBe(200);
    const replay = await post(h.issuer(h.a), "/oauth2/token", form);
    expect(replay.status).toBe(401);
    expect(await replay.json()).toMatchObject({ error: "invalid_client" });
    const wrongAud = await new SignJWT({ jti: "j2" }).setProtectedHeader({ alg: "ES256", kid: "k1" }).setIssuer(c.client_id).setSubject(c.client_id).setAudience("https://elsewhere.example").setExpirationTime("2m").sign(privateKey);
    expect((await post(h.issuer(h.a), "/oauth2/token", { ...form, client_assertion: wrongAud })).status).toBe(401);
  });
});
