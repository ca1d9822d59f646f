import { selfServiceBrowserPath } from "../ui";

type Json = Record<string, unknown>;
const at = (root: unknown, path: string[]): unknown =>
  path.reduce<unknown>((node, key) => (node && typeof node === "object" && !Array.isArray(node) ? (node as Json)[key] : undefined), root);

/** Whether a self-service flow is switched on in the project's Kratos config (Kratos: on unless `enabled: false`). */
export function selfServiceEnabled(projectConfig: unknown, kind: "registration" | "recovery" | "verification"): boolean {
  return at(projectConfig, ["services", "identity", "config", "selfservice", "flows", kind, "enabled"]) !== false;
}

export interface FlowLinks {
  login: string;
  registration?: string;
  recovery?: string;
}

/**
 * The links between the hosted pages (sign in ↔ sign up ↔ recover), straight to the flow initialisers so a
 * click costs no extra redirect. `return_to` travels along so the person ends up where they started, and an
 * OAuth2 login challenge between sign in and sign up, so either one continues to the app that asked.
 */
export function flowLinks(slug: string, projectConfig: unknown, returnTo?: string, loginChallenge?: string): FlowLinks {
  const query = returnTo ? { return_to: returnTo } : {};
  const oauth2 = loginChallenge ? { ...query, login_challenge: loginChallenge } : query;
  return {
    login: selfServiceBrowserPath(slug, "login", oauth2),
    registration: selfServiceEnabled(projectConfig, "registration") ? selfServiceBrowserPath(slug, "registration", oauth2) : undefined,
    recovery: selfServiceEnabled(projectConfig, "recovery") ? selfServiceBrowserPath(slug, "recovery", query) : undefined,
  };
}
