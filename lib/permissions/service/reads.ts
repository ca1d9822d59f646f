import { sqlRunner } from "../store/sql-runner";
import { rowSubject } from "../store/sql";
import { assertQueryable } from "../model-checks";
import type { RelationTuple } from "../tuples";
import { readVersion } from "../consistency";
import { settingsOf, type PermissionContext } from "./context";
import { filterConditions, type TupleFilter } from "./write-sql";
import { badRequest } from "@/lib/core/errors";

const KEY_COLUMNS = "namespace, object, relation, subject_set_namespace, subject_set_object, subject_set_relation, subject_id";

export function encodePageToken(key: string[]): string {
  return Buffer.from(JSON.stringify(key), "utf8").toString("base64url");
}

export function decodePageToken(token: string, length: number): string[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
    if (Array.isArray(key) && key.length === length && key.every((k) => typeof k === "string")) return key;
  } catch {
    // fall through
  }
  throw badRequest("The page token is invalid.", { id: "invalid_page_token" });
}

export interface TuplePage {
  tuples: RelationTuple[];
  nextPageToken: string;
  version: number;
}

/** Keto's GET /relation-tuples: tuples matching a filter, in primary-key order, with keyset page tokens. */
export async function queryRelationships(ctx: PermissionContext, filter: TupleFilter, page: { size: number; token?: string; minimumVersion?: number }): Promise<TuplePage> {
  assertQueryable(settingsOf(ctx).model, filter.namespace);
  const run = await sqlRunner();
  const version = await readVersion(run, ctx.project.id, page.minimumVersion);
  const values: unknown[] = [ctx.project.id];
  const where = filterConditions(filter, values);
  let after = "";
  if (page.token) {
    const key = decodePageToken(page.token, 7);
    after = ` AND (${KEY_COLUMNS}) > (${key.map((_, i) => `$${values.length + i + 1}`).join(", ")})`;
    values.push(...key);
  }
  values.push(page.size + 1);
  const rows = await run("", `SELECT ${KEY_COLUMNS} FROM relation_tuples WHERE project_id = $1::uuid${where}${after}
    ORDER BY ${KEY_COLUMNS} LIMIT $${values.length}`, values);
  const more = rows.length > page.size;
  const pageRows = more ? rows.slice(0, page.size) : rows;
  const tuples = pageRows.map((r) => ({ namespace: String(r.namespace), object: String(r.object), relation: String(r.relation), subject: rowSubject(r) }));
  const last = pageRows.at(-1);
  const nextPageToken = more && last ? encodePageToken(KEY_COLUMNS.split(", ").map((c) => String(last[c]))) : "";
  return { tuples, nextPageToken, version };
}
