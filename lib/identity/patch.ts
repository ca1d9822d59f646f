import { badRequest } from "@/lib/core/errors";
import { applyJsonPatch, jsonPatchSchema } from "@/lib/core/json-patch";
import type { ServiceContext } from "./context";
import { getIdentity } from "./read";
import type { IdentityRecord } from "./store/record";
import { updateIdentity } from "./update";
import { notFound } from "@/lib/core/errors";

/** RFC 6902 JSON Patch document (Ory's `jsonPatchDocument`): the one implementation in lib/core. */
export { jsonPatchSchema };

const IMMUTABLE = [/^\/id(\/|$)/, /^\/created_at/, /^\/updated_at/, /^\/state_changed_at/, /^\/schema_url/, /^\/verifiable_addresses/, /^\/recovery_addresses/];
const PASSWORD_PATHS = /^\/credentials\/password\/config\/(password|hashed_password)$/;

/**
 * Ory's patchIdentity: RFC 6902 operations on the identity's JSON (`traits`, `metadata_*`, `state`,
 * `schema_id`, `external_id`), then the result goes through the same validation as a PUT. Like Kratos,
 * `id` and the derived fields are immutable; of the credentials, only a password may be set
 * (`/credentials/password/config/password` or `…/hashed_password`).
 */
export async function patchIdentity(ctx: ServiceContext, id: string, operations: unknown): Promise<IdentityRecord> {
  const ops = jsonPatchSchema.parse(operations);
  const current = await getIdentity(ctx, id);
  if (!current) throw notFound("Unable to locate the resource", { id: "not_found" });
  for (const op of ops) {
    const touched = [op.path, "from" in op ? op.from : undefined].filter((p): p is string => typeof p === "string");
    if (touched.some((p) => IMMUTABLE.some((rule) => rule.test(p)))) {
      throw badRequest("The request was malformed or contained invalid parameters", { reason: `The path "${op.path}" can not be patched.` });
    }
    if (touched.some((p) => p.startsWith("/credentials") && !PASSWORD_PATHS.test(p))) {
      throw badRequest("The request was malformed or contained invalid parameters", { reason: "Only the password credential can be set through a patch." });
    }
  }
  const document: Record<string, unknown> = {
    schema_id: current.schemaId,
    state: current.state,
    traits: current.traits,
    metadata_public: current.metadataPublic ?? null,
    metadata_admin: current.metadataAdmin ?? null,
    ...(current.externalId ? { external_id: current.externalId } : {}),
    credentials: { password: { config: {} } },
  };
  const patched = applyJsonPatch(document, ops);
  const password = (patched.credentials as { password?: { config?: Record<string, unknown> } } | undefined)?.password?.config ?? {};
  const hasPassword = typeof password.password === "string" || typeof password.hashed_password === "string";
  return updateIdentity(ctx, id, {
    schema_id: String(patched.schema_id ?? current.schemaId),
    state: patched.state as "active" | "inactive",
    traits: patched.traits as Record<string, unknown>,
    metadata_public: patched.metadata_public,
    metadata_admin: patched.metadata_admin,
    ...(typeof patched.external_id === "string" ? { external_id: patched.external_id } : {}),
    ...(hasPassword ? { credentials: { password: { config: password as { password?: string; hashed_password?: string } } } } : {}),
  });
}
