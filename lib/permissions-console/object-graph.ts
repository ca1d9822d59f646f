import { formatSubject, type RelationTuple } from "@/lib/permissions/tuples";

export interface ObjectGraphEdge {
  relation: string;
  subject: string;
  kind: "id" | "set";
  /** Where the subject's box sits (the object is at `center`). */
  x: number;
  y: number;
}

export interface ObjectGraphLayout {
  object: string;
  center: { x: number; y: number };
  edges: ObjectGraphEdge[];
  width: number;
  height: number;
}

const ROW = 44;
export const OBJECT_GRAPH_WIDTH = 640;

/**
 * Lays out one object's relationships one level out: the object on the left, its subjects (ids and subject sets) in
 * a column on the right, one arrow per relationship labelled with the relation. Sorted by relation, then subject.
 */
export function layoutObjectGraph(namespace: string, object: string, tuples: RelationTuple[]): ObjectGraphLayout {
  const rows = tuples
    .map((t) => ({ relation: t.relation, subject: formatSubject(t.subject), kind: t.subject.type }))
    .sort((a, b) => a.relation.localeCompare(b.relation) || a.subject.localeCompare(b.subject));
  const height = Math.max(120, rows.length * ROW + 40);
  return {
    object: `${namespace}:${object}`,
    center: { x: 120, y: height / 2 },
    edges: rows.map((row, i) => ({ ...row, x: 460, y: 20 + ROW / 2 + i * ROW })),
    width: OBJECT_GRAPH_WIDTH,
    height,
  };
}

/** Long ids would overflow the boxes: the SVG shows a shortened label, the table and the tooltip the full one. */
export function shortLabel(text: string, max = 26): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
