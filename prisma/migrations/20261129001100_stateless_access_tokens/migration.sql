-- JWT access tokens of the client_credentials grant are not stored (README: OAuth2). Revoking all tokens of a
-- client (DELETE /admin/oauth2/tokens) then needs a cut-off: tokens issued before it are inactive.
ALTER TABLE "oauth2_clients" ADD COLUMN "tokens_revoked_before" TIMESTAMPTZ(3);
