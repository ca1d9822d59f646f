import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/**
 * What Prisma's runtime data model leaves out (optionality, native types, keys, indexes), read from the
 * `.prisma` files. Used by the schema-drift test; the grammar handled is the subset this project writes.
 */
export interface SchemaField {
  name: string;
  type: string;
  optional: boolean;
  list: boolean;
  /** `@db.Timestamptz(3)` → { name: "Timestamptz", args: ["3"] } */
  nativeType?: { name: string; args: string[] };
  id: boolean;
  unique: boolean;
  /** `@default(…)` or `@updatedAt`: the database or Prisma fills it. */
  hasDefault: boolean;
  /** For relation fields: `@relation(fields: [...], references: [...])`. */
  relation?: { fields: string[]; references: string[] };
}

export interface SchemaModel {
  name: string;
  fields: Map<string, SchemaField>;
  /** Field names of the primary key, `@@unique`s and `@@index`es (sort options stripped). */
  primaryKey: string[];
  uniques: string[][];
  indexes: string[][];
}

export interface SchemaEnum {
  name: string;
  dbName: string;
  values: string[];
}

export interface SchemaText {
  models: Map<string, SchemaModel>;
  enums: Map<string, SchemaEnum>;
}

const fieldList = (inside: string) => inside.split(",").map((part) => part.trim().replace(/\(.*\)$/, "")).filter(Boolean);

function relationOf(attributes: string): SchemaField["relation"] {
  const fields = /@relation\([^)]*fields:\s*\[([^\]]*)\]/.exec(attributes);
  const references = /@relation\([^)]*references:\s*\[([^\]]*)\]/.exec(attributes);
  return fields && references ? { fields: fieldList(fields[1]), references: fieldList(references[1]) } : undefined;
}

function parseModel(name: string, body: string[]): SchemaModel {
  const model: SchemaModel = { name, fields: new Map(), primaryKey: [], uniques: [], indexes: [] };
  for (const raw of body) {
    const line = raw.replace(/\/\/.*$/, "").trim();
    if (!line) continue;
    const block = /^@@(id|unique|index)\(\[([^\]]*)\]/.exec(line);
    if (block) {
      const fields = fieldList(block[2]);
      if (block[1] === "id") model.primaryKey = fields;
      else (block[1] === "unique" ? model.uniques : model.indexes).push(fields);
      continue;
    }
    const field = /^(\w+)\s+(\w+)(\[\]|\?)?(.*)$/.exec(line);
    if (!field) continue;
    const native = /@db\.(\w+)(?:\(([^)]*)\))?/.exec(field[4]);
    const parsed: SchemaField = {
      name: field[1],
      type: field[2],
      optional: field[3] === "?",
      list: field[3] === "[]",
      nativeType: native ? { name: native[1], args: native[2] ? native[2].split(",").map((a) => a.trim()) : [] } : undefined,
      id: /(^|\s)@id\b/.test(field[4]),
      unique: /(^|\s)@unique\b/.test(field[4]),
      hasDefault: /@default\(|@updatedAt\b/.test(field[4]),
      relation: relationOf(field[4]),
    };
    model.fields.set(parsed.name, parsed);
    if (parsed.id) model.primaryKey = [parsed.name];
    if (parsed.unique) model.uniques.push([parsed.name]);
  }
  return model;
}

function parseEnum(name: string, body: string[]): SchemaEnum {
  const values: string[] = [];
  let dbName = name;
  for (const raw of body) {
    const line = raw.replace(/\/\/.*$/, "").trim();
    const map = /^@@map\("([^"]+)"\)/.exec(line);
    if (map) dbName = map[1];
    else if (/^\w+/.test(line)) values.push(/^\w+/.exec(line)![0]);
  }
  return { name, dbName, values };
}

export function parseSchemaText(text: string): SchemaText {
  const result: SchemaText = { models: new Map(), enums: new Map() };
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const head = /^(model|enum)\s+(\w+)\s*\{/.exec(lines[i].trim());
    if (!head) continue;
    const body: string[] = [];
    while (++i < lines.length && lines[i].trim() !== "}") body.push(lines[i]);
    if (head[1] === "model") result.models.set(head[2], parseModel(head[2], body));
    else result.enums.set(head[2], parseEnum(head[2], body));
  }
  return result;
}

export async function readSchemaText(dir = path.resolve(process.cwd(), "prisma", "schema")): Promise<SchemaText> {
  const files = (await readdir(dir)).filter((f) => f.endsWith(".prisma")).sort();
  const texts = await Promise.all(files.map((f) => readFile(path.join(dir, f), "utf8")));
  return parseSchemaText(texts.join("\n"));
}
