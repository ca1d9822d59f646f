import { createHash, randomInt } from "node:crypto";

/** RFC 8628 §6.1: 8 characters from a 20-letter alphabet without vowels (no words, ~34 bits), shown as XXXX-XXXX. */
const ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";

export function newUserCode(): string {
  let code = "";
  for (let i = 0; i < 8; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** Case, spaces and dashes do not matter when the user types the code (RFC 8628 §6.1). */
export const normalizeUserCode = (input: string): string => input.toUpperCase().replace(/[^A-Z]/g, "");

export const userCodeHash = (input: string): string => createHash("sha256").update(normalizeUserCode(input)).digest("base64url");
