import { clientInputSchema } from "@/lib/oauth2/clients";
import { jwksProblem, jwksUriProblem, type KeyProblem } from "@/lib/oauth2/clients/jwks-rules";

export type ClientJwks = { keys: Record<string, unknown>[] };
export type JwksParse = { jwks: ClientJwks; problem?: undefined } | { jwks?: undefined; problem: KeyProblem["code"] | "jwksJson" };

const jwksShape = clientInputSchema.shape.jwks.unwrap().unwrap();

/**
 * A pasted JWK Set (or a single JWK, which is wrapped into one) checked by the rules the API applies
 * (lib/oauth2/clients/jwks-rules): public signing keys only, supported types and algorithms, distinct kids.
 */
export function parseJwksText(text: string): JwksParse {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: "jwksJson" };
  }
  const wrapped = value && typeof value === "object" && !Array.isArray(value) && "kty" in value ? { keys: [value] } : value;
  const shaped = jwksShape.safeParse(wrapped);
  if (!shaped.success) return { problem: "jwksJson" };
  const problem = jwksProblem(shaped.data);
  return problem ? { problem: problem.code } : { jwks: shaped.data };
}

/** The `jwks_uri` rule of the API, as an error key. */
export const jwksUriError = (value: string): KeyProblem["code"] | undefined => jwksUriProblem(value)?.code;

/** The stored JWK Set as the form shows it (public keys only, so it may be rendered). */
export const jwksText = (jwks: ClientJwks | undefined): string => (jwks?.keys.length ? JSON.stringify(jwks, null, 2) : "");
