import { isOpen, type NamespaceModel, type Rewrite } from "../opl/ast";
import type { TupleReader } from "../store/types";
import { formatSubject, usersetKey, type Subject, type Userset } from "../tuples";
import { intersectionOf, invert, unionOf, type Membership, type Outcome, type TraceNode } from "./membership";

export interface CheckOptions {
  /** Remaining relation hops; every subject-set expansion, computed permission and traverse costs one. */
  maxDepth: number;
  /** Record the evaluated graph (for the console's "why" explanation). */
  explain?: boolean;
}

/**
 * Zanzibar's check (§2.4.4) over OPL rewrites. One instance answers one question; lookups and sub-results
 * are memoized for the duration of the question, and the depth bound guarantees that cycles terminate.
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
    const namespace = this.model.namespaces.get(target.namespace);
    const permit = namespace?.permits.get(target.relation);
    if (permit) {
      const result = await this.rewrite(target, permit, depth);
      return this.node("permission", label, result.membership, [result]);
    }
    if (!namespace || (!isOpen(namespace) && !namespace.relations.has(target.relation))) {
      return this.node("undeclared", label, "not_member");
    }
    const { direct, sets } = await this.store.lookup(target.namespace, target.object, target.relation, this.subject);
    if (direct) return this.node("relation", label, "member", [this.node("tuple", `${label}@${formatSubject(this.subject)}`, "member")]);
    const expandable = sets.filter((s) => s.relation !== "");
    const results = await Promise.all(expandable.map((s) => this.isAllowed(s, depth - 1)));
    const wrapped = results.map((r, i) => this.node("subject_set", `${label}@${usersetKey(expandable[i])}`, r.membership, [r]));
    return this.node("relation", label, unionOf(results.map((r) => r.membership)), wrapped);
  }

  private async rewrite(target: Userset, rewrite: Rewrite, depth: number): Promise<Outcome> {
    switch (rewrite.kind) {
      case "computed": {
        const result = await this.isAllowed({ ...target, relation: rewrite.relation }, depth - 1);
        return this.node("computed", `${usersetKey(target)} → ${rewrite.relation}`, result.membership, [result]);
      }
      case "traverse": {
        const { sets } = await this.store.lookup(target.namespace, target.object, rewrite.relation, undefined);
        const results = await Promise.all(sets.map((s) => this.isAllowed({ namespace: s.namespace, object: s.object, relation: rewrite.computed }, depth - 1)));
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
