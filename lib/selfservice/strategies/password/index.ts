import { bodyString } from "../../flows/body";
import { NOT_RESPONSIBLE, type Strategy } from "../strategy";
import { loginLimits, loginNodes, loginPrefetch, submitLogin } from "./login";
import { registrationNodes, submitRegistration } from "./registration";
import { settingsNodes, submitSettings } from "./settings";

/** The password method for login, registration and settings. */
export const passwordStrategy: Strategy = {
  id: "password",
  kinds: ["login", "registration", "settings"],
  nodes(ctx, flow, env) {
    if (flow.kind === "login") return loginNodes(ctx, flow, env);
    if (flow.kind === "registration") return registrationNodes(ctx, flow);
    return settingsNodes();
  },
  limits(ctx, kind, body) {
    return kind === "login" && bodyString(body, "method") === "password" ? loginLimits(ctx, body) : [];
  },
  prefetch(ctx, kind, body) {
    return kind === "login" && bodyString(body, "method") === "password" ? loginPrefetch(ctx, body) : undefined;
  },
  async submit(ctx, flow, body, env) {
    if (bodyString(body, "method") !== "password") return NOT_RESPONSIBLE;
    if (flow.kind === "login") return submitLogin(ctx, flow, body, env);
    if (flow.kind === "registration") return submitRegistration(ctx, flow, body);
    return submitSettings(ctx, flow, body, env);
  },
};
