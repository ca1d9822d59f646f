import { z } from "zod";
import { clientInputSchema, createClient, deleteClient, getClient, jsonPatchSchema, lifespansSchema, listClients, patchClient, presentClient, replaceClient, rotateClientSecret, setClientLifespans, deleteRotatedClientSecrets, UNTIL_DELETED_MS } from "@/lib/oauth2/clients";
import { parseDuration } from "@/lib/oauth2/duration";
import { parseJson, parseQuery, readJson } from "../body";
import { projectAdminRoute } from "../project-route";
import { created, noContent, ok } from "../respond";
import type { RouteDefinition } from "../types";

const listQuery = z.object({
  page_size: z.coerce.number().int().min(1).max(500).default(250),
  page_token: z.string().max(1000).optional(),
  client_name: z.string().max(2048).optional(),
  owner: z.string().max(2048).optional(),
});

const rotateBody = z.object({
  previous_secret_grace_period: z.string().refine((v) => parseDuration(v) !== undefined && parseDuration(v)! <= 30 * 24 * 3600_000, "a duration up to 720h").default("1h"),
});

/** Hydra's OAuth 2.0 client admin API, plus secret rotation (our addition). */
export const oauth2ClientRoutes: RouteDefinition[] = [
  {
    method: "GET",
    path: "/p/:project/admin/clients",
    handler: projectAdminRoute(async (ctx) => {
      const q = parseQuery(ctx.request, listQuery);
      const page = await listClients(ctx, { pageSize: q.page_size, pageToken: q.page_token, clientName: q.client_name, owner: q.owner });
      const base = `${ctx.request.path}?page_size=${q.page_size}`;
      const link = [`<${base}>; rel="first"`, ...(page.nextToken ? [`<${base}&page_token=${page.nextToken}>; rel="next"`] : [])].join(",");
      return ok(page.items, { link, ...(page.nextToken ? { "x-next-page-token": page.nextToken } : {}) });
    }),
  },
  { method: "POST", path: "/p/:project/admin/clients", handler: projectAdminRoute(async (ctx) => created(await createClient(ctx, await parseJson(ctx.request, clientInputSchema)))) },
  { method: "GET", path: "/p/:project/admin/clients/:id", handler: projectAdminRoute(async (ctx, p) => ok(presentClient(await getClient(ctx, p.id)))) },
  { method: "PUT", path: "/p/:project/admin/clients/:id", handler: projectAdminRoute(async (ctx, p) => ok(await replaceClient(ctx, p.id, await parseJson(ctx.request, clientInputSchema)))) },
  { method: "PATCH", path: "/p/:project/admin/clients/:id", handler: projectAdminRoute(async (ctx, p) => ok(await patchClient(ctx, p.id, await parseJson(ctx.request, jsonPatchSchema)))) },
  { method: "DELETE", path: "/p/:project/admin/clients/:id", handler: projectAdminRoute(async (ctx, p) => (await deleteClient(ctx, p.id), noContent())) },
  {
    method: "PUT",
    path: "/p/:project/admin/clients/:id/lifespans",
    handler: projectAdminRoute(async (ctx, p) => ok(await setClientLifespans(ctx, p.id, await parseJson(ctx.request, lifespansSchema)))),
  },
  {
    method: "POST",
    path: "/p/:project/admin/clients/:id/secret/rotate",
    handler: projectAdminRoute(async (ctx, p) => {
      const raw = (await ctx.request.body()).length ? await readJson(ctx.request) : {};
      const body = rotateBody.parse(raw);
      return ok(await rotateClientSecret(ctx, p.id, parseDuration(body.previous_secret_grace_period)!));
    }),
  },
  // Hydra v26's rotation: the new secret is returned once; the old one works until the rotated secrets are deleted.
  { method: "POST", path: "/p/:project/admin/clients/:id/secrets/rotate", handler: projectAdminRoute(async (ctx, p) => ok(await rotateClientSecret(ctx, p.id, UNTIL_DELETED_MS))) },
  { method: "DELETE", path: "/p/:project/admin/clients/:id/secrets/rotate", handler: projectAdminRoute(async (ctx, p) => ok(await deleteRotatedClientSecrets(ctx, p.id))) },
];
