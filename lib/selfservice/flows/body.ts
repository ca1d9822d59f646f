import type { SubmitBody } from "./strategy";

/** A value of a submission, whether it came as nested JSON (`{traits:{email}}`) or a flat form (`traits.email`). */
export function bodyValue(body: SubmitBody, name: string): unknown {
  if (name in body) return body[name];
  let node: unknown = body;
  for (const part of name.split(".")) {
    if (!node || typeof node !== "object" || Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

export const bodyString = (body: SubmitBody, name: string): string | undefined => {
  const value = bodyValue(body, name);
  return typeof value === "string" ? value : undefined;
};

/** `traits` as an object: JSON bodies send it nested, HTML forms as `traits.a.b` keys. */
export function traitsFromBody(body: SubmitBody): Record<string, unknown> {
  const nested = body.traits;
  const traits: Record<string, unknown> = nested && typeof nested === "object" && !Array.isArray(nested) ? structuredClone(nested as Record<string, unknown>) : {};
  for (const [key, value] of Object.entries(body)) {
    if (!key.startsWith("traits.")) continue;
    const path = key.slice("traits.".length).split(".");
    if (path.some((p) => !p || p === "__proto__" || p === "constructor" || p === "prototype")) continue;
    let node = traits;
    for (const part of path.slice(0, -1)) {
      if (!node[part] || typeof node[part] !== "object") node[part] = {};
      node = node[part] as Record<string, unknown>;
    }
    node[path[path.length - 1]] = value;
  }
  return traits;
}

/** Flattens traits into `traits.a.b` → value pairs (to put submitted values back into nodes). */
export function flattenTraits(traits: Record<string, unknown>, prefix = "traits"): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  for (const [key, value] of Object.entries(traits)) {
    const name = `${prefix}.${key}`;
    if (value && typeof value === "object" && !Array.isArray(value)) out.push(...flattenTraits(value as Record<string, unknown>, name));
    else out.push([name, value]);
  }
  return out;
}
