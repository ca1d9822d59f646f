import { isClientCorsOrigin } from "@/lib/oauth2/clients";
import type { ProjectContext } from "./context";
import type { ProjectHandler } from "./project-route";
import type { ApiResponse, HeaderValue } from "./types";

/** Request headers a browser client of the token, revocation, device and userinfo endpoints needs beyond the safelisted ones. */
const ALLOWED_HEADERS = ["authorization", "content-type"];
/** Lets scripts read RFC 6750 §3 errors of userinfo and the Basic challenge of invalid_client. */
const EXPOSED_HEADERS = "WWW-Authenticate";
const PREFLIGHT_MAX_AGE_S = "600";

function withHeaders(response: ApiResponse, extra: Record<string, HeaderValue>): ApiResponse {
  const vary = response.headers?.vary;
  const merged = vary ? `${Array.isArray(vary) ? vary.join(", ") : vary}, ${extra.vary}` : extra.vary;
  return { ...response, headers: { ...response.headers, ...extra, vary: merged } };
}

const allowed = (ctx: ProjectContext, origin: string) => isClientCorsOrigin(ctx.project.id, origin);

/**
 * CORS for the public OAuth2 endpoints that browser clients call (Hydra: token, revocation, userinfo; we add
 * device authorization). The client is known only after the body is read and authenticated, and a preflight
 * carries no credentials at all, so — as Hydra does for preflights — an origin is allowed when any client of
 * this project lists it in `allowed_cors_origins` (exact match, Fetch Standard §3.2.5). Other origins get no
 * Access-Control-Allow-Origin, and the browser withholds the response. No credentials mode: these endpoints
 * never read cookies.
 */
export function clientCors(handler: ProjectHandler): ProjectHandler {
  return async (ctx, params) => {
    const origin = ctx.request.header("origin");
    const response = await handler(ctx, params);
    if (!origin) return response;
    if (!(await allowed(ctx, origin))) return withHeaders(response, { vary: "Origin" });
    return withHeaders(response, { "access-control-allow-origin": origin, "access-control-expose-headers": EXPOSED_HEADERS, vary: "Origin" });
  };
}

/** The CORS preflight (Fetch Standard §3.2.2, "CORS-preflight request") of an endpoint that accepts `methods`. */
export function clientCorsPreflight(methods: readonly string[]): ProjectHandler {
  const allow = [...methods, "OPTIONS"].join(", ");
  return async (ctx) => {
    const origin = ctx.request.header("origin");
    const method = ctx.request.header("access-control-request-method");
    const base: ApiResponse = { status: 204, headers: { allow, "cache-control": "no-store" } };
    if (!origin || !method) return base;
    const vary = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";
    const requested = (ctx.request.header("access-control-request-headers") ?? "").split(",").map((h) => h.trim().toLowerCase()).filter(Boolean);
    const fits = methods.includes(method) && requested.every((header) => ALLOWED_HEADERS.includes(header));
    if (!fits || !(await allowed(ctx, origin))) return withHeaders(base, { vary });
    return withHeaders(base, {
      "access-control-allow-origin": origin,
      "access-control-allow-methods": methods.join(", "),
      ...(requested.length ? { "access-control-allow-headers": requested.join(", ") } : {}),
      "access-control-max-age": PREFLIGHT_MAX_AGE_S,
      vary,
    });
  };
}
