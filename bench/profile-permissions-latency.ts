/** Development aid: per-request latency at 1,000/s for whoami and depth-3 checks, with the server's event-loop delay
 * (bench/eld-monitor.mjs) logged each second and SERVER_ARGS (e.g. --trace-gc) passed to it.
 *   ROUNDS=2 SECONDS=15 npx tsx bench/profile-permissions-latency.ts [whoami|d3] */
import { fork } from "node:child_process";
import http from "node:http";
import { closeDatabase, initDatabase, migrate } from "@/lib/db";
import { setProjectOpl } from "@/lib/permissions/testing/project";
import { createTestProject } from "@/lib/testing/fixtures";
import { createBenchDatabase, freePort } from "./app-process";
import { benchOpl, checkPath, loadTuples } from "./permissions-data";

const database = await createBenchDatabase();
await migrate(database.url);
await initDatabase({ url: database.url, pool: 2 });
const project = await createTestProject();
await setProjectOpl(project.projectId, project.slug, benchOpl);
await closeDatabase();
const load = await loadTuples(database.url, project.projectId);
console.log(`loaded ${load.tuples} in ${load.seconds.toFixed(1)} s`);
const port = await freePort();
const extra = (process.env.SERVER_ARGS ?? "").split(" ").filter(Boolean);
const child = fork("bench/permissions-server.ts", [String(port)], {
  execArgv: ["--import", "tsx", "--import", "./bench/eld-monitor.mjs", ...extra],
  env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: "warn", NODE_ENV: "production", DB_POOL_SIZE: "10", PERMISSION_CHECK_CACHE_SIZE: "0", ELD_LOG: "1" },
  stdio: "inherit",
});
await new Promise((resolve) => child.once("message", resolve));
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
async function run(label: string, next: () => string, rate: number, seconds: number) {
  const lat: { due: number; ms: number }[] = [];
  const start = performance.now() + 50;
  const total = rate * seconds;
  const inflight: Promise<void>[] = [];
  const late: number[] = [];
  const fromSend: number[] = [];
  const send = (due: number) => inflight.push(new Promise<void>((resolve) => {
    const sent = performance.now();
    late.push(sent - due);
      const req = http.request({ host: "127.0.0.1", port, path: `/p/${project.slug}${next()}`, headers: { authorization: `Bearer ${project.apiKey}` }, agent }, (res) => {
        res.resume();
        res.on("end", () => { lat.push({ due: (due - start) / 1000, ms: performance.now() - due }); fromSend.push(performance.now() - sent); resolve(); });
      });
      req.on("error", () => resolve());
      req.end();
    }));
  for (let i = 0; i < total; ) {
    const wait = start + (i * 1000) / rate - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const now = performance.now();
    for (let due = start + (i * 1000) / rate; i < total && due <= now; due = start + (++i * 1000) / rate) send(due);
  }
  await Promise.all(inflight);
  const sorted = lat.map((l) => l.ms).sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.floor(p * sorted.length)]!.toFixed(2);
  const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor(p * xs.length)]!.toFixed(2);
  console.log(`${label}: send lateness p50 ${pct(late, 0.5)} p99 ${pct(late, 0.99)}; latency from send p50 ${pct(fromSend, 0.5)} p99 ${pct(fromSend, 0.99)}`);
  const slow = lat.filter((l) => l.ms > 5);
  const buckets = new Map<number, number>();
  for (const s of slow) buckets.set(Math.floor(s.due * 10) / 10, (buckets.get(Math.floor(s.due * 10) / 10) ?? 0) + 1);
  console.log(`${label}: p50 ${q(0.5)} p99 ${q(0.99)} p99.9 ${q(0.999)} max ${sorted.at(-1)!.toFixed(1)}; >5ms: ${slow.length} in ${[...buckets].map(([t, n]) => `${t}s×${n}`).join(" ")}`);
}
const mode = process.argv[2] ?? "all";
if (process.env.CHECKPOINT) { const pg = (await import("pg")).default; const c = new pg.Client(database.url); await c.connect(); await c.query("CHECKPOINT"); await c.query("VACUUM ANALYZE relation_tuples"); await c.end(); console.log("checkpoint+vacuum done"); }
for (let r = 0; r < Number(process.env.ROUNDS ?? 2); r++) {
  if (mode !== "d3") await run("whoami @1000/s", () => "/admin/whoami", 1000, Number(process.env.SECONDS ?? 8));
  if (mode !== "whoami") await run("depth3 @1000/s", () => checkPath(3), 1000, Number(process.env.SECONDS ?? 8));
}
child.kill("SIGTERM");
agent.destroy();
await database.drop();
process.exit(0);
