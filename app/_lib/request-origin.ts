import { cache } from "react";
import { headers } from "next/headers";
import { requestOrigin, type RequestOrigin } from "@/lib/request-origin";

/**
 * This request's origin, client IP and served host, as lib/request-origin resolves them for server.ts'
 * fast path (server.ts hands Next the socket's facts in a header only it can write). Memoized per request.
 */
export const currentRequestOrigin = cache(async (): Promise<RequestOrigin> => {
  const list = await headers();
  return requestOrigin({ header: (name) => list.get(name) ?? undefined });
});

/** The client's address for rate limits, sessions and audit events (never the first X-Forwarded-For entry). */
export async function currentClientIp(): Promise<string> {
  return (await currentRequestOrigin()).clientIp;
}
