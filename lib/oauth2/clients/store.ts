import { instanceWide } from "@/lib/core/instance-wide";
import { processGlobal } from "@/lib/core/process-global";
import { TtlCache } from "@/lib/core/ttl-cache";
import type { ProjectDb } from "@/lib/db";
import { forgetProjectCorsOrigins } from "./cors-origins";
import type { ClientDocument } from "./schema";

export interface ClientRecord {
  doc: ClientDocument;
  secretHash: string | null;
  previousSecretHash: string | null;
  previousSecretExpiresAt: Date | null;
  tokensRevokedBefore: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface ClientScope {
  project: { id: string };
  db: ProjectDb;
}

type Row = {
  document: unknown;
  secretHash: string | null;
  previousSecretHash: string | null;
  previousSecretExpiresAt: Date | null;
  tokensRevokedBefore: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export const toRecord = (row: Row): ClientRecord => ({
  doc: row.document as ClientDocument,
  secretHash: row.secretHash,
  previousSecretHash: row.previousSecretHash,
  previousSecretExpiresAt: row.previousSecretExpiresAt,
  tokensRevokedBefore: row.tokensRevokedBefore,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

// Client lookups sit on every token request. Writes in this process evict at once — also from a console action,
// which runs in Next's copy of this module (processGlobal) —; other instances see changes within the TTL (README: caches).
const cache = processGlobal("oauth2.clients", () => new TtlCache<string, Promise<ClientRecord | null>>(10_000, 50_000));

/** A client by id, cached; null when it does not exist in this project. */
export function findClient(scope: ClientScope, clientId: string): Promise<ClientRecord | null> {
  const key = `${scope.project.id}\u0000${clientId}`;
  let found = cache.get(key);
  if (!found) {
    found = scope.db.oAuth2Client
      .findUnique({ where: { projectId_id: { projectId: scope.project.id, id: clientId } } })
      .then((row) => (row ? toRecord(row) : null));
    found.catch(() => cache.delete(key));
    cache.set(key, found);
  }
  return found;
}

/** Drops what this process cached about the client: its lookup and the project's CORS origins. */
export const forgetClient = instanceWide("oauth2/clients/store#forgetClient", (projectId: string, clientId: string): void => {
  cache.delete(`${projectId}\u0000${clientId}`);
  forgetProjectCorsOrigins(projectId);
});
