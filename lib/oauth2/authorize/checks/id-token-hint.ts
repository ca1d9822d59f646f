import { invalidRequest } from "../../errors";
import { verifyOwnIdToken } from "../../flows/id-token-hint";
import type { AuthorizationCheck } from "./types";

/** OIDC Core §3.1.2.1 `id_token_hint`: an ID token this provider issued (its signature checked; expiry may have passed). */
export const idTokenHintCheck: AuthorizationCheck = async ({ ctx, params }) => {
  const hint = params.get("id_token_hint");
  if (!hint) return {};
  const idTokenHintClaims = await verifyOwnIdToken(ctx, hint);
  if (!idTokenHintClaims) throw invalidRequest("The id_token_hint is not an ID token issued by this provider.");
  return { idTokenHintClaims };
};
