import { createLocalJWKSet, createRemoteJWKSet, type JWTVerifyGetKey } from "jose";
import type { ClientDocument } from "../clients";

// Remote key sets are cached per URL by jose (cooldown and refetch on unknown kid).
const remote = new Map<string, JWTVerifyGetKey>();

/** The key resolver of a client's registered `jwks` or `jwks_uri` (RFC 7591 §2). */
export function clientKeyResolver(client: ClientDocument): JWTVerifyGetKey | undefined {
  if (client.jwks?.keys?.length) return createLocalJWKSet(client.jwks as Parameters<typeof createLocalJWKSet>[0]);
  if (!client.jwks_uri) return undefined;
  let resolver = remote.get(client.jwks_uri);
  if (!resolver) {
    if (remote.size > 1000) remote.clear();
    resolver = createRemoteJWKSet(new URL(client.jwks_uri), { timeoutDuration: 3000, cooldownDuration: 30_000, cacheMaxAge: 300_000 });
    remote.set(client.jwks_uri, resolver);
  }
  return resolver;
}
