import { publishedJwks, type KeyScope } from "@/lib/keys";
import { DERIVED_ALG, DERIVED_KEY_SET } from "./derived-keys";

/** `getJwks`: Ory's GetJWKSResponse `{ jwks: { keys } }` (RFC 7517 §5) with the derived set's published public keys. */
export async function derivedJwks(scope: KeyScope) {
  return { jwks: await publishedJwks(scope, [{ setName: DERIVED_KEY_SET, alg: DERIVED_ALG }], [DERIVED_KEY_SET]) };
}
