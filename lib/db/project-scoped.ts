import type { PrismaClient } from "./generated/client";

/**
 * Models holding project data; each has `projectId`. A unit test checks this list against the schema,
 * so a new project table cannot be forgotten here.
 */
export const PROJECT_SCOPED_MODELS = new Set<string>(["ProjectApiKey", "ProjectRevision", "AuditEvent"]);

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
  return client.$extends({
    name: "project-scope",
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          if (!PROJECT_SCOPED_MODELS.has(model)) return query(args);
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
