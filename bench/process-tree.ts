import { readdirSync, readFileSync } from "node:fs";

export interface ProcessRss {
  pid: number;
  /** What the process runs, from its command line (the script's file name). */
  role: string;
  rssMb: number;
}

function childrenOf(pid: number): number[] {
  const tasks = (() => {
    try {
      return readdirSync(`/proc/${pid}/task`);
    } catch {
      return [];
    }
  })();
  return tasks.flatMap((task) => {
    try {
      return readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  });
}

function describe(pid: number): ProcessRss | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const rssKb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
    const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
    const script = argv.find((arg, i) => i > 0 && !arg.startsWith("-")) ?? argv[0] ?? "?";
    return { pid, role: script.split("/").slice(-1)[0] ?? script, rssMb: rssKb / 1024 };
  } catch {
    return undefined;
  }
}

/** The resident set of a process and all its descendants (Linux /proc), one entry per process. */
export function processTreeRss(rootPid: number): ProcessRss[] {
  const seen: ProcessRss[] = [];
  const queue = [rootPid];
  while (queue.length) {
    const pid = queue.shift() as number;
    const entry = describe(pid);
    if (entry) seen.push(entry);
    queue.push(...childrenOf(pid));
  }
  return seen;
}
