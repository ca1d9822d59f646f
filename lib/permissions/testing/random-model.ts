import fc from "fast-check";
import { namespaceOnly, type NamespaceDefinition, type NamespaceModel, type Rewrite, type SubjectType } from "../opl/ast";
import type { RelationTuple, Subject } from "../tuples";

/**
 * Small random models for property tests: namespaces A and B declare two typed relations and two permissions
 * each (cycles allowed), C declares nothing (Keto's namespace-only OPL); strict mode on or off. Tuples may be
 * stored under permissions' names and an undeclared relation (`u0`), and may break the declared types.
 */
export const NAMESPACES = ["A", "B", "C"] as const;
const TYPED = ["A", "B"] as const;
export const RELATIONS = ["r0", "r1"] as const;
export const PERMITS = ["p0", "p1"] as const;
export const UNDECLARED = "u0";
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

const subjectTypes: fc.Arbitrary<SubjectType[]> = fc.uniqueArray(
  fc.oneof(
    fc.constantFrom(...NAMESPACES).map((namespace): SubjectType => ({ namespace })),
    fc.tuple(fc.constantFrom(...TYPED), fc.constantFrom(...RELATIONS, ...PERMITS)).map(([namespace, relation]): SubjectType => ({ namespace, relation })),
  ),
  { minLength: 1, maxLength: 4, selector: (t) => `${t.namespace}#${t.relation ?? ""}` },
);

export const randomModel: fc.Arbitrary<NamespaceModel> = fc
  .record({ rewrites: fc.array(rewrite, { minLength: 4, maxLength: 4 }), types: fc.array(subjectTypes, { minLength: 4, maxLength: 4 }), strict: fc.boolean() })
  .map(({ rewrites, types, strict }) => {
    const namespaces = new Map<string, NamespaceDefinition>();
    TYPED.forEach((name, n) => {
      namespaces.set(name, {
        name,
        relations: new Map(RELATIONS.map((r, i) => [r, { name: r, types: types[n * 2 + i] }])),
        permits: new Map(PERMITS.map((p, i) => [p, rewrites[n * 2 + i]])),
      });
    });
    namespaces.set("C", namespaceOnly("C"));
    return { namespaces, strict };
  });

const relationName = fc.constantFrom<string>(...RELATIONS, ...RELATIONS, "p0", UNDECLARED);

const subject: fc.Arbitrary<Subject> = fc.oneof(
  fc.constantFrom("u1", "u2").map((id): Subject => ({ type: "id", id })),
  fc.tuple(fc.constantFrom(...NAMESPACES), fc.constantFrom(...OBJECTS), fc.constantFrom("", ...RELATIONS, "p0", UNDECLARED))
    .map(([namespace, object, relation]): Subject => ({ type: "set", namespace, object, relation })),
);

export const randomTuples: fc.Arbitrary<RelationTuple[]> = fc.array(
  fc.record({ namespace: fc.constantFrom(...NAMESPACES), object: fc.constantFrom(...OBJECTS), relation: relationName, subject }),
  { maxLength: 14 },
);

/** Every relation name a question may ask about. */
export const QUESTION_RELATIONS = [...RELATIONS, ...PERMITS, UNDECLARED] as const;
