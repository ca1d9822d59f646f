import type { JsonSchema } from "./registry";

/** Ory's identity schema extension (`ory.sh/kratos`) on one trait. */
export interface KratosTraitExtension {
  credentials?: {
    password?: { identifier?: boolean };
    webauthn?: { identifier?: boolean };
    passkey?: { display_name?: boolean };
    totp?: { account_name?: boolean };
    code?: { identifier?: boolean; via?: string };
  };
  verification?: { via?: string };
  recovery?: { via?: string };
}

/** A trait carrying the extension; `path` walks `traits`, with "*" for array items. */
export interface ExtensionTrait {
  path: string[];
  extension: KratosTraitExtension;
}

const KEYWORD = "ory.sh/kratos";

function resolveRef(root: JsonSchema, node: JsonSchema): JsonSchema {
  const ref = node.$ref;
  if (typeof ref !== "string" || !ref.startsWith("#/")) return node;
  let target: unknown = root;
  for (const part of ref.slice(2).split("/")) {
    target = (target as Record<string, unknown> | undefined)?.[part.replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  return target && typeof target === "object" ? (target as JsonSchema) : node;
}

function walk(root: JsonSchema, node: JsonSchema, path: string[], out: ExtensionTrait[], depth: number): void {
  if (depth > 32) return; // recursive $refs: traits are never this deep
  const schema = resolveRef(root, node);
  const extension = schema[KEYWORD];
  if (extension && typeof extension === "object") out.push({ path, extension: extension as KratosTraitExtension });
  const properties = schema.properties;
  if (properties && typeof properties === "object") {
    for (const [name, child] of Object.entries(properties as Record<string, unknown>)) {
      if (child && typeof child === "object") walk(root, child as JsonSchema, [...path, name], out, depth + 1);
    }
  }
  const items = schema.items;
  if (items && typeof items === "object" && !Array.isArray(items)) walk(root, items as JsonSchema, [...path, "*"], out, depth + 1);
  for (const key of ["allOf", "anyOf", "oneOf"]) {
    const list = schema[key];
    if (Array.isArray(list)) for (const sub of list) if (sub && typeof sub === "object") walk(root, sub as JsonSchema, path, out, depth + 1);
  }
}

const cache = new WeakMap<JsonSchema, ExtensionTrait[]>();

/** Every trait of an identity schema that carries `ory.sh/kratos` settings. */
export function extensionTraits(schema: JsonSchema): ExtensionTrait[] {
  let found = cache.get(schema);
  if (!found) {
    found = [];
    const traits = (schema.properties as Record<string, unknown> | undefined)?.traits;
    if (traits && typeof traits === "object") walk(schema, traits as JsonSchema, [], found, 0);
    cache.set(schema, found);
  }
  return found;
}

/** The string values at a path in the traits ("*" expands arrays). */
export function valuesAt(traits: unknown, path: string[]): string[] {
  if (path.length === 0) return typeof traits === "string" ? [traits] : [];
  const [head, ...rest] = path;
  if (head === "*") return Array.isArray(traits) ? traits.flatMap((item) => valuesAt(item, rest)) : [];
  if (!traits || typeof traits !== "object" || Array.isArray(traits)) return [];
  return valuesAt((traits as Record<string, unknown>)[head!], rest);
}
