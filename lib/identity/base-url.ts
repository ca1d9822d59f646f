import { config } from "@/lib/config";
import type { ServiceContext } from "./context";

/**
 * The project base URL as the caller sees it: `{origin}/p/{slug}`, or `{scheme}://{slug}.{BASE_DOMAIN}` when
 * the request came in on the project's subdomain. PUBLIC_URL (when set) is the canonical origin.
 */
export function projectBaseUrl(ctx: Pick<ServiceContext, "project" | "request">): string {
  const { PUBLIC_URL, BASE_DOMAIN } = config();
  const host = ctx.request?.header("x-forwarded-host")?.split(",")[0]?.trim() || ctx.request?.header("host");
  const proto = ctx.request?.header("x-forwarded-proto")?.split(",")[0]?.trim() || "http";
  if (host && BASE_DOMAIN && host.replace(/:\d+$/, "").toLowerCase() === `${ctx.project.slug}.${BASE_DOMAIN}`.toLowerCase()) {
    return `${proto}://${host}`;
  }
  const origin = PUBLIC_URL?.replace(/\/+$/, "") ?? (host ? `${proto}://${host}` : "http://localhost");
  return `${origin}/p/${ctx.project.slug}`;
}
