import type { IdentityRecord } from "@/lib/identity";
import { sessionSettings } from "./config";
import type { Aal, SessionRecord } from "./record";

const SECOND_FACTORS = new Set(["totp", "lookup_secret", "webauthn"]);

/** The highest AAL an identity could reach: aal2 once a second factor (TOTP, lookup secrets, WebAuthn) is set up. */
export function availableAal(identity: IdentityRecord): Aal {
  return identity.credentials.some((c) => SECOND_FACTORS.has(c.type)) ? "aal2" : "aal1";
}

/**
 * Kratos' `session.whoami.required_aal`: with `highest_available`, an aal1 session of an identity that has a
 * second factor is not enough (whoami answers 403 `session_aal2_required`).
 */
export function meetsRequiredAal(project: Parameters<typeof sessionSettings>[0], session: SessionRecord, identity: IdentityRecord): boolean {
  if (sessionSettings(project).requiredAal === "aal1") return true;
  return availableAal(identity) === "aal1" || session.aal !== "aal1";
}
