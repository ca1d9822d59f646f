import { badRequest } from "@/lib/core/errors";
import type { JsonPatch } from "@/lib/core/json-patch";

export { applyJsonPatch, jsonPatchSchema, type JsonPatch } from "@/lib/core/json-patch";

const root = (pointer: string) => pointer.split("/")[1] ?? "";

/**
 * Rejects operations that would write outside the mutable parts of a document. `test` and the source of
 * `copy` only read, so they may refer to any member.
 */
export function assertMutablePaths(patch: JsonPatch, mutableRoots: ReadonlySet<string>): void {
  for (const [index, op] of patch.entries()) {
    const written = op.op === "test" ? [] : op.op === "move" ? [op.path, op.from] : [op.path];
    for (const pointer of written) {
      if (!mutableRoots.has(root(pointer))) {
        throw badRequest(`The field "${pointer || "/"}" cannot be changed.`, {
          id: "immutable_field",
          reason: `Operation ${index} (${op.op}) targets "${pointer || "/"}"; only ${[...mutableRoots].map((r) => "/" + r).join(", ")} may change.`,
        });
      }
    }
  }
}
