import { z } from "zod";
import { notFound } from "@/lib/core/errors";
import {
  batchPatchIdentities, createIdentity, createIdentityBodySchema, deleteIdentity, deleteIdentityCredentials, getIdentity, getIdentityByExternalId, listIdentities, patchIdentity,
  searchIdentities, toOryIdentity, updateIdentity, updateIdentityBodySchema, CREDENTIAL_TYPES, type IdentityRecord,
} from "@/lib/identity";
import { projectBaseUrl, requestOrigin } from "@/lib/request-origin";
import { parseJson, readJson } from "../body";
import type { ProjectContext } from "../context";
import { pageQuery, paginationLinks } from "../ory-pagination";
import { projectAdminRoute } from "../project-route";
import { created, noContent, ok } from "../respond";
import type { ApiRequest, RouteDefinition } from "../types";

const base = "/p/:project/admin/identities";
const credentialType = z.enum(CREDENTIAL_TYPES);

/** `include_credential` (repeatable): credential types whose config (e.g. password hash) is returned. */
const includeCredential = (request: ApiRequest) => z.array(credentialType).max(20).parse(request.query.getAll("include_credential"));

export const oryIdentity = (ctx: ProjectContext, identity: IdentityRecord, include: string[] = []) =>
  toOryIdentity(identity, { baseUrl: projectBaseUrl(ctx.project.slug, requestOrigin(ctx.request)), credentials: include.length ? include : true, admin: true });

const identityNotFound = () => notFound("Unable to locate the resource", { id: "not_found" });

/** Kratos' admin identity API (project API key): list, create, batch, get, update, patch, delete, credentials. */
export const identityAdminRoutes: RouteDefinition[] = [
  {
    method: "GET",
    path: base,
    handler: projectAdminRoute(async (ctx) => {
      const { pageSize, pageToken } = pageQuery(ctx.request, 1000);
      const ids = z.array(z.uuid()).max(500).parse(ctx.request.query.getAll("ids"));
      const identifier = z.string().max(512).optional().parse(ctx.request.query.get("credentials_identifier") || undefined);
      const similar = z.string().max(256).optional().parse(ctx.request.query.get("preview_credentials_identifier_similar") || undefined);
      const organizationId = z.uuid().optional().parse(ctx.request.query.get("organization_id") || undefined);
      const include = includeCredential(ctx.request);
      if (similar) return ok((await searchIdentities(ctx, similar, pageSize)).map((i) => oryIdentity(ctx, i, include)));
      const page = await listIdentities(ctx, {
        pageSize, pageToken, ids: ids.length ? ids : undefined, credentialsIdentifier: identifier,
        organizationId,
      });
      return ok(page.identities.map((i) => oryIdentity(ctx, i, include)), paginationLinks(projectBaseUrl(ctx.project.slug, requestOrigin(ctx.request)), ctx.request, pageSize, page.nextPageToken));
    }),
  },
  {
    method: "POST",
    path: base,
    handler: projectAdminRoute(async (ctx) => created(oryIdentity(ctx, await createIdentity(ctx, await parseJson(ctx.request, createIdentityBodySchema))))),
  },
  { method: "PATCH", path: base, handler: projectAdminRoute(async (ctx) => ok(await batchPatchIdentities(ctx, await readJson(ctx.request)))) },
  {
    // Our addition for the console: prefix search over string traits (email, name, …).
    method: "GET",
    path: `${base}/search`,
    handler: projectAdminRoute(async (ctx) => {
      const q = z.string().trim().min(1).max(256).parse(ctx.request.query.get("q") ?? "");
      const limit = z.coerce.number().int().min(1).max(200).default(50).parse(ctx.request.query.get("page_size") ?? undefined);
      return ok((await searchIdentities(ctx, q, limit)).map((i) => oryIdentity(ctx, i)));
    }),
  },
  {
    method: "GET",
    path: `${base}/by/external/:externalId`,
    handler: projectAdminRoute(async (ctx, params) => {
      const identity = await getIdentityByExternalId(ctx, params.externalId ?? "");
      if (!identity) throw identityNotFound();
      return ok(oryIdentity(ctx, identity, includeCredential(ctx.request)));
    }),
  },
  {
    method: "GET",
    path: `${base}/:id`,
    handler: projectAdminRoute(async (ctx, params) => {
      const identity = await getIdentity(ctx, params.id ?? "");
      if (!identity) throw identityNotFound();
      return ok(oryIdentity(ctx, identity, includeCredential(ctx.request)));
    }),
  },
  {
    method: "PUT",
    path: `${base}/:id`,
    handler: projectAdminRoute(async (ctx, params) => ok(oryIdentity(ctx, await updateIdentity(ctx, params.id ?? "", await parseJson(ctx.request, updateIdentityBodySchema))))),
  },
  {
    method: "PATCH",
    path: `${base}/:id`,
    handler: projectAdminRoute(async (ctx, params) => ok(oryIdentity(ctx, await patchIdentity(ctx, params.id ?? "", await readJson(ctx.request))))),
  },
  {
    method: "DELETE",
    path: `${base}/:id`,
    handler: projectAdminRoute(async (ctx, params) => {
      await deleteIdentity(ctx, params.id ?? "");
      return noContent();
    }),
  },
  {
    method: "DELETE",
    path: `${base}/:id/credentials/:type`,
    handler: projectAdminRoute(async (ctx, params) => {
      const type = credentialType.parse(params.type);
      await deleteIdentityCredentials(ctx, params.id ?? "", type, ctx.request.query.get("identifier") || undefined);
      return noContent();
    }),
  },
];
