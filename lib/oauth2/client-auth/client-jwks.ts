import { createLocalJWKSet, type JWTVerifyGetKey } from "jose";
import { remoteJwks } from "@/lib/core/remote-jwks";
import type { ClientDocument } from "../clients";

/**
 * The key resolver of a client's registered `jwks` or `jwks_uri` (RFC 7591 §2). `jwks_uri` is fetched through the
 * SSRF guard: private and loopback addresses only when GATEWAY_OUTBOUND_ALLOW lists them.
 */
export function clientKeyResolver(client: ClientDocument): JWTVerifyGetKey | undefined {
  if (client.jwks?.keys?.length) return createLocalJWKSet(client.jwks as Parameters<typeof createLocalJWKSet>[0]);
  if (!client.jwks_uri) return undefined;
  return remoteJwks(client.jwks_uri, { ttlMs: 300_000, timeoutMs: 3000, cooldownMs: 30_000 });
}
