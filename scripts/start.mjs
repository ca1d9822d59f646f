// `npm start`: builds when there is no build or the sources are newer than it (`npm run build`: Next, then the
// server and CLI compiled to dist/), then runs the compiled server with node alone (dist/server/main.js).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildTime, sourcesNewerThan } from "./build-state.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
const built = buildTime(root, { full: true });
if (!built || sourcesNewerThan(root, built)) {
  const note = built ? "sources changed, rebuilding" : "no build found, building (first start takes a minute)";
  process.stderr.write(JSON.stringify({ level: "info", time: new Date().toISOString(), msg: note }) + "\n");
  const result = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
await import(path.join(root, "dist", "server", "main.js"));
