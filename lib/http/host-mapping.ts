import { gatewayMapping, type GatewayMapping } from "@/lib/gateway";
import type { RequestOrigin } from "@/lib/request-origin";

/**
 * A project's own host (`{slug}.{BASE_DOMAIN}`) serves the project at `/p/{slug}`. Returns the canonical path,
 * or undefined when the request did not come in on a project's host (or already names the canonical path).
 */
export function projectPathFor(origin: RequestOrigin, path: string): string | undefined {
  const served = origin.served;
  if (served?.kind !== "project" || path.startsWith(`/p/${served.slug}/`)) return undefined;
  return `/p/${served.slug}${path === "/" ? "" : path}`;
}

/** Whether the request goes through a project's identity-aware proxy (lib/gateway/entry/mapping.ts). */
export function gatewayMappingFor(origin: RequestOrigin, path: string): GatewayMapping | undefined {
  return gatewayMapping(origin.served?.kind === "gateway" ? origin.served.slug : undefined, path);
}
