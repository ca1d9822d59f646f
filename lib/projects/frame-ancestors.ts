import { z } from "zod";

/**
 * Origins allowed to frame a project's hosted pages (CSP `frame-ancestors`, Ory's hosted UI service config:
 * `services.account_experience.config.frame_ancestors`). Empty by default: nobody may frame them. Each entry is
 * a serialised origin (`https://app.example.com`, WHATWG URL §origin): scheme http(s), host, optional port, no
 * path, no wildcard.
 */
export const frameAncestorsSchema = z
  .array(
    z.string().max(2048).refine((value) => {
      try {
        const url = new URL(value);
        return (url.protocol === "https:" || url.protocol === "http:") && url.origin === value;
      } catch {
        return false;
      }
    }, "An origin is scheme://host[:port] (http or https), lower-case, without a path or a trailing slash."),
  )
  .max(50);

/** The hosted UI service's config as stored: `frame_ancestors` validated, everything else kept as it is. */
export const accountExperienceConfigSchema = z.looseObject({ frame_ancestors: frameAncestorsSchema.optional() });

/** The origins a stored project config lets frame its hosted pages (invalid or missing: none). */
export function frameAncestors(config: unknown): string[] {
  const services = (config as { services?: { account_experience?: { config?: { frame_ancestors?: unknown } } } } | null)?.services;
  const parsed = frameAncestorsSchema.safeParse(services?.account_experience?.config?.frame_ancestors ?? []);
  return parsed.success ? parsed.data : [];
}
