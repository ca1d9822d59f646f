import { ACCESS_TOKEN_SET, ID_TOKEN_SET, JWKS_MAX_AGE_SECONDS, publishedJwks } from "@/lib/keys";
import { discoveryDocument } from "@/lib/oauth2/discovery";
import { projectBaseUrl, requestOrigin } from "@/lib/request-origin";
import { projectRoute } from "../project-route";
import { ok } from "../respond";
import type { RouteDefinition } from "../types";

const cacheable = { "cache-control": `public, max-age=${JWKS_MAX_AGE_SECONDS}`, "access-control-allow-origin": "*" };

/** Public documents: any origin may read them (the responses carry `*`), so a preflight is answered for any origin. */
const publicPreflight = projectRoute(() => ({
  status: 204,
  headers: { allow: "GET, HEAD, OPTIONS", "access-control-allow-origin": "*", "access-control-allow-methods": "GET, HEAD", "access-control-max-age": "600" },
}));

const discovery = projectRoute((ctx) => ok(discoveryDocument(projectBaseUrl(ctx.project.slug, requestOrigin(ctx.request))), cacheable));

/** The issuer's public metadata (OIDC Discovery §4, RFC 8414 §3) and JWK Set (RFC 7517). */
export const oauth2DiscoveryRoutes: RouteDefinition[] = [
  { method: "GET", path: "/p/:project/.well-known/openid-configuration", handler: discovery },
  { method: "GET", path: "/p/:project/.well-known/oauth-authorization-server", handler: discovery },
  {
    method: "GET",
    path: "/p/:project/.well-known/jwks.json",
    handler: projectRoute(async (ctx) =>
      ok(await publishedJwks(ctx, [{ setName: ID_TOKEN_SET, alg: "RS256" }, { setName: ACCESS_TOKEN_SET, alg: "ES256" }]), cacheable),
    ),
  },
  ...["openid-configuration", "oauth-authorization-server", "jwks.json"].map((name) => ({ method: "OPTIONS" as const, path: `/p/:project/.well-known/${name}`, handler: publicPreflight })),
];
