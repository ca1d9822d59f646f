import { invalidateSession, issueSession, refreshedSession, rememberSession, sessionCookie, type SessionRecord } from "@/lib/sessions";
import { continueWithToken } from "../flows/common";
import { endReplacedSession } from "../flows/login/account-choice";
import { saveFlowOutcome } from "../flows/store";
import type { FlowContext, FlowRecord } from "../flows/types";
import type { Hook, LoginOutcome, RecoveryOutcome, RegistrationOutcome } from "./types";

/** Hands the new session over: its token to API clients (continue_with), its cookie to browsers. */
function handOver(ctx: FlowContext, flow: FlowRecord, outcome: LoginOutcome | RegistrationOutcome | RecoveryOutcome, session: SessionRecord, token: string) {
  outcome.session = session;
  outcome.token = token;
  if (flow.type === "api") outcome.continueWith.unshift(continueWithToken(token));
  else outcome.cookies.unshift(sessionCookie(ctx.project, token, session.expiresAt, ctx.request, ctx.now));
}

const device = (ctx: FlowContext) => ({ ip: ctx.request.ip, userAgent: ctx.request.header("user-agent") ?? "" });

/**
 * Kratos' `session` hook: signs the identity in. A login refreshes (or steps up) the caller's session, or stores the
 * new one in the same statement as the flow's outcome (one round trip on the hot path); registration and recovery
 * issue a session.
 */
export const sessionHook: Hook = {
  name: "session",
  stages: {
    async login(ctx, outcome) {
      const { flow } = outcome;
      flow.state = "passed_challenge";
      flow.active = outcome.method;
      if (outcome.refreshes) {
        // The caller's session refreshed (or stepped up) in the statement that records the flow's outcome.
        const refreshed = refreshedSession(ctx, outcome.refreshes, outcome.method, outcome.aal);
        await saveFlowOutcome(ctx, flow, refreshed.update);
        invalidateSession(ctx.project.id, refreshed.session.id);
        outcome.session = refreshed.session;
        outcome.pending = undefined;
        return;
      }
      const pending = outcome.pending;
      if (!pending) throw new Error("a login without a session to store");
      await saveFlowOutcome(ctx, flow, pending.insert);
      outcome.pending = undefined;
      rememberSession(ctx.project.id, pending.session.tokenHash, { session: pending.session, identity: outcome.identity });
      handOver(ctx, flow, outcome, pending.session, pending.token);
      await endReplacedSession(ctx, flow, outcome.session.id);
    },
    async registration(ctx, outcome) {
      const { session, token } = await issueSession(ctx, { identityId: outcome.identity.id, method: outcome.method, device: device(ctx) });
      handOver(ctx, outcome.flow, outcome, session, token);
    },
    async recovery(ctx, outcome) {
      const { session, token } = await issueSession(ctx, { identityId: outcome.identity.id, method: outcome.method, device: device(ctx) });
      handOver(ctx, outcome.flow, outcome, session, token);
    },
  },
};
