import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import autocannon from "autocannon";

const run = promisify(execFile);

export interface LoadResult {
  label: string;
  tool: "wrk" | "autocannon";
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  /** CPU µs per request of the measured server process, when the benchmark tracked it (bench/cpu-cost.ts). */
  serverCpuUs?: number;
}

export interface LoadOptions {
  label: string;
  url: string;
  headers?: Record<string, string>;
  method?: string;
  body?: string;
  durationSec?: number;
  connections?: number;
}

const WRK = "/usr/bin/wrk";

/**
 * Drives load at a loopback URL. wrk (Debian's package) is preferred: written in C, it takes less of the
 * 2 cores than autocannon and so disturbs the measured server less. Falls back to autocannon.
 */
export async function measure(options: LoadOptions): Promise<LoadResult> {
  if (!/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(options.url)) throw new Error("Load tests only target loopback.");
  return existsSync(WRK) ? withWrk(options) : withAutocannon(options);
}

/** wrk sends a method and body only through a Lua script. */
function requestScript(o: LoadOptions): string | undefined {
  if (!o.body && (o.method ?? "GET") === "GET") return undefined;
  const dir = mkdtempSync(path.join(os.tmpdir(), "wrk-"));
  const file = path.join(dir, "request.lua");
  writeFileSync(file, `wrk.method = ${JSON.stringify(o.method ?? "POST")}\nwrk.body = ${JSON.stringify(o.body ?? "")}\n`);
  return file;
}

async function withWrk(o: LoadOptions): Promise<LoadResult> {
  const args = ["-t", "1", "-c", String(o.connections ?? 32), "-d", `${o.durationSec ?? 5}s`, "--latency"];
  for (const [name, value] of Object.entries(o.headers ?? {})) args.push("-H", `${name}: ${value}`);
  const script = requestScript(o);
  if (script) args.push("-s", script);
  args.push(o.url);
  const { stdout } = await run(WRK, args, { maxBuffer: 1 << 20 }).finally(() => script && rmSync(path.dirname(script), { recursive: true, force: true }));
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1] ?? 0);
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(stdout)?.[1] ?? 0);
  return { label: o.label, tool: "wrk", requestsPerSec: rps, p50Ms: latency(stdout, "50%"), p99Ms: latency(stdout, "99%"), non2xx };
}

function latency(stdout: string, percentile: string): number {
  const match = new RegExp(`${percentile}\\s+([\\d.]+)(us|ms|s)`).exec(stdout);
  if (!match) return NaN;
  const value = Number(match[1]);
  return match[2] === "us" ? value / 1000 : match[2] === "s" ? value * 1000 : value;
}

async function withAutocannon(o: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url: o.url,
    method: (o.method ?? "GET") as "GET",
    headers: o.headers,
    body: o.body,
    connections: o.connections ?? 32,
    duration: o.durationSec ?? 5,
  });
  return {
    label: o.label,
    tool: "autocannon",
    requestsPerSec: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
  };
}

export function formatTable(results: LoadResult[]): string {
  const cpu = results.some((r) => r.serverCpuUs !== undefined);
  const lines = [`| what | requests/s | p50 ms | p99 ms | non-2xx | tool |${cpu ? " server CPU µs/request |" : ""}`, `|---|---:|---:|---:|---:|---|${cpu ? "---:|" : ""}`];
  for (const r of results) {
    const cpuCell = cpu ? ` ${r.serverCpuUs === undefined ? "" : Math.round(r.serverCpuUs).toLocaleString("en")} |` : "";
    lines.push(`| ${r.label} | ${Math.round(r.requestsPerSec).toLocaleString("en")} | ${r.p50Ms.toFixed(2)} | ${r.p99Ms.toFixed(2)} | ${r.non2xx} | ${r.tool} |${cpuCell}`);
  }
  return lines.join("\n");
}

/** `measure`, plus the CPU the serving process spent per request meanwhile. */
export async function measureWithCpu(options: LoadOptions, serverPid: number): Promise<LoadResult> {
  const { processCpuSeconds } = await import("./cpu-cost");
  const before = processCpuSeconds(serverPid);
  const started = Date.now();
  const result = await measure(options);
  const seconds = (Date.now() - started) / 1000;
  const requests = result.requestsPerSec * seconds;
  return { ...result, serverCpuUs: requests > 0 ? ((processCpuSeconds(serverPid) - before) * 1e6) / requests : undefined };
}
