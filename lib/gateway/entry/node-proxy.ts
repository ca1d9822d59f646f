import http, { type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from "node:http";
import https from "node:https";
import { requestOrigin, type OriginSource } from "@/lib/request-origin";
import { gatewayLog } from "../log";
import { planForward, type ForwardPlan } from "./forward";
import type { GatewayMapping } from "./mapping";

/** RFC 9110 §7.6.1: connection-specific fields are not forwarded (nor any field the Connection header names). */
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade"]);

// Pooled upstream connections: a fresh TCP connection per request would cost more than the decision itself.
const agents = { "http:": new http.Agent({ keepAlive: true, maxSockets: 256 }), "https:": new https.Agent({ keepAlive: true, maxSockets: 256 }) };

const UPSTREAM_TIMEOUT_MS = 60_000;

function withoutHopByHop(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const named = new Set(String(headers.connection ?? "").toLowerCase().split(",").map((s) => s.trim()).filter(Boolean));
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined && !HOP_BY_HOP.has(name) && !named.has(name)) out[name] = value;
  return out;
}

const header = (req: IncomingMessage) => (name: string) => {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
};

/**
 * The forwarding path on server.ts' fast path (no Next): decide, then proxy to the upstream with Node's
 * http client, streaming the request body up and the response down. Answers 502 when the upstream fails.
 */
export async function serveThroughGateway(req: IncomingMessage, res: ServerResponse, mapping: GatewayMapping, source: OriginSource): Promise<void> {
  const raw = req.url ?? "/";
  const q = raw.indexOf("?");
  const plan = await planForward({
    mapping,
    method: req.method ?? "GET",
    query: q === -1 ? "" : raw.slice(q + 1),
    origin: requestOrigin(source),
    header: header(req),
  });
  if (plan.kind === "respond") {
    req.resume(); // drain the unread body so the connection can be reused
    res.writeHead(plan.status, plan.headers);
    res.end(plan.body);
    return;
  }
  proxyTo(req, res, plan, mapping.mode);
}

function proxyTo(req: IncomingMessage, res: ServerResponse, plan: Extract<ForwardPlan, { kind: "forward" }>, mode: GatewayMapping["mode"]): void {
  const target = new URL(plan.url);
  const headers = withoutHopByHop(req.headers);
  for (const [name, value] of Object.entries(plan.setHeaders)) headers[name.toLowerCase()] = value;
  const client = target.protocol === "https:" ? https : http;
  const upstream = client.request(target, { method: req.method, headers, agent: agents[target.protocol as "http:" | "https:"], timeout: UPSTREAM_TIMEOUT_MS });
  upstream.on("response", (answer) => {
    const out = withoutHopByHop(answer.headers);
    // Under Portcullis' own origin (path mapping) an upstream must not set cookies for that origin (it could
    // plant a session cookie of the console or another project); host-mapped upstreams own their host.
    if (mode === "path") delete out["set-cookie"];
    for (const [name, value] of Object.entries(plan.responseHeaders)) out[name] = value;
    res.writeHead(answer.statusCode ?? 502, answer.statusMessage, out);
    answer.on("error", () => res.destroy());
    answer.pipe(res);
  });
  upstream.on("timeout", () => upstream.destroy(new Error("upstream timed out")));
  upstream.on("error", (error) => {
    gatewayLog().warn("gateway upstream failed", { upstream: target.origin, error: error.message });
    if (res.headersSent) return void res.destroy();
    res.writeHead(502, { "content-type": "application/json", "cache-control": "no-store" });
    res.end(JSON.stringify({ error: { code: 502, status: "Bad Gateway", message: "The upstream service is unavailable." } }));
  });
  res.on("close", () => { if (!res.writableFinished) upstream.destroy(); });
  req.on("error", (error) => upstream.destroy(error));
  req.pipe(upstream);
}
