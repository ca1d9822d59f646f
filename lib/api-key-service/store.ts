import { notFound } from "@/lib/core/errors";
import { isUuid } from "@/lib/core/ids";
import type { ApiKey } from "@/lib/db/generated/client";
import type { ServiceScope } from "./scope";

export type KeyKind = "issued" | "imported";

export const keyNotFound = () => notFound("The API key does not exist.", { id: "api_key_not_found" });

/** A key of this project and kind by id; 404 otherwise (another project's key is simply not found). */
export async function findKey(scope: ServiceScope, kind: KeyKind, keyId: string): Promise<ApiKey> {
  if (!isUuid(keyId)) throw keyNotFound();
  const row = await scope.db.apiKey.findFirst({ where: { projectId: scope.project.id, kind, id: keyId.toLowerCase() } });
  if (!row) throw keyNotFound();
  return row;
}

/** Field values shared by issue, import and rotate. */
export function keyFields(input: {
  name: string; actor_id?: string; scopes?: string[]; metadata?: Record<string, unknown>;
  rate_limit_policy?: Record<string, unknown>; ip_restriction?: { allowed_cidrs?: string[] };
}) {
  return {
    name: input.name,
    actorId: input.actor_id ?? "",
    scopes: input.scopes ?? [],
    metadata: (input.metadata ?? {}) as object,
    rateLimitPolicy: (input.rate_limit_policy as object | undefined) ?? undefined,
    allowedCidrs: input.ip_restriction?.allowed_cidrs ?? [],
  };
}
