import type { ServiceContext } from "./context";
import { normalizeIdentifier } from "./schemas/validate";
import { afterCursor, decodeCursor, encodeCursor } from "./store/page-token";
import { identityInclude, type IdentityRecord } from "./store/record";

export interface ListIdentitiesInput {
  pageSize: number;
  pageToken?: string;
  ids?: string[];
  /** Exact match on any credential identifier (normalized). */
  credentialsIdentifier?: string;
  organizationId?: string;
}

export interface IdentityPage {
  identities: IdentityRecord[];
  /** Token of the next page, when there is one. */
  nextPageToken?: string;
}

/** Ory's listIdentities with keyset pagination, oldest first. */
export async function listIdentities(ctx: Pick<ServiceContext, "db">, input: ListIdentitiesInput): Promise<IdentityPage> {
  const cursor = decodeCursor(input.pageToken);
  const identifier = input.credentialsIdentifier;
  const rows = await ctx.db.identity.findMany({
    where: {
      ...afterCursor(cursor),
      ...(input.ids ? { id: { in: input.ids } } : {}),
      ...(input.organizationId ? { organizationId: input.organizationId } : {}),
      ...(identifier
        ? { credentials: { some: { identifiers: { some: { identifier: { in: [...new Set([identifier, normalizeIdentifier(identifier)])] } } } } } }
        : {}),
    },
    include: identityInclude,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: input.pageSize + 1,
  });
  const identities = rows.slice(0, input.pageSize);
  const last = identities[identities.length - 1];
  return { identities, nextPageToken: rows.length > input.pageSize && last ? encodeCursor({ at: last.createdAt, id: last.id }) : undefined };
}
