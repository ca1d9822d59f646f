import type { FlowRecord } from "./types";

/**
 * `active`: the method in use. Recovery and verification flows always have one (Kratos sets the configured
 * method, `code` or `link`, when the flow starts; Ory Elements cannot render the form without it): the method
 * whose nodes the flow shows.
 */
function activeMethod(flow: FlowRecord): string {
  if (flow.active || (flow.kind !== "recovery" && flow.kind !== "verification")) return flow.active;
  const groups = new Set(flow.ui.nodes.map((node) => node.group));
  return groups.has("link") && !groups.has("code") ? "link" : "code";
}

/** Ory's flow JSON (loginFlow, registrationFlow, recoveryFlow, verificationFlow, settingsFlow). */
export function toOryFlow(flow: FlowRecord, extras: Record<string, unknown> = {}) {
  const common = {
    id: flow.id,
    type: flow.type,
    expires_at: flow.expiresAt.toISOString(),
    issued_at: flow.issuedAt.toISOString(),
    request_url: flow.requestUrl,
    ...(flow.returnTo ? { return_to: flow.returnTo } : {}),
    ...(activeMethod(flow) ? { active: activeMethod(flow) } : {}),
    ui: flow.ui,
    state: flow.state,
    created_at: flow.createdAt.toISOString(),
    updated_at: flow.updatedAt.toISOString(),
    ...(flow.context.continue_with?.length ? { continue_with: flow.context.continue_with } : {}),
    ...(flow.context.oauth2_login_challenge ? { oauth2_login_challenge: flow.context.oauth2_login_challenge } : {}),
  };
  switch (flow.kind) {
    case "login":
      return {
        ...common,
        refresh: Boolean(flow.context.refresh),
        requested_aal: flow.context.requested_aal ?? "aal1",
        organization_id: null,
        ...(flow.context.identity_schema ? { identity_schema: flow.context.identity_schema } : {}),
        ...extras,
      };
    case "registration":
      return { ...common, organization_id: null, ...(flow.context.identity_schema ? { identity_schema: flow.context.identity_schema } : {}), ...extras };
    default:
      return { ...common, ...extras };
  }
}
export type OryFlow = ReturnType<typeof toOryFlow>;
