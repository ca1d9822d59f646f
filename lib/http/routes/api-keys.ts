import {
  adminRevokeKey, adminRevokeSchema, batchImportApiKeys, batchImportSchema, batchVerifySchema, deleteImportedKey, deriveToken,
  deriveTokenSchema, derivedJwks, getKey, importApiKey, importApiKeySchema, issueApiKey, issueApiKeySchema, listKeys,
  rotateApiKeySchema, rotateIssuedApiKey, selfRevokeKey, selfRevokeSchema, updateApiKeySchema, updateKey, verifyCredential,
  verifyRequestSchema, type KeyKind, type VerifyScope,
} from "@/lib/api-key-service";
import { notFound } from "@/lib/core/errors";
import { projectBaseUrl, requestOrigin } from "@/lib/request-origin";
import { parseJson } from "../body";
import type { ProjectContext } from "../context";
import { pageQuery } from "../ory-pagination";
import { projectAdminRoute, projectRoute } from "../project-route";
import { created, noContent, ok } from "../respond";
import type { RouteDefinition, RouteParams } from "../types";

/** Ory Network's API key service (v2alpha1, 16 operations) under the project base URL; domain logic in lib/api-key-service. */
const base = "/p/:project/v2alpha1";
const noStore = { "cache-control": "no-store" };
const issuer = (ctx: ProjectContext) => projectBaseUrl(ctx.project.slug, requestOrigin(ctx.request));
/** RFC 9111 §5.2.1.4 / §5.4: a verifier may ask for an answer from the database rather than the process cache. */
const noCache = (ctx: ProjectContext) => /\bno-cache\b/i.test(ctx.request.header("cache-control") ?? "") || /\bno-cache\b/i.test(ctx.request.header("pragma") ?? "");
const verifyScope = (ctx: ProjectContext): VerifyScope => ({
  project: ctx.project, db: async () => ctx.db, now: ctx.now, ip: ctx.request.ip, issuer: issuer(ctx), fresh: noCache(ctx),
});

/** `{key_id}` or `{key_id}:{verb}` (AIP-136 custom methods share the resource segment). */
function keyAndVerb(params: RouteParams): { keyId: string; verb?: string } {
  const raw = params.key ?? "";
  const at = raw.lastIndexOf(":");
  return at < 0 ? { keyId: raw } : { keyId: raw.slice(0, at), verb: raw.slice(at + 1) };
}
const plainKey = (params: RouteParams) => {
  const { keyId, verb } = keyAndVerb(params);
  if (verb !== undefined) throw notFound("The requested resource could not be found.");
  return keyId;
};

const list = (kind: KeyKind, field: string) => projectAdminRoute(async (ctx) => {
  const page = pageQuery(ctx.request, 1000);
  const result = await listKeys(ctx, kind, { ...page, filter: ctx.request.query.get("filter") ?? undefined });
  return ok({ [field]: result.keys, next_page_token: result.next_page_token });
});
const get = (kind: KeyKind) => projectAdminRoute(async (ctx, p) => ok(await getKey(ctx, kind, plainKey(p))));
const patch = (kind: KeyKind) => projectAdminRoute(async (ctx, p) =>
  ok(await updateKey(ctx, kind, plainKey(p), await parseJson(ctx.request, updateApiKeySchema), ctx.request.query.get("update_mask") ?? undefined)));

export const apiKeyRoutes: RouteDefinition[] = [
  {
    method: "POST", path: `${base}/admin/apiKeys:verify`,
    handler: projectAdminRoute(async (ctx) => ok(await verifyCredential(verifyScope(ctx), (await parseJson(ctx.request, verifyRequestSchema)).credential), noStore)),
  },
  {
    method: "POST", path: `${base}/admin/apiKeys:batchVerify`,
    handler: projectAdminRoute(async (ctx) => {
      const { requests } = await parseJson(ctx.request, batchVerifySchema);
      const scope = verifyScope(ctx);
      return ok({ results: await Promise.all(requests.map((r) => verifyCredential(scope, r.credential))) }, noStore);
    }),
  },
  {
    method: "POST", path: `${base}/admin/apiKeys:derive`,
    handler: projectAdminRoute(async (ctx) => ok(await deriveToken({ ...ctx, issuer: issuer(ctx), ip: ctx.request.ip }, await parseJson(ctx.request, deriveTokenSchema)), noStore)),
  },
  { method: "GET", path: `${base}/admin/issuedApiKeys`, handler: list("issued", "issued_api_keys") },
  {
    method: "POST", path: `${base}/admin/issuedApiKeys`,
    handler: projectAdminRoute(async (ctx) => created(await issueApiKey(ctx, await parseJson(ctx.request, issueApiKeySchema)), noStore)),
  },
  { method: "GET", path: `${base}/admin/issuedApiKeys/:key`, handler: get("issued") },
  { method: "PATCH", path: `${base}/admin/issuedApiKeys/:key`, handler: patch("issued") },
  {
    method: "POST", path: `${base}/admin/issuedApiKeys/:key`,
    handler: projectAdminRoute(async (ctx, p) => {
      const { keyId, verb } = keyAndVerb(p);
      if (verb === "revoke") return (await adminRevokeKey(ctx, "issued", keyId, await parseJson(ctx.request, adminRevokeSchema)), noContent());
      if (verb === "rotate") return created(await rotateIssuedApiKey(ctx, keyId, await parseJson(ctx.request, rotateApiKeySchema)), noStore);
      throw notFound("The requested resource could not be found.");
    }),
  },
  { method: "GET", path: `${base}/admin/importedApiKeys`, handler: list("imported", "imported_api_keys") },
  {
    method: "POST", path: `${base}/admin/importedApiKeys`,
    handler: projectAdminRoute(async (ctx) => created(await importApiKey(ctx, await parseJson(ctx.request, importApiKeySchema)))),
  },
  {
    method: "POST", path: `${base}/admin/importedApiKeys:batchCreate`,
    handler: projectAdminRoute(async (ctx) => ok(await batchImportApiKeys(ctx, (await parseJson(ctx.request, batchImportSchema)).requests))),
  },
  { method: "GET", path: `${base}/admin/importedApiKeys/:key`, handler: get("imported") },
  { method: "PATCH", path: `${base}/admin/importedApiKeys/:key`, handler: patch("imported") },
  { method: "DELETE", path: `${base}/admin/importedApiKeys/:key`, handler: projectAdminRoute(async (ctx, p) => (await deleteImportedKey(ctx, plainKey(p)), noContent())) },
  {
    method: "POST", path: `${base}/admin/importedApiKeys/:key`,
    handler: projectAdminRoute(async (ctx, p) => {
      const { keyId, verb } = keyAndVerb(p);
      if (verb !== "revoke") throw notFound("The requested resource could not be found.");
      await adminRevokeKey(ctx, "imported", keyId, await parseJson(ctx.request, adminRevokeSchema));
      return noContent();
    }),
  },
  {
    method: "POST", path: `${base}/apiKeys:selfRevoke`,
    handler: projectRoute(async (ctx) => {
      const input = await parseJson(ctx.request, selfRevokeSchema);
      return ok(await selfRevokeKey(ctx, input.credential, input.reason), noStore);
    }),
  },
  {
    method: "GET", path: `${base}/derivedKeys/jwks.json`,
    handler: projectRoute(async (ctx) => ok(await derivedJwks(ctx), { "cache-control": "public, max-age=300" })),
  },
];
