import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildTime, sourcesNewerThan } from "../scripts/build-state.mjs";
import { createBenchDatabase, freePort } from "./app-process";
import { processTreeRss, type ProcessRss } from "./process-tree";
import { machineLine, writeSection } from "./report";

interface StartupResult {
  database: "PostgreSQL" | "embedded (PGlite)";
  workers: number;
  readySec: number;
  idle: ProcessRss[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function answers(url: string, status: number): Promise<boolean> {
  try {
    return (await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(2000) })).status === status;
  } catch {
    return false;
  }
}

/**
 * Starts the built app (`node dist/server/main.js`, what `npm start` runs once built) and measures the time until
 * both a machine route and a Next page answer, then the RSS of every process of the instance after a few requests
 * and 10 s of idling.
 */
async function measureStartup(database: StartupResult["database"], workers: number, env: Record<string, string>): Promise<StartupResult> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, ["dist/server/main.js"], {
    env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "warn", PORT: String(port), HOST: "127.0.0.1", WORKERS: String(workers), ...env },
    stdio: ["ignore", "inherit", "inherit"],
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}`);
      if (performance.now() - started > 180_000) throw new Error("the app did not start within 180 s");
      if ((await answers(`${base}/p/x/health/alive`, 404)) && (await answers(`${base}/health`, 200))) break;
      await sleep(50);
    }
    const readySec = (performance.now() - started) / 1000;
    // A few requests of each kind (pages render, routes load), then idle.
    for (let i = 0; i < 10; i++) {
      await fetch(`${base}/p/x/health/alive`).then((r) => r.arrayBuffer());
      await fetch(`${base}/setup`, { redirect: "manual" }).then((r) => r.arrayBuffer());
    }
    await sleep(10_000);
    return { database, workers, readySec, idle: processTreeRss(child.pid ?? 0) };
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve)));
  }
}

export async function runStartupBench(): Promise<StartupResult[]> {
  const built = buildTime(process.cwd(), { full: true });
  if (!built || sourcesNewerThan(process.cwd(), built)) {
    const result = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
    if (result.status !== 0) throw new Error("npm run build failed");
  }
  const results: StartupResult[] = [];
  const postgres = await createBenchDatabase();
  try {
    for (const workers of [1, 2]) results.push(await measureStartup("PostgreSQL", workers, { DATABASE_URL: postgres.url }));
  } finally {
    await postgres.drop();
  }
  for (const workers of [1, 2]) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "pc-bench-startup-"));
    try {
      results.push(await measureStartup("embedded (PGlite)", workers, { DATA_DIR: dataDir }));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  report(results);
  return results;
}

const mb = (value: number) => value.toFixed(0);

function report(results: StartupResult[]): void {
  const rows = results.map(({ database, workers, readySec, idle }) => {
    const total = idle.reduce((sum, p) => sum + p.rssMb, 0);
    const of = (role: string) => idle.filter((p) => p.role.startsWith(role)).map((p) => mb(p.rssMb));
    return `| ${database} | ${workers} | ${readySec.toFixed(1)} | **${mb(total)}** | ${of("main").join(", ")} | ${of("next-process").join(", ")} | ${of("machine-process").join(", ")} |`;
  });
  const body = [
    machineLine(),
    `Load average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")} — the machine is shared with other work, so times are upper bounds.`,
    "`node dist/server/main.js` (what `npm start` runs once built). Ready = a machine route and a Next page both answer, from spawn.",
    "RSS after 10 requests of each kind and 10 s idle, summed over every process of the instance (supervisor, Next process, machine-API processes).",
    "",
    "| database | WORKERS | ready s | RSS total MB | supervisor MB | Next process MB | machine-API processes MB |",
    "|---|---:|---:|---:|---:|---:|---|",
    ...rows,
    "",
    "Targets (issue 17): ≤ 300 MB on PostgreSQL and ≤ 400 MB on the embedded database for a whole instance, ≤ 150 MB",
    "for a machine-API process. Not met yet: a machine-API process holds about 175 MB right after loading its modules,",
    "with a JS heap of about 35 MB — the rest is compiled code, Prisma's query-compiler WebAssembly and its base64",
    "source; on the embedded database PGlite's WebAssembly lives in the Next process.",
  ].join("\n");
  writeSection("Startup and footprint", body);
  console.log(body);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await runStartupBench();
  process.exit(0);
}
