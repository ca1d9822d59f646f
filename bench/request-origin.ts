import http, { type IncomingMessage } from "node:http";
import { toApiRequest } from "@/lib/http/node-adapter";
import { apiSecurityHeaders } from "@/lib/http/security-headers";
import { requestOrigin } from "@/lib/request-origin";

/**
 * What the request-origin check and the security headers add to every machine API answer, in ns per request,
 * measured in process (CPU-bound loops, so a shared machine skews them less than a load test):
 * - building the request view alone, then with its origin resolved (trusted loopback peer, served host);
 * - Node's writeHead for a JSON answer without and with the data answers' security headers.
 * `npx tsx bench/request-origin.ts`
 */
const N = 1_000_000;
const fake = () => ({ url: "/p/acme/sessions/whoami", method: "GET", headers: { host: "127.0.0.1:4000" }, socket: { remoteAddress: "127.0.0.1" } }) as unknown as IncomingMessage;
const incoming = new http.IncomingMessage(null as never);
incoming.method = "GET";
incoming.httpVersionMajor = 1;
incoming.httpVersionMinor = 1;
const json = { "content-type": "application/json", "cache-control": "no-store" };

function nsPerOp(fn: () => unknown): number {
  for (let i = 0; i < N / 10; i++) fn();
  const start = process.hrtime.bigint();
  for (let i = 0; i < N; i++) fn();
  return Number(process.hrtime.bigint() - start) / N;
}

const rounds: Record<string, number[]> = {};
for (let round = 0; round < 3; round++) {
  const measured = {
    "request view": nsPerOp(() => toApiRequest(fake())),
    "request view + origin": nsPerOp(() => requestOrigin(toApiRequest(fake())).served),
    "writeHead JSON": nsPerOp(() => new http.ServerResponse(incoming).writeHead(200, { ...json, "content-length": 17 })),
    "writeHead JSON + security headers": nsPerOp(() => new http.ServerResponse(incoming).writeHead(200, { ...apiSecurityHeaders(200, json["content-type"], false), ...json, "content-length": 17 })),
  };
  for (const [label, ns] of Object.entries(measured)) (rounds[label] ??= []).push(ns);
}
for (const [label, values] of Object.entries(rounds)) console.log(`${label.padEnd(36)} ${Math.min(...values).toFixed(0)} ns (best of 3)`);
