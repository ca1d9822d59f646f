import { PatternError, quoteMeta } from "./delimiters";

/**
 * Translates a glob (gobwas/glob syntax with '.' and '/' as separators, as Oathkeeper's `glob` strategy)
 * to an RE2 expression: `*` any run of non-separators, `**` any run, `?` one non-separator, `[abc]`,
 * `[!abc]`, `[a-z]` character classes, `{a,b}` alternatives, `\x` a literal x.
 */
export function globToRegExp(glob: string): string {
  const { source, end } = translate(glob, 0, false);
  if (end !== glob.length) throw new PatternError(`unexpected "${glob[end]}" in glob`);
  return source;
}

function translate(glob: string, start: number, inAlternative: boolean): { source: string; end: number } {
  let out = "";
  let i = start;
  while (i < glob.length) {
    const c = glob[i];
    if (inAlternative && (c === "," || c === "}")) break;
    if (c === "*") {
      if (glob[i + 1] === "*") {
        out += ".*";
        i += 2;
      } else {
        out += "[^./]*";
        i++;
      }
    } else if (c === "?") {
      out += "[^./]";
      i++;
    } else if (c === "[") {
      const close = glob.indexOf("]", i + 2);
      if (close === -1) throw new PatternError("unclosed [ in glob");
      out += characterClass(glob.slice(i + 1, close));
      i = close + 1;
    } else if (c === "{") {
      const options: string[] = [];
      i++;
      for (;;) {
        const option = translate(glob, i, true);
        options.push(option.source);
        i = option.end;
        if (glob[i] === "}") break;
        if (glob[i] !== ",") throw new PatternError("unclosed { in glob");
        i++;
      }
      out += `(?:${options.join("|")})`;
      i++;
    } else if (c === "\\") {
      if (i + 1 >= glob.length) throw new PatternError("glob ends with a backslash");
      out += quoteMeta(glob[i + 1]);
      i += 2;
    } else {
      out += quoteMeta(c);
      i++;
    }
  }
  return { source: out, end: i };
}

function characterClass(body: string): string {
  const negated = body.startsWith("!");
  const members = negated ? body.slice(1) : body;
  if (!members) throw new PatternError("empty character class in glob");
  const escaped = members.replace(/[\\\]^[]/g, "\\$&");
  return `[${negated ? "^" : ""}${escaped}]`;
}
