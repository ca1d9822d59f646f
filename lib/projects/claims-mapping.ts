import { z } from "zod";
import { badRequest } from "@/lib/core/errors";
/**
 * The OIDC Core §5.1 standard claims a trait can supply: those of the profile, email, address and phone scopes
 * (§5.4) except the ones the provider derives itself (`email_verified`, `phone_number_verified` from verifiable
 * addresses, `updated_at`). Kept here because project config validation cannot depend on lib/oauth2 (which depends
 * on lib/projects); lib/oauth2's claim table is checked against this list in its tests.
 */
export const MAPPABLE_CLAIMS = [
  "name", "family_name", "given_name", "middle_name", "nickname", "preferred_username", "profile", "picture", "website",
  "gender", "birthdate", "zoneinfo", "locale", "email", "address", "phone_number",
];
const MAPPABLE = new Set(MAPPABLE_CLAIMS);

/** RFC 6901 JSON Pointer into an identity's traits, e.g. `/name/given` or `/contact/emails/0`. */
const traitPointer = z.string().max(256).regex(/^(\/([^~/]|~[01])*)+$/, "must be a JSON Pointer into the traits, such as /name/given (RFC 6901)");

/**
 * `services.oauth2.config.oidc.claims_from_traits`: per identity schema id, which trait each standard claim (OIDC
 * Core §5.1) comes from. Schemas without an entry use the built-in presets' trait names (email, phone, username,
 * name.first/last, …). Example: `{ "customer-v1": { "email": "/contact/email", "given_name": "/name/given" } }`.
 */
export const claimsFromTraitsSchema = z.record(
  z.string().min(1).max(256),
  z.record(z.string(), traitPointer).superRefine((claims, ctx) => {
    for (const claim of Object.keys(claims)) {
      if (!MAPPABLE.has(claim)) ctx.addIssue({ code: "custom", path: [claim], message: `must be one of the standard claims: ${MAPPABLE_CLAIMS.join(", ")}` });
    }
  }),
);
export type ClaimsFromTraits = z.infer<typeof claimsFromTraitsSchema>;

const PATH = ["services", "oauth2", "config", "oidc", "claims_from_traits"] as const;
type Json = Record<string, unknown>;
const at = (root: unknown, path: readonly string[]): unknown =>
  path.reduce<unknown>((node, key) => (node && typeof node === "object" && !Array.isArray(node) ? (node as Json)[key] : undefined), root);

/**
 * What is wrong with a project config's claims mapping, as `path: message` (the path in the project document), or
 * undefined. Schema ids must be ones the project's identity config declares.
 */
export function claimsMappingProblem(projectConfig: unknown): string | undefined {
  const raw = at(projectConfig, PATH);
  if (raw === undefined) return undefined;
  const parsed = claimsFromTraitsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return `${[...PATH, ...issue.path.map(String)].join(".")}: ${issue.message}`;
  }
  const schemas = at(projectConfig, ["services", "identity", "config", "identity", "schemas"]);
  const ids = new Set(Array.isArray(schemas) ? schemas.map((s) => (s as Json)?.id) : []);
  const unknown = Object.keys(parsed.data).find((id) => !ids.has(id));
  return unknown === undefined ? undefined : `${[...PATH, unknown].join(".")}: no identity schema with this id is configured (identity.schemas)`;
}

/** Refuses a project config whose claims mapping is invalid (Ory's 400, naming the path), on every write. */
export function assertValidClaimsMapping(projectConfig: unknown): void {
  const problem = claimsMappingProblem(projectConfig);
  if (problem) throw badRequest("The request was malformed or contained invalid parameters", { id: "invalid_claims_mapping", reason: problem });
}
