import { clientSecretMatches, findClient, type ClientDocument } from "../clients";
import type { OAuth2Context } from "../context";
import { invalidClient } from "../errors";
import { presentedCredentials } from "./credentials";
import { verifyClientAssertion } from "./private-key-jwt";

export interface AuthenticatedClient {
  client: ClientDocument;
  method: ClientDocument["token_endpoint_auth_method"];
}

/**
 * Authenticates the client of a token, revocation or device request with the method it registered
 * (RFC 6749 §2.3, RFC 7523 §2.2). Every failure is `invalid_client` (401, WWW-Authenticate for Basic).
 */
export async function authenticateClient(ctx: OAuth2Context, authorization: string | undefined, form: URLSearchParams, endpoint: string): Promise<AuthenticatedClient> {
  const presented = presentedCredentials(authorization, form);
  const basic = presented.method === "client_secret_basic";
  const record = await findClient(ctx, presented.clientId);
  if (!record) throw invalidClient("The client does not exist or the credentials are wrong.", basic);
  const client = record.doc;
  if (client.token_endpoint_auth_method !== presented.method) {
    throw invalidClient(`The client is registered for ${client.token_endpoint_auth_method}, not ${presented.method}.`, basic);
  }
  switch (presented.method) {
    case "client_secret_basic":
    case "client_secret_post": {
      const expired = client.client_secret_expires_at > 0 && client.client_secret_expires_at * 1000 < ctx.now.getTime();
      if (expired || !(await clientSecretMatches(record, presented.secret, ctx.now))) {
        throw invalidClient("The client does not exist or the credentials are wrong.", basic);
      }
      break;
    }
    case "private_key_jwt":
      await verifyClientAssertion(ctx, client, presented.assertion, endpoint);
      break;
    case "none":
      break;
  }
  return { client, method: client.token_endpoint_auth_method };
}
