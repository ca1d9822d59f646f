import { AppError, notFound } from "@/lib/core/errors";
import { isUuid, newId } from "@/lib/core/ids";
import { ASYNC_COMMIT_SOURCE, sqlRunner, type Row, type SqlStatement } from "@/lib/db/sql-runner";
import type { FlowContext, FlowInternals, FlowKind, FlowRecord, FlowType } from "./types";
import type { UiContainer } from "../ui";

export const FLOW_COLUMNS = `id, kind, type, state, request_url, return_to, active, ui, csrf_hash, identity_id, session_id, context,
  expires_at, issued_at, created_at, updated_at`;

export const flowFromRow = (row: Row): FlowRecord => ({
  id: row.id as string,
  kind: row.kind as FlowKind,
  type: row.type as FlowType,
  state: row.state as string,
  requestUrl: row.request_url as string,
  returnTo: row.return_to as string,
  active: row.active as string,
  ui: row.ui as UiContainer,
  csrfHash: row.csrf_hash as string,
  identityId: row.identity_id as string | null,
  sessionId: row.session_id as string | null,
  context: (row.context ?? {}) as FlowInternals,
  expiresAt: row.expires_at as Date,
  issuedAt: row.issued_at as Date,
  createdAt: row.created_at as Date,
  updatedAt: row.updated_at as Date,
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

// Flows are on every self-service request: plain SQL on the shared pool (Prisma's per-statement cost is several
// times the statement's own). Every statement is constrained by project_id ($1).

/** Stores a new flow; the record returned is the input as stored (no read-back). */
export async function insertFlow(ctx: FlowContext, input: NewFlow): Promise<FlowRecord> {
  const flow: FlowRecord = {
    id: input.id ?? newId(),
    kind: input.kind,
    type: input.type,
    state: input.state,
    requestUrl: input.requestUrl,
    returnTo: input.returnTo ?? "",
    active: "",
    ui: input.ui,
    csrfHash: input.csrfHash,
    identityId: input.identityId ?? null,
    sessionId: input.sessionId ?? null,
    context: input.context ?? {},
    expiresAt: new Date(ctx.now.getTime() + input.lifespanMs),
    issuedAt: ctx.now,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  const run = await sqlRunner();
  await run("pc_flow_insert", `INSERT INTO self_service_flows (project_id, ${FLOW_COLUMNS})
    SELECT $1::uuid, $2::uuid, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11::uuid, $12::uuid, $13::jsonb, $14::timestamptz, $15::timestamptz,
      $16::timestamptz, $17::timestamptz FROM ${ASYNC_COMMIT_SOURCE}`, [
    ctx.project.id, flow.id, flow.kind, flow.type, flow.state, flow.requestUrl, flow.returnTo, flow.active, JSON.stringify(flow.ui),
    flow.csrfHash, flow.identityId, flow.sessionId, JSON.stringify(flow.context), flow.expiresAt, flow.issuedAt, flow.createdAt, flow.updatedAt,
  ]);
  return flow;
}

/** Finds a flow of this kind; unknown ids (or another project's, or another kind's) are Kratos' 404. */
export async function findFlow(ctx: FlowContext, kind: FlowKind, id: string | null | undefined): Promise<FlowRecord> {
  if (!id) {
    throw new AppError("bad_request", "The flow query parameter is missing or malformed.", { id: "self_service_flow_id_missing", reason: "The `flow` (or `id`) query parameter is required." });
  }
  const run = await sqlRunner();
  const find = findFlowStatement(ctx, kind, id);
  const rows = isUuid(id) ? await run(find.name, find.text, find.values) : [];
  if (!rows[0]) throw flowNotFound(kind, id);
  return flowFromRow(rows[0]);
}

/** findFlow's read, for a caller that runs it in a round trip of its own (the id must be a UUID). */
export const findFlowStatement = (ctx: FlowContext, kind: FlowKind, id: string): SqlStatement => ({
  name: "pc_flow_find",
  text: `SELECT ${FLOW_COLUMNS} FROM self_service_flows WHERE project_id = $1::uuid AND id = $2::uuid AND kind = $3`,
  values: [ctx.project.id, id, kind],
});

/** Writes a flow's mutable fields back; the record returned is the flow as stored. */
export async function saveFlow(ctx: FlowContext, flow: FlowRecord): Promise<FlowRecord> {
  const run = await sqlRunner();
  const rows = await run("pc_flow_save", `UPDATE self_service_flows SET state = $3, active = $4, ui = $5::jsonb, identity_id = $6::uuid,
    session_id = $7::uuid, context = $8::jsonb, return_to = $9, updated_at = $10::timestamptz WHERE project_id = $1::uuid AND id = $2::uuid RETURNING id`, [
    ctx.project.id, flow.id, flow.state, flow.active, JSON.stringify(flow.ui), flow.identityId, flow.sessionId,
    JSON.stringify(flow.context), flow.returnTo, ctx.now,
  ]);
  if (!rows[0]) throw flowNotFound(flow.kind, flow.id);
  return { ...flow, updatedAt: ctx.now };
}

/**
 * Records a flow's outcome (state, active method, updated_at) without rewriting its ui and context. `alongside`
 * (e.g. the new session's INSERT) runs in the same statement as a data-modifying CTE: one round trip and one
 * commit for both, and neither is stored without the other.
 */
export async function saveFlowOutcome(ctx: FlowContext, flow: FlowRecord, alongside?: SqlStatement): Promise<FlowRecord> {
  if (alongside && alongside.values[0] !== ctx.project.id) throw new Error("a statement run with a flow must be constrained by the flow's project ($1)");
  const run = await sqlRunner();
  const values = [ctx.project.id, flow.id, flow.state, flow.active, ctx.now];
  const rows = alongside
    ? await run(`${alongside.name}+pc_flow_outcome`, outcomeWith(alongside), [...alongside.values, ...values.slice(1)])
    : await run("pc_flow_outcome", outcomeSql(2), values);
  if (!rows[0]) throw flowNotFound(flow.kind, flow.id);
  return { ...flow, updatedAt: ctx.now };
}

/** The outcome UPDATE with its own parameters from $first on ($1 stays the project id). */
const outcomeSql = (first: number) => `UPDATE self_service_flows SET state = $${first + 1}, active = $${first + 2}, updated_at = $${first + 3}::timestamptz
  WHERE project_id = $1::uuid AND id = $${first}::uuid RETURNING id`;

const outcomeWithCache = new Map<string, string>();
function outcomeWith(alongside: SqlStatement): string {
  let text = outcomeWithCache.get(alongside.name);
  if (text === undefined) {
    text = `WITH alongside AS (${alongside.text}) ${outcomeSql(alongside.values.length + 1)}`;
    outcomeWithCache.set(alongside.name, text);
  }
  return text;
}

export const flowNotFound = (kind: FlowKind, id: string) =>
  notFound(`Unable to locate the resource`, { id: "self_service_flow_not_found", reason: `The ${kind} flow "${id.slice(0, 64)}" does not exist.` });

/** Removes expired flows (and their codes) older than a grace period; housekeeping. */
export async function pruneFlows(ctx: Pick<FlowContext, "db">, before: Date): Promise<number> {
  const { count } = await ctx.db.selfServiceFlow.deleteMany({ where: { expiresAt: { lt: before } } });
  await ctx.db.selfServiceCode.deleteMany({ where: { expiresAt: { lt: before } } });
  return count;
}
