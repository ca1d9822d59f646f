import { AppError, notFound } from "@/lib/core/errors";
import { isUuid, newId } from "@/lib/core/ids";
import type { SelfServiceFlow } from "@/lib/db/generated/client";
import type { FlowContext, FlowInternals, FlowKind, FlowRecord, FlowType } from "./types";
import type { UiContainer } from "./ui";

const fromRow = (row: SelfServiceFlow): FlowRecord => ({
  id: row.id,
  kind: row.kind as FlowKind,
  type: row.type as FlowType,
  state: row.state,
  requestUrl: row.requestUrl,
  returnTo: row.returnTo,
  active: row.active,
  ui: row.ui as unknown as UiContainer,
  csrfHash: row.csrfHash,
  identityId: row.identityId,
  sessionId: row.sessionId,
  context: (row.context ?? {}) as FlowInternals,
  expiresAt: row.expiresAt,
  issuedAt: row.issuedAt,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

export interface NewFlow {
  kind: FlowKind;
  type: FlowType;
  state: string;
  requestUrl: string;
  returnTo?: string;
  ui: UiContainer;
  csrfHash: string;
  identityId?: string | null;
  sessionId?: string | null;
  context?: FlowInternals;
  lifespanMs: number;
  id?: string;
}

export async function insertFlow(ctx: FlowContext, input: NewFlow): Promise<FlowRecord> {
  const row = await ctx.db.selfServiceFlow.create({
    data: {
      projectId: ctx.project.id,
      id: input.id ?? newId(),
      kind: input.kind,
      type: input.type,
      state: input.state,
      requestUrl: input.requestUrl,
      returnTo: input.returnTo ?? "",
      ui: input.ui as object,
      csrfHash: input.csrfHash,
      identityId: input.identityId ?? null,
      sessionId: input.sessionId ?? null,
      context: (input.context ?? {}) as object,
      issuedAt: ctx.now,
      expiresAt: new Date(ctx.now.getTime() + input.lifespanMs),
      createdAt: ctx.now,
    },
  });
  return fromRow(row);
}

/** Finds a flow of this kind; unknown ids (or another project's, or another kind's) are Kratos' 404. */
export async function findFlow(ctx: FlowContext, kind: FlowKind, id: string | null | undefined): Promise<FlowRecord> {
  if (!id) {
    throw new AppError("bad_request", "The flow query parameter is missing or malformed.", { id: "self_service_flow_id_missing", reason: "The `flow` (or `id`) query parameter is required." });
  }
  const row = isUuid(id) ? await ctx.db.selfServiceFlow.findFirst({ where: { id, kind } }) : null;
  if (!row) throw notFound(`Unable to locate the resource`, { id: "self_service_flow_not_found", reason: `The ${kind} flow "${id.slice(0, 64)}" does not exist.` });
  return fromRow(row);
}

export async function saveFlow(ctx: FlowContext, flow: FlowRecord): Promise<FlowRecord> {
  const row = await ctx.db.selfServiceFlow.update({
    where: { projectId_id: { projectId: ctx.project.id, id: flow.id } },
    data: {
      state: flow.state,
      active: flow.active,
      ui: flow.ui as object,
      identityId: flow.identityId,
      sessionId: flow.sessionId,
      context: flow.context as object,
      returnTo: flow.returnTo,
      updatedAt: ctx.now,
    },
  });
  return fromRow(row);
}

/** Removes expired flows (and their codes) older than a grace period; housekeeping. */
export async function pruneFlows(ctx: Pick<FlowContext, "db">, before: Date): Promise<number> {
  const { count } = await ctx.db.selfServiceFlow.deleteMany({ where: { expiresAt: { lt: before } } });
  await ctx.db.selfServiceCode.deleteMany({ where: { expiresAt: { lt: before } } });
  return count;
}
