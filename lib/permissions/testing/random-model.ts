import fc from "fast-check";
import type { NamespaceDefinition, NamespaceModel, Rewrite } from "../opl/ast";
import type { RelationTuple, Subject } from "../tuples";

/** Small random models (2 namespaces × 2 relations × 2 permissions, cycles allowed) and tuples for property tests. */
export const NAMESPACES = ["A", "B"] as const;
export const RELATIONS = ["r0", "r1"] as const;
export const PERMITS = ["p0", "p1"] as const;
const OBJECTS = ["o1", "o2", "o3"];

const leaf: fc.Arbitrary<Rewrite> = fc.oneof(
  fc.constantFrom(...RELATIONS, ...PERMITS).map((relation): Rewrite => ({ kind: "computed", relation })),
  fc.tuple(fc.constantFrom(...RELATIONS), fc.constantFrom(...RELATIONS, ...PERMITS)).map(([relation, computed]): Rewrite => ({ kind: "traverse", relation, computed })),
);

const rewrite: fc.Arbitrary<Rewrite> = fc.letrec<{ node: Rewrite }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.array(tie("node"), { minLength: 2, maxLength: 3 }).map((children): Rewrite => ({ kind: "union", children })),
    fc.array(tie("node"), { minLength: 2, maxLength: 2 }).map((children): Rewrite => ({ kind: "intersection", children })),
    tie("node").map((child): Rewrite => ({ kind: "not", child })),
  ),
})).node;

export const randomModel: fc.Arbitrary<NamespaceModel> = fc
  .array(rewrite, { minLength: 4, maxLength: 4 })
  .map((rewrites) => {
    const namespaces = new Map<string, NamespaceDefinition>();
    NAMESPACES.forEach((name, n) => {
      const types = NAMESPACES.map((namespace) => ({ namespace }));
      namespaces.set(name, {
        name,
        relations: new Map(RELATIONS.map((r) => [r, { name: r, types }])),
        permits: new Map(PERMITS.map((p, i) => [p, rewrites[n * 2 + i]])),
      });
    });
    return { namespaces };
  });

const subject: fc.Arbitrary<Subject> = fc.oneof(
  fc.constantFrom("u1", "u2").map((id): Subject => ({ type: "id", id })),
  fc.tuple(fc.constantFrom(...NAMESPACES), fc.constantFrom(...OBJECTS), fc.constantFrom("", ...RELATIONS, ...PERMITS))
    .map(([namespace, object, relation]): Subject => ({ type: "set", namespace, object, relation })),
);

export const randomTuples: fc.Arbitrary<RelationTuple[]> = fc.array(
  fc.record({
    namespace: fc.constantFrom(...NAMESPACES),
    object: fc.constantFrom(...OBJECTS),
    relation: fc.constantFrom(...RELATIONS),
    subject,
  }),
  { maxLength: 14 },
);
