import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** Recognizable prefixes (like Ory's `ory_pat_`), so leaked keys are easy to spot by secret scanners. */
export const PROJECT_KEY_PREFIX = "pc_pat_";
export const WORKSPACE_KEY_PREFIX = "pc_wak_";
export const CONSOLE_SESSION_PREFIX = "pc_cs_";

export interface IssuedToken {
  /** Shown once to the caller, never stored. */
  token: string;
  /** Stored: SHA-256 of the token. Keys carry 256 bits of entropy, so a fast hash is safe here. */
  hash: string;
  /** Stored and displayed: enough characters to recognize the key, too few to use it. */
  displayPrefix: string;
}

export function issueToken(prefix: string): IssuedToken {
  const token = prefix + randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token), displayPrefix: token.slice(0, prefix.length + 6) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Constant-time comparison of two hex digests. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Extracts the bearer credential from an Authorization header (RFC 6750 §2.1). */
export function bearerToken(authorization: string | undefined): string | undefined {
  if (!authorization) return undefined;
  const match = /^Bearer\s+([A-Za-z0-9\-._~+/]+=*)\s*$/i.exec(authorization);
  return match?.[1];
}
