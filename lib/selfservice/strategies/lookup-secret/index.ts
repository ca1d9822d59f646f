import { bodyFlag, bodyString } from "../../flows/body";
import { flowSettings } from "../../flows/config";
import type { LoginStrategy } from "../../flows/login/strategy";
import type { SettingsStrategy } from "../../flows/settings/strategy";
import { NOT_RESPONSIBLE, type SubmitBody } from "../../flows/strategy";
import { lookupCredential, submitLookupLogin } from "./login";
import { lookupLoginNodes } from "./nodes";
import { lookupSettingsNodes, submitLookupSettings } from "./settings";

const ownLogin = (body: SubmitBody) => bodyString(body, "method") === "lookup_secret";
/** Kratos' lookup settings buttons send no `method`: any of the four switches makes the submission this method's. */
const SWITCHES = ["lookup_secret_regenerate", "lookup_secret_reveal", "lookup_secret_confirm", "lookup_secret_disable"];
const ownSettings = (body: SubmitBody) => SWITCHES.some((name) => bodyFlag(body, name));

/** Recovery codes as a second factor (aal2). */
export const lookupSecretLogin: LoginStrategy = {
  id: "lookup_secret",
  factor: "second",
  nodes: (_ctx, _flow, env) => (lookupCredential(env.identity) ? lookupLoginNodes() : []),
  limits: (ctx, body, caller) =>
    ownLogin(body) && caller ? [{ projectId: ctx.project.id, rule: "second_factor:identity", subject: caller.identity.id, overrides: flowSettings(ctx.project.config).rateLimits, now: ctx.now }] : [],
  login: async (ctx, _flow, body, env) => (ownLogin(body) ? submitLookupLogin(ctx, body, env) : NOT_RESPONSIBLE),
};

/** Generate, confirm, reveal and disable recovery codes. */
export const lookupSecretSettings: SettingsStrategy = {
  id: "lookup_secret",
  nodes: lookupSettingsNodes,
  update: async (ctx, flow, body, env) => (ownSettings(body) ? submitLookupSettings(ctx, flow, body, env) : NOT_RESPONSIBLE),
};
