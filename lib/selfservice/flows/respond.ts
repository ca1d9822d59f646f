import { AppError } from "@/lib/core/errors";
import { newId } from "@/lib/core/ids";
import { RateLimitedError } from "@/lib/ratelimit";
import { FlowError } from "./errors";
import { toOryFlow } from "./serialize";
import type { FlowContext, FlowRecord, FlowRequest, FlowResponse } from "./types";
import { flowUrls } from "./urls";

const JSON_TYPE = "application/json; charset=utf-8";

/**
 * Kratos' rule for browser flows: a request that accepts or sends JSON (`Accept: application/json` or a JSON
 * body) is an AJAX client and gets JSON; anything else is a browser navigation or HTML form post and gets 303s.
 */
export function wantsJson(request: FlowRequest): boolean {
  const accept = request.header("accept") ?? "";
  const type = request.header("content-type") ?? "";
  return /application\/([a-z.+-]*\+)?json/i.test(accept) || /application\/([a-z.+-]*\+)?json/i.test(type);
}

export function jsonResponse(status: number, body: unknown, setCookies: string[] = []): FlowResponse {
  return { status, headers: { "content-type": JSON_TYPE, "cache-control": "private, no-cache, no-store, must-revalidate", ...(setCookies.length ? { "set-cookie": setCookies } : {}) }, body: JSON.stringify(body) };
}

export function seeOther(location: string, setCookies: string[] = []): FlowResponse {
  return { status: 303, headers: { location, "cache-control": "private, no-cache, no-store, must-revalidate", ...(setCookies.length ? { "set-cookie": setCookies } : {}) } };
}

export const flowJson = (status: number, flow: FlowRecord, setCookies: string[] = [], extras: Record<string, unknown> = {}) =>
  jsonResponse(status, toOryFlow(flow, extras), setCookies);

/** Ory's error body, plus Kratos' top-level extras (use_flow_id, redirect_browser_to) and Retry-After for 429. */
export function errorJson(error: AppError, setCookies: string[] = []): FlowResponse {
  const body = {
    error: {
      ...(error.id ? { id: error.id } : {}),
      code: error.status,
      status: statusText(error.status),
      ...(error.reason ? { reason: error.reason } : {}),
      message: error.message,
      ...(error.details ? { details: error.details } : {}),
    },
    ...(error instanceof FlowError ? error.extra : {}),
  };
  const response = jsonResponse(error.status, body, setCookies);
  if (error instanceof RateLimitedError) response.headers!["retry-after"] = String(error.retryAfterSeconds);
  return response;
}

const statusText = (status: number) =>
  ({ 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 409: "Conflict", 410: "Gone", 413: "Payload Too Large", 415: "Unsupported Media Type", 422: "Unprocessable Entity", 429: "Too Many Requests" })[status] ?? "Error";

/**
 * Browser navigations never see JSON errors: errors with a known next step redirect there (expired → new flow,
 * refresh required → login), all others are stored and shown on the error page (`/ui/error?id=`).
 */
export async function browserError(ctx: FlowContext, error: AppError, setCookies: string[] = []): Promise<FlowResponse> {
  if (error instanceof FlowError && error.browserRedirect) return seeOther(error.browserRedirect, setCookies);
  const id = newId();
  const stored = errorJson(error);
  await ctx.db.selfServiceError.create({ data: { projectId: ctx.project.id, id, error: (JSON.parse(stored.body as string) as { error: object }).error, createdAt: ctx.now } });
  const response = seeOther(flowUrls(ctx).error(id), setCookies);
  if (error instanceof RateLimitedError) response.headers!["retry-after"] = String(error.retryAfterSeconds);
  return response;
}

/** `GET /self-service/errors?id=`: Ory's flowError object. */
export async function getFlowError(ctx: FlowContext, id: string | null) {
  const row = id && /^[0-9a-f-]{36}$/i.test(id) ? await ctx.db.selfServiceError.findFirst({ where: { id } }) : null;
  if (!row) throw new AppError("not_found", "Unable to locate the resource", { id: "self_service_error_not_found", reason: "The error does not exist or was deleted." });
  return { id: row.id, error: row.error, created_at: row.createdAt.toISOString(), updated_at: row.updatedAt.toISOString() };
}
