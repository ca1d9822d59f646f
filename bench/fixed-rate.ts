import { fork, type ChildProcess } from "node:child_process";
import type { OpenLoopOptions, OpenLoopResult } from "./open-loop";

export interface FixedRateOptions extends Omit<OpenLoopOptions, "paths"> {
  /** The next request path (called once per request, in order, before the run starts). */
  nextPath: () => string;
  durationSec: number;
  /** Each measured request: seconds from the start to its due time, latency from due time, and from its write (ms). */
  onResult?: (dueSec: number, latencyMs: number, fromWriteMs: number) => void;
  /** Seconds at the same rate before recording starts (sockets opened, caches and JIT warm; wrk2 calibrates for 10 s). */
  warmupSec?: number;
}

export type FixedRateResult = Omit<OpenLoopResult, "samples">;

/**
 * An open-loop load at a steady rate (bench/open-loop.ts), run in a process of its own as wrk is: the bench
 * that drives it holds far more memory, and its garbage collections and other work would stall the client and
 * count against the server.
 */
export async function fixedRate(o: FixedRateOptions): Promise<FixedRateResult> {
  const { nextPath, onResult, warmupSec, durationSec, ...common } = o;
  const pathsFor = (seconds: number) => Array.from({ length: Math.round(o.rate * seconds) }, nextPath);
  const child = fork(new URL("./open-loop-process.ts", import.meta.url), { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  try {
    await nextMessage(child);
    const warmup = warmupSec ?? 3;
    const warm = warmup > 0 ? await run(child, { ...common, paths: pathsFor(warmup) }) : undefined;
    const { samples, ...measured } = await run(child, { ...common, paths: pathsFor(durationSec) });
    if (onResult) for (const [due, latency, fromWrite] of samples) onResult(due, latency, fromWrite);
    // `requests` counts the warm-up too: callers divide the server's CPU over the whole call by it.
    return { ...measured, requests: measured.requests + (warm?.requests ?? 0) };
  } finally {
    child.kill();
  }
}

async function run(child: ChildProcess, options: OpenLoopOptions): Promise<OpenLoopResult> {
  const answer = nextMessage(child);
  child.send(options);
  const message = (await answer) as { result?: OpenLoopResult; error?: string };
  if (!message.result) throw new Error(`the open-loop client failed: ${message.error}`);
  return message.result;
}

function nextMessage(child: ChildProcess): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`the open-loop client exited (code ${code})`));
    child.once("exit", onExit);
    child.once("message", (message) => {
      child.off("exit", onExit);
      resolve(message);
    });
  });
}
