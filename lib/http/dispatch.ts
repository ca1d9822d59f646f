import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/core/errors";
import { logger } from "./context";
import { renderInFamily } from "./error-family";
import { inputRejectedByDatabase } from "@/lib/core/rejected-input";
import { assertStorableUrl, databaseRefusal } from "./input-guard";
import { renderOryError, toOryErrorResponse } from "./ory-error";
import { Router } from "./router";
import { machineRoutes } from "./routes";
import { isMachinePath } from "./machine-paths";
import { publicCorsPreflight, withPublicCors } from "./public-cors";
import type { ApiRequest, ApiResponse } from "./types";

export { isMachinePath };

let router: Router | undefined;
const getRouter = () => (router ??= new Router(machineRoutes));

/**
 * Next's router asks for a page's React payload with `RSC: 1` — server-side for the target of a server action's
 * redirect, and from the browser on client navigations. Machine endpoints are never pages, and some redeem
 * one-time values (login, consent and logout verifiers): such a fetch gets an empty, non-RSC answer without
 * running the endpoint, so the router falls back to a full browser navigation, which runs it exactly once.
 */
const isRouterFetch = (request: ApiRequest) => request.method === "GET" && request.header("rsc") === "1";

/** Routes a request through the machine endpoint table; undefined when no API path matches. */
export async function dispatch(request: ApiRequest): Promise<ApiResponse | undefined> {
  // Only requests that carry an Origin pay for the CORS rule (a cached project lookup).
  if (request.header("origin") === undefined) return route(request);
  const preflight = await publicCorsPreflight(request);
  if (preflight) return preflight;
  const response = await route(request);
  return response && withPublicCors(request, response);
}

async function route(request: ApiRequest): Promise<ApiResponse | undefined> {
  const match = getRouter().match(request.method, request.path);
  if (match === undefined) {
    if (!isMachinePath(request.path)) return undefined;
    return renderOryError(new AppError("not_found", "The requested resource could not be found", { id: "route_not_found" }));
  }
  if (match === "method") {
    return renderOryError(new AppError("method_not_allowed", `The method ${request.method} is not allowed on this path.`));
  }
  if (isRouterFetch(request)) return { status: 204, headers: { "cache-control": "no-store", vary: "rsc" } };
  try {
    assertStorableUrl(request.path, request.rawQuery);
  } catch (error) {
    return renderInFamily(error as AppError, request.path);
  }
  try {
    return await match.handler(request, match.params);
  } catch (error) {
    const state = inputRejectedByDatabase(error);
    if (state === undefined) return toOryErrorResponse(error, logger(), randomUUID());
    // Defence in depth: the boundary (input-guard.ts, route schemas) should have refused this input already.
    logger().warn("input refused by the database, not by the boundary", { sqlstate: state, method: request.method, path: request.path });
    return renderInFamily(databaseRefusal(state), request.path);
  }
}
