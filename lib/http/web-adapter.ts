import { AppError } from "@/lib/core/errors";
import { MAX_BODY_BYTES } from "./node-adapter";
import { clientIp, requestOrigin } from "@/lib/request-origin";
import type { ApiRequest, ApiResponse } from "./types";

/**
 * Adapts a WHATWG Request (Next's route handlers under `next dev`, tests) to the machine API's request. The
 * socket is not visible here: behind server.ts its facts come in lib/request-origin's front header,
 * otherwise the peer is unknown and no forwarded header is believed.
 */
export function fromWebRequest(request: Request): ApiRequest {
  const given = new URL(request.url);
  let bodyPromise: Promise<Buffer> | undefined;
  let url: URL | undefined;
  const apiRequest: ApiRequest = {
    method: request.method,
    path: given.pathname,
    get url() {
      const origin = requestOrigin(apiRequest);
      return (url ??= new URL(given.pathname + given.search, origin.served ? origin.origin : "http://host.invalid"));
    },
    query: given.searchParams,
    rawQuery: given.search.slice(1),
    get ip() {
      return clientIp(apiRequest);
    },
    locals: {},
    // A WHATWG Request built in code has no Host header: its URL names the host.
    header: (name) => request.headers.get(name) ?? (name === "host" ? given.host : undefined),
    body: () =>
      (bodyPromise ??= request.arrayBuffer().then((buffer) => {
        if (buffer.byteLength > MAX_BODY_BYTES) throw new AppError("payload_too_large", `The request body exceeds ${MAX_BODY_BYTES} bytes.`);
        return Buffer.from(buffer);
      })),
  };
  return apiRequest;
}

export function toWebResponse(response: ApiResponse): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(response.headers ?? {})) {
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const body = response.body ?? null;
  return new Response(body === null ? null : typeof body === "string" ? body : new Uint8Array(body), {
    status: response.status,
    headers,
  });
}
