import type { IdentityRecord } from "@/lib/identity";

export interface IdentitySummary {
  id: string;
  /** Email, username or phone: what people recognise an account by. */
  label: string;
  name?: string;
  state: string;
  schemaId: string;
  createdAt: Date;
  /** Undefined when the identity has no verifiable address. */
  verified?: boolean;
}

type Json = Record<string, unknown>;
const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : undefined);

/** A person's name from the common trait shapes: `name: "Ada"` or `name: {first, last}`, or first_name/last_name. */
export function nameOf(traits: Json): string | undefined {
  const name = traits.name;
  if (text(name)) return text(name);
  if (name && typeof name === "object" && !Array.isArray(name)) {
    const parts = [text((name as Json).first), text((name as Json).last)].filter(Boolean);
    if (parts.length) return parts.join(" ");
  }
  const parts = [text(traits.first_name), text(traits.last_name)].filter(Boolean);
  return parts.length ? parts.join(" ") : undefined;
}

export function summarizeIdentity(identity: Pick<IdentityRecord, "id" | "traits" | "state" | "schemaId" | "createdAt" | "verifiableAddresses">): IdentitySummary {
  const traits = (identity.traits && typeof identity.traits === "object" && !Array.isArray(identity.traits) ? identity.traits : {}) as Json;
  const label = text(traits.email) ?? text(traits.username) ?? text(traits.phone) ?? identity.verifiableAddresses[0]?.value ?? identity.id;
  const addresses = identity.verifiableAddresses;
  return {
    id: identity.id,
    label,
    name: nameOf(traits),
    state: identity.state,
    schemaId: identity.schemaId,
    createdAt: identity.createdAt,
    verified: addresses.length ? addresses.every((address) => address.verified) : undefined,
  };
}
