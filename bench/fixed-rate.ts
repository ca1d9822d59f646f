import { connectionPool } from "./http1-pool";
import { steadyTicker } from "./steady-ticker";

export interface FixedRateOptions {
  /** Loopback origin, e.g. http://127.0.0.1:1234 */
  origin: string;
  /** The next request path (called once per request). */
  nextPath: () => string;
  headers?: Record<string, string>;
  rate: number;
  durationSec: number;
  /** Upper bound on concurrent requests (keep-alive connections); a request waiting for one is still timed from its due time. */
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
  /** How late the client wrote requests (p99, ms after their due time): the client's own share of the latency. */
  sendLateP99Ms: number;
}

/**
 * An open-loop load at a steady rate: request i is due at start + i/rate and its latency is counted from that
 * due time (as wrk2 does, so a stalled server cannot hide queueing — no coordinated omission). Requests fall due
 * on a precise ticker (bench/steady-ticker.ts) and go out on lean keep-alive connections (bench/http1-connection.ts),
 * so the client adds little of its own to the latency or to the load on the shared cores.
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
  const { hostname, port, host } = new URL(o.origin);
  const headerLines = Object.entries(o.headers ?? {}).map(([name, value]) => `${name}: ${value}\r\n`).join("");
  const pool = connectionPool(hostname, Number(port), o.connections ?? 64);
  const total = Math.round(o.rate * o.durationSec);
  const periodNs = 1e9 / o.rate;
  const startNs = process.hrtime.bigint() + 50_000_000n;
  const latencies: number[] = [];
  const sendLate: number[] = [];
  const inflight: Promise<void>[] = [];
  let errors = 0;
  const send = async (index: number) => {
    const due = startNs + BigInt(Math.round(index * periodNs));
    const connection = await pool.acquire();
    sendLate.push(Number(process.hrtime.bigint() - due) / 1e6);
    try {
      const response = await connection.request(`GET ${o.nextPath()} HTTP/1.1\r\nHost: ${host}\r\n${headerLines}\r\n`);
      if (response.status !== 200) errors++;
    } catch {
      errors++;
    } finally {
      latencies.push(Number(process.hrtime.bigint() - due) / 1e6);
      pool.release(connection);
    }
  };
  await steadyTicker(startNs, periodNs, total, (index) => inflight.push(send(index)));
  await Promise.all(inflight);
  pool.close();
  const elapsed = Number(process.hrtime.bigint() - startNs) / 1e9;
  return { perSec: latencies.length / elapsed, p50Ms: quantile(latencies, 0.5), p99Ms: quantile(latencies, 0.99), errors, requests: latencies.length, sendLateP99Ms: quantile(sendLate, 0.99) };
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}
