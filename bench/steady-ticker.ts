import { Worker } from "node:worker_threads";

/**
 * Calls `onDue(i)` for i = 0 … total−1 at start + i × period, with sub-millisecond precision. Node's timers
 * wake the event loop in whole milliseconds, so a client that sleeps with setTimeout sends up to ~1 ms late and
 * counts that against the server; spinning instead would take a core from the server. A worker thread sleeps in
 * Atomics.wait (a timed wait in the kernel, microsecond resolution) and wakes the main thread with a message when
 * requests fall due. Times are process.hrtime.bigint() nanoseconds, the same clock in every thread.
 */
export function steadyTicker(startNs: bigint, periodNs: number, total: number, onDue: (index: number) => void): Promise<void> {
  const worker = new Worker(TICKER_SOURCE, { eval: true, execArgv: [], workerData: { startNs, periodNs, total } });
  let next = 0;
  return new Promise((resolve, reject) => {
    worker.on("message", (upTo: number) => {
      for (; next <= upTo; next++) onDue(next);
    });
    worker.on("error", reject);
    worker.on("exit", () => (next >= total ? resolve() : reject(new Error("the ticker stopped early"))));
  });
}

// Plain CommonJS in the worker: posts the index of the last request due, then sleeps until the next one is.
const TICKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { startNs, periodNs, total } = workerData;
const sleeper = new Int32Array(new SharedArrayBuffer(4));
const dueAt = (i) => startNs + BigInt(Math.round(i * periodNs));
for (let i = 0; i < total; ) {
  const waitNs = Number(dueAt(i) - process.hrtime.bigint());
  if (waitNs > 0) { Atomics.wait(sleeper, 0, 0, waitNs / 1e6); continue; }
  const now = process.hrtime.bigint();
  while (i < total && dueAt(i) <= now) i++;
  parentPort.postMessage(i - 1);
}`;
