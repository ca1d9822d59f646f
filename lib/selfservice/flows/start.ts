import { sessionCookiePath } from "@/lib/sessions";
import { ensureCsrfToken, hashCsrfToken } from "./csrf";
import { checkReturnTo } from "./return-to";
import { flowSettings } from "./config";
import { insertFlow } from "./store";
import { renderNodes } from "./render";
import type { FlowEnv } from "./strategy";
import type { FlowContext, FlowInternals, FlowKind, FlowRecord, FlowType } from "./types";
import { csrfNode, type UiText } from "../ui";
import { flowUrls } from "./urls";

export interface StartFlowInput {
  kind: FlowKind;
  type: FlowType;
  state: string;
  returnTo?: string | null;
  context?: FlowInternals;
  identityId?: string | null;
  sessionId?: string | null;
  messages?: UiText[];
  env?: FlowEnv;
  /** Admin-created flows are opened by a browser that has no CSRF cookie for them (Kratos skips the check too). */
  skipCsrf?: boolean;
  lifespanMs?: number;
}

/** Creates a flow: return_to checked, CSRF token bound (browser), nodes rendered by the strategies, stored. */
export async function startFlow(ctx: FlowContext, input: StartFlowInput): Promise<{ flow: FlowRecord; setCookies: string[] }> {
  const urls = flowUrls(ctx);
  const settings = flowSettings(ctx.project.config);
  const returnTo = checkReturnTo(input.returnTo, urls.base, settings.allowedReturnUrls);
  const setCookies: string[] = [];
  let token = "";
  if (input.type === "browser" && !input.skipCsrf) {
    const csrf = ensureCsrfToken(ctx.request.header("cookie"), {
      projectId: ctx.project.id,
      path: sessionCookiePath(ctx.project, ctx.request),
      secure: urls.base.startsWith("https:"),
    });
    token = csrf.token;
    if (csrf.setCookie) setCookies.push(csrf.setCookie);
  }
  const draft: FlowRecord = {
    id: crypto.randomUUID(),
    kind: input.kind,
    type: input.type,
    state: input.state,
    requestUrl: ctx.request.url.toString(),
    returnTo: returnTo ?? "",
    active: "",
    ui: { action: "", method: "POST", nodes: [] },
    csrfHash: token ? hashCsrfToken(token) : "",
    identityId: input.identityId ?? null,
    sessionId: input.sessionId ?? null,
    context: input.context ?? {},
    expiresAt: new Date(ctx.now.getTime() + (input.lifespanMs ?? settings.lifespanMs(input.kind))),
    issuedAt: ctx.now,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  draft.ui = {
    action: urls.action(input.kind, draft.id),
    method: "POST",
    nodes: await renderNodes(ctx, draft, input.env ?? {}, csrfNode(token)),
    ...(input.messages?.length ? { messages: input.messages } : {}),
  };
  const flow = await insertFlow(ctx, {
    id: draft.id,
    kind: draft.kind,
    type: draft.type,
    state: draft.state,
    requestUrl: draft.requestUrl,
    returnTo: draft.returnTo,
    ui: draft.ui,
    csrfHash: draft.csrfHash,
    identityId: draft.identityId,
    sessionId: draft.sessionId,
    context: draft.context,
    lifespanMs: draft.expiresAt.getTime() - ctx.now.getTime(),
  });
  return { flow, setCookies };
}

/** The CSRF node value of a stored flow (browser flows keep the token in their hidden node). */
export const csrfTokenOf = (flow: FlowRecord): string => {
  const node = flow.ui.nodes.find((n) => n.attributes.node_type === "input" && n.attributes.name === "csrf_token");
  return node && node.attributes.node_type === "input" ? String(node.attributes.value ?? "") : "";
};
