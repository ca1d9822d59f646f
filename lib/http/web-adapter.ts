import { AppError } from "@/lib/core/errors";
import { MAX_BODY_BYTES } from "./node-adapter";
import type { ApiRequest, ApiResponse } from "./types";

/** Adapts a WHATWG Request (Next's route handlers, tests) to the machine API's request. */
export function fromWebRequest(request: Request, ip = ""): ApiRequest {
  const url = new URL(request.url);
  let bodyPromise: Promise<Buffer> | undefined;
  return {
    method: request.method,
    path: url.pathname,
    url,
    protocol: url.protocol.slice(0, -1),
    query: url.searchParams,
    rawQuery: url.search.slice(1),
    ip,
    locals: {},
    header: (name) => request.headers.get(name) ?? undefined,
    body: () =>
      (bodyPromise ??= request.arrayBuffer().then((buffer) => {
        if (buffer.byteLength > MAX_BODY_BYTES) throw new AppError("payload_too_large", `The request body exceeds ${MAX_BODY_BYTES} bytes.`);
        return Buffer.from(buffer);
      })),
  };
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
