import { z } from "zod";

const strings = z.array(z.string().max(2048)).max(200).nullable().optional().transform((v) => v ?? []);

/** Hydra's acceptOAuth2LoginRequest. */
export const acceptLoginSchema = z.object({
  subject: z.string().min(1).max(512),
  remember: z.boolean().optional().default(false),
  remember_for: z.number().int().min(0).optional().default(0),
  acr: z.string().max(512).optional().default(""),
  amr: strings,
  context: z.unknown().optional(),
  extend_session_lifespan: z.boolean().optional(),
  force_subject_identifier: z.string().max(512).optional(),
  identity_provider_session_id: z.string().max(512).optional(),
});

/** Hydra's acceptOAuth2ConsentRequest. */
export const acceptConsentSchema = z.object({
  grant_scope: strings,
  grant_access_token_audience: strings,
  remember: z.boolean().optional().default(false),
  remember_for: z.number().int().min(0).optional().default(0),
  context: z.unknown().optional(),
  session: z
    .object({
      access_token: z.record(z.string(), z.unknown()).nullable().optional(),
      id_token: z.record(z.string(), z.unknown()).nullable().optional(),
    })
    .nullable()
    .optional(),
  handled_at: z.string().optional(),
});

/** Hydra's rejectOAuth2Request. */
export const rejectSchema = z.object({
  error: z.string().max(200).regex(/^[\x20-\x21\x23-\x5B\x5D-\x7E]*$/).optional(),
  error_description: z.string().max(2000).optional(),
  error_hint: z.string().max(2000).optional(),
  error_debug: z.string().max(2000).optional(),
  status_code: z.number().int().min(400).max(599).optional(),
});
