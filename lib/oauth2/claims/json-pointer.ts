type Json = Record<string, unknown>;

/** RFC 6901 §4: the value a pointer names in a document, or undefined. */
export function resolvePointer(document: unknown, pointer: string): unknown {
  let node = document;
  for (const token of pointer.split("/").slice(1).map((t) => t.replaceAll("~1", "/").replaceAll("~0", "~"))) {
    if (Array.isArray(node) && /^(0|[1-9]\d*)$/.test(token)) node = node[Number(token)];
    else if (node && typeof node === "object" && !Array.isArray(node) && Object.hasOwn(node, token)) node = (node as Json)[token];
    else return undefined;
  }
  return node;
}
