import { sameSubject, subjectKey, type RelationTuple, type Subject, type SubjectSet, type Userset } from "../tuples";
import type { TupleReader } from "./types";

/** An in-memory tuple store: the engine's reference backend for unit and property tests. */
export class MemoryTupleStore implements TupleReader {
  private readonly tuples = new Map<string, RelationTuple>();

  constructor(tuples: RelationTuple[] = []) {
    for (const t of tuples) this.add(t);
  }

  add(t: RelationTuple): void {
    this.tuples.set(`${t.namespace}:${t.object}#${t.relation}@${subjectKey(t.subject)}`, t);
  }

  delete(t: RelationTuple): void {
    this.tuples.delete(`${t.namespace}:${t.object}#${t.relation}@${subjectKey(t.subject)}`);
  }

  all(): RelationTuple[] {
    return [...this.tuples.values()];
  }

  private under(namespace: string, object: string, relation: string): RelationTuple[] {
    return this.all().filter((t) => t.namespace === namespace && t.object === object && t.relation === relation);
  }

  async lookup(namespace: string, object: string, relation: string, subject: Subject | undefined) {
    const rows = this.under(namespace, object, relation);
    const sets: SubjectSet[] = [];
    let direct = false;
    for (const t of rows) {
      if (subject && sameSubject(t.subject, subject)) direct = true;
      if (t.subject.type === "set") sets.push({ namespace: t.subject.namespace, object: t.subject.object, relation: t.subject.relation });
    }
    return { direct, sets };
  }

  async subjects(namespace: string, object: string, relation: string): Promise<Subject[]> {
    return this.under(namespace, object, relation).map((t) => t.subject);
  }

  async holders(subject: Subject): Promise<Userset[]> {
    return this.all().filter((t) => sameSubject(t.subject, subject)).map(({ namespace, object, relation }) => ({ namespace, object, relation }));
  }

  async traversedFrom(namespace: string, relation: string, target: string, targetObject: string): Promise<string[]> {
    return this.all()
      .filter((t) => t.namespace === namespace && t.relation === relation && t.subject.type === "set" && t.subject.namespace === target && t.subject.object === targetObject)
      .map((t) => t.object);
  }

  async objectsOf(namespace: string): Promise<string[]> {
    const objects = new Set<string>();
    for (const t of this.tuples.values()) {
      if (t.namespace === namespace) objects.add(t.object);
      if (t.subject.type === "set" && t.subject.namespace === namespace) objects.add(t.subject.object);
    }
    return [...objects].sort();
  }

  async storedAsSubjects(usersets: Userset[]): Promise<Userset[]> {
    const known = new Set(this.all().map((t) => subjectKey(t.subject)));
    return usersets.filter((u) => known.has(subjectKey({ type: "set", ...u })));
  }

  async allSubjects(): Promise<Subject[]> {
    const subjects = new Map<string, Subject>();
    for (const t of this.tuples.values()) subjects.set(subjectKey(t.subject), t.subject);
    return [...subjects.values()];
  }
}
