import { randomInt } from "node:crypto";
import { keyedHash, openSecret, sealSecret, verifyKeyedHash } from "@/lib/keys";

/** Kratos' lookup secrets: 12 single-use codes of 8 lowercase letters and digits (36^8 ≈ 2^41 each). */
export const CODE_COUNT = 12;
const CODE_LENGTH = 8;
const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/** One stored code: its keyed hash (HMAC with a system-derived key) and when it was used. Kratos stores the code itself. */
export interface StoredCode {
  hash: string;
  used_at: string | null;
}
export interface LookupConfig {
  recovery_codes: StoredCode[];
}

export const newCodes = (): string[] =>
  Array.from({ length: CODE_COUNT }, () => Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join(""));

/** What a person types: case, spaces and dashes do not matter. */
export const normalizeCode = (code: string): string => code.toLowerCase().replace(/[\s-]+/g, "");

export async function storedConfig(codes: string[]): Promise<LookupConfig> {
  return { recovery_codes: await Promise.all(codes.map(async (code) => ({ hash: await keyedHash(normalizeCode(code)), used_at: null }))) };
}

export const lookupConfigOf = (config: unknown): LookupConfig | undefined => {
  const codes = (config as Partial<LookupConfig> | undefined)?.recovery_codes;
  return Array.isArray(codes) ? { recovery_codes: codes as StoredCode[] } : undefined;
};

/** Whether any code is still unused (Kratos counts a lookup credential as a second factor only then). */
export const hasUnusedCode = (config: unknown): boolean => Boolean(lookupConfigOf(config)?.recovery_codes.some((code) => !code.used_at));

/** The index of the stored code a submission matches (every hash compared in constant time), or -1. */
export async function findCode(config: LookupConfig, submitted: string): Promise<number> {
  const value = normalizeCode(submitted);
  let found = -1;
  for (const [index, code] of config.recovery_codes.entries()) {
    if ((await verifyKeyedHash(value, code.hash)) && found < 0) found = index;
  }
  return found;
}

// Codes waiting for confirmation in a settings flow are sealed there, bound to the flow.
export const sealPendingCodes = (codes: string[], projectId: string, flowId: string) => sealSecret(JSON.stringify(codes), `lookup-pending:${projectId}:${flowId}`);
export async function openPendingCodes(sealed: string, projectId: string, flowId: string): Promise<string[]> {
  const codes: unknown = JSON.parse(await openSecret(sealed, `lookup-pending:${projectId}:${flowId}`));
  return Array.isArray(codes) ? codes.map(String) : [];
}
