import type { RelationTuple, Subject } from "./tuples";

/** Parses Keto's tuple notation: `ns:obj#rel@subject_id`, `…@ns:obj#rel` or `…@ns:obj` (object reference). */
export function parseTupleString(text: string): RelationTuple {
  const at = text.indexOf("@");
  const hash = text.lastIndexOf("#", at);
  const colon = text.indexOf(":");
  if (at < 0 || hash < 0 || colon < 0 || colon > hash) throw new Error(`not a relation tuple: ${text}`);
  return { namespace: text.slice(0, colon), object: text.slice(colon + 1, hash), relation: text.slice(hash + 1, at), subject: parseSubject(text.slice(at + 1)) };
}

export function parseSubject(text: string): Subject {
  const colon = text.indexOf(":");
  if (colon < 0) return { type: "id", id: text };
  const hash = text.lastIndexOf("#");
  return hash > colon
    ? { type: "set", namespace: text.slice(0, colon), object: text.slice(colon + 1, hash), relation: text.slice(hash + 1) }
    : { type: "set", namespace: text.slice(0, colon), object: text.slice(colon + 1), relation: "" };
}
