import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { cookieOptions, csrfCookieName, readCookie, serializeCookie } from "./cookies";
import type { Flow } from "./types";

/** A browser-binding token per flow: the user agent that started the flow must be the one finishing it. */
export function newFlowCsrf(issuer: string, flowId: string, lifetimeSeconds: number): { hash: string; cookie: string } {
  const value = randomBytes(32).toString("base64url");
  return { hash: sha(value), cookie: serializeCookie(csrfCookieName(flowId), value, cookieOptions(issuer, lifetimeSeconds)) };
}

export function csrfMatches(flow: Flow, cookieHeader: string | undefined): boolean {
  const value = readCookie(cookieHeader, csrfCookieName(flow.id));
  if (!value || !flow.csrfHash) return false;
  const a = Buffer.from(sha(value));
  const b = Buffer.from(flow.csrfHash);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const clearCsrfCookie = (issuer: string, flowId: string) => serializeCookie(csrfCookieName(flowId), "", cookieOptions(issuer, 0));

const sha = (value: string) => createHash("sha256").update(value).digest("base64url");
