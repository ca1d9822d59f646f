import { isAppError } from "@/lib/core/errors";
import { gatewayLog } from "../log";
import { jsonErrorResponse } from "../handlers/errors/json";
import type { CompiledPipeline } from "../rules/compile";
import { findRule, type RuleSet } from "../rules/ruleset";
import { DEFAULT_RULE_ID } from "../rules/schema";
import { matchTarget } from "../match/normalize";
import { forbiddenError, GatewayError, internalError, unauthorizedError } from "./errors";
import type { AuthenticationSession, ErrorResponse, PipelineContext } from "./types";

/** One handler's verdict, for the console's "test a request" panel. */
export interface Verdict {
  stage: "match" | "authenticator" | "authorizer" | "mutator" | "error";
  handler: string;
  outcome: "matched" | "skipped" | "not_responsible" | "passed" | "failed";
  detail?: string;
}

export type Decision =
  | { allowed: true; ruleId: string; subject: string; headers: Record<string, string>; pipeline: CompiledPipeline; trace: Verdict[] }
  | { allowed: false; ruleId?: string; error: GatewayError; response: ErrorResponse; trace: Verdict[] };

export { DEFAULT_RULE_ID };

/**
 * The decision for one request: find the rule (or the project's default rule; none: deny), then run
 * authenticators (the first responsible one decides), the authorizer and the mutators. Any failure goes
 * to the rule's first error handler whose `when` holds, else to `json`.
 */
export async function decide(ctx: PipelineContext, set: RuleSet): Promise<Decision> {
  const trace: Verdict[] = [];
  const url = ctx.request.url;
  const target = matchTarget(url.protocol.replace(/:$/, ""), url.host, url.pathname);
  const found = findRule(set, ctx.request.method, target, url.host);
  if (found && "conflict" in found) {
    trace.push({ stage: "match", handler: found.conflict.join(", "), outcome: "failed", detail: "several rules of the same priority match" });
    return deny(ctx, undefined, DEFAULT_RULE_ID, internalError(`Rules ${found.conflict.join(", ")} match the request with the same priority.`), trace);
  }
  const pipeline = found ? found.rule : set.defaultRule;
  const ruleId = found ? found.rule.id : DEFAULT_RULE_ID;
  if (!pipeline) {
    trace.push({ stage: "match", handler: DEFAULT_RULE_ID, outcome: "failed", detail: "no rule matches and the default is deny" });
    return deny(ctx, undefined, ruleId, forbiddenError("No access rule matches the request (default: deny)."), trace);
  }
  trace.push({ stage: "match", handler: ruleId, outcome: "matched" });
  const session: AuthenticationSession = {
    subject: "",
    extra: {},
    header: {},
    matchContext: { regexpCaptureGroups: found?.groups ?? [], url, method: ctx.request.method },
  };
  try {
    await authenticate(ctx, pipeline, session, trace);
    await step(trace, "authorizer", pipeline.authorizer.name, () => pipeline.authorizer.run(ctx, session));
    for (const mutator of pipeline.mutators) await step(trace, "mutator", mutator.name, () => mutator.run(ctx, session));
  } catch (error) {
    return deny(ctx, pipeline, ruleId, asGatewayError(error), trace);
  }
  return { allowed: true, ruleId, subject: session.subject, headers: session.header, pipeline, trace };
}

async function authenticate(ctx: PipelineContext, pipeline: CompiledPipeline, session: AuthenticationSession, trace: Verdict[]): Promise<void> {
  for (const authenticator of pipeline.authenticators) {
    let result;
    try {
      result = await authenticator.run(ctx, session);
    } catch (error) {
      trace.push({ stage: "authenticator", handler: authenticator.name, outcome: "failed", detail: describe(error) });
      throw error;
    }
    if (result === "not_responsible") {
      trace.push({ stage: "authenticator", handler: authenticator.name, outcome: "not_responsible" });
      continue;
    }
    session.subject = result.subject;
    session.extra = result.extra;
    trace.push({ stage: "authenticator", handler: authenticator.name, outcome: "passed", detail: result.subject ? `subject ${result.subject}` : undefined });
    return;
  }
  throw unauthorizedError("No authenticator was responsible for the request's credentials.");
}

async function step(trace: Verdict[], stage: Verdict["stage"], handler: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
    trace.push({ stage, handler, outcome: "passed" });
  } catch (error) {
    trace.push({ stage, handler, outcome: "failed", detail: describe(error) });
    throw error;
  }
}

const describe = (error: unknown) => (error instanceof GatewayError ? (error.reason ?? error.message) : "internal error");

function asGatewayError(error: unknown): GatewayError {
  if (error instanceof GatewayError) return error;
  if (isAppError(error) && error.status === 404) return new GatewayError("not_found", error.message);
  gatewayLog().error("gateway handler failed", { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  return internalError();
}

function deny(ctx: PipelineContext, pipeline: CompiledPipeline | undefined, ruleId: string, error: GatewayError, trace: Verdict[]): Decision {
  const handler = pipeline?.errors.find((h) => h.run.applies(error, ctx.request));
  const response = handler ? handler.run.respond(ctx, error) : jsonErrorResponse(error, false);
  trace.push({ stage: "error", handler: handler?.name ?? "json", outcome: "passed", detail: `${response.status}` });
  return { allowed: false, ruleId, error, response, trace };
}
