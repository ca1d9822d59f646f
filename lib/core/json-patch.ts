import jsonpatch, { type Operation } from "fast-json-patch";
import { z } from "zod";
import { badRequest, conflict } from "@/lib/core/errors";

/** A JSON Pointer (RFC 6901 §3): empty, or `/`-prefixed reference tokens where `~` escapes only `~0` and `~1`. */
const jsonPointer = z
  .string()
  .max(2048)
  .regex(/^(\/([^~/]|~[01])*)*$/, "Not a JSON Pointer (RFC 6901).")
  .refine((pointer) => !pointer.split("/").includes("__proto__"), "A pointer must not name __proto__.");

/** RFC 6902 §4: one operation. Members not defined for the operation are ignored (stripped). */
const operationSchema = z.discriminatedUnion("op", [
  z.object({ op: z.literal("add"), path: jsonPointer, value: z.unknown() }),
  z.object({ op: z.literal("replace"), path: jsonPointer, value: z.unknown() }),
  z.object({ op: z.literal("test"), path: jsonPointer, value: z.unknown() }),
  z.object({ op: z.literal("remove"), path: jsonPointer }),
  z.object({ op: z.literal("move"), from: jsonPointer, path: jsonPointer }),
  z.object({ op: z.literal("copy"), from: jsonPointer, path: jsonPointer }),
]).superRefine((op, ctx) => {
  // RFC 6902 §4.1, §4.3, §4.6: add, replace and test require a "value" member (null is a value).
  if ((op.op === "add" || op.op === "replace" || op.op === "test") && !("value" in op && op.value !== undefined)) {
    ctx.addIssue({ code: "custom", path: ["value"], message: `The "${op.op}" operation requires a value.` });
  }
});

export const jsonPatchSchema = z.array(operationSchema).min(1, "The patch has no operations.").max(500);
export type JsonPatch = z.infer<typeof jsonPatchSchema>;

/** RFC 6902 §4.4: "the from location MUST NOT be a proper prefix of the path location" (no move into its own child). */
function assertNoMoveIntoChild(patch: JsonPatch): void {
  for (const [index, op] of patch.entries()) {
    if (op.op === "move" && op.path.startsWith(`${op.from}/`)) {
      throw badRequest("The patch cannot be applied.", {
        id: "invalid_patch",
        reason: `Operation ${index} moves "${op.from || "/"}" into its own child "${op.path}" (RFC 6902 §4.4).`,
      });
    }
  }
}

/**
 * Applies an RFC 6902 patch to a copy of the document. A failed `test` (§4.6) is a conflict; anything else the patch
 * cannot do to this document (a missing member, a move into its own child, a prototype path) is a 400.
 */
export function applyJsonPatch<T extends object>(document: T, patch: JsonPatch): Record<string, unknown> {
  assertNoMoveIntoChild(patch);
  try {
    // validate=true checks each operation against the document; prototype modifications stay banned.
    return jsonpatch.applyPatch(structuredClone(document), patch as Operation[], true, false, true).newDocument as Record<string, unknown>;
  } catch (error) {
    if (error instanceof jsonpatch.JsonPatchError && error.name === "TEST_OPERATION_FAILED") {
      throw conflict("A test operation of the patch failed.", { id: "patch_test_failed", reason: error.message.split("\n")[0] });
    }
    // JsonPatchError, or the TypeError fast-json-patch throws for prototype paths and unreachable members.
    throw badRequest("The patch cannot be applied.", { id: "invalid_patch", reason: (error as Error).message.split("\n")[0] });
  }
}
