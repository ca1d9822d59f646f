import { admitsSet, admitsSubject, computedCost, readsStoredTuples, relationKind } from "../declarations";
import type { NamespaceModel, Rewrite } from "../opl/ast";
import type { TupleReader } from "../store/types";
import { formatSubject, usersetKey, type Subject, type Userset } from "../tuples";
import { intersectionOf, invert, unionOf, type Membership, type Outcome, type TraceNode } from "./membership";

export interface CheckOptions {
  /** Remaining hops: every subject-set expansion, traversal and permission call costs one (README, Semantics). */
  maxDepth: number;
  /** Record the evaluated graph (for the console's "why" explanation). */
  explain?: boolean;
}

/** Whether the subject is the userset itself: a subject set is a member of itself (Keto, OpenFGA). */
const isItself = (subject: Subject, target: Userset) =>
  subject.type === "set" && subject.namespace === target.namespace && subject.object === target.object && subject.relation === target.relation;

/**
 * Zanzibar's check (§2.4.4) over OPL rewrites. One instance answers one question. Every result is a function
 * of (userset, remaining depth) alone — costs are fixed by the model, never by the path that led there — so
 * memoizing by that pair is exact, and the strictly decreasing depth bounds every cycle.
 */
export class CheckRun {
  private readonly memo = new Map<string, Promise<Outcome>>();

  constructor(
    private readonly model: NamespaceModel,
    private readonly store: TupleReader,
    private readonly subject: Subject,
    private readonly explain = false,
  ) {}

  isAllowed(target: Userset, depth: number): Promise<Outcome> {
    if (isItself(this.subject, target)) return Promise.resolve(this.node("self", usersetKey(target), "member"));
    const key = `${depth}|${usersetKey(target)}`;
    let pending = this.memo.get(key);
    if (!pending) {
      pending = this.evaluate(target, depth);
      this.memo.set(key, pending);
    }
    return pending;
  }

  private node(kind: TraceNode["kind"], label: string, membership: Membership, children?: Outcome[]): Outcome {
    if (!this.explain) return { membership };
    const traces = children?.map((c) => c.trace).filter((t): t is TraceNode => Boolean(t));
    return { membership, trace: { kind, label, result: membership, ...(traces?.length ? { children: traces } : {}) } };
  }

  private async evaluate(target: Userset, depth: number): Promise<Outcome> {
    const label = usersetKey(target);
    if (depth <= 0) return this.node("max_depth", label, "unknown");
    const kind = relationKind(this.model, target.namespace, target.relation);
    const permit = kind === "permit" ? this.model.namespaces.get(target.namespace)!.permits.get(target.relation) : undefined;
    const stored = readsStoredTuples(this.model, kind);
    if (!permit) return stored ? this.stored(target, depth) : this.node("undeclared", label, "not_member");
    // Keto's non-strict mode: tuples stored under a permission's name count next to its rewrite.
    const parts = await Promise.all(stored ? [this.rewrite(target, permit, depth), this.stored(target, depth)] : [this.rewrite(target, permit, depth)]);
    return this.node("permission", label, unionOf(parts.map((p) => p.membership)), parts);
  }

  /** The tuples stored under the userset: the subject itself, or a member of a stored subject set. */
  private async stored(target: Userset, depth: number): Promise<Outcome> {
    const label = usersetKey(target);
    const { namespace, relation } = target;
    const { direct, sets } = await this.store.lookup(namespace, target.object, relation, this.subject);
    if (direct && admitsSubject(this.model, namespace, relation, this.subject)) {
      return this.node("relation", label, "member", [this.node("tuple", `${label}@${formatSubject(this.subject)}`, "member")]);
    }
    const expandable = sets.filter((s) => s.relation !== "" && admitsSet(this.model, namespace, relation, s));
    const results = await Promise.all(expandable.map((s) => this.isAllowed(s, depth - 1)));
    const wrapped = results.map((r, i) => this.node("subject_set", `${label}@${usersetKey(expandable[i])}`, r.membership, [r]));
    return this.node("relation", label, unionOf(results.map((r) => r.membership)), wrapped);
  }

  private async rewrite(target: Userset, rewrite: Rewrite, depth: number): Promise<Outcome> {
    switch (rewrite.kind) {
      case "computed": {
        const cost = computedCost(this.model, target.namespace, rewrite.relation);
        const result = await this.isAllowed({ ...target, relation: rewrite.relation }, depth - cost);
        return this.node("computed", `${usersetKey(target)} → ${rewrite.relation}`, result.membership, [result]);
      }
      case "traverse": {
        // Zanzibar's tuple_to_userset: the parents are the objects of the subject sets stored under the relation.
        const { sets } = await this.store.lookup(target.namespace, target.object, rewrite.relation, undefined);
        const parents = sets.filter((s) => admitsSet(this.model, target.namespace, rewrite.relation, s));
        const results = await Promise.all(parents.map((s) => this.isAllowed({ namespace: s.namespace, object: s.object, relation: rewrite.computed }, depth - 1)));
        const label = `${target.namespace}:${target.object}#${rewrite.relation} → ${rewrite.computed}`;
        return this.node("traverse", label, unionOf(results.map((r) => r.membership)), results);
      }
      case "union":
      case "intersection": {
        const results = await Promise.all(rewrite.children.map((c) => this.rewrite(target, c, depth)));
        const memberships = results.map((r) => r.membership);
        const result = rewrite.kind === "union" ? unionOf(memberships) : intersectionOf(memberships);
        return this.node(rewrite.kind, rewrite.kind === "union" ? "||" : "&&", result, results);
      }
      case "not": {
        const result = await this.rewrite(target, rewrite.child, depth);
        return this.node("not", "!", invert(result.membership), [result]);
      }
    }
  }
}

/** Does `subject` have `target.relation` on `target.object`? */
export function checkPermission(model: NamespaceModel, store: TupleReader, target: Userset, subject: Subject, options: CheckOptions): Promise<Outcome> {
  return new CheckRun(model, store, subject, options.explain).isAllowed(target, options.maxDepth);
}
