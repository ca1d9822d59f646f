import { z } from "zod";
import { createRule, decisionsAnswer, deleteRule, explainDecision, getGatewaySettings, getRule, listRules, replaceRule, updateGatewaySettings } from "@/lib/gateway";
import { parseQuery, readJson } from "../body";
import { fromTrustedProxy, requestOrigin } from "@/lib/request-origin";
import { projectAdminRoute, projectRoute } from "../project-route";
import { created, noContent, ok } from "../respond";
import type { ApiRequest, RouteDefinition } from "../types";

const pageSchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(500),
  offset: z.coerce.number().int().min(0).default(0),
});

const own = (request: ApiRequest) => {
  const origin = requestOrigin(request);
  return {
    method: request.method,
    scheme: origin.scheme,
    host: origin.host,
    header: (name: string) => request.header(name),
    ip: origin.clientIp,
    fromTrustedProxy: fromTrustedProxy(request),
    pathAndQuery: request.path,
  };
};

/** Oathkeeper's decisions endpoint: any method, any path below `/decisions`. */
const decisions = projectRoute(async (ctx) => {
  const { request } = ctx;
  const prefix = `/p/${ctx.project.slug}/decisions`;
  const rest = request.path.startsWith(prefix) ? request.path.slice(prefix.length).replace(/^\//, "") : "";
  const query = request.url.search.replace(/^\?/, "");
  const answer = await decisionsAnswer(ctx.project, own(request), requestOrigin(request), rest, query);
  return { status: answer.status, headers: answer.headers, body: answer.body ?? null };
});

const listHandler = projectAdminRoute(async (ctx) => ok(await listRules(ctx, parseQuery(ctx.request, pageSchema))));
const getHandler = projectAdminRoute(async (ctx, p) => ok(await getRule(ctx, p.id)));

/**
 * The identity-aware proxy's API: rules (Oathkeeper's read API at `/rules`, our write API at
 * `/admin/rules`), gateway settings and a request tester (ours), and the decisions API.
 * `/rules` requires the project API key too: rules carry handler configs (hydrator credentials, remote
 * URLs) that Oathkeeper only exposes on its private API port.
 */
export const gatewayRoutes: RouteDefinition[] = [
  { method: "*", path: "/p/:project/decisions", handler: decisions },
  { method: "*", path: "/p/:project/decisions/*path", handler: decisions },
  { method: "GET", path: "/p/:project/rules", handler: listHandler },
  { method: "GET", path: "/p/:project/rules/:id", handler: getHandler },
  { method: "GET", path: "/p/:project/admin/rules", handler: listHandler },
  { method: "POST", path: "/p/:project/admin/rules", handler: projectAdminRoute(async (ctx) => created(await createRule(ctx, await readJson(ctx.request)))) },
  { method: "GET", path: "/p/:project/admin/rules/:id", handler: getHandler },
  { method: "PUT", path: "/p/:project/admin/rules/:id", handler: projectAdminRoute(async (ctx, p) => ok(await replaceRule(ctx, p.id, await readJson(ctx.request)))) },
  { method: "DELETE", path: "/p/:project/admin/rules/:id", handler: projectAdminRoute(async (ctx, p) => (await deleteRule(ctx, p.id), noContent())) },
  { method: "GET", path: "/p/:project/admin/gateway/settings", handler: projectAdminRoute(async (ctx) => ok(await getGatewaySettings(ctx))) },
  { method: "PUT", path: "/p/:project/admin/gateway/settings", handler: projectAdminRoute(async (ctx) => ok(await updateGatewaySettings(ctx, await readJson(ctx.request)))) },
  {
    method: "POST",
    path: "/p/:project/admin/gateway/test",
    handler: projectAdminRoute(async (ctx) => {
      const input = (await readJson(ctx.request)) as Parameters<typeof explainDecision>[1];
      return ok(await explainDecision(ctx.project, input, requestOrigin(ctx.request)));
    }),
  },
];
