/**
 * A console form generated from an identity schema's `traits`: one field per scalar trait (nested objects
 * flattened to dotted names), typed from JSON Schema `type`/`format`/`enum`. Traits the form cannot edit
 * (arrays, free objects) are kept as they are when the form is saved.
 */
type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

export type TraitFieldType = "text" | "email" | "tel" | "url" | "date" | "number" | "integer" | "checkbox" | "select";

export interface TraitField {
  /** Form field name, e.g. `traits.name.first`. */
  name: string;
  path: string[];
  label: string;
  type: TraitFieldType;
  required: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  options?: string[];
}

function resolveRef(root: Json, node: unknown, depth = 0): Json {
  if (!isObject(node)) return {};
  const ref = node.$ref;
  if (typeof ref !== "string" || depth > 8 || !ref.startsWith("#/")) return node;
  const target = ref
    .slice(2)
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<unknown>((at, key) => (isObject(at) ? at[key] : undefined), root);
  return resolveRef(root, target, depth + 1);
}

function fieldType(property: Json): TraitFieldType | undefined {
  const type = Array.isArray(property.type) ? property.type.find((t) => t !== "null") : property.type;
  if (Array.isArray(property.enum) && property.enum.every((v) => typeof v === "string")) return "select";
  switch (type) {
    case "string":
      if (property.format === "email") return "email";
      if (property.format === "tel") return "tel";
      if (property.format === "uri" || property.format === "url") return "url";
      if (property.format === "date") return "date";
      return "text";
    case "number":
      return "number";
    case "integer":
      return "integer";
    case "boolean":
      return "checkbox";
    default:
      return undefined;
  }
}

function collect(root: Json, node: Json, path: string[], required: boolean, out: TraitField[]): void {
  const properties = isObject(node.properties) ? node.properties : {};
  const requiredKeys = Array.isArray(node.required) ? node.required : [];
  for (const [key, raw] of Object.entries(properties)) {
    const property = resolveRef(root, raw);
    const childPath = [...path, key];
    const isRequired = required && requiredKeys.includes(key);
    if (fieldType(property) === undefined && (property.type === "object" || isObject(property.properties))) {
      collect(root, property, childPath, isRequired, out);
      continue;
    }
    const type = fieldType(property);
    if (!type) continue;
    out.push({
      name: `traits.${childPath.join(".")}`,
      path: childPath,
      label: typeof property.title === "string" && property.title ? property.title : childPath.join("."),
      type,
      required: isRequired,
      minLength: typeof property.minLength === "number" ? property.minLength : undefined,
      maxLength: typeof property.maxLength === "number" ? property.maxLength : undefined,
      pattern: typeof property.pattern === "string" ? property.pattern : undefined,
      options: type === "select" ? (property.enum as string[]) : undefined,
    });
  }
}

/** The editable trait fields of an identity schema, in schema order. */
export function traitFields(schema: Json): TraitField[] {
  const traits = resolveRef(schema, isObject(schema.properties) ? schema.properties.traits : undefined);
  const fields: TraitField[] = [];
  collect(schema, traits, [], true, fields);
  return fields;
}

export function traitValue(traits: unknown, path: string[]): unknown {
  return path.reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), traits);
}

function setAt(target: Json, path: string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    if (!isObject(node[key])) node[key] = {};
    node = node[key] as Json;
  }
  const last = path[path.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = value;
}

function prune(node: Json): Json {
  for (const [key, value] of Object.entries(node)) {
    if (isObject(value)) {
      prune(value);
      if (Object.keys(value).length === 0) delete node[key];
    }
  }
  return node;
}

/**
 * Traits from a submitted form, over the existing traits (so fields the form does not show survive).
 * Empty inputs remove the trait; numbers are parsed (left as text when not numeric, for the schema to reject).
 */
export function traitsFromForm(fields: TraitField[], read: (name: string) => string | null, existing: unknown = {}): Json {
  const traits = structuredClone(isObject(existing) ? existing : {});
  for (const field of fields) {
    const raw = read(field.name);
    if (field.type === "checkbox") {
      setAt(traits, field.path, raw === "true" || raw === "on");
      continue;
    }
    const text = (raw ?? "").trim();
    if (!text) {
      setAt(traits, field.path, undefined);
      continue;
    }
    if (field.type === "number" || field.type === "integer") {
      const number = Number(text);
      setAt(traits, field.path, Number.isFinite(number) ? number : text);
      continue;
    }
    setAt(traits, field.path, text);
  }
  return prune(traits);
}

/** Current trait values as the strings form inputs hold ("true" for checked booleans). */
export function traitFormValues(fields: TraitField[], traits: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of fields) {
    const value = traitValue(traits, field.path);
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") values[field.name] = String(value);
  }
  return values;
}
