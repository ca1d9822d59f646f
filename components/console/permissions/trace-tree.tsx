import type { TraceNode } from "@/lib/permissions/engine/membership";

const tone: Record<TraceNode["result"], string> = {
  member: "text-green-700 dark:text-green-400",
  not_member: "text-slate-500",
  unknown: "text-amber-700 dark:text-amber-400",
};

/** The evaluated check graph as a nested list: every node with its result. */
export function TraceTree({ node }: { node: TraceNode }) {
  return (
    <ul className="ml-3 border-l border-slate-200 pl-3 font-mono text-xs dark:border-slate-700">
      <li>
        <span className={tone[node.result]}>{node.result === "member" ? "✓" : node.result === "unknown" ? "?" : "✗"}</span>{" "}
        <span className="text-slate-500">{node.kind}</span> {node.label}
        {node.children?.map((child, i) => <TraceTree key={i} node={child} />)}
      </li>
    </ul>
  );
}
