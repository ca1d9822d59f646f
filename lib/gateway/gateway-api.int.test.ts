import { createRemoteJWKSet, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectDb } from "@/lib/db";
import { findProjectBySlug } from "@/lib/projects/lookup";
import { revokeSession } from "@/lib/sessions";
import { createTestProject, type TestProject } from "@/lib/testing/fixtures";
import { startApiServer, type TestServer } from "@/lib/testing/server";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { rule, signedInIdentity } from "./testing/fixtures";
import { startEchoUpstream, type EchoUpstream } from "./testing/upstream";

let database: TestDatabase;
let server: TestServer;
let upstream: EchoUpstream;
let a: TestProject;
let b: TestProject;

beforeAll(async () => {
  database = await useTestDatabase();
  server = await startApiServer();
  upstream = await startEchoUpstream();
  a = await createTestProject();
  b = await createTestProject();
}, 240_000);
afterAll(async () => {
  await upstream?.close();
  await server?.close();
  await database?.drop();
});

const admin = (p: TestProject, method: string, path: string, body?: unknown) =>
  fetch(`${server.url}/p/${p.slug}${path}`, {
    method,
    headers: { authorization: `Bearer ${p.apiKey}`, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

/** Asks the decisions API about `url` as nginx would (X-Forwarded-*). */
const decide = (p: TestProject, url: string, headers: Record<string, string> = {}, method = "GET") => {
  const u = new URL(url);
  return fetch(`${server.url}/p/${p.slug}/decisions${u.pathname}${u.search}`, {
    method,
    redirect: "manual",
    headers: { "x-forwarded-host": u.host, "x-forwarded-proto": u.protocol.replace(":", ""), ...headers },
  });
};

describe("rules admin API", () => {
  it("creates, reads, lists, replaces and deletes a rule, Oathkeeper-shaped", async () => {
    const body = rule("crud", "https://app.example.com/crud/<.*>", { description: "demo", priority: 5, upstream: { url: upstream.url } });
    const created = await admin(a, "POST", "/admin/rules", body);
    expect(created.status).toBe(201);
    const doc = await created.json();
    expect(doc).toMatchObject({ id: "crud", description: "demo", priority: 5, match: { url: "https://app.example.com/crud/<.*>", methods: ["GET", "POST"] } });
    expect(doc.upstream).toEqual({ url: upstream.url, strip_path: "", preserve_host: false });
    expect(doc.authenticators[0]).toEqual({ handler: "bearer_token", config: {} });
    expect((await admin(a, "POST", "/admin/rules", body)).status).toBe(409);
    expect((await (await admin(a, "GET", "/admin/rules/crud")).json()).id).toBe("crud");
    expect((await (await admin(a, "GET", "/rules/crud")).json()).id).toBe("crud");
    expect((await (await admin(a, "GET", "/rules")).json()).map((r: { id: string }) => r.id)).toContain("crud");
    const replaced = await admin(a, "PUT", "/admin/rules/crud", { ...body, priority: 7 });
    expect((await replaced.json()).priority).toBe(7);
    expect((await admin(a, "PUT", "/admin/rules/crud", { ...body, id: "other" })).status).toBe(400);
    expect((await admin(a, "DELETE", "/admin/rules/crud")).status).toBe(204);
    expect((await admin(a, "GET", "/admin/rules/crud")).status).toBe(404);
    expect((await admin(a, "DELETE", "/admin/rules/crud")).status).toBe(404);
  });

  it("assigns an id when none is given, and requires the project's key everywhere", async () => {
    const { id } = await (await admin(a, "POST", "/admin/rules", { ...rule("x", "https://noid.example.com/<.*>"), id: undefined })).json();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await fetch(`${server.url}/p/${a.slug}/rules`)).status).toBe(401);
    expect((await fetch(`${server.url}/p/${a.slug}/admin/rules`, { method: "POST", body: "{}" })).status).toBe(401);
    expect((await admin(b, "GET", `/admin/rules/${id}`)).status).toBe(404);
    expect((await fetch(`${server.url}/p/${a.slug}/admin/rules`, { headers: { authorization: `Bearer ${b.apiKey}` } })).status).toBe(401);
  });

  const bad = async (body: unknown) => {
    const response = await admin(a, "POST", "/admin/rules", body);
    expect(response.status).toBe(400);
    return (await response.json()).error as { message: string; reason: string; details: { issues: { path: string; message: string }[] } };
  };

  it("rejects malformed rules with every problem listed", async () => {
    const unknown = await bad(rule("u", "https://a.example.com/<.*>", { authenticators: [{ handler: "magic" }], authorizer: { handler: "nope" } }));
    expect(unknown.details.issues).toEqual(
      expect.arrayContaining([
        { path: "authenticators.0.handler", message: 'unknown authenticator "magic"' },
        { path: "authorizer.handler", message: 'unknown authorizer "nope"' },
      ]),
    );
    const template = await bad(rule("t", "https://a.example.com/<.*>", { mutators: [{ handler: "header", config: { headers: { "X-A": "{{ .Subject " } } }] }));
    expect(template.details.issues[0].path).toBe("mutators.0.config.headers.X-A");
    expect(template.details.issues[0].message).toMatch(/invalid template/);
    const hop = await bad(rule("h", "https://a.example.com/<.*>", { mutators: [{ handler: "header", config: { headers: { "Content-Length": "1" } } }] }));
    expect(hop.details.issues[0].message).toMatch(/hop-by-hop/);
    const upstreamUrl = await bad(rule("up", "https://a.example.com/<.*>", { upstream: { url: "ftp://x" } }));
    expect(upstreamUrl.details.issues[0].path).toBe("upstream.url");
    const regex = await bad(rule("re", "https://a.example.com/<(>"));
    expect(regex.details.issues[0]).toMatchObject({ path: "match.url" });
    expect((await bad(rule("un", "https://a.example.com/<.*"))).reason).toMatch(/unbalanced/);
    expect((await bad(rule("m", "https://a.example.com/", { match: { url: "https://a.example.com/", methods: [] } }))).details.issues[0].path).toBe("match.methods");
    expect((await bad(rule("j", "https://a.example.com/", { authenticators: [{ handler: "jwt", config: {} }] }))).details.issues[0].path).toBe("authenticators.0.config.jwks_urls");
    expect((await bad({ ...rule("extra", "https://a.example.com/"), surprise: true })).details.issues[0].message).toMatch(/unrecognized/i);
    expect((await admin(a, "POST", "/admin/rules", "not json")).status).toBe(400);
  });

  it("refuses outbound URLs at private, loopback or link-local addresses (SSRF), upstreams excepted", async () => {
    const metadata = await bad(rule("ssrf1", "https://a.example.com/", {
      mutators: [{ handler: "hydrator", config: { api: { url: "http://169.254.169.254/latest/meta-data" } } }],
    }));
    expect(metadata.details.issues[0]).toMatchObject({ path: "mutators.0.config.api.url", message: expect.stringMatching(/not a public address/) });
    const loopback = await bad(rule("ssrf2", "https://a.example.com/", { authenticators: [{ handler: "jwt", config: { jwks_urls: ["http://[::ffff:127.0.0.1]/jwks"] } }] }));
    expect(loopback.details.issues[0].path).toBe("authenticators.0.config.jwks_urls.0");
    const upstream = await admin(a, "POST", "/admin/rules", rule("private-upstream", "https://a.example.com/p/<.*>", { upstream: { url: "http://10.0.0.7:8080" } }));
    expect(upstream.status).toBe(201);
  });

  it("accepts private and loopback addresses where nothing is fetched: id_token issuer_url, redirect to (issue 19 §4)", async () => {
    const intranet = await admin(a, "POST", "/admin/rules", rule("intranet", "http://10.0.0.5/<.*>", {
      mutators: [{ handler: "id_token", config: { issuer_url: "http://10.0.0.5:4455/" } }],
      errors: [{ handler: "redirect", config: { to: "http://127.0.0.1:4455/login", return_to_query_param: "return_to" } }],
    }));
    expect(intranet.status).toBe(201);
    const redirected = await decide(a, "http://10.0.0.5/page");
    expect(redirected.status).toBe(302);
    const location = new URL(redirected.headers.get("location")!);
    expect(location.origin + location.pathname).toBe("http://127.0.0.1:4455/login");
    expect(location.searchParams.get("return_to")).toBe("http://10.0.0.5/page");
    expect((await bad(rule("creds", "https://a.example.com/", { errors: [{ handler: "redirect", config: { to: "http://u:p@10.0.0.5/" } }] }))).details.issues[0].path).toBe(
      "errors.0.config.to",
    );
  });
});

describe("decisions API", () => {
  let alice: { identityId: string; token: string; sessionId: string };

  beforeAll(async () => {
    alice = await signedInIdentity(a.slug, "alice@example.com");
    expect((await admin(a, "POST", "/admin/rules", rule("app", "https://app.example.com/<.*>"))).status).toBe(201);
  });

  it("answers 200 with X-User-Id for a session token and a session cookie", async () => {
    const viaToken = await decide(a, "https://app.example.com/dashboard", { authorization: `Bearer ${alice.token}` });
    expect(viaToken.status).toBe(200);
    expect(viaToken.headers.get("x-user-id")).toBe(alice.identityId);
    const viaCookie = await decide(a, "https://app.example.com/dashboard", { cookie: `other=1; ory_session_${a.slug.replace(/-/g, "_")}=${alice.token}` });
    expect(viaCookie.headers.get("x-user-id")).toBe(alice.identityId);
  });

  it("answers 401 for an anonymous request and for a bad token", async () => {
    expect((await decide(a, "https://app.example.com/dashboard")).status).toBe(401);
    const bad = await decide(a, "https://app.example.com/dashboard", { authorization: `Bearer ory_st_${"x".repeat(43)}` });
    expect(bad.status).toBe(401);
    expect((await bad.json()).error).toMatchObject({ code: 401, status: "Unauthorized" });
  });

  it("denies unmatched requests by default, and applies a configured default rule", async () => {
    const none = await decide(a, "https://elsewhere.example.com/x", { authorization: `Bearer ${alice.token}` });
    expect(none.status).toBe(403);
    const put = await admin(a, "PUT", "/admin/gateway/settings", {
      default_rule: { authenticators: [{ handler: "anonymous" }], authorizer: { handler: "allow" }, mutators: [{ handler: "header", config: { headers: { "X-Who": "{{ .Subject }}" } } }] },
    });
    expect(put.status).toBe(200);
    const anonymous = await decide(a, "https://elsewhere.example.com/x");
    expect(anonymous.status).toBe(200);
    expect(anonymous.headers.get("x-who")).toBe("anonymous");
    await admin(a, "PUT", "/admin/gateway/settings", { default_rule: null });
    expect((await decide(a, "https://elsewhere.example.com/x")).status).toBe(403);
  });

  it("honours X-Forwarded-Method and X-Forwarded-Uri (Traefik ForwardAuth)", async () => {
    await admin(a, "POST", "/admin/rules", rule("get-only", "https://ro.example.com/<.*>", { match: { url: "https://ro.example.com/<.*>", methods: ["GET"] } }));
    const asDelete = await fetch(`${server.url}/p/${a.slug}/decisions`, {
      headers: { "x-forwarded-method": "DELETE", "x-forwarded-proto": "https", "x-forwarded-host": "ro.example.com", "x-forwarded-uri": "/items/1", authorization: `Bearer ${alice.token}` },
    });
    expect(asDelete.status).toBe(403);
    const asGet = await fetch(`${server.url}/p/${a.slug}/decisions`, {
      method: "POST",
      headers: { "x-forwarded-method": "GET", "x-forwarded-proto": "https", "x-forwarded-host": "ro.example.com", "x-forwarded-uri": "/items/1?x=1", authorization: `Bearer ${alice.token}` },
    });
    expect(asGet.status).toBe(200);
  });

  it("honours ingress-nginx's X-Original-URL and X-Original-Method (Kubernetes auth-url, no snippet needed)", async () => {
    // ingress-nginx's external-auth location sends these (and its own Host), never X-Forwarded-Uri/-Method.
    const ingress = (method: string, url: string, extra: Record<string, string> = {}) =>
      fetch(`${server.url}/p/${a.slug}/decisions${new URL(url).pathname}`, {
        headers: { "x-original-url": url, "x-original-method": method, "x-sent-from": "nginx-ingress-controller", authorization: `Bearer ${alice.token}`, ...extra },
      });
    expect((await ingress("GET", "https://ro.example.com/items/1?x=1")).status).toBe(200);
    expect((await ingress("DELETE", "https://ro.example.com/items/1")).status).toBe(403);
    // X-Forwarded-* win when both are sent; a relative or non-http X-Original-URL is ignored.
    expect((await ingress("GET", "https://ro.example.com/items/1", { "x-forwarded-host": "elsewhere.example.com" })).status).toBe(403);
    const bogus = await fetch(`${server.url}/p/${a.slug}/decisions/items/1`, { headers: { "x-original-url": "javascript://ro.example.com/items/1", authorization: `Bearer ${alice.token}` } });
    expect(bogus.status).toBe(403);
  });

  it("resolves overlapping rules by priority, and reports same-priority overlaps", async () => {
    const mut = (v: string) => [{ handler: "header", config: { headers: { "X-Rule": v } } }];
    await admin(a, "POST", "/admin/rules", rule("low", "https://prio.example.com/<.*>", { priority: 1, mutators: mut("low"), authenticators: [{ handler: "anonymous" }] }));
    await admin(a, "POST", "/admin/rules", rule("high", "https://prio.example.com/admin/<.*>", { priority: 10, mutators: mut("high"), authenticators: [{ handler: "anonymous" }] }));
    expect((await decide(a, "https://prio.example.com/admin/x")).headers.get("x-rule")).toBe("high");
    expect((await decide(a, "https://prio.example.com/public")).headers.get("x-rule")).toBe("low");
    await admin(a, "POST", "/admin/rules", rule("tie", "https://prio.example.com/admin/<[a-z]+>", { priority: 10, authenticators: [{ handler: "anonymous" }] }));
    expect((await decide(a, "https://prio.example.com/admin/x")).status).toBe(500);
    await admin(a, "DELETE", "/admin/rules/tie");
    expect((await decide(a, "https://prio.example.com/admin/x")).headers.get("x-rule")).toBe("high");
  });

  it("matches on normalised paths, so dot segments cannot escape a rule", async () => {
    await admin(a, "POST", "/admin/rules", rule("public", "https://norm.example.com/public/<.*>", { authenticators: [{ handler: "anonymous" }] }));
    expect((await decide(a, "https://norm.example.com/public/page")).status).toBe(200);
    const escaped = await fetch(`${server.url}/p/${a.slug}/decisions`, {
      headers: { "x-forwarded-host": "norm.example.com", "x-forwarded-proto": "https", "x-forwarded-uri": "/public/%2e%2e/admin" },
    });
    expect(escaped.status).toBe(403);
  });

  it("neutralises header injection through templates", async () => {
    await admin(a, "POST", "/admin/rules", rule("inject", "https://inj.example.com/<.*>", {
      authenticators: [{ handler: "anonymous", config: { subject: "evil\r\nSet-Cookie: pwn=1" } }],
      mutators: [{ handler: "header", config: { headers: { "X-User": "{{ print .Subject }}", "X-Path": "{{ .MatchContext.URL.Path }}", "X-Hdr": '{{ .MatchContext.Header.Get "X-Evil" }}' } } }],
    }));
    const response = await decide(a, "https://inj.example.com/a%0d%0aX-Bad:%201", { "x-evil": "v\tok" });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-user")).toBe("evilSet-Cookie: pwn=1");
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(response.headers.get("x-bad")).toBeNull();
    expect(response.headers.get("x-path")).not.toMatch(/[\r\n]/);
  });

  it("stops accepting a session as soon as it is revoked", async () => {
    const bob = await signedInIdentity(a.slug, "bob@example.com");
    expect((await decide(a, "https://app.example.com/", { authorization: `Bearer ${bob.token}` })).status).toBe(200);
    const project = (await findProjectBySlug(a.slug))!;
    await revokeSession({ project, db: await projectDb(project.id), now: new Date(), actor: { type: "system" } }, bob.sessionId);
    expect((await decide(a, "https://app.example.com/", { authorization: `Bearer ${bob.token}` })).status).toBe(401);
  });

  it("redirects browsers to the hosted login with return_to", async () => {
    await admin(a, "POST", "/admin/rules", rule("browser", "https://web.example.com/<.*>", {
      authenticators: [{ handler: "cookie_session" }],
      errors: [
        { handler: "redirect", config: { when: [{ error: ["unauthorized"], request: { header: { accept: ["text/html"] } } }] } },
        { handler: "json" },
      ],
    }));
    const html = await decide(a, "https://web.example.com/page?q=1", { accept: "text/html,application/xhtml+xml" });
    expect(html.status).toBe(302);
    const location = new URL(html.headers.get("location")!);
    expect(location.pathname).toBe(`/p/${a.slug}/ui/login`);
    expect(location.searchParams.get("return_to")).toBe("https://web.example.com/page?q=1");
    expect((await decide(a, "https://web.example.com/page", { accept: "application/json" })).status).toBe(401);
  });

  it("answers www_authenticate with a Basic challenge", async () => {
    await admin(a, "POST", "/admin/rules", rule("basic", "https://basic.example.com/<.*>", { errors: [{ handler: "www_authenticate", config: { realm: "Staff" } }] }));
    const response = await decide(a, "https://basic.example.com/");
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe('Basic realm="Staff"');
  });

  it("signs id_token JWTs verifiable at the project's JWKS", async () => {
    await admin(a, "POST", "/admin/rules", rule("idt", "https://idt.example.com/<.*>", {
      mutators: [{ handler: "id_token", config: { ttl: "1m", claims: '{"aud": ["api"], "email": {{ .Extra.identity.traits.email | toJson }}}' } }],
    }));
    const response = await decide(a, "https://idt.example.com/", { authorization: `Bearer ${alice.token}` });
    expect(response.status).toBe(200);
    const jwt = response.headers.get("authorization")!.replace(/^Bearer /, "");
    const jwks = createRemoteJWKSet(new URL(`${server.url}/p/${a.slug}/.well-known/jwks.json`));
    const { payload } = await jwtVerify(jwt, jwks, { audience: "api" });
    expect(payload).toMatchObject({ sub: alice.identityId, email: "alice@example.com" });
    expect(payload.exp! - payload.iat!).toBe(60);
  });

  it("keeps projects apart: B's decisions never see A's rules or sessions", async () => {
    expect((await decide(b, "https://app.example.com/dashboard", { authorization: `Bearer ${alice.token}` })).status).toBe(403);
    await admin(b, "POST", "/admin/rules", rule("app", "https://app.example.com/<.*>"));
    expect((await decide(b, "https://app.example.com/dashboard", { authorization: `Bearer ${alice.token}` })).status).toBe(401);
    expect((await admin(b, "GET", "/admin/rules")).status).toBe(200);
    expect((await (await admin(b, "GET", "/admin/rules")).json()).map((r: { id: string }) => r.id)).toEqual(["app"]);
  });

  it("explains a decision: matched rule and each handler's verdict", async () => {
    const response = await admin(a, "POST", "/admin/gateway/test", { method: "GET", url: "https://app.example.com/x", headers: { Authorization: `Bearer ${alice.token}` } });
    const explanation = await response.json();
    expect(explanation).toMatchObject({ allowed: true, rule_id: "app", status: 200, subject: alice.identityId });
    expect(explanation.verdicts.map((v: { handler: string; outcome: string }) => `${v.handler}:${v.outcome}`)).toEqual(["app:matched", "bearer_token:passed", "allow:passed", "header:passed"]);
  });
});
