import { isDeepStrictEqual } from "node:util";
import type { z } from "zod";
import { badRequest } from "@/lib/core/errors";
import { readStoredConfig, type ProjectConfig } from "../config-schema";
import { BUILT_IN_SCHEMA_IDS } from "../default-config";
import { identityConfigRules } from "./identity";
import { oauth2ConfigRules } from "./oauth2";

interface ConfigIssue {
  path: string;
  message: string;
}

type Path = (string | number)[];

function valueAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const key of path) node = node && typeof node === "object" ? (node as Record<string | number, unknown>)[key] : undefined;
  return node;
}

/** Whether a `base64://` schema URL decodes to a JSON object (what lib/identity's schema registry loads). */
function decodesToSchema(url: string): boolean {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(url.slice("base64://".length), "base64").toString("utf8"));
    return !!parsed && typeof parsed === "object" && !Array.isArray(parsed);
  } catch {
    return false;
  }
}

function schemaUrlProblem(url: string): string | undefined {
  if (url.startsWith("base64://")) return decodesToSchema(url) ? undefined : "does not decode to a JSON schema object.";
  if (url.startsWith("preset://")) return BUILT_IN_SCHEMA_IDS.includes(url) ? undefined : `names no built-in schema (${BUILT_IN_SCHEMA_IDS.join(", ")}).`;
  return "must be base64:// (an inline schema) or preset://; the server fetches no remote schemas (http, https, file, …).";
}

/** The identity schemas: inline (`base64://`) or built-in (`preset://`) only, each decodable; the default among them. */
function schemaIssues(config: Record<string, unknown>): { path: Path; message: string }[] {
  const identity = (valueAt(config, ["identity"]) ?? {}) as { schemas?: unknown; default_schema_id?: unknown };
  const configured = Array.isArray(identity.schemas) ? (identity.schemas as { id?: unknown; url?: unknown }[]) : [];
  const issues: { path: Path; message: string }[] = [];
  const usable = new Set<unknown>(BUILT_IN_SCHEMA_IDS); // always available, as in lib/identity's registry
  configured.forEach((schema, i) => {
    const problem = schemaUrlProblem(typeof schema?.url === "string" ? schema.url : "");
    if (problem) issues.push({ path: ["identity", "schemas", i, "url"], message: problem });
    else usable.add(schema?.id);
    if (configured.findIndex((other) => other?.id === schema?.id) !== i) issues.push({ path: ["identity", "schemas", i, "id"], message: "is used by another schema." });
  });
  const wanted = identity.default_schema_id;
  if (typeof wanted === "string" && !usable.has(wanted)) {
    issues.push({ path: ["identity", "default_schema_id"], message: `names no schema of the project (${[...usable].join(", ")}).` });
  }
  return issues;
}

function check(prefix: string, rules: z.ZodType, next: Record<string, unknown>, previous: Record<string, unknown>, extra: { path: Path; message: string }[] = []): ConfigIssue[] {
  const parsed = rules.safeParse(next);
  const found = [...(parsed.success ? [] : parsed.error.issues.map((issue) => ({ path: issue.path as Path, message: issue.message }))), ...extra];
  // A value stored before these rules existed does not block an unrelated change; what this write changes must be valid.
  const changed = found.filter(({ path }) => {
    const related = path[0] === "identity" ? [["identity", "default_schema_id"], ["identity", "schemas"]] : [path];
    return related.some((p) => !isDeepStrictEqual(valueAt(next, p), valueAt(previous, p)));
  });
  return changed.map(({ path, message }) => ({ path: [prefix, ...path].join("."), message }));
}

/**
 * Validates the service configurations of a project write (Ory's setProject / patchProject): every setting's range,
 * durations, URL schemes, identity schemas and the default schema. The answer names the offending path, e.g.
 * `services.identity.config.selfservice.methods.password.config.min_password_length`.
 */
export function assertValidProjectConfig(next: ProjectConfig, stored: unknown): void {
  const previous = readStoredConfig(stored);
  const identity = next.services.identity.config;
  const issues = [
    ...check("services.identity.config", identityConfigRules, identity, previous.services.identity.config, schemaIssues(identity)),
    ...check("services.oauth2.config", oauth2ConfigRules, next.services.oauth2.config, previous.services.oauth2.config),
  ];
  const first = issues[0];
  if (!first) return;
  throw badRequest(`The configuration value at ${first.path} is invalid: ${first.message}`, {
    id: "invalid_project_config",
    reason: issues.map((issue) => `${issue.path}: ${issue.message}`).join(" "),
    details: { issues },
  });
}
