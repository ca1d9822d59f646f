import { bodyString } from "../../flows/body";
import type { LoginStrategy } from "../../flows/login/strategy";
import type { RegistrationStrategy } from "../../flows/registration/strategy";
import type { SettingsStrategy } from "../../flows/settings/strategy";
import { NOT_RESPONSIBLE } from "../../flows/strategy";
import { loginLimits, loginNodes, loginPrefetch, submitLogin } from "./login";
import { registrationNodes, submitRegistration } from "./registration";
import { settingsNodes, submitSettings } from "./settings";

/** Kratos' password method: a submission with `method: password` is this strategy's. */
const own = (body: Record<string, unknown>) => bodyString(body, "method") === "password";

/** Sign in with identifier + password: a first factor (aal1). */
export const passwordLogin: LoginStrategy = {
  id: "password",
  factor: "first",
  nodes: loginNodes,
  limits: (ctx, body) => (own(body) ? loginLimits(ctx, body) : []),
  prefetch: (ctx, body) => (own(body) ? loginPrefetch(ctx, body) : undefined),
  login: async (ctx, flow, body, env) => (own(body) ? submitLogin(ctx, flow, body, env) : NOT_RESPONSIBLE),
};

/** Sign up with the schema's traits and a new password. */
export const passwordRegistration: RegistrationStrategy = {
  id: "password",
  nodes: (ctx, flow) => registrationNodes(ctx, flow),
  register: async (ctx, flow, body) => (own(body) ? submitRegistration(ctx, flow, body) : NOT_RESPONSIBLE),
};

/** Set a new password (privileged). */
export const passwordSettings: SettingsStrategy = {
  id: "password",
  nodes: () => settingsNodes(),
  update: async (ctx, flow, body, env) => (own(body) ? submitSettings(ctx, flow, body, env) : NOT_RESPONSIBLE),
};
