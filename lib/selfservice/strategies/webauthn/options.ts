import { generateAuthenticationOptions, generateRegistrationOptions, type AuthenticatorTransportFuture } from "@simplewebauthn/server";
import { isoBase64URL } from "@simplewebauthn/server/helpers";
import type { StoredAuthenticator } from "./credentials";
import type { RelyingParty } from "./rp";

const TIMEOUT_MS = 300_000;
const transportsOf = (item: StoredAuthenticator) => (item.transports as AuthenticatorTransportFuture[] | undefined);

/**
 * `PublicKeyCredentialRequestOptions` (WebAuthn L2 §5.5) in Kratos' wrapping `{publicKey}`, for the flow's challenge.
 * A second factor names the identity's authenticators; a passkey login names none (discoverable credentials, §6.2.2)
 * and requires user verification (the passkey is the only factor).
 */
export async function requestOptions(rp: RelyingParty, challenge: string, allow: StoredAuthenticator[] | undefined, userVerification: boolean) {
  const publicKey = await generateAuthenticationOptions({
    rpID: rp.id,
    challenge: isoBase64URL.toBuffer(challenge),
    timeout: TIMEOUT_MS,
    userVerification: userVerification ? "required" : "discouraged",
    ...(allow ? { allowCredentials: allow.map((item) => ({ id: item.id, transports: transportsOf(item) })) } : {}),
  });
  return { publicKey };
}

export interface WebAuthnUser {
  /** The user handle, base64url (WebAuthn L2 §14.6.1: random, no personal data). */
  handle: string;
  name: string;
}

/**
 * `PublicKeyCredentialCreationOptions` (WebAuthn L2 §5.4) in Kratos' wrapping: attestation "none" (no device
 * attestation is checked, so none is asked for), the identity's existing authenticators excluded, and for a passkey a
 * discoverable credential with user verification required.
 */
export async function creationOptions(rp: RelyingParty, challenge: string, user: WebAuthnUser, exclude: StoredAuthenticator[], passkey: boolean) {
  const publicKey = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userID: isoBase64URL.toBuffer(user.handle),
    userName: user.name,
    userDisplayName: user.name,
    challenge: isoBase64URL.toBuffer(challenge),
    timeout: TIMEOUT_MS,
    attestationType: "none",
    excludeCredentials: exclude.map((item) => ({ id: item.id, transports: transportsOf(item) })),
    authenticatorSelection: passkey ? { residentKey: "required", userVerification: "required" } : { residentKey: "discouraged", userVerification: "discouraged" },
    supportedAlgorithmIDs: [-7, -257, -8],
  });
  return { publicKey };
}
