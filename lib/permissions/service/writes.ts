import { noteWrite } from "../consistency";
import { assertQueryable, assertWritable } from "../model-checks";
import { sqlRunner } from "../store/sql-runner";
import type { RelationTuple } from "../tuples";
import { settingsOf, type PermissionContext } from "./context";
import { deleteTuplesSql, writeStatement, type TupleFilter } from "./write-sql";

export type { TupleFilter } from "./write-sql";

export interface RelationshipChange {
  insert?: RelationTuple[];
  delete?: RelationTuple[];
  /** Keto's DELETE /admin/relation-tuples: every tuple matching the filter. */
  deleteWhere?: TupleFilter;
}

/**
 * Applies inserts and deletes atomically (Keto's PATCH is all-or-nothing), bumps the project's write sequence
 * and records the audit event. Returns the sequence: the consistency token of this write. Usually one
 * statement (see writeStatement); a PATCH that both deletes and inserts deletes first in the same transaction,
 * so a tuple deleted and inserted by one PATCH ends up stored.
 */
export async function changeRelationships(ctx: PermissionContext, change: RelationshipChange, action: string): Promise<number> {
  const { model } = settingsOf(ctx);
  const inserts = change.insert ?? [];
  const deletes = change.delete ?? [];
  for (const t of [...inserts, ...deletes]) assertWritable(model, t);
  if (change.deleteWhere) assertQueryable(model, change.deleteWhere.namespace);
  const projectId = ctx.project.id;
  const audit = {
    workspaceId: ctx.project.workspaceId, actorType: ctx.actor.type, actorId: ctx.actor.id ?? "", action, ip: ctx.request?.ip ?? "",
    data: change.deleteWhere ? { filter: change.deleteWhere } : {},
  };

  let seq: number;
  if (inserts.length && deletes.length) {
    seq = await ctx.db.$transaction(async (tx) => {
      const values: unknown[] = [projectId];
      const deletedBefore = await tx.$executeRawUnsafe(deleteTuplesSql(values, deletes), ...values);
      const write = writeStatement(projectId, { insert: inserts, delete: [], deletedBefore }, audit);
      const [row] = (await tx.$queryRawUnsafe(write.text, ...write.values)) as { seq: bigint }[];
      return Number(row.seq);
    });
  } else {
    const write = writeStatement(projectId, { insert: inserts, delete: deletes, deleteWhere: change.deleteWhere, deletedBefore: 0 }, audit);
    const [row] = await (await sqlRunner())("", write.text, write.values);
    seq = Number(row.seq);
  }
  noteWrite(projectId, seq);
  return seq;
}
