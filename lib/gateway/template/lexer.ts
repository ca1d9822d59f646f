import { TemplateError } from "./errors";

/**
 * Splits a Go text/template source into text and action segments (`{{ … }}`, with the `{{-`/`-}}` trim
 * markers) and tokenizes actions. Only what Oathkeeper's rule templates use is recognised; anything else
 * is a clear error at rule-write time rather than a surprise at request time.
 */
export type Token =
  | { kind: "field"; path: string[] }
  | { kind: "ident"; name: string }
  | { kind: "string"; value: string }
  | { kind: "number"; value: number }
  | { kind: "pipe" }
  | { kind: "lparen" }
  | { kind: "rparen" };

export type Segment = { kind: "text"; value: string } | { kind: "action"; tokens: Token[]; source: string };

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*/;
const FIELD = /^(?:\.[A-Za-z_][A-Za-z0-9_]*)+|^\./;
const NUMBER = /^-?\d+(?:\.\d+)?/;

export function segment(source: string): Segment[] {
  const segments: Segment[] = [];
  let position = 0;
  let trimNext = false;
  while (position < source.length) {
    const open = source.indexOf("{{", position);
    let text = source.slice(position, open === -1 ? source.length : open);
    if (trimNext) text = text.replace(/^\s+/, "");
    trimNext = false;
    if (open === -1) {
      if (text) segments.push({ kind: "text", value: text });
      break;
    }
    const trimBefore = source.startsWith("{{- ", open);
    if (trimBefore) text = text.replace(/\s+$/, "");
    if (text) segments.push({ kind: "text", value: text });
    const bodyStart = open + (trimBefore ? 4 : 2);
    const close = findClose(source, bodyStart);
    trimNext = source.slice(close - 2, close) === " -";
    const body = source.slice(bodyStart, trimNext ? close - 2 : close);
    segments.push({ kind: "action", tokens: tokenize(body), source: body.trim() });
    position = close + 2;
  }
  return segments;
}

function findClose(source: string, from: number): number {
  let quote: string | undefined;
  for (let i = from; i < source.length; i++) {
    const c = source[i];
    if (quote) {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "`") quote = c;
    else if (c === "}" && source[i + 1] === "}") return i;
  }
  throw new TemplateError("unclosed action: missing }}");
}

export function tokenize(body: string): Token[] {
  const tokens: Token[] = [];
  let rest = body;
  while ((rest = rest.replace(/^\s+/, "")).length) {
    const c = rest[0];
    if (c === "|") tokens.push({ kind: "pipe" });
    else if (c === "(") tokens.push({ kind: "lparen" });
    else if (c === ")") tokens.push({ kind: "rparen" });
    if ("|()".includes(c)) {
      rest = rest.slice(1);
      continue;
    }
    if (c === '"' || c === "`") {
      const { value, length } = readString(rest);
      tokens.push({ kind: "string", value });
      rest = rest.slice(length);
      continue;
    }
    if (c === "$") throw new TemplateError("template variables ($) are not supported");
    if (c === "/" && rest[1] === "*") throw new TemplateError("template comments are not supported");
    const field = FIELD.exec(rest);
    if (field) {
      tokens.push({ kind: "field", path: field[0] === "." ? [] : field[0].slice(1).split(".") });
      rest = rest.slice(field[0].length);
      continue;
    }
    const number = NUMBER.exec(rest);
    if (number) {
      tokens.push({ kind: "number", value: Number(number[0]) });
      rest = rest.slice(number[0].length);
      continue;
    }
    const ident = IDENT.exec(rest);
    if (!ident) throw new TemplateError(`unexpected character ${JSON.stringify(c)} in action`);
    tokens.push({ kind: "ident", name: ident[0] });
    rest = rest.slice(ident[0].length);
  }
  return tokens;
}

const ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", '"': '"', "\\": "\\", "'": "'" };

function readString(rest: string): { value: string; length: number } {
  if (rest[0] === "`") {
    const end = rest.indexOf("`", 1);
    if (end === -1) throw new TemplateError("unterminated raw string");
    return { value: rest.slice(1, end), length: end + 1 };
  }
  let value = "";
  for (let i = 1; i < rest.length; i++) {
    const c = rest[i];
    if (c === '"') return { value, length: i + 1 };
    if (c !== "\\") {
      value += c;
      continue;
    }
    const next = rest[++i];
    if (next === "u" && /^[0-9a-fA-F]{4}$/.test(rest.slice(i + 1, i + 5))) {
      value += String.fromCharCode(parseInt(rest.slice(i + 1, i + 5), 16));
      i += 4;
    } else if (next in ESCAPES) value += ESCAPES[next];
    else throw new TemplateError(`unknown escape \\${next ?? ""} in string`);
  }
  throw new TemplateError("unterminated string");
}
