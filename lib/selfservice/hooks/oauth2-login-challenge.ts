import { finishWithLoginChallenge } from "../flows/login/login-challenge";
import type { Hook, LoginOutcome, RegistrationOutcome } from "./types";
import type { FlowContext } from "../flows/types";

/**
 * Kratos' Hydra integration: a browser login or registration that carries an OAuth2 login challenge accepts it with
 * the new session and continues at the provider (or its error page).
 */
async function acceptChallenge(ctx: FlowContext, outcome: LoginOutcome | RegistrationOutcome) {
  if (!outcome.session) return;
  const answer = await finishWithLoginChallenge(ctx, outcome.flow, { session: outcome.session, identity: outcome.identity }, outcome.json, outcome.cookies);
  if (answer) outcome.response = answer;
}

export const oauth2LoginChallengeHook: Hook = {
  name: "oauth2_login_challenge",
  stages: { login: acceptChallenge, registration: acceptChallenge },
};
