import type { IdentityRecord } from "@/lib/identity";

type Traits = Record<string, unknown>;
const str = (v: unknown) => (typeof v === "string" && v ? v : undefined);

/**
 * OIDC standard claims (Core §5.1) from an identity's traits, for the ID token and userinfo. Common trait
 * shapes of Ory's presets: email, phone, username, name as a string or {first, last}, picture, website, locale.
 */
export function claimsFromIdentity(identity: IdentityRecord): Record<string, unknown> {
  const traits = (identity.traits ?? {}) as Traits;
  const name = traits.name;
  const first = typeof name === "object" && name ? str((name as Traits).first) : undefined;
  const last = typeof name === "object" && name ? str((name as Traits).last) : undefined;
  const email = str(traits.email);
  const phone = str(traits.phone) ?? str(traits.phone_number);
  const verified = (value: string | undefined) => Boolean(value && identity.verifiableAddresses.some((a) => a.value === value.toLowerCase() && a.verified));
  const claims: Record<string, unknown> = {
    name: str(name) ?? ([first, last].filter(Boolean).join(" ") || undefined),
    given_name: first,
    family_name: last,
    preferred_username: str(traits.username),
    picture: str(traits.picture),
    website: str(traits.website),
    locale: str(traits.locale),
    email,
    email_verified: email ? verified(email) : undefined,
    phone_number: phone,
    phone_number_verified: phone ? verified(phone) : undefined,
    updated_at: Math.floor(identity.updatedAt.getTime() / 1000),
  };
  return Object.fromEntries(Object.entries(claims).filter(([, v]) => v !== undefined));
}
