import { createIdentity } from "@/lib/identity";
import { enforceRateLimit } from "@/lib/ratelimit";
import { afterHooks, runHooks, runWebHooks, type RegistrationOutcome, type RegistrationProposal } from "../../hooks";
import { projectStrategies } from "../../strategies";
import { firstResponsible, type FlowEnv } from "../strategy";
import type { RegistrationResult } from "./strategy";
import { flowDisabled, FlowValidationError, sessionAlreadyAvailable } from "../errors";
import { text } from "../../ui";
import { checkReturnTo } from "../return-to";
import { flowSettings } from "../config";
import { startFlow } from "../start";
import { saveFlow } from "../store";
import type { KindHandler } from "../submit";
import type { FlowContext, FlowResponse, FlowType } from "../types";
import { flowUrls } from "../urls";
import { answerNewFlow, callerSession, continueWithRedirect, jsonResponse, oryIdentity, orySession, requestLocale, seeOther } from "../common";

/** `GET /self-service/registration/(browser|api)`. */
export async function createRegistrationFlow(ctx: FlowContext, type: FlowType): Promise<FlowResponse> {
  const settings = flowSettings(ctx.project.config);
  if (!settings.enabled("registration")) throw flowDisabled("registration");
  const urls = flowUrls(ctx);
  const returnTo = checkReturnTo(ctx.request.query.get("return_to"), urls.base, settings.allowedReturnUrls);
  const challenge = type === "browser" ? ctx.request.query.get("login_challenge") || undefined : undefined;
  if (await callerSession(ctx, type)) {
    // Already signed in: the login flow answers the OAuth2 challenge with this session.
    if (challenge) return seeOther(urls.browserStart("login", { login_challenge: challenge }));
    throw sessionAlreadyAvailable(returnTo ?? urls.defaultReturn("registration"));
  }
  await runWebHooks(ctx, { flow: "registration", phase: "before", payload: { request_url: ctx.request.url.toString() } });
  const { flow, setCookies } = await startFlow(ctx, {
    kind: "registration",
    type,
    state: "choose_method",
    returnTo,
    context: { identity_schema: ctx.request.query.get("identity_schema") ?? undefined, locale: requestLocale(ctx), oauth2_login_challenge: challenge },
  });
  return answerNewFlow(ctx, flow, setCookies);
}

export const registrationHandler: KindHandler<FlowEnv, RegistrationResult> = {
  kind: "registration",
  env: async () => ({}),
  async precheck(ctx, flow) {
    if (flow.state === "passed_challenge") throw new FlowValidationError([{ id: 4040002, text: "The request was already completed successfully and can not be retried.", type: "error" }]);
    await enforceRateLimit({ projectId: ctx.project.id, rule: "registration:ip", subject: ctx.request.ip, overrides: flowSettings(ctx.project.config).rateLimits, now: ctx.now });
  },
  submit: (ctx, flow, body) => firstResponsible(projectStrategies(ctx).registration, (strategy) => strategy.register(ctx, flow, body)),
  async complete(ctx, flow, result, _env, json) {
    const hooks = afterHooks(ctx.project.config, "registration", result.method);
    // Pre-persist hooks (Kratos: can_interrupt / response.parse web hooks) see the identity to be and may veto or amend it.
    const proposal: RegistrationProposal = { flow, method: result.method, identity: { schema_id: result.schemaId, traits: result.traits, state: "active" } };
    await runHooks(ctx, "registration_proposal", hooks, proposal);
    const { patch } = proposal;
    let identity;
    try {
      identity = await createIdentity(ctx, {
        schema_id: result.schemaId,
        traits: patch?.traits ?? result.traits,
        ...(patch?.metadata_public !== undefined ? { metadata_public: patch.metadata_public } : {}),
        ...(patch?.metadata_admin !== undefined ? { metadata_admin: patch.metadata_admin } : {}),
        credentials: result.credentials,
        ...(result.verifiedAddresses?.length ? { verifiable_addresses: result.verifiedAddresses.map((address) => ({ ...address, verified: true })) } : {}),
      }, result.made);
    } catch (error) {
      if ((error as { status?: number }).status === 409) throw new FlowValidationError([text.duplicateCredentials()]);
      throw error;
    }
    flow.state = "passed_challenge";
    flow.active = result.method;
    flow.identityId = identity.id;
    const outcome: RegistrationOutcome = { flow, identity, method: result.method, json, cookies: [], continueWith: [] };
    await runHooks(ctx, "registration", hooks, outcome);
    flow.context = { ...flow.context, continue_with: outcome.continueWith.filter((item) => (item as { action?: string }).action !== "set_ory_session_token") };
    await saveFlow(ctx, flow);
    if (outcome.response) return outcome.response;
    const body = { identity: oryIdentity(ctx, identity), ...(outcome.session ? { session: orySession(ctx, outcome.session, identity) } : {}) };
    if (flow.type === "api") return jsonResponse(200, { ...body, ...(outcome.token ? { session_token: outcome.token } : {}), continue_with: outcome.continueWith });
    const target = flow.returnTo || flowUrls(ctx).defaultReturn("registration");
    if (json) return jsonResponse(200, { ...body, continue_with: [...outcome.continueWith, continueWithRedirect(target)] }, outcome.cookies);
    return seeOther(outcome.redirectTo ?? target, outcome.cookies);
  },
};
