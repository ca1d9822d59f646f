/**
 * The machine API's request and response. Deliberately not the WHATWG Request/Response: on this machine
 * building those per request cost ~4x the throughput of plain Node (see README, Architecture), so handlers
 * get a lazy view of the request and return a plain description of the response. Adapters exist for
 * Node's http server (server.ts) and for Next's route handlers (next dev).
 */
import type { ConnectionFacts } from "@/lib/request-origin";

export interface ApiRequest {
  readonly method: string;
  /** Path as received, without the query string. */
  readonly path: string;
  /** Full URL (built lazily) on the request's origin as lib/request-origin resolves it. */
  readonly url: URL;
  readonly query: URLSearchParams;
  /** The query string as received (still percent-encoded, without the `?`). */
  readonly rawQuery: string;
  /** Lower-case header lookup; repeated headers are joined with ", ". */
  header(name: string): string | undefined;
  /** The client's address (lib/request-origin: forwarded headers count only from TRUSTED_PROXIES). */
  readonly ip: string;
  /** The socket's facts, when the adapter sees it (server.ts); the Next side passes them in a header instead. */
  readonly connection?: ConnectionFacts;
  /** Raw body, bounded by the adapter's limit (413 when exceeded). */
  body(): Promise<Buffer>;
  /** Per-request scratch space for route wrappers (e.g. the resolved project). */
  readonly locals: Record<string, unknown>;
}

export type HeaderValue = string | string[];

export interface ApiResponse {
  status: number;
  headers?: Record<string, HeaderValue>;
  body?: string | Uint8Array | null;
}

export type RouteParams = Record<string, string>;
export type Handler = (request: ApiRequest, params: RouteParams) => Promise<ApiResponse> | ApiResponse;

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" | "OPTIONS";

export interface RouteDefinition {
  method: HttpMethod | "*";
  /** Segments; `:name` captures one segment, a final `*name` captures the rest. */
  path: string;
  handler: Handler;
}
