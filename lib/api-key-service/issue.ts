import { conflict } from "@/lib/core/errors";
import { newId } from "@/lib/core/ids";
import { Prisma } from "@/lib/db";
import { generateSecret, displayPrefix } from "./format";
import { storedHash } from "./hash";
import { forgetApiKey } from "./key-cache";
import type { IssueApiKeyInput } from "./schemas";
import { auditKeyChange, type ServiceScope } from "./scope";
import { keyFields } from "./store";
import { parseTtl } from "./ttl";
import { keyView } from "./view";

export const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/**
 * `adminIssueApiKey`: a new key whose secret (prefix, base62 body, CRC32 checksum; see format.ts) is returned once
 * and stored only as its keyed hash. A repeated `request_id` (AIP-155) is refused: the secret cannot be shown twice.
 */
export async function issueApiKey(scope: ServiceScope, input: IssueApiKeyInput) {
  const ttl = parseTtl(input.ttl);
  const visibility = input.visibility ?? "KEY_VISIBILITY_SECRET";
  const secret = generateSecret(visibility);
  const id = newId();
  try {
    // Hashed before the transaction: the first use loads the system secret, which must not wait on the transaction's connection.
    const secretHash = await storedHash(secret);
    const row = await scope.db.$transaction(async (tx) => {
      const created = await tx.apiKey.create({
        data: {
          projectId: scope.project.id, id, kind: "issued", ...keyFields(input), visibility, secretHash,
          displayPrefix: displayPrefix(secret), requestId: input.request_id ?? null,
          expiresAt: ttl ? new Date(scope.now.getTime() + ttl) : null, createdAt: scope.now, updatedAt: scope.now,
        },
      });
      await auditKeyChange(scope, tx, "created", id, { name: input.name, prefix: created.displayPrefix, scopes: created.scopes });
      return created;
    });
    forgetApiKey(scope.project.id, id);
    return { issued_api_key: keyView(row, scope.now), secret };
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("A key was already issued for this request_id.", { id: "api_key_request_id_used" });
    throw error;
  }
}
