import { randomBytes } from "node:crypto";

/** A new passkey user handle (WebAuthn L2 §14.6.1: random, 32 bytes, nothing personal), base64url. */
export const newUserHandle = () => randomBytes(32).toString("base64url");

/**
 * The credential identifier a user handle is found by: its bytes in lower-case hex, since identifiers are compared
 * normalized (lower-cased) and base64url is case-sensitive.
 */
export const handleIdentifier = (handle: string) => Buffer.from(handle, "base64url").toString("hex");
