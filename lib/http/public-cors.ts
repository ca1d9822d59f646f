import { findProjectBySlug } from "@/lib/projects/lookup";
import type { ApiRequest, ApiResponse, HeaderValue } from "./types";

/**
 * CORS of a project's public self-service API (Kratos' `serve.public.cors`, per project as `cors_public`):
 * apps on other origins (Ory Elements, `@ory/client-fetch` in a SPA) call the flows with `credentials: "include"`.
 * Off unless the project enables it and lists the origin (exact, or one `*` wildcard as Kratos allows:
 * `https://*.example.com`). Credentials mode is allowed, so the origin is always echoed, never `*` (Fetch
 * Standard §3.2.5). The OAuth2 endpoints have their own rule (cors.ts) and the admin API none here.
 */
const PUBLIC_PATH = /^\/p\/([^/]+)\/(?:self-service|sessions|schemas|\.well-known\/ory)(?:\/|$)/;
const ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE";
// Kratos' defaults for allowed and exposed headers.
const ALLOWED_HEADERS = new Set(["authorization", "content-type", "cookie", "x-session-token", "x-csrf-token", "x-xsrf-token", "accept"]);
const EXPOSED_HEADERS = "Content-Type, Set-Cookie";
const MAX_AGE_S = "600";

function originMatches(pattern: string, origin: string): boolean {
  if (!pattern.includes("*")) return pattern === origin;
  const [prefix, suffix] = pattern.split("*", 2);
  return origin.length > prefix.length + suffix.length && origin.startsWith(prefix) && origin.endsWith(suffix) && !origin.slice(prefix.length, -suffix.length || undefined).includes("/");
}

/** The origin if the request is a cross-origin call to a project's public API that the project allows. */
async function allowedOrigin(request: ApiRequest): Promise<string | undefined> {
  const origin = request.header("origin");
  if (!origin) return undefined;
  const match = PUBLIC_PATH.exec(request.path);
  if (!match) return undefined;
  const project = await findProjectBySlug(decodeURIComponent(match[1]));
  const cors = (project?.config as { cors_public?: { enabled?: boolean; origins?: string[] } } | undefined)?.cors_public;
  if (!cors?.enabled) return undefined;
  return (cors.origins ?? []).some((pattern) => originMatches(pattern, origin)) ? origin : undefined;
}

/** Answers a CORS preflight to an allowed origin; undefined leaves the request to the route table. */
export async function publicCorsPreflight(request: ApiRequest): Promise<ApiResponse | undefined> {
  if (request.method !== "OPTIONS" || !request.header("access-control-request-method")) return undefined;
  const origin = await allowedOrigin(request);
  if (!origin) return undefined;
  const requested = (request.header("access-control-request-headers") ?? "").split(",").map((h) => h.trim().toLowerCase()).filter(Boolean);
  return {
    status: 204,
    headers: {
      "access-control-allow-origin": origin,
      "access-control-allow-credentials": "true",
      "access-control-allow-methods": ALLOWED_METHODS,
      "access-control-allow-headers": requested.filter((h) => ALLOWED_HEADERS.has(h)).join(", "),
      "access-control-max-age": MAX_AGE_S,
      vary: "Origin, Access-Control-Request-Method, Access-Control-Request-Headers",
    },
  };
}

/** Adds the CORS answer headers to a response of the public API for an allowed origin. */
export async function withPublicCors(request: ApiRequest, response: ApiResponse): Promise<ApiResponse> {
  const origin = await allowedOrigin(request);
  if (!origin) return response;
  const vary = response.headers?.vary;
  const extra: Record<string, HeaderValue> = {
    "access-control-allow-origin": origin,
    "access-control-allow-credentials": "true",
    "access-control-expose-headers": EXPOSED_HEADERS,
    vary: vary ? `${Array.isArray(vary) ? vary.join(", ") : vary}, Origin` : "Origin",
  };
  return { ...response, headers: { ...response.headers, ...extra } };
}
