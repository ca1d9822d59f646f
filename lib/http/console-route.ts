import { consoleAccessForUser, consoleAccessForWorkspaceKey, type ConsoleAccess } from "@/lib/access";
import { requestOrigin } from "@/lib/request-origin";
import { bearerToken } from "@/lib/apikeys/tokens";
import { config } from "@/lib/config";
import { CONSOLE_COOKIE, userFromSessionToken } from "@/lib/console/session";
import { forbidden, unauthorized } from "@/lib/core/errors";
import type { Logger } from "@/lib/core/log";
import { verifyWorkspaceApiKey } from "@/lib/workspaces/api-keys";
import { logger } from "./context";
import type { ApiRequest, ApiResponse, Handler, RouteParams } from "./types";

/** What a console API handler gets: who is calling and which workspaces it may touch. */
export interface ConsoleContext {
  access: ConsoleAccess;
  request: ApiRequest;
  now: Date;
  log: Logger;
}

export type ConsoleHandler = (ctx: ConsoleContext, params: RouteParams) => Promise<ApiResponse> | ApiResponse;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** One cookie's value from a Cookie header (RFC 6265 §5.4 serialization: `name=value; name2=value2`). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim() || undefined;
  }
  return undefined;
}

function expectedOrigins(request: ApiRequest): Set<string> {
  const origins = new Set([request.url.origin]);
  const publicUrl = config().PUBLIC_URL;
  if (publicUrl) origins.add(new URL(publicUrl).origin);
  return origins;
}

/**
 * CSRF defence for cookie-authenticated writes: the browser must say the request is same-origin, through
 * Fetch Metadata (`Sec-Fetch-Site`, which scripts cannot set) or the `Origin` header (RFC 6454 §7).
 */
export function assertSameOrigin(request: ApiRequest): void {
  const site = request.header("sec-fetch-site");
  if (site === "same-origin") return;
  const origin = request.header("origin");
  if (site === undefined && origin && expectedOrigins(request).has(origin)) return;
  throw forbidden("Cross-site requests cannot change console data.", {
    id: "csrf_origin_mismatch",
    reason: "Cookie-authenticated writes need a same-origin Origin header (or Sec-Fetch-Site: same-origin).",
  });
}

async function authenticate(request: ApiRequest, now: Date): Promise<ConsoleAccess> {
  const authorization = request.header("authorization");
  if (authorization !== undefined) {
    const token = bearerToken(authorization);
    const key = token ? await verifyWorkspaceApiKey(token, now) : undefined;
    if (!key) throw unauthorized("The request could not be authorized", { reason: "The workspace API key is invalid, expired or revoked." });
    return consoleAccessForWorkspaceKey(key, requestOrigin(request));
  }
  const session = readCookie(request.header("cookie"), CONSOLE_COOKIE);
  const user = session ? await userFromSessionToken(session) : undefined;
  if (!user) {
    throw unauthorized("The request could not be authorized", {
      reason: "Send a workspace API key (Authorization: Bearer pc_wak_…) or sign in to the console.",
    });
  }
  if (!SAFE_METHODS.has(request.method)) assertSameOrigin(request);
  return consoleAccessForUser(user, requestOrigin(request));
}

/** A console API endpoint: authenticated by a workspace API key or the console session cookie. */
export function consoleRoute(handler: ConsoleHandler): Handler {
  return async (request, params) => {
    const now = new Date();
    const access = await authenticate(request, now);
    return handler({ access, request, now, log: logger() }, params);
  };
}
