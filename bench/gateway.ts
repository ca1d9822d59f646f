import { fork, type ChildProcess } from "node:child_process";
import { pathToFileURL } from "node:url";
import { closeDatabase, initDatabase, migrate, projectDb } from "@/lib/db";
import { createRule } from "@/lib/gateway";
import { signedInIdentity } from "@/lib/gateway/testing/fixtures";
import { createTestProject } from "@/lib/testing/fixtures";
import { createBenchDatabase, freePort, startApp, startPlainServer } from "./app-process";
import { formatTable, measure, type LoadOptions, type LoadResult } from "./load";
import { machineLine, writeSection } from "./report";

/** The machine API alone (server.ts's fast path without Next), when the Next app cannot be built. */
async function machineApi(env: Record<string, string>): Promise<{ url: string; stop: () => void }> {
  const port = await freePort();
  const child: ChildProcess = fork("bench/permissions-server.ts", [String(port)], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "warn", ...env },
    stdio: "inherit",
  });
  await new Promise((resolve, reject) => { child.once("message", resolve); child.once("exit", reject); });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill("SIGTERM") };
}

async function run(target: LoadOptions, durationSec: number, connections: number): Promise<LoadResult> {
  await measure({ ...target, durationSec: 2, connections }); // warm-up: JIT, caches (sessions, rules, matches)
  return measure({ ...target, durationSec, connections });
}

/**
 * Issue 6's figures, in one run: the upstream served directly, the decisions API (what nginx auth_request /
 * Traefik ForwardAuth / Envoy ext_authz call) and the middleware path (proxy.ts → rewrite → upstream),
 * each with a cached session token. Throughput at 32 connections; added latency at 1 connection.
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

    let app: { url: string; stop: () => void } | undefined;
    let appError: string | undefined;
    try {
      app = await startApp({ DATABASE_URL: database.url });
      stops.push(app.stop);
    } catch (error) {
      appError = (error as Error).message;
    }
    const api = app ?? (await machineApi({ DATABASE_URL: database.url }));
    if (!app) stops.push(api.stop);

    const auth = { authorization: `Bearer ${token}` };
    const targets: LoadOptions[] = [
      { label: "upstream served directly", url: `${upstream.url}/x` },
      { label: "decisions API (cached session)", url: `${api.url}/p/${project.slug}/decisions/api/x`, headers: { ...auth, "x-forwarded-host": "app.bench", "x-forwarded-proto": "https" } },
      ...(app ? [{ label: "middleware path: proxy.ts → upstream (cached session)", url: `${app.url}/p/${project.slug}/gateway/api/x`, headers: auth }] : []),
    ];
    const check = await fetch(targets[1].url, { headers: targets[1].headers });
    if (check.status !== 200 || !check.headers.get("x-user-id")) throw new Error(`decisions API answered ${check.status}`);
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
    "Server, upstream and load generator share the machine's 2 cores; PostgreSQL; one session token, cached after the first request (rules compiled and cached per project).",
    "",
    formatTable([...throughput, ...latency]),
    "",
    `- decisions API: **${Math.round(decisions.requestsPerSec).toLocaleString("en")} req/s** (target ≥ 5,000)`,
    ...added,
    ...(appError ? [`- middleware path not measured: the Next app did not start (${appError}); decisions API measured on the machine API alone.`] : []),
  ].join("\n");
  writeSection("Gateway", body);
  console.log(body);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await runGatewayBench();
  process.exit(0);
}
