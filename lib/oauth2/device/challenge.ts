import { randomBytes } from "node:crypto";
import { keyedHash, verifyKeyedHash } from "@/lib/keys";

/** Stateless device challenges: `{exp}.{nonce}.{keyed hash}`, bound to the project, valid for 15 minutes. */
export async function newDeviceChallenge(projectId: string, now: Date): Promise<string> {
  const body = `${Math.floor(now.getTime() / 1000) + 900}.${randomBytes(16).toString("base64url")}`;
  return `${body}.${await keyedHash(`device-challenge:${projectId}:${body}`)}`;
}

export async function deviceChallengeValid(projectId: string, challenge: string, now: Date): Promise<boolean> {
  const parts = challenge.split(".");
  if (parts.length !== 3 || Number(parts[0]) * 1000 < now.getTime()) return false;
  return verifyKeyedHash(`device-challenge:${projectId}:${parts[0]}.${parts[1]}`, parts[2]);
}

/** Links the browser's return to the device request it verified (`device_request` + keyed hash). */
export const deviceRequestSignature = (projectId: string, requestId: string) => keyedHash(`device-request:${projectId}:${requestId}`);
export const deviceRequestSignatureValid = (projectId: string, requestId: string, signature: string) =>
  verifyKeyedHash(`device-request:${projectId}:${requestId}`, signature);
