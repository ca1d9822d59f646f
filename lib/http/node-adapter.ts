import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError } from "@/lib/core/errors";
import { clientIp, requestOrigin, type ConnectionFacts } from "@/lib/request-origin";
import { apiSecurityHeaders } from "./security-headers";
import type { ApiRequest, ApiResponse } from "./types";

export const MAX_BODY_BYTES = 1024 * 1024;

class NodeApiRequest implements ApiRequest {
  readonly method: string;
  readonly path: string;
  readonly locals: Record<string, unknown> = {};
  readonly rawQuery: string;
  private cachedQuery?: URLSearchParams;
  private cachedUrl?: URL;
  private bodyPromise?: Promise<Buffer>;
  private cachedIp?: string;
  readonly connection: ConnectionFacts;

  constructor(private readonly req: IncomingMessage) {
    this.connection = { remoteAddress: req.socket.remoteAddress ?? "", encrypted: "encrypted" in req.socket && Boolean(req.socket.encrypted) };
    this.method = req.method ?? "GET";
    const raw = req.url ?? "/";
    const q = raw.indexOf("?");
    this.path = q === -1 ? raw : raw.slice(0, q);
    this.rawQuery = q === -1 ? "" : raw.slice(q + 1);
  }

  get query(): URLSearchParams {
    return (this.cachedQuery ??= new URLSearchParams(this.rawQuery));
  }

  get url(): URL {
    return (this.cachedUrl ??= new URL(this.req.url ?? "/", urlBase(this)));
  }

  get ip(): string {
    return (this.cachedIp ??= clientIp(this));
  }

  header(name: string): string | undefined {
    const value = this.req.headers[name];
    return Array.isArray(value) ? value.join(", ") : value;
  }

  body(): Promise<Buffer> {
    return (this.bodyPromise ??= readBody(this.req));
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > MAX_BODY_BYTES) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners("data");
        req.resume();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

const tooLarge = () => new AppError("payload_too_large", `The request body exceeds ${MAX_BODY_BYTES} bytes.`);

/** The URL base of a request: its resolved origin, or a placeholder that reflects nothing for hosts not served. */
export function urlBase(request: ApiRequest): string {
  const origin = requestOrigin(request);
  return origin.served ? origin.origin : "http://host.invalid";
}

export function toApiRequest(req: IncomingMessage): ApiRequest {
  return new NodeApiRequest(req);
}

// Statuses whose responses carry no body (RFC 9110 §6.4.1): no Content-Length from us.
const BODYLESS_STATUS = new Set([204, 304]);

/**
 * Writes a machine API answer with the security headers every answer carries (lib/http/security-headers.ts;
 * HSTS when the request's origin is https); a handler's own header of the same name (an HTML page's CSP) wins.
 */
export function writeApiResponse(res: ServerResponse, response: ApiResponse, isHead = false, https = false): void {
  const body = response.body ?? null;
  const security = apiSecurityHeaders(response.status, response.headers?.["content-type"], https);
  if (body === null || isHead || BODYLESS_STATUS.has(response.status) || response.status < 200) {
    for (const [name, value] of Object.entries(security)) res.setHeader(name, value);
    if (response.headers) {
      for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
    }
    res.statusCode = response.status;
    res.end();
    return;
  }
  // One writeHead with the length known: no per-header setHeader bookkeeping, and no chunked encoding.
  const length = typeof body === "string" ? Buffer.byteLength(body) : body.byteLength;
  res.writeHead(response.status, { ...security, ...response.headers, "content-length": length });
  res.end(body);
}
