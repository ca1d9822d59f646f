/** RFC 6902 JSON Patch (Ory's jsonPatchDocument): the one implementation in lib/core, with RFC 6902 §4.4 checked. */
export { applyJsonPatch as applyPatch, jsonPatchSchema } from "@/lib/core/json-patch";
