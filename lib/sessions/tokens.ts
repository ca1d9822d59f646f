import { createHash, randomBytes } from "node:crypto";

/** Ory's session token prefix; 256 bits of entropy, so a fast hash (SHA-256) is safe for storage. */
export const SESSION_TOKEN_PREFIX = "ory_st_";
export const LOGOUT_TOKEN_PREFIX = "ory_lo_";

export const newSessionToken = (): string => SESSION_TOKEN_PREFIX + randomBytes(32).toString("base64url");
export const newLogoutToken = (): string => LOGOUT_TOKEN_PREFIX + randomBytes(32).toString("base64url");

export const hashSessionToken = (token: string): string => createHash("sha256").update(token).digest("hex");

/** Tokens we issued have one shape; anything else is rejected before touching the database or cache. */
export const looksLikeSessionToken = (token: string): boolean => /^ory_st_[A-Za-z0-9_-]{43}$/.test(token);
