import http from "node:http";
import https from "node:https";
import net from "node:net";
import { config } from "@/lib/config";
import { guardedLookup, OutboundBlockedError, outboundPolicy, type OutboundPolicy, type Resolver } from "./outbound-guard";

let cached: { source: string | undefined; policy: OutboundPolicy } | undefined;

/** The operator's policy (GATEWAY_OUTBOUND_ALLOW), parsed once per configuration. */
export function configuredOutboundPolicy(): OutboundPolicy {
  const source = config().GATEWAY_OUTBOUND_ALLOW;
  if (!cached || cached.source !== source) cached = { source, policy: outboundPolicy(source) };
  return cached.policy;
}

export interface OutboundInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  /** Larger answers are refused (default 1 MiB). */
  maxBytes?: number;
  policy?: OutboundPolicy;
  resolve?: Resolver;
}

const NULL_BODY = new Set([101, 204, 205, 304]);

/**
 * `fetch` for tenant-configured URLs, through the SSRF guard (outbound-guard.ts): literal IPs are checked here,
 * names inside the connection's lookup. Redirects are not followed (a redirect could lead anywhere); the
 * answer is buffered up to `maxBytes`.
 */
export function outboundFetch(url: string | URL, init: OutboundInit = {}): Promise<Response> {
  const target = new URL(url);
  const policy = init.policy ?? configuredOutboundPolicy();
  const host = target.hostname.replace(/^\[|\]$/g, "");
  if (target.protocol !== "http:" && target.protocol !== "https:") return Promise.reject(new TypeError(`unsupported protocol ${target.protocol}`));
  if (net.isIP(host) !== 0 && !policy.allows(host)) return Promise.reject(new OutboundBlockedError(host));
  const maxBytes = init.maxBytes ?? 1024 * 1024;
  const client = target.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(target, { method: init.method ?? "GET", headers: init.headers, signal: init.signal, lookup: guardedLookup(policy, init.resolve) as never }, (answer) => {
      const chunks: Buffer[] = [];
      let size = 0;
      answer.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) return void request.destroy(new Error(`the answer of ${target.origin} exceeds ${maxBytes} bytes`));
        chunks.push(chunk);
      });
      answer.on("error", reject);
      answer.on("end", () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(answer.headers)) for (const v of [value ?? []].flat()) headers.append(name, v);
        const status = answer.statusCode ?? 502;
        resolve(new Response(NULL_BODY.has(status) ? null : Buffer.concat(chunks), { status, statusText: answer.statusMessage, headers }));
      });
    });
    request.on("error", reject);
    request.end(init.body);
  });
}
