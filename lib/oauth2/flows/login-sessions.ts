import { randomUUID } from "node:crypto";
import { keyedHash, verifyKeyedHash } from "@/lib/keys";
import type { OAuth2Context } from "../context";
import { cookieOptions, LOGIN_SESSION_COOKIE, readCookie, serializeCookie } from "./cookies";

export interface LoginSession {
  id: string;
  subject: string;
  authenticatedAt: Date;
  acr: string;
  amr: string[];
  identityProviderSessionId: string | null;
}

/** Default lifetime of a remembered login without remember_for (Hydra: the session cookie's). */
const DEFAULT_REMEMBER_S = 30 * 24 * 3600;

/** The remembered login session of this browser (cookie `{sid}.{keyed hash}`), if valid. */
export async function loginSessionFromCookie(ctx: OAuth2Context, cookieHeader: string | undefined): Promise<LoginSession | undefined> {
  const raw = readCookie(cookieHeader, LOGIN_SESSION_COOKIE);
  const dot = raw?.indexOf(".") ?? -1;
  if (!raw || dot < 1) return undefined;
  const id = raw.slice(0, dot);
  if (!(await verifyKeyedHash(`authn:${ctx.project.id}:${id}`, raw.slice(dot + 1)))) return undefined;
  const row = await ctx.db.oAuth2LoginSession.findFirst({ where: { id, revokedAt: null } });
  if (!row || (row.expiresAt && row.expiresAt <= ctx.now)) return undefined;
  return { ...row, amr: row.amr as string[] };
}

export interface NewLoginSession {
  id: string;
  subject: string;
  authenticatedAt: Date;
  remember: boolean;
  rememberFor: number;
  acr: string;
  amr: string[];
  identityProviderSessionId?: string;
}

/** Stores a login session; returns the Set-Cookie header when the login app asked to remember it. */
export async function saveLoginSession(ctx: OAuth2Context, s: NewLoginSession): Promise<string | undefined> {
  const lifetime = s.remember ? s.rememberFor || DEFAULT_REMEMBER_S : 0;
  const data = {
    subject: s.subject,
    authenticatedAt: s.authenticatedAt,
    remember: s.remember,
    expiresAt: s.remember ? new Date(ctx.now.getTime() + lifetime * 1000) : null,
    acr: s.acr,
    amr: s.amr,
    identityProviderSessionId: s.identityProviderSessionId ?? null,
  };
  await ctx.db.oAuth2LoginSession.upsert({
    where: { projectId_id: { projectId: ctx.project.id, id: s.id } },
    create: { projectId: ctx.project.id, id: s.id, ...data },
    update: data,
  });
  if (!s.remember) return undefined;
  const value = `${s.id}.${await keyedHash(`authn:${ctx.project.id}:${s.id}`)}`;
  return serializeCookie(LOGIN_SESSION_COOKIE, value, cookieOptions(ctx.issuer, lifetime));
}

export const clearLoginSessionCookie = (issuer: string) => serializeCookie(LOGIN_SESSION_COOKIE, "", cookieOptions(issuer, 0));

export const newLoginSessionId = (): string => randomUUID();
