import type { NamespaceModel } from "./opl/ast";
import { rewriteLeaves } from "./engine/analysis";

export interface GraphNode {
  id: string;
  x: number;
  y: number;
  relations: string[];
  permits: string[];
}

export interface GraphEdge {
  from: string;
  to: string;
  /** "namespace.relation" that creates the edge, and how: stored subject type, or traverse. */
  label: string;
  kind: "relation" | "traverse";
}

/** The namespace graph for a picture: namespaces on a circle, edges from a relation to the namespaces it holds. */
export function namespaceGraph(model: NamespaceModel, size = 520): { nodes: GraphNode[]; edges: GraphEdge[]; size: number } {
  const names = [...model.namespaces.keys()];
  const radius = names.length > 1 ? size / 2 - 90 : 0;
  const nodes = names.map((id, i) => {
    const angle = (2 * Math.PI * i) / Math.max(names.length, 1) - Math.PI / 2;
    const ns = model.namespaces.get(id)!;
    return { id, x: size / 2 + radius * Math.cos(angle), y: size / 2 + radius * Math.sin(angle), relations: [...ns.relations.keys()], permits: [...ns.permits.keys()] };
  });
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  const add = (edge: GraphEdge) => {
    const key = `${edge.from}>${edge.to}>${edge.label}`;
    if (!seen.has(key)) {
      seen.add(key);
      edges.push(edge);
    }
  };
  for (const ns of model.namespaces.values()) {
    for (const relation of ns.relations.values()) {
      for (const type of relation.types) {
        add({ from: ns.name, to: type.namespace, label: `${relation.name}${type.relation ? `#${type.relation}` : ""}`, kind: "relation" });
      }
    }
    for (const [permit, rewrite] of ns.permits) {
      for (const leaf of rewriteLeaves(rewrite)) {
        if (leaf.kind !== "traverse") continue;
        for (const type of ns.relations.get(leaf.relation)?.types ?? []) {
          add({ from: ns.name, to: type.namespace, label: `${permit}: ${leaf.relation} → ${leaf.computed}`, kind: "traverse" });
        }
      }
    }
  }
  return { nodes, edges, size };
}
