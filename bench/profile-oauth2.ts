import { fork } from "node:child_process";
import { closeDatabase } from "@/lib/db";
import { createBenchDatabase, freePort } from "./app-process";
import { oauth2BenchFixture } from "./oauth2-fixture";
import { measure } from "./load";
import { cpuPerRequest, cpuSnapshot } from "./cpu-cost";

/** Development aid: CPU profile of the machine server under client_credentials load (`--cpu-prof` into .prof/). */
const database = await createBenchDatabase();
const { project, basicAuth: auth } = await oauth2BenchFixture(database.url);
await closeDatabase();
const port = await freePort();
const proc = fork("bench/oauth2-servers.ts", ["machine", String(port)], {
  execArgv: ["--import", "tsx", ...(process.env.CPU_PROF ? ["--cpu-prof", "--cpu-prof-dir=.prof"] : [])],
  env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "warn", DATABASE_URL: database.url },
  stdio: "inherit",
});
await new Promise((resolve) => proc.once("message", resolve));
const target = process.argv[2] ?? "token";
const url = `http://127.0.0.1:${port}/p/${project.slug}/oauth2/token`;
const headers = { "content-type": "application/x-www-form-urlencoded", authorization: auth };
const pid = proc.pid ?? 0;
let before = cpuSnapshot(pid);
if (target === "token") {
  await measure({ label: "warm", url, method: "POST", headers, body: "grant_type=client_credentials&scope=read", durationSec: 2, connections: 16 });
  before = cpuSnapshot(pid);
  report(await measure({ label: "token", url, method: "POST", headers, body: "grant_type=client_credentials&scope=read", durationSec: 8, connections: 16 }));
} else {
  const issued = (await (await fetch(url, { method: "POST", headers, body: "grant_type=client_credentials&scope=read" })).json()) as { access_token: string };
  await measure({ label: "warm", url: `http://127.0.0.1:${port}/p/${project.slug}/admin/oauth2/introspect`, method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Bearer ${project.apiKey}` }, body: `token=${issued.access_token}`, durationSec: 2, connections: 16 });
  before = cpuSnapshot(pid);
  report(await measure({ label: "introspect", url: `http://127.0.0.1:${port}/p/${project.slug}/admin/oauth2/introspect`, method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Bearer ${project.apiKey}` }, body: `token=${issued.access_token}`, durationSec: 8, connections: 16 }));
}
function report(result: { requestsPerSec: number; label: string; non2xx: number }) {
  const cost = cpuPerRequest(before, cpuSnapshot(pid), result.requestsPerSec * 8);
  console.log(JSON.stringify(result), `${result.label}: ${Math.round(result.requestsPerSec)}/s; CPU per request: node ${cost.node.toFixed(0)} µs (main thread ${cost.mainThread.toFixed(0)} µs), postgres ${cost.postgres.toFixed(0)} µs`);
}
proc.kill("SIGTERM");
await new Promise((resolve) => proc.once("exit", resolve));
await database.drop();
