import { config } from "@/lib/config";

/**
 * The project base URL as Portcullis itself is reached (issuer of id_token, hosted login of `redirect`).
 * X-Forwarded-Host is NOT used: on the decisions API it names the protected application, not Portcullis.
 * PUBLIC_URL, when configured, is authoritative.
 */
export function gatewayBaseUrl(slug: string, ownScheme: string, ownHost: string | undefined): string {
  const { PUBLIC_URL, BASE_DOMAIN } = config();
  const host = (ownHost ?? "localhost").toLowerCase();
  if (BASE_DOMAIN && host.replace(/:\d+$/, "") === `${slug}.${BASE_DOMAIN}`.toLowerCase()) {
    return `${PUBLIC_URL ? new URL(PUBLIC_URL).protocol.replace(":", "") : ownScheme}://${host}`;
  }
  if (PUBLIC_URL) return `${PUBLIC_URL.replace(/\/+$/, "")}/p/${slug}`;
  return `${ownScheme}://${host}/p/${slug}`;
}
