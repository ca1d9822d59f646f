import { z } from "zod";
import { acceptLogoutRequest, getLogoutRequest, rejectLogoutRequest, startLogout } from "@/lib/oauth2/logout/rp-logout";
import { parseQuery } from "../body";
import { oauth2Context, readOAuth2Form } from "../oauth2-context";
import { oauth2ErrorPage } from "@/lib/oauth2/error-page-url";
import { renderOutcome } from "../oauth2-outcome";
import { oauth2Errors } from "../oauth2-response";
import { projectAdminRoute, projectRoute, type ProjectHandler } from "../project-route";
import { noContent, ok } from "../respond";
import type { RouteDefinition } from "../types";

const logout: ProjectHandler = async (ctx) => {
  const params = ctx.request.method === "POST" ? await readOAuth2Form(ctx.request) : ctx.request.query;
  const oauth2 = oauth2Context(ctx);
  return renderOutcome(await startLogout(oauth2, params, ctx.request.header("cookie")), ctx.request, (error, description) => oauth2ErrorPage(oauth2, error, description));
};
const challenge = z.object({ logout_challenge: z.string().min(1).max(200) });

/** OIDC RP-Initiated Logout at the project base URL, and Hydra's logout request admin API. */
export const oauth2LogoutRoutes: RouteDefinition[] = [
  { method: "GET", path: "/p/:project/oauth2/sessions/logout", handler: projectRoute(oauth2Errors(logout)) },
  { method: "POST", path: "/p/:project/oauth2/sessions/logout", handler: projectRoute(oauth2Errors(logout)) },
  { method: "GET", path: "/p/:project/admin/oauth2/auth/requests/logout", handler: projectAdminRoute(async (ctx) => ok(await getLogoutRequest(oauth2Context(ctx), parseQuery(ctx.request, challenge).logout_challenge))) },
  { method: "PUT", path: "/p/:project/admin/oauth2/auth/requests/logout/accept", handler: projectAdminRoute(async (ctx) => ok(await acceptLogoutRequest(oauth2Context(ctx), parseQuery(ctx.request, challenge).logout_challenge))) },
  { method: "PUT", path: "/p/:project/admin/oauth2/auth/requests/logout/reject", handler: projectAdminRoute(async (ctx) => (await rejectLogoutRequest(oauth2Context(ctx), parseQuery(ctx.request, challenge).logout_challenge), noContent())) },
];
