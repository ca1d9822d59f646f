import os from "node:os";
import { pathToFileURL } from "node:url";
import { issueApiKey } from "@/lib/api-key-service";
import { closeDatabase, initDatabase, migrate, projectDb } from "@/lib/db";
import { createRule } from "@/lib/gateway";
import { signedInIdentity } from "@/lib/gateway/testing/fixtures";
import { createTestProject } from "@/lib/testing/fixtures";
import { createBenchDatabase, startPlainServer } from "./app-process";
import { machineApi } from "./gateway";
import { formatTable, measure, measureWithCpu, type LoadOptions, type LoadResult } from "./load";
import { machineLine, writeSection } from "./report";

type Target = LoadOptions & { pid: number };
const BATCH = 50;
const GATEWAY_HOST = "app.bench";

async function run(target: Target, durationSec: number, connections: number): Promise<LoadResult> {
  const { pid, ...load } = target;
  await measure({ ...load, durationSec: 2, connections }); // warm-up: JIT, the key cache, compiled rules
  return measureWithCpu({ ...load, durationSec, connections }, pid);
}

/**
 * Issue 19's figures, side by side in one run on the machine API alone (server.ts' fast path without Next):
 * `apiKeys:verify` (one key per request, and batchVerify with 50 keys per request), and the decisions API with an
 * `api_key` rule next to the same rule shape with a session token (`bearer_token`).
 */
export async function runApiKeysBench(durationSec = 6): Promise<LoadResult[]> {
  const database = await createBenchDatabase();
  const upstream = await startPlainServer();
  const stops: (() => void)[] = [upstream.stop];
  try {
    await migrate(database.url);
    await initDatabase({ url: database.url, pool: 2 });
    const project = await createTestProject();
    const db = await projectDb(project.projectId);
    const ctx = { project: { id: project.projectId, workspaceId: project.workspaceId }, db, now: new Date(), actor: { type: "system", id: "bench" } };
    const keys = [];
    for (let i = 0; i < BATCH; i++) keys.push((await issueApiKey(ctx, { name: `bench ${i}`, actor_id: `svc-${i}`, scopes: ["read"] })).secret);
    const { token } = await signedInIdentity(project.slug, "bench@example.com");
    const rule = (id: string, path: string, authenticator: Record<string, unknown>) => createRule(ctx, {
      id, match: { url: `<https?>://<[^/]+>/${path}/<.*>`, methods: ["GET"] }, upstream: { url: upstream.url },
      authenticators: [authenticator], authorizer: { handler: "allow" },
      mutators: [{ handler: "header", config: { headers: { "X-User-Id": "{{ print .Subject }}" } } }],
    });
    await rule("keyed", "keyed", { handler: "api_key", config: { required_scope: ["read"] } });
    await rule("session", "session", { handler: "bearer_token" });
    await closeDatabase();

    const api = await machineApi({ DATABASE_URL: database.url });
    stops.push(api.stop);
    const admin = { authorization: `Bearer ${project.apiKey}`, "content-type": "application/json" };
    const base = `${api.url}/p/${project.slug}`;
    const forwarded = { "x-forwarded-host": GATEWAY_HOST, "x-forwarded-proto": "https" };
    const targets: Target[] = [
      { label: "POST apiKeys:verify (1 key per request)", url: `${base}/v2alpha1/admin/apiKeys:verify`, method: "POST", body: JSON.stringify({ credential: keys[0] }), headers: admin, pid: api.pid },
      { label: `POST apiKeys:batchVerify (${BATCH} keys per request)`, url: `${base}/v2alpha1/admin/apiKeys:batchVerify`, method: "POST", body: JSON.stringify({ requests: keys.map((credential) => ({ credential })) }), headers: admin, pid: api.pid },
      { label: "decisions API, api_key rule (X-API-Key)", url: `${base}/decisions/keyed/x`, headers: { ...forwarded, "x-api-key": keys[1]! }, pid: api.pid },
      { label: "decisions API, bearer_token rule (session token)", url: `${base}/decisions/session/x`, headers: { ...forwarded, authorization: `Bearer ${token}` }, pid: api.pid },
    ];
    const results: LoadResult[] = [];
    for (const target of targets) {
      const result = await run(target, durationSec, 32);
      if (result.non2xx) throw new Error(`${target.label}: ${result.non2xx} non-2xx answers`);
      results.push(result);
    }
    report(results);
    return results;
  } finally {
    for (const stop of stops.reverse()) stop();
    await database.drop();
  }
}

function report([single, batch, keyed, session]: LoadResult[]): void {
  const n = (value: number) => Math.round(value).toLocaleString("en");
  const us = (value: number | undefined) => (value === undefined ? "?" : String(Math.round(value)));
  const unmet = [
    ...(single!.requestsPerSec < 20_000 ? [`apiKeys:verify with one key per request${batch!.requestsPerSec * BATCH >= 20_000 ? " (batchVerify meets it)" : ""}`] : []),
    ...(keyed!.requestsPerSec < 10_000 ? ["decisions with an api_key rule"] : []),
  ];
  const body = [
    `${machineLine()} Load average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")} (other helpers' builds and tests share the machine).`,
    "The machine API alone (server.ts' fast path, no Next) on PostgreSQL; wrk with 32 connections and the server share the 2 cores with other work on this machine (other helpers' tests), so rates vary between runs — compare the server CPU per request. Keys are verified from the process cache (5 s TTL); usage counters are written once a second.",
    "",
    formatTable([single!, batch!, keyed!, session!]),
    "",
    `- apiKeys:verify, one key per request: **${n(single!.requestsPerSec)} verifications/s**; batchVerify: **${n(batch!.requestsPerSec * BATCH)} verifications/s** (target ≥ 20,000/s)`,
    `- decisions with an api_key rule: **${n(keyed!.requestsPerSec)} req/s** (target ≥ 10,000/s), beside ${n(session!.requestsPerSec)} req/s with a session token`,
    `- ${unmet.length ? `not met on this shared machine: ${unmet.join("; ")}` : "both targets met"} (a decision with an api_key rule costs about what one with a session token does, CPU below: the decisions API's own per-request cost is the bound)`,
    `- server CPU per request: verify ${us(single!.serverCpuUs)} µs, batchVerify ${((batch!.serverCpuUs ?? 0) / BATCH).toFixed(1)} µs per key, decision with api_key ${us(keyed!.serverCpuUs)} µs vs ${us(session!.serverCpuUs)} µs with a session — one free core would serve ≈ 1,000,000 / these per second`,
  ].join("\n");
  writeSection("API keys", body);
  console.log(body);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await runApiKeysBench();
  process.exit(0);
}
