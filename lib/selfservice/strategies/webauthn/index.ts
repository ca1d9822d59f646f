import { bodyString } from "../../flows/body";
import { flowSettings } from "../../flows/config";
import type { LoginStrategy } from "../../flows/login/strategy";
import type { SettingsStrategy } from "../../flows/settings/strategy";
import { NOT_RESPONSIBLE, type SubmitBody } from "../../flows/strategy";
import { submitWebAuthnLogin, webAuthnLoginNodes } from "./login";
import { submitWebAuthnSettings, webAuthnSettingsNodes } from "./settings";

/** Kratos' webauthn method: `method: webauthn`, or the fields webauthn.js fills (its form.submit() sends no method). */
const own = (body: SubmitBody, ...fields: string[]) => bodyString(body, "method") === "webauthn" || fields.some((name) => Boolean(bodyString(body, name)));

/** A second factor (aal2): offered on a step-up login to identities that have a security key. */
export const webAuthnLogin: LoginStrategy = {
  id: "webauthn",
  factor: "second",
  nodes: webAuthnLoginNodes,
  limits: (ctx, body, caller) =>
    own(body, "webauthn_login") && caller
      ? [{ projectId: ctx.project.id, rule: "second_factor:identity", subject: caller.identity.id, overrides: flowSettings(ctx.project.config).rateLimits, now: ctx.now }]
      : [],
  login: async (ctx, flow, body, env) => (own(body, "webauthn_login") ? submitWebAuthnLogin(ctx, flow, body, env) : NOT_RESPONSIBLE),
};

/** Add (with a name) or remove security keys. */
export const webAuthnSettings: SettingsStrategy = {
  id: "webauthn",
  nodes: webAuthnSettingsNodes,
  update: async (ctx, flow, body, env) => (own(body, "webauthn_register", "webauthn_remove") ? submitWebAuthnSettings(ctx, flow, body, env) : NOT_RESPONSIBLE),
};

export { checkAssertion } from "./assert";
export { claimChallenge, flowChallenge } from "./challenge";
export { webAuthnCredential, type StoredAuthenticator, type WebAuthnConfig } from "./credentials";
export { scriptNode, triggerNode } from "./nodes";
export { creationOptions, requestOptions } from "./options";
export { relyingParty } from "./rp";
export { WEBAUTHN_SCRIPT, WEBAUTHN_SCRIPT_INTEGRITY } from "./script";
export { writeAuthenticators } from "./settings";
export { assertionUserHandle, parseAssertion, parseAttestation, verifyAttestation } from "./verify";
