import { z } from "zod";
import { acceptConsentRequest, acceptLoginRequest, getConsentRequest, getLoginRequest, rejectConsentRequest, rejectLoginRequest } from "@/lib/oauth2/flows/admin-requests";
import { acceptConsentSchema, acceptLoginSchema, rejectSchema } from "@/lib/oauth2/flows/schemas";
import { listConsentSessions, revokeConsentSessions, revokeLoginSessions } from "@/lib/oauth2/flows/sessions-admin";
import { acceptUserCode } from "@/lib/oauth2/device/verify";
import { introspectToken } from "@/lib/oauth2/tokens/introspect";
import { revokeClientTokens } from "@/lib/oauth2/tokens/store";
import { auditChange } from "@/lib/keys";
import { endLoginSessions } from "@/lib/oauth2/logout/end-sessions";
import { parseJson, parseQuery } from "../body";
import { oauth2Context, readOAuth2Form } from "../oauth2-context";
import { oauth2Errors, oauth2Json } from "../oauth2-response";
import { projectAdminRoute } from "../project-route";
import { noContent, ok } from "../respond";
import type { RouteDefinition } from "../types";

const q = <S extends z.ZodType>(schema: S) => schema;
const loginQuery = q(z.object({ login_challenge: z.string().min(1).max(200) }));
const consentQuery = q(z.object({ consent_challenge: z.string().min(1).max(200) }));
const optionalJson = async <S extends z.ZodType>(request: Parameters<typeof parseJson>[0], schema: S): Promise<z.infer<S>> =>
  (await request.body()).length ? parseJson(request, schema) : schema.parse({});

/** Hydra's admin API for login/consent apps, token introspection and revocation, and session management. */
export const oauth2AdminRoutes: RouteDefinition[] = [
  {
    method: "POST",
    path: "/p/:project/admin/oauth2/introspect",
    handler: projectAdminRoute(oauth2Errors(async (ctx) => {
      const form = await readOAuth2Form(ctx.request);
      const token = form.get("token");
      if (!token) return oauth2Json(400, { error: "invalid_request", error_description: "The token parameter is missing." });
      return oauth2Json(200, await introspectToken(oauth2Context(ctx), token, form.get("scope") ?? undefined));
    })),
  },
  {
    method: "DELETE",
    path: "/p/:project/admin/oauth2/tokens",
    handler: projectAdminRoute(async (ctx) => {
      const { client_id } = parseQuery(ctx.request, z.object({ client_id: z.string().min(1).max(255) }));
      const count = await revokeClientTokens(ctx.db, client_id, ctx.now, ctx.project.id);
      await auditChange(ctx, ctx.db, "oauth2.tokens.revoked", "oauth2_client", client_id, { count });
      return noContent();
    }),
  },
  { method: "GET", path: "/p/:project/admin/oauth2/auth/requests/login", handler: projectAdminRoute(async (ctx) => ok(await getLoginRequest(oauth2Context(ctx), parseQuery(ctx.request, loginQuery).login_challenge))) },
  {
    method: "PUT",
    path: "/p/:project/admin/oauth2/auth/requests/login/accept",
    handler: projectAdminRoute(async (ctx) => ok(await acceptLoginRequest(oauth2Context(ctx), parseQuery(ctx.request, loginQuery).login_challenge, await parseJson(ctx.request, acceptLoginSchema)))),
  },
  {
    method: "PUT",
    path: "/p/:project/admin/oauth2/auth/requests/login/reject",
    handler: projectAdminRoute(async (ctx) => ok(await rejectLoginRequest(oauth2Context(ctx), parseQuery(ctx.request, loginQuery).login_challenge, await optionalJson(ctx.request, rejectSchema)))),
  },
  { method: "GET", path: "/p/:project/admin/oauth2/auth/requests/consent", handler: projectAdminRoute(async (ctx) => ok(await getConsentRequest(oauth2Context(ctx), parseQuery(ctx.request, consentQuery).consent_challenge))) },
  {
    method: "PUT",
    path: "/p/:project/admin/oauth2/auth/requests/consent/accept",
    handler: projectAdminRoute(async (ctx) => ok(await acceptConsentRequest(oauth2Context(ctx), parseQuery(ctx.request, consentQuery).consent_challenge, await optionalJson(ctx.request, acceptConsentSchema)))),
  },
  {
    method: "PUT",
    path: "/p/:project/admin/oauth2/auth/requests/consent/reject",
    handler: projectAdminRoute(async (ctx) => ok(await rejectConsentRequest(oauth2Context(ctx), parseQuery(ctx.request, consentQuery).consent_challenge, await optionalJson(ctx.request, rejectSchema)))),
  },
  {
    method: "PUT",
    path: "/p/:project/admin/oauth2/auth/requests/device/accept",
    handler: projectAdminRoute(async (ctx) => {
      const { device_challenge } = parseQuery(ctx.request, z.object({ device_challenge: z.string().min(1).max(500) }));
      const body = await parseJson(ctx.request, z.object({ user_code: z.string().min(1).max(64) }));
      return ok(await acceptUserCode(oauth2Context(ctx), device_challenge, body.user_code));
    }),
  },
  {
    method: "GET",
    path: "/p/:project/admin/oauth2/auth/sessions/consent",
    handler: projectAdminRoute(async (ctx) => {
      const query = parseQuery(ctx.request, z.object({ subject: z.string().min(1).max(512), login_session_id: z.string().max(200).optional(), page_size: z.coerce.number().int().min(1).max(500).default(250), page_token: z.string().optional() }));
      return ok(await listConsentSessions(oauth2Context(ctx), query.subject, query.login_session_id, query.page_size));
    }),
  },
  {
    method: "DELETE",
    path: "/p/:project/admin/oauth2/auth/sessions/consent",
    handler: projectAdminRoute(async (ctx) => {
      const query = parseQuery(ctx.request, z.object({ subject: z.string().min(1).max(512), client: z.string().max(255).optional(), all: z.enum(["true", "false"]).optional() }));
      await revokeConsentSessions(oauth2Context(ctx), query.subject, query.client, query.all === "true");
      return noContent();
    }),
  },
  {
    method: "DELETE",
    path: "/p/:project/admin/oauth2/auth/sessions/login",
    handler: projectAdminRoute(async (ctx) => {
      const query = parseQuery(ctx.request, z.object({ subject: z.string().max(512).optional(), sid: z.string().max(200).optional() }));
      const o = oauth2Context(ctx);
      const revoked = await revokeLoginSessions(o, query);
      // Hydra: revoking by sid performs back-channel logout for that session; by subject it does not.
      if (query.sid) await endLoginSessions(o, revoked, { frontChannel: false });
      return noContent();
    }),
  },
];
