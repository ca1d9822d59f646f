import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultProjectConfig } from "@/lib/projects";
import { createTestProject, type TestProject } from "@/lib/testing/fixtures";
import { startApiServer, type TestServer } from "@/lib/testing/server";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { errorFamily } from "./error-family";
import { machineRoutes } from "./routes";
import { changedTables, changeCounter, type ChangeCounter } from "./testing/change-counter";
import { encodeBody, hostileBody, hostileId, hostileQuery, hostileString, type HostileBody } from "./testing/hostile";
import { skeletonBody, skeletonQuery, type Known } from "./testing/skeletons";
import type { RouteDefinition } from "./types";

/**
 * Issue 12 §4, the class of bug gone: every route of the machine API table, fed generated hostile input (NUL and
 * lone surrogates, huge and deep values, wrong types, SQL metacharacters, bad ids and page tokens, odd content
 * types), authenticated as it needs, never answers 5xx; every 4xx carries its API family's error shape; and a
 * refused request leaves the database as it was.
 */
const RUNS_PER_ROUTE = Number(process.env.HOSTILE_RUNS ?? 6);
const SEED = Number(process.env.HOSTILE_SEED ?? Date.now() % 2 ** 31);

/** Bookkeeping a refusal may write: rate-limit counters, a flow re-rendered with its error, a code's attempt count, a stored browser error. */
const BOOKKEEPING = new Set(["rate_limit_buckets", "self_service_flows", "self_service_codes", "self_service_errors"]);

let database: TestDatabase;
let server: TestServer;
let project: TestProject;
let consoleProject: TestProject;
let seeded: Seeded;
let changes: ChangeCounter;

beforeAll(async () => {
  database = await useTestDatabase();
  server = await startApiServer();
  project = await createTestProject(defaultProjectConfig() as unknown as Record<string, unknown>);
  // Console routes get a project of their own: a hostile PUT / PATCH / DELETE that happens to be valid may change it.
  consoleProject = await createTestProject(defaultProjectConfig() as unknown as Record<string, unknown>);
  seeded = await seed();
  changes = await changeCounter(database.url, BOOKKEEPING);
});
afterAll(async () => {
  await changes?.close();
  await server?.close();
  await database?.drop();
});

const base = () => `${server.url}/p/${project.slug}`;
const admin = (method: string, path: string, body: unknown) =>
  fetch(base() + path, { method, headers: { authorization: `Bearer ${project.apiKey}`, "content-type": "application/json" }, body: JSON.stringify(body) });

interface Seeded {
  sessionToken: string;
  identityId: string;
  sessionId: string;
  clientId: string;
  /** For the skeletons' `$name` placeholders. */
  known: Known;
}

/** Some data for the routes to find: an identity with a session, an OAuth2 client, a relation tuple, a gateway rule. */
async function seed(): Promise<Seeded> {
  const flow = await (await fetch(`${base()}/self-service/registration/api`)).json();
  const registered = await (await fetch(`${base()}/self-service/registration?flow=${flow.id}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ method: "password", password: "correct horse battery staple 42", traits: { email: "seed@example.com", name: { first: "Seed" } } }),
  })).json();
  const client = await (await admin("POST", "/admin/clients", { client_name: "Seed", redirect_uris: ["https://rp.example/cb"], scope: "openid" })).json();
  await admin("PUT", "/admin/relation-tuples", { namespace: "Doc", object: "readme", relation: "viewer", subject_id: "seed" });
  await admin("POST", "/admin/rules", { id: "seed", match: { url: "https://app.example/<**>", methods: ["GET"] }, authenticators: [{ handler: "anonymous" }], authorizer: { handler: "allow" }, mutators: [{ handler: "noop" }] });
  const known: Known = { identity: registered.identity.id, login_challenge: await loginChallenge(client.client_id) };
  for (const kind of ["login", "registration", "recovery", "verification", "settings"]) {
    const started = await (await fetch(`${base()}/self-service/${kind}/api`, { headers: { "x-session-token": registered.session_token } })).json();
    known[`flow.${kind}`] = started.id;
  }
  return { sessionToken: registered.session_token, identityId: registered.identity.id, sessionId: registered.session.id, clientId: client.client_id, known };
}

/** An OAuth2 login challenge, from the authorization endpoint's redirect to the login UI. */
async function loginChallenge(clientId: string): Promise<string> {
  const query = new URLSearchParams({ client_id: clientId, response_type: "code", redirect_uri: "https://rp.example/cb", scope: "openid", state: "seed-state-1" });
  const response = await fetch(`${base()}/oauth2/auth?${query}`, { redirect: "manual" });
  return new URL(response.headers.get("location") ?? "", server.url).searchParams.get("login_challenge") ?? "x";
}

/** Percent-encodes a path segment byte by byte (a lone surrogate travels as U+FFFD's bytes, as any client sends it). */
const encodeSegment = (value: string) => encodeURIComponent(Buffer.from(value).toString());

interface HostileRequest {
  method: string;
  params: Record<string, string>;
  query: [string, string][];
  body: HostileBody;
  headers: Record<string, string>;
}

const latin1Header = hostileString.map((value) => value.replace(/[^\x20-\x7e\xa0-\xff]/g, "").slice(0, 4_000));

/** Random hostile requests for a route, plus one per mutation site of its usual query and body (every place is hit). */
function requestArbitraries(route: RouteDefinition): fc.Arbitrary<HostileRequest>[] {
  const names = route.path.split("/").filter((s) => s.startsWith(":") || s.startsWith("*")).map((s) => s.slice(1));
  const isConsole = route.path.startsWith("/api/console/");
  const param = (name: string): fc.Arbitrary<string> => {
    if (name === "project" && !isConsole) return fc.oneof({ weight: 8, arbitrary: fc.constant(project.slug) }, { weight: 1, arbitrary: hostileString });
    if (name === "project") return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(consoleProject.projectId, consoleProject.slug) }, { weight: 1, arbitrary: hostileId });
    if (name === "workspace") return fc.oneof({ weight: 3, arbitrary: fc.constant(consoleProject.workspaceId) }, { weight: 1, arbitrary: hostileId });
    const known = knownId(route.path, name);
    return known ? fc.oneof({ weight: 1, arbitrary: fc.constant(known) }, { weight: 1, arbitrary: hostileId }) : hostileId;
  };
  const params = fc.record(Object.fromEntries(names.map((n) => [n, param(n)])) as Record<string, fc.Arbitrary<string>>);
  const method = route.method === "*" ? fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH") : fc.constant(route.method);
  const key = isConsole ? `Bearer ${consoleProject.workspaceKey}` : `Bearer ${project.apiKey}`;
  // Admin routes need the key; public ones are tried with and without it (permission reads take it, userinfo must not).
  const auth = isConsole || route.path.includes("/admin/") ? fc.constant(key) : fc.constantFrom(key, undefined);
  const headers = fc.record({
    "x-session-token": fc.oneof(fc.constant(seeded.sessionToken), latin1Header),
    cookie: latin1Header.map((v) => `ory_session_${project.slug}=${v}; csrf_token=${v}`),
    "accept-language": latin1Header,
  }, { requiredKeys: [] });
  const withAuth = fc.tuple(auth, headers).map(([a, h]): Record<string, string> => ({ accept: "application/json", ...(a ? { authorization: a } : {}), ...h }));
  const request = (query: fc.Arbitrary<[string, string][]>, body: fc.Arbitrary<HostileBody>) => fc.record({ method, params, query, body, headers: withAuth });
  const usualQuery = skeletonQuery(route.path, seeded.known);
  const usualBody = skeletonBody(`${route.method} ${route.path}`, seeded.known);
  const randomQuery = usualQuery ? fc.oneof(usualQuery.usual, hostileQuery) : hostileQuery;
  const randomBody = usualBody ? fc.oneof(usualBody.usual, hostileBody) : hostileBody;
  return [
    ...Array.from({ length: RUNS_PER_ROUTE }, () => request(randomQuery, randomBody)),
    ...(usualQuery?.sites ?? []).map((site) => request(site, usualBody?.usual ?? hostileBody)),
    ...(usualBody?.sites ?? []).map((site) => request(usualQuery?.usual ?? hostileQuery, site)),
  ];
}

/** A seeded id for a path parameter, so mutations reach the resource behind it. */
function knownId(path: string, name: string): string | undefined {
  if (name !== "id") return undefined;
  if (path.includes("/identities/")) return seeded.identityId;
  if (path.includes("/sessions/")) return seeded.sessionId;
  if (path.includes("/clients/")) return seeded.clientId;
  if (path.includes("/rules/")) return "seed";
  return undefined;
}

function urlOf(route: RouteDefinition, request: HostileRequest): string {
  const path = route.path.split("/").map((segment) => {
    if (!segment.startsWith(":") && !segment.startsWith("*")) return segment;
    return encodeSegment(request.params[segment.slice(1)] ?? "");
  }).join("/");
  const query = request.query.map(([k, v]) => `${encodeSegment(k)}=${encodeSegment(v)}`).join("&");
  return `${server.url}${path}${query ? `?${query}` : ""}`;
}

/** Ory's error, a Kratos flow re-rendered with its messages, RFC 6749's error, or RFC 7644's. */
function hasFamilyShape(path: string, status: number, body: unknown): boolean {
  if (!body || typeof body !== "object") return false;
  const b = body as Record<string, unknown>;
  switch (errorFamily(path)) {
    case "oauth2":
      return typeof b.error === "string" || isOryError(b, status);
    case "scim":
      return Array.isArray(b.schemas) && b.schemas.includes("urn:ietf:params:scim:api:messages:2.0:Error");
    default:
      return isOryError(b, status) || (typeof b.id === "string" && typeof b.ui === "object");
  }
}

function isOryError(body: Record<string, unknown>, status: number): boolean {
  const error = body.error as Record<string, unknown> | undefined;
  return !!error && typeof error === "object" && error.code === status && typeof error.message === "string";
}

const describeRequest = (route: RouteDefinition, r: HostileRequest, url: string) =>
  `${r.method} ${route.path} → ${url.slice(server.url.length, server.url.length + 300)} body(${r.body.kind}, ${r.body.contentType}): ${(encodeBody(r.body) ?? "").slice(0, 300)}`;

async function send(route: RouteDefinition, r: HostileRequest): Promise<{ status: number; text: string; url: string }> {
  const url = urlOf(route, r);
  const payload = ["GET", "HEAD"].includes(r.method) ? undefined : encodeBody(r.body);
  const headers = { ...r.headers, ...(payload !== undefined && r.body.contentType ? { "content-type": r.body.contentType } : {}) };
  const response = await fetch(url, { method: r.method, headers, body: payload, redirect: "manual" });
  return { status: response.status, text: await response.text(), url };
}

// Deletions last, so the seeded resources live until every other route has had them.
const order = (route: RouteDefinition) => `${route.method === "DELETE" ? 1 : 0} ${route.path} ${route.method}`;
const routes = [...machineRoutes].sort((a, b) => order(a).localeCompare(order(b)));

describe(`the whole route table under hostile input (seed ${SEED})`, () => {
  it("covers every route", () => {
    expect(routes.length).toBeGreaterThan(100);
  });

  it("never answers 5xx, answers every 4xx in the family's shape, and refusals leave the database unchanged", async () => {
    const problems: string[] = [];
    let before = await changes.snapshot();
    for (const [index, route] of routes.entries()) {
      const started = Date.now();
      const samples = requestArbitraries(route).map((arbitrary, i) => fc.sample(arbitrary, { numRuns: 1, seed: SEED + index * 1000 + i })[0]!);
      for (const request of samples) {
        const { status, text, url } = await send(route, request);
        const after = await changes.snapshot();
        const what = describeRequest(route, request, url);
        if (status >= 500) problems.push(`${status}: ${what}`);
        else if (status >= 400) {
          let body: unknown;
          try {
            body = JSON.parse(text);
          } catch {
            body = undefined;
          }
          if (!hasFamilyShape(new URL(url).pathname, status, body)) problems.push(`${status} without the error shape (${text.slice(0, 200)}): ${what}`);
          // The database's refusal is a safety net (dispatch.ts); the boundary must have caught the input before.
          if (text.includes("SQLSTATE")) problems.push(`${status} refused by the database, not by the boundary (${text.slice(0, 200)}): ${what}`);
          const changed = changedTables(before, after);
          if (changed.length) problems.push(`${status} changed ${changed.join(", ")}: ${what}`);
        }
        before = after;
      }
      if (process.env.HOSTILE_DEBUG) console.log(`${Date.now() - started} ms ${route.method} ${route.path}`);
    }
    expect(problems.slice(0, 40), `${problems.length} problems (HOSTILE_SEED=${SEED})`).toEqual([]);
  }, 300_000);
});
