import { randomBytes } from "node:crypto";
import { keyedHash, verifyKeyedHash } from "@/lib/keys";
import type { ClientRecord } from "./store";

/** 256 bits from the CSPRNG, base64url: high entropy, so a keyed hash (not a slow KDF) protects it at rest. */
export const generateClientSecret = (): string => randomBytes(32).toString("base64url");

export const hashClientSecret = (secret: string): Promise<string> => keyedHash(secret);

/** Checks a presented secret against the current one and, during its grace period, the previous one. */
export async function clientSecretMatches(record: ClientRecord, presented: string, now: Date): Promise<boolean> {
  if (presented.length > 512) return false;
  if (record.secretHash && (await verifyKeyedHash(presented, record.secretHash))) return true;
  const grace = record.previousSecretExpiresAt;
  return Boolean(record.previousSecretHash && grace && grace > now && (await verifyKeyedHash(presented, record.previousSecretHash)));
}
