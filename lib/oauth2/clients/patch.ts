import jsonpatch, { type Operation } from "fast-json-patch";
import { z } from "zod";
import { badRequest, conflict } from "@/lib/core/errors";

/** RFC 6902 JSON Patch document (Ory's jsonPatchDocument). */
export const jsonPatchSchema = z
  .array(z.object({ op: z.enum(["add", "remove", "replace", "move", "copy", "test"]), path: z.string().max(2048), from: z.string().max(2048).optional(), value: z.unknown().optional() }))
  .min(1)
  .max(200);

/** Applies a patch to a copy; a failed `test` (RFC 6902 §4.6) is a conflict, other failures a 400. */
export function applyPatch(document: Record<string, unknown>, patch: z.infer<typeof jsonPatchSchema>): Record<string, unknown> {
  try {
    return jsonpatch.applyPatch(structuredClone(document), patch as Operation[], true, false, true).newDocument;
  } catch (error) {
    if (error instanceof jsonpatch.JsonPatchError) {
      if (error.name === "TEST_OPERATION_FAILED") throw conflict("A test operation of the patch failed.");
      throw badRequest("The patch cannot be applied to this client.", { reason: error.message.split("\n")[0] });
    }
    throw error;
  }
}
