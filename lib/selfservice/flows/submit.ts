import { isAppError } from "@/lib/core/errors";
import { verifyCsrf } from "./csrf";
import { flowExpiredError, FlowValidationError } from "./errors";
import { text } from "../ui";
import { browserError, errorJson, flowJson, seeOther, wantsJson } from "./respond";
import { csrfTokenOf, startFlow } from "./start";
import { findFlow, saveFlow } from "./store";
import type { CountedLoad } from "./counted-load";
import { RateLimitedError } from "@/lib/ratelimit";
import { isUuid } from "@/lib/core/ids";
import { findJsonDefect, isStorableText } from "@/lib/core/storable-text";
import { renderNodes } from "./render";
import { NOT_RESPONSIBLE, type FlowEnv, type NotResponsible, type SubmitBody } from "./strategy";
import type { FlowContext, FlowKind, FlowRecord, FlowResponse } from "./types";
import { addNodeMessage, csrfNode, nodeName, setNodeValue } from "../ui";
import { bodyValue } from "./body";
import { toOryIdentity } from "@/lib/identity";
import { flowUrls } from "./urls";

/**
 * What each flow kind adds to the common submission pipeline: its environment, its strategies' answer to a
 * submission (typed per kind: a login strategy's identity, a settings strategy's update, …) and what it does with it.
 */
export interface KindHandler<Env extends FlowEnv, Result> {
  kind: FlowKind;
  /** The caller's session / identity the strategies need (settings requires a session: throw otherwise). */
  env(ctx: FlowContext, flow: FlowRecord, prefetched?: CountedLoad["prefetched"]): Promise<Env>;
  /**
   * Counts the submission's rate limits and loads its flow in one round trip (see countAndLoad); a kind without it
   * has its flow read by findFlow.
   */
  countAndLoad?(ctx: FlowContext, flowId: string, body: SubmitBody): Promise<CountedLoad>;
  /** Checks before any strategy runs (rate limits, when the kind has no countAndLoad). */
  precheck?(ctx: FlowContext, flow: FlowRecord, body: SubmitBody, env: Env): Promise<void>;
  /** Asks the kind's strategies in turn; the first responsible one's result (see firstResponsible). */
  submit(ctx: FlowContext, flow: FlowRecord, body: SubmitBody, env: Env): Promise<Result | NotResponsible>;
  /** Turns the result into the response (through the kind's post-flow hooks). */
  complete(ctx: FlowContext, flow: FlowRecord, result: Result, env: Env, json: boolean): Promise<FlowResponse>;
}

/** Values never echoed back into a re-rendered form. */
const SECRET_FIELDS = new Set(["password", "csrf_token", "code", "method", "totp_code", "lookup_secret"]);

/** Re-renders a flow with the submitted values and the validation messages; 400 JSON or 303 back to the form. */
export async function renderInvalid(ctx: FlowContext, flow: FlowRecord, env: FlowEnv, body: SubmitBody, error: FlowValidationError, json: boolean): Promise<FlowResponse> {
  const nodes = await renderNodes(ctx, flow, env, csrfNode(csrfTokenOf(flow)));
  for (const node of nodes) {
    const name = nodeName(node);
    if (!name || SECRET_FIELDS.has(name) || node.attributes.node_type !== "input" || node.attributes.type === "submit") continue;
    const value = bodyValue(body, name);
    if (typeof value === "string" && !isStorableText(value)) continue;
    if (value !== undefined && (typeof value !== "object" || value === null)) setNodeValue([node], name, value);
  }
  flow.ui = { action: flow.ui.action, method: flow.ui.method, nodes };
  for (const [name, messages] of Object.entries(error.fieldMessages)) for (const message of messages) addNodeMessage(flow.ui, name, message);
  if (error.messages.length) flow.ui.messages = [...(flow.ui.messages ?? []), ...error.messages];
  const saved = await saveFlow(ctx, flow);
  const extras = flow.kind === "settings" && env.identity ? { identity: toOryIdentity(env.identity, { baseUrl: flowUrls(ctx).base }) } : {};
  return json ? flowJson(400, saved, [], extras) : seeOther(flowUrls(ctx).ui(flow.kind, flow.id));
}

/** The field of a JSON Pointer into the body (`/traits/email` or a form's `/traits.email`): `traits.email`. */
function unstorableField(pointer: string): FlowValidationError {
  const field = pointer.slice(1).split("/").map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~")).join(".");
  return new FlowValidationError([], { [field || "identifier"]: [text.invalidFormat("no NUL or unpaired surrogate characters")] });
}

/** Kratos' answer to an expired flow: a fresh flow of the same kind carrying the "expired" message; 410 / 303. */
async function restartExpired(ctx: FlowContext, flow: FlowRecord, env: FlowEnv): Promise<never> {
  const { flow: fresh } = await startFlow(ctx, {
    kind: flow.kind,
    type: flow.type,
    state: flow.kind === "settings" ? "show_form" : "choose_method",
    returnTo: flow.returnTo || undefined,
    identityId: flow.identityId,
    sessionId: flow.sessionId,
    context: {
      refresh: flow.context.refresh,
      requested_aal: flow.context.requested_aal,
      oauth2_login_challenge: flow.context.oauth2_login_challenge,
      account_choice: flow.context.account_choice,
      switch_account: flow.context.switch_account,
    },
    messages: [text.flowExpired(flow.kind, flow.expiresAt, ctx.now)],
    env,
  });
  throw flowExpiredError(flow.expiresAt, ctx.now, fresh.id, flowUrls(ctx).ui(flow.kind, fresh.id));
}

/**
 * `POST /self-service/<kind>?flow=<id>`: loads the flow (404 unknown, 410 expired), checks CSRF for browser flows,
 * asks each strategy in turn until one is responsible for the submission's `method`, and answers as Kratos does.
 */
export async function submitFlow<Env extends FlowEnv, Result>(ctx: FlowContext, handler: KindHandler<Env, Result>, flowId: string | null, body: SubmitBody): Promise<FlowResponse> {
  let flow: FlowRecord | undefined;
  let json = wantsJson(ctx.request);
  // Text PostgreSQL cannot store (NUL, a lone surrogate) is a field error like any invalid value; it reaches no query.
  const unstorable = findJsonDefect(body, { maxDepth: Infinity });
  try {
    const counted = !unstorable && flowId && isUuid(flowId) && handler.countAndLoad
      ? await handler.countAndLoad(ctx, flowId, body).catch(async (error: unknown) => {
        // Refused by a rate limit before the flow was read: answer in the flow's type all the same (JSON for API flows).
        if (error instanceof RateLimitedError) json = (await findFlow(ctx, handler.kind, flowId).catch(() => undefined))?.type === "api" || json;
        throw error;
      })
      : undefined;
    flow = counted?.flow ?? (await findFlow(ctx, handler.kind, flowId));
    json = flow.type === "api" || json;
    if (flow.expiresAt <= ctx.now) await restartExpired(ctx, flow, await handler.env(ctx, flow));
    if (flow.type === "browser" && flow.csrfHash) {
      const submitted = bodyValue(body, "csrf_token");
      verifyCsrf({
        projectId: ctx.project.id,
        cookieHeader: ctx.request.header("cookie"),
        submitted: typeof submitted === "string" && submitted ? submitted : ctx.request.header("x-csrf-token"),
        flowHash: flow.csrfHash,
      });
    }
    const env = await handler.env(ctx, flow, counted?.prefetched);
    try {
      if (unstorable) throw unstorableField(unstorable.path);
      await handler.precheck?.(ctx, flow, body, env);
      const result = await handler.submit(ctx, flow, body, env);
      if (result === NOT_RESPONSIBLE) throw new FlowValidationError([text.noStrategy(handler.kind)]);
      return await handler.complete(ctx, flow, result, env, json);
    } catch (error) {
      if (error instanceof FlowValidationError) return await renderInvalid(ctx, flow, env, body, error, json);
      throw error;
    }
  } catch (error) {
    if (!isAppError(error)) throw error;
    return json ? errorJson(error) : browserError(ctx, error);
  }
}

