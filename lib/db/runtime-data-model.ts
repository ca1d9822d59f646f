import type { PrismaClient } from "./generated/client";

/** The slice of Prisma's runtime data model (generated into the client) that tooling and tests read. */
export interface RuntimeField {
  name: string;
  kind: "scalar" | "object" | "enum" | "unsupported";
  type: string;
  /** Column name when it differs from the field name (`@map`). */
  dbName?: string | null;
  relationName?: string;
}

export interface RuntimeModel {
  /** Table name when it differs from the model name (`@@map`). */
  dbName: string | null;
  fields: RuntimeField[];
}

export interface RuntimeDataModel {
  models: Record<string, RuntimeModel>;
}

type ClientWithDataModel = PrismaClient & { _runtimeDataModel?: RuntimeDataModel };

export function runtimeDataModel(client: PrismaClient): RuntimeDataModel {
  const model = (client as ClientWithDataModel)._runtimeDataModel;
  if (!model) throw new Error("The Prisma client exposes no runtime data model.");
  return model;
}

export const tableName = (name: string, model: RuntimeModel): string => model.dbName ?? name;
export const columnName = (field: RuntimeField): string => field.dbName ?? field.name;
export const columnFields = (model: RuntimeModel): RuntimeField[] => model.fields.filter((f) => f.kind === "scalar" || f.kind === "enum");
