import { configAt } from "@/lib/courier";
import type { LoginStrategy } from "../flows/login/strategy";
import type { RecoveryStrategy } from "../flows/recovery/strategy";
import type { RegistrationStrategy } from "../flows/registration/strategy";
import type { SettingsStrategy } from "../flows/settings/strategy";
import type { MethodId } from "../flows/strategy";
import type { FlowContext } from "../flows/types";
import type { VerificationStrategy } from "../flows/verification/strategy";
import { codeLogin, codeRecovery, codeRegistration, codeVerification } from "./code";
import { identifierFirstLogin } from "./identifier-first";
import { linkRecovery, linkVerification } from "./link";
import { passwordLogin, passwordRegistration, passwordSettings } from "./password";
import { lookupSecretLogin, lookupSecretSettings } from "./lookup-secret";
import { profileSettings } from "./profile";
import { totpLogin, totpSettings } from "./totp";
import { passkeyLogin, passkeyRegistration, passkeySettings } from "./passkey";
import { webAuthnLogin, webAuthnSettings } from "./webauthn";

/**
 * The built-in methods of each flow kind, in the order their nodes appear (Kratos' strategy registry). A new method
 * adds its strategy objects here and its `selfservice.methods.<id>` default below; flows never name a method.
 */
const builtIn = {
  login: [identifierFirstLogin, passwordLogin, passkeyLogin, codeLogin, totpLogin, webAuthnLogin, lookupSecretLogin] as readonly LoginStrategy[],
  registration: [passwordRegistration, passkeyRegistration, codeRegistration] as readonly RegistrationStrategy[],
  settings: [profileSettings, passwordSettings, totpSettings, webAuthnSettings, passkeySettings, lookupSecretSettings] as readonly SettingsStrategy[],
  recovery: [codeRecovery, linkRecovery] as readonly RecoveryStrategy[],
  verification: [codeVerification, linkVerification] as readonly VerificationStrategy[],
};
export type StrategiesByKind = { [K in keyof typeof builtIn]: readonly (typeof builtIn)[K][number][] };

/** Kratos' defaults for `selfservice.methods.<id>.enabled` when a project's config does not say. */
const enabledByDefault: Record<MethodId, boolean> = {
  password: true, profile: true, code: true, link: false, totp: false, lookup_secret: false, webauthn: false, passkey: false,
  // identifier_first is switched by `selfservice.flows.login.style` (its strategy's `available`), as in Kratos.
  oidc: false, saml: false, identifier_first: true,
};

/** Whether a method is switched on in the project's Kratos config (`selfservice.methods.<id>.enabled`). */
export function methodEnabled(projectConfig: unknown, id: MethodId): boolean {
  const enabled = configAt(projectConfig, ["services", "identity", "config", "selfservice", "methods", id, "enabled"]);
  return typeof enabled === "boolean" ? enabled : enabledByDefault[id];
}

// Every flow request asks: the lists are computed once per config object.
const cache = new WeakMap<object, StrategiesByKind>();

/** The strategies of every flow kind that the project has enabled. */
export function projectStrategies(ctx: Pick<FlowContext, "project">): StrategiesByKind {
  const config = ctx.project.config;
  const key = config && typeof config === "object" ? config : undefined;
  const cached = key && cache.get(key);
  if (cached) return cached;
  const on = <S extends { id: MethodId; available?(projectConfig: unknown): boolean }>(list: readonly S[]) =>
    list.filter((strategy) => methodEnabled(config, strategy.id) && (strategy.available?.(config) ?? true));
  const lists: StrategiesByKind = {
    login: on(builtIn.login), registration: on(builtIn.registration), settings: on(builtIn.settings),
    recovery: on(builtIn.recovery), verification: on(builtIn.verification),
  };
  if (key) cache.set(key, lists);
  return lists;
}

export { issueCode, redeemCode } from "./code/codes";
export { sendCode } from "./code/send";
