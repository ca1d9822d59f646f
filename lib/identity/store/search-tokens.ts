/**
 * Search tokens of an identity: every string trait (lower-cased, whole value and its words) up to a bound.
 * Stored hex-encoded so that prefix search is a collation-independent btree range scan (see identity.prisma).
 */
const MAX_TOKENS = 64;
const MAX_LENGTH = 256;

function strings(value: unknown, out: string[], depth = 0): void {
  if (depth > 8 || out.length > MAX_TOKENS * 2) return;
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out, depth + 1));
  else if (value && typeof value === "object") Object.values(value).forEach((v) => strings(v, out, depth + 1));
}

export const toSearchKey = (text: string): string => Buffer.from(text, "utf8").toString("hex");

export function searchTokens(traits: unknown): string[] {
  const values: string[] = [];
  strings(traits, values);
  const tokens = new Set<string>();
  for (const raw of values) {
    const value = raw.trim().toLowerCase().slice(0, MAX_LENGTH);
    if (!value) continue;
    tokens.add(value);
    for (const word of value.split(/[\s@._+-]+/)) if (word.length > 1) tokens.add(word);
  }
  return [...tokens].slice(0, MAX_TOKENS).map(toSearchKey);
}

/** The exclusive upper bound of a hex prefix range: "6a6f" → "6a70" (hex strings sort like bytes). */
export function prefixUpperBound(hexPrefix: string): string {
  const digits = hexPrefix.split("");
  for (let i = digits.length - 1; i >= 0; i--) {
    const next = parseInt(digits[i]!, 16) + 1;
    if (next < 16) {
      digits[i] = next.toString(16);
      return digits.slice(0, i + 1).join("");
    }
  }
  return "g"; // all "f": every longer hex string sorts below "g"
}
