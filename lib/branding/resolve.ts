import { defaultBranding } from "./defaults";
import { brandingSchema, type Branding } from "./schema";

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

/** Defaults under the stored values, so a partial `config.branding` (just a primary colour) is complete. */
function withDefaults(raw: Json): Json {
  return {
    ...defaultBranding,
    ...raw,
    light: { ...defaultBranding.light, ...(isObject(raw.light) ? raw.light : {}) },
    dark: { ...defaultBranding.dark, ...(isObject(raw.dark) ? raw.dark : {}) },
  };
}

function valueAt(path: PropertyKey[], source: unknown): unknown {
  return path.reduce<unknown>((node, key) => (isObject(node) ? node[key as string] : undefined), source);
}

function replaceAt(target: Json, path: PropertyKey[], value: unknown): void {
  let node: Json = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key as string];
    if (!isObject(next)) return;
    node = next;
  }
  node[path[path.length - 1] as string] = value;
}

/** Where the branding lives in the project config: Ory Network's hosted-UI service, `account_experience`. */
export const BRANDING_CONFIG_PATH = ["services", "account_experience", "config", "branding"] as const;

/** The stored (unvalidated) branding object of a project config, or `{}`. */
export function storedBranding(config: unknown): Json {
  const raw = valueAt([...BRANDING_CONFIG_PATH], config);
  return isObject(raw) ? raw : {};
}

/**
 * The effective branding of a project from its config (`services.account_experience.config.branding`).
 * Never throws: fields that fail validation (e.g. written before a rule tightened) fall back to their
 * defaults one by one.
 */
export function resolveBranding(config: unknown): Branding {
  const raw = storedBranding(config);
  const candidate = withDefaults(raw);
  const first = brandingSchema.safeParse(candidate);
  if (first.success) return first.data;
  for (const issue of first.error.issues) replaceAt(candidate, issue.path, valueAt(issue.path, defaultBranding));
  const second = brandingSchema.safeParse(candidate);
  return second.success ? second.data : defaultBranding;
}
