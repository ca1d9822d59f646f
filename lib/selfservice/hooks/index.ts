import type { FlowContext } from "../flows/types";
import { loginNotificationHook } from "./login-notification";
import { oauth2LoginChallengeHook } from "./oauth2-login-challenge";
import { requireVerifiedAddressHook } from "./require-verified-address";
import { revokeActiveSessionsHook } from "./revoke-sessions";
import { sessionHook } from "./session";
import type { Hook, HookSpec, HookStage, HookStages } from "./types";
import { showVerificationUiHook, verificationHook } from "./verification";
import { webHook } from "./web-hook/hook";

/** The hooks Portcullis knows, by Kratos' name (`{hook: "<name>"}` in a flow's after-hook list). */
const hooks: ReadonlyMap<string, Hook> = new Map(
  [sessionHook, webHook, verificationHook, showVerificationUiHook, revokeActiveSessionsHook, requireVerifiedAddressHook, loginNotificationHook, oauth2LoginChallengeHook]
    .map((hook) => [hook.name, hook]),
);

/** Runs a flow's after-hook list (see afterHooks) at one stage, in order; a hook may throw to abort the flow. */
export async function runHooks<S extends HookStage>(ctx: FlowContext, stage: S, specs: readonly HookSpec[], outcome: HookStages[S]): Promise<void> {
  for (const spec of specs) {
    const run = hooks.get(spec.hook)?.stages[stage];
    if (run) await run(ctx, outcome, spec);
  }
}

export { afterHooks } from "./config";
export type { HookSpec, LoginOutcome, RegistrationOutcome, RegistrationProposal, SettingsOutcome, RecoveryOutcome, VerificationOutcome } from "./types";
export { runWebHooks, deliverWebhooks, startWebhookWorker } from "./web-hook";
