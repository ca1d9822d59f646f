// Whether the production build (Next's .next/ and the compiled server and CLI in dist/) is older than the sources.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCES = ["app", "components", "lib", "messages", "public", "server", "server.ts", "proxy.ts", "next.config.ts", "prisma", "package.json"];

function newestMtime(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) {
    if (child === "generated" || child === "node_modules") continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

const builtAt = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);

/** `full`: Next's build and dist/ (npm start); otherwise dist/ only (the CLI). 0 when missing. */
export function buildTime(root, { full }) {
  const server = builtAt(path.join(root, "dist", "BUILD_STAMP"));
  return full ? Math.min(server, builtAt(path.join(root, ".next", "BUILD_ID"))) : server;
}

export function sourcesNewerThan(root, time) {
  return Math.max(...SOURCES.map((entry) => newestMtime(path.join(root, entry)))) > time;
}
