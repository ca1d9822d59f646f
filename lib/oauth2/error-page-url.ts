import { settingsOf, type OAuth2Context } from "./context";
import { resolveProjectUrl } from "./issuer";

/**
 * Where a browser goes when the authorization, device or logout endpoint cannot answer the client (no trusted
 * redirect URI): the project's `urls.error` page with `error` and `error_description` in the query, as Hydra
 * sends it (RFC 6749 §4.1.2.1: never redirect to an unverified redirect_uri; inform the resource owner instead).
 */
export function oauth2ErrorPage(ctx: OAuth2Context, error: string, description: string): string {
  const target = resolveProjectUrl(ctx.issuer, settingsOf(ctx).urls.error);
  target.searchParams.set("error", error);
  target.searchParams.set("error_description", description);
  return target.toString();
}
