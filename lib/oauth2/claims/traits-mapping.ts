import { z } from "zod";
import { badRequest } from "@/lib/core/errors";
import { SCOPE_CLAIMS } from "./standard-claims";

/** Claims the provider derives itself (verification state, last update), so a mapping cannot name them. */
const DERIVED = new Set(["email_verified", "phone_number_verified", "updated_at"]);
export const MAPPABLE_CLAIMS = Object.values(SCOPE_CLAIMS).flat().filter((claim) => !DERIVED.has(claim));
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

/** RFC 6901 §4: the value a pointer names in a document, or undefined. */
export function resolvePointer(document: unknown, pointer: string): unknown {
  let node = document;
  for (const token of pointer.split("/").slice(1).map((t) => t.replaceAll("~1", "/").replaceAll("~0", "~"))) {
    if (Array.isArray(node) && /^(0|[1-9]\d*)$/.test(token)) node = node[Number(token)];
    else if (node && typeof node === "object" && !Array.isArray(node) && Object.hasOwn(node, token)) node = (node as Json)[token];
    else return undefined;
  }
  return node;
}

/** Refuses a project config whose claims mapping is invalid (Ory's 400, naming the path), on every write. */
export function assertValidClaimsMapping(projectConfig: unknown): void {
  const problem = claimsMappingProblem(projectConfig);
  if (problem) throw badRequest("The request was malformed or contained invalid parameters", { id: "invalid_claims_mapping", reason: problem });
}
