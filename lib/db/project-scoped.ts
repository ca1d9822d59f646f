import type { PrismaClient } from "./generated/client";

interface RuntimeModel { fields: { name: string }[] }
type ClientWithDataModel = PrismaClient & { _runtimeDataModel?: { models: Record<string, RuntimeModel> } };

/** Models holding project data: every model with a `projectId` field, read from the generated data model. */
export function projectScopedModels(client: PrismaClient): Set<string> {
  const models = (client as ClientWithDataModel)._runtimeDataModel?.models;
  if (!models) throw new Error("The Prisma client exposes no data model; cannot scope project queries.");
  return new Set(Object.entries(models).filter(([, m]) => m.fields.some((f) => f.name === "projectId")).map(([name]) => name));
}

const WHERE_OPERATIONS = new Set([
  "findUnique", "findUniqueOrThrow", "findFirst", "findFirstOrThrow", "findMany",
  "update", "updateMany", "updateManyAndReturn", "delete", "deleteMany", "count", "aggregate", "groupBy", "upsert",
]);
const DATA_OPERATIONS = new Set(["create", "createMany", "createManyAndReturn", "upsert"]);

export class TenantViolation extends Error {}

type Row = Record<string, unknown>;

function stampData(data: unknown, projectId: string): unknown {
  if (Array.isArray(data)) return data.map((d) => stampData(d, projectId));
  if (!data || typeof data !== "object") return data;
  const row = data as Row;
  if (row.projectId !== undefined && row.projectId !== projectId) {
    throw new TenantViolation("Attempt to write a row of another project.");
  }
  return { ...row, projectId };
}

function scopeWhere(where: unknown, projectId: string): Row {
  const row = (where ?? {}) as Row;
  if (row.projectId !== undefined && row.projectId !== projectId) {
    throw new TenantViolation("Attempt to read a row of another project.");
  }
  return { ...row, projectId };
}

/**
 * The project-scoped data client: the only way domain code reaches project data. Every query on a
 * project model is constrained to `projectId`, and writes that name another project throw.
 */
export function scopeToProject(client: PrismaClient, projectId: string) {
  const scopedModels = projectScopedModels(client);
  return client.$extends({
    name: "project-scope",
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          if (!scopedModels.has(model)) return query(args);
          const scoped = { ...(args as Row) };
          if (WHERE_OPERATIONS.has(operation)) scoped.where = scopeWhere(scoped.where, projectId);
          if (DATA_OPERATIONS.has(operation) && operation !== "upsert") scoped.data = stampData(scoped.data, projectId);
          if (operation === "upsert") scoped.create = stampData(scoped.create, projectId);
          return query(scoped as typeof args);
        },
      },
    },
  });
}

export type ProjectDb = ReturnType<typeof scopeToProject>;
