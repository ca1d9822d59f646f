import { Configuration, IdentityApi } from "@ory/client-fetch";
import * as oidc from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectDb } from "@/lib/db";
import { findProjectBySlug } from "@/lib/projects/lookup";
import { startOAuth2Harness, type OAuth2Harness } from "../testing/harness";
import { TestUserAgent } from "../testing/user-agent";
import { decideConsent, decideLogout, loadLogoutRequest, oauth2PageContext } from "./index";

const password = "correct horse battery staple 42";
const rp = "https://rp.example";
let h: OAuth2Harness;

beforeAll(async () => {
  h = await startOAuth2Harness();
});
afterAll(async () => h?.close());

/** Signs in through the hosted login flow (login_challenge) and consents; returns the ID token. */
async function signInThroughProvider(ua: TestUserAgent, clientId: string, ctxFor: (ua: TestUserAgent, path: string) => Promise<Parameters<typeof decideConsent>[0]>) {
  const verifier = oidc.randomPKCECodeVerifier();
  const query = new URLSearchParams({ client_id: clientId, response_type: "code", redirect_uri: `${rp}/cb`, scope: "openid", state: "state-1234", nonce: "nonce-1234", code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: "S256" });
  const { url: login } = await ua.navigate(`${h.issuer(h.a)}/oauth2/auth?${query}`, (u) => u.pathname.endsWith("/ui/login"));
  const { url: form } = await ua.navigate(`${h.issuer(h.a)}/self-service/login/browser?login_challenge=${login.searchParams.get("login_challenge")}`, (u) => u.pathname.endsWith("/ui/login"));
  const { response } = await ua.navigate(`${h.issuer(h.a)}/self-service/login/flows?id=${form.searchParams.get("flow")}`, () => false);
  const flow = (await response!.json()) as { ui: { action: string; nodes: { attributes: { name?: string; value?: unknown } }[] } };
  const csrf = String(flow.ui.nodes.find((n) => n.attributes.name === "csrf_token")?.attributes.value ?? "");
  const body = new URLSearchParams({ csrf_token: csrf, method: "password", identifier: "lin@example.com", password });
  const { url: consent } = await ua.navigate(flow.ui.action, (u) => u.pathname.endsWith("/ui/consent"), { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } });
  const { redirect_to } = await decideConsent(await ctxFor(ua, "consent"), consent.searchParams.get("consent_challenge")!, { accept: true, remember: false, grantScope: ["openid"] });
  const { url: callback } = await ua.navigate(redirect_to, (u) => u.origin === rp);
  const tokens = await (await fetch(`${h.issuer(h.a)}/oauth2/token`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ grant_type: "authorization_code", code: callback.searchParams.get("code")!, redirect_uri: `${rp}/cb`, code_verifier: verifier, client_id: clientId }) })).json();
  return tokens.id_token as string;
}

describe("hosted logout (OIDC RP-Initiated Logout 1.0 §3)", () => {
  it("yes: ends the identity session and returns to post_logout_redirect_uri with state; no: stays signed in", async () => {
    const identities = new IdentityApi(new Configuration({ basePath: h.issuer(h.a), accessToken: h.a.apiKey }));
    const identity = await identities.createIdentity({ createIdentityBody: { schema_id: "preset://email", traits: { email: "lin@example.com" }, credentials: { password: { config: { password } } } } });
    const client = await (await h.admin(h.a, "POST", "/admin/clients", { client_name: "Shop", redirect_uris: [`${rp}/cb`], post_logout_redirect_uris: [`${rp}/bye`], scope: "openid", token_endpoint_auth_method: "none" })).json();
    const project = (await findProjectBySlug(h.a.slug))!;
    const db = await projectDb(project.id);
    const ctxFor = async (ua: TestUserAgent, path: string) => {
      const url = new URL(`${h.issuer(h.a)}/ui/${path}`);
      const cookie = ua.cookieHeader(url);
      const request = { header: (n: string) => (n === "host" ? url.host : n === "cookie" ? cookie : undefined), url, ip: "127.0.0.1" };
      return oauth2PageContext({ project, db, now: new Date(), actor: { type: "anonymous" }, request });
    };
    const ua = new TestUserAgent();
    const idToken = await signInThroughProvider(ua, client.client_id, ctxFor);
    const active = () => db.session.count({ where: { identityId: identity.id, active: true } });
    expect(await active()).toBe(1);

    const logoutUrl = `${h.issuer(h.a)}/oauth2/sessions/logout?${new URLSearchParams({ id_token_hint: idToken, post_logout_redirect_uri: `${rp}/bye`, state: "bye-state" })}`;
    const { url: stay } = await ua.navigate(logoutUrl, (u) => u.pathname.endsWith("/ui/logout"));
    expect(await decideLogout(await ctxFor(ua, "logout"), stay.searchParams.get("logout_challenge")!, false)).toEqual({});
    expect(await active()).toBe(1);

    const { url: page } = await ua.navigate(logoutUrl, (u) => u.pathname.endsWith("/ui/logout"));
    const challenge = page.searchParams.get("logout_challenge")!;
    expect((await loadLogoutRequest(await ctxFor(ua, "logout"), challenge)).client?.client_name).toBe("Shop");
    const { redirect_to } = await decideLogout(await ctxFor(ua, "logout"), challenge, true);
    const { url: done } = await ua.navigate(redirect_to!, (u) => u.origin === rp);
    expect(`${done.origin}${done.pathname}`).toBe(`${rp}/bye`);
    expect(done.searchParams.get("state")).toBe("bye-state");
    expect(await active()).toBe(0);
  });
});
