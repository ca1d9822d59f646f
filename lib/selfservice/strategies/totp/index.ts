import { bodyFlag, bodyString } from "../../flows/body";
import { flowSettings } from "../../flows/config";
import type { LoginStrategy } from "../../flows/login/strategy";
import type { SettingsStrategy } from "../../flows/settings/strategy";
import { NOT_RESPONSIBLE, type SubmitBody } from "../../flows/strategy";
import { submitTotpLogin, totpCredential } from "./login";
import { totpLoginNodes } from "./nodes";
import { submitTotpSettings, totpSettingsNodes } from "./settings";

/** Kratos' totp method: `method: totp` (and, in settings, the `totp_unlink` button, which sends no method). */
const own = (body: SubmitBody) => bodyString(body, "method") === "totp";

/** A second factor (aal2): offered on a step-up login to identities that have TOTP. */
export const totpLogin: LoginStrategy = {
  id: "totp",
  factor: "second",
  nodes: (_ctx, _flow, env) => (totpCredential(env.identity) ? totpLoginNodes() : []),
  limits: (ctx, body, caller) =>
    own(body) && caller ? [{ projectId: ctx.project.id, rule: "second_factor:identity", subject: caller.identity.id, overrides: flowSettings(ctx.project.config).rateLimits, now: ctx.now }] : [],
  login: async (ctx, _flow, body, env) => (own(body) ? submitTotpLogin(ctx, body, env) : NOT_RESPONSIBLE),
};

/** Enrol (QR code, secret, first code) or unlink an authenticator app. */
export const totpSettings: SettingsStrategy = {
  id: "totp",
  nodes: totpSettingsNodes,
  update: async (ctx, flow, body, env) => (own(body) || bodyFlag(body, "totp_unlink") ? submitTotpSettings(ctx, flow, body, env) : NOT_RESPONSIBLE),
};
