import { z } from "zod";
import { HOST_PATTERN } from "../match/host";

/**
 * An access rule as Oathkeeper writes it (`rule` in oathkeeper's OpenAPI document), plus our `priority`
 * (higher wins where rules overlap) and `match.host`. Handler configs are validated per handler
 * (validate.ts); here they are only objects.
 */
const METHOD = /^[A-Za-z]{1,20}$/;

export const handlerRefSchema = z
  .object({
    handler: z.string().min(1).max(64),
    config: z.record(z.string(), z.unknown()).nullish().transform((c) => c ?? {}),
  })
  .strict();

/** Oathkeeper's API writes an absent upstream as `{url: "", strip_path: ""}`: a rule read back must be writable. */
const emptyAsAbsent = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" ? undefined : value), schema);

export const upstreamSchema = z
  .object({
    url: emptyAsAbsent(z
      .string()
      .max(2048)
      .refine((value) => {
        try {
          const url = new URL(value);
          return (url.protocol === "http:" || url.protocol === "https:") && !url.username && !url.password && !url.search && !url.hash;
        } catch {
          return false;
        }
      }, "must be an absolute http(s) URL without credentials, query or fragment")
      .optional()),
    strip_path: emptyAsAbsent(z.string().max(1024).regex(/^\//, "must start with /").optional()),
    preserve_host: z.boolean().default(false),
  })
  .strict();

export const matchSchema = z
  .object({
    url: z.string().min(1).max(2048),
    methods: z.array(z.string().regex(METHOD, "must be an HTTP method").transform((m) => m.toUpperCase())).min(1).max(16),
    host: z.string().max(260).regex(HOST_PATTERN, "must be a host name, optionally *.-prefixed and with :port").optional(),
  })
  .strict();

/** The pipeline part of a rule (also the shape of a project's default rule). */
export const pipelineSchema = z.object({
  upstream: upstreamSchema.optional(),
  authenticators: z.array(handlerRefSchema).min(1, "at least one authenticator is required").max(16),
  authorizer: handlerRefSchema,
  mutators: z.array(handlerRefSchema).min(1, "at least one mutator is required").max(16),
  errors: z.array(handlerRefSchema).max(16).default([]),
});

export const ruleInputSchema = pipelineSchema
  .extend({
    id: z
      .string()
      .min(1)
      .max(190)
      .regex(/^[^\s/?#%\\]+$/, "must not contain whitespace, /, ?, #, % or \\")
      .optional(),
    version: z.string().max(64).optional(),
    description: z.string().max(2048).default(""),
    priority: z.number().int().min(-1_000_000).max(1_000_000).default(0),
    match: matchSchema,
  })
  .strict();

export const defaultRuleSchema = pipelineSchema.strict();

/** The id under which the default rule appears (verdicts, broken rules, secret encryption context). */
export const DEFAULT_RULE_ID = "(default)";

export type RuleInput = z.input<typeof ruleInputSchema>;
export type RuleDocument = z.output<typeof ruleInputSchema> & { id: string };
export type PipelineDocument = z.output<typeof pipelineSchema>;
export type HandlerRef = z.output<typeof handlerRefSchema>;

export const matchingStrategySchema = z.enum(["regexp", "glob"]);

export const settingsInputSchema = z
  .object({
    matching_strategy: matchingStrategySchema.optional(),
    default_rule: defaultRuleSchema.nullable().optional(),
  })
  .strict();
