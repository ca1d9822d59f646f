import { authorizationEndpoint } from "@/lib/oauth2/authorize";
import { deviceAuthorization } from "@/lib/oauth2/device/authorize";
import { deviceVerify } from "@/lib/oauth2/device/verify";
import { invalidRequest, invalidToken } from "@/lib/oauth2/errors";
import { authenticateClient } from "@/lib/oauth2/client-auth/authenticate";
import { tokenEndpoint } from "@/lib/oauth2/grants/token-endpoint";
import { revokeToken } from "@/lib/oauth2/tokens/revoke";
import { userinfo } from "@/lib/oauth2/userinfo";
import { bearerToken } from "@/lib/apikeys";
import { clientCors, clientCorsPreflight } from "../cors";
import { oauth2Context, readOAuth2Form } from "../oauth2-context";
import { oauth2ErrorPage } from "@/lib/oauth2/error-page-url";
import { renderOutcome } from "../oauth2-outcome";
import { NO_STORE, oauth2Errors, oauth2Json } from "../oauth2-response";
import { projectRoute, type ProjectHandler } from "../project-route";
import type { RouteDefinition } from "../types";

const protocol = (handler: ProjectHandler) => projectRoute(oauth2Errors(handler));
/** Endpoints browser clients call with fetch (never /oauth2/auth: browsers navigate there), with CORS per client origins. */
const browserCallable = (handler: ProjectHandler) => projectRoute(clientCors(oauth2Errors(handler)));
const preflight = (...methods: string[]) => projectRoute(clientCorsPreflight(methods));

const authorize: ProjectHandler = async (ctx) => {
  const params = ctx.request.method === "POST" ? await readOAuth2Form(ctx.request) : ctx.request.query;
  const oauth2 = oauth2Context(ctx);
  return renderOutcome(await authorizationEndpoint(oauth2, params, ctx.request.header("cookie")), ctx.request, (error, description) => oauth2ErrorPage(oauth2, error, description));
};

const userinfoHandler: ProjectHandler = async (ctx) => {
  const header = bearerToken(ctx.request.header("authorization"));
  let token = header;
  if (ctx.request.method === "POST" && /^application\/x-www-form-urlencoded/i.test(ctx.request.header("content-type") ?? "")) {
    const fromBody = (await readOAuth2Form(ctx.request)).get("access_token");
    // RFC 6750 §2: exactly one method of presenting the token.
    if (fromBody && header) throw invalidRequest("The access token was sent in both the header and the body.");
    token ??= fromBody ?? undefined;
  }
  if (!token) throw invalidToken("An access token is required (RFC 6750 §2).");
  const result = await userinfo(oauth2Context(ctx), token);
  if (result.type === "jwt") return { status: 200, headers: { "content-type": "application/jwt", ...NO_STORE }, body: result.jwt };
  return oauth2Json(200, result.claims);
};

/** OAuth 2.0 / OIDC protocol endpoints at the project base URL (Hydra's public API). */
export const oauth2ProtocolRoutes: RouteDefinition[] = [
  {
    method: "POST",
    path: "/p/:project/oauth2/token",
    handler: browserCallable(async (ctx) => oauth2Json(200, await tokenEndpoint(oauth2Context(ctx), ctx.request.header("authorization"), await readOAuth2Form(ctx.request)))),
  },
  {
    method: "POST",
    path: "/p/:project/oauth2/revoke",
    handler: browserCallable(async (ctx) => {
      const o = oauth2Context(ctx);
      const form = await readOAuth2Form(ctx.request);
      const token = form.get("token");
      form.delete("token");
      form.delete("token_type_hint");
      const { client } = await authenticateClient(o, ctx.request.header("authorization"), form, `${o.issuer}/oauth2/revoke`);
      if (!token) throw invalidRequest("The token parameter is missing.");
      await revokeToken(o, client.client_id, token);
      return oauth2Json(200, {});
    }),
  },
  { method: "GET", path: "/p/:project/oauth2/auth", handler: protocol(authorize) },
  { method: "POST", path: "/p/:project/oauth2/auth", handler: protocol(authorize) },
  {
    method: "POST",
    path: "/p/:project/oauth2/device/auth",
    handler: browserCallable(async (ctx) => oauth2Json(200, await deviceAuthorization(oauth2Context(ctx), ctx.request.header("authorization"), await readOAuth2Form(ctx.request)))),
  },
  {
    method: "GET",
    path: "/p/:project/oauth2/device/verify",
    handler: protocol(async (ctx) => {
      const oauth2 = oauth2Context(ctx);
      return renderOutcome(await deviceVerify(oauth2, ctx.request.query, ctx.request.header("cookie")), ctx.request, (error, description) => oauth2ErrorPage(oauth2, error, description));
    }),
  },
  { method: "GET", path: "/p/:project/userinfo", handler: browserCallable(userinfoHandler) },
  { method: "POST", path: "/p/:project/userinfo", handler: browserCallable(userinfoHandler) },
  { method: "OPTIONS", path: "/p/:project/oauth2/token", handler: preflight("POST") },
  { method: "OPTIONS", path: "/p/:project/oauth2/revoke", handler: preflight("POST") },
  { method: "OPTIONS", path: "/p/:project/oauth2/device/auth", handler: preflight("POST") },
  { method: "OPTIONS", path: "/p/:project/userinfo", handler: preflight("GET", "POST") },
];
