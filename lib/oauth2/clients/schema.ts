import { z } from "zod";
import { SIGNING_ALGORITHMS } from "@/lib/keys";
import { LIFESPAN_REASONS, lifespanProblem } from "./lifespan-rules";

export const GRANT_TYPES = [
  "authorization_code",
  "refresh_token",
  "client_credentials",
  "urn:ietf:params:oauth:grant-type:device_code",
  "implicit",
  "urn:ietf:params:oauth:grant-type:jwt-bearer",
] as const;
export const AUTH_METHODS = ["client_secret_basic", "client_secret_post", "private_key_jwt", "none"] as const;

export const LIFESPAN_FIELDS = [
  "authorization_code_grant_access_token_lifespan",
  "authorization_code_grant_id_token_lifespan",
  "authorization_code_grant_refresh_token_lifespan",
  "client_credentials_grant_access_token_lifespan",
  "device_authorization_grant_access_token_lifespan",
  "device_authorization_grant_id_token_lifespan",
  "device_authorization_grant_refresh_token_lifespan",
  "implicit_grant_access_token_lifespan",
  "implicit_grant_id_token_lifespan",
  "jwt_bearer_grant_access_token_lifespan",
  "refresh_token_grant_access_token_lifespan",
  "refresh_token_grant_id_token_lifespan",
  "refresh_token_grant_refresh_token_lifespan",
] as const;
export type LifespanField = (typeof LIFESPAN_FIELDS)[number];

// Empty or null = the project's default (Hydra's NullDuration).
const lifespan = z
  .string()
  .max(64)
  .nullable()
  .optional()
  .superRefine((value, ctx) => {
    const found = value ? lifespanProblem(value) : undefined;
    if (found) ctx.addIssue({ code: "custom", message: LIFESPAN_REASONS[found] });
  });
export const lifespansSchema = z.object(Object.fromEntries(LIFESPAN_FIELDS.map((f) => [f, lifespan])) as Record<LifespanField, typeof lifespan>);

const strings = z.array(z.string().max(2048)).max(100).nullable().optional().transform((v) => v ?? undefined);
const text = z.string().max(2048).optional();
const alg = z.enum(SIGNING_ALGORITHMS);

/** Ory's oAuth2Client as a request body; server-managed fields are accepted and ignored. */
export const clientInputSchema = z.looseObject({
  client_id: z.string().min(1).max(255).regex(/^[A-Za-z0-9._~:@-]+$/, "client_id may contain letters, digits and ._~:@- only").optional(),
  client_name: text,
  client_secret: z.string().min(16, "client_secret must be at least 16 characters; omit it to get a generated one").max(512).optional(),
  client_secret_expires_at: z.number().int().min(0).optional(),
  client_uri: text,
  contacts: strings,
  grant_types: z.array(z.enum(GRANT_TYPES)).max(10).nullable().optional().transform((v) => v ?? undefined),
  response_types: z.array(z.string().regex(/^(code|token|id_token|none)( (code|token|id_token))*$/, "unknown response type")).max(10).nullable().optional().transform((v) => v ?? undefined),
  redirect_uris: strings,
  post_logout_redirect_uris: strings,
  request_uris: strings,
  allowed_cors_origins: strings,
  audience: strings,
  scope: z.string().max(4096).regex(/^[\x21\x23-\x5B\x5D-\x7E]*( [\x21\x23-\x5B\x5D-\x7E]+)*$/, "scope must be space-separated scope tokens (RFC 6749 §3.3)").optional(),
  owner: text,
  policy_uri: text,
  tos_uri: text,
  logo_uri: text,
  subject_type: z.enum(["public", "pairwise"]).optional(),
  sector_identifier_uri: text,
  jwks: z.object({ keys: z.array(z.looseObject({ kty: z.string(), kid: z.string().optional() })).max(20) }).nullable().optional(),
  jwks_uri: text,
  token_endpoint_auth_method: z.enum(AUTH_METHODS).optional(),
  token_endpoint_auth_signing_alg: z.union([alg, z.literal("")]).optional(),
  request_object_signing_alg: z.union([alg, z.literal("none"), z.literal("")]).optional(),
  userinfo_signed_response_alg: z.union([alg, z.literal("none"), z.literal("")]).optional(),
  id_token_signed_response_alg: z.union([alg, z.literal("")]).optional(),
  frontchannel_logout_uri: text,
  frontchannel_logout_session_required: z.boolean().optional(),
  backchannel_logout_uri: text,
  backchannel_logout_session_required: z.boolean().optional(),
  metadata: z.record(z.string(), z.unknown()).nullable().optional(),
  skip_consent: z.boolean().optional(),
  skip_logout_consent: z.boolean().optional(),
  access_token_strategy: z.union([z.enum(["jwt", "opaque"]), z.literal("")]).optional(),
  ...lifespansSchema.shape,
});
export type ClientInput = z.infer<typeof clientInputSchema>;

/** The stored client document (everything but the secret), defaults applied. */
export interface ClientDocument {
  client_id: string;
  client_name: string;
  client_secret_expires_at: number;
  client_uri: string;
  contacts: string[];
  grant_types: (typeof GRANT_TYPES)[number][];
  response_types: string[];
  redirect_uris: string[];
  post_logout_redirect_uris: string[];
  request_uris: string[];
  allowed_cors_origins: string[];
  audience: string[];
  scope: string;
  owner: string;
  policy_uri: string;
  tos_uri: string;
  logo_uri: string;
  subject_type: "public";
  sector_identifier_uri: string;
  jwks?: { keys: Record<string, unknown>[] };
  jwks_uri: string;
  token_endpoint_auth_method: (typeof AUTH_METHODS)[number];
  token_endpoint_auth_signing_alg: string;
  request_object_signing_alg: string;
  userinfo_signed_response_alg: string;
  id_token_signed_response_alg: string;
  frontchannel_logout_uri: string;
  frontchannel_logout_session_required: boolean;
  backchannel_logout_uri: string;
  backchannel_logout_session_required: boolean;
  metadata: Record<string, unknown>;
  skip_consent: boolean;
  skip_logout_consent: boolean;
  access_token_strategy: "" | "jwt" | "opaque";
  lifespans: Partial<Record<LifespanField, string>>;
}
