import { createLoginFlow, loginHandler } from "./login/login";
import { createRecoveryFlow, recoveryHandler } from "./recovery/recovery";
import { createRegistrationFlow, registrationHandler } from "./registration/registration";
import { createSettingsFlow, settingsHandler } from "./settings/settings";
import type { SubmitBody } from "./strategy";
import { submitFlow } from "./submit";
import type { FlowContext, FlowKind, FlowResponse, FlowType } from "./types";
import { createVerificationFlow, verificationHandler } from "./verification/verification";

/** `GET /self-service/<kind>/(browser|api)` of each flow kind. */
export const createFlow: Record<FlowKind, (ctx: FlowContext, type: FlowType) => Promise<FlowResponse>> = {
  login: createLoginFlow, registration: createRegistrationFlow, recovery: createRecoveryFlow, verification: createVerificationFlow, settings: createSettingsFlow,
};

/** `POST /self-service/<kind>?flow=<id>` of each flow kind (the common pipeline with the kind's handler). */
export const submitFlowOf: Record<FlowKind, (ctx: FlowContext, flowId: string | null, body: SubmitBody) => Promise<FlowResponse>> = {
  login: (ctx, flowId, body) => submitFlow(ctx, loginHandler, flowId, body),
  registration: (ctx, flowId, body) => submitFlow(ctx, registrationHandler, flowId, body),
  recovery: (ctx, flowId, body) => submitFlow(ctx, recoveryHandler, flowId, body),
  verification: (ctx, flowId, body) => submitFlow(ctx, verificationHandler, flowId, body),
  settings: (ctx, flowId, body) => submitFlow(ctx, settingsHandler, flowId, body),
};
