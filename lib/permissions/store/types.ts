import type { Subject, SubjectSet, Userset } from "../tuples";

/** What the check engine reads. One store serves exactly one project. */
export interface TupleReader {
  /** The subject sets stored under `ns:obj#rel`, and whether `subject` itself is stored there. */
  lookup(namespace: string, object: string, relation: string, subject: Subject | undefined): Promise<{ direct: boolean; sets: SubjectSet[] }>;
  /** Every subject stored under `ns:obj#rel`. */
  subjects(namespace: string, object: string, relation: string): Promise<Subject[]>;
  /** Usersets (`ns:obj#rel`) that hold exactly this subject (the reverse index). */
  holders(subject: Subject): Promise<Userset[]>;
  /** Objects of `namespace` whose `relation` holds a subject set on `target:targetObject` (any relation). */
  traversedFrom(namespace: string, relation: string, target: string, targetObject: string): Promise<string[]>;
  /** Every object of a namespace the store knows (as object or as a subject set's object), sorted. */
  objectsOf(namespace: string): Promise<string[]>;
  /** Every subject the store knows. */
  allSubjects(): Promise<Subject[]>;
  /** Those of the usersets that some tuple names as its subject set (the subject sets the store knows). */
  storedAsSubjects(usersets: Userset[]): Promise<Userset[]>;
}
