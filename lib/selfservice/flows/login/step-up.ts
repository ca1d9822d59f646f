import type { IdentityRecord } from "@/lib/identity";
import { availableAal, sessionSettings, type Aal } from "@/lib/sessions";
import type { FlowContext, FlowRecord } from "../types";
import { flowUrls } from "../urls";

const RANK: Record<string, number> = { aal1: 1, aal2: 2, aal3: 3 };

/** The higher of a refreshed session's level and the one the login step contributes. */
export const highestAal = (current: string | undefined, added: Aal): Aal =>
  current && (RANK[current] ?? 1) > RANK[added]! ? (current as Aal) : added;

/**
 * Kratos' `session.whoami.required_aal: highest_available`: a session below the level its identity can reach is not
 * a complete sign-in — the person goes on to the second factor.
 */
export function secondFactorStillRequired(ctx: Pick<FlowContext, "project">, identity: IdentityRecord, aal: Aal): boolean {
  return sessionSettings(ctx.project).requiredAal === "highest_available" && aal === "aal1" && availableAal(identity) === "aal2";
}

/** Where a browser goes for its second factor: a new aal2 login flow, keeping return_to and the OAuth2 challenge. */
export function stepUpUrl(ctx: FlowContext, flow: FlowRecord): string {
  return flowUrls(ctx).browserStart("login", {
    aal: "aal2",
    return_to: flow.returnTo || undefined,
    login_challenge: flow.context.oauth2_login_challenge,
  });
}
