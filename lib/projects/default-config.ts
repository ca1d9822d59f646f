import type { ProjectConfig } from "./config-schema";

/**
 * The identity schemas every project has without configuring them (lib/identity/schemas/presets.ts; a test there
 * keeps the two lists in step — lib/projects cannot import lib/identity, which depends on it).
 */
export const BUILT_IN_SCHEMA_IDS: readonly string[] = ["preset://email"];

/**
 * A new project's configuration, in Ory Network's project shape. URLs are relative to the project base URL
 * (`{origin}/p/{slug}`): the hosted pages live under `/ui/…`. Values follow Kratos', Hydra's and Keto's
 * documented defaults, with Ory Network's choices where they differ (code-based recovery and verification).
 */
export function defaultIdentityConfig(): Record<string, unknown> {
  return {
    identity: {
      // The built-in preset (email + name, lib/identity/schemas/presets.ts), referenced by URL as Ory Network does.
      default_schema_id: "preset://email",
      schemas: [{ id: "preset://email", url: "preset://email" }],
    },
    selfservice: {
      default_browser_return_url: "/ui/welcome",
      allowed_return_urls: [],
      methods: {
        password: { enabled: true, config: { haveibeenpwned_enabled: false, max_breaches: 0, ignore_network_errors: true, min_password_length: 8, identifier_similarity_check_enabled: true } },
        code: { enabled: true, passwordless_enabled: false, mfa_enabled: false, config: { lifespan: "15m" } },
        totp: { enabled: false, config: { issuer: "" } },
        lookup_secret: { enabled: false },
        webauthn: { enabled: false, config: { passwordless: false, rp: { display_name: "" } } },
        passkey: { enabled: false, config: { rp: { display_name: "" } } },
        oidc: { enabled: false, config: { providers: [] } },
        saml: { enabled: false, config: { providers: [] } },
        profile: { enabled: true },
        link: { enabled: false, config: { lifespan: "1h" } },
      },
      flows: {
        error: { ui_url: "/ui/error" },
        login: { ui_url: "/ui/login", lifespan: "30m", after: { hooks: [] } },
        registration: {
          enabled: true,
          ui_url: "/ui/registration",
          lifespan: "30m",
          login_hints: true,
          after: { password: { hooks: [{ hook: "session" }] }, code: { hooks: [{ hook: "session" }] }, oidc: { hooks: [{ hook: "session" }] }, hooks: [] },
        },
        settings: { ui_url: "/ui/settings", lifespan: "1h", privileged_session_max_age: "15m", required_aal: "highest_available" },
        recovery: { enabled: true, ui_url: "/ui/recovery", use: "code", lifespan: "1h", notify_unknown_recipients: false },
        verification: { enabled: true, ui_url: "/ui/verification", use: "code", lifespan: "1h", notify_unknown_recipients: false },
        logout: { after: { default_browser_return_url: "/ui/login" } },
      },
    },
    session: {
      lifespan: "72h",
      earliest_possible_extend: "24h",
      cookie: { persistent: true, same_site: "Lax" },
      whoami: { required_aal: "highest_available", tokenizer: { templates: {} } },
    },
    courier: {
      delivery_strategy: "smtp",
      smtp: { from_address: "no-reply@portcullis.local", from_name: "", headers: {} },
      templates: {},
    },
    security: { account_enumeration: { mitigate: false } },
    feature_flags: { cacheable_sessions: false, use_continue_with_transitions: true },
  };
}

export function defaultOAuth2Config(): Record<string, unknown> {
  return {
    oauth2: {
      pkce: { enforced: false, enforced_for_public_clients: true },
      client_credentials: { default_grant_allowed_scope: false },
      grant: { jwt: { jti_optional: false, iat_optional: false, max_ttl: "720h" } },
      expose_internal_errors: false,
      mirror_top_level_claims: true,
      session: { encrypt_at_rest: true },
    },
    oidc: {
      subject_identifiers: { supported_types: ["public"] },
      dynamic_client_registration: { enabled: false, default_scope: ["openid", "offline", "offline_access"] },
    },
    strategies: { access_token: "opaque", scope: "wildcard", jwt: { scope_claim: "list" } },
    ttl: { access_token: "1h", refresh_token: "720h", id_token: "1h", auth_code: "10m", login_consent_request: "30m", device_user_code: "10m" },
    urls: {
      login: "/ui/login",
      consent: "/ui/consent",
      logout: "/ui/logout",
      error: "/ui/error",
      device: { verification: "/ui/device", success: "/ui/device/success" },
      post_logout_redirect: "/ui/logout/done",
    },
  };
}

export function defaultPermissionConfig(): Record<string, unknown> {
  return { namespaces: [], limit: { max_read_depth: 5 } };
}

export function defaultProjectConfig(): ProjectConfig {
  return {
    services: {
      identity: { config: defaultIdentityConfig() },
      oauth2: { config: defaultOAuth2Config() },
      permission: { config: defaultPermissionConfig() },
    },
    cors_admin: { enabled: false, origins: [] },
    cors_public: { enabled: false, origins: [] },
  };
}
