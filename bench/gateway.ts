import { fork, type ChildProcess } from "node:child_process";
import http from "node:http";
import { pathToFileURL } from "node:url";
import { closeDatabase, initDatabase, migrate, projectDb } from "@/lib/db";
import { createRule } from "@/lib/gateway";
import { signedInIdentity } from "@/lib/gateway/testing/fixtures";
import { createTestProject } from "@/lib/testing/fixtures";
import { createBenchDatabase, freePort, startApp, startNextOnly, startPlainServer } from "./app-process";
import { formatTable, measure, measureWithCpu, type LoadOptions, type LoadResult } from "./load";
import { machineLine, writeSection } from "./report";

/** The machine API and gateway fast path alone (server.ts without Next), when the Next app cannot be built. */
export async function machineApi(env: Record<string, string>): Promise<{ url: string; pid: number; stop: () => void }> {
  const port = await freePort();
  const child: ChildProcess = fork("bench/permissions-server.ts", [String(port)], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "warn", ...env },
    stdio: "inherit",
  });
  await new Promise((resolve, reject) => { child.once("message", resolve); child.once("exit", reject); });
  return { url: `http://127.0.0.1:${port}`, pid: child.pid ?? 0, stop: () => child.kill("SIGTERM") };
}

type Target = LoadOptions & { pid: number };

async function run(target: Target, durationSec: number, connections: number): Promise<LoadResult> {
  const { pid, ...load } = target;
  await measure({ ...load, durationSec: 2, connections }); // warm-up: JIT, caches (sessions, rules, matches)
  return measureWithCpu({ ...load, durationSec, connections }, pid);
}

const GATEWAY_HOST = "app.bench";

/**
 * node:http rather than fetch, which may not set Host. (`Host` capitalised: wrk adds its own `Host` unless given
 * exactly that name, and a second Host header sends the request elsewhere.)
 */
const statusOf = (url: string, headers: Record<string, string>) =>
  new Promise<number>((resolve, reject) => http.get(url, { headers }, (res) => (res.resume(), resolve(res.statusCode ?? 0))).on("error", reject));

/**
 * Issue 6's figures, in one run: the upstream served directly, the decisions API (what nginx auth_request /
 * Traefik ForwardAuth / Envoy ext_authz call), the forwarding path on server.ts' fast path (a GATEWAY_HOSTS host,
 * proxied with node:http) and the middleware path (proxy.ts under `next start` → rewrite → upstream), each with a
 * cached session token. Throughput at 32 connections with the serving process' CPU per request; added latency
 * at 1 connection.
 */
export async function runGatewayBench(durationSec = 6): Promise<LoadResult[]> {
  const database = await createBenchDatabase();
  const upstream = await startPlainServer();
  const stops: (() => void)[] = [upstream.stop];
  try {
    await migrate(database.url);
    await initDatabase({ url: database.url, pool: 2 });
    const project = await createTestProject();
    const { token } = await signedInIdentity(project.slug, "bench@example.com");
    const db = await projectDb(project.projectId);
    const ctx = { project: { id: project.projectId, workspaceId: project.workspaceId }, db, actor: { type: "system", id: "bench" } };
    await createRule(ctx, {
      id: "bench",
      match: { url: "<https?>://<[^/]+>/api/<.*>", methods: ["GET"] },
      upstream: { url: upstream.url, strip_path: "/api" },
      authenticators: [{ handler: "bearer_token" }],
      authorizer: { handler: "allow" },
      mutators: [{ handler: "header", config: { headers: { "X-User-Id": "{{ print .Subject }}" } } }],
    });
    await closeDatabase();

    // WORKERS=0: the app in one process, so the CPU measured by pid is all of it.
    const env = { DATABASE_URL: database.url, GATEWAY_HOSTS: `${GATEWAY_HOST}=${project.slug}`, WORKERS: "0" };
    let app: { url: string; pid: number; stop: () => void } | undefined;
    let nextOnly: { url: string; pid: number; stop: () => void } | undefined;
    let appError: string | undefined;
    try {
      app = await startApp(env);
      stops.push(app.stop);
      nextOnly = await startNextOnly(env, `/p/${project.slug}/health/alive`);
      stops.push(nextOnly.stop);
    } catch (error) {
      appError = (error as Error).message;
    }
    const api = app ?? (await machineApi(env));
    if (!app) stops.push(api.stop);

    const auth = { authorization: `Bearer ${token}` };
    const targets: Target[] = [
      { label: "upstream served directly", url: `${upstream.url}/x`, pid: upstream.pid },
      { label: "decisions API (cached session)", url: `${api.url}/p/${project.slug}/decisions/api/x`, headers: { ...auth, "x-forwarded-host": GATEWAY_HOST, "x-forwarded-proto": "https" }, pid: api.pid },
      { label: "server.ts fast path: GATEWAY_HOSTS → upstream (cached session)", url: `${api.url}/api/x`, headers: { ...auth, Host: GATEWAY_HOST }, pid: api.pid },
      ...(nextOnly ? [{ label: "middleware path: next start, proxy.ts → upstream (cached session)", url: `${nextOnly.url}/p/${project.slug}/gateway/api/x`, headers: auth, pid: nextOnly.pid }] : []),
    ];
    for (const target of targets.slice(1)) {
      const status = await statusOf(target.url, target.headers ?? {});
      if (status !== 200) throw new Error(`${target.label} answered ${status}`);
    }
    const throughput: LoadResult[] = [];
    const latency: LoadResult[] = [];
    for (const target of targets) throughput.push(await run({ ...target, label: `${target.label}, 32 connections` }, durationSec, 32));
    for (const target of targets) latency.push(await run({ ...target, label: `${target.label}, 1 connection` }, durationSec, 1));
    report(throughput, latency, appError);
    return [...throughput, ...latency];
  } finally {
    for (const stop of stops.reverse()) stop();
    await database.drop();
  }
}

function report(throughput: LoadResult[], latency: LoadResult[], appError?: string): void {
  const [direct, ...paths] = latency;
  const added = paths.map((r) => `- ${r.label.replace(/, 1 connection$/, "")}: p50 ${r.p50Ms.toFixed(2)} ms vs ${direct.p50Ms.toFixed(2)} ms direct → **added p50 ${(r.p50Ms - direct.p50Ms).toFixed(2)} ms**, p99 ${(r.p99Ms - direct.p99Ms).toFixed(2)} ms`);
  const decisions = throughput[1];
  const body = [
    machineLine(),
    "Servers, upstream and load generator share the machine's cores; PostgreSQL; one session token, cached after the first request (rules compiled and cached per project). Server CPU µs/request is the serving process alone (proxies: without the upstream's own CPU), the figure to compare on a shared machine.",
    "",
    formatTable([...throughput, ...latency]),
    "",
    `- decisions API: **${Math.round(decisions.requestsPerSec).toLocaleString("en")} req/s** (target ≥ 5,000)`,
    ...added,
    ...(appError ? [`- server.ts with Next / next start not measured: the Next app did not start (${appError}); decisions API and fast path measured on the machine API alone.`] : []),
  ].join("\n");
  writeSection("Gateway", body);
  console.log(body);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await runGatewayBench();
  process.exit(0);
}
