import { isDeepStrictEqual } from "node:util";
import type { z } from "zod";
import { badRequest } from "@/lib/core/errors";
import { identitySchemas } from "@/lib/identity";
import { readStoredConfig, type ProjectConfig } from "../config-schema";
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

/** The identity schemas: inline (`base64://`) or built-in (`preset://`) only, each decodable; the default among them. */
function schemaIssues(config: Record<string, unknown>): { path: Path; message: string }[] {
  const identity = (valueAt(config, ["identity"]) ?? {}) as { schemas?: unknown; default_schema_id?: unknown };
  const configured = Array.isArray(identity.schemas) ? (identity.schemas as { id?: unknown; url?: unknown }[]) : [];
  const loaded = identitySchemas({ config: { services: { identity: { config } } } });
  const issues: { path: Path; message: string }[] = [];
  configured.forEach((schema, i) => {
    const url = typeof schema?.url === "string" ? schema.url : "";
    if (!/^(base64|preset):\/\//.test(url)) {
      issues.push({ path: ["identity", "schemas", i, "url"], message: "must be base64:// (an inline schema) or preset://; the server fetches no remote schemas (http, https, file, …)." });
    } else if (!loaded.some((entry) => entry.id === schema.id && entry.url === url)) {
      issues.push({ path: ["identity", "schemas", i, "url"], message: url.startsWith("preset://") ? "names no built-in schema." : "does not decode to a JSON schema object." });
    }
    if (configured.findIndex((other) => other?.id === schema?.id) !== i) issues.push({ path: ["identity", "schemas", i, "id"], message: "is used by another schema." });
  });
  const wanted = identity.default_schema_id;
  if (typeof wanted === "string" && !loaded.some((entry) => entry.id === wanted)) {
    issues.push({ path: ["identity", "default_schema_id"], message: `names no schema of the project (${loaded.map((e) => e.id).join(", ")}).` });
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
