import type { ProjectDb } from "@/lib/db";
import { parseDuration } from "./duration";
import { oauth2Settings } from "./settings";

const SKEW_MS = 5 * 60_000;

/**
 * How long a retired signing key stays published: the longest lifetime of a JWT it may have signed (project
 * TTLs and every client's access/ID token lifespans), plus clock skew. Only computed when a key is rotated.
 */
export async function keyRetentionMs(scope: { project: { config: unknown }; db: ProjectDb }): Promise<number> {
  const { ttl } = oauth2Settings(scope.project);
  let longest = Math.max(ttl.access_token, ttl.id_token);
  const clients = await scope.db.oAuth2Client.findMany({ select: { document: true } });
  for (const { document } of clients) {
    const lifespans = (document as { lifespans?: Record<string, string> }).lifespans ?? {};
    for (const [field, value] of Object.entries(lifespans)) {
      if (field.endsWith("refresh_token_lifespan")) continue;
      longest = Math.max(longest, parseDuration(value) ?? 0);
    }
  }
  return longest + SKEW_MS;
}
