import { Configuration, IdentityApi } from "@ory/client-fetch";
import * as oidc from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectDb } from "@/lib/db";
import { startOAuth2Harness, type OAuth2Harness } from "@/lib/oauth2/testing/harness";
import { TestUserAgent } from "@/lib/oauth2/testing/user-agent";
import { clearSessionCache } from "@/lib/sessions";

const password = "correct horse battery staple 42";
const rp = "https://rp.example";
let h: OAuth2Harness;
let clientId: string;
let identityId: string;

beforeAll(async () => {
  h = await startOAuth2Harness();
  const identities = new IdentityApi(new Configuration({ basePath: h.issuer(h.a), accessToken: h.a.apiKey }));
  const identity = await identities.createIdentity({
    createIdentityBody: { schema_id: "preset://email", traits: { email: "grace@example.com" }, credentials: { password: { config: { password } } } },
  });
  identityId = identity.id;
  const client = await (await h.admin(h.a, "POST", "/admin/clients", { redirect_uris: [`${rp}/cb`], scope: "openid email", token_endpoint_auth_method: "none" })).json();
  clientId = client.client_id;
});
afterAll(async () => h?.close());

async function authorize(ua: TestUserAgent, extra: Record<string, string> = {}) {
  const query = new URLSearchParams({ client_id: clientId, response_type: "code", redirect_uri: `${rp}/cb`, scope: "openid email", state: "state-1234", code_challenge: await oidc.calculatePKCECodeChallenge(oidc.randomPKCECodeVerifier()), code_challenge_method: "S256", ...extra });
  return ua.navigate(`${h.issuer(h.a)}/oauth2/auth?${query}`, (u) => u.pathname.endsWith("/ui/login") || u.origin === rp);
}

/** The hosted login page's first step: GET /self-service/login/browser?login_challenge=… (where it sends the browser). */
const startLogin = (ua: TestUserAgent, challenge: string) =>
  ua.navigate(`${h.issuer(h.a)}/self-service/login/browser?login_challenge=${challenge}`, (u) => u.pathname.endsWith("/ui/login") || u.searchParams.has("login_verifier"));

async function signIn(ua: TestUserAgent, flowId: string) {
  const { response } = await ua.navigate(`${h.issuer(h.a)}/self-service/login/flows?id=${flowId}`, () => false);
  const flow = (await response!.json()) as { refresh: boolean; oauth2_login_challenge?: string; oauth2_login_request?: { client: { client_id: string } }; ui: { action: string; nodes: { attributes: { name?: string; value?: unknown } }[] } };
  const csrf = String(flow.ui.nodes.find((n) => n.attributes.name === "csrf_token")?.attributes.value ?? "");
  const body = new URLSearchParams({ csrf_token: csrf, method: "password", identifier: "grace@example.com", password });
  const done = await ua.navigate(flow.ui.action, (u) => u.searchParams.has("login_verifier"), { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } });
  return { flow, done };
}

describe("hosted login answers Hydra's login_challenge (Kratos' oauth2_login_challenge)", () => {
  const ua = new TestUserAgent();

  it("without a session: the login flow carries the challenge and, once signed in, continues at the provider", async () => {
    const challenge = (await authorize(ua)).url.searchParams.get("login_challenge")!;
    const { url } = await startLogin(ua, challenge);
    expect(url.pathname).toMatch(/\/ui\/login$/);
    const { flow, done } = await signIn(ua, url.searchParams.get("flow")!);
    expect(flow).toMatchObject({ refresh: false, oauth2_login_challenge: challenge, oauth2_login_request: { client: { client_id: clientId } } });
    expect(done.url.pathname).toMatch(/\/oauth2\/auth$/);
    // Next's router fetch (RSC: 1, e.g. after a server action's redirect) must not redeem the one-time verifier.
    expect((await fetch(done.url, { headers: { rsc: "1" }, redirect: "manual" })).status).toBe(204);
    const { url: consent } = await ua.navigate(done.url.toString(), (u) => u.pathname.endsWith("/ui/consent"));
    expect(consent.searchParams.get("consent_challenge")).toBeTruthy();
  });

  it("with a valid identity session: accepts the challenge at once (303 to redirect_to, no form)", async () => {
    const challenge = (await authorize(ua)).url.searchParams.get("login_challenge")!;
    const { url } = await startLogin(ua, challenge);
    expect(url.searchParams.get("login_verifier")).toBeTruthy();
    const db = await projectDb(h.a.projectId);
    expect((await db.oAuth2Flow.findFirst({ where: { id: challenge } }))?.subject).toBe(identityId);
  });

  it("an explicit refresh=true asks for the password even though the session could answer", async () => {
    const challenge = (await authorize(ua)).url.searchParams.get("login_challenge")!;
    const { url } = await ua.navigate(`${h.issuer(h.a)}/self-service/login/browser?refresh=true&login_challenge=${challenge}`, (u) => u.pathname.endsWith("/ui/login") || u.searchParams.has("login_verifier"));
    expect(url.pathname).toMatch(/\/ui\/login$/);
  });

  it("prompt=login and an exceeded max_age run a refresh login first (OIDC Core §3.1.2.1)", async () => {
    for (const extra of [{ prompt: "login" }, { max_age: "60" }] as Record<string, string>[]) {
      if (extra.max_age) {
        const db = await projectDb(h.a.projectId);
        await db.session.updateMany({ where: { identityId }, data: { authenticatedAt: new Date(Date.now() - 3_600_000) } });
        clearSessionCache();
      }
      const challenge = (await authorize(ua, extra)).url.searchParams.get("login_challenge")!;
      const { url } = await startLogin(ua, challenge);
      expect(url.pathname).toMatch(/\/ui\/login$/);
      const { flow, done } = await signIn(ua, url.searchParams.get("flow")!);
      expect(flow).toMatchObject({ refresh: true, oauth2_login_challenge: challenge });
      expect(done.url.searchParams.get("login_verifier")).toBeTruthy();
    }
  });

  it("prompt=none without a login session returns login_required to the client (OIDC Core §3.1.2.6)", async () => {
    const { url } = await authorize(new TestUserAgent(), { prompt: "none" });
    expect(url.origin).toBe(rp);
    expect(url.searchParams.get("error")).toBe("login_required");
    expect(url.searchParams.get("state")).toBe("state-1234");
  });

  it("registration carries the challenge too: the new identity's session answers it", async () => {
    const fresh = new TestUserAgent();
    const challenge = (await authorize(fresh)).url.searchParams.get("login_challenge")!;
    const { url } = await fresh.navigate(`${h.issuer(h.a)}/self-service/registration/browser?login_challenge=${challenge}`, (u) => u.pathname.endsWith("/ui/registration"));
    const { response } = await fresh.navigate(`${h.issuer(h.a)}/self-service/registration/flows?id=${url.searchParams.get("flow")}`, () => false);
    const flow = (await response!.json()) as { oauth2_login_challenge?: string; ui: { action: string; nodes: { attributes: { name?: string; value?: unknown } }[] } };
    expect(flow.oauth2_login_challenge).toBe(challenge);
    const csrf = String(flow.ui.nodes.find((n) => n.attributes.name === "csrf_token")?.attributes.value ?? "");
    const body = new URLSearchParams({ csrf_token: csrf, method: "password", "traits.email": "new-person@example.com", password });
    const done = await fresh.navigate(flow.ui.action, (u) => u.searchParams.has("login_verifier"), { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(done.url.searchParams.get("login_verifier")).toBeTruthy();
    const db = await projectDb(h.a.projectId);
    const created = await db.identity.findFirst({ where: { traits: { path: ["email"], equals: "new-person@example.com" } } });
    expect((await db.oAuth2Flow.findFirst({ where: { id: challenge } }))?.subject).toBe(created?.id);
  });

  it("a challenge that is unknown sends the browser to the error page (with and without a session)", async () => {
    for (const agent of [ua, new TestUserAgent()]) {
      const { url } = await agent.navigate(`${h.issuer(h.a)}/self-service/login/browser?login_challenge=nope`, (u) => u.pathname.endsWith("/ui/error"));
      expect(url.searchParams.get("id")).toBeTruthy();
    }
  });

  it("prompt=none with a remembered login but no identity session: login_required, no page (OIDC Core §3.1.2.1)", async () => {
    const db = await projectDb(h.a.projectId);
    await db.session.updateMany({ where: { identityId }, data: { active: false } });
    clearSessionCache();
    const { url: login } = await authorize(ua, { prompt: "none" });
    expect(login.pathname).toMatch(/\/ui\/login$/); // the provider still remembers the login (skip)
    const { url } = await ua.navigate(`${h.issuer(h.a)}/self-service/login/browser?login_challenge=${login.searchParams.get("login_challenge")}`, (u) => u.origin === rp || u.pathname.endsWith("/ui/login"));
    expect(url.origin).toBe(rp);
    expect(url.searchParams.get("error")).toBe("login_required");
  });
});
