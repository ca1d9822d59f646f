#!/usr/bin/env node
// The `portcullis` command: runs lib/cli/main.ts through tsx from the package root, so the CLI sees the
// same configuration, migrations and embedded database (DATA_DIR) as `npm start` does.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const env = { ...process.env };
// A relative DATA_DIR means relative to where the user ran the command, not to the package root.
if (env.DATA_DIR && !path.isAbsolute(env.DATA_DIR)) env.DATA_DIR = path.resolve(env.DATA_DIR);

const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "lib", "cli", "main.ts"), ...process.argv.slice(2)], {
  cwd: root,
  env,
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
