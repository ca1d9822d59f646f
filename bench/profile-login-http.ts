import { fork } from "node:child_process";
import { closeDatabase, initDatabase, migrate } from "@/lib/db";
import { createIdentity } from "@/lib/identity";
import { systemContext } from "@/lib/identity/test-context";
import { createTestProject } from "@/lib/testing/fixtures";
import { createBenchDatabase, freePort } from "./app-process";
import { jsonClient, nativePasswordLogin } from "./http-json";
import { processCpuSeconds, postgresCpuSeconds } from "./cpu-cost";

/**
 * Development aid: server CPU per native API login (flow + submit) over HTTP, with the server under
 * `--cpu-prof` when CPU_PROF=1 (profiles in .prof/).   npx tsx bench/profile-login-http.ts [logins] [concurrency]
 * LIGHT_HASH=1 hashes with argon2id at its floor (8 MiB, 1 iteration): argon2 then costs a few ms instead of ~30,
 * so the figure is mostly the per-login overhead and much less noisy on a shared machine.
 */
const PASSWORD = "bench-Password-7f3!";
const n = Number(process.argv[2] ?? 200);
const concurrency = Number(process.argv[3] ?? 8);
const database = await createBenchDatabase();
await migrate(database.url);
await initDatabase({ url: database.url, pool: 10 });
const unlimited = { limit: 1_000_000, window_seconds: 60 };
const hashers = process.env.LIGHT_HASH ? { hashers: { argon2: { memory: "8MB", iterations: 1, parallelism: 1 } } } : {};
const project = await createTestProject({ services: { identity: { config: { rate_limits: { "login:ip": unlimited, "login:identifier": unlimited }, ...hashers } } } });
const ctx = await systemContext(project.slug);
for (let i = 0; i < 8; i++) {
  await createIdentity(ctx, { schema_id: "preset://email", traits: { email: `bench${i}@example.com` }, credentials: { password: { config: { password: PASSWORD } } } });
}
const port = await freePort();
const execArgv = ["--import", "tsx", ...(process.env.CPU_PROF ? ["--cpu-prof", "--cpu-prof-dir=.prof"] : [])];
const child = fork("bench/permissions-server.ts", [String(port)], { execArgv, env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: "warn", NODE_ENV: "production", DB_POOL_SIZE: "10" }, stdio: "inherit" });
await new Promise((resolve) => child.once("message", resolve));
const base = `http://127.0.0.1:${port}/p/${project.slug}`;
const client = jsonClient();
async function login(identifier: string): Promise<void> {
  if (!(await nativePasswordLogin(client, base, identifier, PASSWORD))) throw new Error(`login of ${identifier} failed`);
}
for (let i = 0; i < 10; i++) await login(`bench${i % 8}@example.com`);
const dbName = new URL(database.url).pathname.slice(1);
const cpu0 = processCpuSeconds(child.pid!);
const pg0 = postgresCpuSeconds(dbName);
const clientCpu0 = process.cpuUsage();
const t0 = performance.now();
let next = 0;
await Promise.all(Array.from({ length: concurrency }, async () => { while (next < n) await login(`bench${next++ % 8}@example.com`); }));
const seconds = (performance.now() - t0) / 1000;
const node = (processCpuSeconds(child.pid!) - cpu0) * 1000 / n;
const pg = (postgresCpuSeconds(dbName) - pg0) * 1000 / n;
const clientCpu = process.cpuUsage(clientCpu0);
const clientMs = (clientCpu.user + clientCpu.system) / 1000 / n;
console.log(`${(n / seconds).toFixed(1)} logins/s; server CPU ${node.toFixed(1)} ms + PostgreSQL ${pg.toFixed(1)} ms per login (client ${clientMs.toFixed(1)} ms)`);
client.close();
child.kill("SIGTERM");
await new Promise((resolve) => child.once("exit", resolve));
await closeDatabase();
await database.drop();
process.exit(0);
