import { z } from "zod";
import { goDuration, integer, navigableUrl } from "./values";

/**
 * The settings of `services.oauth2.config` (Hydra's configuration) that Portcullis reads, with their ranges.
 * Objects are loose: keys Portcullis does not read are kept as written.
 */
const loose = z.looseObject;
const ttl = () => goDuration(1_000, 87_600 * 3_600_000);

export const oauth2ConfigRules = loose({
  ttl: loose({
    access_token: ttl().optional(),
    refresh_token: ttl().optional(),
    id_token: ttl().optional(),
    auth_code: ttl().optional(),
    login_consent_request: ttl().optional(),
    device_user_code: ttl().optional(),
  }).optional(),
  urls: loose({
    login: navigableUrl().optional(),
    consent: navigableUrl().optional(),
    logout: navigableUrl().optional(),
    error: navigableUrl().optional(),
    post_logout_redirect: navigableUrl().optional(),
    device: loose({ verification: navigableUrl().optional(), success: navigableUrl().optional() }).optional(),
  }).optional(),
  strategies: loose({
    access_token: z.enum(["opaque", "jwt"]).optional(),
    scope: z.enum(["exact", "wildcard"]).optional(),
    jwt: loose({ scope_claim: z.enum(["list", "string", "both"]).optional() }).optional(),
  }).optional(),
  oauth2: loose({
    pkce: loose({ enforced: z.boolean().optional(), enforced_for_public_clients: z.boolean().optional() }).optional(),
    client_credentials: loose({ default_grant_allowed_scope: z.boolean().optional() }).optional(),
    refresh_token_rotation_grace_period: goDuration(0, 720 * 3_600_000).optional(),
    grant: loose({ jwt: loose({ max_ttl: ttl().optional() }).optional() }).optional(),
  }).optional(),
  device: loose({ interval: integer(1, 60).optional() }).optional(),
});
