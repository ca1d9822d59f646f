import { z } from "zod";
import { errorCodes, isAppError } from "@/lib/core/errors";
import type { ServiceContext } from "./context";
import { createIdentity } from "./create";
import { deleteIdentity } from "./delete";
import { createIdentityBodySchema } from "./input";

/**
 * Ory's batchPatchIdentities body: `{identities: [{create, patch_id?}]}`. As our addition an item may be
 * `{delete: {id}}` instead (action "delete" in the answer).
 */
export const batchPatchBodySchema = z.object({
  identities: z
    .array(
      z.union([
        z.object({ create: createIdentityBodySchema, patch_id: z.uuid().optional() }),
        z.object({ delete: z.object({ id: z.uuid() }), patch_id: z.uuid().optional() }),
      ]),
    )
    .min(1)
    .max(1000),
});

interface PatchResult {
  action: "create" | "delete" | "error";
  identity?: string;
  patch_id?: string;
  error?: { code: number; status: string; message: string; reason?: string; id?: string; details?: Record<string, unknown> };
}

function toErrorBody(error: unknown): NonNullable<PatchResult["error"]> {
  if (isAppError(error)) {
    const { status, status_text } = errorCodes[error.code];
    return { code: status, status: status_text, message: error.message, ...(error.reason ? { reason: error.reason } : {}), ...(error.id ? { id: error.id } : {}), ...(error.details ? { details: error.details } : {}) };
  }
  if (error instanceof z.ZodError) return { code: 400, status: "Bad Request", message: "The request was malformed or contained invalid parameters", reason: error.issues[0]?.message };
  throw error;
}

/**
 * Applies each item on its own (its own transaction): a failing item becomes `action: "error"` with the Ory
 * error, the others still apply — as Kratos answers batch patches.
 */
export async function batchPatchIdentities(ctx: ServiceContext, body: unknown): Promise<{ identities: PatchResult[] }> {
  const { identities } = batchPatchBodySchema.parse(body);
  const results: PatchResult[] = [];
  for (const item of identities) {
    const patchId = item.patch_id ? { patch_id: item.patch_id } : {};
    try {
      if ("create" in item) {
        const identity = await createIdentity(ctx, item.create);
        results.push({ action: "create", identity: identity.id, ...patchId });
      } else {
        await deleteIdentity(ctx, item.delete.id);
        results.push({ action: "delete", identity: item.delete.id, ...patchId });
      }
    } catch (error) {
      results.push({ action: "error", ...patchId, error: toErrorBody(error) });
    }
  }
  return { identities: results };
}
