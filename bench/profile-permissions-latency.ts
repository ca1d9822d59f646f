/** Development aid: per-request latency at 1,000/s for whoami and depth-3 checks (the bench's own open-loop client),
 * with the server's event-loop delay (bench/eld-monitor.mjs) logged each second and SERVER_ARGS (e.g. --trace-gc) passed to it.
 *   ROUNDS=2 SECONDS=15 [DUMP=1] npx tsx bench/profile-permissions-latency.ts [whoami|d3] */
import { fork } from "node:child_process";
import { closeDatabase, initDatabase, migrate } from "@/lib/db";
import { setProjectOpl } from "@/lib/permissions/testing/project";
import { createTestProject } from "@/lib/testing/fixtures";
import { createBenchDatabase, freePort } from "./app-process";
import { benchOpl, checkPath, loadTuples } from "./permissions-data";
import { fixedRate } from "./fixed-rate";

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
async function run(label: string, next: () => string, rate: number, seconds: number) {
  const slow: { due: number; ms: number; fromWrite: number }[] = [];
  const result = await fixedRate({
    origin: `http://127.0.0.1:${port}`, nextPath: () => `/p/${project.slug}${next()}`, headers: { authorization: `Bearer ${project.apiKey}` },
    rate, durationSec: seconds, warmupSec: 3,
    onResult: (due, ms, fromWrite) => void (ms > 5 && slow.push({ due, ms, fromWrite })),
  });
  const buckets = new Map<number, number>();
  for (const s of slow) buckets.set(Math.floor(s.due * 10) / 10, (buckets.get(Math.floor(s.due * 10) / 10) ?? 0) + 1);
  // DUMP=1: every slow request as due-second:latency/from-write (ms); latency ≫ from-write means the client wrote it late.
  if (process.env.DUMP) console.log(slow.map((s) => `${s.due.toFixed(3)}:${s.ms.toFixed(1)}/${s.fromWrite.toFixed(1)}`).join(" "));
  console.log(`${label}: p50 ${result.p50Ms.toFixed(2)} p99 ${result.p99Ms.toFixed(2)}; client send lateness p99 ${result.sendLateP99Ms.toFixed(2)}; >5ms: ${slow.length} (${slow.filter((s) => s.fromWrite > 5).length} of them >5ms from write) in ${[...buckets].map(([t, n]) => `${t}s×${n}`).join(" ")}`);
}
const mode = process.argv[2] ?? "all";
if (process.env.CHECKPOINT) { const pg = (await import("pg")).default; const c = new pg.Client(database.url); await c.connect(); await c.query("CHECKPOINT"); await c.query("VACUUM ANALYZE relation_tuples"); await c.end(); console.log("checkpoint+vacuum done"); }
for (let r = 0; r < Number(process.env.ROUNDS ?? 2); r++) {
  if (mode !== "d3") await run("whoami @1000/s", () => "/admin/whoami", 1000, Number(process.env.SECONDS ?? 8));
  if (mode !== "whoami") await run("depth3 @1000/s", () => checkPath(3), 1000, Number(process.env.SECONDS ?? 8));
}
child.kill("SIGTERM");
await database.drop();
process.exit(0);
