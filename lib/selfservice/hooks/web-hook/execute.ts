import { AppError } from "@/lib/core/errors";
import type { FlowContext } from "../../flows/types";
import { webHooksFor, type HookPhase, type WebHookConfig } from "./config";
import { identityPatchFrom, interruptionFrom, type IdentityPatch } from "./interrupt";
import { enqueueDelivery, deliverWebhooks } from "./queue";
import { prepareRequest, sendRequest } from "./request";

export interface RunHooksInput {
  flow: string;
  phase: HookPhase;
  method?: string;
  /** The template context (`ctx` in body templates): flow, identity, session, request_* … (built only when a hook runs). */
  payload: Record<string, unknown> | (() => Record<string, unknown>);
}

/**
 * Runs the web hooks of a flow phase. Hooks that can interrupt or whose response is parsed are called inline: a
 * non-2xx answer of a `can_interrupt` hook aborts the flow with the messages it returned (FlowValidationError),
 * a `response.parse` hook may return identity changes. All others are queued and delivered with retries.
 */
export function runWebHooks(ctx: FlowContext, input: RunHooksInput): Promise<IdentityPatch | undefined> {
  return runWebHookConfigs(ctx, webHooksFor(ctx.project.config, input.flow, input.phase, input.method), input);
}

/** Runs the given web hooks (see runWebHooks), e.g. one entry of a flow's after-hook list. */
export async function runWebHookConfigs(ctx: FlowContext, hooks: readonly WebHookConfig[], input: RunHooksInput): Promise<IdentityPatch | undefined> {
  if (!hooks.length) return undefined;
  const payload = {
    ...(typeof input.payload === "function" ? input.payload() : input.payload),
    request_method: ctx.request.method,
    request_url: ctx.request.url.toString(),
    request_headers: { "user-agent": ctx.request.header("user-agent") ?? "", "accept-language": ctx.request.header("accept-language") ?? "" },
  };
  let patch: IdentityPatch | undefined;
  let queued = false;
  for (const hook of hooks) {
    const request = prepareRequest(hook, payload, ctx.project.config, ctx.now);
    const inline = hook.can_interrupt || hook.response.parse;
    if (!inline || hook.response.ignore) {
      await enqueueDelivery(ctx.db, ctx.project.id, { flow: input.flow, phase: input.phase, request, now: ctx.now });
      queued = true;
      continue;
    }
    let response;
    try {
      response = await sendRequest(request, hook.timeout_ms);
    } catch (error) {
      throw new AppError("unavailable", "A web hook of this flow could not be reached.", { id: "webhook_unreachable", reason: error instanceof Error ? error.message : String(error) });
    }
    if (response.status >= 200 && response.status < 300) {
      if (hook.response.parse) patch = { ...patch, ...identityPatchFrom(response.text) };
    } else if (hook.can_interrupt) {
      throw interruptionFrom(response.text);
    }
  }
  // Kick the queue right away (best effort); the worker retries whatever fails.
  if (queued) void deliverWebhooks(new Date()).catch(() => undefined);
  return patch;
}
