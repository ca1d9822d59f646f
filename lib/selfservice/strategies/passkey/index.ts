import { bodyString } from "../../flows/body";
import type { LoginStrategy } from "../../flows/login/strategy";
import type { RegistrationStrategy } from "../../flows/registration/strategy";
import type { SettingsStrategy } from "../../flows/settings/strategy";
import { NOT_RESPONSIBLE, type SubmitBody } from "../../flows/strategy";
import { passkeyLoginNodes, passkeyPrefetch, submitPasskeyLogin } from "./login";
import { passkeyRegistrationNodes, submitPasskeyRegistration } from "./registration";
import { passkeySettingsNodes, submitPasskeySettings } from "./settings";

/** Kratos' passkey method: `method: passkey`, or the fields webauthn.js fills (its form.submit() sends no method). */
const own = (body: SubmitBody, ...fields: string[]) => bodyString(body, "method") === "passkey" || fields.some((name) => Boolean(bodyString(body, name)));

/**
 * A first factor (aal1): discoverable credentials with user verification. Rate limited by the login flow's own per-IP
 * limit (no identifier is typed, so there is no per-identifier one) — and an assertion is worthless without the
 * authenticator's private key.
 */
export const passkeyLogin: LoginStrategy = {
  id: "passkey",
  factor: "first",
  nodes: (ctx, flow) => passkeyLoginNodes(ctx, flow),
  prefetch: (ctx, body) => (own(body, "passkey_login") ? passkeyPrefetch(ctx, body) : undefined),
  login: async (ctx, flow, body, env) => (own(body, "passkey_login") ? submitPasskeyLogin(ctx, flow, body, env) : NOT_RESPONSIBLE),
};

/** Sign up with a passkey instead of a password. */
export const passkeyRegistration: RegistrationStrategy = {
  id: "passkey",
  nodes: (ctx, flow) => passkeyRegistrationNodes(ctx, flow),
  register: async (ctx, flow, body) => (own(body, "passkey_register") ? submitPasskeyRegistration(ctx, flow, body) : NOT_RESPONSIBLE),
};

/** Add or remove passkeys. */
export const passkeySettings: SettingsStrategy = {
  id: "passkey",
  nodes: passkeySettingsNodes,
  update: async (ctx, flow, body, env) => (own(body, "passkey_settings_register", "passkey_remove") ? submitPasskeySettings(ctx, flow, body, env) : NOT_RESPONSIBLE),
};
