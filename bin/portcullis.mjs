#!/usr/bin/env node
// The `portcullis` command: runs the compiled CLI (dist/lib/cli/main.js, compiled from lib/cli/main.ts by
// scripts/build-server.mjs when missing or older than the sources) from the package root, so the CLI sees the
// same configuration, migrations and embedded database (DATA_DIR) as `npm start` does.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildTime, sourcesNewerThan } from "../scripts/build-state.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const env = { ...process.env };
// A relative DATA_DIR means relative to where the user ran the command, not to the package root.
if (env.DATA_DIR && !path.isAbsolute(env.DATA_DIR)) env.DATA_DIR = path.resolve(env.DATA_DIR);

const built = buildTime(root, { full: false });
if (!built || sourcesNewerThan(root, built)) {
  const result = spawnSync(process.execPath, [path.join(root, "scripts", "build-server.mjs")], { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const child = spawn(process.execPath, [path.join(root, "dist", "lib", "cli", "main.js"), ...process.argv.slice(2)], {
  cwd: root,
  env,
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
