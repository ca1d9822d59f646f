/** A JSON Pointer (RFC 6901 §4) from path segments: `~` → `~0`, `/` → `~1`. */
export function pointer(path: readonly string[]): string {
  return path.map((segment) => `/${segment.replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

export interface PatchOperation {
  op: "add";
  path: string;
  value: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The `add` operation that sets `path` in `document` to `value`. RFC 6902 §4.1 needs the parent to
 * exist, so when part of the path is missing the operation adds the first missing member as a whole
 * object (`{a: {b: value}}`) instead.
 */
export function setOperation(document: unknown, path: readonly string[], value: unknown): PatchOperation {
  let node: unknown = document;
  for (let index = 0; index < path.length - 1; index++) {
    const next = isObject(node) ? node[path[index]] : undefined;
    if (!isObject(next)) {
      const subtree = path.slice(index + 1).reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);
      return { op: "add", path: pointer(path.slice(0, index + 1)), value: subtree };
    }
    node = next;
  }
  return { op: "add", path: pointer(path), value };
}

/** Several settings into one patch, each against the document as the previous operations left it. */
export function setOperations(document: unknown, entries: ReadonlyArray<readonly [readonly string[], unknown]>): PatchOperation[] {
  const working = structuredClone(isObject(document) ? document : {});
  const operations: PatchOperation[] = [];
  for (const [path, value] of entries) {
    const operation = setOperation(working, path, value);
    operations.push(operation);
    // Mirror the operation so later entries see the members it created.
    const segments = operation.path.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
    let node: Record<string, unknown> = working;
    for (const key of segments.slice(0, -1)) node = node[key] as Record<string, unknown>;
    node[segments[segments.length - 1]] = structuredClone(operation.value);
  }
  return operations;
}
