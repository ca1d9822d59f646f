import { z } from "zod";
import { conflict } from "@/lib/core/errors";
import { newId } from "@/lib/core/ids";
import { isWellFormedSecret, looksIssued } from "./format";
import { storedHash } from "./hash";
import { isUniqueViolation } from "./issue";
import { forgetApiKey } from "./key-cache";
import { importApiKeySchema, type ImportApiKeyInput } from "./schemas";
import { auditKeyChange, type ServiceScope } from "./scope";
import { keyFields } from "./store";
import { parseTtl } from "./ttl";
import { keyView } from "./view";

/**
 * `adminImportApiKey`: brings a key made elsewhere (a legacy system's keys keep working). Only its keyed hash is
 * stored; the first and last characters are never kept. A key that is already known (imported or issued) is 409;
 * a repeated `request_id` returns the key imported for it (AIP-155).
 */
export async function importApiKey(scope: ServiceScope, input: ImportApiKeyInput) {
  const ttl = parseTtl(input.ttl);
  if (looksIssued(input.raw_key) && isWellFormedSecret(input.raw_key)) {
    throw conflict("Keys issued by Portcullis cannot be imported.", { id: "api_key_already_exists" });
  }
  if (input.request_id) {
    const earlier = await scope.db.apiKey.findFirst({ where: { projectId: scope.project.id, kind: "imported", requestId: input.request_id } });
    if (earlier) return keyView(earlier, scope.now);
  }
  const id = newId();
  try {
    // Hashed before the transaction: the first use loads the system secret, which must not wait on the transaction's connection.
    const secretHash = await storedHash(input.raw_key);
    const row = await scope.db.$transaction(async (tx) => {
      const created = await tx.apiKey.create({
        data: {
          projectId: scope.project.id, id, kind: "imported", ...keyFields(input), visibility: input.visibility ?? "KEY_VISIBILITY_SECRET",
          secretHash, displayPrefix: "", requestId: input.request_id ?? null,
          expiresAt: ttl ? new Date(scope.now.getTime() + ttl) : null, createdAt: scope.now, updatedAt: scope.now,
        },
      });
      await auditKeyChange(scope, tx, "imported", id, { name: input.name, actor_id: input.actor_id });
      return created;
    });
    // A negative cache entry for this secret (verified before it was imported) must go.
    forgetApiKey(scope.project.id, id);
    return keyView(row, scope.now);
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("This key is already known to the project.", { id: "api_key_already_exists" });
    throw error;
  }
}

type ErrorCode = "BATCH_CREATE_IMPORTED_API_KEYS_ERROR_INVALID_ARGUMENT" | "BATCH_CREATE_IMPORTED_API_KEYS_ERROR_ALREADY_EXISTS"
  | "BATCH_CREATE_IMPORTED_API_KEYS_ERROR_FAILED_PRECONDITION";

/** `adminBatchCreateImportedApiKeys`: up to 1000 keys, each on its own; per-item results and counts. */
export async function batchImportApiKeys(scope: ServiceScope, requests: unknown[]) {
  const results: Record<string, unknown>[] = [];
  let success = 0;
  for (const [index, raw] of requests.entries()) {
    const parsed = importApiKeySchema.safeParse(raw);
    if (!parsed.success) {
      results.push({ index, error_code: "BATCH_CREATE_IMPORTED_API_KEYS_ERROR_INVALID_ARGUMENT" satisfies ErrorCode, error_message: z.prettifyError(parsed.error) });
      continue;
    }
    try {
      results.push({ index, imported_api_key: await importApiKey(scope, parsed.data) });
      success++;
    } catch (error) {
      const code: ErrorCode = (error as { code?: string }).code === "conflict" ? "BATCH_CREATE_IMPORTED_API_KEYS_ERROR_ALREADY_EXISTS"
        : (error as { code?: string }).code === "bad_request" ? "BATCH_CREATE_IMPORTED_API_KEYS_ERROR_INVALID_ARGUMENT" : "BATCH_CREATE_IMPORTED_API_KEYS_ERROR_FAILED_PRECONDITION";
      if (!(error as { code?: string }).code) throw error;
      results.push({ index, error_code: code, error_message: (error as Error).message });
    }
  }
  return { results, success_count: success, failure_count: requests.length - success };
}
