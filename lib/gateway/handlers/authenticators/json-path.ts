import { isPlainObject } from "../../template/values";

/**
 * The gjson paths Oathkeeper's `subject_from` / `extra_from` use, reduced to what they are used for:
 * `@this` (the whole document) and dotted paths (`identity.id`, `identity.traits.email`, `items.0`).
 */
export function readPath(document: unknown, path: string): unknown {
  if (path === "@this" || path === "") return document;
  let value = document;
  for (const part of path.split(".")) {
    if (Array.isArray(value) && /^\d+$/.test(part)) value = value[Number(part)];
    else if (isPlainObject(value) && Object.hasOwn(value, part)) value = value[part];
    else return undefined;
  }
  return value;
}

export const JSON_PATH = /^(@this|[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*)$/;
