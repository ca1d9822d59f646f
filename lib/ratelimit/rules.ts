import { z } from "zod";
import type { RateLimitRule } from "./types";

/** The protected actions and their defaults (per project; counted per IP and per identifier). */
export const defaultRules = {
  "login:ip": { limit: 60, windowSeconds: 60 },
  "login:identifier": { limit: 10, windowSeconds: 300 },
  "registration:ip": { limit: 20, windowSeconds: 600 },
  "recovery:ip": { limit: 20, windowSeconds: 600 },
  "recovery:address": { limit: 5, windowSeconds: 600 },
  "verification:ip": { limit: 20, windowSeconds: 600 },
  "verification:address": { limit: 5, windowSeconds: 600 },
  "code:ip": { limit: 30, windowSeconds: 60 },
  "code:flow": { limit: 10, windowSeconds: 600 },
  /** Passwordless login / registration codes sent to one address (mail bombing, SMS cost). */
  "code:address": { limit: 5, windowSeconds: 600 },
  /** Second-factor codes (TOTP, recovery codes) per identity, at login and when enrolling: 10^6 codes, 3 valid at a time. */
  "second_factor:identity": { limit: 10, windowSeconds: 300 },
  /** RFC 8628 §5.1: device user-code entries (a user code has ~34 bits), per IP and per device challenge (one code entry page). */
  "device:ip": { limit: 30, windowSeconds: 600 },
  "device:challenge": { limit: 5, windowSeconds: 900 },
  /** Console: invitation emails (new and resent) per workspace, counted on the platform project. */
  "invite:workspace": { limit: 20, windowSeconds: 3600 },
  /** Console: invitations accepted with a new password (an argon2id hash each) per IP, on the platform project. */
  "invite:accept:ip": { limit: 20, windowSeconds: 600 },
  /** apiKeys:selfRevoke (no admin credential; imported keys may be short) per IP. */
  "api_key_self_revoke:ip": { limit: 30, windowSeconds: 60 },
} satisfies Record<string, RateLimitRule>;

export type RuleName = keyof typeof defaultRules;

const overrideSchema = z.record(z.string(), z.object({ limit: z.number().int().min(1).max(1_000_000), window_seconds: z.number().int().min(1).max(86_400) }));

type Overrides = z.infer<typeof overrideSchema>;
const parsedCache = new WeakMap<object, Overrides | undefined>();

/** The overrides validated once per config object (undefined when invalid: the defaults apply). */
function parsedOverrides(overrides: unknown): Overrides | undefined {
  if (!overrides || typeof overrides !== "object") return undefined;
  if (parsedCache.has(overrides)) return parsedCache.get(overrides);
  const parsed = overrideSchema.safeParse(overrides);
  parsedCache.set(overrides, parsed.success ? parsed.data : undefined);
  return parsed.success ? parsed.data : undefined;
}

/**
 * The rule in force: the project may override a default through `services.identity.config.rate_limits`
 * (our addition; `{"login:identifier": {"limit": 5, "window_seconds": 60}}`).
 */
export function ruleFor(name: RuleName, overrides: unknown): RateLimitRule {
  const override = parsedOverrides(overrides)?.[name];
  return override ? { limit: override.limit, windowSeconds: override.window_seconds } : defaultRules[name];
}
