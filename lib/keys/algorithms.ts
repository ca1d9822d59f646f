import { exportJWK, generateKeyPair, type JWK } from "jose";
import { randomToken } from "@/lib/core/ids";

/** Asymmetric JWS algorithms a key set can hold (RFC 7518 §3.1, RFC 8037 for EdDSA). */
export const SIGNING_ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"] as const;
export type SigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number];

export const isSigningAlgorithm = (alg: string): alg is SigningAlgorithm => (SIGNING_ALGORITHMS as readonly string[]).includes(alg);

export interface GeneratedJwk {
  kid: string;
  alg: SigningAlgorithm;
  use: "sig" | "enc";
  publicJwk: JWK;
  privateJwk: JWK;
}

/** A fresh key pair as JWKs (RSA 2048-bit, P-256/384/521, Ed25519). */
export async function generateJwk(alg: SigningAlgorithm, use: "sig" | "enc" = "sig", kid = randomToken(12)): Promise<GeneratedJwk> {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true, modulusLength: 2048, crv: alg === "EdDSA" ? "Ed25519" : undefined });
  const common = { kid, alg, use };
  return {
    kid,
    alg,
    use,
    publicJwk: { ...(await exportJWK(publicKey)), ...common },
    privateJwk: { ...(await exportJWK(privateKey)), ...common },
  };
}

/** JWK members only private or symmetric keys carry (RFC 7518 §6.2.2, §6.3.2, §6.4.1; RFC 8037 §2). */
export const PRIVATE_JWK_MEMBERS = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"] as const;

/** The public half of a JWK (drops every private member). */
export function publicPart(jwk: JWK): JWK {
  const copy: Record<string, unknown> = { ...jwk };
  for (const member of PRIVATE_JWK_MEMBERS) delete copy[member];
  return copy as JWK;
}

export const hasPrivatePart = (jwk: JWK): boolean => typeof jwk.d === "string";
