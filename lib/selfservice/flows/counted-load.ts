import type { Row, SqlStatement } from "@/lib/db/sql-runner";
import { enforceRateLimitsWith, type LimitInput } from "@/lib/ratelimit";
import { FLOW_COLUMNS, findFlowStatement, flowFromRow, flowNotFound } from "./store";
import type { FlowContext, FlowKind, FlowRecord } from "./types";

/** What countAndLoad read with the limits; nothing when the store could not (Redis), and the caller reads for itself. */
export interface CountedLoad {
  flow?: FlowRecord;
  /** The rows of the strategy's prefetch statement, by its name (see Strategy.prefetch). */
  prefetched?: { name: string; rows: Row[] };
}

const FLOW_COLUMN_NAMES = FLOW_COLUMNS.split(",").map((column) => column.trim());
const PREFIX = "flow_";

/**
 * Counts a submission's rate limits (throwing RateLimitedError as enforceRateLimits does) and, in the same round
 * trip, reads its flow and the responsible strategy's first read: one statement instead of three on PostgreSQL.
 * An unknown flow is the usual 404, after its submission was counted (a probe of flow ids counts like any other).
 */
export async function countAndLoad(ctx: FlowContext, kind: FlowKind, flowId: string, limits: LimitInput[], prefetch?: SqlStatement): Promise<CountedLoad> {
  const { rows } = await enforceRateLimitsWith(limits, flowReadWith(findFlowStatement(ctx, kind, flowId), prefetch));
  if (!rows) return {};
  if (!rows[0]) throw flowNotFound(kind, flowId);
  const flow = flowFromRow(unprefixed(rows[0]));
  if (!prefetch) return { flow };
  const own = rows.filter((row) => row.prefetch_found === true).map(prefetchColumns);
  return { flow, prefetched: { name: prefetch.name, rows: own } };
}

const joinedText = new Map<string, string>();

/** The flow's row (columns prefixed flow_) joined with the prefetch's rows; $1 (the project) is shared. */
function flowReadWith(find: SqlStatement, prefetch: SqlStatement | undefined): SqlStatement {
  if (prefetch && prefetch.values[0] !== find.values[0]) throw new Error("a prefetch read with a flow must be constrained by the flow's project ($1)");
  const name = prefetch ? `${find.name}+${prefetch.name}` : find.name;
  let text = joinedText.get(name);
  if (text === undefined) {
    const columns = FLOW_COLUMN_NAMES.map((column) => `f.${column} AS ${PREFIX}${column}`).join(", ");
    // The prefetch's own placeholders move up past the flow's ($2, $3); its $1 stays the project.
    const shift = find.values.length - 1;
    const renumbered = prefetch?.text.replace(/\$(\d+)/g, (whole, n: string) => (n === "1" ? whole : `$${Number(n) + shift}`));
    text = prefetch
      ? `SELECT ${columns}, p.* FROM (${find.text}) f LEFT JOIN (SELECT true AS prefetch_found, x.* FROM (${renumbered}) x) p ON true`
      : `SELECT ${columns} FROM (${find.text}) f`;
    joinedText.set(name, text);
  }
  return { name, text, values: [...find.values, ...(prefetch?.values.slice(1) ?? [])] };
}

function unprefixed(row: Row): Row {
  const flow: Row = {};
  for (const column of FLOW_COLUMN_NAMES) flow[column] = row[PREFIX + column];
  return flow;
}

function prefetchColumns(row: Row): Row {
  const own: Row = {};
  for (const [column, value] of Object.entries(row)) if (!column.startsWith(PREFIX) && column !== "prefetch_found") own[column] = value;
  return own;
}
