import { createIdentity } from "@/lib/identity";
import { issueSession, sessionCookie } from "@/lib/sessions";
import { enforceRateLimit } from "@/lib/ratelimit";
import { runWebHooks } from "../../hooks/web-hook";
import { flowDisabled, FlowValidationError, sessionAlreadyAvailable } from "../errors";
import { text } from "../../ui";
import { checkReturnTo } from "../return-to";
import { flowSettings } from "../config";
import { startFlow } from "../start";
import { saveFlow } from "../store";
import type { KindHandler } from "../submit";
import type { FlowContext, FlowResponse, FlowType } from "../types";
import { flowUrls } from "../urls";
import { answerNewFlow, callerSession, continueWithRedirect, continueWithToken, hookPayload, jsonResponse, oryIdentity, orySession, requestLocale, seeOther } from "../common";
import { finishWithLoginChallenge } from "../login/login-challenge";
import { startVerificationAfterRegistration } from "../verification/verification";

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

export const registrationHandler: KindHandler = {
  kind: "registration",
  env: async () => ({}),
  async precheck(ctx, flow) {
    if (flow.state === "passed_challenge") throw new FlowValidationError([{ id: 4040002, text: "The request was already completed successfully and can not be retried.", type: "error" }]);
    await enforceRateLimit({ projectId: ctx.project.id, rule: "registration:ip", subject: ctx.request.ip, overrides: flowSettings(ctx.project.config).rateLimits, now: ctx.now });
  },
  async complete(ctx, flow, result, _env, json) {
    if (result.kind !== "registration") throw new Error("unexpected strategy result");
    // Pre-persist hooks (Kratos: can_interrupt / response.parse) see the identity to be and may veto or amend it.
    const proposed = { schema_id: result.schemaId, traits: result.traits, state: "active" };
    const patch = await runWebHooks(ctx, { flow: "registration", phase: "after", method: result.method, payload: hookPayload(flow, { identity: proposed }) });
    let identity;
    try {
      identity = await createIdentity(ctx, {
        schema_id: result.schemaId ?? "",
        traits: patch?.traits ?? result.traits,
        ...(patch?.metadata_public !== undefined ? { metadata_public: patch.metadata_public } : {}),
        ...(patch?.metadata_admin !== undefined ? { metadata_admin: patch.metadata_admin } : {}),
        credentials: result.password ? { password: { config: { password: result.password } } } : undefined,
      });
    } catch (error) {
      if ((error as { status?: number }).status === 409) throw new FlowValidationError([text.duplicateCredentials()]);
      throw error;
    }
    const { session, token } = await issueSession(ctx, { identityId: identity.id, method: result.method, device: { ip: ctx.request.ip, userAgent: ctx.request.header("user-agent") ?? "" } });
    const verification = await startVerificationAfterRegistration(ctx, flow, identity);
    flow.state = "passed_challenge";
    flow.active = result.method;
    flow.identityId = identity.id;
    flow.context = { ...flow.context, continue_with: verification };
    await saveFlow(ctx, flow);
    const oryId = oryIdentity(ctx, identity);
    const body = { identity: oryId, session: orySession(ctx, session, identity) };
    if (flow.type === "api") return jsonResponse(200, { ...body, session_token: token, continue_with: [continueWithToken(token), ...verification] });
    const cookies = [sessionCookie(ctx.project, token, session.expiresAt, ctx.request, ctx.now)];
    const oauth2 = await finishWithLoginChallenge(ctx, flow, { session, identity }, json, cookies);
    if (oauth2) return oauth2;
    const target = flow.returnTo || flowUrls(ctx).defaultReturn("registration");
    if (json) return jsonResponse(200, { ...body, continue_with: [...verification, continueWithRedirect(target)] }, cookies);
    // Browsers go on to verify their address when a code was sent (Kratos' show_verification_ui hook), else onwards.
    const next = verification[0] ? (verification[0] as { flow: { url: string } }).flow.url : target;
    return seeOther(next, cookies);
  },
};
