import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";

const FILE = "BENCHMARKS.md";
const HEADER = "# Benchmarks\n\nFigures from `npm run bench` on the development machine. Each section is rewritten by its own benchmark.\n";

/** Replaces (or appends) the `## title` section of BENCHMARKS.md, leaving the other sections alone. */
export function writeSection(title: string, body: string): void {
  const current = existsSync(FILE) ? readFileSync(FILE, "utf8") : HEADER;
  const heading = `## ${title}`;
  const section = `${heading}\n\n${body.trim()}\n`;
  const start = current.indexOf(`${heading}\n`);
  if (start === -1) {
    writeFileSync(FILE, current.trimEnd() + "\n\n" + section);
    return;
  }
  const next = current.indexOf("\n## ", start + heading.length);
  writeFileSync(FILE, current.slice(0, start) + section + (next === -1 ? "" : current.slice(next)));
}

export function machineLine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return `Machine: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; run ${new Date().toISOString().slice(0, 16)}Z.`;
}
