import type { NamespaceModel } from "../opl/ast";
import type { TupleReader } from "../store/types";
import { subjectKey, type Subject, type Userset } from "../tuples";
import { objectCandidates, subjectCandidates } from "./candidates";
import { checkPermission } from "./check";

export interface PageRequest {
  pageSize: number;
  /** Exclusive lower bound: the sort key of the last item of the previous page. */
  after?: string;
}

export interface Page<T> {
  items: T[];
  /** Sort key of the last item when more may follow; undefined on the last page. */
  next?: string;
}

/** Filters sorted candidates by check, in small concurrent batches, until a page is full. */
async function pageByCheck<T>(candidates: T[], key: (c: T) => string, allowed: (c: T) => Promise<boolean>, page: PageRequest): Promise<Page<T>> {
  const pending = page.after === undefined ? candidates : candidates.filter((c) => key(c) > page.after!);
  const items: T[] = [];
  const batch = 16;
  for (let i = 0; i < pending.length; i += batch) {
    const slice = pending.slice(i, i + batch);
    const results = await Promise.all(slice.map(allowed));
    for (let j = 0; j < slice.length; j++) {
      if (!results[j]) continue;
      items.push(slice[j]);
      if (items.length === page.pageSize) {
        const more = i + j + 1 < pending.length;
        return { items, next: more ? key(slice[j]) : undefined };
      }
    }
  }
  return { items };
}

/** Beyond Keto: the objects of `namespace` on which `subject` has `relation`, with check's exact semantics. */
export async function listObjects(
  model: NamespaceModel, store: TupleReader, query: { namespace: string; relation: string; subject: Subject }, maxDepth: number, page: PageRequest,
): Promise<Page<string>> {
  const candidates = await objectCandidates(model, store, query.namespace, query.relation, query.subject, maxDepth);
  return pageByCheck(candidates, (o) => o, async (object) => {
    const outcome = await checkPermission(model, store, { namespace: query.namespace, object, relation: query.relation }, query.subject, { maxDepth });
    return outcome.membership === "member";
  }, page);
}

/** Beyond Keto: the subjects (ids and subject sets) that have `relation` on the object. */
export async function listSubjects(model: NamespaceModel, store: TupleReader, target: Userset, maxDepth: number, page: PageRequest): Promise<Page<Subject>> {
  const candidates = await subjectCandidates(model, store, target, maxDepth);
  return pageByCheck(candidates, subjectKey, async (subject) => {
    const outcome = await checkPermission(model, store, target, subject, { maxDepth });
    return outcome.membership === "member";
  }, page);
}
