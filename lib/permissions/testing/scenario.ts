import { expect } from "vitest";
import { checkPermission } from "../engine/check";
import { expand } from "../engine/expand";
import { listObjects, listSubjects } from "../engine/list";
import { parseOpl } from "../opl/parse";
import { MemoryTupleStore } from "../store/memory";
import { parseSubject, parseTupleString } from "../tuple-string";
import { formatSubject } from "../tuples";

/**
 * A test scenario in the shape Keto's and OpenFGA's suites use: an OPL document, stored tuples (written
 * straight to the store, as tuples written before the OPL changed would be) and questions in tuple notation.
 */
export function scenario(opl: string, tuples: string[], options: { strict?: boolean } = {}) {
  const parsed = parseOpl(opl);
  expect(parsed.errors).toEqual([]);
  const model = { ...parsed.model, strict: options.strict ?? false };
  const store = new MemoryTupleStore(tuples.map(parseTupleString));
  const check = async (question: string, maxDepth = 5) => {
    const t = parseTupleString(question);
    return (await checkPermission(model, store, t, t.subject, { maxDepth })).membership;
  };
  /** `ns#relation@subject` → the objects, as list-objects returns them. */
  const objects = async (question: string, maxDepth = 5) => {
    const [head, subject] = question.split("@");
    const [namespace, relation] = head.split("#");
    return (await listObjects(model, store, { namespace, relation, subject: parseSubject(subject) }, maxDepth, { pageSize: 1000 })).items;
  };
  /** `ns:object#relation` → the subjects in tuple notation, as list-subjects returns them. */
  const subjects = async (userset: string, maxDepth = 5) => {
    const t = parseTupleString(`${userset}@x`);
    return (await listSubjects(model, store, t, maxDepth, { pageSize: 1000 })).items.map(formatSubject);
  };
  const tree = (userset: string, maxDepth = 5) => expand(model, store, parseTupleString(`${userset}@x`), maxDepth);
  return { model, store, check, objects, subjects, tree };
}
