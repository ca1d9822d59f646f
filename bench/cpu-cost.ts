import { readdirSync, readFileSync } from "node:fs";

/**
 * CPU seconds used by a process (utime + stime from /proc/<pid>/stat) and by all PostgreSQL backends, so a
 * benchmark can report CPU per request — a figure that stays meaningful when other work shares the machine.
 */
const TICKS = 100;

export function processCpuSeconds(pid: number): number {
  return statCpuSeconds(`/proc/${pid}/stat`);
}

/** CPU seconds of a process's main thread alone (its tid is the pid): the JS thread, without libuv's pool or GC helpers. */
export const mainThreadCpuSeconds = (pid: number): number => statCpuSeconds(`/proc/${pid}/task/${pid}/stat`);

function statCpuSeconds(file: string): number {
  try {
    const fields = readFileSync(file, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return 0;
  }
}

/** CPU seconds of PostgreSQL processes; with `database`, only the backends serving that database (by title). */
export function postgresCpuSeconds(database?: string): number {
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!readFileSync(`/proc/${entry}/comm`, "utf8").trim().startsWith("postgres")) continue;
      if (database && !readFileSync(`/proc/${entry}/cmdline`, "utf8").includes(` ${database} `)) continue;
      total += processCpuSeconds(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return total;
}

export interface CpuSnapshot {
  node: number;
  /** The node process's main thread: with work moved to libuv's pool, the figure that bounds one process's throughput. */
  mainThread: number;
  postgres: number;
}

export const cpuSnapshot = (pid: number): CpuSnapshot => ({ node: processCpuSeconds(pid), mainThread: mainThreadCpuSeconds(pid), postgres: postgresCpuSeconds() });

/** µs of CPU per request between two snapshots. */
export function cpuPerRequest(before: CpuSnapshot, after: CpuSnapshot, requests: number): CpuSnapshot {
  const per = (a: number, b: number) => (requests > 0 ? ((b - a) * 1e6) / requests : NaN);
  return { node: per(before.node, after.node), mainThread: per(before.mainThread, after.mainThread), postgres: per(before.postgres, after.postgres) };
}
