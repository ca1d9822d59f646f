import http from "node:http";

export interface FixedRateOptions {
  /** Loopback origin, e.g. http://127.0.0.1:1234 */
  origin: string;
  /** The next request path (called once per request). */
  nextPath: () => string;
  headers?: Record<string, string>;
  rate: number;
  durationSec: number;
  /** Upper bound on concurrent requests (keep-alive sockets). */
  connections?: number;
  /** Seconds at the same rate before recording starts (sockets opened, caches and JIT warm; wrk2 calibrates for 10 s). */
  warmupSec?: number;
}

export interface FixedRateResult {
  perSec: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  requests: number;
}

/**
 * An open-loop load at a steady rate: request i is due at start + i/rate and its latency is counted from that
 * due time (as wrk2 does, so a stalled server cannot hide queueing — no coordinated omission). autocannon's
 * `overallRate` instead lets each connection send its whole per-second quota back to back at the start of every
 * second, which measures burst queueing rather than latency at the rate.
 */
export async function fixedRate(o: FixedRateOptions): Promise<FixedRateResult> {
  const warmup = o.warmupSec ?? 3;
  const warm = warmup > 0 ? await openLoop({ ...o, durationSec: warmup }) : undefined;
  const measured = await openLoop(o);
  // `requests` counts the warm-up too: callers divide the server's CPU over the whole call by it.
  return { ...measured, requests: measured.requests + (warm?.requests ?? 0) };
}

async function openLoop(o: FixedRateOptions): Promise<FixedRateResult> {
  if (!/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(o.origin)) throw new Error("Load tests only target loopback.");
  const url = new URL(o.origin);
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.connections ?? 64 });
  const total = Math.round(o.rate * o.durationSec);
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now() + 50;
  const inflight: Promise<void>[] = [];
  const send = (due: number) =>
    new Promise<void>((resolve) => {
      const req = http.request({ host: url.hostname, port: url.port, path: o.nextPath(), headers: o.headers, agent }, (res) => {
        res.resume();
        res.on("end", () => {
          latencies.push(performance.now() - due);
          if (res.statusCode !== 200) errors++;
          resolve();
        });
      });
      req.on("error", () => {
        errors++;
        resolve();
      });
      req.end();
    });
  // Sleeps until the next request is due, then sends every request that is due by now. Spinning on setImmediate
  // for sub-millisecond precision would burn a whole core the server needs; a late send is not hidden, since
  // latency counts from the due time.
  for (let i = 0; i < total; ) {
    const wait = start + (i * 1000) / o.rate - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const now = performance.now();
    for (let due = start + (i * 1000) / o.rate; i < total && due <= now; due = start + (++i * 1000) / o.rate) inflight.push(send(due));
  }
  await Promise.all(inflight);
  agent.destroy();
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { perSec: latencies.length / elapsed, p50Ms: at(0.5), p99Ms: at(0.99), errors, requests: latencies.length };
}
