import type { OAuth2Context } from "../context";
import { newLoginSessionId } from "./login-sessions";
import { findFlow, transitionFlow } from "./store";

/**
 * The person at the browser chose another account than the login this browser remembers (the hosted account
 * chooser, OIDC Core §3.1.2.1 prompt=select_account): the login request no longer skips (Hydra's `skip`), so any
 * account may now answer it, and whoever signs in starts a login session of their own instead of the remembered one.
 * Only an open login request changes; a handled or unknown one is left as it is (accepting it fails later).
 */
export async function releaseRememberedLogin(ctx: OAuth2Context, challenge: string): Promise<void> {
  const flow = await findFlow(ctx.db, { id: challenge });
  if (!flow || flow.state !== "login_requested" || !flow.subject) return;
  await transitionFlow(ctx.db, flow.id, ["login_requested"], { subject: "", loginSessionId: newLoginSessionId() });
}
