import { constants, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from "node:crypto";
import type { JWK } from "jose";
import type { SigningAlgorithm } from "./algorithms";
import { BatchSigner, type SignerKey } from "./batch-signer";

/**
 * Compact JWS (RFC 7515 §7.1) with node:crypto's KeyObjects: the token and introspection hot paths sign and
 * verify several thousand times a second, where WebCrypto's promise per call costs ~2x. Verification is
 * synchronous; token endpoint signatures go to a signing worker thread (signCompactAsync).
 */
interface AlgParams {
  hash: string | null;
  options: { padding?: number; saltLength?: number; dsaEncoding?: "ieee-p1363" };
}

const PARAMS: Record<SigningAlgorithm, AlgParams> = {
  RS256: { hash: "sha256", options: { padding: constants.RSA_PKCS1_PADDING } },
  RS384: { hash: "sha384", options: { padding: constants.RSA_PKCS1_PADDING } },
  RS512: { hash: "sha512", options: { padding: constants.RSA_PKCS1_PADDING } },
  PS256: { hash: "sha256", options: { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 } },
  PS384: { hash: "sha384", options: { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 48 } },
  PS512: { hash: "sha512", options: { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 64 } },
  ES256: { hash: "sha256", options: { dsaEncoding: "ieee-p1363" } },
  ES384: { hash: "sha384", options: { dsaEncoding: "ieee-p1363" } },
  ES512: { hash: "sha512", options: { dsaEncoding: "ieee-p1363" } },
  EdDSA: { hash: null, options: {} },
};

export const privateKeyObject = (jwk: JWK): KeyObject => createPrivateKey({ key: jwk as import("node:crypto").JsonWebKey, format: "jwk" });
export const publicKeyObject = (jwk: JWK): KeyObject => createPublicKey({ key: jwk as import("node:crypto").JsonWebKey, format: "jwk" });

const b64json = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** The protected header our tokens carry (RFC 7515 §4.1); `alg` is added from the key. */
export interface JwsHeader {
  typ: string;
  kid: string;
}

// A header repeats for every token of a key: its encoding is computed once. Bounded, since kids rotate.
const encodedHeaders = new Map<string, string>();
const MAX_ENCODED_HEADERS = 256;

function encodedHeader({ typ, kid }: JwsHeader, alg: SigningAlgorithm): string {
  const cacheKey = `${alg} ${typ} ${kid}`;
  let encoded = encodedHeaders.get(cacheKey);
  if (encoded === undefined) {
    if (encodedHeaders.size >= MAX_ENCODED_HEADERS) encodedHeaders.clear();
    encoded = b64json({ typ, kid, alg });
    encodedHeaders.set(cacheKey, encoded);
  }
  return encoded;
}

const signingInput = (header: JwsHeader, payload: Record<string, unknown>, alg: SigningAlgorithm) => `${encodedHeader(header, alg)}.${b64json(payload)}`;

// One options object per key and algorithm, not one per signature (the batch signer groups inputs by it).
const signerKeys = new WeakMap<KeyObject, { alg: SigningAlgorithm; signer: SignerKey }>();

function signerKeyOf(key: KeyObject, alg: SigningAlgorithm): SignerKey {
  let cached = signerKeys.get(key);
  if (cached?.alg !== alg) {
    cached = { alg, signer: { hash: PARAMS[alg].hash, options: { key, ...PARAMS[alg].options } } };
    signerKeys.set(key, cached);
  }
  return cached.signer;
}

export function signCompact(header: JwsHeader, payload: Record<string, unknown>, key: KeyObject, alg: SigningAlgorithm): string {
  const input = signingInput(header, payload, alg);
  const signature = sign(PARAMS[alg].hash, Buffer.from(input), signerKeyOf(key, alg).options);
  return `${input}.${signature.toString("base64url")}`;
}

const batchSigner = new BatchSigner();

/**
 * signCompact with the signature computed off the JS thread, which keeps only the encoding (an ES256 signature
 * is ~40 µs of OpenSSL; an RS256 one, ~1 ms): one worker thread signs each event-loop turn's requests as a batch
 * (./batch-signer). For the token endpoint's hot path.
 */
export async function signCompactAsync(header: JwsHeader, payload: Record<string, unknown>, key: KeyObject, alg: SigningAlgorithm): Promise<string> {
  const input = signingInput(header, payload, alg);
  return `${input}.${await batchSigner.sign(input, signerKeyOf(key, alg))}`;
}

export interface DecodedJws {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signingInput: string;
  signature: Buffer;
}

/** Splits and parses a compact JWS without verifying it; undefined when it is not one. */
export function decodeCompact(token: string): DecodedJws | undefined {
  const parts = token.split(".");
  if (parts.length !== 3) return undefined;
  try {
    const header = JSON.parse(Buffer.from(parts[0], "base64url").toString("utf8")) as unknown;
    const payload = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8")) as unknown;
    if (!isObject(header) || !isObject(payload)) return undefined;
    return { header, payload, signingInput: `${parts[0]}.${parts[1]}`, signature: Buffer.from(parts[2], "base64url") };
  } catch {
    return undefined;
  }
}

export function verifyDecoded(decoded: DecodedJws, key: KeyObject, alg: SigningAlgorithm): boolean {
  if (decoded.header.alg !== alg) return false;
  const { hash, options } = PARAMS[alg];
  try {
    return verify(hash, Buffer.from(decoded.signingInput), { key, ...options }, decoded.signature);
  } catch {
    return false;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
