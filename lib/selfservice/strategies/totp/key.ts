import { Secret, TOTP } from "otpauth";
import { openSecret, sealSecret } from "@/lib/keys";

/**
 * TOTP (RFC 6238) with the parameters every authenticator app understands: HMAC-SHA1, 6 digits, 30 s steps
 * (RFC 6238 §4, Google Authenticator's key URI format). The seed is 160 bits (RFC 4226 §4 R6 recommends 160).
 */
export const TOTP_PERIOD = 30;
const DIGITS = 6;
const ALGORITHM = "SHA1";
const SEED_BYTES = 20;

/** What the credential stores: the seed sealed with the system secret (bound to project and identity) and the last step used. */
export interface TotpConfig {
  secret: string;
  algorithm: typeof ALGORITHM;
  digits: number;
  period: number;
  /** The RFC 6238 time step (T) of the last accepted code: a code of that step or an earlier one is refused (replay). */
  last_step?: number;
}

const sealContext = (projectId: string, identityId: string) => `totp:${projectId}:${identityId}`;

export const newSeed = (): string => new Secret({ size: SEED_BYTES }).base32;

/** The `otpauth://totp/…` key URI an authenticator app scans (the QR code's content). */
export function keyUri(seed: string, issuer: string, accountName: string): string {
  return new TOTP({ issuer, label: accountName, algorithm: ALGORITHM, digits: DIGITS, period: TOTP_PERIOD, secret: Secret.fromBase32(seed) }).toString();
}

export async function sealedConfig(seed: string, projectId: string, identityId: string): Promise<TotpConfig> {
  return { secret: await sealSecret(seed, sealContext(projectId, identityId)), algorithm: ALGORITHM, digits: DIGITS, period: TOTP_PERIOD };
}

export const openSeed = (sealed: string, projectId: string, identityId: string): Promise<string> => openSecret(sealed, sealContext(projectId, identityId));

/** Seals a seed waiting in a settings flow (until the first code confirms it). */
export const sealPendingSeed = (seed: string, projectId: string, flowId: string) => sealSecret(seed, `totp-pending:${projectId}:${flowId}`);
export const openPendingSeed = (sealed: string, projectId: string, flowId: string) => openSecret(sealed, `totp-pending:${projectId}:${flowId}`);

/**
 * The time step a code belongs to, checking the current step and one on either side (RFC 6238 §5.2 allows one step
 * of network delay); undefined when the code matches none. otpauth compares in constant time.
 */
export function matchingStep(seed: string, code: string, now: Date): number | undefined {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return undefined;
  const totp = new TOTP({ algorithm: ALGORITHM, digits: DIGITS, period: TOTP_PERIOD, secret: Secret.fromBase32(seed) });
  const delta = totp.validate({ token, timestamp: now.getTime(), window: 1 });
  return delta === null ? undefined : Math.floor(now.getTime() / 1000 / TOTP_PERIOD) + delta;
}
