import type { ProjectDb } from "@/lib/db";
import type { AccountChoice } from "@/lib/oauth2/identity";
import type { ProjectRecord } from "@/lib/projects/lookup";
import type { UiContainer } from "../ui";

export const flowKinds = ["login", "registration", "recovery", "verification", "settings"] as const;
export type FlowKind = (typeof flowKinds)[number];
export type FlowType = "browser" | "api";

/** What a flow service needs of the request: lib/http's ApiRequest satisfies it. */
export interface FlowRequest {
  readonly method: string;
  readonly url: URL;
  readonly query: URLSearchParams;
  readonly ip: string;
  header(name: string): string | undefined;
}

/** The request context of flow services (lib/http's ProjectContext satisfies it structurally). */
export interface FlowContext {
  project: ProjectRecord;
  db: ProjectDb;
  now: Date;
  actor: { type: string; id?: string };
  request: FlowRequest;
}

/** Internal, never rendered: what a flow remembers between requests. */
export interface FlowInternals {
  refresh?: boolean;
  requested_aal?: string;
  identity_schema?: string;
  /** Recovery / verification / code login and registration: the address the code was sent to. */
  address?: string;
  /** Identifier-first login: the identifier given in the first step, and the methods then offered for it. */
  identifier?: string;
  offered_methods?: string[];
  /** Registration by code: the traits (validated) whose address the code confirms; the identity is created from them. */
  code_traits?: Record<string, unknown>;
  /** Webhook `response.parse` results to merge into the traits. */
  transient_payload?: Record<string, unknown>;
  continue_with?: unknown[];
  locale?: string;
  /** Login / registration: the OAuth2 login challenge to accept once signed in (Kratos' oauth2_login_challenge). */
  oauth2_login_challenge?: string;
  /** Login with a challenge: the account chooser's question, until answered (OIDC Core §3.1.2.1 select_account). */
  account_choice?: AccountChoice;
  /** Login: another account than the browser's signed-in one may sign in; its session then replaces that one. */
  switch_account?: boolean;
  /** Settings: a TOTP seed shown for enrolment, sealed, until a first code confirms it (Kratos' internal `totp.url`). */
  totp_pending?: string;
  /** Settings: new recovery codes shown once, sealed, until confirmed (Kratos' internal `lookup_secret.regenerated`). */
  lookup_pending?: string;
  /** Settings: the recovery codes' state was revealed on this flow. */
  lookup_revealed?: boolean;
  /** WebAuthn / passkey: the challenge the flow's nodes carry (base64url), claimed once by the assertion or attestation. */
  webauthn_challenge?: string;
  /** Passkey registration: the user handle (base64url) the new passkey is created for, until the identity exists. */
  passkey_user_handle?: string;
}

export interface FlowRecord {
  id: string;
  kind: FlowKind;
  type: FlowType;
  state: string;
  requestUrl: string;
  returnTo: string;
  active: string;
  ui: UiContainer;
  csrfHash: string;
  identityId: string | null;
  sessionId: string | null;
  context: FlowInternals;
  expiresAt: Date;
  issuedAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

/** The response a flow endpoint answers; structurally lib/http's ApiResponse. */
export interface FlowResponse {
  status: number;
  headers?: Record<string, string | string[]>;
  body?: string | null;
}
