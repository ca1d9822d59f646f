import { connectionPool } from "./http1-pool";
import { steadyTicker } from "./steady-ticker";

/** One open-loop run: `paths[i]` is requested at start + i/rate (so `rate × seconds` paths make a run). */
export interface OpenLoopOptions {
  /** Loopback origin, e.g. http://127.0.0.1:1234 */
  origin: string;
  paths: string[];
  headers?: Record<string, string>;
  rate: number;
  /** Upper bound on concurrent requests (keep-alive connections); a request waiting for one is still timed from its due time. */
  connections?: number;
}

export interface OpenLoopResult {
  perSec: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  requests: number;
  /** How late the client wrote requests (p99, ms after their due time): the client's own share of the latency. */
  sendLateP99Ms: number;
  /** Per request: seconds from the start to its due time, latency from that due time, and from its write (ms). */
  samples: [dueSec: number, latencyMs: number, fromWriteMs: number][];
}

/**
 * Requests fall due on a precise ticker (bench/steady-ticker.ts) and go out on lean keep-alive connections
 * (bench/http1-connection.ts); latency counts from each request's due time (as wrk2's does: no coordinated omission).
 */
export async function openLoop(o: OpenLoopOptions): Promise<OpenLoopResult> {
  if (!/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(o.origin)) throw new Error("Load tests only target loopback.");
  const { hostname, port, host } = new URL(o.origin);
  const headerLines = Object.entries(o.headers ?? {}).map(([name, value]) => `${name}: ${value}\r\n`).join("");
  const pool = connectionPool(hostname, Number(port), o.connections ?? 64);
  const periodNs = 1e9 / o.rate;
  const startNs = process.hrtime.bigint() + 50_000_000n;
  const samples: OpenLoopResult["samples"] = [];
  const sendLate: number[] = [];
  const inflight: Promise<void>[] = [];
  let errors = 0;
  const send = async (index: number) => {
    const due = startNs + BigInt(Math.round(index * periodNs));
    const connection = await pool.acquire();
    const written = process.hrtime.bigint();
    sendLate.push(Number(written - due) / 1e6);
    try {
      const response = await connection.request(`GET ${o.paths[index]} HTTP/1.1\r\nHost: ${host}\r\n${headerLines}\r\n`);
      if (response.status !== 200) errors++;
    } catch {
      errors++;
    } finally {
      const done = process.hrtime.bigint();
      samples.push([Number(due - startNs) / 1e9, Number(done - due) / 1e6, Number(done - written) / 1e6]);
      pool.release(connection);
    }
  };
  await steadyTicker(startNs, periodNs, o.paths.length, (index) => inflight.push(send(index)));
  await Promise.all(inflight);
  pool.close();
  const elapsed = Number(process.hrtime.bigint() - startNs) / 1e9;
  const latencies = samples.map(([, latency]) => latency);
  return {
    perSec: samples.length / elapsed, p50Ms: quantile(latencies, 0.5), p99Ms: quantile(latencies, 0.99), errors, requests: samples.length,
    sendLateP99Ms: quantile(sendLate, 0.99), samples,
  };
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}
