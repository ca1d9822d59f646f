import { isDeepStrictEqual } from "node:util";
import { z } from "zod";
import { badRequest } from "@/lib/core/errors";
import { namespaceOnly, type NamespaceDefinition, type NamespaceModel, type OplError } from "./opl/ast";
import { parseOpl, type OplParseResult } from "./opl/parse";

/**
 * The permission service's configuration lives in the project config at `services.permission.config`, in
 * Keto's (and Ory Network's) shape:
 *   namespaces: { location: "base64://<OPL document>" }   ← what `ory update opl` writes; our choice too
 *   namespaces: [{ name: "files", id?: 1 }, …]             ← Keto's legacy list: relations without rewrites
 *   limit: { max_read_depth: 5 }                           ← Keto's default and global maximum depth
 * Only `base64://` locations are read: a tenant must never make the server open files or URLs.
 */
export const DEFAULT_MAX_READ_DEPTH = 5;
/** The platform's ceiling on a project's `limit.max_read_depth`, so no tenant can buy unbounded recursion. */
export const PLATFORM_MAX_READ_DEPTH = 32;

const permissionConfigSchema = z.object({
  namespaces: z.union([
    z.object({ location: z.string(), experimental_strict_mode: z.boolean().optional() }),
    z.array(z.object({ name: z.string().min(1), id: z.number().int().optional() })),
  ]).optional(),
  limit: z.object({ max_read_depth: z.number().int().min(1).optional() }).optional(),
}).passthrough();

export interface PermissionSettings {
  model: NamespaceModel;
  /** Errors of the stored OPL (the model then holds no namespaces). */
  errors: OplError[];
  maxReadDepth: number;
  /** Keto's `namespaces.experimental_strict_mode` (also `model.strict`): only what the OPL declares is written or read. */
  strict: boolean;
  /** The OPL source, when the namespaces are an OPL document. */
  opl?: string;
  /** Identifies this model in cache keys: the same document always maps to the same id. */
  modelId: number;
}

const BASE64 = "base64://";

export function oplLocation(opl: string): string {
  return BASE64 + Buffer.from(opl, "utf8").toString("base64");
}

/** The permission config object inside a project config (`services.permission.config`). */
export function permissionConfigOf(projectConfig: unknown): Record<string, unknown> {
  const root = (projectConfig ?? {}) as { services?: { permission?: { config?: Record<string, unknown> } } };
  return root.services?.permission?.config ?? {};
}

/** The namespaces value for an OPL document (Ory Network's shape), with Keto's strict-mode switch when on. */
export const oplNamespaces = (opl: string, strict: boolean) => ({ location: oplLocation(opl), ...(strict ? { experimental_strict_mode: true } : {}) });

/** Whether a project config has strict mode on (`namespaces.experimental_strict_mode`). */
export function isStrict(projectConfig: unknown): boolean {
  const namespaces = permissionConfigOf(projectConfig).namespaces;
  return Boolean(namespaces && typeof namespaces === "object" && (namespaces as { experimental_strict_mode?: unknown }).experimental_strict_mode === true);
}

/** A copy of the project config with the OPL document stored in Ory Network's shape (strict mode kept unless given). */
export function withOpl(projectConfig: unknown, opl: string, strict = isStrict(projectConfig)): Record<string, unknown> {
  const root = { ...((projectConfig ?? {}) as Record<string, unknown>) };
  const services = { ...((root.services ?? {}) as Record<string, unknown>) };
  const permission = { ...((services.permission ?? {}) as Record<string, unknown>) };
  permission.config = { ...permissionConfigOf(projectConfig), namespaces: oplNamespaces(opl, strict) };
  services.permission = permission;
  root.services = services;
  return root;
}

const parsed = new Map<string, { model: NamespaceModel; errors: OplError[]; modelId: number }>();
let nextModelId = 1;

function parseCached(key: string, build: () => { model: NamespaceModel; errors: OplError[] }) {
  let entry = parsed.get(key);
  if (!entry) {
    if (parsed.size > 500) parsed.clear();
    entry = { ...build(), modelId: nextModelId++ };
    parsed.set(key, entry);
  }
  return entry;
}

/** Strict mode changes what evaluation reads, so it is part of the model (and of its cache identity). */
const strictly = (parsed: OplParseResult, strict: boolean): OplParseResult => ({ ...parsed, model: { ...parsed.model, strict } });

const byConfigObject = new WeakMap<object, PermissionSettings>();

/** Reads a project's namespaces and limits from its config (cached per config object and per OPL document). */
export function permissionSettings(projectConfig: unknown): PermissionSettings {
  if (projectConfig && typeof projectConfig === "object") {
    let settings = byConfigObject.get(projectConfig);
    if (!settings) {
      settings = readSettings(projectConfig);
      byConfigObject.set(projectConfig, settings);
    }
    return settings;
  }
  return readSettings(projectConfig);
}

function readSettings(projectConfig: unknown): PermissionSettings {
  const result = permissionConfigSchema.safeParse(permissionConfigOf(projectConfig));
  if (!result.success) throw badRequest("The project's permission configuration is invalid.", { reason: result.error.issues[0]?.message });
  const config = result.data;
  const maxReadDepth = Math.min(config.limit?.max_read_depth ?? DEFAULT_MAX_READ_DEPTH, PLATFORM_MAX_READ_DEPTH);
  const namespaces = config.namespaces;
  if (Array.isArray(namespaces)) {
    const names = namespaces.map((n) => n.name);
    const entry = parseCached(`list:${names.join("\u0000")}`, () => ({
      model: { namespaces: new Map<string, NamespaceDefinition>(names.map((n) => [n, namespaceOnly(n)])) },
      errors: [],
    }));
    return { ...entry, maxReadDepth, strict: false };
  }
  const location = namespaces?.location ?? "";
  const strict = namespaces?.experimental_strict_mode ?? false;
  if (!location) return { ...parseCached(`empty:${strict}`, () => ({ model: { namespaces: new Map(), strict }, errors: [] })), maxReadDepth, strict };
  if (!location.startsWith(BASE64)) {
    throw badRequest("Only base64:// namespace locations are supported.", { reason: `unsupported location ${location.slice(0, 16)}…` });
  }
  const opl = Buffer.from(location.slice(BASE64.length), "base64").toString("utf8");
  return { ...parseCached(`opl:${strict}:${opl}`, () => strictly(parseOpl(opl), strict)), maxReadDepth, strict, opl };
}

/**
 * Refuses a project configuration whose permission namespaces do not compile (console API PUT/PATCH of the
 * project): a 400 whose details carry every OPL error with line and column, as POST /opl/syntax/check reports
 * them. A configuration whose permission part is unchanged passes, so a document stored before this check
 * existed never blocks unrelated edits.
 */
export function assertValidPermissionConfig(next: unknown, previous: unknown): void {
  const config = permissionConfigOf(next);
  if (isDeepStrictEqual(config, permissionConfigOf(previous))) return;
  const { errors } = permissionSettings({ services: { permission: { config } } });
  if (!errors.length) return;
  const first = errors[0];
  throw badRequest("The Ory Permission Language document has errors.", {
    id: "invalid_opl",
    reason: `line ${first.start.Line}, column ${first.start.column}: ${first.message}`,
    details: { errors },
  });
}
