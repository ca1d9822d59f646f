export type Messages = { [key: string]: string | Messages };

const isTree = (value: unknown): value is Messages => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * `override` deep-merged over `base`: a locale's messages over English, so a namespace or key a locale
 * lacks (the console speaks only en and de) shows in English instead of as a raw key.
 */
export function mergeMessages(base: Messages, override: Messages): Messages {
  const result: Messages = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const under = result[key];
    result[key] = isTree(value) && isTree(under) ? mergeMessages(under, value) : value;
  }
  return result;
}
