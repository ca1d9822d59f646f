import { Configuration, IdentityApi } from "@ory/client-fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectDb } from "@/lib/db";
import { createClient, patchClient } from "@/lib/oauth2/clients";
import type { OAuth2Context } from "@/lib/oauth2/context";
import { revokeConsentSessions } from "@/lib/oauth2/flows/sessions-admin";
import { completeLoginChallengeWithSession, decideConsent, oauth2PageContext } from "@/lib/oauth2/identity";
import { startOAuth2Harness, type OAuth2Harness } from "@/lib/oauth2/testing/harness";
import { TestUserAgent } from "@/lib/oauth2/testing/user-agent";
import { findProjectBySlug } from "@/lib/projects/lookup";
import { issueSession, sessionFromToken } from "@/lib/sessions";
import { createClientFormSchema, createClientInput } from "./client-form";
import { lookupConsents } from "./consent";
import { createConsoleKey, listKeySets, rotateConsoleKeySet } from "./keys";
import { tryClientCredentials } from "./try-client-credentials";

let h: OAuth2Harness;
let ctx: OAuth2Context;
beforeAll(async () => {
  h = await startOAuth2Harness();
  const project = (await findProjectBySlug(h.a.slug))!;
  const issuer = h.issuer(h.a);
  ctx = { project, db: await projectDb(project.id), now: new Date(), actor: { type: "user", id: "console-user" }, issuer, request: { ip: "127.0.0.1", header: () => undefined, url: new URL(issuer) } };
});
afterAll(async () => h?.close());

const audits = async (action: string) => ctx.db.auditEvent.findMany({ where: { action } });

describe("console OAuth2 helpers", () => {
  it("lists key sets without private parts and rotates with an audit event", async () => {
    await createConsoleKey(ctx, { set: "hydra.openid.id-token", alg: "RS256", use: "sig" });
    await createConsoleKey(ctx, { set: "hydra.openid.id-token", alg: "RS256", use: "sig" });
    let [set] = await listKeySets(ctx);
    expect(set.keys.map((k) => k.state)).toEqual(["current", "next"]);
    expect(JSON.stringify(set)).not.toMatch(/"d"|privateJwk|sealed/);
    const [current, next] = set.keys;

    const { rotated } = await rotateConsoleKeySet({ ...ctx, now: new Date() }, "hydra.openid.id-token");
    expect(rotated).toEqual([next.kid]);
    [set] = await listKeySets(ctx);
    expect(set.keys.find((k) => k.kid === next.kid)?.state).toBe("current");
    expect(set.keys.find((k) => k.kid === current.kid)).toMatchObject({ state: "retired" });
    expect(set.keys.filter((k) => k.state === "next")).toHaveLength(1);
    expect(await audits("oauth2.jwk_set.rotated")).toHaveLength(1);
    expect(await audits("oauth2.jwk.created")).toHaveLength(2);
  });

  it("tries client_credentials: decoded claims for the right secret, a refusal for a wrong one, the token revoked", async () => {
    const input = createClientInput(createClientFormSchema.parse({ preset: "machine", client_name: "Batch", redirect_uris: "", scope: "orders.read" }));
    const created = await createClient(ctx, input);
    const client = { client_id: String(created.client_id), token_endpoint_auth_method: "client_secret_basic" };
    const result = await tryClientCredentials(ctx, client, { clientSecret: String(created.client_secret), scope: "orders.read" });
    expect(result).toMatchObject({ ok: true, format: "opaque", scope: "orders.read", claims: { active: true, client_id: client.client_id, sub: client.client_id } });
    const tokens = await ctx.db.oAuth2Token.findMany({ where: { clientId: client.client_id } });
    expect(tokens.length).toBeGreaterThan(0);
    expect(tokens.every((t) => t.revokedAt)).toBe(true);
    expect(await tryClientCredentials(ctx, client, { clientSecret: "wrong", scope: "" })).toMatchObject({ ok: false, error: "invalid_client" });

    await patchClient(ctx, client.client_id, [{ op: "add", path: "/access_token_strategy", value: "jwt" }]);
    const jwt = await tryClientCredentials(ctx, client, { clientSecret: String(created.client_secret), scope: "orders.read" });
    expect(jwt).toMatchObject({ ok: true, format: "jwt", header: { kid: expect.any(String) }, claims: { sub: client.client_id, client_id: client.client_id } });
    expect(await audits("oauth2.client.tried")).toHaveLength(2);
    expect(await audits("oauth2.client.created")).not.toHaveLength(0);
  });

  it("finds consent sessions by email and revokes them", async () => {
    const identities = new IdentityApi(new Configuration({ basePath: h.issuer(h.a), accessToken: h.a.apiKey }));
    const identity = await identities.createIdentity({ createIdentityBody: { schema_id: "preset://email", traits: { email: "grace@example.com" } } });
    const base = { project: ctx.project, db: ctx.db, now: new Date(), actor: { type: "anonymous" as const } };
    const { token } = await issueSession(base, { identityId: identity.id, method: "password", device: { ip: "127.0.0.1", userAgent: "vitest" } });
    const auth = await sessionFromToken(base, token);
    const client = await (await h.admin(h.a, "POST", "/admin/clients", { client_name: "Shop", redirect_uris: ["https://rp.example/cb"], scope: "openid email", token_endpoint_auth_method: "none" })).json();
    const ua = new TestUserAgent();
    const authUrl = `${h.issuer(h.a)}/oauth2/auth?client_id=${client.client_id}&response_type=code&redirect_uri=https://rp.example/cb&scope=openid%20email&state=abcdefgh&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256`;
    const { url: loginUi } = await ua.navigate(authUrl, (u) => u.pathname.endsWith("/ui/login"));
    const request = { header: (n: string) => (n === "host" ? new URL(h.server.url).host : undefined), url: new URL(h.issuer(h.a)), ip: "127.0.0.1" };
    const page = oauth2PageContext({ ...base, request });
    const accepted = await completeLoginChallengeWithSession(page, loginUi.searchParams.get("login_challenge")!, { ...auth!, via: "cookie" });
    const { url: consentUi } = await ua.navigate((accepted as { redirect_to: string }).redirect_to, (u) => u.pathname.endsWith("/ui/consent"));
    const { redirect_to } = await decideConsent(page, consentUi.searchParams.get("consent_challenge")!, { accept: true, remember: true, grantScope: ["openid", "email"] });
    await ua.navigate(redirect_to, (u) => u.origin === "https://rp.example");

    const [found] = await lookupConsents(ctx, "grace@");
    expect(found).toMatchObject({ subject: identity.id, label: "grace@example.com", grants: [{ clientId: client.client_id, clientName: "Shop", scopes: ["openid", "email"] }] });
    expect((await lookupConsents(ctx, identity.id))[0].grants).toHaveLength(1);
    expect(await lookupConsents(ctx, "nobody-here")).toEqual([{ subject: "nobody-here", label: undefined, grants: [] }]);

    await revokeConsentSessions(ctx, identity.id, client.client_id, false);
    expect((await lookupConsents(ctx, "grace"))[0].grants).toEqual([]);
  });
});
