import { z } from "zod";

/** Ory's `identityWithCredentials` (import of password, OIDC and SAML credentials). */
const providerLink = z.object({
  provider: z.string().min(1).max(256),
  subject: z.string().min(1).max(1024),
  use_auto_link: z.boolean().optional(),
  organization: z.string().max(256).optional(),
});
export const credentialsInputSchema = z.object({
  password: z.object({
    config: z.object({
      password: z.string().max(4096).optional(),
      hashed_password: z.string().max(4096).optional(),
      use_password_migration_hook: z.boolean().optional(),
    }).optional(),
  }).optional(),
  oidc: z.object({ config: z.object({ providers: z.array(providerLink).max(50).optional() }).optional() }).optional(),
  saml: z.object({ config: z.object({ providers: z.array(providerLink).max(50).optional() }).optional() }).optional(),
});

const addressInput = z.object({
  value: z.string().min(1).max(320),
  via: z.string().min(1).max(32).default("email"),
  verified: z.boolean().optional(),
  status: z.string().max(32).optional(),
  id: z.string().optional(),
  verified_at: z.string().nullish(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
});

const jsonObject = z.record(z.string(), z.unknown());
const state = z.enum(["active", "inactive"]);

/** Ory's `createIdentityBody`. */
export const createIdentityBodySchema = z.object({
  schema_id: z.string().max(512).default(""),
  traits: jsonObject,
  state: state.optional(),
  metadata_public: z.unknown().optional(),
  metadata_admin: z.unknown().optional(),
  external_id: z.string().min(1).max(512).optional(),
  organization_id: z.uuid().nullish(),
  credentials: credentialsInputSchema.optional(),
  verifiable_addresses: z.array(addressInput).max(100).optional(),
  recovery_addresses: z.array(addressInput).max(100).optional(),
});
export type CreateIdentityInput = z.input<typeof createIdentityBodySchema>;

/** Ory's `updateIdentityBody` (PUT replaces traits, state, metadata; credentials are merged in). */
export const updateIdentityBodySchema = z.object({
  schema_id: z.string().max(512),
  traits: jsonObject,
  state: state,
  metadata_public: z.unknown().optional(),
  metadata_admin: z.unknown().optional(),
  external_id: z.string().min(1).max(512).optional(),
  credentials: credentialsInputSchema.optional(),
});
export type UpdateIdentityInput = z.input<typeof updateIdentityBodySchema>;
