import { decodeCompact, verificationKey, verifyDecoded } from "@/lib/keys";
import { keyById } from "./key-cache";
import { DERIVED_ALG, DERIVED_KEY_SET, DERIVED_TOKEN_TYPE } from "./derived-keys";
import { keyProblem, refusal, validKey, type VerifyApiKeyResponse, type VerifyScope } from "./verdict";

/**
 * A token made by `apiKeys:derive`: undefined when the credential is not one of ours (so it is tried as a key),
 * else the verification. RFC 7519 §7.2 checks (signature by a published key of the derived set, `iss`, `exp`,
 * `nbf`), and, beyond Ory's stateless tokens, the parent key must still be usable: revoking a key ends its
 * derived tokens too.
 */
export async function verifyDerivedToken(scope: VerifyScope, token: string): Promise<VerifyApiKeyResponse | undefined> {
  const decoded = decodeCompact(token);
  if (!decoded || decoded.header.typ !== DERIVED_TOKEN_TYPE || typeof decoded.header.kid !== "string") return undefined;
  const db = await scope.db();
  const key = await verificationKey({ project: scope.project, db, now: scope.now }, decoded.header.kid, [DERIVED_KEY_SET]);
  if (!key) return undefined;
  if (!verifyDecoded(decoded, key.publicKeyObject(), DERIVED_ALG)) return refusal("VERIFICATION_ERROR_SIGNATURE_INVALID");
  const claims = decoded.payload;
  const seconds = Math.floor(scope.now.getTime() / 1000);
  if (claims.iss !== scope.issuer) return refusal("VERIFICATION_ERROR_SIGNATURE_INVALID");
  if (typeof claims.exp !== "number" || claims.exp <= seconds) return refusal("VERIFICATION_ERROR_EXPIRED");
  if (typeof claims.nbf === "number" && claims.nbf > seconds + 30) return refusal("VERIFICATION_ERROR_INVALID_FORMAT");
  if (typeof claims.api_key_id !== "string") return refusal("VERIFICATION_ERROR_INVALID_FORMAT");
  const parent = await keyById(scope.project.id, scope.db, claims.api_key_id);
  if (!parent) return refusal("VERIFICATION_ERROR_REVOKED");
  const problem = keyProblem(parent, scope.now, undefined);
  if (problem) return refusal(problem);
  const scopes = typeof claims.scope === "string" && claims.scope ? claims.scope.split(" ") : [];
  return validKey(parent, scope.issuer, scopes, new Date(claims.exp * 1000));
}
