import { configAt } from "@/lib/courier";
import { configDurationMs } from "@/lib/core/duration";
import type { FlowKind } from "./types";

/** `selfservice` and method settings of a project's Kratos config, with Kratos' defaults. */
export interface FlowSettings {
  lifespanMs(kind: FlowKind): number;
  uiUrl(kind: FlowKind | "error" | "welcome"): string | undefined;
  defaultReturnUrl(kind?: FlowKind): string | undefined;
  allowedReturnUrls: string[];
  codeLifespanMs: number;
  /** Kratos' `selfservice.methods.link.config.lifespan` (default 1h). */
  linkLifespanMs: number;
  /**
   * Kratos' `selfservice.flows.<recovery|verification>.use`: which method the flow offers (default code; `link`
   * only while `selfservice.methods.link.enabled`).
   */
  use(kind: "recovery" | "verification"): "code" | "link";
  privilegedSessionMaxAgeMs: number;
  /** Kratos' `selfservice.flows.settings.required_aal` (default highest_available). */
  settingsRequiredAal: "aal1" | "highest_available";
  enabled(kind: "recovery" | "verification" | "registration"): boolean;
  notifyUnknownRecipients: boolean;
  rateLimits: unknown;
}

const str = (value: unknown) => (typeof value === "string" && value ? value : undefined);

const cache = new WeakMap<object, FlowSettings>();

/** The flow settings of a project config, read once per config object (every flow request asks for them). */
export function flowSettings(projectConfig: unknown): FlowSettings {
  if (!projectConfig || typeof projectConfig !== "object") return readFlowSettings(projectConfig);
  let settings = cache.get(projectConfig);
  if (!settings) {
    settings = readFlowSettings(projectConfig);
    cache.set(projectConfig, settings);
  }
  return settings;
}

function readFlowSettings(projectConfig: unknown): FlowSettings {
  const kratos = configAt(projectConfig, ["services", "identity", "config"]);
  const self = (...path: string[]) => configAt(kratos, ["selfservice", ...path]);
  const allowed = self("allowed_return_urls");
  return {
    lifespanMs: (kind) => configDurationMs(self("flows", kind, "lifespan"), "1h"),
    uiUrl: (kind) => str(self("flows", kind, "ui_url")),
    defaultReturnUrl: (kind) => (kind ? str(self("flows", kind, "after", "default_browser_return_url")) : undefined) ?? str(self("default_browser_return_url")),
    allowedReturnUrls: Array.isArray(allowed) ? allowed.filter((u): u is string => typeof u === "string") : [],
    codeLifespanMs: configDurationMs(self("methods", "code", "config", "lifespan"), "15m"),
    linkLifespanMs: configDurationMs(self("methods", "link", "config", "lifespan"), "1h"),
    use: (kind) => (self("flows", kind, "use") === "link" && self("methods", "link", "enabled") === true ? "link" : "code"),
    privilegedSessionMaxAgeMs: configDurationMs(self("flows", "settings", "privileged_session_max_age"), "15m"),
    settingsRequiredAal: self("flows", "settings", "required_aal") === "aal1" ? "aal1" : "highest_available",
    enabled: (kind) => self("flows", kind, "enabled") !== false,
    notifyUnknownRecipients: self("flows", "recovery", "notify_unknown_recipients") === true,
    rateLimits: configAt(kratos, ["rate_limits"]),
  };
}
