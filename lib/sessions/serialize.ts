import { toOryIdentity, type IdentityRecord } from "@/lib/identity";
import { devicesOf, methodsOf, type SessionRecord } from "./record";

export interface OrySessionOptions {
  baseUrl: string;
  now: Date;
  /** Include `identity` (whoami, `expand=identity`); false leaves it out. Default true. */
  withIdentity?: boolean;
  /** Include `devices` (default true). */
  withDevices?: boolean;
}

/** Ory's `session` JSON. The identity is the self-service view (no credentials, no admin metadata). */
export function toOrySession(session: SessionRecord, identity: IdentityRecord | undefined, options: OrySessionOptions) {
  return {
    id: session.id,
    active: session.active && session.expiresAt > options.now,
    expires_at: session.expiresAt.toISOString(),
    authenticated_at: session.authenticatedAt.toISOString(),
    authenticator_assurance_level: session.aal,
    authentication_methods: methodsOf(session),
    issued_at: session.issuedAt.toISOString(),
    ...(identity && options.withIdentity !== false ? { identity: toOryIdentity(identity, { baseUrl: options.baseUrl }) } : {}),
    ...(options.withDevices !== false ? { devices: devicesOf(session) } : {}),
  };
}
export type OrySession = ReturnType<typeof toOrySession>;
