import type { IdentityRecord } from "@/lib/identity";
import type { Aal, NewSession, SessionRecord } from "@/lib/sessions";
import type { MethodId } from "../flows/strategy";
import type { FlowContext, FlowRecord, FlowResponse } from "../flows/types";

/** One entry of Kratos' `selfservice.flows.<kind>.after[.<method>].hooks`: `{hook: "web_hook", config: {…}}`. */
export interface HookSpec {
  hook: string;
  config?: unknown;
}

/** What every successful flow hands its hooks; hooks read it and add to it. */
interface Outcome {
  flow: FlowRecord;
  identity: IdentityRecord;
  method: MethodId | `${MethodId}_recovery` | "link_recovery";
  /** The caller wants JSON (API flow or AJAX) rather than a redirect. */
  json: boolean;
  /** Set-Cookie headers of the answer (the session cookie, …). */
  cookies: string[];
  /** Kratos' `continue_with` items (set_ory_session_token, show_verification_ui, redirect_browser_to …). */
  continueWith: unknown[];
  /** Where a browser goes next; hooks may move it (show_verification_ui, the OAuth2 provider). */
  redirectTo?: string;
  /** A hook's own final answer (an OAuth2 error page), replacing the flow's. */
  response?: FlowResponse;
}

export interface LoginOutcome extends Outcome {
  aal: Aal;
  /** The session signed in: a new one (stored by the `session` hook) or the caller's, refreshed. */
  session: SessionRecord;
  /** The new session's token (set by the `session` hook); none when an existing session was refreshed. */
  token?: string;
  /** A new session not stored yet (record, token, INSERT), which the `session` hook stores with the flow's outcome. */
  pending?: NewSession;
  /** The caller's session this login refreshes or steps up (Kratos' refresh / aal2). */
  refreshes?: SessionRecord;
}

/** A registration before the identity exists (Kratos' pre-persist hooks may veto or amend it). */
export interface RegistrationProposal {
  flow: FlowRecord;
  method: MethodId;
  identity: { schema_id: string; traits: Record<string, unknown>; state: "active" };
  /** What `response.parse` web hooks returned: changes to traits and metadata. */
  patch?: { traits?: Record<string, unknown>; metadata_public?: unknown; metadata_admin?: unknown };
}

export interface RegistrationOutcome extends Outcome {
  session?: SessionRecord;
  token?: string;
}

export interface SettingsOutcome extends Outcome {
  session: SessionRecord;
}

export interface RecoveryOutcome extends Outcome {
  session?: SessionRecord;
  token?: string;
}

export type VerificationOutcome = Outcome;

/** The stages hooks run at, with what each receives. */
export interface HookStages {
  login: LoginOutcome;
  registration_proposal: RegistrationProposal;
  registration: RegistrationOutcome;
  settings: SettingsOutcome;
  recovery: RecoveryOutcome;
  verification: VerificationOutcome;
}
export type HookStage = keyof HookStages;

/**
 * A post-flow hook (Kratos' `PostLoginHook`, `PostRegistrationPrePersistHook`, …): one function per stage it
 * supports; a configured hook without one for the stage is skipped.
 */
export interface Hook {
  readonly name: string;
  readonly stages: { [S in HookStage]?: (ctx: FlowContext, outcome: HookStages[S], spec: HookSpec) => Promise<void> };
}
