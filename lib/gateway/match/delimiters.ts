/**
 * Oathkeeper's `<…>` pattern parts: `https://example.com/<.*>` is a literal URL with one pattern part.
 * Delimiters nest (`<[a-z]<1>>` is one part); unbalanced delimiters are an error.
 */
export interface PatternPart {
  literal: boolean;
  text: string;
}

export function splitPattern(pattern: string): PatternPart[] {
  const parts: PatternPart[] = [];
  let level = 0;
  let start = 0;
  let literalStart = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "<") {
      if (++level === 1) {
        if (i > literalStart) parts.push({ literal: true, text: pattern.slice(literalStart, i) });
        start = i + 1;
      }
    } else if (c === ">") {
      if (--level === 0) {
        parts.push({ literal: false, text: pattern.slice(start, i) });
        literalStart = i + 1;
      } else if (level < 0) throw new PatternError("unbalanced < and > in match.url");
    }
  }
  if (level !== 0) throw new PatternError("unbalanced < and > in match.url");
  if (literalStart < pattern.length) parts.push({ literal: true, text: pattern.slice(literalStart) });
  return parts;
}

export class PatternError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PatternError";
  }
}

/** Escapes text for an RE2 (and JavaScript) regular expression. */
export const quoteMeta = (text: string): string => text.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&");

/** The literal text every match must start with (everything before the first pattern part). */
export function literalPrefix(parts: PatternPart[]): string {
  return parts.length && parts[0].literal ? parts[0].text : "";
}
