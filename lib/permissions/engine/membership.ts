/**
 * Three-valued results, as in Keto: a check that runs out of depth is `unknown`, not `not_member`, so that
 * negation never turns "we did not look far enough" into a grant (Kleene logic: !unknown = unknown).
 * Only `member` allows.
 */
export type Membership = "member" | "not_member" | "unknown";

export interface TraceNode {
  kind: "permission" | "relation" | "tuple" | "self" | "subject_set" | "computed" | "traverse" | "union" | "intersection" | "not" | "max_depth" | "undeclared";
  /** `namespace:object#relation` the node evaluated (or the tuple, for kind "tuple"). */
  label: string;
  result: Membership;
  children?: TraceNode[];
}

export interface Outcome {
  membership: Membership;
  trace?: TraceNode;
}

export function unionOf(results: Membership[]): Membership {
  if (results.includes("member")) return "member";
  return results.includes("unknown") ? "unknown" : "not_member";
}

export function intersectionOf(results: Membership[]): Membership {
  if (results.length === 0 || results.includes("not_member")) return "not_member";
  return results.includes("unknown") ? "unknown" : "member";
}

export function invert(result: Membership): Membership {
  return result === "member" ? "not_member" : result === "not_member" ? "member" : "unknown";
}

/** The branch of a trace that decided a grant: from the permission down to the stored tuple. */
export function grantPath(node: TraceNode): TraceNode[] {
  const path: TraceNode[] = [{ kind: node.kind, label: node.label, result: node.result }];
  if (node.result !== "member" || !node.children?.length) return path;
  if (node.kind === "intersection" || node.kind === "not") {
    for (const child of node.children) path.push(...grantPath(child));
    return path;
  }
  const decisive = node.children.find((c) => c.result === "member");
  return decisive ? [...path, ...grantPath(decisive)] : path;
}
