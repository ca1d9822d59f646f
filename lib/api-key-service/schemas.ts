import { isIP } from "node:net";
import { z } from "zod";
import { storableString } from "@/lib/core/storable-text";

/** AIP-148 metadata and custom claims: a JSON object of at most 4 KB serialized (Ory's cap). */
export const jsonObject4k = z.record(z.string(), z.unknown()).refine((value) => JSON.stringify(value).length <= 4096, "must serialize to at most 4KB");

const cidr = z.string().max(64).refine((value) => {
  const [address, bits, extra] = value.split("/");
  const family = isIP(address ?? "");
  if (!family || extra !== undefined) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d{1,3}$/.test(bits) && n <= (family === 4 ? 32 : 128);
}, "must be a CIDR range such as 10.0.0.0/8 or 2001:db8::/32");

export const ipRestrictionSchema = z.object({ allowed_cidrs: z.array(cidr).max(100).optional() }).strict();

/** RateLimitPolicy (draft-ietf-httpapi-ratelimit-headers): informational here, handed to gateways with verify. */
export const rateLimitPolicySchema = z.object({
  quota: z.union([z.string().regex(/^\d{1,15}$/), z.number().int().min(0).max(1e15)]).transform(String).optional(),
  unit: z.enum(["requests", "content-bytes", "concurrent-requests"]).optional(),
  window: z.string().regex(/^\d{1,9}(\.\d{1,9})?s$/, "must be a duration in seconds such as 60s").optional(),
}).strict();

export const visibilitySchema = z.enum(["KEY_VISIBILITY_UNSPECIFIED", "KEY_VISIBILITY_SECRET", "KEY_VISIBILITY_PUBLIC"])
  .transform((value) => (value === "KEY_VISIBILITY_PUBLIC" ? "KEY_VISIBILITY_PUBLIC" : "KEY_VISIBILITY_SECRET") as "KEY_VISIBILITY_SECRET" | "KEY_VISIBILITY_PUBLIC");

const scope = storableString().min(1).max(200).regex(/^[^\s]+$/, "must not contain white space");
const name = storableString().trim().min(1, "Name the key.").max(200);
const common = {
  actor_id: storableString().max(200).optional(),
  ip_restriction: ipRestrictionSchema.optional(),
  metadata: jsonObject4k.optional(),
  rate_limit_policy: rateLimitPolicySchema.optional(),
  request_id: storableString().min(1).max(200).optional(),
  scopes: z.array(scope).max(100).optional(),
  ttl: z.string().max(32).optional(),
  visibility: visibilitySchema.optional(),
};

export const issueApiKeySchema = z.object({ ...common, name }).strict();
export type IssueApiKeyInput = z.infer<typeof issueApiKeySchema>;

export const importApiKeySchema = z.object({ ...common, name, actor_id: storableString().min(1, "actor_id is required.").max(200), raw_key: z.string().min(16, "The imported key must have at least 16 characters.").max(1024) }).strict();
export type ImportApiKeyInput = z.infer<typeof importApiKeySchema>;

export const batchImportSchema = z.object({ requests: z.array(z.unknown()).min(1).max(1000) }).strict();

/** PATCH body (the resource's mutable fields); `update_mask` names which ones apply (AIP-134). */
export const updateApiKeySchema = z.object({
  name: name.optional(),
  actor_id: storableString().max(200).optional(),
  scopes: z.array(scope).max(100).optional(),
  metadata: jsonObject4k.optional(),
  rate_limit_policy: rateLimitPolicySchema.optional(),
  ip_restriction: ipRestrictionSchema.optional(),
  expire_time: z.iso.datetime({ offset: true }).optional(),
}).loose();
export type UpdateApiKeyInput = z.infer<typeof updateApiKeySchema>;
export const UPDATABLE_FIELDS = ["name", "actor_id", "scopes", "metadata", "rate_limit_policy", "ip_restriction", "expire_time"] as const;

export const revocationReasonSchema = z.enum(["REVOCATION_REASON_KEY_COMPROMISE", "REVOCATION_REASON_AFFILIATION_CHANGED", "REVOCATION_REASON_SUPERSEDED", "REVOCATION_REASON_PRIVILEGE_WITHDRAWN"], {
  message: "reason must be one of REVOCATION_REASON_KEY_COMPROMISE, _AFFILIATION_CHANGED, _SUPERSEDED, _PRIVILEGE_WITHDRAWN.",
});
export const adminRevokeSchema = z.object({ reason: revocationReasonSchema, description: storableString().max(1000).optional() }).strict()
  .refine((body) => !body.description || body.reason === "REVOCATION_REASON_PRIVILEGE_WITHDRAWN", { message: "description is only allowed with REVOCATION_REASON_PRIVILEGE_WITHDRAWN.", path: ["description"] });
export type AdminRevokeInput = z.infer<typeof adminRevokeSchema>;

export const selfRevokeSchema = z.object({
  credential: z.string().min(1).max(4096),
  reason: revocationReasonSchema.refine((reason) => reason !== "REVOCATION_REASON_PRIVILEGE_WITHDRAWN", "PRIVILEGE_WITHDRAWN is for administrators.").optional(),
}).strict();

/**
 * Rotation (AIP-136 custom method): absent fields inherit from the old key. `overlap` is ours: how long the old key
 * keeps working beside the new one (Go duration, default 0 = revoked at once as in Ory; at most 30 days).
 */
export const rotateApiKeySchema = z.object({
  name: storableString().max(200).optional(),
  scopes: z.array(scope).max(100).optional(),
  metadata: jsonObject4k.optional(),
  rate_limit_policy: rateLimitPolicySchema.optional(),
  ip_restriction: ipRestrictionSchema.optional(),
  visibility: visibilitySchema.optional(),
  overlap: z.string().max(32).optional(),
}).strict();
export type RotateApiKeyInput = z.infer<typeof rotateApiKeySchema>;

export const verifyRequestSchema = z.object({ credential: z.string().max(8192).default("") }).strict();
export const batchVerifySchema = z.object({ requests: z.array(verifyRequestSchema).min(1).max(1000) }).strict();

export const deriveTokenSchema = z.object({
  credential: z.string().min(1).max(8192),
  algorithm: z.enum(["TOKEN_ALGORITHM_UNSPECIFIED", "TOKEN_ALGORITHM_JWT", "TOKEN_ALGORITHM_MACAROON"]).optional()
    .refine((value) => value !== "TOKEN_ALGORITHM_MACAROON", "Macaroons are not supported; use TOKEN_ALGORITHM_JWT."),
  custom_claims: jsonObject4k.optional(),
  scopes: z.array(scope).max(100).optional(),
  ttl: z.string().max(32).optional(),
}).strict();
export type DeriveTokenInput = z.infer<typeof deriveTokenSchema>;
