import { Configuration, IdentityApi } from "@ory/client-fetch";
import * as oidc from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectDb } from "@/lib/db";
import { findProjectBySlug } from "@/lib/projects/lookup";
import { issueSession, sessionFromToken } from "@/lib/sessions";
import { startOAuth2Harness, type OAuth2Harness } from "../testing/harness";
import { TestUserAgent } from "../testing/user-agent";
import { completeLoginChallengeWithSession, decideConsent, loadConsentRequest, oauth2PageContext } from "./index";

let h: OAuth2Harness;
beforeAll(async () => {
  h = await startOAuth2Harness();
});
afterAll(async () => h?.close());

describe("hosted login glue: identity session → login challenge → consent with trait claims", () => {
  it("accepts the login with the identity session and releases claims by scope", async () => {
    const identities = new IdentityApi(new Configuration({ basePath: h.issuer(h.a), accessToken: h.a.apiKey }));
    const identity = await identities.createIdentity({ createIdentityBody: { schema_id: "preset://email", traits: { email: "ada@example.com" } } });
    const project = (await findProjectBySlug(h.a.slug))!;
    const base = { project, db: await projectDb(project.id), now: new Date(), actor: { type: "anonymous" as const } };
    const { token } = await issueSession(base, { identityId: identity.id, method: "password", device: { ip: "127.0.0.1", userAgent: "vitest" } });
    const auth = await sessionFromToken(base, token);

    const client = await (await h.admin(h.a, "POST", "/admin/clients", { redirect_uris: ["https://rp.example/cb"], scope: "openid email profile", token_endpoint_auth_method: "none" })).json();
    const verifier = oidc.randomPKCECodeVerifier();
    const ua = new TestUserAgent();
    const authUrl = `${h.issuer(h.a)}/oauth2/auth?client_id=${client.client_id}&response_type=code&redirect_uri=https://rp.example/cb&scope=openid%20email&state=abcdefgh&code_challenge=${await oidc.calculatePKCECodeChallenge(verifier)}&code_challenge_method=S256&max_age=3600`;
    const { url: loginUi } = await ua.navigate(authUrl, (u) => u.pathname.endsWith("/ui/login"));
    const challenge = loginUi.searchParams.get("login_challenge")!;
    const request = { header: (n: string) => (n === "host" ? new URL(h.server.url).host : undefined), url: new URL(h.issuer(h.a)), ip: "127.0.0.1" };
    const ctx = oauth2PageContext({ ...base, request });
    const accepted = await completeLoginChallengeWithSession(ctx, challenge, { ...auth!, via: "cookie" });
    expect("redirect_to" in accepted).toBe(true);
    const { url: consentUi } = await ua.navigate((accepted as { redirect_to: string }).redirect_to, (u) => u.pathname.endsWith("/ui/consent"));
    const consentChallenge = consentUi.searchParams.get("consent_challenge")!;
    expect((await loadConsentRequest(ctx, consentChallenge)).subject).toBe(identity.id);
    const { redirect_to } = await decideConsent(ctx, consentChallenge, { accept: true, remember: false, grantScope: ["email"] });
    const { url: callback } = await ua.navigate(redirect_to, (u) => u.origin === "https://rp.example");
    const tokenResponse = await (await fetch(`${h.issuer(h.a)}/oauth2/token`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ grant_type: "authorization_code", code: callback.searchParams.get("code")!, redirect_uri: "https://rp.example/cb", code_verifier: verifier, client_id: client.client_id }) })).json();
    const info = await (await fetch(`${h.issuer(h.a)}/userinfo`, { headers: { authorization: `Bearer ${tokenResponse.access_token}` } })).json();
    expect(info).toMatchObject({ sub: identity.id, email: "ada@example.com" });
    expect(info.updated_at).toBeUndefined(); // a profile claim, but profile was not granted
  });
});
