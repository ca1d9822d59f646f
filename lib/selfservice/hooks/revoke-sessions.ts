import { revokeIdentitySessions } from "@/lib/sessions";
import type { FlowContext } from "../flows/types";
import type { Hook } from "./types";

const asIdentity = (ctx: FlowContext, identityId: string) => ({ ...ctx, actor: { type: "identity", id: identityId } });

/**
 * Kratos' `revoke_active_sessions`: after a login, a settings change or a recovery, the identity's other sessions end
 * (the one signing in now, or the one making the change, stays).
 */
export const revokeActiveSessionsHook: Hook = {
  name: "revoke_active_sessions",
  stages: {
    // Runs before the new session is stored: every session of the identity but the one being refreshed ends.
    login: async (ctx, outcome) => void (await revokeIdentitySessions(asIdentity(ctx, outcome.identity.id), outcome.identity.id, outcome.refreshes?.id)),
    settings: async (ctx, outcome) => void (await revokeIdentitySessions(asIdentity(ctx, outcome.identity.id), outcome.identity.id, outcome.session.id)),
    recovery: async (ctx, outcome) => void (await revokeIdentitySessions(asIdentity(ctx, outcome.identity.id), outcome.identity.id, outcome.session?.id)),
  },
};
