import type { NamespaceModel, Rewrite } from "../opl/ast";

export interface TraverseEdge {
  namespace: string;
  relation: string;
  permit: string;
}

/** Per-model indexes for the reverse (list objects) and forward (list subjects) searches. */
export interface ModelIndex {
  /** `ns#rel` → permissions of ns that mention `rel` as a computed relation. */
  computedBy: Map<string, string[]>;
  /** computed relation name → permissions that traverse to it: `(N, trel, P)` with P = trel.traverse(x => x.rel). */
  traversedBy: Map<string, TraverseEdge[]>;
  /** `ns#permit` → whether every grant of the permission rests on a stored tuple reachable from the subject. */
  bounded: Map<string, boolean>;
}

const cache = new WeakMap<NamespaceModel, ModelIndex>();

export function modelIndex(model: NamespaceModel): ModelIndex {
  let index = cache.get(model);
  if (!index) {
    index = build(model);
    cache.set(model, index);
  }
  return index;
}

export function* rewriteLeaves(rewrite: Rewrite): Generator<Extract<Rewrite, { kind: "computed" | "traverse" }>> {
  if (rewrite.kind === "computed" || rewrite.kind === "traverse") yield rewrite;
  else if (rewrite.kind === "not") yield* rewriteLeaves(rewrite.child);
  else for (const child of rewrite.children) yield* rewriteLeaves(child);
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function build(model: NamespaceModel): ModelIndex {
  const computedBy = new Map<string, string[]>();
  const traversedBy = new Map<string, TraverseEdge[]>();
  for (const ns of model.namespaces.values()) {
    for (const [permit, rewrite] of ns.permits) {
      for (const leaf of rewriteLeaves(rewrite)) {
        if (leaf.kind === "computed") push(computedBy, `${ns.name}#${leaf.relation}`, permit);
        else push(traversedBy, leaf.computed, { namespace: ns.name, relation: leaf.relation, permit });
      }
    }
  }
  const bounded = new Map<string, boolean>();
  const visiting = new Set<string>();
  const relationBounded = (namespace: string, relation: string): boolean => {
    const ns = model.namespaces.get(namespace);
    const rewrite = ns?.permits.get(relation);
    if (!ns || !rewrite) return true;
    const key = `${namespace}#${relation}`;
    const known = bounded.get(key);
    if (known !== undefined) return known;
    if (visiting.has(key)) return true; // a cycle adds no new way to grant
    visiting.add(key);
    const result = rewriteBounded(namespace, rewrite);
    visiting.delete(key);
    bounded.set(key, result);
    return result;
  };
  const rewriteBounded = (namespace: string, rewrite: Rewrite): boolean => {
    switch (rewrite.kind) {
      case "computed":
        return relationBounded(namespace, rewrite.relation);
      case "traverse": {
        const types = model.namespaces.get(namespace)?.relations.get(rewrite.relation)?.types ?? [];
        return types.every((t) => relationBounded(t.namespace, rewrite.computed));
      }
      case "union":
        return rewrite.children.every((c) => rewriteBounded(namespace, c));
      case "intersection":
        return rewrite.children.some((c) => rewriteBounded(namespace, c));
      case "not":
        return false;
    }
  };
  for (const ns of model.namespaces.values()) for (const permit of ns.permits.keys()) relationBounded(ns.name, permit);
  return { computedBy, traversedBy, bounded };
}

/** Negation can grant objects or subjects that no tuple mentions near the question; then we enumerate all. */
export const isBounded = (model: NamespaceModel, namespace: string, relation: string) =>
  modelIndex(model).bounded.get(`${namespace}#${relation}`) ?? true;
