import assert from "node:assert/strict";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { APIResponse, Page } from "playwright-core";
import type { SpecContext } from "../support/types";
import { createProjectViaUi, ensureSignedIn } from "../support/owner";

export const name = "security headers: every hosted page, every console page, one route of every API family; CSP nonces; frame-ancestors";

const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

/** Every page route of the app (each page.tsx under app/), with its dynamic segments filled in. */
function pageRoutes(fill: Record<string, string>): string[] {
  const root = path.resolve(import.meta.dirname, "../../app");
  const found: string[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full, /^\(.*\)$/.test(entry) || entry.startsWith("_") ? segments : [...segments, entry]);
      else if (entry === "page.tsx") found.push("/" + segments.map((s) => (/^\[.+\]$/.test(s) ? (fill[s.slice(1, -1)] ?? UNKNOWN_ID) : s)).join("/"));
    }
  };
  walk(root, []);
  return found.sort();
}

/** Every answer: nosniff, anti-framing, no HSTS over http; documents and redirects also Referrer- and Permissions-Policy. */
function assertCommon(response: APIResponse, what: string): Record<string, string> {
  const headers = response.headers();
  assert.equal(headers["x-content-type-options"], "nosniff", `${what}: nosniff`);
  assert.match(headers["content-security-policy"] ?? "", /frame-ancestors /, `${what}: CSP frame-ancestors`);
  assert.equal(headers["strict-transport-security"], undefined, `${what}: no HSTS over http`);
  const document = (response.status() >= 300 && response.status() < 400) || (headers["content-type"] ?? "").startsWith("text/html");
  if (document) {
    assert.equal(headers["referrer-policy"], "no-referrer", `${what}: Referrer-Policy`);
    assert.match(headers["permissions-policy"] ?? "", /camera=\(\)/, `${what}: Permissions-Policy`);
  }
  return headers;
}

function assertPage(response: APIResponse, what: string): string {
  const headers = assertCommon(response, what);
  const csp = headers["content-security-policy"];
  assert.match(csp, /script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/, `${what}: nonce CSP (${csp})`);
  assert.match(csp, /frame-ancestors 'none'/, `${what}: not frameable`);
  assert.equal(headers["x-frame-options"], "DENY", `${what}: X-Frame-Options`);
  return csp;
}

/** Loads a page in Chromium and fails on any CSP violation the browser reports (blocked inline script, …). */
async function loadsWithoutViolations(page: Page, url: string): Promise<void> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text())) violations.push(message.text());
  });
  await page.goto(url, { waitUntil: "networkidle" });
  assert.deepEqual(violations, [], `CSP violations on ${url}`);
  // Hydrated: React attached its root (Next's client runtime ran under the nonce CSP).
  assert.ok(await page.evaluate(() => "__next_f" in window), `Next's client runtime ran on ${url}`);
}

export async function run({ browser, baseUrl, log }: SpecContext): Promise<void> {
  const context = await browser.newContext({ locale: "en-US" });
  try {
    const page = await context.newPage();
    await ensureSignedIn(page, baseUrl);
    const project = await createProjectViaUi(page, baseUrl, "Header check", "dev");
    const workspaceId = (await page.getByRole("link", { name: /workspace/i }).first().getAttribute("href"))?.split("/").pop() ?? UNKNOWN_ID;
    const request = context.request;

    const routes = pageRoutes({ project: project.slug, projectId: project.id, workspaceId });
    const nonces = new Set<string>();
    for (const route of routes) {
      const response = await request.get(`${baseUrl}${route}`, { maxRedirects: 0 });
      const csp = assertPage(response, `${route} (${response.status()})`);
      nonces.add(/'nonce-([^']+)'/.exec(csp)![1]);
    }
    assert.equal(nonces.size, routes.length, "a fresh nonce per answer");
    log(`${routes.length} page routes carry the page headers`);

    const api = [
      `/p/${project.slug}/health/alive`,
      `/p/${project.slug}/.well-known/openid-configuration`,
      `/p/${project.slug}/.well-known/jwks.json`,
      `/p/${project.slug}/sessions/whoami`,
      `/p/${project.slug}/self-service/login/api`,
      `/p/${project.slug}/admin/identities`,
      `/p/${project.slug}/relation-tuples`,
      `/p/${project.slug}/oauth2/auth`,
      `/p/${project.slug}/userinfo`,
      `/p/${project.slug}/rules`,
      `/p/${project.slug}/decisions/x`,
      `/p/${project.slug}/schemas`,
      `/api/console/projects`,
      `/p/${project.slug}/no-such-api`,
    ];
    for (const route of api) {
      const response = await request.get(`${baseUrl}${route}`, { maxRedirects: 0, headers: { accept: "application/json" } });
      const headers = assertCommon(response, `${route} (${response.status()})`);
      assert.equal(headers["x-frame-options"], "DENY", `${route}: X-Frame-Options`);
    }
    const token = await request.post(`${baseUrl}/p/${project.slug}/oauth2/token`, { form: { grant_type: "client_credentials" } });
    assertCommon(token, "POST /oauth2/token");
    log(`${api.length + 1} API routes carry the API headers`);

    // A strict CSP must not break the pages: hosted login, console, hydrated and without violations.
    await loadsWithoutViolations(page, `${baseUrl}/console/projects/${project.id}`);
    await loadsWithoutViolations(page, `${baseUrl}/p/${project.slug}/ui/login`);

    // Framing: a project lists the origins allowed to frame its hosted pages (serialised origins only).
    const patch = (value: unknown) =>
      request.patch(`${baseUrl}/api/console/projects/${project.id}`, {
        headers: { origin: baseUrl, "content-type": "application/json" },
        data: [{ op: "add", path: "/services/account_experience", value: { config: { frame_ancestors: value } } }],
      });
    assert.equal((await patch(["https://app.example.test/path"])).status(), 400, "an origin with a path is refused");
    const saved = await patch(["https://app.example.test", "http://localhost:5173"]);
    assert.equal(saved.status(), 200, await saved.text());
    const framed = (await request.get(`${baseUrl}/p/${project.slug}/ui/login`, { maxRedirects: 0 })).headers();
    assert.match(framed["content-security-policy"], /frame-ancestors https:\/\/app\.example\.test http:\/\/localhost:5173(;|$)/);
    assert.equal(framed["x-frame-options"], undefined, "no X-Frame-Options when origins may frame the page");
    const console = (await request.get(`${baseUrl}/console/projects/${project.id}`, { maxRedirects: 0 })).headers();
    assert.match(console["content-security-policy"], /frame-ancestors 'none'/, "the console is never frameable");
  } finally {
    await context.close();
  }
}
