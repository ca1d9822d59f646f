import { AppError, type AppErrorOptions, type ErrorCode } from "@/lib/core/errors";
import type { UiText } from "../ui";

/**
 * An error of a self-service endpoint. Besides Ory's `{error}` body, Kratos puts some fields at the top level
 * (`use_flow_id`, `redirect_browser_to`, `expired_at`); browser navigations go to `browserRedirect` instead.
 */
export class FlowError extends AppError {
  constructor(
    code: ErrorCode,
    message: string,
    options: AppErrorOptions & { extra?: Record<string, unknown>; browserRedirect?: string } = {},
  ) {
    super(code, message, options);
    this.extra = options.extra ?? {};
    this.browserRedirect = options.browserRedirect;
  }
  readonly extra: Record<string, unknown>;
  readonly browserRedirect?: string;
}

/** Kratos' 410 for an expired flow, pointing at the replacement flow that carries the "expired" message. */
export function flowExpiredError(expiredAt: Date, now: Date, newFlowId: string, newFlowUrl: string): FlowError {
  return new FlowError("gone", "The self-service flow has expired", {
    id: "self_service_flow_expired",
    reason: "The self-service flow has expired",
    details: { use_flow_id: newFlowId, expired_at: expiredAt.toISOString() },
    extra: { use_flow_id: newFlowId, expired_at: expiredAt.toISOString(), since: (now.getTime() - expiredAt.getTime()) * 1e6 },
    browserRedirect: newFlowUrl,
  });
}

/** Kratos' 422: a JSON client of a browser flow must send the browser to another URL. */
export function browserLocationChangeRequired(to: string): FlowError {
  return new FlowError("unprocessable", "browser location change required", {
    id: "browser_location_change_required",
    reason: "In order to complete this flow please redirect the browser to: " + to,
    extra: { redirect_browser_to: to },
    browserRedirect: to,
  });
}

/** Kratos' 403 when a settings change needs a recent sign-in. */
export function sessionRefreshRequired(loginUrl: string): FlowError {
  return new FlowError("forbidden", "The login session is too old and thus not allowed to update these fields. Please re-authenticate.", {
    id: "session_refresh_required",
    reason: "The login session is too old and thus not allowed to update these fields. Please re-authenticate.",
    extra: { redirect_browser_to: loginUrl },
    browserRedirect: loginUrl,
  });
}

export function sessionAlreadyAvailable(redirect: string): FlowError {
  return new FlowError("bad_request", "A valid session was detected and thus login is not possible. Did you forget to set `?refresh=true`?", {
    id: "session_already_available",
    reason: "A valid session was detected and thus login is not possible. Did you forget to set `?refresh=true`?",
    browserRedirect: redirect,
  });
}

export function noActiveSession(loginUrl?: string): FlowError {
  return new FlowError("unauthorized", "No valid session credentials found in the request.", {
    id: "session_inactive",
    reason: "No active session was found in this request.",
    browserRedirect: loginUrl,
  });
}

export function aal1Required(): FlowError {
  return new FlowError("unauthorized", "You can not requested a higher AAL (AAL2/AAL3) without an active session.", {
    id: "session_aal1_required",
    reason: "You can not requested a higher AAL (AAL2/AAL3) without an active session.",
  });
}

export function aal2Unavailable(): FlowError {
  return new FlowError("bad_request", "This identity has no second factor (TOTP, WebAuthn, lookup secrets) set up, so aal2 can not be satisfied.", {
    id: "session_aal2_unavailable",
    reason: "aal2 was requested, but no second-factor method is configured for this identity. Set up a second factor first, or request aal=aal1.",
  });
}

export function identityMismatch(): FlowError {
  return new FlowError("forbidden", "The requested action was forbidden", {
    id: "security_identity_mismatch",
    reason: "The flow was initiated by another identity than the one of the current session.",
  });
}

export function flowDisabled(kind: string): FlowError {
  return new FlowError("bad_request", `The ${kind} flow is disabled for this project.`, { id: "self_service_flow_disabled", reason: `selfservice.flows.${kind}.enabled is false.` });
}

/** A submission with invalid input: rendered on the flow (400 JSON, or 303 back to the form). */
export class FlowValidationError extends Error {
  constructor(
    readonly messages: UiText[] = [],
    readonly fieldMessages: Record<string, UiText[]> = {},
  ) {
    super("flow validation failed");
  }
}
