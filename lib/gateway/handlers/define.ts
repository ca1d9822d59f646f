import { z } from "zod";
import { parseGoDuration } from "@/lib/core/duration";
import { configuredOutboundPolicy } from "@/lib/core/outbound-fetch";
import { outboundUrlProblem } from "@/lib/core/outbound-guard";
import type { MatchingStrategy } from "../match/compile-url";
import { compileTemplate, templateError, type Template } from "../template";

/**
 * A pipeline handler: its name, the zod schema of its `config` (validated on rule write, so a rule that
 * is stored always compiles) and `compile`, which turns a parsed config into the function run per request.
 */
export interface HandlerDefinition<Runtime> {
  name: string;
  config: z.ZodType;
  compile(config: unknown, context: CompileContext): Runtime;
}

export interface CompileContext {
  strategy: MatchingStrategy;
}

export function defineHandler<Schema extends z.ZodType, Runtime>(
  name: string,
  config: Schema,
  compile: (config: z.output<Schema>, context: CompileContext) => Runtime,
): HandlerDefinition<Runtime> {
  return { name, config, compile: (raw, context) => compile(raw as z.output<Schema>, context) };
}

/** A config field holding a Go template; an unparsable template fails validation with its parse error. */
export const templateString = (max = 4096) =>
  z.string().max(max).superRefine((source, ctx) => {
    const error = templateError(source);
    if (error) ctx.addIssue({ code: "custom", message: `invalid template: ${error}` });
  });

export const compileTemplates = <K extends string>(values: Record<K, string>): Record<K, Template> =>
  Object.fromEntries(Object.entries<string>(values).map(([key, source]) => [key, compileTemplate(source)])) as Record<K, Template>;

/**
 * An absolute http(s) URL without credentials that Portcullis never fetches: `id_token`'s `issuer_url` (a claim
 * value) and `redirect`'s `to` (where the browser goes). Private and loopback addresses are fine here (self-hosted
 * intranets sign in at `http://10.0.0.5/…`): the SSRF guard protects Portcullis' own outbound calls, not browsers.
 */
export const absoluteHttpUrl = z
  .string()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "http:" || url.protocol === "https:") && !url.username && !url.password;
    } catch {
      return false;
    }
  }, "must be an absolute http(s) URL without credentials");

/**
 * An absolute http(s) URL of an outbound call (JWKS, hydrator, remote_json). A literal private, loopback or
 * link-local address is refused here unless GATEWAY_OUTBOUND_ALLOW allows it; names are checked on every fetch.
 */
export const httpUrl = absoluteHttpUrl.superRefine((value, ctx) => {
  const problem = URL.canParse(value) ? outboundUrlProblem(value, configuredOutboundPolicy()) : undefined;
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

/** Oathkeeper's `token_from`: where a bearer credential is read (Authorization: Bearer by default). */
export const tokenFromSchema = z
  .union([
    z.object({ header: z.string().min(1).max(256) }).strict(),
    z.object({ query_parameter: z.string().min(1).max(256) }).strict(),
    z.object({ cookie: z.string().min(1).max(256) }).strict(),
  ])
  .optional();

/** Oathkeeper's / Hydra's scope strategies for `required_scope`. */
export const scopeStrategySchema = z.enum(["hierarchic", "exact", "wildcard", "none"]).default("none");

/** Durations as Oathkeeper writes them: non-negative Go durations (`30s`, `5m`, `1m30s`, `100ms`; lib/core's parser). */
export const durationSchema = z.string().refine((value) => (parseGoDuration(value) ?? -1) >= 0, "must be a duration like 30s, 5m or 1h");
export function durationMs(value: string | undefined, fallbackMs: number): number {
  const ms = parseGoDuration(value);
  return ms === undefined || ms < 0 ? fallbackMs : Math.round(ms);
}
