import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectDb } from "@/lib/db";
import type { TestProject } from "@/lib/testing/fixtures";
import { TestBrowser, csrfOf, nodeMessages, type FlowJson } from "../testing/browser";
import { createFlowProject, startFlowTestEnv, uniqueEmail, type FlowTestEnv } from "../testing/setup";

let env: FlowTestEnv;
let a: TestProject;
let b: TestProject;
const password = "correct horse battery staple 42";

beforeAll(async () => {
  env = await startFlowTestEnv();
  a = await createFlowProject(env);
  b = await createFlowProject(env);
});
afterAll(async () => env?.close());

async function startFlow(browser: TestBrowser, project: TestProject, kind: string): Promise<FlowJson> {
  const response = await browser.request(`/p/${project.slug}/self-service/${kind}/browser`, { json: true });
  expect(response.status).toBe(200);
  return (await response.json()) as FlowJson;
}

describe("browser flows", () => {
  it("redirects navigations to the hosted page and answers AJAX with JSON, binding a CSRF cookie", async () => {
    const browser = new TestBrowser(env.server.url);
    const navigation = await browser.request(`/p/${a.slug}/self-service/login/browser?return_to=/p/${a.slug}/ui/welcome`);
    expect(navigation.status).toBe(303);
    expect(navigation.headers.get("location")).toMatch(new RegExp(`/p/${a.slug}/ui/login\\?flow=[0-9a-f-]{36}$`));
    const csrfCookie = navigation.headers.getSetCookie().find((c) => c.startsWith("csrf_token_"));
    expect(csrfCookie).toContain(`Path=/p/${a.slug}`);
    expect(csrfCookie).toContain("HttpOnly");
    const flow = await startFlow(browser, a, "login");
    expect([...browser.cookies.values()]).toContain(csrfOf(flow));
    const fetched = await browser.request(`/p/${a.slug}/self-service/login/flows?id=${flow.id}`);
    expect(((await fetched.json()) as FlowJson).id).toBe(flow.id);
    const badReturn = await browser.request(`/p/${a.slug}/self-service/login/browser?return_to=https://evil.example/`, { json: true });
    expect(badReturn.status).toBe(400);
    expect(await badReturn.json()).toMatchObject({ error: { id: "self_service_flow_return_to_forbidden" } });
  });

  it("registers with a form post (303s), rejects schema-invalid traits without creating anything", async () => {
    const browser = new TestBrowser(env.server.url);
    const flow = await startFlow(browser, a, "registration");
    const db = await projectDb(a.projectId);
    const before = await db.identity.count();
    const invalid = await browser.postForm(`/p/${a.slug}/self-service/registration?flow=${flow.id}`, { csrf_token: csrfOf(flow), method: "password", "traits.email": "not-an-email", password });
    expect(invalid.status).toBe(303);
    expect(invalid.headers.get("location")).toContain(`/ui/registration?flow=${flow.id}`);
    const shown = (await (await browser.request(`/p/${a.slug}/self-service/registration/flows?id=${flow.id}`)).json()) as FlowJson;
    expect(nodeMessages(shown, "traits.email").length).toBeGreaterThan(0);
    expect(shown.ui.nodes.find((n) => n.attributes.name === "traits.email")?.attributes.value).toBe("not-an-email");
    const asJson = await browser.postJson(`/p/${a.slug}/self-service/registration?flow=${flow.id}`, { csrf_token: csrfOf(flow), method: "password", traits: {}, password });
    expect(asJson.status).toBe(400);
    expect(nodeMessages((await asJson.json()) as FlowJson, "traits.email")).toContain(4000002);
    expect(await db.identity.count()).toBe(before);

    const email = uniqueEmail("browser");
    const done = await browser.postForm(`/p/${a.slug}/self-service/registration?flow=${flow.id}`, { csrf_token: csrfOf(flow), method: "password", "traits.email": email, "traits.name.first": "Lin", password });
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toContain("/ui/verification?flow=");
    expect(done.headers.getSetCookie().some((c) => c.startsWith("ory_session_"))).toBe(true);
    const whoami = await browser.request(`/p/${a.slug}/sessions/whoami`);
    expect(whoami.status).toBe(200);
    // The same account again: 4000007, still one identity.
    const second = new TestBrowser(env.server.url);
    const again = await startFlow(second, a, "registration");
    const duplicate = await second.postJson(`/p/${a.slug}/self-service/registration?flow=${again.id}`, { csrf_token: csrfOf(again), method: "password", traits: { email }, password });
    expect(duplicate.status).toBe(400);
    expect(((await duplicate.json()) as FlowJson).ui.messages?.map((m) => m.id)).toContain(4000007);

    // Logout: token, then the logout URL clears the session.
    const logout = await browser.request(`/p/${a.slug}/self-service/logout/browser`, { json: true });
    const { logout_url: logoutUrl } = (await logout.json()) as { logout_url: string };
    const out = await browser.request(logoutUrl);
    expect(out.status).toBe(303);
    expect((await browser.request(`/p/${a.slug}/sessions/whoami`)).status).toBe(401);
  });

  it("rejects CSRF mismatches: 403 for JSON, the error page for forms", async () => {
    const browser = new TestBrowser(env.server.url);
    const flow = await startFlow(browser, a, "login");
    const wrongToken = await browser.postJson(`/p/${a.slug}/self-service/login?flow=${flow.id}`, { csrf_token: "x".repeat(43), method: "password", identifier: "a@b.c", password });
    expect(wrongToken.status).toBe(403);
    expect(await wrongToken.json()).toMatchObject({ error: { id: "security_csrf_violation", code: 403 } });
    const stranger = new TestBrowser(env.server.url);
    const form = await stranger.postForm(`/p/${a.slug}/self-service/login?flow=${flow.id}`, { csrf_token: csrfOf(flow), method: "password", identifier: "a@b.c", password });
    expect(form.status).toBe(303);
    const location = new URL(form.headers.get("location")!);
    expect(location.pathname).toBe(`/p/${a.slug}/ui/error`);
    const error = await stranger.request(`/p/${a.slug}/self-service/errors?id=${location.searchParams.get("id")}`);
    expect(await error.json()).toMatchObject({ error: { id: "security_csrf_violation" } });
  });

  it("answers expired, unknown, malformed and oversize submissions with Ory errors", async () => {
    const browser = new TestBrowser(env.server.url);
    const flow = await startFlow(browser, a, "login");
    const url = `/p/${a.slug}/self-service/login?flow=${flow.id}`;
    const malformed = await browser.request(url, { method: "POST", body: "{nope", headers: { "content-type": "application/json", accept: "application/json" } });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { code: number } }).error.code).toBe(400);
    const oversize = await browser.request(url, { method: "POST", body: JSON.stringify({ method: "password", identifier: "x".repeat(1_100_000) }), headers: { "content-type": "application/json", accept: "application/json" } });
    expect(oversize.status).toBe(413);
    const wrongType = await browser.request(url, { method: "POST", body: "x", headers: { "content-type": "text/plain", accept: "application/json" } });
    expect(wrongType.status).toBe(415);
    const unknown = await browser.postJson(`/p/${a.slug}/self-service/login?flow=00000000-0000-4000-8000-000000000000`, { method: "password" });
    expect(unknown.status).toBe(404);
    expect((await browser.postJson(`/p/${a.slug}/self-service/login?flow=garbage`, {})).status).toBe(404);

    const db = await projectDb(a.projectId);
    await db.selfServiceFlow.updateMany({ where: { id: flow.id }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    const expired = await browser.postJson(url, { csrf_token: csrfOf(flow), method: "password", identifier: "a@b.c", password });
    expect(expired.status).toBe(410);
    const body = (await expired.json()) as { error: { id: string }; use_flow_id: string };
    expect(body.error.id).toBe("self_service_flow_expired");
    const replacement = (await (await browser.request(`/p/${a.slug}/self-service/login/flows?id=${body.use_flow_id}`)).json()) as FlowJson;
    expect(replacement.ui.messages?.map((m) => m.id)).toContain(4010001);
    const expiredForm = await browser.postForm(url, { csrf_token: csrfOf(flow), method: "password" });
    expect(expiredForm.status).toBe(303);
    expect(expiredForm.headers.get("location")).toContain("/ui/login?flow=");
  });

  it("rate-limits login attempts per IP with 429 and Retry-After, probes of unknown flows included", async () => {
    const limited = await createFlowProject(env, { rate_limits: { "login:ip": { limit: 4, window_seconds: 60 } } });
    const browser = new TestBrowser(env.server.url);
    const flow = await startFlow(browser, limited, "login");
    const unknown = await browser.postJson(`/p/${limited.slug}/self-service/login?flow=00000000-0000-4000-8000-000000000000`, { method: "password" });
    expect(unknown.status).toBe(404); // counted all the same
    let last: Response | undefined;
    let attempts = 0;
    for (; attempts < 6; attempts++) {
      last = await browser.postJson(`/p/${limited.slug}/self-service/login?flow=${flow.id}`, { csrf_token: csrfOf(flow), method: "password", identifier: uniqueEmail(), password: "wrong" });
      if (last.status === 429) break;
    }
    expect(last!.status).toBe(429);
    expect(attempts).toBe(3); // the probe, then 3 submissions, fill the 4 allowed
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await last!.json()).toMatchObject({ error: { code: 429, id: "rate_limit_exceeded" } });
  });

  it("keeps projects apart: B's flows, cookies and URLs are useless on A", async () => {
    const browser = new TestBrowser(env.server.url);
    const flowB = await startFlow(browser, b, "login");
    const onA = await browser.postJson(`/p/${a.slug}/self-service/login?flow=${flowB.id}`, { csrf_token: csrfOf(flowB), method: "password", identifier: "x@y.z", password });
    expect(onA.status).toBe(404);
    expect((await browser.request(`/p/${a.slug}/self-service/login/flows?id=${flowB.id}`)).status).toBe(404);
    // B's CSRF cookie does not satisfy a flow of A (different cookie name, path-scoped).
    const flowA = await startFlow(new TestBrowser(env.server.url), a, "login");
    const crossCsrf = await browser.postJson(`/p/${a.slug}/self-service/login?flow=${flowA.id}`, { csrf_token: csrfOf(flowB), method: "password", identifier: "x@y.z", password });
    expect(crossCsrf.status).toBe(403);
  });
});
