import { defaultSchemaId, extensionTraits, getIdentitySchema, type JsonSchema } from "@/lib/identity";
import { text, titleTranslations } from "../../ui";
import { inputNode, type UiInputType, type UiNodeGroup, type UiNode } from "../../ui";
import type { FlowContext, FlowRecord } from "../../flows/types";

interface TraitField {
  name: string;
  schema: JsonSchema;
  required: boolean;
}

const obj = (value: unknown): JsonSchema | undefined => (value && typeof value === "object" && !Array.isArray(value) ? (value as JsonSchema) : undefined);

function resolve(root: JsonSchema, node: JsonSchema): JsonSchema {
  const ref = node.$ref;
  if (typeof ref !== "string" || !ref.startsWith("#/")) return node;
  let target: unknown = root;
  for (const part of ref.slice(2).split("/")) target = obj(target)?.[part];
  return obj(target) ?? node;
}

/** Leaf traits of a schema as form fields (`traits.name.first`), in schema order; objects nest, arrays are skipped. */
export function traitFields(root: JsonSchema): TraitField[] {
  const fields: TraitField[] = [];
  const visit = (node: JsonSchema, prefix: string, parentRequired: boolean, depth: number) => {
    if (depth > 8) return;
    const schema = resolve(root, node);
    const properties = obj(schema.properties);
    if (!properties) return;
    const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
    for (const [key, raw] of Object.entries(properties)) {
      const child = resolve(root, obj(raw) ?? {});
      const name = `${prefix}.${key}`;
      const isRequired = parentRequired && required.has(key);
      if (child.type === "object" || obj(child.properties)) visit(child, name, isRequired, depth + 1);
      else if (child.type !== "array") fields.push({ name, schema: child, required: isRequired });
    }
  };
  visit(obj(obj(root.properties)?.traits) ?? {}, "traits", true, 0);
  return fields;
}

export function flowSchema(ctx: FlowContext, flow: Pick<FlowRecord, "context">, schemaId?: string): { id: string; schema: JsonSchema } {
  const id = schemaId || flow.context.identity_schema || defaultSchemaId(ctx.project);
  return { id, schema: getIdentitySchema(ctx.project, id).schema };
}

function inputType(schema: JsonSchema): UiInputType {
  if (schema.type === "boolean") return "checkbox";
  if (schema.type === "number" || schema.type === "integer") return "number";
  switch (schema.format) {
    case "email": return "email";
    case "tel": return "tel";
    case "uri": case "url": return "url";
    case "date": return "date";
    case "date-time": return "datetime-local";
    default: return "text";
  }
}

const valueAt = (traits: unknown, name: string) =>
  name.split(".").slice(1).reduce<unknown>((node, key) => (obj(node) ? (node as Record<string, unknown>)[key] : undefined), traits);

/** Kratos renders every trait of the identity schema as an input (label = the schema title, id 1070002). */
export function traitNodes(schema: JsonSchema, group: UiNodeGroup, values?: unknown): UiNode[] {
  const identifierPaths = new Set(extensionTraits(schema).filter((t) => t.extension.credentials?.password?.identifier).map((t) => ["traits", ...t.path].join(".")));
  return traitFields(schema).map((field) => {
    const type = inputType(field.schema);
    const value = values === undefined ? undefined : valueAt(values, field.name);
    return inputNode(field.name, group, {
      type,
      required: field.required || undefined,
      value,
      autocomplete: type === "email" ? "email" : type === "tel" ? "tel" : identifierPaths.has(field.name) ? "username" : undefined,
      pattern: typeof field.schema.pattern === "string" ? field.schema.pattern : undefined,
      maxlength: typeof field.schema.maxLength === "number" ? field.schema.maxLength : undefined,
      label: text.labelGenerated(typeof field.schema.title === "string" ? field.schema.title : field.name.split(".").pop()!, field.name, titleTranslations(field.schema)),
    });
  });
}

/** HTML forms send strings: coerce them to the schema's types, and drop empty optional fields (as Kratos does). */
export function coerceTraits(schema: JsonSchema, traits: Record<string, unknown>): Record<string, unknown> {
  const out = structuredClone(traits);
  for (const field of traitFields(schema)) {
    const path = field.name.split(".").slice(1);
    let parent: Record<string, unknown> | undefined = out;
    for (const key of path.slice(0, -1)) parent = obj(parent?.[key]) as Record<string, unknown> | undefined;
    const key = path[path.length - 1];
    if (!parent || !(key in parent)) continue;
    const value = parent[key];
    if (typeof value !== "string") continue;
    if (value === "" && !field.required) delete parent[key];
    else if (field.schema.type === "boolean") parent[key] = value === "true" || value === "on";
    else if ((field.schema.type === "number" || field.schema.type === "integer") && value.trim() !== "" && !Number.isNaN(Number(value))) parent[key] = Number(value);
  }
  return out;
}

/** The label of the login identifier: the identifier trait's title when there is exactly one, else "ID". */
export function identifierLabel(schema: JsonSchema) {
  const identifiers = extensionTraits(schema).filter((t) => t.extension.credentials?.password?.identifier);
  if (identifiers.length === 1) {
    const field = traitFields(schema).find((f) => f.name === ["traits", ...identifiers[0].path].join("."));
    if (field && typeof field.schema.title === "string") return text.labelGenerated(field.schema.title, "identifier", titleTranslations(field.schema));
  }
  return text.labelId();
}
