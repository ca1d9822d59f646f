import { verifyAuthenticationResponse, verifyRegistrationResponse, type AuthenticationResponseJSON, type RegistrationResponseJSON } from "@simplewebauthn/server";
import { isoBase64URL } from "@simplewebauthn/server/helpers";
import { z } from "zod";
import type { StoredAuthenticator } from "./credentials";
import type { RelyingParty } from "./rp";

const b64url = z.string().min(1).max(16_384).regex(/^[A-Za-z0-9_-]+={0,2}$/);

/** `webauthn_register` / `passkey_register`: the JSON Kratos' webauthn.js puts there (WebAuthn L2 §5.1, toJSON). */
const attestationSchema = z.object({
  id: b64url,
  rawId: b64url,
  type: z.literal("public-key"),
  response: z.object({ attestationObject: b64url, clientDataJSON: b64url, transports: z.array(z.string().max(32)).max(8).optional() }),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()).optional(),
});

/** `webauthn_login` / `passkey_login`: an assertion (a null or empty user handle is absent). */
const assertionSchema = z.object({
  id: b64url,
  rawId: b64url,
  type: z.literal("public-key"),
  response: z.object({
    authenticatorData: b64url,
    clientDataJSON: b64url,
    signature: b64url,
    userHandle: z.union([b64url, z.literal(""), z.null()]).optional(),
  }),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()).optional(),
});
export type Assertion = z.infer<typeof assertionSchema>;

/** A submitted JSON response, parsed; undefined when it is not one (the caller answers with its field's message). */
function parseJson<T>(schema: z.ZodType<T>, raw: unknown): T | undefined {
  if (typeof raw !== "string" || raw.length > 65_536) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export const parseAssertion = (raw: unknown) => parseJson(assertionSchema, raw);
export const parseAttestation = (raw: unknown) => parseJson(attestationSchema, raw);

/** The assertion's user handle (WebAuthn L2 §5.4.3), base64url, when the authenticator returned one. */
export const assertionUserHandle = (assertion: Assertion): string | undefined => assertion.response.userHandle || undefined;

/** A newly created authenticator as stored (Kratos' CredentialWebAuthn). */
export async function verifyAttestation(
  rp: RelyingParty, challenge: string, raw: NonNullable<ReturnType<typeof parseAttestation>>, options: { userVerification: boolean; displayName: string; now: Date },
): Promise<StoredAuthenticator | undefined> {
  const response: RegistrationResponseJSON = { ...raw, clientExtensionResults: raw.clientExtensionResults ?? {} } as RegistrationResponseJSON;
  // WebAuthn L2 §7.1: challenge, origin, RP ID hash, user presence (and verification for passkeys), attestation "none".
  const result = await verifyRegistrationResponse({
    response, expectedChallenge: challenge, expectedOrigin: rp.origin, expectedRPID: rp.id, requireUserVerification: options.userVerification,
  }).catch(() => undefined);
  if (!result?.verified) return undefined;
  const { credential, aaguid, fmt } = result.registrationInfo;
  return {
    id: credential.id,
    public_key: isoBase64URL.fromBuffer(credential.publicKey),
    attestation_type: fmt,
    authenticator: { aaguid, sign_count: credential.counter, clone_warning: false },
    display_name: options.displayName,
    added_at: options.now.toISOString(),
    is_passwordless: options.userVerification,
    ...(credential.transports?.length ? { transports: credential.transports } : {}),
  };
}

export type AssertionVerdict = { ok: true; counter: number } | { ok: false; clone: boolean };

/**
 * Verifies an assertion against a stored authenticator (WebAuthn L2 §7.2): challenge, origin, RP ID hash, user presence
 * (and verification when asked), the signature over authenticatorData ‖ hash(clientDataJSON). The library's own counter
 * check is left out (counter 0 given) so a counter that went back is told apart: §7.2 step 21 — a signal the
 * authenticator may be cloned, which Portcullis refuses (and Kratos flags as `clone_warning`).
 */
export async function verifyAssertion(rp: RelyingParty, challenge: string, assertion: Assertion, stored: StoredAuthenticator, userVerification: boolean): Promise<AssertionVerdict> {
  const response: AuthenticationResponseJSON = {
    ...assertion,
    response: { ...assertion.response, userHandle: assertion.response.userHandle || undefined },
    clientExtensionResults: assertion.clientExtensionResults ?? {},
  } as AuthenticationResponseJSON;
  const result = await verifyAuthenticationResponse({
    response, expectedChallenge: challenge, expectedOrigin: rp.origin, expectedRPID: rp.id, requireUserVerification: userVerification,
    credential: { id: stored.id, publicKey: isoBase64URL.toBuffer(stored.public_key), counter: 0 },
  }).catch(() => undefined);
  if (!result?.verified) return { ok: false, clone: false };
  const counter = result.authenticationInfo.newCounter;
  const previous = stored.authenticator.sign_count;
  if ((counter > 0 || previous > 0) && counter <= previous) return { ok: false, clone: true };
  return { ok: true, counter };
}
