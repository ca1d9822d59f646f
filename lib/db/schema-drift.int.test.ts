import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// eslint-disable-next-line no-restricted-imports -- tests use the shared test-database harness
import { createEmptyDatabase, type TestDatabase } from "@/lib/testing/database";
import { createPrismaClient } from "./client";
import { migrate } from "./migrate";
import { readSchemaText, type SchemaField, type SchemaText } from "./prisma-schema-text";
import { columnFields, columnName, runtimeDataModel, tableName, type RuntimeDataModel, type RuntimeField } from "./runtime-data-model";

interface Column {
  table_name: string;
  column_name: string;
  data_type: string;
  udt_name: string;
  is_nullable: "YES" | "NO";
  datetime_precision: number | null;
}

interface Index {
  table_name: string;
  primary: boolean;
  unique: boolean;
  columns: string[];
}

let database: TestDatabase;
let dataModel: RuntimeDataModel;
let schema: SchemaText;
let columns: Column[];
let tables: string[];
let indexes: Index[];
let enumLabels: Map<string, string[]>;

beforeAll(async () => {
  database = await createEmptyDatabase();
  await migrate(database.url);
  const prisma = createPrismaClient({ url: database.url, poolSize: 1 });
  dataModel = runtimeDataModel(prisma);
  await prisma.$disconnect();
  schema = await readSchemaText();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    tables = (await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`,
    )).rows.map((r) => r.table_name);
    columns = (await client.query<Column>(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable, datetime_precision FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    )).rows;
    indexes = (await client.query<Index>(
      `SELECT t.relname AS table_name, ix.indisprimary AS primary, ix.indisunique AS unique,
              array_agg(a.attname::text ORDER BY k.ord) AS columns
       FROM pg_index ix
       JOIN pg_class t ON t.oid = ix.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
       WHERE n.nspname = 'public'
       GROUP BY ix.indexrelid, t.relname, ix.indisprimary, ix.indisunique`,
    )).rows;
    const labels = await client.query<{ typname: string; label: string }>(
      `SELECT t.typname, e.enumlabel AS label FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid ORDER BY t.typname, e.enumsortorder`,
    );
    enumLabels = new Map();
    for (const row of labels.rows) enumLabels.set(row.typname, [...(enumLabels.get(row.typname) ?? []), row.label]);
  } finally {
    await client.end();
  }
}, 120_000);
afterAll(async () => {
  await database?.drop();
});

/** The information_schema type a Prisma field maps to on PostgreSQL. */
function expectedType(field: RuntimeField, text: SchemaField | undefined): { dataType: string; udt?: string; precision?: number } {
  if (field.kind === "enum") return { dataType: "USER-DEFINED", udt: schema.enums.get(field.type)?.dbName ?? field.type };
  const native = text?.nativeType;
  switch (field.type) {
    case "String":
      if (native?.name === "Uuid") return { dataType: "uuid" };
      if (native?.name === "VarChar") return { dataType: "character varying" };
      if (native?.name === "Char") return { dataType: "character" };
      if (native?.name === "Inet") return { dataType: "inet" };
      return { dataType: "text" };
    case "Int": return { dataType: native?.name === "SmallInt" ? "smallint" : "integer" };
    case "BigInt": return { dataType: "bigint" };
    case "Boolean": return { dataType: "boolean" };
    case "Float": return { dataType: "double precision" };
    case "Decimal": return { dataType: "numeric" };
    case "Bytes": return { dataType: "bytea" };
    case "Json": return { dataType: native?.name === "Json" ? "json" : "jsonb" };
    case "DateTime":
      if (native?.name === "Date") return { dataType: "date" };
      return {
        dataType: native?.name === "Timestamptz" ? "timestamp with time zone" : "timestamp without time zone",
        precision: Number(native?.args[0] ?? 3),
      };
    default: return { dataType: `unknown Prisma type ${field.type}` };
  }
}

describe("schema drift: migrations ⇔ Prisma schema", () => {
  it("has a table for every model and a matching column for every scalar field", () => {
    const problems: string[] = [];
    for (const [modelName, model] of Object.entries(dataModel.models)) {
      const table = tableName(modelName, model);
      const textModel = schema.models.get(modelName);
      if (!textModel) problems.push(`model ${modelName} is in the generated client but not in prisma/schema (regenerate the client)`);
      if (!tables.includes(table)) {
        problems.push(`model ${modelName}: table "${table}" is missing from the migrations`);
        continue;
      }
      for (const field of columnFields(model)) {
        const column = columns.find((c) => c.table_name === table && c.column_name === columnName(field));
        const where = `${modelName}.${field.name} (${table}.${columnName(field)})`;
        if (!column) {
          problems.push(`${where}: column is missing`);
          continue;
        }
        const text = textModel?.fields.get(field.name);
        const type = expectedType(field, text);
        const list = text?.list ?? false;
        const actualType = list ? column.udt_name.replace(/^_/, "") : column.data_type;
        if (list ? column.data_type !== "ARRAY" : actualType !== type.dataType) problems.push(`${where}: type ${column.data_type} (${column.udt_name}), expected ${list ? "ARRAY of " : ""}${type.dataType}`);
        if (type.udt && column.udt_name !== type.udt) problems.push(`${where}: enum type ${column.udt_name}, expected ${type.udt}`);
        if (type.precision !== undefined && column.datetime_precision !== type.precision) problems.push(`${where}: precision ${column.datetime_precision}, expected ${type.precision}`);
        const nullable = text ? text.optional : column.is_nullable === "YES";
        if ((column.is_nullable === "YES") !== nullable) problems.push(`${where}: ${column.is_nullable === "YES" ? "nullable" : "NOT NULL"}, schema says ${nullable ? "optional" : "required"}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("has no table or column the schema does not know", () => {
    const known = new Map(Object.entries(dataModel.models).map(([name, model]) => [tableName(name, model), new Set(columnFields(model).map(columnName))]));
    const extra = [
      ...tables.filter((t) => !known.has(t)).map((t) => `table ${t}`),
      ...columns.filter((c) => known.has(c.table_name) && !known.get(c.table_name)!.has(c.column_name)).map((c) => `column ${c.table_name}.${c.column_name}`),
    ];
    expect(extra).toEqual([]);
  });

  it("has the primary keys, unique constraints and indexes of the schema", () => {
    const problems: string[] = [];
    for (const [modelName, model] of Object.entries(dataModel.models)) {
      const table = tableName(modelName, model);
      const textModel = schema.models.get(modelName);
      if (!textModel) continue;
      const toColumns = (fields: string[]) => fields.map((f) => columnName(model.fields.find((x) => x.name === f) ?? { name: f, kind: "scalar", type: "" }));
      const has = (cols: string[], kind: "primary" | "unique" | "index") =>
        indexes.some((i) => i.table_name === table && i.columns.join(",") === cols.join(",") && (kind === "primary" ? i.primary : kind === "unique" ? i.unique : true));
      const pk = toColumns(textModel.primaryKey);
      if (!has(pk, "primary")) problems.push(`${modelName}: primary key (${pk.join(", ")}) missing`);
      for (const unique of textModel.uniques) if (!has(toColumns(unique), "unique")) problems.push(`${modelName}: unique (${toColumns(unique).join(", ")}) missing`);
      for (const index of textModel.indexes) if (!has(toColumns(index), "index")) problems.push(`${modelName}: index (${toColumns(index).join(", ")}) missing`);
    }
    expect(problems).toEqual([]);
  });

  it("has every enum with the schema's values", () => {
    const problems: string[] = [];
    for (const schemaEnum of schema.enums.values()) {
      const labels = enumLabels.get(schemaEnum.dbName);
      if (!labels) problems.push(`enum ${schemaEnum.name} (${schemaEnum.dbName}) missing`);
      else if (labels.join(",") !== schemaEnum.values.join(",")) problems.push(`enum ${schemaEnum.name}: [${labels.join(", ")}], schema says [${schemaEnum.values.join(", ")}]`);
    }
    expect(problems).toEqual([]);
  });
});
