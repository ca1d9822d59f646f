import { getIdentity, type IdentityRecord } from "@/lib/identity";
import type { ClaimsFromTraits } from "@/lib/projects";
import { resolvePointer } from "../claims/json-pointer";
import { settingsOf, type OAuth2Context } from "../context";

type Traits = Record<string, unknown>;
const str = (v: unknown) => (typeof v === "string" && v ? v : undefined);
const ADDRESS_MEMBERS = ["formatted", "street_address", "locality", "region", "postal_code", "country"];

/** OIDC Core §5.1.1: an address object (its string members) or, from a plain string, `{formatted}`. */
function addressClaim(value: unknown): Record<string, string> | undefined {
  if (typeof value === "string") return value ? { formatted: value } : undefined;
  if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
  const members = ADDRESS_MEMBERS.flatMap((name) => (str((value as Traits)[name]) ? [[name, (value as Traits)[name] as string] as const] : []));
  return members.length ? Object.fromEntries(members) : undefined;
}

/** The presets' trait names (lib/identity/schemas/presets.ts): email, phone, username, name as a string or {first, last}, … */
function presetClaims(traits: Traits): Record<string, unknown> {
  const name = traits.name;
  const first = typeof name === "object" && name ? str((name as Traits).first) : undefined;
  const last = typeof name === "object" && name ? str((name as Traits).last) : undefined;
  return {
    name: str(name) ?? ([first, last].filter(Boolean).join(" ") || undefined),
    given_name: first,
    family_name: last,
    preferred_username: str(traits.username),
    picture: str(traits.picture),
    website: str(traits.website),
    locale: str(traits.locale),
    email: str(traits.email),
    phone_number: str(traits.phone) ?? str(traits.phone_number),
    address: addressClaim(traits.address),
  };
}

/**
 * OIDC standard claims (Core §5.1) of an identity: from its traits — through the project's `claims_from_traits`
 * mapping for the identity's schema, else the presets' trait names — with `email_verified` and
 * `phone_number_verified` from its verifiable addresses and `updated_at` from the identity. Which of them a client
 * gets is decided at release (claims/release.ts), by the granted scopes.
 */
export function claimsFromIdentity(identity: IdentityRecord, mapping: ClaimsFromTraits = {}): Record<string, unknown> {
  const traits = (identity.traits ?? {}) as Traits;
  const mapped = mapping[identity.schemaId];
  const fromTraits = mapped
    ? Object.fromEntries(Object.entries(mapped).map(([claim, pointer]) => {
      const value = resolvePointer(traits, pointer);
      return [claim, claim === "address" ? addressClaim(value) : str(value)];
    }))
    : presetClaims(traits);
  const email = str(fromTraits.email);
  const phone = str(fromTraits.phone_number);
  const verified = (value: string) => identity.verifiableAddresses.some((a) => a.value === value.toLowerCase() && a.verified);
  const claims: Record<string, unknown> = {
    ...fromTraits,
    email_verified: email ? verified(email) : undefined,
    phone_number_verified: phone ? verified(phone) : undefined,
    updated_at: Math.floor(identity.updatedAt.getTime() / 1000),
  };
  return Object.fromEntries(Object.entries(claims).filter(([, v]) => v !== undefined));
}

/**
 * The consent session's claims for a subject that is one of the project's identities — the same construction for
 * the hosted consent page and for clients that skip consent (`skip_consent`), so both release the same claims.
 * Subjects that are not identities (an external login app's users) get none: their consent app supplies them.
 */
export async function identitySessionClaims(ctx: OAuth2Context, subject: string): Promise<{ id_token: Record<string, unknown> }> {
  const identity = await getIdentity(ctx, subject);
  return { id_token: identity ? claimsFromIdentity(identity, settingsOf(ctx).oidc.claims_from_traits) : {} };
}
