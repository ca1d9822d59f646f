import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectDb } from "@/lib/db";
import { createClient, getClient, patchClient } from "@/lib/oauth2/clients";
import type { OAuth2Context } from "@/lib/oauth2/context";
import { startOAuth2Harness, type OAuth2Harness } from "@/lib/oauth2/testing/harness";
import { findProjectBySlug } from "@/lib/projects/lookup";
import { createClientFormSchema, createClientInput, editClientFormSchema, editClientPatch } from "./client-form";
import { saveClientLifespans } from "./lifespans-form";

let h: OAuth2Harness;
let ctx: OAuth2Context;
beforeAll(async () => {
  h = await startOAuth2Harness();
  const project = (await findProjectBySlug(h.a.slug))!;
  const issuer = h.issuer(h.a);
  ctx = { project, db: await projectDb(project.id), now: new Date(), actor: { type: "user", id: "console-user" }, issuer, request: { ip: "127.0.0.1", header: () => undefined, url: new URL(issuer) } };
});
afterAll(async () => h?.close());

const tokenRequest = (form: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${h.issuer(h.a)}/oauth2/token`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", ...headers }, body: new URLSearchParams(form) });
const basic = (id: string, secret: string) => ({ authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}` });
const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split(".")[1], "base64url").toString()) as { exp: number; iat: number };
const audits = (action: string, id: string) => ctx.db.auditEvent.count({ where: { action, targetId: id } });

async function machine() {
  const created = await createClient(ctx, createClientInput(createClientFormSchema.parse({ preset: "machine", client_name: "Nightly", redirect_uris: "", scope: "read" })));
  const id = String(created.client_id);
  await patchClient(ctx, id, [{ op: "add", path: "/access_token_strategy", value: "jwt" }]);
  return { id, secret: String(created.client_secret) };
}

const editForm = (doc: Awaited<ReturnType<typeof getClient>>["doc"], changes: Record<string, unknown>) => ({
  client_name: doc.client_name, redirect_uris: doc.redirect_uris.join("\n"), post_logout_redirect_uris: "", scope: doc.scope, audience: "",
  grant_types: doc.grant_types, token_endpoint_auth_method: doc.token_endpoint_auth_method, skip_consent: false, frontchannel_logout_uri: "",
  backchannel_logout_uri: "", access_token_strategy: doc.access_token_strategy, allowed_cors_origins: [], ...changes,
});

describe("console client editor", () => {
  it("sets a client_credentials lifespan that changes the exp of issued tokens, and back to the project default", async () => {
    const { id, secret } = await machine();
    const lifetime = async () => {
      const body = (await (await tokenRequest({ grant_type: "client_credentials", scope: "read" }, basic(id, secret))).json()) as { access_token: string; expires_in: number };
      const { exp, iat } = claimsOf(body.access_token);
      return [exp - iat, body.expires_in];
    };
    expect(await lifetime()).toEqual([3600, 3600]);

    expect(await saveClientLifespans(ctx, id, { client_credentials_grant_access_token_lifespan: "5m" })).toEqual({ ok: true });
    expect(await lifetime()).toEqual([300, 300]);
    expect((await getClient(ctx, id)).doc.lifespans).toEqual({ client_credentials_grant_access_token_lifespan: "5m" });
    expect(await audits("oauth2.client.lifespans_updated", id)).toBe(1);

    const refused = await saveClientLifespans(ctx, id, { client_credentials_grant_access_token_lifespan: "0s" });
    expect(refused.ok).toBe(false);
    expect(refused.ok === false && refused.error.issues[0]).toMatchObject({ path: ["client_credentials_grant_access_token_lifespan"], message: "lifespanTooShort" });
    expect(await audits("oauth2.client.lifespans_updated", id)).toBe(1);

    expect(await saveClientLifespans(ctx, id, { client_credentials_grant_access_token_lifespan: "" })).toEqual({ ok: true });
    expect(await lifetime()).toEqual([3600, 3600]);
  });

  it("keeps lifespans of grants the form does not show", async () => {
    const { id } = await machine();
    await h.admin(h.a, "PUT", `/admin/clients/${id}/lifespans`, { jwt_bearer_grant_access_token_lifespan: "10m" });
    await saveClientLifespans(ctx, id, { client_credentials_grant_access_token_lifespan: "2m" });
    expect((await getClient(ctx, id)).doc.lifespans).toEqual({ jwt_bearer_grant_access_token_lifespan: "10m", client_credentials_grant_access_token_lifespan: "2m" });
  });

  it("switches a client to private_key_jwt with a pasted JWK Set, which then authenticates", async () => {
    const { id } = await machine();
    const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), kid: "console-k1", alg: "ES256", use: "sig" };
    const form = editClientFormSchema.parse(editForm((await getClient(ctx, id)).doc, { token_endpoint_auth_method: "private_key_jwt", key_source: "jwks", jwks: JSON.stringify({ keys: [jwk] }) }));
    const saved = await patchClient(ctx, id, editClientPatch(form, (await getClient(ctx, id)).doc));
    expect(saved).toMatchObject({ token_endpoint_auth_method: "private_key_jwt", jwks: { keys: [jwk] }, jwks_uri: "" });
    expect(saved.client_secret).toBeUndefined();

    const assertion = await new SignJWT({ jti: crypto.randomUUID() }).setProtectedHeader({ alg: "ES256", kid: "console-k1" }).setIssuer(id).setSubject(id).setAudience(h.issuer(h.a)).setIssuedAt().setExpirationTime("2m").sign(privateKey);
    const response = await tokenRequest({ grant_type: "client_credentials", scope: "read", client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", client_assertion: assertion });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { access_token: string }).access_token).toBeTruthy();
  });

  it("refuses a JWK Set holding a private key with a clear 400, in the console and in the API, and saves nothing", async () => {
    const { id } = await machine();
    const { privateKey } = await generateKeyPair("ES256", { extractable: true });
    const leaked = { ...(await exportJWK(privateKey)), kid: "oops" };
    const before = await getClient(ctx, id);
    const form = editForm(before.doc, { token_endpoint_auth_method: "private_key_jwt", key_source: "jwks", jwks: JSON.stringify({ keys: [leaked] }) });
    const parsed = editClientFormSchema.safeParse(form);
    expect(parsed.error?.issues).toEqual([expect.objectContaining({ path: ["jwks"], message: "jwksPrivate" })]);

    const patch = [{ op: "add" as const, path: "/token_endpoint_auth_method", value: "private_key_jwt" }, { op: "add" as const, path: "/jwks", value: { keys: [leaked] } }];
    await expect(patchClient(ctx, id, patch)).rejects.toMatchObject({ status: 400, reason: 'jwks.keys[0] contains the private key member "d"; register public keys only.' });
    const api = await h.admin(h.a, "PATCH", `/admin/clients/${id}`, patch);
    expect(api.status).toBe(400);
    expect(await api.json()).toMatchObject({ error: { code: 400, id: "invalid_client_metadata", reason: expect.stringContaining('private key member "d"') } });
    const created = await h.admin(h.a, "POST", "/admin/clients", { client_name: "leaky", grant_types: ["client_credentials"], token_endpoint_auth_method: "private_key_jwt", jwks: { keys: [leaked] } });
    expect(created.status).toBe(400);
    expect(await ctx.db.oAuth2Client.count({ where: { document: { path: ["client_name"], equals: "leaky" } } })).toBe(0);

    const after = await getClient(ctx, id);
    expect(after.doc).toEqual(before.doc);
    expect(after.secretHash).toBe(before.secretHash);
    expect(await audits("oauth2.client.patched", id)).toBe(1);
  });
});
