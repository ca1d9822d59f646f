import { schemaUrl } from "./schemas/registry";
import type { CredentialRecord, IdentityRecord } from "./store/record";

export interface OryIdentityOptions {
  /** The project base URL, for `schema_url`. */
  baseUrl: string;
  /** false/undefined: no `credentials`; true: each credential without its config; a list: config for those types too. */
  credentials?: boolean | string[];
  /** Include `metadata_admin` (admin API only). */
  admin?: boolean;
}

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : undefined);

/**
 * A credential's config as `include_credential` returns it. Second-factor secrets never leave: a TOTP seed is sealed
 * with the system secret (Kratos would return its `totp_url`), recovery codes are keyed hashes (Kratos stores them in
 * clear) — their parameters and which codes were used stay visible.
 */
function declassified(credential: CredentialRecord): unknown {
  const config = (credential.config ?? {}) as Record<string, unknown>;
  if (credential.type === "totp") return { algorithm: config.algorithm, digits: config.digits, period: config.period };
  if (credential.type === "lookup_secret") {
    const codes = Array.isArray(config.recovery_codes) ? (config.recovery_codes as { used_at?: string | null }[]) : [];
    return { recovery_codes: codes.map((code) => ({ used_at: code.used_at ?? null })) };
  }
  return credential.config;
}

function toOryCredential(credential: CredentialRecord, withConfig: boolean) {
  return {
    type: credential.type,
    identifiers: credential.identifiers.map((i) => i.identifier).sort(),
    ...(withConfig ? { config: declassified(credential) } : {}),
    version: credential.version,
    created_at: iso(credential.createdAt),
    updated_at: iso(credential.updatedAt),
  };
}

/** Ory's `identity` JSON. Secrets (password hashes) only appear when asked for by type (`include_credential`). */
export function toOryIdentity(identity: IdentityRecord, options: OryIdentityOptions) {
  const include = options.credentials;
  return {
    id: identity.id,
    ...(include
      ? { credentials: Object.fromEntries(identity.credentials.map((c) => [c.type, toOryCredential(c, Array.isArray(include) && include.includes(c.type))])) }
      : {}),
    schema_id: identity.schemaId,
    schema_url: schemaUrl(options.baseUrl, identity.schemaId),
    state: identity.state,
    state_changed_at: iso(identity.stateChangedAt),
    traits: identity.traits,
    verifiable_addresses: identity.verifiableAddresses.map((a) => ({
      id: a.id,
      value: a.value,
      verified: a.verified,
      via: a.via,
      status: a.status,
      ...(a.verifiedAt ? { verified_at: iso(a.verifiedAt) } : {}),
      created_at: iso(a.createdAt),
      updated_at: iso(a.updatedAt),
    })),
    recovery_addresses: identity.recoveryAddresses.map((a) => ({ id: a.id, value: a.value, via: a.via, created_at: iso(a.createdAt), updated_at: iso(a.updatedAt) })),
    metadata_public: identity.metadataPublic ?? null,
    ...(options.admin ? { metadata_admin: identity.metadataAdmin ?? null } : {}),
    ...(identity.externalId ? { external_id: identity.externalId } : {}),
    created_at: iso(identity.createdAt),
    updated_at: iso(identity.updatedAt),
    organization_id: identity.organizationId ?? null,
  };
}
export type OryIdentity = ReturnType<typeof toOryIdentity>;
