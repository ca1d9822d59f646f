import { settingsOf } from "../../context";
import { invalidRequest } from "../../errors";
import { VERIFIER } from "../../pkce";
import { responseTypeParts } from "../response-types";
import type { AuthorizationCheck } from "./types";

/**
 * RFC 7636 §4.3–4.4 for response types that issue a code; public clients must use S256 (RFC 9700 §2.1.1). Without a
 * code there is nothing to bind a verifier to, so the parameters are not kept.
 */
export const pkceCheck: AuthorizationCheck = ({ ctx, client, params, draft }) => {
  if (!responseTypeParts(draft.responseType).includes("code")) return {};
  const pkce = settingsOf(ctx).oauth2.pkce;
  const challenge = params.get("code_challenge") ?? undefined;
  const method = params.get("code_challenge_method") ?? (challenge ? "plain" : undefined);
  const isPublic = client.token_endpoint_auth_method === "none";
  if (!challenge) {
    if (method) throw invalidRequest("code_challenge_method without code_challenge.");
    if (pkce.enforced || (isPublic && pkce.enforced_for_public_clients)) throw invalidRequest("PKCE is required: send code_challenge with code_challenge_method S256 (RFC 7636).");
    return {};
  }
  if (method !== "S256" && method !== "plain") throw invalidRequest("code_challenge_method must be S256 or plain.");
  if (isPublic && method !== "S256") throw invalidRequest("Public clients must use code_challenge_method S256.");
  if (!VERIFIER.test(challenge)) throw invalidRequest("code_challenge must be 43-128 characters of [A-Za-z0-9-._~] (RFC 7636 §4.2).");
  return { codeChallenge: challenge, codeChallengeMethod: method };
};
