import type { ClientDocument } from "../clients";
import { parseDuration } from "../duration";
import type { OAuth2Settings } from "../settings";

export type LifespanGrant = "authorization_code" | "client_credentials" | "refresh_token" | "device_authorization" | "implicit" | "jwt_bearer";
export type LifespanToken = "access_token" | "refresh_token" | "id_token";

/** A client's per-grant lifespan (Hydra's `{grant}_grant_{token}_lifespan`), else the project TTL. */
export function lifespanMs(settings: OAuth2Settings, client: ClientDocument, grant: LifespanGrant, token: LifespanToken): number {
  const field = `${grant}_grant_${token}_lifespan` as keyof ClientDocument["lifespans"];
  const own = client.lifespans[field];
  const parsed = own ? parseDuration(own) : undefined;
  return parsed ?? settings.ttl[token];
}

export function lifespanGrantOf(grantType: string): LifespanGrant {
  if (grantType === "urn:ietf:params:oauth:grant-type:device_code") return "device_authorization";
  if (grantType === "urn:ietf:params:oauth:grant-type:jwt-bearer") return "jwt_bearer";
  return grantType as LifespanGrant;
}
