import { decodeJwt, decodeProtectedHeader, jwtVerify } from "jose";
import type { ClientDocument } from "../clients";
import { clientKeyResolver } from "../client-auth/client-jwks";
import { OAuth2Error } from "../errors";

const invalidObject = (d: string) => new OAuth2Error("invalid_request_object", d);

/**
 * OIDC Core §6.1 request objects passed by value: unsigned (alg none) or RS256-signed with a key the client
 * registered. Its members supersede the query parameters; client_id and response_type must agree (§6.3.3).
 */
export async function readRequestObject(jwt: string, client: ClientDocument, issuer: string): Promise<Record<string, string>> {
  let alg: string | undefined;
  try {
    alg = decodeProtectedHeader(jwt).alg;
  } catch {
    throw invalidObject("The request object is not a JWT.");
  }
  const registered = client.request_object_signing_alg;
  if (registered && registered !== alg) throw invalidObject(`The client registered request objects signed with ${registered}.`);
  let claims: Record<string, unknown>;
  if (alg === "none") {
    if (jwt.split(".")[2] !== "") throw invalidObject("An unsigned request object must have an empty signature.");
    claims = decodeJwt(jwt);
  } else if (alg === "RS256") {
    const keys = clientKeyResolver(client);
    if (!keys) throw invalidObject("The client has no registered keys to verify the request object.");
    try {
      ({ payload: claims } = await jwtVerify(jwt, keys, { algorithms: ["RS256"] }));
    } catch (error) {
      throw invalidObject(`The request object signature is invalid: ${(error as Error).message}`);
    }
    if (claims.iss !== undefined && claims.iss !== client.client_id) throw invalidObject("The request object's iss must be the client_id.");
    if (claims.aud !== undefined && ![claims.aud].flat().includes(issuer)) throw invalidObject("The request object's aud must be the issuer.");
  } else {
    throw invalidObject(`Request objects signed with ${alg} are not supported (none, RS256).`);
  }
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(claims)) {
    if (["iss", "aud", "exp", "iat", "nbf", "jti", "request", "request_uri"].includes(name)) continue;
    params[name] = typeof value === "string" ? value : JSON.stringify(value);
  }
  return params;
}
