import { readCookie } from "@/lib/sessions";
import type { GatewayRequest } from "../../pipeline/types";

export type TokenFrom = { header: string } | { query_parameter: string } | { cookie: string } | undefined;

/** The credential a request carries where `token_from` says (default: `Authorization: Bearer …`, RFC 6750 §2.1). */
export function tokenFrom(request: GatewayRequest, from: TokenFrom): string | undefined {
  if (!from) {
    const authorization = request.header("authorization");
    const match = authorization ? /^Bearer\s+(\S+)\s*$/i.exec(authorization) : null;
    return match?.[1];
  }
  if ("header" in from) return request.header(from.header.toLowerCase())?.trim() || undefined;
  if ("query_parameter" in from) return request.url.searchParams.get(from.query_parameter) || undefined;
  return readCookie(request.header("cookie"), from.cookie) || undefined;
}
