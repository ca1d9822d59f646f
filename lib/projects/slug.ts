import { randomBytes } from "node:crypto";
import { z } from "zod";

/** A DNS label (RFC 1035 §2.3.1, lower case): slugs become `{slug}.{BASE_DOMAIN}` host names. */
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Slugs that would shadow platform paths or host names. */
const RESERVED = new Set(["api", "console", "admin", "www", "app", "static", "assets", "p", "setup", "health", "status", "well-known"]);

export const slugSchema = z
  .string()
  .min(3, "A slug has at least 3 characters.")
  .max(63)
  .regex(SLUG_PATTERN, "A slug uses a-z, 0-9 and inner hyphens only.")
  .refine((slug) => !RESERVED.has(slug), "This slug is reserved.");

/** Turns a project name into a slug stem: ASCII-folded, lower case, hyphen-separated. */
export function slugStem(name: string): string {
  const stem = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  return stem.length >= 3 && !RESERVED.has(stem) ? stem : `project${stem ? "-" + stem : ""}`;
}

/** Candidate slugs for a name, like Ory's `{adjective}-{noun}-{hash}`: the stem plus a random suffix. */
export function slugCandidate(name: string): string {
  return `${slugStem(name)}-${randomBytes(3).toString("hex")}`;
}
