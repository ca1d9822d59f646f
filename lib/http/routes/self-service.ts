import { ZodError } from "zod";
import { AppError, isAppError } from "@/lib/core/errors";
import {
  browserError, createBrowserLogout, createFlow, createRecoveryCodeForIdentity, createRecoveryLinkForIdentity, errorJson, flowKinds, getFlowError,
  getFlowForPage, performBrowserLogout, performNativeLogout, recoveryCodeBody, recoveryLinkBody, redeemRecoveryLink, redeemVerificationLink, submitFlowOf, wantsJson,
  WEBAUTHN_SCRIPT,
} from "@/lib/selfservice";
import { readForm, readJson, parseJson } from "../body";
import type { ProjectContext } from "../context";
import { zodToAppError } from "../ory-error";
import { projectAdminRoute, projectRoute } from "../project-route";
import { created, ok, text } from "../respond";
import type { ApiResponse, RouteDefinition } from "../types";

type Body = Record<string, unknown>;

/** Self-service answers: JSON for API endpoints and AJAX, redirects (303 / error page) for browser navigations. */
function selfService(handler: (ctx: ProjectContext) => Promise<ApiResponse>, alwaysJson = false) {
  return projectRoute(async (ctx) => {
    try {
      return await handler(ctx);
    } catch (error) {
      const appError = error instanceof ZodError ? zodToAppError(error) : error;
      if (!isAppError(appError)) throw error;
      return alwaysJson || wantsJson(ctx.request) ? errorJson(appError) : browserError(ctx, appError);
    }
  });
}

/**
 * A submission body: HTML form or JSON object; anything else is 415, malformed JSON 400, too large 413. Text that
 * cannot be stored is left to the flow, which answers with a message on the field (submitFlow), as for any invalid value.
 */
async function readSubmission(ctx: ProjectContext): Promise<Body> {
  const type = ctx.request.header("content-type") ?? "";
  const checks = { refuseUnstorable: false };
  if (/^application\/x-www-form-urlencoded/i.test(type)) return Object.fromEntries(await readForm(ctx.request, checks));
  const parsed = await readJson(ctx.request, checks);
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new AppError("bad_request", "The request body must be a JSON object.");
  return parsed as Body;
}

const flowRoutes = flowKinds.flatMap((kind): RouteDefinition[] => [
  { method: "GET", path: `/p/:project/self-service/${kind}/browser`, handler: selfService((ctx) => createFlow[kind](ctx, "browser")) },
  { method: "GET", path: `/p/:project/self-service/${kind}/api`, handler: selfService((ctx) => createFlow[kind](ctx, "api"), true) },
  { method: "GET", path: `/p/:project/self-service/${kind}/flows`, handler: selfService(async (ctx) => ok(await getFlowForPage(ctx, kind, ctx.request.query.get("id"))), true) },
  {
    method: "POST",
    path: `/p/:project/self-service/${kind}`,
    handler: selfService(async (ctx) => submitFlowOf[kind](ctx, ctx.request.query.get("flow"), await readSubmission(ctx))),
  },
]);

/** Kratos' public self-service API plus the admin recovery endpoints. */
export const selfServiceRoutes: RouteDefinition[] = [
  ...flowRoutes,
  // Kratos' getWebAuthnJavaScript: the browser side of the webauthn and passkey nodes (the script node's src).
  {
    method: "GET",
    path: "/p/:project/.well-known/ory/webauthn.js",
    handler: projectRoute(() => {
      const response = text(200, WEBAUTHN_SCRIPT, "text/javascript; charset=utf-8");
      return { ...response, headers: { ...response.headers, "cache-control": "public, max-age=3600" } };
    }),
  },
  { method: "GET", path: "/p/:project/self-service/recovery", handler: selfService((ctx) => redeemRecoveryLink(ctx)) },
  { method: "GET", path: "/p/:project/self-service/verification", handler: selfService((ctx) => redeemVerificationLink(ctx)) },
  { method: "GET", path: "/p/:project/self-service/errors", handler: selfService(async (ctx) => ok(await getFlowError(ctx, ctx.request.query.get("id"))), true) },
  { method: "GET", path: "/p/:project/self-service/logout/browser", handler: selfService((ctx) => createBrowserLogout(ctx), true) },
  { method: "GET", path: "/p/:project/self-service/logout", handler: selfService((ctx) => performBrowserLogout(ctx)) },
  {
    method: "DELETE",
    path: "/p/:project/self-service/logout/api",
    handler: selfService(async (ctx) => {
      const body = (await readJson(ctx.request)) as { session_token?: unknown } | null;
      if (!body || typeof body.session_token !== "string" || !body.session_token) throw new AppError("bad_request", "The session_token is missing.", { reason: "The request body must be {\"session_token\": \"…\"}." });
      return performNativeLogout(ctx, body.session_token);
    }, true),
  },
  { method: "POST", path: "/p/:project/admin/recovery/code", handler: projectAdminRoute(async (ctx) => created(await createRecoveryCodeForIdentity(ctx, await parseJson(ctx.request, recoveryCodeBody)))) },
  { method: "POST", path: "/p/:project/admin/recovery/link", handler: projectAdminRoute(async (ctx) => created(await createRecoveryLinkForIdentity(ctx, await parseJson(ctx.request, recoveryLinkBody)))) },
];
