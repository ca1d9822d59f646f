import { createHash, randomBytes } from "node:crypto";

/** Opaque token prefixes (like Hydra's ory_at_/ory_rt_/ory_ac_), so leaked tokens are recognisable. */
export const PREFIX = { access_token: "pc_at_", refresh_token: "pc_rt_", authorization_code: "pc_ac_", device_code: "pc_dc_" } as const;
export type TokenKind = keyof typeof PREFIX;

/** 256 random bits; stored only as their SHA-256 (a fast hash is safe at this entropy). */
export function newOpaqueToken(kind: TokenKind): { token: string; signature: string } {
  const token = PREFIX[kind] + randomBytes(32).toString("base64url");
  return { token, signature: tokenSignature(token) };
}

export const tokenSignature = (token: string): string => createHash("sha256").update(token).digest("base64url");

export function opaqueKind(token: string): TokenKind | undefined {
  for (const [kind, prefix] of Object.entries(PREFIX)) if (token.startsWith(prefix)) return kind as TokenKind;
  return undefined;
}
