import type { GraphEdge, GraphNode } from "@/lib/permissions/namespace-graph";

/** The namespaces and the relations between them, as an inline SVG (relations solid, traversals dashed). */
export function NamespaceGraph({ graph, label, empty }: { graph: { nodes: GraphNode[]; edges: GraphEdge[]; size: number }; label: string; empty: string }) {
  if (graph.nodes.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">{empty}</p>;
  const at = new Map(graph.nodes.map((n) => [n.id, n]));
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${graph.size} ${graph.size}`} className="mx-auto h-auto w-full max-w-xl text-slate-700 dark:text-slate-200" data-testid="namespace-graph">
      <defs>
        <marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
          <path d="M0 0L10 5L0 10z" fill="currentColor" />
        </marker>
      </defs>
      {graph.edges.map((edge, i) => {
        const from = at.get(edge.from);
        const to = at.get(edge.to);
        if (!from || !to) return null;
        if (from === to) {
          return (
            <g key={i}>
              <path d={`M${from.x + 30} ${from.y - 10} c40 -40 40 30 0 20`} fill="none" stroke="currentColor" strokeDasharray={edge.kind === "traverse" ? "4 3" : undefined} markerEnd="url(#arrow)" />
              <text x={from.x + 62} y={from.y - 4 + (i % 3) * 10} fontSize="9" fill="currentColor">{edge.label}</text>
            </g>
          );
        }
        const dx = to.x - from.x;
        const dy = to.y - from.y;
        const length = Math.hypot(dx, dy) || 1;
        const [ux, uy] = [dx / length, dy / length];
        const x1 = from.x + ux * 34, y1 = from.y + uy * 34, x2 = to.x - ux * 34, y2 = to.y - uy * 34;
        return (
          <g key={i}>
            <line x1={x1} y1={y1} x2={x2} y2={y2} stroke="currentColor" strokeOpacity="0.6" strokeDasharray={edge.kind === "traverse" ? "4 3" : undefined} markerEnd="url(#arrow)" />
            <text x={(x1 + x2) / 2 - uy * 8} y={(y1 + y2) / 2 + ux * 8 + (i % 2) * 9} fontSize="9" textAnchor="middle" fill="currentColor">{edge.label}</text>
          </g>
        );
      })}
      {graph.nodes.map((node) => (
        <g key={node.id}>
          <circle cx={node.x} cy={node.y} r="32" className="fill-white stroke-slate-400 dark:fill-slate-900" />
          <text x={node.x} y={node.y + 4} fontSize="12" fontWeight="600" textAnchor="middle" fill="currentColor">{node.id}</text>
          <title>{[...node.relations.map((r) => `related.${r}`), ...node.permits.map((p) => `permits.${p}`)].join("\n")}</title>
        </g>
      ))}
    </svg>
  );
}
