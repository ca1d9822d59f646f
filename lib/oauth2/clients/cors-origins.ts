import { instanceWide } from "@/lib/core/instance-wide";
import { processGlobal } from "@/lib/core/process-global";
import { TtlCache } from "@/lib/core/ttl-cache";
import { sqlRunner } from "@/lib/db/sql-runner";

/** Every origin any client of the project lists in `allowed_cors_origins` (explicit project_id predicate: raw SQL). */
const ORIGINS_SQL = `SELECT DISTINCT o.origin FROM oauth2_clients c,
  jsonb_array_elements_text(CASE WHEN jsonb_typeof(c.document -> 'allowed_cors_origins') = 'array' THEN c.document -> 'allowed_cors_origins' ELSE '[]'::jsonb END) AS o(origin)
  WHERE c.project_id = $1`;

// Like client lookups: writes through this process evict at once (both module copies: processGlobal), other
// instances see a change within the TTL.
const TTL_MS = 10_000;
const cache = processGlobal("oauth2.corsOrigins", () => new TtlCache<string, Promise<ReadonlySet<string>>>(TTL_MS, 10_000));

async function load(projectId: string): Promise<ReadonlySet<string>> {
  const rows = await (await sqlRunner())("pc_oauth2_cors_origins", ORIGINS_SQL, [projectId]);
  return new Set(rows.map((row) => String(row.origin)));
}

/** The project's client-registered CORS origins, cached per project. */
export function projectCorsOrigins(projectId: string): Promise<ReadonlySet<string>> {
  let found = cache.get(projectId);
  if (!found) {
    found = load(projectId);
    found.catch(() => cache.delete(projectId));
    cache.set(projectId, found);
  }
  return found;
}

/** Hydra allows an origin for the public endpoints when a client lists it; ours compares exactly (no globs). */
export async function isClientCorsOrigin(projectId: string, origin: string): Promise<boolean> {
  return (await projectCorsOrigins(projectId)).has(origin);
}

export const forgetProjectCorsOrigins = instanceWide("oauth2/clients/cors-origins#forgetProjectCorsOrigins", (projectId: string): void => {
  cache.delete(projectId);
});
