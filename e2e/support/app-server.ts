import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export interface AppServer {
  baseUrl: string;
  dataDir: string;
  output(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The app is up when an unknown project's health endpoint answers the route table's 404 JSON. */
async function answersHealth(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/p/x/health/alive`, { signal: AbortSignal.timeout(3000) });
    return response.status === 404 && (response.headers.get("content-type") ?? "").includes("json");
  } catch {
    return false;
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/**
 * Starts the app as `npm start` does (`node scripts/start.mjs`: build if stale, then the compiled process tree —
 * a supervisor, the Next process and WORKERS machine-API processes — migrating and serving) on a free port, with a
 * fresh DATA_DIR and no DATABASE_URL, so it runs on embedded PGlite. Stopping signals the whole process group.
 */
export async function startAppServer(root: string, options: { dev?: boolean; timeoutMs?: number } = {}): Promise<AppServer> {
  const timeoutMs = options.timeoutMs ?? 15 * 60_000;
  const command = options.dev ? ["npx", "tsx", "e2e/support/serve-dev.ts"] : [process.execPath, "scripts/start.mjs"];
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "portcullis-e2e-"));
  // Under `next dev`, Next serves its dev resources (chunks, HMR) only to localhost origins.
  const baseUrl = `http://${options.dev ? "localhost" : "127.0.0.1"}:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, NODE_ENV: options.dev ? "development" : "production", LOG_LEVEL: "info" };
  delete env.DATABASE_URL;
  delete env.PUBLIC_URL;
  delete env.BASE_DOMAIN;

  let output = "";
  // Its own process group, so stopping it also stops `next build` or anything else it spawned.
  const child = spawn(command[0], command.slice(1), { cwd: root, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);

  const stop = async () => {
    killGroup(child, "SIGTERM");
    for (let i = 0; i < 50 && child.exitCode === null && child.signalCode === null; i++) await sleep(100);
    killGroup(child, "SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  };

  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`the app exited with code ${child.exitCode} before serving:\n${output.slice(-4000)}`);
    }
    if (output.includes("portcullis listening") || (await answersHealth(baseUrl))) {
      if (await answersHealth(baseUrl)) return { baseUrl, dataDir, output: () => output, stop };
    }
    await sleep(1000);
  }
  await stop();
  throw new Error(`the app did not start within ${timeoutMs / 1000}s:\n${output.slice(-4000)}`);
}
