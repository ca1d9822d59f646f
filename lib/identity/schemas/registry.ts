import { badRequest, notFound } from "@/lib/core/errors";
import { kratosConfig, type ConfigHolder } from "../config";
import { EMAIL_PRESET_ID, PRESET_SCHEMAS } from "./presets";

export type JsonSchema = Record<string, unknown>;

export interface IdentitySchemaEntry {
  id: string;
  /** The configured URL (`base64://…` or `preset://…`). */
  url: string;
  schema: JsonSchema;
}

interface ProjectSchemas {
  defaultId: string;
  entries: IdentitySchemaEntry[];
}

type SchemaProject = ConfigHolder;

// Keyed by the config object itself: a changed project config is a new object, so the cache never goes stale.
const cache = new WeakMap<object, ProjectSchemas>();

/** Decodes a schema URL. Only inline (`base64://`) and built-in (`preset://`) schemas: no network fetches. */
export function loadSchemaUrl(url: string): JsonSchema | undefined {
  if (url.startsWith("base64://")) {
    try {
      const parsed: unknown = JSON.parse(Buffer.from(url.slice("base64://".length), "base64").toString("utf8"));
      return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as JsonSchema) : undefined;
    } catch {
      return undefined;
    }
  }
  return PRESET_SCHEMAS[url] as JsonSchema | undefined;
}

function readProjectSchemas(project: SchemaProject): ProjectSchemas {
  const identity = (kratosConfig(project).identity ?? {}) as { schemas?: unknown; default_schema_id?: unknown };
  const configured = Array.isArray(identity.schemas) ? identity.schemas : [];
  const entries: IdentitySchemaEntry[] = [];
  for (const item of configured) {
    const { id, url } = (item ?? {}) as { id?: unknown; url?: unknown };
    if (typeof id !== "string" || typeof url !== "string" || entries.some((e) => e.id === id)) continue;
    const schema = loadSchemaUrl(url);
    if (schema) entries.push({ id, url, schema });
  }
  // The email preset is always available, so a project without schemas still works.
  if (!entries.some((e) => e.id === EMAIL_PRESET_ID)) {
    entries.push({ id: EMAIL_PRESET_ID, url: EMAIL_PRESET_ID, schema: PRESET_SCHEMAS[EMAIL_PRESET_ID] as JsonSchema });
  }
  const wanted = typeof identity.default_schema_id === "string" ? identity.default_schema_id : undefined;
  const defaultId = wanted && entries.some((e) => e.id === wanted) ? wanted : (configured.length ? entries[0]!.id : EMAIL_PRESET_ID);
  return { defaultId, entries };
}

function projectSchemas(project: SchemaProject): ProjectSchemas {
  const key = project.config && typeof project.config === "object" ? (project.config as object) : undefined;
  if (!key) return readProjectSchemas(project);
  let found = cache.get(key);
  if (!found) cache.set(key, (found = readProjectSchemas(project)));
  return found;
}

/** Every identity schema of a project (configured ones first, then the built-in `preset://email`). */
export function identitySchemas(project: SchemaProject): IdentitySchemaEntry[] {
  return projectSchemas(project).entries;
}

export function defaultSchemaId(project: SchemaProject): string {
  return projectSchemas(project).defaultId;
}

/**
 * A schema by id. Like Kratos, the id may also be given base64url-encoded (that is how `schema_url` names it).
 */
export function findIdentitySchema(project: SchemaProject, id: string): IdentitySchemaEntry | undefined {
  const entries = identitySchemas(project);
  const direct = entries.find((e) => e.id === id);
  if (direct) return direct;
  const decoded = Buffer.from(id, "base64url").toString("utf8");
  return entries.find((e) => e.id === decoded);
}

/** Like findIdentitySchema, but an unknown id is a 404 (public API) — use `requireSchemaForWrite` for 400s. */
export function getIdentitySchema(project: SchemaProject, id: string): IdentitySchemaEntry {
  const entry = findIdentitySchema(project, id);
  if (!entry) throw notFound("The requested resource could not be found", { reason: `Identity schema "${id}" does not exist.` });
  return entry;
}

export function requireSchemaForWrite(project: SchemaProject, id: string | undefined): IdentitySchemaEntry {
  const wanted = id || defaultSchemaId(project);
  const entry = identitySchemas(project).find((e) => e.id === wanted);
  if (!entry) throw badRequest("The request was malformed or contained invalid parameters", { reason: `Identity schema "${wanted}" does not exist.` });
  return entry;
}

/** The public URL of a schema, as Kratos builds it: `{base}/schemas/{base64url(id)}`. */
export function schemaUrl(baseUrl: string, id: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/schemas/${Buffer.from(id).toString("base64url")}`;
}
