import type { ClientDocument } from "@/lib/oauth2/clients";
import { jwksText } from "./client-keys-form";

/** What the console's edit form shows of a stored client (public keys only, so the JWK Set may be rendered). */
export function editableClient(doc: ClientDocument) {
  return {
    client_id: doc.client_id,
    client_name: doc.client_name,
    redirect_uris: doc.redirect_uris,
    post_logout_redirect_uris: doc.post_logout_redirect_uris,
    scope: doc.scope,
    audience: doc.audience,
    grant_types: doc.grant_types,
    token_endpoint_auth_method: doc.token_endpoint_auth_method,
    skip_consent: doc.skip_consent,
    frontchannel_logout_uri: doc.frontchannel_logout_uri,
    backchannel_logout_uri: doc.backchannel_logout_uri,
    access_token_strategy: doc.access_token_strategy,
    allowed_cors_origins: doc.allowed_cors_origins ?? [],
    jwks: jwksText(doc.jwks),
    jwks_uri: doc.jwks_uri,
  };
}
