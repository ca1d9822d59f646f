import { noteWrite } from "../consistency";
import { assertDeletable, assertInsertable, assertQueryable } from "../model-checks";
import { sqlRunner } from "../store/sql-runner";
import type { RelationTuple } from "../tuples";
import { settingsOf, type PermissionContext } from "./context";
import { insertCoalesced } from "./write-batcher";
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
 * statement (see writeStatement), shared with concurrent inserts of the project (see insertCoalesced); a PATCH
 * that both deletes and inserts deletes first in the same transaction, so a tuple deleted and inserted by one
 * PATCH ends up stored.
 */
export async function changeRelationships(ctx: PermissionContext, change: RelationshipChange, action: string): Promise<number> {
  const { model } = settingsOf(ctx);
  const inserts = change.insert ?? [];
  const deletes = change.delete ?? [];
  for (const t of inserts) assertInsertable(model, t);
  for (const t of deletes) assertDeletable(model, t);
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
      const before = await tx.$executeRawUnsafe(deleteTuplesSql(values, deletes), ...values);
      const write = writeStatement(projectId, [{ insert: inserts, audit }], { tuples: [], before });
      const [row] = (await tx.$queryRawUnsafe(write.text, ...write.values)) as { seq: bigint }[];
      return Number(row.seq);
    });
  } else if (deletes.length || change.deleteWhere) {
    const write = writeStatement(projectId, [{ insert: [], audit }], { tuples: deletes, where: change.deleteWhere, before: 0 });
    const [row] = await (await sqlRunner())("", write.text, write.values);
    seq = Number(row.seq);
  } else {
    seq = await insertCoalesced(projectId, { insert: inserts, audit });
  }
  noteWrite(projectId, seq);
  return seq;
}
