import { RE2JS } from "re2js";
import { literalPrefix, PatternError, quoteMeta, splitPattern } from "./delimiters";
import { globToRegExp } from "./glob";

export type MatchingStrategy = "regexp" | "glob";

/**
 * A compiled `match.url`. Tenant patterns run on RE2JS (linear time: no pattern can stall the process for
 * other tenants, which Oathkeeper guards against with a regexp timeout), behind a literal-prefix check that
 * rejects most rules without running any expression.
 */
export interface UrlMatcher {
  prefix: string;
  groupCount: number;
  /** Capture groups of a match (regexp strategy; none for glob), or undefined for no match. */
  match(url: string): string[] | undefined;
}

const MAX_PATTERN = 2048;
const MAX_PROGRAM = 20_000;

export function compileUrlPattern(pattern: string, strategy: MatchingStrategy): UrlMatcher {
  if (pattern.length > MAX_PATTERN) throw new PatternError(`match.url is longer than ${MAX_PATTERN} characters`);
  const parts = splitPattern(pattern);
  const source = parts.map((part) => {
    if (part.literal) return quoteMeta(part.text);
    if (strategy === "glob") return globToRegExp(part.text);
    compileRe2(part.text); // each part must be a valid expression on its own (as Oathkeeper's compiler checks)
    return `(${part.text})`;
  });
  const regex = compileRe2(`^${source.join("")}$`);
  if (regex.programSize() > MAX_PROGRAM) throw new PatternError("match.url is too complex");
  const groupCount = strategy === "regexp" ? regex.groupCount() : 0;
  return {
    prefix: literalPrefix(parts),
    groupCount,
    match(url) {
      if (groupCount === 0) return regex.matches(url) ? [] : undefined;
      const found = regex.exec(url);
      return found ? Array.from({ length: groupCount }, (_, i) => (found[i + 1] as string | undefined) ?? "") : undefined;
    },
  };
}

function compileRe2(source: string): RE2JS {
  try {
    return RE2JS.compile(source);
  } catch (error) {
    throw new PatternError(`invalid regular expression ${JSON.stringify(source)}: ${(error as Error).message}`);
  }
}
