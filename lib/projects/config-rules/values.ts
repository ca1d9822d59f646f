import { z } from "zod";
import { parseGoDuration } from "@/lib/core/duration";

const HOUR = 3_600_000;
const format = (ms: number) => (ms % HOUR === 0 ? `${ms / HOUR}h` : `${ms / 1000}s`);

/** A Go duration (time.ParseDuration, lib/core's one parser) between `min` and `max` milliseconds: "forever" and "-1h" are refused. */
export const goDuration = (min = 1_000, max = 87_600 * HOUR) =>
  z.string().max(64).superRefine((value, ctx) => {
    const ms = parseGoDuration(value);
    if (ms === undefined) ctx.addIssue({ code: "custom", message: `"${value.slice(0, 64)}" is not a duration such as "30m", "1h" or "72h" (Go's format).` });
    else if (ms < min || ms > max) ctx.addIssue({ code: "custom", message: `must be between ${format(min)} and ${format(max)}.` });
  });

const isHttpUrl = (value: string) => {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
  } catch {
    return false;
  }
};

// A path on the project base URL (`/ui/login`), never `//host` (a scheme-relative URL) or a backslash trick.
// eslint-disable-next-line no-control-regex -- control characters are what it refuses
const isRelativePath = (value: string) => value.startsWith("/") && !value.startsWith("//") && !value.includes("\\") && !/[\s\u0000-\u001f]/.test(value);

/** Where a browser is sent: an absolute http(s) URL or a path on the project base URL; never `javascript:`, `data:`, … */
export const navigableUrl = () =>
  z.string().max(2048).refine((value) => isRelativePath(value) || isHttpUrl(value), {
    message: "must be an http(s) URL or a path starting with / (no javascript:, data: or other schemes).",
  });

/** Kratos' `allowed_return_urls`: http(s) URLs (a `*.` host wildcard is allowed, as Kratos does) or paths. */
export const returnUrlPattern = () =>
  z.string().max(2048).refine((value) => isRelativePath(value) || isHttpUrl(value.replace("://*.", "://wildcard.")), {
    message: "must be an http(s) URL (optionally with a *. subdomain wildcard) or a path starting with /.",
  });

export const integer = (min: number, max: number) => z.number().int().min(min).max(max);

export const hostName = () => z.string().max(253).regex(/^(https?:\/\/)?[a-z0-9.-]+(:\d{1,5})?\/?$/i, "must be a host name.");

/** Kratos' courier connection URI: smtp:// or smtps:// (the mail server itself is reached through the SSRF guard). */
export const smtpUri = () =>
  z.string().max(2048).refine((value) => {
    try {
      return ["smtp:", "smtps:"].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, { message: "must be an smtp:// or smtps:// URI." });
