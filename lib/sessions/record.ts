import type { Session } from "@/lib/db/generated/client";

export type SessionRecord = Session;

export type Aal = "aal1" | "aal2" | "aal3";

/** One entry of `authentication_methods` (Ory's `sessionAuthenticationMethod`). */
export interface AuthenticationMethod {
  method: string;
  aal: Aal;
  completed_at: string;
  provider?: string;
  organization?: string;
}

/** One entry of `devices` (Ory's `sessionDevice`). */
export interface SessionDevice {
  id: string;
  ip_address: string;
  user_agent: string;
  location: string;
}

export const methodsOf = (session: SessionRecord): AuthenticationMethod[] =>
  Array.isArray(session.authenticationMethods) ? (session.authenticationMethods as unknown as AuthenticationMethod[]) : [];

export const devicesOf = (session: SessionRecord): SessionDevice[] =>
  Array.isArray(session.devices) ? (session.devices as unknown as SessionDevice[]) : [];
