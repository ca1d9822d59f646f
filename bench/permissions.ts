import { execFile, fork } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import autocannon from "autocannon";
import { closeDatabase, initDatabase, migrate } from "@/lib/db";
import { setProjectOpl } from "@/lib/permissions/testing/project";
import { createTestProject, type TestProject } from "@/lib/testing/fixtures";
import { createBenchDatabase, freePort } from "./app-process";
import { fixedRate } from "./fixed-rate";
import { machineLine, writeSection } from "./report";
import { benchOpl, checkPath, loadTuples, randomTupleBody } from "./permissions-data";

const exec = promisify(execFile);

export interface PermissionsBenchOptions {
  durationSec?: number;
  /** Write BENCHMARKS.md (default true). */
  report?: boolean;
}

export interface Figure {
  label: string;
  perSec: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  /** CPU time of the server process per request (user + system), when measured. */
  serverCpuUs?: number;
}

export interface PermissionsBenchResult {
  loadAverage: string;
  tuples: number;
  loadSeconds: number;
  figures: Figure[];
}

interface Server {
  url: string;
  pid: number;
  stop(): void;
}

/** CPU seconds a process has used (Linux /proc; NaN elsewhere): the machine is shared, CPU per request is not. */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** Runs a load against the server and adds its CPU per request to the figure. */
async function withServerCpu(server: Server, load: () => Promise<Figure & { requests: number }>): Promise<Figure> {
  const before = cpuSeconds(server.pid);
  const { requests, ...figure } = await load();
  const used = cpuSeconds(server.pid) - before;
  return { ...figure, serverCpuUs: requests > 0 ? (used * 1e6) / requests : NaN };
}

async function startServer(databaseUrl: string, env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const child = fork("bench/permissions-server.ts", [String(port)], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "warn", NODE_ENV: "production", DB_POOL_SIZE: "10", ...env },
    stdio: "inherit",
  });
  await new Promise((resolve, reject) => { child.once("message", resolve); child.once("exit", reject); });
  return { url: `http://127.0.0.1:${port}`, pid: child.pid ?? 0, stop: () => child.kill("SIGTERM") };
}

/** Max throughput with wrk (C, one thread) replaying a file of random question paths. */
async function wrkPaths(label: string, server: Server, project: TestProject, paths: string[], durationSec: number): Promise<Figure> {
  return withServerCpu(server, () => wrkRun(label, server, project, paths, durationSec));
}

async function wrkRun(label: string, server: Server, project: TestProject, paths: string[], durationSec: number): Promise<Figure & { requests: number }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "pc-bench-"));
  const file = path.join(dir, "paths.txt");
  writeFileSync(file, paths.map((p) => `/p/${project.slug}${p}`).join("\n"));
  const script = path.join(dir, "paths.lua");
  writeFileSync(script, `local paths = {}
for line in io.lines("${file}") do paths[#paths + 1] = line end
local i = 0
request = function()
  i = i + 1
  if i > #paths then i = 1 end
  return wrk.format("GET", paths[i])
end`);
  const args = ["-t", "1", "-c", "16", "-d", `${durationSec}s`, "--latency", "-s", script, "-H", `Authorization: Bearer ${project.apiKey}`, server.url];
  const { stdout } = await exec("/usr/bin/wrk", args, { maxBuffer: 1 << 20 });
  const ms = (p: string) => {
    const m = new RegExp(`${p}\\s+([\\d.]+)(us|ms|s)`).exec(stdout);
    return m ? Number(m[1]) * (m[2] === "us" ? 0.001 : m[2] === "s" ? 1000 : 1) : NaN;
  };
  return {
    label,
    perSec: Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1] ?? 0),
    p50Ms: ms("50%"),
    p99Ms: ms("99%"),
    errors: Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(stdout)?.[1] ?? 0),
    requests: Number(/(\d+) requests in/.exec(stdout)?.[1] ?? 0),
  };
}

/** A steady offered load (bench/fixed-rate.ts, open loop): latency at a given request rate. */
async function atRate(label: string, server: Server, project: TestProject, next: () => string, rate: number, durationSec: number): Promise<Figure> {
  return withServerCpu(server, async () => {
    const result = await fixedRate({ origin: server.url, nextPath: () => `/p/${project.slug}${next()}`, headers: { authorization: `Bearer ${project.apiKey}` }, rate, durationSec, warmupSec: 5 });
    console.log(`${label}: the client wrote 99% of requests within ${result.sendLateP99Ms.toFixed(2)} ms of their due time`);
    return { label, ...result };
  });
}

async function writes(label: string, server: Server, project: TestProject, method: "PUT" | "PATCH", batch: number, durationSec: number): Promise<Figure> {
  return withServerCpu(server, () => writeRun(label, server.url, project, method, batch, durationSec));
}

async function writeRun(label: string, url: string, project: TestProject, method: "PUT" | "PATCH", batch: number, durationSec: number): Promise<Figure & { requests: number }> {
  const body = () => method === "PUT" ? randomTupleBody() : JSON.stringify(Array.from({ length: batch }, () => ({ action: "insert", relation_tuple: JSON.parse(randomTupleBody()) })));
  const result = await autocannon({
    url: `${url}/p/${project.slug}/admin/relation-tuples`,
    connections: method === "PUT" ? 16 : 4,
    duration: durationSec,
    headers: { authorization: `Bearer ${project.apiKey}`, "content-type": "application/json" },
    requests: [{ method, setupRequest: (req) => ({ ...req, body: body() }) }],
  });
  return { label, perSec: result.requests.average * batch, p50Ms: result.latency.p50, p99Ms: result.latency.p99, errors: result.non2xx + result.errors, requests: result.requests.total };
}

/** Node CPU time per check in this process (PostgreSQL's share excluded): less sensitive to a busy machine than rates. */
async function cpuPerCheck(databaseUrl: string, project: TestProject): Promise<Figure[]> {
  await initDatabase({ url: databaseUrl, pool: 4 });
  const [{ findProjectBySlug }, { projectDb }, { checkRelationship }, { parseTupleString }, { checkCache }] = await Promise.all([
    import("@/lib/projects/lookup"), import("@/lib/db"), import("@/lib/permissions/service/check"), import("@/lib/permissions/tuple-string"),
    import("@/lib/permissions/cache"),
  ]);
  const record = (await findProjectBySlug(project.slug))!;
  const ctx = { project: record, db: await projectDb(record.id), actor: { type: "system" } };
  const question = (depth: 1 | 3 | 5) => {
    const q = new URLSearchParams(checkPath(depth).split("?")[1]);
    return parseTupleString(`Doc:${q.get("object")}#${q.get("relation")}@${q.get("subject_id")}`);
  };
  const figures: Figure[] = [];
  for (const depth of [1, 3, 5] as const) {
    const questions = many(400, () => question(depth));
    for (const cached of [false, true]) {
      if (cached) for (const t of questions) await checkRelationship(ctx, { tuple: t });
      const started = process.cpuUsage();
      const wall = performance.now();
      for (const t of questions) {
        if (!cached) checkCache().clear();
        await checkRelationship(ctx, { tuple: t });
      }
      const used = process.cpuUsage(started);
      const perCheckUs = (used.user + used.system) / questions.length;
      figures.push({ label: `Node CPU per check, depth ${depth}, ${cached ? "cached" : "uncached"} (µs → checks/s per core)`, perSec: 1e6 / perCheckUs, p50Ms: perCheckUs / 1000, p99Ms: (performance.now() - wall) / questions.length, errors: 0 });
    }
  }
  await closeDatabase();
  return figures;
}

const many = <T>(n: number, f: () => T): T[] => Array.from({ length: n }, f);

export async function runPermissionsBench(options: PermissionsBenchOptions = {}): Promise<PermissionsBenchResult> {
  const durationSec = options.durationSec ?? 8;
  const database = await createBenchDatabase();
  let server: Server | undefined;
  try {
    await migrate(database.url);
    await initDatabase({ url: database.url, pool: 2 });
    const project = await createTestProject();
    await setProjectOpl(project.projectId, project.slug, benchOpl);
    await closeDatabase();
    console.log("loading tuples…");
    const load = await loadTuples(database.url, project.projectId);
    console.log(`loaded ${load.tuples} tuples in ${load.seconds.toFixed(1)} s`);

    const figures: Figure[] = [];
    const log = (f: Figure) => { figures.push(f); console.log(`${f.label}: ${Math.round(f.perSec)}/s p50 ${f.p50Ms.toFixed(2)} ms p99 ${f.p99Ms.toFixed(2)} ms errors ${f.errors} server CPU ${f.serverCpuUs?.toFixed(0) ?? "–"} µs/request`); };

    server = await startServer(database.url, { PERMISSION_CHECK_CACHE_SIZE: "0" });
    log(await wrkPaths("control: GET /admin/whoami (API key only, no permission work)", server, project, ["/admin/whoami"], durationSec));
    for (const depth of [1, 3, 5] as const) {
      const paths = many(50_000, () => checkPath(depth));
      await wrkPaths("warm-up", server, project, paths.slice(0, 5000), 2);
      log(await wrkPaths(`check, depth ${depth}, no cache (max throughput)`, server, project, paths, durationSec));
    }
    // Steady-rate rows run longer than the others: a p99 over 20 s at 1,000/s is the 200th-slowest of 20,000.
    const steadySec = Math.max(20, durationSec);
    log(await atRate("control: GET /admin/whoami at 1,000 requests/s (no permission work)", server, project, () => "/admin/whoami", 1000, steadySec));
    log(await atRate("check, depth 3, no cache, at 1,000 checks/s", server, project, () => checkPath(3), 1000, steadySec));
    log(await atRate("check, depth 5, no cache, at 1,000 checks/s", server, project, () => checkPath(5), 1000, steadySec));
    server.stop();

    server = await startServer(database.url, {});
    for (const depth of [1, 3, 5] as const) {
      const hot = many(2000, () => checkPath(depth));
      const paths = many(50_000, () => hot[Math.floor(Math.random() * hot.length)]);
      await wrkPaths("warm-up", server, project, hot, 3);
      log(await wrkPaths(`check, depth ${depth}, cached (2,000 hot questions)`, server, project, paths, durationSec));
    }
    log(await writes("write: PUT one tuple per request (tuples/s)", server, project, "PUT", 1, durationSec));
    log(await writes("write: PATCH 500 inserts per request (tuples/s)", server, project, "PATCH", 500, durationSec));
    figures.push(...(await cpuPerCheck(database.url, project)));
    const result = { loadAverage: os.loadavg().map((l) => l.toFixed(1)).join(" / "), tuples: load.tuples, loadSeconds: load.seconds, figures };
    if (options.report !== false) report(result);
    return result;
  } finally {
    server?.stop();
    await database.drop();
  }
}

function report(result: PermissionsBenchResult): void {
  const isCpu = (f: Figure) => f.label.startsWith("Node CPU");
  const cpu = (f: Figure) => (f.serverCpuUs === undefined || Number.isNaN(f.serverCpuUs) ? "–" : Math.round(f.serverCpuUs).toLocaleString("en"));
  const rows = result.figures.filter((f) => !isCpu(f)).map((f) => `| ${f.label} | ${Math.round(f.perSec).toLocaleString("en")} | ${f.p50Ms.toFixed(2)} | ${f.p99Ms.toFixed(2)} | ${f.errors} | ${cpu(f)} |`);
  const cpuRows = result.figures.filter(isCpu).map((f) => `| ${f.label.replace(" (µs → checks/s per core)", "")} | ${Math.round(f.p50Ms * 1000)} | ${Math.round(f.perSec).toLocaleString("en")} | ${f.p99Ms.toFixed(2)} |`);
  const at = (label: string) => result.figures.find((f) => f.label === label);
  const d3 = at("check, depth 3, no cache, at 1,000 checks/s");
  const cached = at("check, depth 3, cached (2,000 hot questions)");
  const body = [
    machineLine() + ` Load average during the run: ${result.loadAverage} (other work shares the machine).`,
    `PostgreSQL with ${result.tuples.toLocaleString("en")} relation tuples (loaded with INSERT … SELECT generate_series in ${result.loadSeconds.toFixed(1)} s,`,
    "i.e. " + Math.round(result.tuples / result.loadSeconds).toLocaleString("en") + " tuples/s). The machine API runs alone (no Next) in its own process; wrk (max throughput,",
    "16 connections) and an open-loop steady-rate client in its own process (bench/fixed-rate.ts: requests fall due on a µs ticker, latency counts from each request's due time) share the 2 cores with it. Depth 1 = a stored relation (`Doc#owners`), depth 3 =",
    "`Doc#read` → `Doc#viewers` → `Group#members`, depth 5 = `Doc#view` → traverse `parents` → `Folder#view` → `Folder#viewers` →",
    "`Group#members` → `Team#members`; half of the questions are granted. Checks go through `GET /relation-tuples/check/openapi` with the API key.",
    "Server CPU per request is the server process's CPU time (user + system, HTTP and PostgreSQL client included, PostgreSQL's own",
    "CPU not) divided by the requests served: on a shared machine it says more than the rates do.",
    "",
    "| what | per second | p50 ms | p99 ms | errors | server CPU µs/request |",
    "|---|---:|---:|---:|---:|---:|",
    ...rows,
    "",
    "Node CPU time per check (service level, in one process, one check at a time; PostgreSQL's own CPU not included) —",
    "less sensitive to a busy machine than the rates above:",
    "",
    "| what | µs CPU per check | checks/s per core | wall ms per check |",
    "|---|---:|---:|---:|",
    ...cpuRows,
    "",
    `- depth-3 check p99 at 1,000 checks/s: **${d3?.p99Ms.toFixed(2)} ms** (target < 5 ms)`,
    `- cached depth-3 checks: **${Math.round(cached?.perSec ?? 0).toLocaleString("en")}/s** (target ≥ 5,000/s)`,
  ].join("\n");
  writeSection("Permissions", body);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const durationSec = Number(process.env.BENCH_DURATION_SEC ?? 8);
  runPermissionsBench({ durationSec }).then(() => process.exit(0), (error: unknown) => { console.error(error); process.exit(1); });
}
