import { z } from "zod";
import { AppError, badRequest, notFound, unauthorized } from "@/lib/core/errors";
import { getIdentity, type IdentityRecord } from "@/lib/identity";
import { projectBaseUrl, requestOrigin } from "@/lib/request-origin";
import {
  extendSession, getSession, listSessions, manageSessions, manageSessionsBody, meetsRequiredAal, revokeIdentitySessions, revokeSession, sessionFromRequest, toOrySession,
  type AuthenticatedSession, type SessionRecord,
} from "@/lib/sessions";
import { parseJson } from "../body";
import type { ProjectContext } from "../context";
import { booleanQuery, pageQuery, paginationLinks } from "../ory-pagination";
import { projectAdminRoute, projectRoute } from "../project-route";
import { json, noContent, ok } from "../respond";
import type { RouteDefinition } from "../types";

const NO_STORE = { "cache-control": "private, no-cache, no-store, must-revalidate" };

const sessionInactive = () =>
  unauthorized("request does not have a valid authentication session", { id: "session_inactive", reason: "No active session was found in this request." });
const sessionNotFound = () => notFound("Unable to locate the resource", { id: "not_found" });

async function requireSession(ctx: ProjectContext): Promise<AuthenticatedSession> {
  const found = await sessionFromRequest(ctx);
  if (!found) throw sessionInactive();
  return found;
}

/** `expand=identity|devices` (repeatable): what admin session answers include. */
function expansion(ctx: ProjectContext): { identity: boolean; devices: boolean } {
  const values = z.array(z.enum(["identity", "devices"])).max(2).parse(ctx.request.query.getAll("expand"));
  return { identity: values.includes("identity"), devices: values.includes("devices") };
}

async function withIdentities(ctx: ProjectContext, sessions: SessionRecord[], expand: boolean): Promise<Map<string, IdentityRecord>> {
  const map = new Map<string, IdentityRecord>();
  if (!expand) return map;
  for (const id of new Set(sessions.map((s) => s.identityId))) {
    const identity = await getIdentity(ctx, id);
    if (identity) map.set(id, identity);
  }
  return map;
}

async function sessionList(ctx: ProjectContext, filter: { identityId?: string; exceptId?: string; active?: boolean }, expand: { identity: boolean; devices: boolean }) {
  const { pageSize, pageToken } = pageQuery(ctx.request, 1000);
  const page = await listSessions(ctx, { pageSize, pageToken, ...filter });
  const identities = await withIdentities(ctx, page.sessions, expand.identity);
  const body = page.sessions.map((s) =>
    toOrySession(s, identities.get(s.identityId), { baseUrl: projectBaseUrl(ctx.project.slug, requestOrigin(ctx.request)), now: ctx.now, withIdentity: expand.identity, withDevices: expand.devices }),
  );
  return ok(body, paginationLinks(projectBaseUrl(ctx.project.slug, requestOrigin(ctx.request)), ctx.request, pageSize, page.nextPageToken));
}

const admin = "/p/:project/admin";

/** Kratos' session endpoints: the caller's own (public) and the admin API. */
export const sessionRoutes: RouteDefinition[] = [
  {
    method: "GET",
    path: "/p/:project/sessions/whoami",
    handler: projectRoute(async (ctx) => {
      const { session, identity } = await requireSession(ctx);
      if (!meetsRequiredAal(ctx.project, session, identity)) {
        throw new AppError("forbidden", "Session does not fulfill the Authenticator Assurance Level", {
          id: "session_aal2_required",
          reason: "An active session was found but it does not fulfill the Authenticator Assurance Level, implying that the session must use a second factor to be considered valid.",
          details: { redirect_browser_to: `${projectBaseUrl(ctx.project.slug, requestOrigin(ctx.request))}/self-service/login/browser?aal=aal2` },
        });
      }
      const body = toOrySession(session, identity, { baseUrl: projectBaseUrl(ctx.project.slug, requestOrigin(ctx.request)), now: ctx.now });
      return ok(body, { ...NO_STORE, "x-kratos-authenticated-identity-id": identity.id });
    }),
  },
  {
    method: "GET",
    path: "/p/:project/sessions",
    handler: projectRoute(async (ctx) => {
      const { session } = await requireSession(ctx);
      return sessionList(ctx, { identityId: session.identityId, exceptId: session.id, active: true }, { identity: false, devices: true });
    }),
  },
  {
    method: "DELETE",
    path: "/p/:project/sessions",
    handler: projectRoute(async (ctx) => {
      const { session } = await requireSession(ctx);
      return json(200, { count: await revokeIdentitySessions(ctx, session.identityId, session.id) });
    }),
  },
  {
    method: "DELETE",
    path: "/p/:project/sessions/:id",
    handler: projectRoute(async (ctx, params) => {
      const { session } = await requireSession(ctx);
      if (params.id === session.id) throw badRequest("The request was malformed or contained invalid parameters", { reason: "You cannot revoke the current session with this endpoint; log out instead." });
      const target = await getSession(ctx, params.id ?? "");
      if (!target || target.identityId !== session.identityId) throw sessionNotFound();
      await revokeSession(ctx, target.id);
      return noContent();
    }),
  },
  {
    method: "GET",
    path: `${admin}/sessions`,
    handler: projectAdminRoute((ctx) => sessionList(ctx, { active: booleanQuery(ctx.request, "active") }, expansion(ctx))),
  },
  {
    method: "POST",
    path: `${admin}/sessions`,
    handler: projectAdminRoute(async (ctx) => ok(await manageSessions(ctx, await parseJson(ctx.request, manageSessionsBody)))),
  },
  {
    method: "GET",
    path: `${admin}/sessions/:id`,
    handler: projectAdminRoute(async (ctx, params) => {
      const session = await getSession(ctx, params.id ?? "");
      if (!session) throw sessionNotFound();
      const expand = expansion(ctx);
      const identity = expand.identity ? await getIdentity(ctx, session.identityId) : undefined;
      return ok(toOrySession(session, identity, { baseUrl: projectBaseUrl(ctx.project.slug, requestOrigin(ctx.request)), now: ctx.now, withIdentity: expand.identity, withDevices: expand.devices }));
    }),
  },
  {
    method: "DELETE",
    path: `${admin}/sessions/:id`,
    handler: projectAdminRoute(async (ctx, params) => {
      if (!(await getSession(ctx, params.id ?? ""))) throw sessionNotFound();
      await revokeSession(ctx, params.id ?? "");
      return noContent();
    }),
  },
  {
    method: "PATCH",
    path: `${admin}/sessions/:id/extend`,
    handler: projectAdminRoute(async (ctx, params) => {
      if ((await extendSession(ctx, params.id ?? "")) === "not_found") throw sessionNotFound();
      return noContent();
    }),
  },
  {
    method: "GET",
    path: `${admin}/identities/:id/sessions`,
    handler: projectAdminRoute(async (ctx, params) => {
      if (!(await getIdentity(ctx, params.id ?? ""))) throw notFound("Unable to locate the resource", { id: "not_found" });
      return sessionList(ctx, { identityId: params.id, active: booleanQuery(ctx.request, "active") }, { identity: false, devices: true });
    }),
  },
  {
    method: "DELETE",
    path: `${admin}/identities/:id/sessions`,
    handler: projectAdminRoute(async (ctx, params) => {
      if (!(await getIdentity(ctx, params.id ?? ""))) throw notFound("Unable to locate the resource", { id: "not_found" });
      await revokeIdentitySessions(ctx, params.id ?? "");
      return noContent();
    }),
  },
];
