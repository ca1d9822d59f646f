import { z } from "zod";
import { configAt } from "@/lib/courier";
import { flowSettings } from "../flows/config";
import type { FlowKind } from "../flows/types";
import type { HookSpec } from "./types";

const hookList = z.array(z.object({ hook: z.string(), config: z.unknown().optional() }));

const afterPath = (kind: FlowKind) => ["services", "identity", "config", "selfservice", "flows", kind, "after"];

/** A configured hook list; undefined when the config has none at that place (or not a list of hooks). */
function listAt(projectConfig: unknown, path: string[]): HookSpec[] | undefined {
  const raw = configAt(projectConfig, path);
  if (raw === undefined) return undefined;
  const parsed = hookList.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

const has = (specs: HookSpec[], name: string) => specs.some((spec) => spec.hook === name);
const withoutBuiltIns = (specs: HookSpec[], builtIns: string[]) => specs.filter((spec) => !builtIns.includes(spec.hook));

/**
 * The hooks run after a flow of `kind` succeeded with `method`, in order: Kratos' `selfservice.flows.<kind>.after.hooks`
 * then `…after.<method>.hooks` as the project config stores them, with the steps Kratos (and Portcullis) always take
 * put in their place:
 * - login: the configured hooks (web_hook, revoke_active_sessions, require_verified_address) see the session before it
 *   is stored; then `session` stores it, `login_notification` mails the identity when
 *   `selfservice.flows.login.notify_new_sign_in` is true, and `oauth2_login_challenge` accepts an OAuth2 login challenge.
 * - registration: `web_hook`s run before the identity is stored (they may veto or amend it); then `session` when
 *   configured — or when the method has no hook list of its own at all, as Portcullis always did —, `verification`
 *   (codes to unverified addresses, when the verification flow is enabled), `show_verification_ui` (browsers go on to
 *   verify; always on here, a Portcullis default) and `oauth2_login_challenge`.
 * - recovery: `session` first (recovery signs in), then the configured hooks.
 * - settings, verification: the configured hooks.
 * Hooks Portcullis does not know are skipped.
 */
export function afterHooks(projectConfig: unknown, kind: FlowKind, method: string): readonly HookSpec[] {
  if (!projectConfig || typeof projectConfig !== "object") return resolve(projectConfig, kind, method);
  let byKey = cache.get(projectConfig);
  if (!byKey) cache.set(projectConfig, (byKey = new Map()));
  const key = `${kind} ${method}`;
  let specs = byKey.get(key);
  if (!specs) byKey.set(key, (specs = resolve(projectConfig, kind, method)));
  return specs;
}

// Every completed flow asks: resolved once per config object, kind and method.
const cache = new WeakMap<object, Map<string, readonly HookSpec[]>>();

function resolve(projectConfig: unknown, kind: FlowKind, method: string): HookSpec[] {
  const forMethod = listAt(projectConfig, [...afterPath(kind), method, "hooks"]);
  const configured = [...(listAt(projectConfig, [...afterPath(kind), "hooks"]) ?? []), ...(forMethod ?? [])];
  const settings = flowSettings(projectConfig);
  switch (kind) {
    case "login": {
      const notify = configAt(projectConfig, [...afterPath(kind).slice(0, -1), "notify_new_sign_in"]) === true;
      return [
        ...withoutBuiltIns(configured, ["session", "login_notification", "oauth2_login_challenge"]),
        { hook: "session" },
        ...(notify ? [{ hook: "login_notification" }] : []),
        { hook: "oauth2_login_challenge" },
      ];
    }
    case "registration": {
      const session = has(configured, "session") || forMethod === undefined;
      return [
        ...withoutBuiltIns(configured, ["session", "verification", "show_verification_ui", "oauth2_login_challenge"]),
        ...(session ? [{ hook: "session" }] : []),
        ...(settings.enabled("verification") ? [{ hook: "verification" }, { hook: "show_verification_ui" }] : []),
        { hook: "oauth2_login_challenge" },
      ];
    }
    case "recovery":
      return [{ hook: "session" }, ...withoutBuiltIns(configured, ["session"])];
    default:
      return configured;
  }
}
