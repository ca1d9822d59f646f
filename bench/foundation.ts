import { pathToFileURL } from "node:url";
import { closeDatabase, initDatabase, migrate } from "@/lib/db";
import { createTestProject } from "@/lib/testing/fixtures";
import { createBenchDatabase, startApp, startPlainServer } from "./app-process";
import { formatTable, measure, type LoadResult } from "./load";
import { machineLine, writeSection } from "./report";

/**
 * Issue 2's figures, in one run: project health (machine API), an authenticated project admin read
 * (API key check included), a bare Next route handler, and a plain Node server (the ceiling).
 */
export async function runFoundationBench(durationSec = 8): Promise<LoadResult[]> {
  const database = await createBenchDatabase();
  const plain = await startPlainServer();
  let app: { url: string; stop: () => void } | undefined;
  try {
    await migrate(database.url);
    await initDatabase({ url: database.url, pool: 2 });
    const project = await createTestProject();
    await closeDatabase();
    app = await startApp({ DATABASE_URL: database.url });
    const auth = { authorization: `Bearer ${project.apiKey}` };
    const targets = [
      { label: "plain Node http server (ceiling)", url: `${plain.url}/` },
      { label: "GET /p/{slug}/health/alive", url: `${app.url}/p/${project.slug}/health/alive` },
      { label: "GET /p/{slug}/admin/whoami (API key checked)", url: `${app.url}/p/${project.slug}/admin/whoami`, headers: auth },
      { label: "bare Next route handler (GET /health)", url: `${app.url}/health` },
    ];
    const results: LoadResult[] = [];
    for (const target of targets) {
      await measure({ ...target, durationSec: 2 }); // warm-up: JIT, caches, connections
      results.push(await measure({ ...target, durationSec }));
    }
    report(results);
    return results;
  } finally {
    app?.stop();
    plain.stop();
    await database.drop();
  }
}

function report(results: LoadResult[]): void {
  const [ceiling, health, admin, nextRoute] = results.map((r) => r.requestsPerSec);
  const ratios = [
    `- health / plain-Node ceiling: **${((health / ceiling) * 100).toFixed(0)}%** (target ≥ 50%)`,
    `- authenticated admin read / bare Next route handler: **${(admin / nextRoute).toFixed(1)}×** (target ≥ 10×)`,
  ];
  const body = [machineLine(), "Server and load generator share the machine's 2 cores; the app runs on PostgreSQL with its default WORKERS (one machine-API process per core), the plain server in one process.", "", formatTable(results), "", ...ratios].join("\n");
  writeSection("Foundation", body);
  console.log(body);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await runFoundationBench();
  process.exit(0);
}
