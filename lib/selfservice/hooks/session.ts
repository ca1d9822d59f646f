import { addAuthenticationMethod, issueSession, sessionCookie, type SessionRecord } from "@/lib/sessions";
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
      const refreshed = outcome.refreshes ? await addAuthenticationMethod(ctx, outcome.refreshes.id, outcome.method, outcome.aal) : undefined;
      if (refreshed) {
        outcome.session = refreshed;
        outcome.pending = undefined;
        await saveFlowOutcome(ctx, flow);
        return;
      }
      const pending = outcome.pending;
      if (!pending) throw new Error("a login without a session to store");
      await saveFlowOutcome(ctx, flow, pending.insert);
      outcome.pending = undefined;
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
