import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError } from "@/lib/core/errors";
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

  constructor(private readonly req: IncomingMessage, readonly protocol: string) {
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
    return (this.cachedUrl ??= new URL(this.req.url ?? "/", `${this.protocol}://${this.req.headers.host ?? "localhost"}`));
  }

  get ip(): string {
    return this.req.socket.remoteAddress ?? "";
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

export function toApiRequest(req: IncomingMessage, trustProxy = false): ApiRequest {
  const forwarded = trustProxy ? String(req.headers["x-forwarded-proto"] ?? "").split(",")[0].trim() : "";
  const encrypted = "encrypted" in req.socket && Boolean(req.socket.encrypted);
  return new NodeApiRequest(req, forwarded || (encrypted ? "https" : "http"));
}

// Statuses whose responses carry no body (RFC 9110 §6.4.1): no Content-Length from us.
const BODYLESS_STATUS = new Set([204, 304]);

export function writeApiResponse(res: ServerResponse, response: ApiResponse, isHead = false): void {
  const body = response.body ?? null;
  if (body === null || isHead || BODYLESS_STATUS.has(response.status) || response.status < 200) {
    if (response.headers) {
      for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
    }
    res.statusCode = response.status;
    res.end();
    return;
  }
  // One writeHead with the length known: no per-header setHeader bookkeeping, and no chunked encoding.
  const length = typeof body === "string" ? Buffer.byteLength(body) : body.byteLength;
  res.writeHead(response.status, { ...response.headers, "content-length": length });
  res.end(body);
}
