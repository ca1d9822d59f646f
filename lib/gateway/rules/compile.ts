import type { z } from "zod";
import { handlerDefinition, type HandlerStage } from "../handlers/registry";
import type { CompileContext } from "../handlers/define";
import { compileUrlPattern, type MatchingStrategy, type UrlMatcher } from "../match/compile-url";
import { compileHost, type HostMatcher } from "../match/host";
import type { Authenticator, Authorizer, ErrorHandler, Mutator } from "../pipeline/types";
import type { HandlerRef, PipelineDocument, RuleDocument } from "./schema";

export interface Named<T> {
  name: string;
  run: T;
}

export interface CompiledPipeline {
  authenticators: Named<Authenticator>[];
  authorizer: Named<Authorizer>;
  mutators: Named<Mutator>[];
  errors: Named<ErrorHandler>[];
  upstream?: { url: URL; stripPath?: string; preserveHost: boolean };
}

export interface CompiledRule extends CompiledPipeline {
  id: string;
  priority: number;
  document: RuleDocument;
  methods: Set<string>;
  url: UrlMatcher;
  host?: HostMatcher;
}

/** A problem found while compiling a rule: where (`authenticators.0.config.jwks_urls`) and what. */
export interface RuleIssue {
  path: string;
  message: string;
}

export class RuleCompileError extends Error {
  constructor(readonly issues: RuleIssue[]) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join("; "));
    this.name = "RuleCompileError";
  }
}

const prefixed = (path: string, issues: z.core.$ZodIssue[]): RuleIssue[] =>
  issues.map((issue) => ({ path: [path, ...issue.path.map(String)].join("."), message: issue.message }));

function compileHandler<T>(stage: HandlerStage, ref: HandlerRef, path: string, context: CompileContext, issues: RuleIssue[]): Named<T> | undefined {
  const definition = handlerDefinition(stage, ref.handler);
  if (!definition) {
    issues.push({ path: `${path}.handler`, message: `unknown ${stage === "authorizer" ? "authorizer" : stage.replace(/s$/, "")} "${ref.handler}"` });
    return undefined;
  }
  const parsed = definition.config.safeParse(ref.config);
  if (!parsed.success) {
    issues.push(...prefixed(`${path}.config`, parsed.error.issues));
    return undefined;
  }
  try {
    return { name: ref.handler, run: definition.compile(parsed.data, context) as T };
  } catch (error) {
    issues.push({ path: `${path}.config`, message: (error as Error).message });
    return undefined;
  }
}

/** Compiles the pipeline part of a rule; collects every issue instead of stopping at the first. */
export function compilePipeline(doc: PipelineDocument, context: CompileContext, issues: RuleIssue[]): CompiledPipeline | undefined {
  const authenticators = doc.authenticators.map((ref, i) => compileHandler<Authenticator>("authenticators", ref, `authenticators.${i}`, context, issues));
  const authorizer = compileHandler<Authorizer>("authorizer", doc.authorizer, "authorizer", context, issues);
  const mutators = doc.mutators.map((ref, i) => compileHandler<Mutator>("mutators", ref, `mutators.${i}`, context, issues));
  const errors = doc.errors.map((ref, i) => compileHandler<ErrorHandler>("errors", ref, `errors.${i}`, context, issues));
  if (issues.length || !authorizer) return undefined;
  const upstream = doc.upstream?.url
    ? { url: new URL(doc.upstream.url), stripPath: doc.upstream.strip_path, preserveHost: doc.upstream.preserve_host }
    : undefined;
  return {
    authenticators: authenticators as Named<Authenticator>[],
    authorizer,
    mutators: mutators as Named<Mutator>[],
    errors: errors as Named<ErrorHandler>[],
    upstream,
  };
}

/** Compiles a validated rule document: its matchers and every handler. Throws RuleCompileError. */
export function compileRule(doc: RuleDocument, strategy: MatchingStrategy): CompiledRule {
  const issues: RuleIssue[] = [];
  let url: UrlMatcher | undefined;
  try {
    url = compileUrlPattern(doc.match.url, strategy);
  } catch (error) {
    issues.push({ path: "match.url", message: (error as Error).message });
  }
  const pipeline = compilePipeline(doc, { strategy }, issues);
  if (issues.length || !pipeline || !url) throw new RuleCompileError(issues);
  return {
    ...pipeline,
    id: doc.id,
    priority: doc.priority,
    document: doc,
    methods: new Set(doc.match.methods),
    url,
    host: doc.match.host ? compileHost(doc.match.host) : undefined,
  };
}

/** Compiles a project's default rule (a pipeline without `match`). Throws RuleCompileError. */
export function compileDefaultRule(doc: PipelineDocument, strategy: MatchingStrategy): CompiledPipeline {
  const issues: RuleIssue[] = [];
  const pipeline = compilePipeline(doc, { strategy }, issues);
  if (issues.length || !pipeline) throw new RuleCompileError(issues);
  return pipeline;
}
