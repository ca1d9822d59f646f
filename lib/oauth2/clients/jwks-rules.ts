import { createPublicKey, type JsonWebKey } from "node:crypto";
import { PRIVATE_JWK_MEMBERS } from "@/lib/keys";

/** Why a client's `jwks` or `jwks_uri` is refused: a stable code (the console translates it) and the API's reason. */
export interface KeyProblem {
  code: "jwksEmpty" | "jwksPrivate" | "jwksKty" | "jwksAlg" | "jwksUse" | "jwksKid" | "jwksDuplicateKid" | "jwksInvalidKey" | "jwksWeakKey" | "jwksUri";
  reason: string;
}

type Jwk = Record<string, unknown>;

/** Curves per key type and the JWS algorithm each one signs with (RFC 7518 §3.4, §6.2.1.1; RFC 8037 §3.1). */
const CURVE_ALGORITHMS: Record<string, Record<string, string>> = {
  EC: { "P-256": "ES256", "P-384": "ES384", "P-521": "ES512" },
  OKP: { Ed25519: "EdDSA" },
};
const RSA_ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512"];
/** NIST SP 800-131A: RSA keys below 2048 bits are no longer acceptable for signatures. */
const MIN_RSA_BITS = 2048;

const problem = (code: KeyProblem["code"], reason: string): KeyProblem => ({ code, reason });

function keyProblem(key: Jwk, at: string): KeyProblem | undefined {
  const privateMember = PRIVATE_JWK_MEMBERS.find((member) => member in key);
  if (privateMember) return problem("jwksPrivate", `${at} contains the private key member "${privateMember}"; register public keys only.`);
  const kty = key.kty;
  if (kty !== "RSA" && kty !== "EC" && kty !== "OKP") return problem("jwksKty", `${at}: key type ${JSON.stringify(kty)} is not supported; use RSA, EC or OKP (Ed25519).`);
  if (key.use !== undefined && key.use !== "sig") return problem("jwksUse", `${at}: only signing keys (use "sig") are supported.`);
  const allowed = kty === "RSA" ? RSA_ALGORITHMS : [CURVE_ALGORITHMS[kty][String(key.crv)]].filter(Boolean);
  if (allowed.length === 0) return problem("jwksKty", `${at}: the curve ${JSON.stringify(key.crv)} is not supported for ${kty} signing keys.`);
  if (key.alg !== undefined && !allowed.includes(String(key.alg))) {
    return problem("jwksAlg", `${at}: alg ${JSON.stringify(key.alg)} does not fit this key; use one of ${allowed.join(", ")}.`);
  }
  let parsed;
  try {
    parsed = createPublicKey({ key: key as JsonWebKey, format: "jwk" });
  } catch {
    return problem("jwksInvalidKey", `${at} is not a valid ${kty} public key.`);
  }
  const bits = parsed.asymmetricKeyDetails?.modulusLength;
  if (kty === "RSA" && (bits ?? 0) < MIN_RSA_BITS) return problem("jwksWeakKey", `${at}: RSA keys must have at least ${MIN_RSA_BITS} bits.`);
  return undefined;
}

/**
 * A client's registered JWK Set (RFC 7591 §2, OIDC Core §10.1): public signing keys only, of a key type and
 * algorithm we verify, each a valid key. Keys of a set with more than one key need distinct `kid`s
 * (RFC 7517 §4.5), so an assertion's `kid` names exactly one key.
 */
export function jwksProblem(jwks: { keys: Jwk[] }): KeyProblem | undefined {
  if (jwks.keys.length === 0) return problem("jwksEmpty", "jwks must contain at least one key.");
  const kids = new Set<string>();
  for (const [index, key] of jwks.keys.entries()) {
    const at = `jwks.keys[${index}]`;
    const found = keyProblem(key, at);
    if (found) return found;
    const kid = typeof key.kid === "string" ? key.kid : "";
    if (jwks.keys.length > 1 && !kid) return problem("jwksKid", `${at} needs a kid: every key of a set with several keys must have one (RFC 7517 §4.5).`);
    if (kid && kids.has(kid)) return problem("jwksDuplicateKid", `${at}: the kid "${kid}" is used by another key of the set.`);
    kids.add(kid);
  }
  return undefined;
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * `jwks_uri`: https (the keys authenticate the client, so they must not travel over a channel an attacker can
 * rewrite), except http on a loopback host for development. No fragment, no credentials in the URL.
 */
export function jwksUriProblem(value: string): KeyProblem | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return problem("jwksUri", "jwks_uri must be an absolute https URL.");
  }
  const loopbackHttp = url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== "https:" && !loopbackHttp) return problem("jwksUri", "jwks_uri must use https (http only on localhost, 127.0.0.1 or [::1]).");
  if (url.hash || value.includes("#") || url.username || url.password) return problem("jwksUri", "jwks_uri must not contain a fragment or credentials.");
  return undefined;
}
