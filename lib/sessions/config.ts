import { configDurationMs } from "@/lib/core/duration";
import { kratosConfig, objectAt } from "@/lib/identity/config";

export interface SessionSettings {
  lifespanMs: number;
  /** A session can be extended once less than this much of its life is left (Kratos `earliest_possible_extend`). */
  earliestPossibleExtendMs: number;
  privilegedMaxAgeMs: number;
  requiredAal: "aal1" | "highest_available";
  cookie: { name: string; persistent: boolean; sameSite: "Lax" | "Strict" | "None"; domain?: string; path?: string };
}

type SessionProject = { config: unknown; slug: string };

// Read on every whoami: parsed once per config object (a changed project config is a new object).
const cache = new WeakMap<object, { slug: string; settings: SessionSettings }>();

/** Kratos' `session.*` and `selfservice.flows.settings.privileged_session_max_age`, with Kratos' defaults. */
export function sessionSettings(project: SessionProject): SessionSettings {
  const key = project.config && typeof project.config === "object" ? (project.config as object) : undefined;
  const hit = key ? cache.get(key) : undefined;
  if (hit && hit.slug === project.slug) return hit.settings;
  const settings = readSessionSettings(project);
  if (key) cache.set(key, { slug: project.slug, settings });
  return settings;
}

function readSessionSettings(project: SessionProject): SessionSettings {
  const config = kratosConfig(project);
  const session = objectAt(config, ["session"]);
  const cookie = objectAt(session, ["cookie"]);
  const settingsFlow = objectAt(config, ["selfservice", "flows", "settings"]);
  const lifespanMs = configDurationMs(session.lifespan, "24h");
  const sameSite = cookie.same_site === "Strict" || cookie.same_site === "None" ? cookie.same_site : "Lax";
  return {
    lifespanMs,
    earliestPossibleExtendMs: Math.min(lifespanMs, configDurationMs(session.earliest_possible_extend, `${lifespanMs}ms`)),
    privilegedMaxAgeMs: configDurationMs(settingsFlow.privileged_session_max_age, "15m"),
    requiredAal: objectAt(session, ["whoami"]).required_aal === "aal1" ? "aal1" : "highest_available",
    cookie: {
      name: typeof cookie.name === "string" && /^[A-Za-z0-9_.-]{1,64}$/.test(cookie.name) ? cookie.name : defaultCookieName(project.slug),
      persistent: cookie.persistent !== false,
      sameSite,
      ...(typeof cookie.domain === "string" && cookie.domain ? { domain: cookie.domain } : {}),
      ...(typeof cookie.path === "string" && cookie.path.startsWith("/") ? { path: cookie.path } : {}),
    },
  };
}

/** `ory_session_<slug>` (slug characters are cookie-name safe; dashes become underscores as on Ory Network). */
export const defaultCookieName = (slug: string): string => `ory_session_${slug.replace(/-/g, "_")}`;
