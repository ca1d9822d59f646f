import { randomBytes, randomUUID } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// eslint-disable-next-line no-restricted-imports -- tests use the shared test-database harness
import { createEmptyDatabase, type TestDatabase } from "@/lib/testing/database";
import { createPrismaClient, type Db } from "./client";
import { migrate } from "./migrate";
import { readSchemaText, type SchemaField, type SchemaText } from "./prisma-schema-text";
import { columnFields, runtimeDataModel, type RuntimeDataModel, type RuntimeField } from "./runtime-data-model";

type Row = Record<string, unknown>;
interface Delegate {
  create(args: { data: Row }): Promise<Row>;
  findFirst(args: { where: Row }): Promise<Row | null>;
}

/**
 * Values a model needs beyond what can be generated from its field types (e.g. columns with CHECK
 * constraints or formats). Generated values cover everything else, so a new model is tested without
 * being listed here; list it only when its generic row is refused.
 */
const overrides: Record<string, Row> = {};

let database: TestDatabase;
let client: Db;
let dataModel: RuntimeDataModel;
let schema: SchemaText;

beforeAll(async () => {
  database = await createEmptyDatabase();
  await migrate(database.url);
  client = createPrismaClient({ url: database.url, poolSize: 1 });
  dataModel = runtimeDataModel(client);
  schema = await readSchemaText();
}, 120_000);
afterAll(async () => {
  await client?.$disconnect();
  await database?.drop();
});

const projectId = randomUUID();
const fixedDate = new Date("2030-01-02T03:04:05.678Z");

function generatedValue(model: string, field: RuntimeField, text: SchemaField | undefined): unknown {
  if (field.name === "projectId") return projectId;
  if (field.kind === "enum") return schema.enums.get(field.type)?.values[0];
  const value = ((): unknown => {
    switch (field.type) {
      case "String": return text?.nativeType?.name === "Uuid" ? randomUUID() : `${model}.${field.name}.${randomBytes(4).toString("hex")}`;
      case "Int": return 7;
      case "BigInt": return 7n;
      case "Float": return 1.5;
      case "Boolean": return true;
      case "DateTime": return fixedDate;
      case "Json": return { generated: true, list: [1, "two"] };
      case "Bytes": return new Uint8Array([1, 2, 3]);
      default: return undefined;
    }
  })();
  return text?.list && value !== undefined ? [value] : value;
}

/** Models ordered so that every model comes after the models its foreign keys point to. */
function creationOrder(): { order: string[]; problems: string[] } {
  const order: string[] = [];
  const problems: string[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (name: string, path: string[]) => {
    if (state.get(name) === "done") return;
    if (state.get(name) === "visiting") {
      problems.push(`foreign-key cycle: ${[...path, name].join(" → ")}`);
      return;
    }
    state.set(name, "visiting");
    for (const field of schema.models.get(name)?.fields.values() ?? []) if (field.relation && field.type !== name) visit(field.type, [...path, name]);
    state.set(name, "done");
    order.push(name);
  };
  for (const name of Object.keys(dataModel.models)) visit(name, []);
  return { order, problems };
}

function rowFor(name: string, created: Map<string, Row>): Row {
  const model = dataModel.models[name];
  const text = schema.models.get(name);
  const row: Row = {};
  for (const field of columnFields(model)) row[field.name] = generatedValue(name, field, text?.fields.get(field.name));
  // Foreign keys take the referenced values of the parent row created before.
  for (const relation of text?.fields.values() ?? []) {
    if (!relation.relation) continue;
    const parent = created.get(relation.type);
    relation.relation.fields.forEach((fk, i) => {
      if (parent) row[fk] = parent[relation.relation!.references[i]];
    });
  }
  return { ...row, ...overrides[name] };
}

const comparable = (value: unknown): unknown =>
  value instanceof Date ? value.toISOString() : typeof value === "bigint" ? `${value}n` : value instanceof Uint8Array ? [...value] : value;

describe("every model round-trips through a freshly migrated database", () => {
  it("creates and reads one row of every model", async () => {
    const { order, problems } = creationOrder();
    expect(problems).toEqual([]);
    expect(Object.keys(overrides).filter((name) => !dataModel.models[name]), "overrides name models that no longer exist").toEqual([]);
    const failures: string[] = [];
    const created = new Map<string, Row>();
    for (const name of order) {
      const key = name.charAt(0).toLowerCase() + name.slice(1);
      const delegate = (client as unknown as Record<string, Delegate | undefined>)[key];
      if (!delegate) {
        failures.push(`${name}: no client delegate "${key}"`);
        continue;
      }
      const data = rowFor(name, created);
      const primaryKey = schema.models.get(name)?.primaryKey ?? [];
      try {
        await delegate.create({ data });
        const read = await delegate.findFirst({ where: Object.fromEntries(primaryKey.map((f) => [f, data[f]])) });
        if (!read) {
          failures.push(`${name}: written row not found by its primary key (${primaryKey.join(", ")})`);
          continue;
        }
        for (const [field, value] of Object.entries(data)) {
          if (!isDeepStrictEqual(comparable(read[field]), comparable(value))) {
            failures.push(`${name}.${field}: wrote ${JSON.stringify(comparable(value))}, read ${JSON.stringify(comparable(read[field]))}`);
          }
        }
        created.set(name, read);
      } catch (error) {
        failures.push(`${name}: ${(error as Error).message.split("\n").filter(Boolean).slice(-2).join(" ")} — add an entry to \`overrides\` in lib/db/every-model.int.test.ts if its generic row is invalid`);
      }
    }
    expect(failures).toEqual([]);
    expect([...created.keys()].sort()).toEqual(Object.keys(dataModel.models).sort());
  }, 120_000);
});
