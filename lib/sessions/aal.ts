import type { IdentityRecord } from "@/lib/identity";
import { sessionSettings } from "./config";
import type { Aal, SessionRecord } from "./record";

const SECOND_FACTORS = new Set(["totp", "lookup_secret", "webauthn"]);

/** Recovery codes count as a second factor while one is unused (Kratos' CountActiveMultiFactorCredentials). */
const active = (credential: IdentityRecord["credentials"][number]): boolean => {
  if (credential.type !== "lookup_secret") return true;
  const codes = (credential.config as { recovery_codes?: unknown } | null)?.recovery_codes;
  return Array.isArray(codes) && codes.some((code) => !(code as { used_at?: unknown })?.used_at);
};

/**
 * The highest AAL an identity could reach: aal2 once a second factor (TOTP, recovery codes with one unused, WebAuthn)
 * is set up. Read from the identity a session lookup loads anyway (the whoami cache): no query of its own.
 */
export function availableAal(identity: IdentityRecord): Aal {
  return identity.credentials.some((c) => SECOND_FACTORS.has(c.type) && active(c)) ? "aal2" : "aal1";
}

/**
 * Kratos' `session.whoami.required_aal`: with `highest_available`, an aal1 session of an identity that has a
 * second factor is not enough (whoami answers 403 `session_aal2_required`).
 */
export function meetsRequiredAal(project: Parameters<typeof sessionSettings>[0], session: SessionRecord, identity: IdentityRecord): boolean {
  if (sessionSettings(project).requiredAal === "aal1") return true;
  return availableAal(identity) === "aal1" || session.aal !== "aal1";
}
