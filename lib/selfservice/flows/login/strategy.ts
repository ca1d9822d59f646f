import type { Row, SqlStatement } from "@/lib/db/sql-runner";
import type { IdentityRecord } from "@/lib/identity";
import type { LimitInput } from "@/lib/ratelimit";
import type { Aal, AuthenticatedSession } from "@/lib/sessions";
import type { FlowEnv, MethodId, NotResponsible, Strategy, SubmitBody } from "../strategy";
import type { FlowContext, FlowRecord } from "../types";

/**
 * Which step of a login a method can be (NIST SP 800-63B §4: a second factor lifts a session to AAL2). Password,
 * code and passkey are first factors; TOTP, lookup secrets and WebAuthn (as MFA) second; a method may be both.
 */
export type Factor = "first" | "second" | "both";

export interface LoginEnv extends FlowEnv {
  /** The AAL the flow asks for (`?aal=`, or what an OAuth2 `acr_values` wants): aal1 signs in, aal2 steps up. */
  requestedAal: Aal;
  /** The rows of the responsible strategy's prefetch statement (by name), when the flow could run it with its limits. */
  prefetched?: { name: string; rows: Row[] };
}

/** A successful login step: who signed in, with which method, and the AAL that method contributes. */
export interface LoginResult {
  identity: IdentityRecord;
  method: MethodId;
  aal: Aal;
}

/** A login method (Kratos `login.Strategy`). */
export interface LoginStrategy extends Strategy<LoginEnv> {
  readonly factor: Factor;
  /** Authenticates the submission, or NOT_RESPONSIBLE when it is not this method's. */
  login(ctx: FlowContext, flow: FlowRecord, body: SubmitBody, env: LoginEnv): Promise<LoginResult | NotResponsible>;
  /**
   * The rate limits of a submission this strategy is responsible for, counted with the flow's own in the round trip
   * that loads the flow (lib/selfservice/flows/counted-load.ts); `login` does not count them again. A second factor
   * is given the caller's session (its identity is what it counts).
   */
  limits?(ctx: FlowContext, body: SubmitBody, caller?: AuthenticatedSession): LimitInput[];
  /** A read `login` will make for a submission it is responsible for, which the flow runs in that same round trip. */
  prefetch?(ctx: FlowContext, body: SubmitBody): SqlStatement | undefined;
  /**
   * A step in front of the methods (identifier-first): the methods the flow offers now, or undefined for all. The
   * flow shows and asks only those (see loginStrategiesFor).
   */
  offered?(ctx: FlowContext, flow: FlowRecord): readonly MethodId[] | undefined;
}

/** Whether a strategy can serve a login at the AAL it asks for: first factors sign in, second factors step up. */
export const servesAal = (strategy: Pick<LoginStrategy, "factor">, requestedAal: Aal): boolean =>
  strategy.factor === "both" || (requestedAal === "aal1" ? strategy.factor === "first" : strategy.factor === "second");
