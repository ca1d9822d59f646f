import { execFile } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import pg from "pg";
import { closeDatabase, initDatabase, migrate, projectDb } from "@/lib/db";
import { createRule } from "@/lib/gateway";
import { signedInIdentity } from "@/lib/gateway/testing/fixtures";
import { dispatch, toApiRequest, writeApiResponse, type ApiRequest } from "@/lib/http";
import { createTestProject } from "@/lib/testing/fixtures";
import { createBenchDatabase } from "./app-process";

/**
 * CPU per request of a cached-session decision, in this process (the machine is shared, so wall-clock
 * rates mislead; CPU time per request does not): `process.cpuUsage()` over N dispatches of an in-memory
 * request (the handler path alone), then over HTTP with wrk in its own process (adds Node's HTTP cost).
 * `npx tsx bench/gateway-cpu.ts [N]`; `--cpu-prof` on node for a profile.
 */
function fakeRequest(path: string, headers: Record<string, string>): ApiRequest {
  const url = new URL(`http://portcullis.local${path}`);
  return { method: "GET", path: url.pathname, url, query: url.searchParams, rawQuery: url.search.slice(1), ip: "127.0.0.1", locals: {}, header: (n) => headers[n], body: async () => Buffer.alloc(0) };
}

async function cpuPerRequest(n: number, once: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < Math.min(10_000, n); i++) await once(); // warm-up: JIT, caches
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) await once();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / n;
}

const viaDispatch: http.RequestListener = (req, res) => {
  dispatch(toApiRequest(req)).then((response) => writeApiResponse(res, response ?? { status: 404 }), () => { res.statusCode = 500; res.end(); });
};
const plain: http.RequestListener = (_req, res) => {
  res.writeHead(200, { "content-type": "application/json" });
  res.end('{"status":"ok"}');
};

async function overHttp(path: string, headers: Record<string, string>, seconds: number, listener = viaDispatch): Promise<{ usPerReq: number; requests: number }> {
  const server = http.createServer(listener);
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
  const args = ["-t", "1", "-c", "16", "-d", `${seconds}s`, ...Object.entries(headers).flatMap(([k, v]) => ["-H", `${k}: ${v}`]), url];
  await promisify(execFile)("/usr/bin/wrk", [...args.slice(0, 4), "-d", "1s", ...args.slice(6)]);
  if (process.env.GATEWAY_CPU_SHOW) console.log((await promisify(execFile)("curl", ["-si", ...Object.entries(headers).flatMap(([k, v]) => ["-H", `${k}: ${v}`]), url])).stdout);
  const queries = countQueries();
  const start = process.cpuUsage();
  const { stdout } = await promisify(execFile)("/usr/bin/wrk", args);
  const used = process.cpuUsage(start);
  server.closeAllConnections();
  server.close();
  const requests = Number(/(\d+) requests in/.exec(stdout)?.[1] ?? 0);
  console.log(`  (${queries.count} database queries during the run; user ${(used.user / requests).toFixed(1)} µs/req, system ${(used.system / requests).toFixed(1)} µs/req)`);
  return { usPerReq: (used.user + used.system) / requests, requests };
}

/** Counts queries sent through node-postgres (the Prisma adapter's driver). */
function countQueries(): { count: number } {
  const counter = { count: 0 };
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    counter.count++;
    if (process.env.GATEWAY_CPU_SQL) console.log(String((args[0] as { text?: string })?.text ?? args[0]).slice(0, 160));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  return counter;
}

export async function runGatewayCpu(n = 20_000): Promise<void> {
  const database = await createBenchDatabase();
  try {
    await migrate(database.url);
    await initDatabase({ url: database.url, pool: 2 });
    const project = await createTestProject();
    const { token } = await signedInIdentity(project.slug, "cpu@example.com");
    const db = await projectDb(project.projectId);
    const ctx = { project: { id: project.projectId, workspaceId: project.workspaceId }, db, actor: { type: "system", id: "bench" } };
    await createRule(ctx, {
      id: "bench",
      match: { url: "<https?>://<[^/]+>/api/<.*>", methods: ["GET"] },
      upstream: { url: "http://127.0.0.1:1", strip_path: "/api" },
      authenticators: [{ handler: "bearer_token" }],
      authorizer: { handler: "allow" },
      mutators: [{ handler: "header", config: { headers: { "X-User-Id": "{{ print .Subject }}" } } }],
    });
    const headers = { authorization: `Bearer ${token}`, "x-forwarded-host": "app.bench", "x-forwarded-proto": "https", host: "portcullis.local" };
    let i = 0;
    const path = `/p/${project.slug}/decisions/api/x`;
    const probe = await dispatch(fakeRequest(path, headers));
    if (probe?.status !== 200) throw new Error(`decision answered ${probe?.status}: ${String(probe?.body)}`);
    const line = (label: string, us: number, extra = "") => console.log(`${label.padEnd(44)} ${us.toFixed(1).padStart(6)} µs/req${extra}`);
    const mode = process.env.GATEWAY_CPU ?? "all"; // all | inprocess | http
    if (mode !== "http") {
      // Distinct paths defeat the match memo, as real traffic does; the same path shows the memoised best case.
      line("decisions in-process, same path (first)", await cpuPerRequest(n, () => dispatch(fakeRequest(path, headers))));
      line("decisions in-process, distinct paths", await cpuPerRequest(n, () => dispatch(fakeRequest(`${path}/${i++ % 10_000}`, headers))));
      line("decisions in-process, same path", await cpuPerRequest(n, () => dispatch(fakeRequest(path, headers))));
      line("decisions in-process, 16 concurrent", await cpuPerRequest(n / 16, () => Promise.all(Array.from({ length: 16 }, () => dispatch(fakeRequest(path, headers))))) / 16);
      line("project health in-process (floor)", await cpuPerRequest(n, () => dispatch(fakeRequest(`/p/${project.slug}/health/alive`, headers))));
      const queries = countQueries();
      await cpuPerRequest(1000, () => dispatch(fakeRequest(path, headers)));
      console.log(`database queries per cached decision: ${queries.count / 2000}`);
    }
    if (mode !== "inprocess") {
      const show = (label: string, r: { usPerReq: number; requests: number }) => line(label, r.usPerReq, ` (${r.requests} requests)`);
      if (!process.env.GATEWAY_CPU_DECISIONS_ONLY) {
        show("plain node:http over HTTP (floor)", await overHttp(path, headers, 4, plain));
        show("project health over HTTP", await overHttp(`/p/${project.slug}/health/alive`, headers, 4));
      }
      show("decisions over HTTP (server CPU)", await overHttp(path, headers, 4));
    }
  } finally {
    await closeDatabase();
    await database.drop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await runGatewayCpu(Number(process.argv[2] ?? 20_000));
  process.exit(0);
}
