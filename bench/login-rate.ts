import { availableParallelism } from "node:os";
import { processCpuSeconds, postgresCpuSeconds } from "./cpu-cost";

// Callers for logins and for the ceiling alike: more than the cores, so the argon2 slots (bounded to the
// core count by the hasher) stay busy while other logins wait on the database — as on a busy server.
export const LOGIN_CONCURRENCY = 4 * availableParallelism();

export interface RateSample {
  operations: number;
  seconds: number;
  /** CPU seconds of the processes doing the work (the serving process and its PostgreSQL backends). */
  cpuSeconds: number;
}

export interface Workload {
  name: string;
  op: (i: number) => Promise<unknown>;
  /** The processes whose CPU the operation costs: pids of Node processes, and the database of its backends. */
  cpu: { pids: number[]; database?: string };
}

const cpuOf = (w: Workload) => w.cpu.pids.reduce((sum, pid) => sum + processCpuSeconds(pid), 0) + (w.cpu.database ? postgresCpuSeconds(w.cpu.database) : 0);

/** Runs `op` for `seconds` with `concurrency` callers (failures throw). */
async function sample(w: Workload, seconds: number, concurrency = LOGIN_CONCURRENCY): Promise<RateSample> {
  let started = 0;
  let done = 0;
  const cpuBefore = cpuOf(w);
  const begin = performance.now();
  const deadline = begin + seconds * 1000;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (performance.now() < deadline) {
      await w.op(started++);
      done++;
    }
  }));
  return { operations: done, seconds: (performance.now() - begin) / 1000, cpuSeconds: cpuOf(w) - cpuBefore };
}

export interface WorkloadResult {
  name: string;
  perSec: number;
  cpuMsPerOp: number;
}

/**
 * Interleaved rounds (A B C A B C …): every workload sees the same mix of whatever else runs on the machine, so
 * the ratios between them hold even when absolute rates wander. CPU per operation is reported as well: on a
 * machine whose cores the work saturates, rate ≈ cores / CPU per operation.
 */
export async function interleaved(workloads: Workload[], rounds: number, roundSeconds: number): Promise<WorkloadResult[]> {
  const totals = workloads.map(() => ({ operations: 0, seconds: 0, cpuSeconds: 0 }));
  for (let round = 0; round < rounds; round++) {
    for (const [index, w] of workloads.entries()) {
      const s = await sample(w, roundSeconds);
      totals[index]!.operations += s.operations;
      totals[index]!.seconds += s.seconds;
      totals[index]!.cpuSeconds += s.cpuSeconds;
    }
  }
  return workloads.map((w, i) => ({ name: w.name, perSec: totals[i]!.operations / totals[i]!.seconds, cpuMsPerOp: (1000 * totals[i]!.cpuSeconds) / totals[i]!.operations }));
}
