import { Configuration, IdentityApi } from "@ory/client-fetch";
import * as oidc from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectDb } from "@/lib/db";
import { startOAuth2Harness, type OAuth2Harness } from "@/lib/oauth2/testing/harness";
import { TestUserAgent } from "@/lib/oauth2/testing/user-agent";
import { findProjectBySlug } from "@/lib/projects/lookup";
import { issueSession, sessionCookie } from "@/lib/sessions";

/** The hosted account chooser (OIDC Core §3.1.2.1 prompt=select_account, id_token_hint for another account). */

const password = "correct horse battery staple 42";
const rp = "https://rp.example";
const grace = "grace@example.com";
const hopper = "hopper@example.com";
let h: OAuth2Harness;
let clientId: string;
const ids: Record<string, string> = {};

type Node = { attributes: { name?: string; value?: unknown; type?: string; label?: { id: number } } };
type Flow = { id: string; refresh: boolean; ui: { action: string; nodes: Node[]; messages?: { id: number; context?: Record<string, unknown> }[] } };

beforeAll(async () => {
  h = await startOAuth2Harness();
  const identities = new IdentityApi(new Configuration({ basePath: h.issuer(h.a), accessToken: h.a.apiKey }));
  for (const email of [grace, hopper]) {
    const created = await identities.createIdentity({ createIdentityBody: { schema_id: "preset://email", traits: { email }, credentials: { password: { config: { password } } } } });
    ids[email] = created.id;
  }
  // A first-party client (skip_consent): a completed login goes straight on to the redirect_uri with the code.
  const client = await (await h.admin(h.a, "POST", "/admin/clients", { client_name: "Shop", redirect_uris: [`${rp}/cb`], scope: "openid email", token_endpoint_auth_method: "none", skip_consent: true })).json();
  clientId = client.client_id;
});
afterAll(async () => h?.close());

const atLogin = (u: URL) => u.pathname.endsWith("/ui/login") || u.origin === rp;
const form = { "content-type": "application/x-www-form-urlencoded" };

/** An authorization request up to the hosted login's flow page (or the client, when the provider answers at once). */
async function authorize(ua: TestUserAgent, extra: Record<string, string> = {}) {
  const verifier = oidc.randomPKCECodeVerifier();
  const query = new URLSearchParams({ client_id: clientId, response_type: "code", redirect_uri: `${rp}/cb`, scope: "openid email", state: "state-1234", code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: "S256", ...extra });
  const { url } = await ua.navigate(`${h.issuer(h.a)}/oauth2/auth?${query}`, atLogin);
  if (url.origin === rp) return { url, verifier };
  const started = await ua.navigate(`${h.issuer(h.a)}/self-service/login/browser?login_challenge=${url.searchParams.get("login_challenge")}`, atLogin);
  return { url: started.url, verifier, challenge: url.searchParams.get("login_challenge")! };
}

async function readFlow(ua: TestUserAgent, id: string): Promise<Flow> {
  const { response } = await ua.navigate(`${h.issuer(h.a)}/self-service/login/flows?id=${id}`, () => false);
  return (await response!.json()) as Flow;
}

const csrfOf = (flow: Flow) => String(flow.ui.nodes.find((n) => n.attributes.name === "csrf_token")?.attributes.value ?? "");
const choices = (flow: Flow) => flow.ui.nodes.filter((n) => n.attributes.name === "select_account").map((n) => n.attributes.value);
const submit = (ua: TestUserAgent, flow: Flow, fields: Record<string, string>) =>
  ua.navigate(flow.ui.action, atLogin, { method: "POST", body: new URLSearchParams({ csrf_token: csrfOf(flow), ...fields }), headers: form });

/** The code at the client's redirect_uri, exchanged: the subject of the ID token. */
async function subjectAt(callback: URL, verifier: string): Promise<{ sub: string; idToken: string }> {
  expect(callback.origin).toBe(rp);
  const code = callback.searchParams.get("code");
  expect(code, callback.toString()).toBeTruthy();
  const body = new URLSearchParams({ grant_type: "authorization_code", code: code!, redirect_uri: `${rp}/cb`, code_verifier: verifier, client_id: clientId });
  const tokens = (await (await fetch(`${h.issuer(h.a)}/oauth2/token`, { method: "POST", headers: form, body })).json()) as { id_token: string };
  return { sub: JSON.parse(Buffer.from(tokens.id_token.split(".")[1], "base64url").toString()).sub as string, idToken: tokens.id_token };
}

/** Signs in with the password on a login form page; returns where the browser ended (the client, with a code). */
async function signInWithPassword(ua: TestUserAgent, page: URL, identifier: string) {
  const flow = await readFlow(ua, page.searchParams.get("flow")!);
  return submit(ua, flow, { method: "password", identifier, password });
}

async function whoami(ua: TestUserAgent): Promise<string | undefined> {
  const url = new URL(`${h.issuer(h.a)}/sessions/whoami`);
  const response = await fetch(url, { headers: { cookie: ua.cookieHeader(url) } });
  return response.ok ? ((await response.json()) as { identity: { id: string } }).identity.id : undefined;
}

/** A browser the provider remembers as `remembered`, whose identity session is another identity's (issued directly). */
async function browserRememberingOther(remembered: string, signedIn: string) {
  const ua = new TestUserAgent();
  const first = await authorize(ua);
  await subjectAt((await signInWithPassword(ua, first.url, remembered)).url, first.verifier);
  const project = (await findProjectBySlug(h.a.slug))!;
  const base = { project, db: await projectDb(project.id), now: new Date(), actor: { type: "anonymous" as const } };
  const { session, token } = await issueSession(base, { identityId: ids[signedIn], method: "password", device: { ip: "127.0.0.1", userAgent: "vitest" } });
  ua.setCookie(sessionCookie(project, token, session.expiresAt));
  expect(await whoami(ua)).toBe(ids[signedIn]);
  return { ua, sessionId: session.id };
}

describe("prompt=select_account", () => {
  const ua = new TestUserAgent();
  let graceIdToken = "";

  it("without an identity session shows the normal login form", async () => {
    const first = await authorize(ua, { prompt: "select_account", scope: "openid" }); // an ID token with no claim that names grace
    const flow = await readFlow(ua, first.url.searchParams.get("flow")!);
    expect(choices(flow)).toEqual([]);
    expect(flow.ui.nodes.some((n) => n.attributes.name === "password")).toBe(true);
    const done = await submit(ua, flow, { method: "password", identifier: grace, password });
    const { sub, idToken } = await subjectAt(done.url, first.verifier);
    expect(sub).toBe(ids[grace]);
    graceIdToken = idToken;
  });

  it("with a session: the chooser; continue issues a code for the same subject", async () => {
    const { url, verifier } = await authorize(ua, { prompt: "select_account" });
    expect(url.pathname).toMatch(/\/ui\/login$/);
    const flow = await readFlow(ua, url.searchParams.get("flow")!);
    expect(choices(flow)).toEqual(["current", "another"]);
    expect(flow.ui.messages?.[0]).toMatchObject({ id: 1010901, context: { identifier: grace } });
    expect(flow.ui.nodes.some((n) => n.attributes.name === "password")).toBe(false);
    const done = await submit(ua, flow, { select_account: "current" });
    expect((await subjectAt(done.url, verifier)).sub).toBe(ids[grace]);
    // Answered once: the same chooser cannot be replayed.
    const again = await submit(ua, flow, { select_account: "current" });
    expect(again.url.pathname).toMatch(/\/ui\/login$/);
    expect((await readFlow(ua, flow.id)).ui.messages?.some((m) => m.id === 4010007)).toBe(true);
  });

  it("with prompt=login too: continue asks this account's password first (refresh)", async () => {
    const { url } = await authorize(ua, { prompt: "select_account login" });
    const chosen = await submit(ua, await readFlow(ua, url.searchParams.get("flow")!), { select_account: "current" });
    expect(chosen.url.pathname).toMatch(/\/ui\/login$/);
    const refresh = await readFlow(ua, chosen.url.searchParams.get("flow")!);
    expect(refresh.refresh).toBe(true);
    expect(choices(refresh)).toEqual([]);
  });

  it("refuses a chooser answer with a wrong CSRF token, or from another browser; nothing changes", async () => {
    const { url, challenge } = await authorize(ua, { prompt: "select_account" });
    const flow = await readFlow(ua, url.searchParams.get("flow")!);
    const db = await projectDb(h.a.projectId);
    const before = await db.oAuth2Flow.findFirst({ where: { id: challenge } });
    const refused = async (agent: TestUserAgent, csrf: string, choice: string) => {
      const { url: page } = await agent.navigate(flow.ui.action, (u) => u.pathname.endsWith("/ui/error"), { method: "POST", body: new URLSearchParams({ csrf_token: csrf, select_account: choice }), headers: form });
      expect(page.pathname).toMatch(/\/ui\/error$/);
      const error = (await (await fetch(`${h.issuer(h.a)}/self-service/errors?id=${page.searchParams.get("id")}`)).json()) as { error: { id: string; code: number } };
      expect(error.error).toMatchObject({ id: "security_csrf_violation", code: 403 });
    };
    await refused(ua, "x".repeat(43), "another");
    await refused(new TestUserAgent(), csrfOf(flow), "current");
    expect(choices(await readFlow(ua, flow.id))).toEqual(["current", "another"]);
    expect(await db.oAuth2Flow.findFirst({ where: { id: challenge } })).toMatchObject({ state: "login_requested", subject: before!.subject, loginSessionId: before!.loginSessionId });
    expect(await whoami(ua)).toBe(ids[grace]);
  });

  it("another account: signs in as someone else, whose session replaces the browser's", async () => {
    const db = await projectDb(h.a.projectId);
    const previous = await db.session.findMany({ where: { identityId: ids[grace], active: true } });
    expect(previous).toHaveLength(1);
    const { url, verifier } = await authorize(ua, { prompt: "select_account" });
    const switched = await submit(ua, await readFlow(ua, url.searchParams.get("flow")!), { select_account: "another" });
    expect(switched.url.searchParams.get("flow")).toBe(url.searchParams.get("flow")); // the same flow, now a sign-in form
    const signIn = await readFlow(ua, url.searchParams.get("flow")!);
    expect(choices(signIn)).toEqual([]);
    expect(signIn.ui.nodes.find((n) => n.attributes.name === "identifier")?.attributes).toMatchObject({ type: "text", value: "" });
    const done = await signInWithPassword(ua, url, hopper);
    expect((await subjectAt(done.url, verifier)).sub).toBe(ids[hopper]);
    expect(await whoami(ua)).toBe(ids[hopper]);
    expect((await db.session.findFirst({ where: { id: previous[0].id } }))?.active).toBe(false);
  });

  it("prompt=none together with select_account is invalid_request (OIDC Core §3.1.2.1)", async () => {
    const { url } = await authorize(ua, { prompt: "none select_account" });
    expect(url.origin).toBe(rp);
    expect(url.searchParams.get("error")).toBe("invalid_request");
    expect(url.searchParams.get("state")).toBe("state-1234");
  });

  it("an id_token_hint for another account: the chooser explains; prompt=none answers login_required", async () => {
    // Signed in as hopper now; the hint names grace, whom neither the ID token's claims nor this browser names.
    const { url, verifier } = await authorize(ua, { id_token_hint: graceIdToken });
    const flow = await readFlow(ua, url.searchParams.get("flow")!);
    expect(choices(flow)).toEqual(["current", "another"]);
    expect(flow.ui.messages?.[0]).toMatchObject({ id: 1010903, context: { client: "Shop", identifier: hopper } });
    const silent = await authorize(ua, { id_token_hint: graceIdToken, prompt: "none" });
    expect(silent.url.origin).toBe(rp);
    expect(silent.url.searchParams.get("error")).toBe("login_required");
    const done = await submit(ua, flow, { select_account: "current" });
    expect((await subjectAt(done.url, verifier)).sub).toBe(ids[hopper]);
  });
});

describe("a remembered login of another account than the identity session (used to end on the error page)", () => {
  it("prompt=none: login_required without a page; otherwise the chooser, and continuing as the signed-in account works", async () => {
    const { ua } = await browserRememberingOther(grace, hopper);
    const silent = await authorize(ua, { prompt: "none" });
    expect(silent.url.origin).toBe(rp);
    expect(silent.url.searchParams.get("error")).toBe("login_required");

    const { url, verifier } = await authorize(ua);
    const flow = await readFlow(ua, url.searchParams.get("flow")!);
    expect(choices(flow)).toEqual(["hinted", "current", "another"]);
    expect(flow.ui.messages?.[0]).toMatchObject({ id: 1010902, context: { client: "Shop", wanted: grace, identifier: hopper } });
    const done = await submit(ua, flow, { select_account: "current" });
    expect((await subjectAt(done.url, verifier)).sub).toBe(ids[hopper]);
  });

  it("signing in as the wanted account: the identifier is filled in; the code and the browser's session are grace's", async () => {
    const { ua, sessionId } = await browserRememberingOther(grace, hopper);
    const { url, verifier } = await authorize(ua);
    const switched = await submit(ua, await readFlow(ua, url.searchParams.get("flow")!), { select_account: "hinted" });
    const signIn = await readFlow(ua, switched.url.searchParams.get("flow")!);
    expect(signIn.ui.nodes.find((n) => n.attributes.name === "identifier")?.attributes.value).toBe(grace);
    const done = await signInWithPassword(ua, switched.url, grace);
    expect((await subjectAt(done.url, verifier)).sub).toBe(ids[grace]);
    expect(await whoami(ua)).toBe(ids[grace]);
    const db = await projectDb(h.a.projectId);
    expect((await db.session.findFirst({ where: { id: sessionId } }))?.active).toBe(false);
  });
});
