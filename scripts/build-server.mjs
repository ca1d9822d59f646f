// Compiles what runs outside Next — the process tree of `npm start` (server/, server.ts) and the CLI — to plain
// JavaScript in dist/ (git-ignored), so production runs on node alone, without a TypeScript loader. Part of
// `npm run build`; packages stay external (node resolves them from node_modules at run time).
import { renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const target = path.join(root, "dist");
// Built beside dist/ and swapped in, so a process starting meanwhile never finds half a build.
const outdir = path.join(root, `dist.building-${process.pid}`);
await build({
  absWorkingDir: root,
  entryPoints: ["server/main.ts", "server/machine-process.ts", "server/next-process.ts", "lib/cli/main.ts"],
  outdir,
  outbase: ".",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node22.12",
  packages: "external",
  sourcemap: "linked",
  chunkNames: "chunks/[name]-[hash]",
  logLevel: "warning",
});
// The stamp `npm start` and bin/portcullis.mjs compare with the sources' modification times.
writeFileSync(path.join(outdir, "BUILD_STAMP"), new Date().toISOString() + "\n");
const previous = `${target}.old-${process.pid}`;
try {
  renameSync(target, previous);
} catch {
  // No earlier build.
}
try {
  renameSync(outdir, target);
} catch {
  // Another build swapped its dist/ in meanwhile (two CLI runs at once): this one is as new.
  rmSync(target, { recursive: true, force: true });
  renameSync(outdir, target);
}
rmSync(previous, { recursive: true, force: true });
