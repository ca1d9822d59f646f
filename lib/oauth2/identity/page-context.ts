import type { OAuth2Context } from "../context";
import { originOf, projectBaseUrl } from "@/lib/request-origin";

/** A hosted page's request context as the OAuth2 services need it (adds the issuer URL). */
export function oauth2PageContext(ctx: Omit<OAuth2Context, "issuer">): OAuth2Context {
  return { ...ctx, issuer: projectBaseUrl(ctx.project.slug, originOf(ctx.request)) };
}
