import { z } from "zod";
import { configAt } from "@/lib/courier";

const authSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("api_key"), config: z.object({ name: z.string().min(1), value: z.string(), in: z.enum(["header", "cookie"]).default("header") }) }),
  z.object({ type: z.literal("basic_auth"), config: z.object({ user: z.string(), password: z.string() }) }),
]);

/** Kratos' `web_hook` hook config (`{hook: "web_hook", config: {...}}`); `signing_secret` is our addition. */
export const webHookConfigSchema = z.object({
  url: z.string().url(),
  method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"]).default("POST"),
  body: z.union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown())]).optional(),
  can_interrupt: z.boolean().default(false),
  response: z.object({ ignore: z.boolean().default(false), parse: z.boolean().default(false) }).default({ ignore: false, parse: false }),
  auth: authSchema.optional(),
  headers: z.record(z.string(), z.string()).optional(),
  signing_secret: z.string().min(16).optional(),
  timeout_ms: z.number().int().min(100).max(30_000).default(10_000),
});
export type WebHookConfig = z.infer<typeof webHookConfigSchema>;

const hookList = z.array(z.object({ hook: z.string(), config: z.unknown().optional() }));

export type HookPhase = "before" | "after";

/**
 * The web hooks configured for a flow phase: `selfservice.flows.<flow>.<phase>.hooks` plus, after, the method's own
 * `selfservice.flows.<flow>.after.<method>.hooks` (Kratos' layout). Other hook types (session, revoke_active_sessions,
 * show_verification_ui, …) are built-in behaviour here and skipped.
 */
export function webHooksFor(projectConfig: unknown, flow: string, phase: HookPhase, method?: string): readonly WebHookConfig[] {
  if (!projectConfig || typeof projectConfig !== "object") return readWebHooks(projectConfig, flow, phase, method);
  let byPhase = cache.get(projectConfig);
  if (!byPhase) {
    byPhase = new Map();
    cache.set(projectConfig, byPhase);
  }
  const key = `${flow} ${phase} ${method ?? ""}`;
  let hooks = byPhase.get(key);
  if (!hooks) {
    hooks = readWebHooks(projectConfig, flow, phase, method);
    byPhase.set(key, hooks);
  }
  return hooks;
}

// Every flow request asks (before and after hooks): parsed once per config object, flow, phase and method.
const cache = new WeakMap<object, Map<string, readonly WebHookConfig[]>>();

function readWebHooks(projectConfig: unknown, flow: string, phase: HookPhase, method?: string): readonly WebHookConfig[] {
  const base = ["services", "identity", "config", "selfservice", "flows", flow, phase];
  const lists = [configAt(projectConfig, [...base, "hooks"]), ...(phase === "after" && method ? [configAt(projectConfig, [...base, method, "hooks"])] : [])];
  const hooks: WebHookConfig[] = [];
  for (const list of lists) {
    const parsed = hookList.safeParse(list ?? []);
    if (!parsed.success) continue;
    for (const entry of parsed.data) {
      if (entry.hook !== "web_hook") continue;
      const config = webHookConfigSchema.safeParse(entry.config);
      if (config.success) hooks.push(config.data);
    }
  }
  return hooks;
}

/** The project-wide signing secret (`selfservice.webhook_signing_secret`, our addition), used when a hook has none. */
export function projectSigningSecret(projectConfig: unknown): string | undefined {
  const value = configAt(projectConfig, ["services", "identity", "config", "selfservice", "webhook_signing_secret"]);
  return typeof value === "string" && value.length >= 16 ? value : undefined;
}
